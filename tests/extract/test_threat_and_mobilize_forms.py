"""Threats worded by their form and forces moved or shown that no verb rule read (s44m;
benchmarks/real/GUIDE.md: warnings and declared aims of force are THREATEN; incursions,
build-ups and patrols are MOBILIZE). Every sentence here is written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor
from dualtrack.model import Document

D = dt.date(2026, 3, 4)


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(case=None, lang="auto", coder="rules")


def coded(ex: Extractor, text: str) -> set[tuple]:
    res = ex.extract(Document(text=text, date=dt.date(2026, 3, 5)))
    return {
        (e.date, ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events
    }


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("亚美尼亚国防部4日表示，亚美尼亚将选择时间作出回应。", "ARM", None),
        ("亞美尼亞國防部4日表示，亞美尼亞會用本國選定的方式做出因應。", "ARM", None),
        ("白宫4日表示，美国手中有多种选项可供使用。", "USA", None),
        ("西共体4日表示，尼日尔军政府将面临军事干预。", "ECOWAS", "NER"),
        (
            "Armenia said on Wednesday it would respond at a time and place of its choosing.",
            "ARM",
            None,
        ),
        ("Trump said on Wednesday that Cuba would face very severe consequences.", "USA", "CUB"),
    ],
)
def test_threats_worded_by_their_form(rules, text, actor, target) -> None:
    assert (D, actor, "THREATEN", target) in coded(rules, text)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("俄罗斯战机4日侵犯了芬兰领空。", "RUS", "FIN"),
        ("俄羅斯戰機4日侵犯了芬蘭領空。", "RUS", "FIN"),
        ("北约4日出动战机拦截俄罗斯军机。", "NATO", "RUS"),
        ("北约4日加强了在边境的巡逻。", "NATO", None),
        ("Russian jets breached Finnish airspace on Wednesday.", "RUS", "FIN"),
        ("Norway scrambled fighter jets on Wednesday.", "NOR", None),
    ],
)
def test_forces_moved_or_shown(rules, text, actor, target) -> None:
    assert (D, actor, "MOBILIZE", target) in coded(rules, text)


def test_joint_patrols_stepped_up_stay_cooperation(rules) -> None:
    found = coded(rules, "菲律宾4日与日本加强联合巡逻。")
    assert "MOBILIZE" not in {c for _, _, c, _ in found}


@pytest.mark.parametrize(
    "text",
    [
        "土耳其4日炮击了叙利亚北部的村庄。叙利亚国防部5日表示，叙利亚将对此作出回应。",
        "土耳其4日炮擊了敘利亞北部的村莊。敘利亞國防部5日表示，敘利亞會在擇定時間還擊。",
        "Turkey shelled villages in northern Syria on Wednesday. "
        "Syria said on Thursday that it shall respond.",
        "Turkey shelled villages in northern Syria on Wednesday. "
        "Syria said on Thursday that this act would not go unpunished.",
    ],
)
def test_a_response_threatened_names_the_last_attacker(rules, text) -> None:
    """A threat of a response that names no one answers the last act by another side
    (zh and en modality `any_act`), as a threat to answer any aggression does."""
    assert (dt.date(2026, 3, 5), "SYR", "THREATEN", "TUR") in coded(rules, text)
