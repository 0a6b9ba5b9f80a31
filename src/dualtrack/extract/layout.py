"""The layout of a document: which of its lines are the title, which stand on their own (a
crosshead), and which belong to the body. One component over the document view, run once when
the view is built (`Extractor.view`); every later stage (the rule coder, the title fold of
`merge_events`) reads its marks instead of deciding them again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dualtrack.extract.dates import DateMention
from dualtrack.extract.langdata import LangData
from dualtrack.extract.reader import HEADER_KEYS
from dualtrack.extract.segment import Sentence
from dualtrack.model import DatePrecision

# What ends a sentence of running text (a title line ends without it).
CLOSING = frozenset('。.!?！？;；:："”’」』)）')

_LINE = 120  # the longest line of its own: a wire headline or standfirst runs to ~100 characters
_TITLE_REACH = 400  # how far into a document its title may start (past lines of page furniture)
_TITLE_LINES = 6  # lines at the top searched for the title
_TITLE_SIZE = 8  # the least size of a title: a Chinese character counts 1, a Latin word 2
_QUOTES = "”’」』\"'"  # what may close a title after its last word (a quote it ends with)
_MARKS = "!?！？"  # what may end a sentence inside a title's line ("Breaking!", …?外交部:…)
_CRUMB = re.compile(r"\s[>›»]\s")  # what parts a breadcrumb's sections
_WORDLIKE = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]+")
_NON_SPACE = re.compile(r"\S")
_LINE_END = re.compile(r"[ \t]*\n")  # matched at a position: a slice to the end is quadratic


@dataclass(frozen=True)
class Layout:
    """The marks of one document's layout, by sentence start.

    `title`: the report's title line (the first line at the top of a title's size), whose acts
    the body tells again (`merge_events(titled=…)`). `lines`: short lines of their own with no
    day of their own (the title, a kicker, a crosshead such as '- US pressure -'): they repeat
    the body, which codes their acts. `head`: those of `lines` at the top of the document,
    before any line of running text, which a language whose titles tell the news
    (`title_events`) codes as the report's act, dated as the report. `foreign`: the spans of
    the lines that are other articles' headlines (`foreign_lines`)."""

    title: Sentence | None = None
    lines: frozenset[int] = field(default_factory=frozenset)
    head: frozenset[int] = field(default_factory=frozenset)
    foreign: tuple[tuple[int, int], ...] = ()

    def is_foreign(self, sent: Sentence) -> bool:
        """Whether the sentence starts in a line of another article (`foreign_lines`)."""
        return any(s <= sent.start < e for s, e in self.foreign)

    def is_line(self, sent: Sentence) -> bool:
        return sent.start in self.lines

    def in_head(self, sent: Sentence) -> bool:
        return sent.start in self.head


def layout(text: str, lang: LangData, sents: list[Sentence], dates: list[DateMention]) -> Layout:
    """Mark the title, the lines of their own and the head of the document (`Layout`)."""
    lines: set[int] = set()
    di = 0
    for sent in sents:
        while di < len(dates) and dates[di].end <= sent.start:
            di += 1
        if _line_of_its_own(text, sent) and not _has_own_day(dates, di, sent.end):
            lines.add(sent.start)
    head = frozenset(s.start for s in sents if s.start in lines and _at_the_top(text, lang, s))
    return Layout(
        title=_title(text, sents),
        lines=frozenset(lines),
        head=head,
        foreign=foreign_lines(text, lang),
    )


def _has_own_day(dates: list[DateMention], i: int, end: int) -> bool:
    """Whether a day (not the dateline's) is named from `dates[i]` on, before `end`."""
    while i < len(dates) and dates[i].start < end:
        d = dates[i]
        if d.date and not d.dateline and d.precision is DatePrecision.DAY:
            return True
        i += 1
    return False


def _line_of_its_own(text: str, sent: Sentence) -> bool:
    """A short line (no closing punctuation, a line break after it, text after it)."""
    return (
        sent.end - sent.start <= _LINE
        and (sent.paragraph == 0 or _after_line_break(text, sent.start))
        and text[sent.end - 1] not in CLOSING
        and text[sent.end : sent.end + 1] == "\n"
        and _NON_SPACE.search(text, sent.end) is not None
    )


def _at_the_top(text: str, lang: LangData, sent: Sentence) -> bool:
    """Whether a line of its own is in the head, where the language's titles tell the news:
    only short lines without closing punctuation stand before it, so a crosshead or a
    related-news line further down is not."""
    if not lang.mod.get("title_events") or sent.start > _TITLE_REACH:
        return False
    key, sep, _ = text[sent.start : sent.end].replace("：", ":").partition(":")
    if sep and key.strip().lower() in HEADER_KEYS:
        return False  # "Title: …" is the file's header (reader.py), its key no name
    return all(
        len(line) <= _LINE and line.rstrip()[-1] not in CLOSING
        for line in text[: sent.start].splitlines()
        if line.strip()
    )


