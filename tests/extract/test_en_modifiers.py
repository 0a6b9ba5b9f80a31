"""A name joined to a word that makes it describe the next noun ("Iran-backed", `modifier_after`)
or to a mediation verb ("US-brokered", `mediation_frame`) is no party of the clause. Texts
written for these tests."""

from __future__ import annotations


def _pairs(res, tuples) -> set[tuple[str, str, str | None]]:
    return {(a, c, t) for _, a, c, t in tuples(res)}


def test_a_backers_name_is_not_the_target(run, tuples) -> None:
    res = run("Britain struck Iran-backed Houthi positions in Yemen on Monday.")
    assert _pairs(res, tuples) == {("GBR", "ASSAULT", "YEM")}
    res = run("Ukraine shot down dozens of Iranian-made drones over Kyiv on Monday.")
    assert not any("IRN" in (a, t) for a, _, t in _pairs(res, tuples))


def test_a_broker_joined_to_brokered_is_not_a_party(run, tuples) -> None:
    res = run("Armenia and Azerbaijan signed a Qatar-brokered accord on Monday.")
    assert _pairs(res, tuples) == {("ARM", "AGREE", "AZE"), ("AZE", "AGREE", "ARM")}


def test_a_chinese_backers_name_is_not_a_party(run, tuples) -> None:
    res = run("黎巴嫩軍方7日表示，以色列戰機空襲南部由伊朗所支持的真主黨控制的據點。")
    assert ("ISR", "ASSAULT", "LBN") in _pairs(res, tuples)
    assert not any("IRN" in (a, t) for a, _, t in _pairs(res, tuples))
    res = run("印度空軍7日擊落一架土耳其製造的無人機。")
    assert not any("TUR" in (a, t) for a, _, t in _pairs(res, tuples))
