"""A trigger the rule coder matched and made no draft of (no actor in its subject slot) is a
cue of its category for the clause model (`bare:REQUEST`), and the clause model adds an event
of that category from the lower threshold `category_bare` in such a clause only. Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import numpy as np

from dualtrack.extract import Extractor
from dualtrack.extract import learned as L
from dualtrack.model import Document

# The second sentence's appeal has a title and an unknown name in its subject slot: the rules
# find the verb and no actor.
TEXT = (
    "Egypt and Qatar held talks on Friday. "
    "Foreign Minister Haddad also urged Qatar to reopen the border crossing."
)


def _view() -> tuple[L.DocView, list[L.Unit]]:
    ex = Extractor(case=None, lang="auto")
    _, view = ex.analyse(Document(text=TEXT, date=dt.date(2025, 3, 7), source="bare"))
    return view, view.units()


def test_dropped_trigger_is_a_cue_of_its_clause() -> None:
    view, units = _view()
    assert not any(d.category.value == "REQUEST" for d in view.drafts)
    cues = [L._bare_triggers(view, u) for u in units]
    assert cues[0] == []  # the talks made drafts: no bare trigger
    assert "bare:REQUEST" in cues[1]


def _constant_models(p: float, th: dict[str, float]) -> L.Models:
    """Models whose clause model gives every category probability `p` (bias only)."""
    logit = np.log(p / (1 - p))
    lin = L.Linear({}, np.full((1, len(L.CATEGORIES)), logit), multilabel=True)
    return L.Models(lin, lin, lin, lin, th)


def test_lower_bar_only_for_the_bare_category() -> None:
    view, units = _view()
    cands = [L.role_candidates(view, units, k) for k in range(len(units))]
    th = {"category": 1.01, "category:CONSULT": 0.7}
    found = L.likely_categories(view, _constant_models(0.5, th), units, cands)
    assert found == []
    found = L.likely_categories(
        view, _constant_models(0.5, {**th, "category_bare": 0.3}), units, cands
    )
    assert {(k, c.value) for k, c, _ in found} == {(1, "REQUEST")}


def test_packaged_weights_have_the_bare_threshold() -> None:
    models = L.packaged()
    assert models is not None
    assert models.thresholds.get("category_bare", 1.01) < 0.5


def test_verifier_reads_the_governing_trigger_before_a_draft() -> None:
    """`_trigger_before`: the category of the last governing trigger before the draft's own in
    its sentence, None for the sentence's first act (the attack word between is not one)."""
    ex = Extractor(case=None, lang="auto")
    text = "Qatar condemned the strikes on Friday, and Israel withdrew its troops from the border."
    _, view = ex.analyse(Document(text=text, date=dt.date(2025, 3, 7), source="prev"))
    got = {d.category.value: L._trigger_before(view, d) for d in view.drafts}
    assert got == {"ACCUSE": None, "RETREAT": "ACCUSE"}


def test_a_bare_trigger_says_whether_a_verb_governs_it() -> None:
    """`_bare_governed`: the truce asked for is the appeal's content (`gov:True`); the appeal
    itself, with no actor found in its subject slot, stands alone (`gov:False`)."""
    ex = Extractor(case=None, lang="auto")
    text = "Foreign Minister Haddad called for a ceasefire on Friday."
    _, view = ex.analyse(Document(text=text, date=dt.date(2025, 3, 7), source="gov"))
    (u,) = view.units()
    assert L._bare_governed(view, u) == ["bare:REQUEST|gov:False", "bare:RETREAT|gov:True"]
    assert "bare:RETREAT|gov:True" in L.clause_features(view, u)


def test_what_a_threat_threatens_gets_no_lower_bar() -> None:
    """`category_bars`: the strikes a minister threatened are the threat's content, not strikes
    (the guide codes threats as THREATEN acts), so only the threat's own category gets the lower
    bar; the truce an appeal asks for still does (out of fold such content was often an act of
    its own). Sentences written for this test."""
    ex = Extractor(case=None, lang="auto")
    th = {"category": 1.01, "category_bare": 0.3}

    def lowered(text: str) -> set[str]:
        _, view = ex.analyse(Document(text=text, date=dt.date(2025, 3, 7), source="threat"))
        (u,) = view.units()
        return {c for c, b in zip(L.CATEGORIES, L.category_bars(view, u, th), strict=True) if b < 1}

    assert lowered("Foreign Minister Haddad threatened air strikes on the border posts.") == {
        "THREATEN"
    }
    assert lowered("國防部長哈達德警告將對邊境據點發動空襲。") == {"THREATEN"}
    assert lowered("Foreign Minister Haddad called for a ceasefire on Friday.") == {
        "REQUEST",
        "RETREAT",
    }
