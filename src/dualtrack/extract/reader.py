"""Reading articles: files, directories and stdin → Documents, streamed, with clear failures.

Formats: `.txt`/`.md` (one article per file), `.html`/`.htm` (article text by trafilatura),
`.jsonl` (one article per line: `text`, optional `url`, `title`, `date`, `lang`). Bytes are
decoded as UTF-8, GB18030 or Big5 (charset-normalizer guesses when UTF-8 fails). Anything that
cannot be read becomes a `ReadError` naming the file (and line) in the stream, so one bad input
never stops a batch and the caller can count what was skipped.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from dualtrack.errors import DualtrackError, printable
from dualtrack.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DEFAULT_MAX_CHARS = 1_000_000  # a long book; extraction runs ~15 s per million characters
MIN_ARTICLE_CHARS = 40
# Bytes read from one file before giving up on it: a little above what max_chars needs in UTF-8.
_BYTES_PER_CHAR = 4


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: where it is and what is wrong with it."""

    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return printable(f"{where}: {self.message}")  # for a terminal: no escapes


class UndecodableError(DualtrackError, ValueError):
    pass


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (with or without BOM), else the best of GB18030/Big5/others."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UndecodableError("binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for enc in ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ():
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(
        data[:200_000], cp_isolation=["gb18030", "big5", "big5hkscs", "utf_8", "cp1252", "latin_1"]
    ).best()
    if best is None or best.encoding is None:
        raise UndecodableError("cannot decode: not UTF-8, GB18030 or Big5")
    try:  # the guess saw the first 200 KB only: a bad byte further on is this file's error
        text = data.decode(best.encoding, errors="strict")
    except UnicodeDecodeError as e:
        raise UndecodableError(
            f"not valid {best.encoding} (guessed from its start): bad byte at offset {e.start:,}"
        ) from None
    if _looks_binary(text):
        raise UndecodableError(f"decodes as {best.encoding} only to control characters (binary?)")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return False
    ctrl = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return ctrl / len(sample) > 0.05


def html_to_text(html: str) -> str:
    """The article body of an HTML page ('' when the page has none)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    # A menu or a caption is not an article: below this there is nothing to code events from.
    return text if len("".join(text.split())) >= MIN_ARTICLE_CHARS else ""


def _parse_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:  # a date, or a whole timestamp ("2026-02-06T08:30:00Z"); never a date plus junk
        return dt.date.fromisoformat(s) if len(s) <= 10 else dt.datetime.fromisoformat(s).date()
    except ValueError:
        return None


def _document(text: str, *, source: str, date: dt.date | None, lang: str, **kw: object) -> Document:
    """The Document; raises `UndecodableError` for text no store can hold (a lone surrogate)."""
    try:
        return Document(
            text=text,
            source=source,
            date=date,
            lang=lang if lang in ("en", "zh-Hant", "zh-Hans") else None,
            **kw,  # type: ignore[arg-type]
        )
    except ValidationError as e:
        detail = "; ".join(str(err["msg"]).removeprefix("Value error, ") for err in e.errors())
        raise UndecodableError(f"unusable text: {detail}") from None


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith("."):
                    yield f
        else:
            yield path


def read_paths(
    paths: Iterable[str | Path],
    date: dt.date | None = None,
    lang: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Document | ReadError]:
    """Yield a Document per article, or a ReadError per input that cannot be used. Streams:
    JSONL is read line by line and no file is read past `max_chars` characters' worth of bytes."""
    if max_chars < 1:
        raise DualtrackError(f"--max-chars must be at least 1, got {max_chars}")
    for item in _expand(paths):
        if item == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", date, lang, max_chars, jsonl=None)
            continue
        path = Path(item)
        name = str(path)
        if not path.exists():
            yield ReadError(name, "no such file or directory")
            continue
        suffix = path.suffix.lower()
        try:
            with path.open("rb") as fh:
                if suffix in JSONL_SUFFIXES:
                    yield from _read_jsonl(fh, name, date, lang, max_chars)
                else:
                    yield from _read_stream(fh, name, date, lang, max_chars, jsonl=False)
        except OSError as e:
            yield ReadError(name, f"cannot read: {e.strerror or e}")


def _read_stream(
    fh: io.BufferedIOBase | io.BufferedReader,
    name: str,
    date: dt.date | None,
    lang: str,
    max_chars: int,
    jsonl: bool | None,
) -> Iterator[Document | ReadError]:
    if jsonl is None:  # stdin: sniff the first byte
        head = fh.peek(1)[:1] if hasattr(fh, "peek") else b""
        if head == b"{":
            yield from _read_jsonl(fh, name, date, lang, max_chars)
            return
    limit = max_chars * _BYTES_PER_CHAR
    data = fh.read(limit + 1)
    if len(data) > limit:
        yield ReadError(
            name,
            f"larger than --max-chars {max_chars:,} characters; skipped "
            "(split it or raise --max-chars)",
        )
        return
    yield from _from_bytes(
        data, name, date, lang, max_chars, html=name.lower().endswith(tuple(HTML_SUFFIXES))
    )


