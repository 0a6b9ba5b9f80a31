"""Asides after a comma (", a close ally of X,", ", which has …,") are language data
(modality.yaml aside_open): the aside's names are not the subject, its date is its own, and a
capitalised word after a comma opens none. Texts written for these tests."""

from __future__ import annotations

from dualtrack.extract.langdata import build


def test_aside_patterns_come_from_the_language_data() -> None:
    en, zh = build("en").mod, build("zh").mod
    assert zh["parenthetical_re"] is None and zh["apposition_re"] is None
    assert en["parenthetical_re"].search("Peru, which borders Chile, said")
    assert en["apposition_re"].match(", a neighbour of Chile")
    assert not en["parenthetical_re"].search("Peru, Chile, and Bolivia said")
    assert not en["parenthetical_re"].search("Peru, An Nasiriyah, and Basra")


def _pairs(res, tuples) -> set[tuple[str, str, str | None]]:
    return {(a, c, t) for _, a, c, t in tuples(res)}


def test_a_name_inside_an_aside_is_not_the_subject(run, tuples) -> None:
    res = run("Russia, a steady ally of Serbia, blamed Kosovo for the clashes.")
    assert _pairs(res, tuples) == {("RUS", "ACCUSE", "XKX")}
    res = run("China, which has long backed Pakistan, urged India to show restraint.")
    assert _pairs(res, tuples) == {("CHN", "REQUEST", "IND")}
