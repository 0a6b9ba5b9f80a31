"""双方 / 两国 before any two-party event: the last pair named, never the tail of a list."""

from __future__ import annotations

import datetime as dt

from dualtrack.model import Document

MON = dt.date(2026, 3, 2)


def _consults(res, ex) -> set[frozenset]:
    return {
        frozenset((ex.country(e.actor), ex.country(e.target)))
        for e in res.events
        if e.category.value == "CONSULT"
    }


def test_a_list_tail_is_no_pair_and_a_two_state_mention_is(run, ex) -> None:
    text = (
        "3月2日,联合国秘书长呼吁印巴保持克制。埃及、约旦和阿联酋发表声明欢迎接触。"
        "外界预计双方3月2日在日内瓦再次会谈。"
    )
    pairs = _consults(run(text, MON), ex)
    assert frozenset({"JOR", "ARE"}) not in pairs
    assert frozenset({"IND", "PAK"}) in pairs


def test_a_list_tail_alone_gives_no_pair(run, ex) -> None:
    text = "埃及、约旦和阿联酋发表声明欢迎接触。外界预计双方3月2日在日内瓦再次会谈。"
    assert frozenset({"JOR", "ARE"}) not in _consults(run(text, MON), ex)


def test_the_and_that_ends_a_list_is_no_with(run, ex) -> None:
    """荷兰、比利时和卢森堡…: the 和 joins the list's last member, it does not make 卢森堡 the
    other party of the act of 比利时."""
    res = run("荷兰、比利时和卢森堡周一宣布对叙利亚实施制裁。", MON)
    pairs = {(ex.country(e.actor), ex.country(e.target)) for e in res.events}
    assert ("BEL", "LUX") not in pairs
    assert ("LUX", "BEL") not in pairs


def _requests(res, ex) -> set[tuple]:
    return {
        (ex.country(e.actor), ex.country(e.target))
        for e in res.events
        if e.category.value == "REQUEST"
    }


def test_both_sides_as_the_object_are_each_a_target(run, ex) -> None:
    """敦促双方 / urged both sides: the call is made on each of the two parties last named."""
    zh = "3月1日,泰国和柬埔寨军队在边境再度交火。3月2日,法国敦促双方马上停火。"
    assert {("FRA", "THA"), ("FRA", "KHM")} <= _requests(run(zh, MON), ex)
    en = (
        "Thailand and Cambodia traded fire along the border on Sunday. On Monday France urged "
        "both sides to halt the fighting at once."
    )
    assert {("FRA", "THA"), ("FRA", "KHM")} <= _requests(run(en, MON), ex)


def test_a_two_party_mention_in_a_role_is_each_party() -> None:
    """`learned.each_member`: a pair mention (泰柬, both sides) stands for each party in turn."""
    from dualtrack.extract import learned
    from dualtrack.extract.mentions import Mention

    pair = Mention(0, 2, ("THA", "KHM"))
    assert [m.ids for m in learned.each_member(pair)] == [("THA",), ("KHM",)]
    one = Mention(0, 2, ("THA",))
    assert learned.each_member(one) == [one]


def _pairs(res, ex) -> set[frozenset]:
    return {frozenset((ex.country(e.actor), ex.country(e.target))) for e in res.events if e.target}


def test_two_leaders_named_together_are_the_pair(coders) -> None:
    """特朗普与普京 … 双方 / "Trump and Putin … both sides": two leaders joined are the pair of
    their states, as two states joined are (before any two-party act was coded)."""
    texts = [
        "媒体持续关注特朗普与普京的下一步动向。双方3月2日同意在日内瓦举行新一轮谈判。",
        "Observers watched Trump and Putin closely. Both sides agreed to a ceasefire on March 2.",
    ]
    for coder in coders.values():
        for text in texts:
            res = coder.extract(Document(text=text, date=MON))
            assert frozenset({"USA", "RUS"}) in _pairs(res, coder), (coder.coder, text)


def test_a_state_and_its_titled_leader_are_one_name_of_a_pair(coders) -> None:
    """美国总统特朗普与俄罗斯总统普京: a state and its leader right after it are one party, so the
    two make a pair (the four names read one by one made a list of three)."""
    text = "媒体关注美国总统特朗普与俄罗斯总统普京的下一步动向。双方3月2日同意举行新一轮谈判。"
    for coder in coders.values():
        res = coder.extract(Document(text=text, date=MON))
        assert frozenset({"USA", "RUS"}) in _pairs(res, coder), coder.coder


def test_three_leaders_listed_are_no_pair(run, ex) -> None:
    """特朗普、普京和马克龙: the tail of a list of leaders is no pair, as for states."""
    text = "媒体关注特朗普、普京和马克龙的下一步动向。双方3月2日同意举行新一轮谈判。"
    assert frozenset({"RUS", "FRA"}) not in _pairs(run(text, MON), ex)


def test_the_learned_pair_a_caller_governs_is_the_rule_reading(ex) -> None:
    """法国敦促双方 after France blamed one side: the learned coder's pair mention is the two
    sides the rule coder reads (the pair without the caller), not the last draft's parties
    (France and the side it blamed)."""
    from dualtrack.extract import learned

    text = "3月1日,泰国和柬埔寨军队在边境再度交火,法国随即谴责泰国。3月2日,法国敦促双方马上停火。"
    _, view = ex.analyse(Document(text=text, date=MON))
    pairs = {
        frozenset(ex.country(i) for i in m.ids)
        for u in view.units()
        for m in learned.pair_parties(view, u)
    }
    assert pairs == {frozenset({"THA", "KHM"})}
