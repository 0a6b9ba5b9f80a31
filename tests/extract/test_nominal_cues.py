"""A trigger read as a noun (modality `nominal_after` / `nominal_before`: 此次制裁, 打击目标) is no
event for the rules, but its drafts reach the verifier with the cue that read it so
(`Draft.nominal`, `learned.judged`, the `nom:` cues), on sentences written for this test."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract import Extractor, learned
from dualtrack.extract import events as ev
from dualtrack.model import Document

DAY = dt.date(2026, 3, 5)
NOUN = "日本3日宣布，此次制裁针对俄罗斯。"


def _view(text: str):
    return Extractor(case=None, lang="auto").analyse(Document(text=text, date=DAY, source="t"))[1]


def test_a_nominal_trigger_makes_a_marked_draft_the_rules_drop() -> None:
    view = _view(NOUN)
    assert not [d for d in view.drafts if d.category.value == "SANCTION"]
    got = [(d.actor, d.category.value, d.target, d.nominal) for d in view.nominal]
    assert got == [("JPN", "SANCTION", "RUS", "before:此次")]
    rules = Extractor(case=None, lang="auto", coder="rules")
    events = rules.extract(Document(text=NOUN, date=DAY, source="t")).events
    assert not [e for e in events if e.category.value == "SANCTION"]


def test_the_verifier_reads_the_cue_side_and_word() -> None:
    view = _view(NOUN + "俄罗斯4日谴责日本。")
    units = view.units()
    starts = [u.start for u in units]
    judged = learned.judged(view)
    assert view.nominal and list(map(id, judged)) == list(map(id, [*view.drafts, *view.nominal]))
    for d in judged:
        feats = learned.draft_features(view, units[learned.unit_of(starts, d)], d)
        nom = {f for f in feats if f.startswith(("nom:", "nomw:"))}
        if d.nominal is None:
            assert not nom
        else:
            assert nom == {"nom:before", "nomw:before:此次"}


def test_the_cue_word_is_named_on_either_side() -> None:
    assert {d.nominal for d in _view("以色列4日公布了打击目标名单。").nominal} == {"after:目标"}
    en = _view("Japan said on Monday that China's latest talks with Russia were a concern.")
    assert en.nominal and {d.nominal for d in en.nominal} == {"before:'s"}
    assert not [d for d in en.drafts if d.category.value == "CONSULT"]


def test_nominal_drafts_leave_the_rules_reading_as_it_was(monkeypatch) -> None:
    text = NOUN + "俄方次日表示，将对日本采取反制措施。美国的指责遭到中方驳斥。"
    rules = Extractor(case=None, lang="auto", coder="rules")
    doc = Document(text=text, date=DAY, source="t")
    with_noun = sorted(map(repr, rules.extract(doc).events))
    monkeypatch.setattr(ev.Coder, "_nominal_drafts", lambda self, *a: [])
    assert sorted(map(repr, rules.extract(doc).events)) == with_noun


def test_a_nouns_draft_has_its_own_bar() -> None:
    d = _view(NOUN).nominal[0]
    assert learned.verify_kind(d) == "nominal"
    assert learned.verify_threshold({"verify": 0.15}, "nominal") > 1.0  # old weights: none kept
    assert learned.verify_threshold({"verify": 0.15, "verify_nominal": 0.7}, "nominal") == 0.7
    verb = _view("俄罗斯4日谴责日本。").drafts[0]
    assert learned.verify_kind(verb) == verb.category.value


def test_a_nouns_draft_is_right_only_at_the_gold_evidence(train_coder) -> None:
    text = NOUN + "日本3日宣布对俄罗斯实施制裁。"
    norm, view = Extractor(case=None, lang="auto").analyse(
        Document(text=text, date=DAY, source="t")
    )
    d = view.nominal[0]
    key = train_coder.gold_tuple("JPN", "SANCTION", "RUS")
    data = train_coder.Examples(*[[] for _ in range(11)])
    verb_at = text.index("实施制裁")
    data.evidence.append(({key: [(verb_at, verb_at + 4)]}, norm))
    assert not train_coder.at_evidence(data, 0, d, key)  # the verb tells it: the noun adds nothing
    noun_at = text.index("制裁")
    data.evidence[0] = ({key: [(noun_at - 2, noun_at + 2)]}, norm)
    assert train_coder.at_evidence(data, 0, d, key)
    assert train_coder.at_evidence(data, 0, view.drafts[0], key)  # a verb's draft: as before
