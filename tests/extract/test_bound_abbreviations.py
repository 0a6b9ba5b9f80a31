"""Abbreviations bound to a context (actors.yaml `bound_abbreviations`): 台 names Taiwan right
after 对 / 赴 / 围 (对台军售), but 平台, 出台, 台风 and 电视台 are ordinary words. And places
that name the state holding them (钓鱼岛)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dualtrack.extract import Extractor, LangDataError
from dualtrack.extract.langdata import build
from dualtrack.extract.mentions import find_mentions
from dualtrack.extract.normalize import normalize
from dualtrack.model import Document


def _mentions(ex: Extractor, text: str) -> list[tuple[str, tuple[str, ...]]]:
    lang = ex._load("zh")
    n = normalize(text, chinese=True, units=lang.unit_chars)
    return [(n.text[m.start : m.end], m.ids) for m in find_mentions(n.text, lang, ex._country)]


def _parties(ex: Extractor, text: str) -> set[tuple[str | None, str, str | None]]:
    res = ex.extract(Document(text=text, date=dt.date(2025, 12, 20)))
    return {(ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events}


@pytest.mark.parametrize(
    "text",
    ["美国国务院周五宣布对台出售一批导弹。", "美国宣布对台实施新一轮军售。"],
)
def test_arms_sale_to_taiwan_targets_taiwan(ex, text) -> None:
    assert ("USA", "COOPERATE", "TWN") in _parties(ex, text)


def test_bound_mention_covers_the_abbreviation_only(ex) -> None:
    lang = ex._load("zh")
    text = "有议员随后赴台访问。"
    (m,) = find_mentions(text, lang, ex._country)
    assert (m.start, m.end, m.ids) == (text.index("台"), text.index("台") + 1, ("TWN",))
    assert _mentions(ex, "海警船只围台巡航") == [("台", ("TWN",))]


@pytest.mark.parametrize(
    "text",
    [
        "该平台当天发布消息。",
        "政府出台了新的规定。",
        "台风将于明天登陆。",
        "当地电视台报道了此事。",
        "美国宣布对台风灾区提供援助。",  # 对 before 台, but 台风 is a typhoon
    ],
)
def test_common_words_with_tai_name_no_state(ex, text) -> None:
    assert not [ids for _, ids in _mentions(ex, text) if "TWN" in ids]
    assert not [p for p in _parties(ex, text) if "TWN" in p]


def test_a_name_starting_at_the_abbreviation_wins(ex) -> None:
    assert _mentions(ex, "美方对台湾问题表态") == [("美方", ("USA",)), ("台湾", ("TWN",))]


def test_bound_abbreviations_are_language_data(tmp_path: Path) -> None:
    """A user adds one in an extra folder; a misspelt key names the file and the line, and an
    unknown id is an error too."""
    (tmp_path / "zh").mkdir()
    path = tmp_path / "zh" / "actors.yaml"
    path.write_text("bound_abbreviations:\n  泰: {id: THA, after: [访]}\n", encoding="utf-8")
    lang = build("zh", extra=[tmp_path])
    assert [(m.start, m.ids) for m in find_mentions("总理下月访泰", lang, {})] == [(5, ("THA",))]
    path.write_text(
        "bound_abbreviations:\n  泰: {id: THA, after: [访]}\n  柬: {id: KHM, aftr: [访]}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        LangDataError, match=r"zh/actors.yaml:3: unknown bound abbreviation key 'aftr'"
    ):
        build("zh", extra=[tmp_path])
    path.write_text("bound_abbreviations:\n  柬: {id: KHMR, after: [访]}\n", encoding="utf-8")
    with pytest.raises(LangDataError, match=r"bound_abbreviations: 柬: needs the 'id'"):
        build("zh", extra=[tmp_path])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("解放军本周在东部海域展开对台军演。", ("CHN", "MOBILIZE", "TWN")),
        ("东部战区宣布即日起展开围台军演。", ("CHN", "MOBILIZE", "TWN")),
        ("美国政府周五宣布一项对台军售。", ("USA", "COOPERATE", "TWN")),
    ],
)
def test_bound_abbreviation_cuts_a_role_alias_into_the_act(ex, text, expected) -> None:
    """对台军演: 台 is the party and 军 starts the act, as in 美菲军演 (`pair_roles`); the alias
    台军 would swallow the trigger's first character and leave the act with no target."""
    assert ("台", ("TWN",)) in _mentions(ex, text)
    assert expected in _parties(ex, text)


def test_role_alias_outside_a_bound_context_stands(ex) -> None:
    assert _mentions(ex, "台军下周将举行年度演习。") == [("台军", ("TWN",))]
    assert _mentions(ex, "美方对台军方提出要求。") == [("美方", ("USA",)), ("台军方", ("TWN",))]


@pytest.mark.parametrize(
    "text",
    [
        "两艘中国海警船周三驶入钓鱼岛周边海域。",
        "Two Chinese coast guard ships entered the waters of the Senkaku Islands.",
    ],
)
def test_held_islands_name_the_state_that_holds_them(ex, text) -> None:
    """The guide's "territory it controls": ships sent into the waters of islands Japan holds
    target Japan (actors.yaml: PLACE.senkaku, country JPN)."""
    assert ("CHN", "MOBILIZE", "JPN") in _parties(ex, text)
