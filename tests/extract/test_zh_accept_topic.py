"""Plain Chinese frames both coders got wrong (s21z battery): accepting a proposal, a topic
clause that names whom the speech act after it answers, a proposal or demand put to another
party with 向…提出, a proposal or demand that is the subject of a passive refusal, a ceasefire
agreed with a party named after the date, and mediated talks whose parties follow the mediator's
verb. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

D = dt.date(2026, 3, 4)


def test_accepting_a_proposal_is_agreement_with_the_proposer(run, tuples) -> None:
    for text, actor, proposer in (
        ("俄罗斯4日同意乌克兰提出的和谈提议。", "RUS", "UKR"),
        ("泰國4日接納了馬來西亞的調停建議。", "THA", "MYS"),
        ("伊朗4日接受了阿曼提出的调解方案。", "IRN", "OMN"),
    ):
        got = tuples(run(text))
        assert (D, actor, "AGREE", proposer) in got, text
        # the proposal is a noun here: no request of the proposer, no ceasefire yet
        assert {c for _, _, c, _ in got} == {"AGREE"}, text
    # a ceasefire proposal accepted: the accepters agree with each other; the proposer, often
    # the mediator, is not the other side
    assert tuples(run("泰柬双方4日同意马来西亚提出的停火方案。")) == {
        (D, "THA", "AGREE", "KHM"),
        (D, "KHM", "AGREE", "THA"),
    }
    assert tuples(run("伊朗4日同意由美方所提出的停火方案。")) == {(D, "IRN", "AGREE", None)}


def test_a_topic_clause_names_the_target_of_the_speech_act(run, tuples) -> None:
    assert tuples(run("對於美國的制裁，伊朗4日表示強烈譴責。")) == {(D, "IRN", "ACCUSE", "USA")}
    assert tuples(run("对于菲律宾的指控，中国4日予以否认。")) == {(D, "CHN", "REJECT", "PHL")}
    # the topic is the act's author, not its object
    got = tuples(run("就美国对伊朗的制裁，俄罗斯4日提出批评。"))
    assert got == {(D, "RUS", "ACCUSE", "USA")}
    # a material act is not aimed at the topic
    got = tuples(run("关于伊朗的核计划，以色列4日进行了导弹试射。"))
    assert got == {(D, "ISR", "MOBILIZE", None)}


def test_a_proposal_or_demand_put_to_a_party_is_a_request(run, tuples) -> None:
    got = tuples(run("卡塔尔4日向以色列和哈马斯提出新的停火方案。"))
    assert got == {(D, "QAT", "REQUEST", "ISR"), (D, "QAT", "REQUEST", "PSE")}
    assert tuples(run("伊朗4日向美國提出談判要求。")) == {(D, "IRN", "REQUEST", "USA")}
    # a proposal that is a noun (the proposer's, 提出的) is not one
    assert not any(e.category.value == "REQUEST" for e in run("乌克兰提出的方案4日公布。").events)


def test_a_proposal_or_demand_refused_in_the_passive_is_the_refusal(run, tuples) -> None:
    assert tuples(run("以色列的停火提议4日遭哈马斯拒绝。")) == {(D, "PSE", "REJECT", "ISR")}
    assert tuples(run("俄羅斯的要求4日被烏克蘭拒絕。")) == {(D, "UKR", "REJECT", "RUS")}


def test_a_ceasefire_agreed_with_a_party_named_after_the_date(run, tuples) -> None:
    assert tuples(run("印度4日与巴基斯坦两国达成停火协议。")) == {
        (D, "IND", "RETREAT", "PAK"),
        (D, "PAK", "RETREAT", "IND"),
    }
    # a ceasefire declared alone stays one
    assert tuples(run("以色列4日宣布停火。")) == {(D, "ISR", "RETREAT", None)}


def test_the_parties_after_a_mediators_verb_hold_the_talks(run, tuples) -> None:
    for text, a, b, via in (
        ("阿曼4日斡旋美伊会谈。", "USA", "IRN", "OMN"),
        ("卡塔尔4日斡旋阿富汗与巴基斯坦之间的谈判。", "AFG", "PAK", "QAT"),
        ("馬來西亞4日主持泰柬兩國的停火談判。", "THA", "KHM", "MYS"),
    ):
        res = run(text)
        assert tuples(res) == {(D, a, "CONSULT", b), (D, b, "CONSULT", a)}, text
        assert {e.via for e in res.events} == {via}, text
