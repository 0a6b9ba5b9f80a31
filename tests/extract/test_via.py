"""The via of the events kept (`pipeline._complete_via`): the mediator its own verb names, the
host of talks held in a third state, and the agreements of mediated talks, for both coders.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.pipeline import Extractor
from dualtrack.model import Document

DAY = dt.date(2026, 2, 8)


def _talks(coder: str, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    ex = Extractor(case=None, lang="auto", coder=coder)
    res = ex.extract(Document(text=text, date=DAY, source="via-test"))
    return sorted(
        (e.category.value, ex.country(e.target), e.via, e.mode)
        for e in res.events
        if e.category.value in ("CONSULT", "AGREE")
    )


@pytest.mark.parametrize("coder", ["rules", "learned"])
def test_mediator_named_by_its_own_verb_stays_on_the_talks(coder: str) -> None:
    # the verifier may keep the reading from the noun "talks" rather than from "mediated"
    got = _talks(coder, "Oman mediated talks between Iran and the United States on Friday.")
    assert got and all(via == "OMN" for _, _, via, _ in got)


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    "text",
    [
        "Delegations of Armenia and Azerbaijan met in Abu Dhabi on Thursday.",
        "伊朗和美国的代表周五在马斯喀特会谈。",
        "伊朗與美國代表週五在馬斯開特會談。",
    ],
)
def test_talks_in_a_third_state_are_hosted_by_it(coder: str, text: str) -> None:
    got = _talks(coder, text)
    assert [c for c, *_ in got] == ["CONSULT"]
    _, _, via, mode = got[0]
    assert via in ("ARE", "OMN") and mode == "third-party"


@pytest.mark.parametrize("coder", ["rules", "learned"])
def test_agreement_of_hosted_talks_carries_the_via(coder: str) -> None:
    got = _talks(coder, "Iran and the United States met in Oman and signed a deal on prisoners.")
    assert {c for c, *_ in got} == {"CONSULT", "AGREE"}
    assert all(via == "OMN" for _, _, via, _ in got)


def test_a_party_named_as_the_place_is_no_host() -> None:
    got = _talks("rules", "Iran and the United States held talks in Tehran on Friday.")
    assert got and all(via is None for _, _, via, _ in got)


def _vias(coder: str, text: str) -> set[tuple[str, str | None]]:
    """The (category, via) of the talks and agreements between two parties."""
    ex = Extractor(case=None, lang="auto", coder=coder)
    res = ex.extract(Document(text=text, date=DAY, source="via-test"))
    return {
        (e.category.value, e.via)
        for e in res.events
        if e.category.value in ("CONSULT", "AGREE") and e.target is not None
    }


def _talks_without_host(coder: str, text: str) -> None:
    """The text's talks are coded, and none of its places is their host."""
    got = _vias(coder, text)
    assert ("CONSULT", None) in got and all(via is None for _, via in got)


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    "text",
    [
        "Speaking in Beijing, the Chinese foreign minister said talks between Iran and the "
        "United States would resume.",
        "Iran's top diplomat told reporters in Doha that its talks with the United States "
        "would go on next month.",
        "中国外长周三在北京举行记者会时说,伊朗和美国的代表上周举行了会谈。",
    ],
)
def test_the_place_of_a_speaker_hosts_no_talks(coder: str, text: str) -> None:
    _talks_without_host(coder, text)


@pytest.mark.parametrize("coder", ["rules", "learned"])
def test_a_place_of_talks_after_a_speakers_place_hosts_them(coder: str) -> None:
    got = _vias(coder, "中国外长在北京表示,伊朗和美国的代表将于周五在马斯喀特会谈。")
    assert got == {("CONSULT", "OMN")}


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    "text",
    [
        "The ministers of India and China met in Laos on the sidelines of a regional "
        "summit on Thursday. India and China met in Laos again the next day.",
        "印度总理和中国国家主席周四在老挝出席东盟峰会期间会晤。",
    ],
)
def test_talks_on_the_sidelines_of_a_summit_have_no_host(coder: str, text: str) -> None:
    _talks_without_host(coder, text)


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    "text",
    [
        "Syria and Israel met in Paris on Tuesday. Their talks were mediated by Washington.",
        "叙利亚和以色列的外长周二在巴黎会谈,这轮会谈由美国居中斡旋。",
        # named apart from the talks, with no verb of mediating of its own
        "Syria and Israel met in Paris on Tuesday. Both sides thanked the American mediators "
        "of the talks.",
        "叙利亚和以色列的外长周二在巴黎会谈。此轮会谈是美国斡旋的系列对话之一。",
    ],
)
def test_a_mediator_of_the_talks_wins_over_the_venue(coder: str, text: str) -> None:
    assert ("CONSULT", "USA") in _vias(coder, text)
    assert ("CONSULT", "FRA") not in _vias(coder, text)


@pytest.mark.parametrize("coder", ["rules", "learned"])
def test_a_mediator_of_a_deal_is_not_the_host_of_earlier_talks(coder: str) -> None:
    got = _vias(
        coder,
        "Azerbaijan and Armenia held talks in Abu Dhabi in March. In August, Armenia and "
        "Azerbaijan signed a peace deal brokered by Washington.",
    )
    assert got == {("CONSULT", "ARE"), ("AGREE", "USA")}


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("Tehran and Washington held talks in Muscat, mediated by Oman.", "OMN"),
        ("Tehran and Washington held talks in Doha on Friday.", "QAT"),
        ("伊朗和美国的代表周日在多哈举行会谈。", "QAT"),
    ],
)
def test_talks_in_a_third_state_keep_their_host(coder: str, text: str, via: str) -> None:
    assert _vias(coder, text) == {("CONSULT", via)}
