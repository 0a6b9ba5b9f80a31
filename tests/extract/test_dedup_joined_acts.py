"""Two measures of one key joined in one sentence ("expelled the envoy and closed the
consulates", 召回大使，并暂停接触): each its own act, with an id of its own, where the category is
one whose joined acts stay apart (modality.yaml `joined_acts`); a restatement in another sentence
still folds, and a strike told with two verbs stays one act."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.dedup import merge_events
from dualtrack.extract.langdata import build
from dualtrack.extract.pipeline import Extractor
from dualtrack.model import Document, Event

from .conftest import act


def _event(mode: str | None, start: int, doc: str = "d1", end: int | None = None) -> Event:
    return act("SANCTION", mode, start, doc, end)


def _country(actor: str | None) -> str | None:
    return actor.split(".")[0] if actor else None


def _merge(events: list[Event], joined: dict[int, int]) -> list[Event]:
    return merge_events(events, _country, within_doc=True, joined=joined)


def test_joined_acts_of_one_mode_stay_apart_with_ids_of_their_own() -> None:
    out = _merge([_event("expel", 0, end=60), _event("expel", 0, end=60)], {1: 0})
    assert len(out) == 2
    assert out[0].id != out[1].id


def test_joined_acts_of_two_modes_stay_apart() -> None:
    out = _merge([_event("expel", 0), _event("withdraw", 0)], {1: 0})
    assert [e.mode for e in out] == ["expel", "withdraw"]


def test_unjoined_twins_of_one_sentence_fold() -> None:
    assert len(_merge([_event("expel", 0), _event("withdraw", 0)], {})) == 1


def test_a_restatement_in_another_sentence_folds() -> None:
    events = [_event("expel", 0), _event("withdraw", 0), _event("expel", 80)]
    out = _merge(events, {1: 0})
    assert len(out) == 2
    assert len(out[0].evidence) == 2


def test_a_partner_of_another_key_keeps_nothing_apart() -> None:
    other = _event("expel", 0).model_copy(update={"target": "CCC"})
    events = [_event("expel", 0), other, _event("withdraw", 0)]
    assert len(_merge(events, {2: 1})) == 2


def test_three_joined_acts_of_one_mode_and_their_twins_across_documents() -> None:
    one = _merge([_event("expel", 0, "d1") for _ in range(3)], {1: 0, 2: 1})
    two = _merge([_event("expel", 5, "d2") for _ in range(3)], {1: 0, 2: 1})
    assert len({e.id for e in one}) == 3
    both = merge_events([*one, *two], _country, within_doc=False)
    assert {e.id for e in both} == {e.id for e in one}
    assert all(len(e.evidence) == 2 for e in both)


def test_words_that_join_acts_are_language_data() -> None:
    en, zh = build("en").mod, build("zh").mod
    assert en["joined_act_re"].search(" the ambassador and closed ")
    assert zh["joined_act_re"].search("大使，并暂停")
    assert "SANCTION" in {c.value for c in en["joined_acts"]}
    assert "ASSAULT" not in {c.value for c in zh["joined_acts"]}


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Chile expelled Peru's ambassador on Monday and closed the Peruvian consulates.", 2),
        ("Chile expelled Peru's ambassador on Monday. Chile said the envoy was expelled.", 1),
        ("智利3月2日召回驻秘鲁大使，并暂停与秘鲁的所有双边接触。", 2),
        ("Chile struck and bombed Peruvian positions on Monday.", 1),
    ],
)
def test_the_coder_keeps_joined_measures_apart(coder: str, text: str, n: int) -> None:
    ex = Extractor(case=None, lang="auto", coder=coder)
    doc = Document(text=text, date=dt.date(2026, 3, 3), source="own")
    events = ex.extract(doc).events
    assert len(events) == n
    assert len({e.id for e in events}) == n