def _title(text: str, sents: list[Sentence]) -> Sentence | None:
    """The first line at the top (a line break after it, no closing punctuation but for a
    closing quote after a word) of a title's size, as one span: its sentences but the last
    end with an exclamation or question mark ("Breaking!" or 快讯! before the headline, a
    question and its answer). Shorter lines before it (a kicker, a section's name, a
    dateline, a read time) and a breadcrumb are passed over, and a line of the body ends the
    search."""
    for line in _top_lines(text, sents):
        first, last = line[0], line[-1]
        if len(_CRUMB.findall(text, first.start, last.end)) >= 2:
            continue  # a breadcrumb of the site's sections ("Home > World > Asia")
        end = text[first.start : last.end].rstrip(_QUOTES)
        inner = (text[x.end - 1] not in _MARKS for x in line[:-1])
        if last.end - first.start > _LINE or not end or end[-1] in CLOSING or any(inner):
            return None
        words = _WORDLIKE.findall(text, first.start, last.end)
        if sum(1 if len(w) == 1 and not w.isascii() else 2 for w in words) >= _TITLE_SIZE:
            return Sentence(first.start, last.end, first.paragraph, ())
    return None


def _top_lines(text: str, sents: list[Sentence]) -> list[list[Sentence]]:
    """The first `_TITLE_LINES` lines of sentences (each ended by a line break), up to the
    first sentence that runs on past the sixth."""
    out: list[list[Sentence]] = [[]]
    for s in sents:
        out[-1].append(s)
        if _LINE_END.match(text, s.end):
            if len(out) == _TITLE_LINES:
                return out
            out.append([])
    return [line for line in out if line]


def _after_line_break(text: str, pos: int) -> bool:
    """Whether only spaces and tabs separate `pos` from a preceding line break."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i > 0 and text[i - 1] == "\n"


_LINK = 90  # the longest line of a list of links (another report's headline, perhaps its time)
# A list item's mark at the start of a line: a dash or bullet, or a number ("2. ", "3、").
_BULLET = re.compile(r"[ \t]*(?:[-–—•·▪►]|\d{1,2}[.、])(?:[ \t]+|(?=\S)|$)")
# What may follow a header on its line: a colon or bar (a headline after it), or nothing.
_HEADER_REST = re.compile(r"[ \t\u3000]*(?:[:|｜丨>»]|(?=\r?\n)|\Z)")
_RUNNING = frozenset("。.")  # what ends a line of running text, not a headline


def foreign_lines(text: str, lang: LangData) -> tuple[tuple[int, int], ...]:
    """The spans of the lines that are other articles' headlines, not this report's news: a
    header line of a list of links (modality.yaml `related_links`: 相关新闻, 延伸阅读, "Read
    more"), its own text after a colon (相关新闻: …) and the headline-shaped lines under it (at
    most `_LINK` characters, not ended as running text is), up to the first line that is not;
    and, anywhere, list items of that shape (a dash, bullet or number before a short line that
    does not end as running text, nor with its mark as a crosshead "- US pressure -" does)
    two or more in a run, or one a bare mark line ("-") stands above."""
    rx = lang.mod.get("related_links_re")
    out: list[tuple[int, int]] = []
    under = False  # below a header, in its list
    items: list[tuple[int, int]] = []  # the list items in a row so far
    marked = False  # the line before was a bare list mark
    for s, e in _nonblank_lines(text):
        line = text[s:e]
        cue = rx.match(text, s) if rx is not None else None
        rest = _HEADER_REST.match(text, cue.end()) if cue is not None and e - s <= _LINK else None
        if rest is not None:
            own = _NON_SPACE.search(text, rest.end(), e) is not None
            if own:
                out.append((s, e))  # 相关新闻: a headline, a link of its own
            under = not own
            continue
        item = _BULLET.match(line)
        bare = item is not None and item.end() == len(line)
        headline = len(line) <= _LINK and line[-1] not in _RUNNING
        if under and (headline or bare):
            out.append((s, e))
            continue
        under = False
        if bare:
            marked = True
            continue
        if headline and (marked or (item is not None and line[-1] != line[0])):
            items.append((s, e))
        else:
            out.extend(items if len(items) >= 2 else ())
            items = []
        marked = False
    out.extend(items if len(items) >= 2 else ())
    return tuple(out)


def _nonblank_lines(text: str):
    """(start, end) of each line with text, its spaces around trimmed."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s] in " \t\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\u3000\r":
            e -= 1
        if s < e:
            yield s, e
