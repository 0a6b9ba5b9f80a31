"""Plain Chinese sentence frames that lost or misplaced simple events: the 于 of 由于/鉴于 and
the 到 of 遭到 read as place prepositions, a denial verb swallowed into a person's name,
strikes on Gaza or the West Bank with no target, a negation before the target phrase (并未向X发射)
and the place after 从 taken for the subject. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_the_yu_of_a_reason_or_topic_word_does_not_make_a_place(run, tuples) -> None:
    got = tuples(run("由于俄罗斯4日向乌克兰发射导弹，美国谴责俄罗斯。"))
    assert (D(2026, 3, 4), "RUS", "ASSAULT", "UKR") in got
    got = tuples(run("鑑於伊朗4日拒絕美國的要求，歐盟宣布對伊朗實施制裁。"))
    assert (D(2026, 3, 4), "IRN", "REJECT", "USA") in got
    # a real place preposition still makes one
    got = tuples(run("美国与伊朗4日于阿曼举行会谈。"))
    assert (D(2026, 3, 4), "USA", "CONSULT", "IRN") in got
    assert not any("OMN" in (a, t) for _, a, _, t in got)


def test_the_dao_of_a_passive_marker_leaves_the_agent_a_party(run, tuples) -> None:
    assert tuples(run("伊朗4日遭到美国制裁。")) == {(D(2026, 3, 4), "USA", "SANCTION", "IRN")}
    assert tuples(run("黎巴嫩南部4日遭到以色列空襲。")) == {
        (D(2026, 3, 4), "ISR", "ASSAULT", "LBN")
    }


def test_a_denial_after_a_title_is_a_rejection_not_a_name(run, tuples) -> None:
    got = tuples(run("伊朗外长4日否认与美国达成协议。"))
    assert got == {(D(2026, 3, 4), "IRN", "REJECT", "USA")}
    got = tuples(run("俄羅斯4日否認向伊朗提供導彈。"))
    assert got == {(D(2026, 3, 4), "RUS", "REJECT", "IRN")}
    # a name after a title is still a name
    res = run("土耳其外长费丹4日表示，费丹将与伊朗外长举行会谈。")
    assert any(e.actor == "TUR" or e.actor.startswith("TUR") for e in res.events)


def test_a_strike_on_gaza_or_the_west_bank_targets_palestine(run, tuples) -> None:
    assert tuples(run("以色列4日空袭加沙。")) == {(D(2026, 3, 4), "ISR", "ASSAULT", "PSE")}
    assert tuples(run("以色列4日對加薩發動空襲。")) == {(D(2026, 3, 4), "ISR", "ASSAULT", "PSE")}
    assert tuples(run("以军4日袭击约旦河西岸。")) == {(D(2026, 3, 4), "ISR", "ASSAULT", "PSE")}


def test_a_negation_before_the_target_phrase_negates_the_act(run) -> None:
    for text in (
        "伊朗4日并未向以方发射火箭。",
        "美國4日沒有對伊朗實施新制裁。",
        "伊朗4日没有与美国举行会谈。",
    ):
        res = run(text)
        assert res.events and all(e.flags.negated for e in res.events), text
    # "not only" is no negation
    res = run("伊朗4日不但向以色列发射导弹，还威胁美国。")
    assert res.events and not any(e.flags.negated for e in res.events)


def test_the_place_a_force_withdraws_from_is_no_subject(run, tuples) -> None:
    assert tuples(run("以色列国防军4日从加沙北部撤出。")) == {
        (D(2026, 3, 4), "ISR", "RETREAT", "PSE")
    }
    assert tuples(run("俄軍4日從赫爾松撤軍。")) == {(D(2026, 3, 4), "RUS", "RETREAT", "UKR")}


def test_a_resumed_or_stepped_up_act_on_a_target_is_the_act(run, tuples) -> None:
    assert tuples(run("以色列4日恢复对加沙的空袭。")) == {(D(2026, 3, 4), "ISR", "ASSAULT", "PSE")}
    assert tuples(run("美國4日加強對伊朗的制裁。")) == {(D(2026, 3, 4), "USA", "SANCTION", "IRN")}
    # lifting sanctions is no sanction
    assert not any(e.category.value == "SANCTION" for e in run("美国4日解除对伊朗的制裁。").events)
