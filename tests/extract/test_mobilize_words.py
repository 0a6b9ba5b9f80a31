"""General wordings of MOBILIZE that no verb rule read (benchmarks/real/GUIDE.md: deployments,
build-ups and mobilising reservists are MOBILIZE, with a target only where the text names whom
they are aimed at). Every sentence here is written for the test."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_forces_mobilised_are_a_mobilisation(run, tuples) -> None:
    for text, actor in (
        ("俄罗斯4日宣布动员预备役军人。", "RUS"),
        ("伊朗4日动员了十万名士兵。", "IRN"),
        ("俄羅斯4日宣布動員預備役軍人。", "RUS"),
    ):
        assert tuples(run(text)) == {(D(2026, 3, 4), actor, "MOBILIZE", None)}


def test_the_name_of_a_mobilisation_force_is_no_mobilisation(run, tuples) -> None:
    assert tuples(run("伊拉克人民动员组织4日发表声明。")) == set()


def test_reinforcements_standby_and_resumed_activity_are_mobilisations(run, tuples) -> None:
    """增援 is the reinforce of the English rules; forces put on combat standby (作战预备,
    射击待命) are an alert; military activity resumed along a line is forces moved again."""
    for text, actor in (
        ("法国4日宣布增援前线部队。", "FRA"),
        ("法國4日宣佈增援前線部隊。", "FRA"),
        ("朝鲜军方4日下达作战预备指示。", "PRK"),
        ("韩军4日恢复在分界线一带的全部军事活动。", "KOR"),
    ):
        assert tuples(run(text)) == {(D(2026, 3, 4), actor, "MOBILIZE", None)}


def test_warning_shots_are_an_alert_not_a_threat(run, tuples) -> None:
    """警告射击 are shots fired as a warning (the English rules' warning shots: MOBILIZE), not a
    spoken warning (THREATEN)."""
    found = tuples(run("韩国军方4日实施了警告射击。"))
    assert {c for _, _, c, _ in found} <= {"MOBILIZE"}
    assert (D(2026, 3, 4), "KOR", "THREATEN", None) not in found


def test_ships_arriving_in_a_sea_are_moved(run, tuples) -> None:
    for text in ("美国两艘驱逐舰4日抵达南海。", "美國兩艘驅逐艦4日抵達南海。"):
        assert tuples(run(text)) == {(D(2026, 3, 4), "USA", "MOBILIZE", None)}


def test_envoys_and_delegations_sent_are_no_mobilisation(run, tuples) -> None:
    """A delegation, envoy or monitoring team sent to a country is a visit or a proposal, not
    forces moved (GUIDE: sending observers is never a MOBILIZE)."""
    for text in (
        "挪威4日向苏丹派遣代表团。",
        "巴西4日向海地派遣特使。",
        "瑞士4日派遣监督组赴边境。",
    ):
        assert "MOBILIZE" not in {c for _, _, c, _ in tuples(run(text))}


def test_a_leader_arriving_somewhere_is_no_mobilisation(run, tuples) -> None:
    """An arrival moves forces only into a sea or waters ("arrived in the … Sea"); a leader or
    a delegation arriving in a capital makes a visit."""
    for text in (
        "Chilean President Ana Ruiz arrived in Lima on Wednesday for talks with Peru.",
        "A Norwegian delegation arrived in Khartoum on Wednesday.",
    ):
        assert "MOBILIZE" not in {c for _, _, c, _ in tuples(run(text))}
    ships = tuples(run("Two US destroyers arrived in the South China Sea on Wednesday."))
    assert (D(2026, 3, 4), "USA", "MOBILIZE", None) in ships


def test_a_drill_referred_to_as_this_one_is_no_new_event(run, tuples) -> None:
    """此次军演 refers to a drill already told: the observer watching it does not drill."""
    found = tuples(run("中国4日在东海举行军演。日本方面高度关注此次军演。"))
    assert (D(2026, 3, 4), "CHN", "MOBILIZE", None) in found
    assert not {t for t in found if t[1] == "JPN" and t[2] == "MOBILIZE"}
