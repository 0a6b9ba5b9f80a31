"""Date mentions resolved against the document date, with a precision.

Absolute dates without a year take the year that puts them near the document date; a day alone
(6日) takes its month from the date in context; relative expressions (前一天, last Friday, 上周)
resolve against the date in context or the document date. When there is nothing to resolve
against, the mention is kept with precision `unknown` and no date: never guessed from today.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from dualtrack.extract.firstchars import Scan
from dualtrack.extract.langdata import LangData
from dualtrack.model import DatePrecision


@dataclass
class DateMention:
    start: int
    end: int
    date: dt.date | None
    precision: DatePrecision
    date_end: dt.date | None = None
    relative: bool = False
    range_end: bool = False  # the 8日 of 6日至8日: not a date events happen on by itself
    dateline: bool = False  # the date of the report (WASHINGTON, Feb 6 -), not of its events
    aside: bool = False  # 前一天 in what was said, a future date: not the narrative's day
    since: bool = False  # the June of "since June", 11月以来: a span's start, what went on since

    @property
    def resolved(self) -> bool:
        return self.date is not None


def _near_year(month: int, day: int, ref: dt.date) -> int:
    """The year that puts month/day in the window (ref - ~9 months, ref + ~3 months]."""
    best = ref.year
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if -280 <= (d - ref).days <= 92:
            best = y
            break
    return best


def _year_after(month: int, day: int, ref: dt.date) -> int:
    """The year that puts month/day at or after the month of `ref`, within the next year: a
    story told forward from a dated start (2020年9月 … 11月10日 … 1月)."""
    start = dt.date(ref.year, ref.month, 1)
    for y in (ref.year, ref.year + 1):
        d = _safe(y, month, day)
        if d and d >= start:
            return y
    return ref.year


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_month(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def document_date(text: str, lang: LangData) -> dt.date | None:
    """A publication date from a short date line near the top or the bottom of the text."""
    lines = text.splitlines()
    candidates = lines[:8] + lines[-4:]
    for line in candidates:
        s = line.strip()
        if not s or len(s) > 80:
            continue
        for rx in lang.dates["document_date"]:
            m = rx.search(s)
            if m:
                d = _from_groups(m.groupdict(), lang)
                if d:
                    return d
    return None


def _from_groups(g: dict[str, str | None], lang: LangData) -> dt.date | None:
    month = _month(g.get("month"), lang)
    if not (g.get("year") and month and g.get("day")):
        return None
    return _safe(int(g["year"]), month, int(g["day"]))  # type: ignore[arg-type]


def _month(value: str | None, lang: LangData) -> int | None:
    if not value:
        return None
    if value.isdigit():
        return int(value)
    return lang.dates["months"].get(value.lower().rstrip("."))


class _Breaks:
    """Where the line breaks are, so 'is there a break between a and b' costs a bisection, not
    a scan of everything since the last dated sentence (quadratic in a long document)."""

    def __init__(self, text: str) -> None:
        self._at = [m.start() for m in re.finditer("\n", text)]

    def within(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._at, start)
        return i < len(self._at) and self._at[i] < end


# How many days before the page's date a dateline's day may be and still be the report's day
# (more is an old story republished, or a misread date).
_FILED = 3


def find_dates(text: str, lang: LangData, doc_date: dt.date | None) -> list[DateMention]:
    """All date mentions in `text` (normalised), resolved in reading order. A wire story filed
    a day or more before the page's date (法新社…6日电, published on the 7th) says 今天 and
    昨天 from its dateline's day: the text is read again with that day as its own. A weekday
    ("on Friday") is still the latest one on or before the page's date (GUIDE): a copy updated
    after its dateline tells the day after by its weekday."""
    out = _find_dates(text, lang, doc_date, doc_date)
    day = report_day(out, doc_date)
    return out if day is None or day == doc_date else _find_dates(text, lang, day, doc_date)


def report_day(dates: list[DateMention], doc_date: dt.date | None) -> dt.date | None:
    """The day the report was filed: its dateline's day where that is up to `_FILED` days
    before `doc_date` (a page dated the day after the wire copy), else `doc_date`."""
    days = [d.date for d in dates if d.dateline and d.date and d.precision is DatePrecision.DAY]
    if doc_date is None or not days or not 0 < (doc_date - days[-1]).days <= _FILED:
        return doc_date
    return days[-1]


def _find_dates(
    text: str, lang: LangData, doc_date: dt.date | None, page: dt.date | None
) -> list[DateMention]:
    """`doc_date`: the day the text is read from (the report's); `page`: the page's date,
    which weekdays are read from and after which a date is ahead of the story."""
    out: list[DateMention] = []
    breaks = _Breaks(text)
    context: dt.date | None = doc_date
    month_context = doc_date  # "In January … the following month": any precision anchors months
    context_end = 0
    years: tuple[dt.date, int] | None = None  # the last month named with its year, and where
    asked = _questions(text, lang)
    for start, end, kind, payload in _date_spans(text, lang):
        if kind == "abs":
            # a day alone (6日) after a paragraph break: back at the document's month, not at the
            # month of a background paragraph
            ctx = context if not breaks.within(context_end, start) else (doc_date or context)
            past = years[0] if years and not breaks.within(years[1], start) else None
            g: dict[str, str | None] = payload  # type: ignore[assignment]
            dm = _absolute(start, end, g, lang, doc_date, ctx, past)
            if dm and dm.date and g.get("year") and g.get("month"):
                years = (dm.date, end)
        else:
            rel, groups = payload  # type: ignore[misc]
            anchor = month_context if rel["unit"] == "month" else context
            own = page if rel["unit"] == "weekday" else doc_date
            dm = _relative(start, end, rel, groups, lang, own, anchor)
        if dm is None:
            continue
        out.append(dm)
        _join_ranges(text, out[-2:], lang)
        if kind == "rel" and payload[0]["anchor"] == "context" and payload[0]["offset"] < 0:
            dm.aside = True  # type: ignore[union-attr]
        if _aside(text, lang, dm, start, asked, page, (context, context_end)):
            dm.aside = True
        if dm.date and dm.precision is DatePrecision.DAY and not dm.range_end and not dm.aside:
            context, context_end = dm.date, end
        if dm.date and not dm.range_end:
            month_context = dm.date
    _mark_spans(text, out, lang, doc_date)
    _mark_dateline(text, out, lang)
    return out


def _date_spans(text: str, lang: LangData) -> list[tuple[int, int, str, object]]:
    """Every date expression of `text` in reading order, as (start, end, "rel" or "abs",
    match data): relative patterns first, so that an absolute one never claims characters a
    relative one already holds (上月6日 is one mention, not two)."""
    spans: list[tuple[int, int, str, object]] = []
    used = bytearray(len(text))  # characters already inside a date mention

    def claim(s: int, e: int) -> bool:
        if any(used[s:e]):
            return False
        used[s:e] = b"\x01" * (e - s)
        return True

    rels = [r["re"] for r in lang.dates["relative"]]
    absolute = lang.dates["absolute"]
    scan = text
    if "absolute_lower" in lang.dates:
        lowered = text.lower()
        if len(lowered) == len(text):  # offsets kept: read the lower-cased text, faster
            scan, rels = lowered, lang.dates["relative_lower"]
            absolute = lang.dates["absolute_lower"]
    text_scan = Scan(scan)  # each pattern tried near the literals it holds, found once
    for rel, rx in zip(lang.dates["relative"], rels, strict=True):
        spans += [(m.start(), m.end(), "rel", (rel, m.groupdict()))
                  for m in text_scan.finditer(rx) if claim(*m.span())]  # fmt: skip
    for rx in absolute:
        spans += [(m.start(), m.end(), "abs", m.groupdict())
                  for m in text_scan.finditer(rx) if claim(*m.span())]  # fmt: skip
    spans.sort(key=lambda s: s[0])
    return spans


def _aside(
    text: str,
    lang: LangData,
    dm: DateMention,
    start: int,
    asked: list[tuple[int, int]],
    page: dt.date | None,
    context: tuple[dt.date | None, int],
) -> bool:
    """Is `dm` (found at `start`) a date that does not move the story's day, which later
    relative dates read from: inside a reporter's question, ahead of the page, or a flashback
    before `context` (the story's day, and where it was last named)?"""
    day, end = context
    if any(a <= start < b for a, b in asked):
        return True  # a reporter's question: not the day of the answer after it
    if dm.date and page and dm.date > page:
        return True  # 4月2日起生效: a future date is not the day a later 当天 refers to
    # "… on Wednesday, hours after the attack on Tuesday": still Wednesday
    return bool(dm.date and end and day and dm.date < day and _flashback(text, end, start, lang))


def _questions(text: str, lang: LangData) -> list[tuple[int, int]]:
    """The spans of questions put to a spokesman (有记者提问：据报道，X17日表示…？): from the cue
    to the question mark, else to the paragraph's end. They report what others did on their
    days; the answer that follows is of the briefing's day, not of the question's last date."""
    rx = lang.dates.get("question_re")
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text):
        end = _QUESTION_END.search(text, m.end())
        out.append((m.start(), end.end() if end else len(text)))
    return out


_QUESTION_END = re.compile(r"[?？]|\n")


def _flashback(text: str, lo: int, hi: int, lang: LangData) -> bool:
    """Is there a cue of an earlier event (after, following) between the narrative's day at `lo`
    and a date at `hi`, in the same sentence? Such a date looks back; the narrative stays."""
    rx = lang.dates.get("flashback_re")
    return bool(rx and rx.search(text, lo, hi) and not lang.sentence_re.search(text, lo, hi))


def _absolute(
    start: int,
    end: int,
    g: dict[str, str | None],
    lang: LangData,
    doc_date: dt.date | None,
    context: dt.date | None,
    past: dt.date | None = None,
) -> DateMention | None:
    """`past`: a month named with an earlier year in the same paragraph (2020年9月底 … 11月10日):
    a month without a year that follows it is of that story's year, not the document's."""
    year = int(g["year"]) if g.get("year") else None
    month = _month(g.get("month"), lang)
    day = int(g["day"]) if g.get("day") else None
    ref = context or doc_date
    if day and not month:
        if ref is None:
            return DateMention(start, end, None, DatePrecision.UNKNOWN)
        month, year = ref.month, year or ref.year
        d = _safe(year, month, day)
        if d and doc_date and (d - doc_date).days > 7:  # 28日 read early in March: February
            # (up to a week ahead it is this month's: 22日开始, announced on the 17th)
            prev = _shift_month(d, -1)
            d = _safe(prev.year, prev.month, day)
        elif d and (ref - d).days > 7:  # 3月29日 … 2日, read on April 2: the next month's day
            nxt = _shift_month(d, 1)
            d2 = _safe(nxt.year, nxt.month, day)
            if d2 and (doc_date is None or (d2 - doc_date).days <= 3):
                d = d2
        return DateMention(start, end, d, DatePrecision.DAY if d else DatePrecision.UNKNOWN)
    if month and not year:
        if doc_date is None and ref is None:
            return DateMention(start, end, None, DatePrecision.UNKNOWN)
        year = _near_year(month, day or 1, (doc_date or ref))  # type: ignore[arg-type]
        if past and doc_date and past.year < doc_date.year:
            year = _year_after(month, day or 1, past)
        anchor = doc_date or ref
        if g.get("past") and anchor and (year, month) >= (anchor.year, anchor.month):
            year -= 1  # "last June" is a June before the document's month
        if g.get("prev_year") and anchor:
            year = anchor.year - 1  # "in July last year": the year before the document's
    if year and month and day:
        d = _safe(year, month, day)
        return DateMention(start, end, d, DatePrecision.DAY if d else DatePrecision.UNKNOWN)
    if year and month:
        return DateMention(start, end, _safe(year, month, 1), DatePrecision.MONTH)
    if year:
        return DateMention(start, end, dt.date(year, 1, 1), DatePrecision.YEAR)
    return None


def _relative(
    start: int,
    end: int,
    rel: dict,
    groups: dict[str, str | None],
    lang: LangData,
    doc_date: dt.date | None,
    context: dt.date | None,
) -> DateMention:
    anchor = (context or doc_date) if rel["anchor"] == "context" else doc_date
    unit, offset = rel["unit"], rel["offset"]
    if anchor is None:
        return DateMention(start, end, None, DatePrecision.UNKNOWN, relative=True)
    if groups.get("day"):
        # 昨(7)日, 周五(6日), 上月28日: the stated day of the month, near the relative date
        near = _relative(start, end, rel, {**groups, "day": None}, lang,
                         doc_date, context).date  # fmt: skip
        return DateMention(
            start, end, _day_near(int(groups["day"]), near or anchor, unit == "month"),
            DatePrecision.DAY, relative=True,
        )  # fmt: skip
    if unit == "day":
        return DateMention(
            start, end, anchor + dt.timedelta(days=offset), DatePrecision.DAY, relative=True
        )
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        return DateMention(
            start,
            end,
            monday,
            DatePrecision.WEEK,
            relative=True,
            date_end=monday + dt.timedelta(days=6),
        )
    if unit == "month":
        return DateMention(
            start, end, _shift_month(anchor, offset), DatePrecision.MONTH, relative=True
        )
    if unit == "year":
        return DateMention(
            start, end, dt.date(anchor.year + offset, 1, 1), DatePrecision.YEAR, relative=True
        )
    # weekday: -1 = that day of the previous calendar week (上周五); +1 = of the next week;
    # 0 = the most recent such day, on or before the anchor (news reports what happened), or
    # with a group `this` (本周三) that day of the anchor's own week, before or after it.
    wd = lang.dates["weekdays"].get((groups.get("weekday") or "").lower())
    if wd is None:
        return DateMention(start, end, None, DatePrecision.UNKNOWN, relative=True)
    if offset == 0 and not groups.get("this"):
        back = (anchor.weekday() - wd) % 7
        d = anchor - dt.timedelta(days=back)
        if groups.get("last") and back == 0:
            d -= dt.timedelta(days=7)
    else:
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        d = monday + dt.timedelta(days=wd)
    return DateMention(start, end, d, DatePrecision.DAY, relative=True)


def _day_near(day: int, near: dt.date, same_month: bool) -> dt.date | None:
    """The date with day-of-month `day` closest to `near` (in `near`'s month if `same_month`)."""
    if same_month:
        return _safe(near.year, near.month, day)
    options = [
        d
        for m in (-1, 0, 1)
        if (first := _shift_month(near, m)) and (d := _safe(first.year, first.month, day))
    ]
    return min(options, key=lambda d: abs((d - near).days), default=None)


class Dateline(NamedTuple):
    """A dispatch's dateline (新华社北京2月10日电, MANILA, March 25 —): `start`, where its line
    begins; `end`, where its own words end; `body`, where the report's text begins."""

    start: int
    end: int
    body: int


def dateline(text: str, lang: LangData, within: int = 160) -> Dateline | None:
    """The dateline ending within the first `within` characters, else one opening a line of the
    first `_OPENING` characters with a number before its end (`_opening`), None where there is
    none.

    Why one home: its dates date the report, not its events (`find_dates`); the city it names
    is where the report was filed, no party to any event (`Extractor.view`); its state owns the
    bare ministries of the dispatch (`mentions`); summaries start after it."""
    rx = lang.dates.get("dateline_end_re")
    if rx is None:
        return None
    m = next((m for m in rx.finditer(text, 0, min(len(text), within)) if _said(text, m)), None)
    if m is None or not _dated(text, m):  # 【世界热闻】 above 新华社北京6月15日电: the dated one
        m = _opening(text, rx) or m
    if m is None:
        return None
    return Dateline(_line(text, m), m.start(), m.end())


def _line(text: str, m: re.Match[str]) -> int:
    return text.rfind("\n", 0, m.start()) + 1


def _said(text: str, m: re.Match[str]) -> bool:
    """Whether a dateline's end has words of its line before it: a page's stray 】 opening a
    line, or a dash opening one (a list's), ends none."""
    return bool(text[_line(text, m) : m.start()].strip())


def _dated(text: str, m: re.Match[str]) -> bool:
    return any(c.isdigit() for c in text[_line(text, m) : m.start()])


# How far into a page a dateline may open its paragraph, below a site's notices, headline and
# time stamp ((中央社巴黎6日綜合外電報導) some 350 characters in), and how far into its line.
_OPENING = 600
_OPENING_HEAD = 40


def _opening(text: str, rx: re.Pattern[str]) -> re.Match[str] | None:
    """A dateline further down than the first lines: its end within `_OPENING_HEAD` characters
    of its line's start, with a digit (its day) before it, so a bare 综合报道 or a dash in a quote
    is none."""
    for m in rx.finditer(text, 0, min(len(text), _OPENING)):
        if m.start() - _line(text, m) <= _OPENING_HEAD and _dated(text, m):
            return m
    return None


def _mark_dateline(text: str, out: list[DateMention], lang: LangData) -> None:
    """The dates of the dateline's own line (新华社北京2月10日电, MANILA, March 25 —) date the
    report. A headline or photo caption on a line above it (某国昨(25)日深夜又发动空袭…) is
    text like any other: its dates are its events'."""
    dl = dateline(text, lang)
    if dl is None:
        return
    for dm in out:
        if dl.start <= dm.start and dm.end <= dl.end:
            dm.dateline = True


@cache
def _range_joiner(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words joining the two ends of a range (至, to) alone in a gap, compiled once."""
    return re.compile(r"\s*(?:" + "|".join(words) + r")\s*$")


def _join_ranges(text: str, out: list[DateMention], lang: LangData) -> None:
    """2月6日至8日 / Feb. 6 to 8: the first mention becomes a span ending at the second."""
    if not lang.dates["range"]:
        return
    conn = _range_joiner(tuple(lang.dates["range"]))
    for a, b in itertools.pairwise(out):
        gap = text[a.end : b.start]
        if a.date and b.date and len(gap) <= 5 and conn.match(gap) and b.date >= a.date:
            a.date_end = b.date
            b.range_end = True


def _mark_spans(
    text: str, out: list[DateMention], lang: LangData, doc_date: dt.date | None
) -> None:
    """截至1月29日 (as of): the date stands; 自/since June, 11月以来: a span from it to the
    document date (what has gone on since is background, GUIDE: undated). A span that can only
    look back (`span_past`: since, 以来) from a month or day its year put after the report is of
    the year before (since June, in a March report)."""
    start_re = lang.dates["span_start_re"]
    after_re = lang.dates.get("span_after_re")
    if start_re is None and after_re is None:
        return
    past_re = lang.dates.get("span_past_re")
    for dm in out:
        if dm.date and doc_date and dm.date > doc_date and _span_cue(text, dm, past_re, past_re):
            dm.date = _year_before(dm.date)  # since June, in a March report: last June
        if not (dm.date and doc_date and dm.date_end is None and dm.date < doc_date):
            continue
        if _span_cue(text, dm, start_re, after_re):
            dm.date_end = doc_date
            dm.since = True


def _year_before(day: dt.date) -> dt.date:
    """The same month and day a year earlier (29 February: the 28th)."""
    return _safe(day.year - 1, day.month, day.day) or dt.date(day.year - 1, day.month, 28)


def _span_cue(
    text: str, dm: DateMention, start_re: re.Pattern[str] | None, after_re: re.Pattern[str] | None
) -> bool:
    """A span's cue right before the date (自, since) or right after it (以来, onwards)."""
    if start_re is not None:
        before = text[max(0, dm.start - 8) : dm.start]
        m = start_re.search(before)
        if (m is not None and not before[m.end() :].strip()) or start_re.match(text, dm.start):
            return True
    if after_re is None:
        return False
    m = after_re.search(text, dm.end, min(len(text), dm.end + 12))
    return m is not None and not text[dm.end : m.start()].strip()
