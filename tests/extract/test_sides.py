"""The two sides of a war inside one country: an armed group (or a breakaway body) acts for
itself, not for the state it belongs to, so a state's act against it has it as target, in the
rule coder's pairs and in the learned coder's fills and role labels. Sentences written for this
test."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dualtrack.extract import Extractor, learned
from dualtrack.model import Document

DAY = dt.date(2026, 3, 2)
TEXT = "The Turkish army struck PKK positions on Monday."


def _view(ex: Extractor, text: str) -> learned.DocView:
    _, view = ex.analyse(Document(text=text, date=DAY, source="sides-test"))
    return view


def test_an_armed_group_is_its_own_side_a_state_body_is_its_states() -> None:
    view = _view(Extractor(case=None, lang="en"), TEXT)
    assert learned.side(view, "TUR.pkk") == "TUR.pkk"
    assert learned.side(view, "TUR") == "TUR"
    assert learned.side(view, None) is None


def test_the_rules_code_a_states_strike_on_its_own_rebels_with_them_as_target() -> None:
    ex = Extractor(case=None, lang="en", coder="rules")
    res = ex.extract(Document(text=TEXT, date=DAY, source="sides-test"))
    assert ("TUR", "ASSAULT", "TUR.pkk") in {
        (e.actor, e.category.value, e.target) for e in res.events
    }


def test_a_states_untargeted_draft_may_be_filled_with_its_own_rebels() -> None:
    ex = Extractor(case=None, lang="en")
    view = _view(ex, TEXT)
    models = learned.packaged()
    assert models is not None and "fill" in models.thresholds
    units = view.units()
    d = next(x for x in view.drafts if x.category.value == "ASSAULT")
    k = learned.unit_of([u.start for u in units], d)
    cands, ok = learned.fill_candidates(view, models, units, k, replace(d, target=None))
    assert "TUR.pkk" in {cands[i].id for i in ok}
    assert all(learned.side(view, cands[i].id) != "TUR" for i in ok)
