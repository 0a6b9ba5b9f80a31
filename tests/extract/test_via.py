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
