"""Role candidates of the learned coder: who may be an event's actor or target."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract import Extractor, learned
from dualtrack.model import Document


def _countries(ex: Extractor, text: str, lang_clause: str) -> set[str | None]:
    """The countries of the role candidates of the clause that holds `lang_clause`."""
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 5, 4)))
    units = view.units()
    at = text.index(lang_clause)
    k = max(i for i, u in enumerate(units) if u.start <= at)
    return {view.country_of(m.id) for m in learned.role_candidates(view, units, k)}


def test_both_sides_stand_for_the_two_parties_of_the_last_two_party_event() -> None:
    ex = Extractor(lang="en")
    text = (
        "Armenia accused Azerbaijan of shelling a village on Sunday. "
        "Both sides agreed to hold talks next week."
    )
    assert {"ARM", "AZE"} <= _countries(ex, text, "Both sides")


def test_shuangfang_without_an_earlier_event_stands_for_the_two_states_named_most() -> None:
    ex = Extractor(lang="zh")
    text = "泰国总理与柬埔寨总理周一在吉隆坡会面，泰国与柬埔寨官员出席。双方同意停火。"
    assert {"THA", "KHM"} <= _countries(ex, text, "双方同意")


def test_a_two_state_name_is_a_candidate_for_each_state() -> None:
    ex = Extractor(lang="zh")
    text = "泰柬两国周一签署停火协议。"
    assert {"THA", "KHM"} <= _countries(ex, text, "泰柬")


def test_each_party_follows_a_pair_with_its_twin() -> None:
    m = learned.Mention(0, 2, ("THA", "KHM"))
    one = learned.Mention(3, 5, ("LAO",))
    out = learned.each_party([m, one])
    assert [x.ids for x in out] == [("THA", "KHM"), ("KHM", "THA"), ("LAO",)]


def test_regional_transliterations_and_gaza_resolve_to_their_parties() -> None:
    """Taiwan's names for Hamas, the Houthis and Öcalan (not Gallant's 加兰 inside 欧加兰), and
    Gaza, whose strikes target Palestine (GUIDE: territory a party controls)."""
    ex = Extractor(lang="zh")
    text = "欧加兰呼吁停火。哈瑪斯與青年運動回應。以军空袭加萨。"
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 5, 4)))
    got = [view.country_of(m.id) for m in view.mentions]
    assert got == ["TUR", "PSE", "YEM", "ISR", "PSE"]


def test_the_documents_other_side_is_a_candidate_where_the_clause_names_only_one() -> None:
    """A warning that names only its speaker answers the article's other side, named sentences
    before: the two states the document names most are candidates of every clause (DocParty)."""
    ex = Extractor(lang="en")
    text = (
        "Chile accused Peru of massing troops near their border on Monday. "
        "Peru rejected the charge and said its forces were on routine exercises. "
        "Argentina urged calm. "
        "On Wednesday the Chilean defence minister said the army would answer any incursion."
    )
    assert "PER" in _countries(ex, text, "the army would answer")


def test_a_doc_party_is_not_offered_where_the_clause_names_that_state() -> None:
    ex = Extractor(lang="zh")
    text = "智利指责秘鲁在边境集结部队。秘鲁予以否认。"
    text += "智利国防部长周三表示，军队将回应秘鲁的任何入侵。"
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 5, 4)))
    units = view.units()
    k = max(i for i, u in enumerate(units) if u.start <= text.index("军队将回应"))
    cands = learned.role_candidates(view, units, k)
    assert not [m for m in cands if isinstance(m, learned.DocParty)]


def _members(ex: Extractor, text: str, name: str) -> list[str | None]:
    """The countries `learned.listed_with` gives for the mention that starts at `name`."""
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 5, 4)))
    units = view.units()
    at = text.index(name)
    u = next(u for u in units if u.start <= at < u.end)
    m = next(m for m in u.mentions if m.start == at)
    return [view.country_of(x.id) for x in learned.listed_with(view, u, m)]


def test_a_listed_actor_brings_every_member_of_its_list() -> None:
    """A proposal for one member of a list (A、B和C, A, B and C) is one for each member."""
    zh = Extractor(lang="zh")
    assert set(_members(zh, "荷兰、比利时和卢森堡周二表示愿意参与援助计划。", "比利时")) == {
        "NLD",
        "BEL",
        "LUX",
    }
    en = Extractor(lang="en")
    text = "Norway, Sweden and Finland said on Tuesday they would join the mission."
    assert set(_members(en, text, "Sweden")) == {"NOR", "SWE", "FIN"}


def test_a_name_outside_a_list_stands_alone() -> None:
    """No joiner between two names: no list (挪威外长在瑞典表示)."""
    en = Extractor(lang="en")
    text = "Norway said on Tuesday that Sweden would join the mission."
    assert _members(en, text, "Sweden") == ["SWE"]


def _role_cues(ex: Extractor, text: str, name: str, cat: str) -> list[str]:
    """The role model's cues for the first candidate named `name` in an event of `cat`."""
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 5, 4)))
    units = view.units()
    at = text.index(name)
    k = max(i for i, u in enumerate(units) if u.start <= at)
    cands = learned.role_candidates(view, units, k)
    i = next(j for j, m in enumerate(cands) if view.text[m.start : m.end] == name)
    return learned.role_features(view, units[k], cands, i, cat)


def test_the_word_before_an_article_governs_the_mention() -> None:
    """ "by the Houthis", "on the Philippines": the role model sees the agent's "by" and the
    target's "on" behind the article (`determiners`), not the article alone."""
    ex = Extractor(lang="en")
    text = (
        "Two tankers were damaged in a raid by the Houthis on Thursday, and Beijing "
        "imposed new curbs on the Philippines."
    )
    assert "Lgov:by" in _role_cues(ex, text, "Houthis", "ASSAULT")
    assert "Lgov:on" in _role_cues(ex, text, "Philippines", "SANCTION")
    assert not any(f.startswith("Lgov:") for f in _role_cues(ex, text, "Beijing", "SANCTION"))


def test_no_governor_cue_in_a_language_without_articles() -> None:
    ex = Extractor(lang="zh")
    cues = _role_cues(ex, "中国周二指责菲律宾的船只冲撞。", "菲律宾", "ACCUSE")
    assert not any(f.startswith("Lgov:") for f in cues)
