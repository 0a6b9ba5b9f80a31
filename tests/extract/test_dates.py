"""Dates resolve against the document date, with precision; unresolvable ones stay unresolved."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract.dates import dateline, document_date, find_dates
from dualtrack.extract.normalize import normalize
from dualtrack.model import DatePrecision

D = dt.date


@pytest.fixture(scope="module")
def zh(ex):
    return ex._load("zh")


@pytest.fixture(scope="module")
def en(ex):
    return ex._load("en")


def _dates(text, lang, doc):
    n = normalize(text, chinese=lang.cjk, units=lang.unit_chars)
    return [(n.text[d.start : d.end], d.date, d.precision) for d in find_dates(n.text, lang, doc)]


def test_chinese_absolute_day_alone_and_anaphora(zh) -> None:
    got = _dates("2026年3月2日雙方會晤。4日晚間再談，次日簽約，前一天曾有爭執。", zh, D(2026, 3, 6))
    assert got[0][1] == D(2026, 3, 2)
    assert got[1][1] == D(2026, 3, 4)  # 4日: month from context
    assert got[2][1] == D(2026, 3, 5)  # 次日: day after the date in context
    assert got[3][1] == D(2026, 3, 4)  # 前一天: day before the date in context


def test_month_day_without_year_takes_the_documents_year(zh) -> None:
    got = _dates("一月三十日", zh, D(2026, 2, 8))
    assert got[0][1] == D(2026, 1, 30)
    got = _dates("12月30日", zh, D(2026, 1, 4))  # a late-December date read in January
    assert got[0][1] == D(2025, 12, 30)


def test_relative_week_and_weekday(zh, en) -> None:
    got = _dates("上週雙方交火", zh, D(2026, 3, 5))  # Thursday
    assert got[0][1:] == (D(2026, 2, 23), DatePrecision.WEEK)
    got = _dates("Iran said on Tuesday and last Thursday", en, D(2026, 3, 5))
    assert [g[1] for g in got] == [D(2026, 3, 3), D(2026, 2, 26)]


def test_chinese_weekday_of_a_named_week_is_a_day(zh) -> None:
    # 上周二 is last week's Tuesday (not the week), 下週五 next week's Friday, 本週三 this
    # week's Wednesday even ahead of the page's date; 週日 alone is the latest Sunday
    text = "上周二雙方開會，上個星期五再談，下週五將簽約，本週三另有會議，週日也有交火。"
    got = _dates(text, zh, D(2026, 3, 2))  # a Monday
    assert [g[1:] for g in got] == [
        (D(2026, 2, 24), DatePrecision.DAY),
        (D(2026, 2, 27), DatePrecision.DAY),
        (D(2026, 3, 13), DatePrecision.DAY),
        (D(2026, 3, 4), DatePrecision.DAY),
        (D(2026, 3, 1), DatePrecision.DAY),
    ]


def test_english_this_weekday_is_of_the_pages_week(en) -> None:
    got = _dates("Talks are set for this Friday; the envoy arrived on Sunday.", en, D(2026, 3, 2))
    assert [g[1] for g in got] == [D(2026, 3, 6), D(2026, 3, 1)]


def test_english_forms(en) -> None:
    got = _dates("on Feb. 6, on 6 February and on March 3, 2025", en, D(2026, 2, 8))
    assert [g[1] for g in got] == [D(2026, 2, 6), D(2026, 2, 6), D(2025, 3, 3)]


def test_without_document_date_relative_dates_stay_unresolved(zh, en) -> None:
    got = _dates("昨日雙方會談，6日再談", zh, None)
    assert [(g[1], g[2]) for g in got] == [(None, DatePrecision.UNKNOWN)] * 2
    got = _dates("yesterday and last week", en, None)
    assert all(g[1] is None and g[2] is DatePrecision.UNKNOWN for g in got)
    # a full date needs no anchor
    assert _dates("2026年2月6日", zh, None)[0][1] == D(2026, 2, 6)


def test_range_and_as_of(zh) -> None:
    n = normalize("當地時間3月6日至8日", units=zh.unit_chars)
    ds = find_dates(n.text, zh, D(2026, 3, 9))
    assert ds[0].date == D(2026, 3, 6) and ds[0].date_end == D(2026, 3, 8)
    assert ds[1].range_end


def test_since_gives_a_span_to_the_document_date(en) -> None:
    n = normalize("sanctions in force since June")
    ds = find_dates(n.text, en, D(2026, 2, 8))
    assert ds[0].date == D(2025, 6, 1) and ds[0].precision is DatePrecision.MONTH
    assert ds[0].date_end == D(2026, 2, 8)


def test_a_span_that_looks_back_takes_the_year_before_a_later_month(zh, en) -> None:
    """Since June, 6月以来 in a March report: last June, a span to the report; a month after the
    report without such a cue (in June, 6月起) stays ahead of it."""
    cases = [
        (en, "Talks have stalled since June, an aide said.", D(2025, 6, 1), True),
        (en, "Patrols have continued since late May.", D(2025, 5, 1), True),
        (en, "Since March the navy has patrolled the strait.", D(2026, 3, 1), True),
        (en, "The summit will be held in June.", D(2026, 6, 1), False),
        (zh, "6月以来，海军持续在海峡巡逻。", D(2025, 6, 1), True),
        (zh, "自从5月，双方会谈陷入停滞。", D(2025, 5, 1), True),
        (zh, "6月起，新关税将生效。", D(2026, 6, 1), False),
    ]
    for lang, text, day, span in cases:
        n = normalize(text, chinese=lang.cjk, units=lang.unit_chars)
        ds = find_dates(n.text, lang, D(2026, 3, 9))
        assert ds[0].date == day, text
        assert (ds[0].date_end == D(2026, 3, 9)) is span, text


def test_document_date_from_a_dateline(zh, en) -> None:
    assert document_date("新華社\n2026年2月10日\n正文……", zh) == D(2026, 2, 10)
    assert document_date("Published February 9, 2026\nBody", en) == D(2026, 2, 9)
    assert document_date("No date here at all", en) is None


def test_taiwan_press_day_in_brackets_wins_over_the_offset(zh) -> None:
    # 昨（7）日 / 今（8）日 / 週五（6日）: the bracketed day of the month is the date
    text = "美方昨（7）日宣布，日方今（8）日回應，英方週五（6日）表態，法方前晚發言。"
    got = _dates(text, zh, D(2026, 2, 8))
    assert [g[1] for g in got] == [D(2026, 2, 7), D(2026, 2, 8), D(2026, 2, 6), D(2026, 2, 6)]
    assert all(g[2] is DatePrecision.DAY for g in got)


def test_day_of_last_or_this_month(zh) -> None:
    got = _dates("上月28日試射，本月3日部署，下个月5日复会。", zh, D(2026, 2, 8))
    assert [g[1] for g in got] == [D(2026, 1, 28), D(2026, 2, 3), D(2026, 3, 5)]
    assert all(g[2] is DatePrecision.DAY for g in got)


def test_a_day_alone_after_a_background_paragraph_is_in_the_documents_month(zh) -> None:
    text = "去年10月3日，兩國曾在邊境交火。\n\n6日，雙方再度會談，7日發表聲明。"
    got = _dates(text, zh, D(2026, 2, 8))
    assert [g[1] for g in got][-2:] == [D(2026, 2, 6), D(2026, 2, 7)]
    # within a paragraph the narrative's month still carries: 1月3日 … 5日
    got = _dates("1月3日雙方會晤，5日再談。", zh, D(2026, 2, 8))
    assert got[-1][1] == D(2026, 1, 5)


def test_a_smaller_day_after_a_late_day_is_in_the_next_month(zh) -> None:
    got = _dates("救援队3月29日抵达。敏昂莱2日表示感谢。", zh, D(2025, 4, 2))
    assert [g[1] for g in got] == [D(2025, 3, 29), D(2025, 4, 2)]


def test_a_day_up_to_a_week_ahead_is_in_the_documents_month(zh) -> None:
    # announced on the 17th for the 22nd: this month's, not last month's
    got = _dates("外交部宣布，22日起暂停会谈。", zh, D(2025, 11, 17))
    assert got[0][1] == D(2025, 11, 22)
    # further ahead than a week: last month's day (28日 read early in March)
    got = _dates("28日双方交火。", zh, D(2025, 3, 2))
    assert got[0][1] == D(2025, 2, 28)


def test_a_month_after_an_earlier_year_is_of_that_year(zh) -> None:
    text = "2019年8月底，两军在边境交火。10月5日，双方同意停火，6日交换战俘。\n\n"
    text += "9月1日，总统发表讲话。"
    got = _dates(text, zh, D(2023, 9, 2))
    assert [g[1] for g in got] == [D(2019, 8, 1), D(2019, 10, 5), D(2019, 10, 6), D(2023, 9, 1)]
    # a year-month of the document's own year changes nothing: 2月3日 stays near the document
    got = _dates("2023年1月，两国会晤。2月3日再谈。", zh, D(2023, 2, 10))
    assert got[-1][1] == D(2023, 2, 3)


def test_english_day_of_the_month_alone(en) -> None:
    text = (
        "Talks were held in Geneva on the 18th. "
        "A spokesman spoke on the 19th, after the 5th fleet left."
    )
    got = _dates(text, en, D(2025, 11, 19))
    assert [g[1] for g in got] == [D(2025, 11, 18), D(2025, 11, 19)]
    got = _dates("He arrived on the 3rd of May, 2024.", en, D(2024, 5, 9))
    assert [g[1] for g in got] == [D(2024, 5, 3)]


def test_a_date_after_a_flashback_cue_does_not_move_the_narrative(en) -> None:
    text = (
        "The two sides agreed a truce on Wednesday, hours after the raid on Tuesday. "
        "That day the envoys met. The talks were held on Monday. The next day they met again."
    )
    n = normalize(text, chinese=False, units=en.unit_chars)
    got = find_dates(n.text, en, D(2025, 3, 6))
    by = {n.text[d.start : d.end].lower(): d for d in got}
    assert by["on tuesday"].date == D(2025, 3, 4) and by["on tuesday"].aside
    assert by["that day"].date == D(2025, 3, 5)  # still Wednesday
    # without a cue, an earlier day in a new sentence is the narrative's
    assert not by["on monday"].aside
    assert by["the next day"].date == D(2025, 3, 4)


def test_only_the_datelines_own_line_dates_the_report(zh) -> None:
    text = "海軍昨(25)日晚間在外海演習\n\n〔記者王小明／綜合報導〕海軍昨(25)日晚間舉行演習。"
    n = normalize(text, chinese=True, units=zh.unit_chars)
    got = find_dates(n.text, zh, D(2025, 2, 26))
    assert [(d.date, d.dateline) for d in got] == [(D(2025, 2, 25), False)] * 2
    n = normalize("(法新社巴黎6日電) 法國外長今天表示將訪問北京。", chinese=True)
    got = find_dates(n.text, zh, D(2026, 2, 6))
    assert [(d.date, d.dateline) for d in got] == [(D(2026, 2, 6), True), (D(2026, 2, 6), False)]


def test_a_dateline_below_a_sites_notices_still_dates_the_report(zh) -> None:
    # a page's cookie notice, headline and time stamp push the dateline past the first lines;
    # opening its own paragraph with its day it is still the dateline (the story's day the 6th)
    notice = "網頁採用瀏覽紀錄技術，點選同意鍵即可繼續閱讀全文內容。\n" * 8
    lead = "(法新社巴黎6日綜合外電報導)法國外長今天表示將訪問北京。"
    text = notice + "\n外長訪問北京\n\n2026/2/7 06:10\n\n" + lead
    n = normalize(text, chinese=True, units=zh.unit_chars)
    got = [d for d in find_dates(n.text, zh, D(2026, 2, 7)) if d.start > len(notice)]
    assert [(d.date, d.dateline) for d in got][-2:] == [
        (D(2026, 2, 6), True),
        (D(2026, 2, 6), False),
    ]
    # a quote's dash or 综合报道 opening a paragraph far down is no dateline
    n = normalize(notice * 2 + "\n(綜合報道)外長今天表示將訪問北京。", chinese=True)
    assert dateline(n.text, zh) is None


def test_a_stray_bracket_or_an_undated_tag_yields_to_the_dated_dateline(zh, en) -> None:
    # a page's leftover 】 opening the text, or a column tag, ends no dateline when the wire's
    # dated one opens a line below: its day dates the report, not the talks
    for top in ("】 【打印】\n", "【国际快讯】各国动态\n"):
        text = top + "两国会谈\n\n新华社北京3月9日电 两国外长9日在北京举行会谈。"
        n = normalize(text, chinese=True, units=zh.unit_chars)
        dl = dateline(n.text, zh)
        assert dl is not None and n.text[dl.start : dl.end].endswith("9日")
    # a dash opening the line after a title is a list's, not the end of a dateline: the title's
    # names stay parties
    text = "Ministers of two states meet in Geneva\n- The talks opened on Monday, officials said."
    assert dateline(text, en) is None


def test_a_wire_story_reads_its_relative_dates_from_its_datelines_day(zh, en) -> None:
    # the page is dated the 7th, the copy was filed on the 6th: 今天 is the 6th
    n = normalize("(法新社巴黎6日電) 法國外長今天表示，昨天已與德國外長通話。", chinese=True)
    got = find_dates(n.text, zh, D(2026, 2, 7))
    assert [d.date for d in got] == [D(2026, 2, 6), D(2026, 2, 6), D(2026, 2, 5)]
    n = normalize("PARIS, Feb 6 (Staff) - France said today it would send an envoy.")
    got = find_dates(n.text, en, D(2026, 2, 7))
    assert [d.date for d in got] == [D(2026, 2, 6), D(2026, 2, 6)]
    # a weekday is still the latest on or before the page's date (a copy updated after its
    # dateline, Thursday's, tells Friday's events)
    n = normalize("PARIS, Feb 5 (Staff) - France said on Friday it would send an envoy.")
    got = find_dates(n.text, en, D(2026, 2, 6))
    assert [d.date for d in got] == [D(2026, 2, 5), D(2026, 2, 6)]
    # a dateline long before the page's date is an old story's: the page's date stays
    n = normalize("(法新社巴黎6日電) 法國外長今天表示將訪問北京。", chinese=True)
    got = find_dates(n.text, zh, D(2026, 2, 20))
    assert got[1].date == D(2026, 2, 20)


def test_a_reporters_question_does_not_move_the_answers_day(zh) -> None:
    # the briefing is on the 9th; the question reports a protest on the 8th; 当天 in the answer
    # is the briefing's day, not the question's
    text = (
        "王某9日举行吹风会，有记者提问说：甲国8日召见乙国大使表示不满，你怎么看？"
        "王某说，中方当天已向对方提出严正交涉。"
    )
    n = normalize(text, chinese=True, units=zh.unit_chars)
    got = find_dates(n.text, zh, D(2025, 4, 9))
    by = {n.text[d.start : d.end]: d for d in got}
    assert by["8日"].date == D(2025, 4, 8) and by["8日"].aside
    assert by["当天"].date == D(2025, 4, 9)


def test_a_wars_name_is_no_date(zh) -> None:
    # 六日战争 (the Six-Day War) names a war; 5日 beside it is a day
    got = _dates("两国5日再度交火，有评论将其比作六日战争。", zh, D(2025, 4, 9))
    assert [(g[0], g[1]) for g in got] == [("5日", D(2025, 4, 5))]


def test_a_day_before_and_that_night_read_from_the_narratives_day(zh) -> None:
    text = "甲国10日宣布制裁乙国。乙国一天前已召回大使，当夜又关闭边境口岸。"
    got = {g[0]: g[1] for g in _dates(text, zh, D(2025, 4, 12))}
    assert got["一天前"] == D(2025, 4, 9)
    assert got["当夜"] == D(2025, 4, 10)  # 一天前 looks back; the narrative stays on the 10th


def test_chinese_day_with_twenty_written_as_one_character(zh) -> None:
    """A day of the twenties or the thirtieth written with 廿 or 卅 (Taiwan's press) is that
    day: 廿九日 had been read as the 9th."""
    got = _dates("部長十月廿九日表示，雙方卅日將再談。", zh, D(2025, 10, 31))
    assert ("10月29日", D(2025, 10, 29), DatePrecision.DAY) in got
    assert ("30日", D(2025, 10, 30), DatePrecision.DAY) in got


def test_a_span_start_runs_to_the_report_with_its_cue_before_or_after(zh, en) -> None:
    """自…以来, 11月以来, 10月起, since January, from March onwards: the start of a span that
    ends on the report's date (what went on since is background), and its start is marked `since`
    (no act's own day: GUIDE leaves what went on since undated); a plain date, a range or a
    future start is none."""
    cases = [
        (en, "The navy has struck the port 40 times since March 2.", True),
        (zh, "自3月2日以来，海军已对该港口发动40次空袭。", True),
        (zh, "3月2日起，海军多次空袭该港口。", True),
        (en, "The navy struck the port on March 2.", False),
        (zh, "自去年11月以来，两国边境冲突不断。", True),
        (zh, "11月以来，该组织多次袭击商船。", True),
        (zh, "从10月起，双方停止了会谈。", True),
        (zh, "11月5日，两国举行会谈。", False),
        (zh, "3月2日至4日，两国举行会谈。", False),
        (zh, "下月1日起，新关税生效。", False),
        (zh, "该公司2月起诉了两名前雇员。", False),
        (en, "Since January, the militia has fired dozens of rockets.", True),
        (en, "In the months of February 2025 onwards the navies held drills.", True),
        (en, "On March 3 the two navies held drills.", False),
    ]
    for lang, text, span in cases:
        n = normalize(text, chinese=lang.cjk, units=lang.unit_chars)
        ds = find_dates(n.text, lang, D(2026, 3, 9))
        assert ds and (ds[0].date_end == D(2026, 3, 9)) is span, text
        assert ds[0].since is span, text


def test_the_second_day_of_a_process_is_no_next_day(zh) -> None:
    # 第二天 alone: the day after the date in context; after 的 or a word of a process (an
    # exchange, talks, a run of days): the ordinal day of that process, no date of its own
    got = _dates("3月2日雙方會晤，第二天簽約。", zh, D(2026, 3, 6))
    assert [g[1] for g in got] == [D(2026, 3, 2), D(2026, 3, 3)]
    for text in ("3月2日起交換戰俘，交換第二天又有百人獲釋。", "3月2日開始的會談的第二天無果。"):
        assert [g[1] for g in _dates(text, zh, D(2026, 3, 6))] == [D(2026, 3, 2)]
