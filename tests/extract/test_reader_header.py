"""A plain-text article's first lines may carry its date and title (`Date:` / `Title:`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dualtrack.extract import ReadError, read_paths
from dualtrack.model import Document


def read(path: Path, **kw: object) -> Document | ReadError:
    [item] = list(read_paths([path], **kw))  # type: ignore[arg-type]
    return item


def test_header_sets_date_and_title_and_text_stays_whole(tmp_path: Path) -> None:
    text = "Date: 2025-05-03\nTitle: Second round held\n\nNorvania and Kestria met again today.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path, date=dt.date(2020, 1, 1))  # the file's own date wins over --date
    assert isinstance(doc, Document)
    assert doc.date == dt.date(2025, 5, 3) and doc.title == "Second round held"
    assert doc.text == text  # evidence offsets index the file as written


def test_chinese_header_with_full_width_colon(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("日期：2025-05-04\n標題：第二輪會談\n\n諾瓦尼亞與凱斯特里亞再度會談。\n")
    doc = read(path)
    assert isinstance(doc, Document)
    assert doc.date == dt.date(2025, 5, 4) and doc.title == "第二輪會談"


def test_no_header_keeps_the_given_date(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("Norvania and Kestria met. Date: not a header here.\n")
    doc = read(path, date=dt.date(2025, 5, 1))
    assert isinstance(doc, Document) and doc.date == dt.date(2025, 5, 1) and doc.title is None


def test_bad_date_header_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("Title: Talks\nDate: 3 May\n\nNorvania and Kestria met again today.\n")
    err = read(path)
    assert isinstance(err, ReadError) and err.line == 2 and "'3 May'" in err.message


def test_evidence_lines_show_the_header_date(tmp_path: Path) -> None:
    """What the brief prints beside a span ("Date: …") comes from the document's header."""
    from dualtrack.model import Case, Event, Evidence
    from dualtrack.report.evidence import EvidenceBook

    path = tmp_path / "e.txt"
    path.write_text("Date: 2025-05-03\nTitle: Talks\n\nNorvania and Kestria met again today.\n")
    doc = read(path)
    assert isinstance(doc, Document)
    event = Event(actor="NVA", target="KST", category="CONSULT", date=dt.date(2025, 5, 3),
                  evidence=[Evidence(doc_id=doc.id, start=31, end=67)])  # fmt: skip
    book = EvidenceBook(Case(id="c", title="c"), {doc.id: doc})
    [n] = book.cite(event)
    ref = book.ref(n)
    assert (ref.doc_date, ref.doc_title) == (dt.date(2025, 5, 3), "Talks")
    assert ref.span == "Norvania and Kestria met again today"
