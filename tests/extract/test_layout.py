"""The layout component (layout.py): the title, the lines of their own, and the lines that are
other articles' headlines (related links), marked once on the document view. Sentences written
for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.pipeline import Extractor
from dualtrack.model import Document

BODY = "Armenia withdrew its troops from the border with Azerbaijan on Sunday, officials said."


@pytest.fixture(scope="module")
def en() -> Extractor:
    return Extractor(lang="en", coder="rules")


@pytest.fixture(scope="module")
def zh() -> Extractor:
    return Extractor(lang="zh", coder="rules")


def _view(ex: Extractor, text: str):
    return ex.view(Document(text=text, date=dt.date(2026, 3, 10)))[3]


def _foreign(ex: Extractor, text: str) -> list[str]:
    view = _view(ex, text)
    return [view.text[s:e] for s, e in view.layout.foreign]


def test_the_title_is_marked_once_below_short_lines_at_the_top(en: Extractor) -> None:
    text = "WORLD\n3 min read\nArmenia pulls its troops back from the Azerbaijani border\n" + BODY
    view = _view(en, text)
    title = view.layout.title
    assert title is not None and view.text[title.start :].startswith("Armenia pulls")
    assert view.layout.in_head(title) and view.layout.is_line(title)
    body = view.sents[-1]
    assert not view.layout.is_line(body) and not view.layout.in_head(body)


def test_a_line_of_its_own_further_down_is_no_title(en: Extractor) -> None:
    text = BODY + "\nTalks stall in Geneva\n" + BODY
    view = _view(en, text)
    assert view.layout.title is None
    line = next(s for s in view.sents if view.text.startswith("Talks stall", s.start))
    assert view.layout.is_line(line) and not view.layout.in_head(line)


def test_the_lines_under_a_related_links_header_are_other_articles(en: Extractor) -> None:
    text = (
        BODY + "\nRead more\nAzerbaijan shells border posts near a village\n"
        "Georgia hosts a summit on transit roads\n" + BODY
    )
    assert _foreign(en, text) == [
        "Azerbaijan shells border posts near a village",
        "Georgia hosts a summit on transit roads",
    ]


def test_a_list_of_dashed_headlines_is_other_articles_but_a_crosshead_is_not(
    en: Extractor,
) -> None:
    links = "- Azerbaijan shells border posts 2026/03/02\n- Georgia hosts a summit 2026/03/01\n"
    assert len(_foreign(en, BODY + "\n" + links + BODY)) == 2
    assert _foreign(en, BODY + "\n- Border pressure -\n" + BODY) == []
    assert _foreign(en, BODY + "\n- Only one dashed line\n" + BODY) == []
    sentences = "- Armenia withdrew on Sunday.\n- Azerbaijan said it would respond.\n"
    assert _foreign(en, BODY + "\n" + sentences + BODY) == []


def test_a_related_news_line_with_its_headline_after_a_colon(zh: Extractor) -> None:
    body = "亚美尼亚8日从边境撤出部队。官员表示，撤军已经完成。"
    text = body + "\n相关新闻：阿塞拜疆炮击边境哨所\n" + body
    assert _foreign(zh, text) == ["相关新闻:阿塞拜疆炮击边境哨所"]
    # the next line of the body, not under a bare header, stays the report's
    assert _foreign(zh, body + "\n" + body) == []


def test_an_act_in_a_related_link_has_no_day(en: Extractor) -> None:
    link = "Azerbaijani forces shelled Armenian border posts on March 2, the ministry said"
    for text, day in (
        (BODY + "\n" + link + ".\n", dt.date(2026, 3, 2)),
        (BODY + "\nRelated\n" + link + "\n" + BODY, None),
    ):
        events = en.extract(Document(text=text, date=dt.date(2026, 3, 10))).events
        shelling = [e for e in events if e.actor == "AZE" and e.target == "ARM"]
        assert [e.date for e in shelling] == [day]


def test_a_kicker_before_an_exclamation_mark_is_part_of_the_title_line(en: Extractor) -> None:
    text = "Breaking! Armenia pulls its troops back from the Azerbaijani border\n" + BODY
    view = _view(en, text)
    title = view.layout.title
    assert title is not None and title.start == 0
    assert view.text[title.start : title.end].endswith("Azerbaijani border")
    # every sentence of the title's line is the title's (the title fold reads the span)
    assert all(title.start <= s.start < title.end for s in view.sents[:2])


def test_a_title_line_may_end_with_a_quote_but_not_hold_a_full_stop(zh: Extractor) -> None:
    quoted = "外长会晤后双方表示“将尽快重启谈判”\n" + "双方外长10日在日内瓦会晤。"
    title = _view(zh, quoted).layout.title
    assert title is not None and title.start == 0
    caption = "资料图片显示一处边境哨所。摄于去年春天的边境地区\n" + "双方外长10日在日内瓦会晤。"
    assert _view(zh, caption).layout.title is None


def test_a_breadcrumb_of_the_sites_sections_is_passed_over(zh: Extractor) -> None:
    crumb = "本站首页 > 国际新闻 > 正文\n"
    text = crumb + "两国外长同意尽快重启边界谈判\n" + "双方外长10日在日内瓦会晤。"
    view = _view(zh, text)
    title = view.layout.title
    assert title is not None and view.text.startswith("两国外长", title.start)