def _from_bytes(
    data: bytes, name: str, date: dt.date | None, lang: str, max_chars: int, html: bool
) -> Iterator[Document | ReadError]:
    if not data.strip():
        yield ReadError(name, "empty file")
        return
    try:
        text = decode(data)
    except UndecodableError as e:
        yield ReadError(name, str(e))
        return
    if not html and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        html = True
    if html:
        text = html_to_text(text)
        if not text.strip():
            yield ReadError(name, "HTML page with no article text")
            return
    if len(text) > max_chars:
        yield ReadError(
            name, f"{len(text):,} characters exceeds --max-chars {max_chars:,}; skipped"
        )
        return
    header = {} if html else _header(text)
    title = header.get("title")
    if "date" in header:
        line, value = header["date"]
        date = _parse_date(value)  # the file's own date wins over --date, as in JSONL
        if date is None:
            yield ReadError(name, f"'Date:' header {value!r} is not YYYY-MM-DD", line)
            return
    try:
        yield _document(text, source=name, date=date, lang=lang, title=title[1] if title else None)
    except UndecodableError as e:
        yield ReadError(name, str(e))


# Header lines a plain-text article may open with (`Date: 2026-02-06`, `Title: …`), by the
# field they set; the text keeps them, so evidence offsets still index the file as written.
HEADER_KEYS = {
    "date": "date", "published": "date", "日期": "date",
    "title": "title", "標題": "title", "标题": "title",
}  # fmt: skip
_HEADER_LINES = 6


def _header(text: str) -> dict[str, tuple[int, str]]:
    """The header fields in the first lines of a text: field -> (line number, value)."""
    out: dict[str, tuple[int, str]] = {}
    for n, line in enumerate(text.splitlines()[:_HEADER_LINES], start=1):
        key, sep, value = line.replace("：", ":").partition(":")
        field = HEADER_KEYS.get(key.strip().lower())
        if not sep or field is None or not value.strip():
            if line.strip() or out:
                break  # the header ends at the first other line (or a blank one after it)
            continue
        out.setdefault(field, (n, value.strip()))
    return out


def read_bytes(
    data: bytes,
    name: str,
    *,
    date: dt.date | None = None,
    lang: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
    html: bool = False,
) -> Document | ReadError:
    """One article from bytes fetched elsewhere (a watch's URL), read like a file named `name`."""
    return next(_from_bytes(data, name, date, lang, max_chars, html))


def _read_jsonl(
    fh: io.BufferedIOBase | io.BufferedReader,
    name: str,
    date: dt.date | None,
    lang: str,
    max_chars: int,
) -> Iterator[Document | ReadError]:
    limit = max_chars * _BYTES_PER_CHAR
    any_line = False
    for lineno, raw in enumerate(_lines(fh, limit), start=1):
        if raw is None:
            yield ReadError(name, f"line longer than --max-chars {max_chars:,}; skipped", lineno)
            continue
        if not raw.strip():
            continue
        any_line = True
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield ReadError(name, "not UTF-8 (JSONL must be UTF-8)", lineno)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(name, f"not valid JSON ({e.msg} at column {e.colno})", lineno)
            continue
        except RecursionError:
            yield ReadError(name, "JSON nested too deeply", lineno)
            continue
        if not isinstance(obj, dict):
            yield ReadError(name, "expected a JSON object with a 'text' field", lineno)
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield ReadError(name, "missing or empty 'text' field", lineno)
            continue
        if len(text) > max_chars:
            yield ReadError(name, f"text exceeds --max-chars {max_chars:,}; skipped", lineno)
            continue
        doc_date = date  # the line's own date wins over --date, which is the default
        if obj.get("date") is not None:
            doc_date = _parse_date(obj.get("date"))
            if doc_date is None:
                yield ReadError(name, f"'date' {obj.get('date')!r} is not YYYY-MM-DD", lineno)
                continue
        doc_lang = lang if lang != "auto" else (obj.get("lang") or "auto")
        try:
            doc = _document(
                text,
                source=str(obj.get("source") or f"{name}:{lineno}"),
                date=doc_date,
                lang=doc_lang,
                title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                url=obj.get("url") if isinstance(obj.get("url"), str) else None,
            )
        except UndecodableError as e:
            yield ReadError(name, str(e), lineno)
            continue
        yield doc
    if not any_line:
        yield ReadError(name, "empty file")


def _lines(fh: io.BufferedIOBase | io.BufferedReader, limit: int) -> Iterator[bytes | None]:
    """Lines of a binary stream; a line longer than `limit` bytes is skipped (None) without
    holding it in memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line
                more = fh.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """About how many articles `read_paths` will yield (a JSONL line or a file each), from a
    quick pass over the bytes: the total of a progress bar. None when reading stdin."""
    total = 0
    for item in _expand(paths):
        if item == "-":
            return None
        path = Path(item)
        if path.suffix.lower() not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with path.open("rb") as fh:
                last = b"\n"
                while chunk := fh.read(1 << 20):
                    total += chunk.count(b"\n")
                    last = chunk[-1:]
                total += last != b"\n"
        except OSError:
            total += 1
    return total
