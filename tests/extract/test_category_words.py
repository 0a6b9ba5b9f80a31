"""Which category a verb gives, where the real corpus's dev split showed the rules missing it or
coding another (benchmarks/real/GUIDE.md's conventions; every sentence here is written for the
test)."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_opposing_an_act_is_disapproval_opposing_a_proposal_a_refusal(run, tuples) -> None:
    res = run("俄方4日反对乌克兰的空袭。")
    assert tuples(res) == {(D(2026, 3, 4), "RUS", "ACCUSE", "UKR")}
    assert res.events[0].mode is None  # not the strike's mode: the act is the disapproval
    assert tuples(run("俄方4日反对乌克兰的停火方案。")) == {(D(2026, 3, 4), "RUS", "REJECT", "UKR")}
    got = tuples(run("Russia on Tuesday opposed Ukraine's air strikes."))
    assert got == {(D(2026, 3, 3), "RUS", "ACCUSE", "UKR")}
    got = tuples(run("Russia on Tuesday opposed the proposal from Kyiv."))
    assert {c for _, _, c, _ in got} == {"REJECT"}


def test_a_rebuttal_or_a_refusal_to_retract_is_a_rejection(run, tuples) -> None:
    assert tuples(run("中国外交部4日反駁菲方的說法。")) == {(D(2026, 3, 4), "CHN", "REJECT", None)}
    for text in (
        "China's foreign ministry on Tuesday rebutted the claims by Manila.",
        "China's foreign ministry on Tuesday refuted the report.",
    ):
        assert tuples(run(text)) == {(D(2026, 3, 3), "CHN", "REJECT", None)}
    for text in (
        "日方4日表示不會同意撤回首相的相關言論。",
        "中方4日表示不会撤回有关言论。",
        "日方4日表示绝不道歉。",
    ):
        assert {c for _, _, c, _ in tuples(run(text))} == {"REJECT"}


def test_readiness_and_countering_are_threats(run, tuples) -> None:
    assert tuples(run("中国海警4日表示将严阵以待。")) == {(D(2026, 3, 4), "CHN", "THREATEN", None)}
    got = tuples(run("菲律宾总统4日表示将抗衡中国。"))
    assert got == {(D(2026, 3, 4), "PHL", "THREATEN", "CHN")}


def test_disapproval_by_an_authority_or_in_shock_is_an_accusation(run, tuples) -> None:
    got = tuples(run("菲律宾当局4日指中国海警船只冲撞菲方船只。"))
    assert (D(2026, 3, 4), "PHL", "ACCUSE", "CHN") in got
    got = tuples(run("菲律宾4日对中国海警的行动感到震惊。"))
    assert got == {(D(2026, 3, 4), "PHL", "ACCUSE", "CHN")}


def test_material_acts_named_by_their_start_or_their_order(run, tuples) -> None:
    got = tuples(run("以色列4日启动对黎巴嫩的地面军事行动。"))
    assert got == {(D(2026, 3, 4), "ISR", "ASSAULT", "LBN")}
    got = tuples(run("真主党武装人员4日开始从边境后退。"))
    assert got == {(D(2026, 3, 4), "LBN", "RETREAT", None)}
    got = tuples(run("以色列与黎巴嫩4日谈成停火协议。"))
    assert got == {
        (D(2026, 3, 4), "ISR", "RETREAT", "LBN"),
        (D(2026, 3, 4), "LBN", "RETREAT", "ISR"),
    }
    # an order to civilians to leave expels them (GUIDE: COERCE), it is no withdrawal
    got = tuples(run("以军4日向黎巴嫩南部村庄发布撤离警告。"))
    assert got == {(D(2026, 3, 4), "ISR", "COERCE", "LBN")}
    got = tuples(
        run("Israel on Tuesday issued evacuation orders for villages in southern Lebanon.")
    )
    assert got == {(D(2026, 3, 3), "ISR", "COERCE", "LBN")}
    got = tuples(run("China's coast guard on Tuesday began ramming a Philippine boat."))
    assert got == {(D(2026, 3, 3), "CHN", "COERCE", "PHL")}


def test_a_trigger_naming_restrictions_or_remarks_is_a_noun(run, tuples) -> None:
    assert not tuples(run("美日4日宣布解除防务合作限制。"))  # not a cooperation
    assert not tuples(run("中国总领事4日发表斩首言论。"))  # remarks, no killing


def test_a_water_cannon_attack_is_coercion(run, tuples) -> None:
    for text in ("中国海警船4日用水炮攻击菲律宾补给船。", "菲方称其补给船4日遭中国海警水炮攻击。"):
        assert tuples(run(text)) == {(D(2026, 3, 4), "CHN", "COERCE", "PHL")}


def test_working_with_parties_to_enforce_an_accord_backs_the_accord(run, tuples) -> None:
    got = tuples(run("Britain will work together with Kenya to implement the accord, London said."))
    assert {(a, c, t) for _, a, c, t in got} == {("GBR", "SUPPORT", None)}
