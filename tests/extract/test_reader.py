"""Reading inputs: formats, encodings, and every kind of bad input gets a clear, located message."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dualtrack.extract import ReadError, decode, read_paths
from dualtrack.extract.reader import UndecodableError
from dualtrack.model import Document

ARTICLE_ZH = "美國與伊朗週五在阿曼舉行間接會談，雙方同意下週再談。"
ARTICLE_HTML = """<!doctype html><html><head><title>Talks</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks resume</h1>
<p>Iran and the United States held indirect talks in Oman on Friday, officials said, the first
such meeting in nearly a year. Both delegations stayed in separate rooms while Omani officials
carried messages between them for several hours.</p>
<p>Washington imposed new sanctions on shipping firms the same day, and Tehran condemned the
move as a sign of bad faith while saying it was ready to continue the dialogue next week.</p>
</article><footer>Copyright 2026</footer></body></html>"""


def _items(paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def test_text_markdown_and_directories(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_ZH, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Note\n\nIran rejected the demand.", encoding="utf-8")
    items = _items([tmp_path], date=dt.date(2026, 2, 8))
    assert all(isinstance(i, Document) for i in items) and len(items) == 2
    assert {i.date for i in items} == {dt.date(2026, 2, 8)}


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_chinese_legacy_encodings(tmp_path: Path, encoding: str) -> None:
    text = (
        ARTICLE_ZH * 4
        if encoding == "big5"
        else "美国与伊朗周五在阿曼举行间接会谈，双方同意下周再谈。" * 4
    )
    p = tmp_path / f"{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    (doc,) = _items([p])
    assert doc.text == text


def test_html_article_is_extracted(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(ARTICLE_HTML, encoding="utf-8")
    (doc,) = _items([p])
    assert "indirect talks in Oman" in doc.text and "Home" not in doc.text


def test_jsonl_lines_with_fields_and_a_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    good = {
        "text": "Iran rejected the demand.",
        "date": "2026-02-09",
        "url": "http://x/1",
        "title": "T",
        "lang": "en",
    }
    p.write_text(
        json.dumps(good)
        + "\n{not json\n"
        + json.dumps({"text": ""})
        + "\n"
        + json.dumps({"text": ARTICLE_ZH, "date": "9 Feb"})
        + "\n",
        encoding="utf-8",
    )
    items = _items([p], date=dt.date(2026, 1, 1))
    doc = items[0]
    assert isinstance(doc, Document) and doc.date == dt.date(2026, 2, 9) and doc.url == "http://x/1"
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [(e.line, e.file) for e in errors] == [(2, str(p)), (3, str(p)), (4, str(p))]
    assert "not valid JSON" in errors[0].message and "'text'" in errors[1].message
    assert "YYYY-MM-DD" in errors[2].message
    assert str(errors[0]).startswith(f"{p}:2: ")


def test_bad_inputs_are_reported_and_the_rest_goes_through(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    undecodable = tmp_path / "mixed.txt"
    undecodable.write_bytes(b"\x81\x30" * 5 + b"\xff\xfe\xfd\x00\x01\x02" * 20)
    no_article = tmp_path / "nav.html"
    no_article.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_ZH, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = _items([empty, binary, undecodable, no_article, good, missing])
    docs = [i for i in items if isinstance(i, Document)]
    errors = {Path(e.file).name: e.message for e in items if isinstance(e, ReadError)}
    assert len(docs) == 1 and docs[0].text == ARTICLE_ZH
    assert errors["empty.txt"] == "empty file"
    assert "binary" in errors["image.txt"]
    assert "mixed.txt" in errors
    assert "no article" in errors["nav.html"]
    assert "no such file" in errors["missing.txt"]


def test_large_input_is_skipped_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:  # 50 MB of text
        line = "Iran and the United States held talks again today. " * 20 + "\n"
        for _ in range(50_000_000 // len(line)):
            fh.write(line)
    small = tmp_path / "small.txt"
    small.write_text("Oman welcomed the talks on Friday.", encoding="utf-8")
    items = _items([big, small], max_chars=100_000)
    assert isinstance(items[0], ReadError) and "--max-chars" in items[0].message
    assert isinstance(items[1], Document)


def test_long_jsonl_line_is_skipped_by_line(tmp_path: Path) -> None:
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "ok text"}) + "\n")
    items = _items([p], max_chars=1000)
    assert isinstance(items[0], ReadError) and items[0].line == 1
    assert isinstance(items[1], Document) and items[1].text == "ok text"


def test_decode_fails_clearly_on_binary() -> None:
    with pytest.raises(UndecodableError, match="binary"):
        decode(b"\x00\x01\x02" * 100)
    assert decode("伊朗".encode("utf-8-sig")) == "伊朗"
