"""What a watch follows, and the article links each source lists.

A source is an http(s) URL of an RSS/Atom feed or a sitemap (told apart by their content; gzip
files too), a
local text file of URLs (one a line, `#` comments), a local folder or a single article file.
Feeds and sitemaps are fetched by `Fetcher` and parsed from bytes: feedparser never fetches.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dualtrack.watch.article import looks_like_html
from dualtrack.watch.errors import WatchError
from dualtrack.watch.fetch import DEFAULT_MAX_BYTES

SourceKind = Literal["remote", "url_list", "local"]
MAX_SITEMAPS = 50  # child sitemaps read from one sitemap index


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    ref: str  # the URL or path as given


@dataclass(frozen=True)
class Item:
    """An article link a source lists, with the date and title the listing gives it."""

    url: str
    source: str
    date: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    """A parsed feed or sitemap: its article links, and child sitemaps to read in turn."""

    items: list[Item]
    sitemaps: list[str]


def classify(ref: str) -> Source:
    """What kind of source `ref` is; a WatchError naming it when it is none."""
    if ref.lower().startswith(("http://", "https://")):
        return Source("remote", ref)
    path = Path(ref)
    if path.is_dir():
        return Source("local", ref)
    if not path.is_file():
        raise WatchError(f"{ref}: no such file or folder, and not an http(s) URL")
    return Source("url_list" if _is_url_list(path) else "local", ref)


def _url_lines(path: Path) -> list[tuple[int, str]]:
    out = []
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            line = raw.decode("utf-8", errors="replace").strip()
            if line and not line.startswith("#"):
                out.append((n, line))
    return out


def _is_url_list(path: Path) -> bool:
    """A text file whose first non-comment line is a URL (an article file is read as one)."""
    try:
        with path.open("rb") as fh:
            for raw in fh:
                line = raw.decode("utf-8", errors="replace").strip()
                if line and not line.startswith("#"):
                    return line.lower().startswith(("http://", "https://"))
    except OSError:
        return False
    return False


def url_list_items(path: str) -> tuple[list[Item], list[str]]:
    """The URLs of a URL list, and a `file:line: message` for each line that is not a URL."""
    items, bad = [], []
    try:
        lines = _url_lines(Path(path))
    except OSError as e:
        raise WatchError(f"{path}: cannot read: {e.strerror or e}") from e
    for n, line in lines:
        if line.lower().startswith(("http://", "https://")) and " " not in line:
            items.append(Item(url=line, source=path))
        else:
            bad.append(f"{path}:{n}: not an http(s) URL: {line[:80]!r}")
    return items, bad


def _localname(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def gunzip(content: bytes, url: str, max_bytes: int) -> bytes:
    """A gzip file's bytes (`sitemap.xml.gz`), refused past `max_bytes` decompressed."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(content, max_bytes + 1)
    except zlib.error as e:
        raise WatchError(f"{url}: broken gzip data ({e})") from None
    if len(out) > max_bytes or d.unconsumed_tail:
        raise WatchError(f"{url}: decompresses to more than the {max_bytes:,} byte cap; skipped")
    return out


def parse_listing(content: bytes, url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Listing:
    """A feed's or sitemap's links (gzip-compressed or not); a WatchError saying what the bytes
    are when neither."""
    if content[:2] == b"\x1f\x8b":
        content = gunzip(content, url, max_bytes)
    head = content.lstrip()[:1]
    if not content.strip():
        raise WatchError(f"{url}: empty response, not a feed or sitemap")
    if looks_like_html(content):
        raise WatchError(f"{url}: an HTML page, not a feed or sitemap")
    if head != b"<" and not content.startswith(b"\xef\xbb\xbf<"):
        raise WatchError(f"{url}: not XML, so not a feed or sitemap")
    root = _xml_root(content, url)
    name = _localname(root.tag)
    if name in ("urlset", "sitemapindex"):
        return _sitemap(root, url, name == "sitemapindex")
    return _feed(content, url)


def _xml_root(content: bytes, url: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    # No entities, no network, no huge trees: the bytes come from anyone on the internet.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=False
    )
    try:
        return etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as e:
        raise WatchError(f"{url}: not well-formed XML ({e.msg}), not a feed or sitemap") from None


def _sitemap(root, url: str, index: bool) -> Listing:  # type: ignore[no-untyped-def]
    """<urlset> entries (a news sitemap's publication date before <lastmod>), or the child
    sitemaps of a <sitemapindex>."""
    items: list[Item] = []
    children: list[str] = []
    for entry in root:
        fields: dict[str, str] = {}
        for el in entry.iter():
            key = _localname(el.tag)
            if el.text and el.text.strip() and key not in fields:
                fields[key] = el.text.strip()
        loc = fields.get("loc")
        if not loc:
            continue
        if index:
            children.append(loc)
        else:
            date = _date(fields.get("publication_date")) or _date(fields.get("lastmod"))
            items.append(Item(url=loc, source=url, date=date, title=fields.get("title")))
    return Listing(items=items, sitemaps=children[:MAX_SITEMAPS])


def _feed(content: bytes, url: str) -> Listing:
    import feedparser

    parsed = feedparser.parse(content)  # bytes: feedparser parses, never fetches
    if not parsed.get("version") and not parsed.entries:
        raise WatchError(f"{url}: XML but not an RSS or Atom feed (nor a sitemap)")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        items.append(Item(url=link, source=url, date=date, title=entry.get("title")))
    return Listing(items=items, sitemaps=[])
