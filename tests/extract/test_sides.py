"""The two sides of a war inside one country: an armed group acts for itself, not for the
state it belongs to (a ministry, a command or the IRGC acts for its state), so a state's act
against it has it as target, in the rule coder's pairs and in the learned coder's fills and role
labels. Sentences written for this test."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np

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
    for body in ("CHN.pla", "IRN.irgc"):  # a command, the Revolutionary Guards: their state's
        assert learned.side(view, body) == body.split(".")[0]


def test_a_state_praising_its_own_forces_is_no_event_between_two_sides() -> None:
    for coder in ("rules", "learned"):
        ex = Extractor(case=None, lang="en", coder=coder)
        text = "Iran's president praised the Revolutionary Guards on Monday for their vigilance."
        res = ex.extract(Document(text=text, date=DAY, source="sides-test"))
        assert not [e for e in res.events if e.target and e.target.startswith("IRN")], coder


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


def _sure_of_actors() -> learned.Models:
    """Models whose role model finds every candidate likely as an actor, never as a target."""
    role = learned.Linear({}, np.array([[0.0, 6.0, 0.0]]), False)
    empty = learned.Linear({}, np.zeros((1, 1)), True)
    return learned.Models(empty, role, empty, empty, {"fill": 0.3})


def _readings(text: str, category: str) -> list[tuple[str, str | None, str | None]]:
    ex = Extractor(case=None, lang="en")
    view = _view(ex, text)
    d = next(x for x in view.drafts if x.category.value == category)
    units = view.units()
    read = learned.readings(view, _sure_of_actors(), units, [replace(d, target=None)])[0]
    return [(c.actor, c.target, f.how if f else None) for c, f in read]


def test_an_untargeted_directed_act_is_also_read_with_the_other_side_as_its_actor() -> None:
    # the rules read Laos as the side that asked, with no target; the other reading has
    # Vietnam asking Laos (the verifier judges both)
    got = _readings("Vietnam said on Tuesday that Laos had made new demands.", "REQUEST")
    assert got == [("LAO", None, None), ("VNM", "LAO", "actor")]


def test_a_mutual_act_is_not_read_the_other_way_round() -> None:
    got = _readings("Vietnam held talks with Laos on Tuesday.", "CONSULT")
    assert all(how != "actor" for *_, how in got)


def _doubting_the_other_side(over: float) -> learned.Models:
    """Models whose role model finds a name at the start of its sentence an unlikely actor
    (about 0.06) and any other name a likely one (about 0.8)."""
    weights = np.array([[0.0, -4.0, 0.0], [0.0, 2.0, 0.0]])
    role = learned.Linear({"sentstart:True": 0}, weights, False)
    empty = learned.Linear({}, np.zeros((1, 1)), True)
    return learned.Models(empty, role, empty, empty, {"fill": 0.05, "swap_over": over})


def test_no_reversed_reading_where_the_role_model_doubts_the_other_side_as_actor() -> None:
    # the rules read Laos as the side that asked; the role model finds Vietnam (at the start of
    # the sentence) about a thirteenth as likely an actor as Laos: under swap_over (0.2), the
    # reading with Vietnam asking is not offered; with no bar it is, told how far below it is
    ex = Extractor(case=None, lang="en")
    view = _view(ex, "Vietnam said on Tuesday that Laos had made new demands.")
    d = replace(next(x for x in view.drafts if x.category.value == "REQUEST"), target=None)
    units = view.units()
    assert d.actor == "LAO"
    kept = learned.readings(view, _doubting_the_other_side(0.2), units, [d])[0]
    assert all(f is None or f.how != "actor" for _, f in kept)
    read = learned.readings(view, _doubting_the_other_side(0.0), units, [d])[0]
    swapped = [(c.actor, c.target, f.odds) for c, f in read if f is not None and f.how == "actor"]
    assert swapped == [("VNM", "LAO", "far_below")]


def test_a_group_gold_names_by_another_id_is_still_the_group_side(train_coder) -> None:
    """Gold codes the alliance (MMR.brotherhood), the coder reads one of its members or the
    report's group (MMR.mndaa): the mention is still the group side of a junta-alliance event;
    the junta the state side; a third state neither."""
    ex = Extractor(case=None, lang="en")
    view = _view(ex, "The MNDAA attacked junta positions near China on Monday.")
    g = {"actor": "MMR.brotherhood", "target": "MMR"}
    label = train_coder.role_label
    assert [label(ex, view, i, g) for i in ("MMR.mndaa", "MMR", "CHN")] == [1, 2, 0]
    both = {"actor": "SYR.druze", "target": "SYR.bedouin"}  # two groups: by their own ids
    assert label(ex, view, "MMR.mndaa", both) == 0
