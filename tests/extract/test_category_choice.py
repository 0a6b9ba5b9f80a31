"""Which category a trigger gives when the parties are right (benchmarks/real/GUIDE.md): a joint
statement of two states is an agreement between them, readiness to talk is an agreement,
ending cooperation is a sanction; and the verifier reads which pattern made a draft. Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract import Extractor
from dualtrack.extract import learned as L
from dualtrack.model import Document

from .conftest import triples


def test_a_joint_statement_of_two_states_is_their_agreement(ex: Extractor) -> None:
    got = triples(ex, "智利外交部与秘鲁外交部周三晚间发表联合声明。")
    assert ("CHL", "AGREE", "PER") in got
    assert not any(c == "SUPPORT" for _, c, _ in got)


def test_readiness_to_talk_is_an_agreement_not_talks(ex: Extractor) -> None:
    got = triples(ex, "挪威国防部4日表示准备与芬兰进行磋商。")
    assert ("NOR", "AGREE", "FIN") in got
    assert not any(c == "CONSULT" for _, c, _ in got)
    # readiness for force is still a threat, not an agreement
    got = triples(ex, "以军4日称已准备对伊朗实施打击。")
    assert not any(c == "AGREE" for _, c, _ in got)


def test_ending_cooperation_is_a_sanction(ex: Extractor) -> None:
    assert triples(ex, "智利4日宣布结束与秘鲁的海军合作。") == {("CHL", "SANCTION", "PER")}
    got = triples(ex, "Chile said on Monday it would end its naval cooperation with Peru.")
    assert ("CHL", "SANCTION", "PER") in got
    assert not any(c == "COOPERATE" for _, c, _ in got)


def test_the_verifier_reads_the_pattern_of_a_rule_draft() -> None:
    ex = Extractor(case=None, lang="auto")
    text = "Chile condemned the Peruvian navy on Monday."
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 3), source="pat"))
    (d,) = [d for d in view.drafts if d.category.value == "ACCUSE"]
    feats = L.draft_features(view, view.units()[0], d)
    assert f"pat:{d.trigger.rule.source}" in feats
    assert f"ACCUSE|pat:{d.trigger.rule.source}" in feats


def test_the_verifier_reads_whether_the_target_side_tells_the_act() -> None:
    ex = Extractor(case=None, lang="auto")
    told = "Chile said on Monday that Peru attacked Chilean fishing boats."
    plain = "Peru attacked Chilean fishing boats on Monday."
    for text, want in ((told, True), (plain, False)):
        _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 3), source="told"))
        drafts = [d for d in view.drafts if d.category.value == "ASSAULT"]
        assert drafts, text
        d = drafts[0]
        assert view.country_of(d.actor) == "PER"
        assert L._told_by_target(view, d) is want
        feats = L.draft_features(view, view.units()[0], d)
        assert f"told_by_target:{want}" in feats


def test_the_verifier_reads_whether_the_actor_is_the_speaker_of_the_report() -> None:
    """`_reported`: a reading whose actor is the speaker of the statement holding the trigger,
    with another party named between the speech verb and the trigger (the reported act's own
    subject), is 'other'; the speaker's own act is 'self'; an actor that speaks no statement
    around the trigger, 'no'."""
    ex = Extractor(case=None, lang="auto")
    cases = (
        ("Chile said on Monday that Peru fired missiles at its border posts.", "PER", "CHL"),
        ("智利军方3日表示，秘鲁向边境哨所发射了导弹。", "PER", "CHL"),
    )
    for text, doer, speaker in cases:
        _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 3), source="said"))
        (d,) = [d for d in view.drafts if view.country_of(d.actor) == doer]
        assert L._reported(view, d) == "no"
        (m,) = [m for m in view.mentions if view.country_of(m.id) == speaker]
        swapped = d.but(actor=m.id, target=d.actor, subject_start=m.start)
        assert L._reported(view, swapped) == "other"
        assert "reported:other" in L.draft_features(view, view.units()[0], swapped)
    text = "智利3日表示将对秘鲁实施制裁。"
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 3), source="own"))
    (d,) = [d for d in view.drafts if d.category.value == "SANCTION"]
    assert view.country_of(d.actor) == "CHL"
    assert L._reported(view, d) == "self"
    # an English party after a preposition and its article is the object of another word, no
    # reported subject: the speaker's act is its own
    for text in (
        "Chile said that in response to the Peruvian strikes it would recall its ambassador.",
        "Chile said that, angered by talks with the Peruvian army, it would impose sanctions.",
    ):
        _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 3), source="own"))
        (d,) = [d for d in view.drafts if d.category.value == "SANCTION"]
        assert view.country_of(d.actor) == "CHL"
        assert L._reported(view, d) == "self", text
