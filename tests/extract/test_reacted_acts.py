"""A material act told as what another party reacts to (对他国炮击表示遗憾, "regret over the
shelling") or as the time of the clause ("after the shelling") is not the reacting party's act."""

from __future__ import annotations

import pytest


def _categories(run, ex, text: str) -> set[tuple]:
    return {(ex.country(e.actor), e.category.value) for e in run(text).events}


@pytest.mark.parametrize(
    "text",
    [
        "智利总统3日对秘鲁炮击边境表示遗憾。",
        "智利外长3日对秘鲁炮击边境感到可惜。",
        "智利外交部3日对炮击边境事件表示强烈不满。",
        "Chile on Monday expressed regret over the shelling of the border.",
        "Chile condemned Peru after the shelling.",
        "Chile protested following the airstrikes on its border.",
    ],
)
def test_reaction_to_an_act_is_not_the_act(run, ex, text: str) -> None:
    found = _categories(run, ex, text)
    assert ("CHL", "ASSAULT") not in found


def test_the_reactors_accusation_stays(run, ex) -> None:
    assert ("CHL", "ACCUSE") in _categories(run, ex, "Chile condemned Peru after the shelling.")
    assert ("CHL", "ACCUSE") in _categories(run, ex, "智利外交部3日对炮击边境事件表示强烈不满。")


@pytest.mark.parametrize(
    "text",
    [
        "Chile retaliated after shelling the border.",
        "智利军队3日炮击秘鲁边境哨所。",
        "智利3日对秘鲁边境哨所发动空袭。",
    ],
)
def test_own_acts_stay(run, ex, text: str) -> None:
    assert ("CHL", "ASSAULT") in _categories(run, ex, text)


@pytest.mark.parametrize(
    "text",
    ["Chile protested amid the shelling of its border.", "智利总统对秘鲁炮击边境感可惜。"],
)
def test_more_reaction_frames(run, ex, text: str) -> None:
    assert ("CHL", "ASSAULT") not in _categories(run, ex, text)
