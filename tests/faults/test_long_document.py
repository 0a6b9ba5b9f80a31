"""A long document: refused past --max-chars with a message; below it, the steps that scanned to
the end of the text per sentence (quadratic) now look only where they need to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dualtrack.cases import load_case
from dualtrack.extract import Extractor, ReadError, read_paths
from dualtrack.extract.dates import _Breaks
from dualtrack.extract.layout import _after_line_break
from dualtrack.extract.quantities import _inside
from dualtrack.extract.reader import DEFAULT_MAX_CHARS
from dualtrack.model import Document


def test_a_document_over_the_default_limit_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * (DEFAULT_MAX_CHARS // 5 + 10), encoding="utf-8")
    (item,) = read_paths([path])
    assert isinstance(item, ReadError) and "--max-chars" in item.message


def test_position_helpers_agree_with_the_slices_they_replace() -> None:
    text = "a\n  b\tc\n\nd e"
    breaks = _Breaks(text)
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            assert breaks.within(a, b) == ("\n" in text[a:b])
        assert _after_line_break(text, a) == text[:a].rstrip(" \t").endswith("\n")
    spans = [(2, 5), (9, 12), (20, 21)]
    for pos in range(25):
        assert _inside(spans, pos) == any(s <= pos < e for s, e in spans)


def test_a_repeated_paragraph_codes_the_same_events_in_every_copy() -> None:
    para = (
        "The United States imposed sanctions on Iran on Friday, the Treasury said.\n"
        "Iran's foreign minister met Oman's foreign minister in Muscat on Saturday.\n"
    )
    ex = Extractor(load_case("us-iran-2026"), lang="en")
    date = dt.date(2026, 2, 8)
    one = ex.extract(Document(text=para, date=date)).events
    many = ex.extract(Document(text=para * 200, date=date)).events
    assert [(e.category, e.actor, e.target, e.date) for e in many] == [
        (e.category, e.actor, e.target, e.date) for e in one
    ]
    assert len(many[0].evidence) == 200 * len(one[0].evidence)
