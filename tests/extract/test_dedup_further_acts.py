"""Two acts of one key in one article (two measures against one state on one day, a strike and a
clash): a report told as a further act ("also", 又) of another mode than its twin stays an event
of its own, with an id of its own; a restatement still folds."""

from __future__ import annotations

from dualtrack.extract.dedup import merge_events
from dualtrack.extract.langdata import build
from dualtrack.model import Event

from .conftest import act


def _event(mode: str | None, start: int, doc: str = "d1", end: int | None = None) -> Event:
    return act("COERCE", mode, start, doc, end)


def _country(actor: str | None) -> str | None:
    return actor.split(".")[0] if actor else None


def _merge(events: list[Event], further: frozenset[int]) -> list[Event]:
    return merge_events(events, _country, within_doc=True, further=further)


def test_a_further_act_of_another_mode_stays_apart_with_its_own_id() -> None:
    out = _merge([_event("restrict", 0), _event("seize", 40)], frozenset({1}))
    assert [e.mode for e in out] == ["restrict", "seize"]
    assert out[0].id != out[1].id


def test_without_a_word_of_addition_the_twins_fold() -> None:
    assert len(_merge([_event("restrict", 0), _event("seize", 40)], frozenset())) == 1


def test_a_further_report_of_the_same_mode_or_without_one_folds() -> None:
    assert len(_merge([_event("restrict", 0), _event("restrict", 40)], frozenset({1}))) == 1
    assert len(_merge([_event("restrict", 0), _event(None, 40)], frozenset({1}))) == 1
    assert len(_merge([_event(None, 0), _event("seize", 40)], frozenset({1}))) == 1


def test_two_drafts_of_one_clause_are_one_act() -> None:
    assert len(_merge([_event("restrict", 0), _event("seize", 0)], frozenset({1}))) == 1


def test_the_further_act_told_again_folds_into_it() -> None:
    events = [_event("restrict", 0), _event("seize", 40), _event("seize", 80)]
    out = _merge(events, frozenset({1}))
    assert len(out) == 2
    assert len(out[1].evidence) == 2


def test_across_documents_each_act_folds_with_its_own_twin() -> None:
    one = _merge([_event("restrict", 0, "d1"), _event("seize", 40, "d1")], frozenset({1}))
    two = _merge([_event("restrict", 5, "d2"), _event("seize", 50, "d2")], frozenset({1}))
    both = merge_events([*one, *two], _country, within_doc=False)
    assert len(both) == 2
    assert {e.id for e in both} == {e.id for e in one}
    assert all(len(e.evidence) == 2 for e in both)
    again = merge_events(list(reversed([*two, *one])), _country, within_doc=False)
    assert {e.id for e in again} == {e.id for e in both}


def test_words_of_addition_are_language_data() -> None:
    en = build("en").mod["further_act_re"]
    assert en.search("The ministry also closed the port.")
    assert not en.search("The ministry closed the port.")
    zh = build("zh").mod["further_act_re"]
    assert zh.search("该部又关闭了港口")
    assert not zh.search("该国又称为甲国")
