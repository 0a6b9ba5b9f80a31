"""A target the role model fills with one name of a list brings the other members."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract import Extractor, learned
from dualtrack.model import Document


def _fill_members(ex: Extractor, text: str, name: str, actor: str) -> set[str | None]:
    """The countries `learned.fill_members` gives for the mention that starts at `name`, filled
    as the target of an act of `actor`."""
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 5, 4)))
    units = view.units()
    at = text.index(name)
    m = next(m for m in view.mentions if m.start == at)
    starts = [u.start for u in units]
    return {view.country_of(i) for i in learned.fill_members(view, units, starts, m, actor)}


def test_a_filled_member_of_a_list_of_three_brings_the_others() -> None:
    """访问A、B和C / visited A, B and C: a visit to each."""
    zh = Extractor(lang="zh")
    text = "法国总统本周先后访问了挪威、瑞典和芬兰。"
    assert _fill_members(zh, text, "芬兰", "FRA") == {"NOR", "SWE"}
    en = Extractor(lang="en")
    text = "The French president this week visited Norway, Sweden and Finland."
    assert _fill_members(en, text, "Sweden", "FRA") == {"NOR", "FIN"}


def test_two_names_with_a_comma_are_a_list() -> None:
    en = Extractor(lang="en")
    text = "Berlin urged Norway, Sweden to keep their borders open."
    assert _fill_members(en, text, "Norway", "DEU") == {"SWE"}


def test_two_names_joined_by_a_conjunction_alone_may_be_a_pair() -> None:
    """A与B / A and B: often the pair one of which the actor deals with; no expansion."""
    zh = Extractor(lang="zh")
    text = "德国外长表示愿意调解挪威与瑞典之间的争端。"
    assert _fill_members(zh, text, "瑞典", "DEU") == set()


def test_a_list_with_a_place_in_it_is_a_place() -> None:
    """在A与B、C交界处: the names locate something; they are not the act's parties."""
    zh = Extractor(lang="zh")
    text = "该组织长期在挪威与瑞典、芬兰交界处的山区活动,被德国列为恐怖组织。"
    assert _fill_members(zh, text, "瑞典", "DEU") == set()


def test_the_actors_own_side_is_not_its_target() -> None:
    en = Extractor(lang="en")
    text = "The French president this week visited Norway, France and Finland."
    assert _fill_members(en, text, "Norway", "FRA") == {"FIN"}
