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


def test_forces_sent_to_a_host_or_ally_have_no_target(run, tuples) -> None:
    """Forces sent to a state, to its territory or to reinforce its forces are hosted by it, not
    aimed at it (GUIDE: a deployment "to the region" has no target)."""
    for text, actor in (
        ("荷兰4日向库拉索派遣了六架战机。", "NLD"),
        ("英國4日宣佈派遣一艘護衛艦赴蓋亞那。", "GBR"),
        ("法国4日宣布增派士兵至乍得。", "FRA"),
        ("The Netherlands on Wednesday sent six jets to Curacao.", "NLD"),
        ("Britain on Wednesday deployed a frigate to Guyana.", "GBR"),
    ):
        found = tuples(run(text))
        assert (D(2026, 3, 4), actor, "MOBILIZE", None) in found, text
        assert not {t for t in found if t[2] == "MOBILIZE" and t[3] is not None}, text


def test_forces_facing_a_state_target_it(run, tuples) -> None:
    """Forces massed on a state's border, off its coast or in its waters face it: the target."""
    for text, actor, target in (
        ("俄罗斯4日在乌克兰边境集结了数万名士兵。", "RUS", "UKR"),
        ("美國4日向委內瑞拉外海部署三艘驅逐艦。", "USA", "VEN"),
        ("印度4日在巴基斯坦边界附近增兵。", "IND", "PAK"),
        ("Russia on Wednesday massed troops on Ukraine's border.", "RUS", "UKR"),
        ("The US on Wednesday deployed three destroyers off Venezuela.", "USA", "VEN"),
    ):
        assert (D(2026, 3, 4), actor, "MOBILIZE", target) in tuples(run(text)), text


def test_ships_heading_for_a_state_still_target_it(run, tuples) -> None:
    """Forces entering or heading for a state (驶向, 进入…领海) are not only sent: its target."""
    assert (D(2026, 3, 4), "USA", "MOBILIZE", "IRN") in tuples(run("美国航母编队4日驶向伊朗。"))
