"""A fetched page → an article Document with its publication date, title and canonical URL.

The date is the publication date, never the fetch time: first the page's own metadata (meta
tags, JSON-LD, <time>), then the date the feed or sitemap gave the entry, then a date found by
searching the page's text and URL (flagged `inferred`); with none of these the document stays
undated and the extractor dates events from the dates written in the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from dualtrack.extract.reader import MIN_ARTICLE_CHARS, ReadError, decode, read_bytes
from dualtrack.model import Document

DateSource = Literal["article", "feed", "inferred", "header", "none"]
# Query parameters that track a reader, not name a page: dropped from canonical URLs.
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no
    tracking parameters, so the same article reached from two feeds is seen once."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING_PARAMS)
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


@dataclass(frozen=True)
class Article:
    document: Document
    canonical: str
    date_source: DateSource


def _metadata_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _inferred_date(content: bytes) -> dt.date | None:
    """A date found anywhere in the page (text, URL), as htmldate's extensive search finds it."""
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    tree = load_html(content)
    if tree is None:
        return None
    meta = extract_metadata(tree, date_config={"extensive_search": True, "original_date": True})
    return _metadata_date(meta.date)


def article_from_page(
    content: bytes,
    content_type: str,
    url: str,
    *,
    listed_date: dt.date | None = None,
    listed_title: str | None = None,
    lang: str = "auto",
    max_chars: int,
) -> Article | ReadError:
    """The article on a fetched page, or a ReadError naming the URL when it holds none."""
    is_text = content_type.split(";")[0].strip().lower() == "text/plain"
    if is_text:
        return _text_article(content, url, listed_date, listed_title, lang, max_chars)
    import trafilatura

    found = trafilatura.bare_extraction(
        content,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(found, "text", None) or "") if found is not None else ""
    if len("".join(text.split())) < MIN_ARTICLE_CHARS:
        return ReadError(url, "page with no article text")
    if len(text) > max_chars:
        return ReadError(url, f"{len(text):,} characters exceeds --max-chars {max_chars:,}")
    date = _metadata_date(getattr(found, "date", None))
    source: DateSource = "article"
    if date is None and listed_date is not None:
        date, source = listed_date, "feed"
    if date is None:
        date = _inferred_date(content)
        source = "inferred" if date else "none"
    page_url = getattr(found, "url", None) or url
    doc = Document(
        text=text,
        title=getattr(found, "title", None) or listed_title,
        url=page_url,
        source=getattr(found, "sitename", None) or urlsplit(page_url).hostname,
        date=date,
        lang=lang if lang in ("en", "zh-Hant", "zh-Hans") else None,
    )
    return Article(doc, canonical_url(page_url), source)


def _text_article(
    content: bytes,
    url: str,
    listed_date: dt.date | None,
    listed_title: str | None,
    lang: str,
    max_chars: int,
) -> Article | ReadError:
    """A plain-text page: read like a text file (its `Date:`/`Title:` header lines count)."""
    doc = read_bytes(content, url, lang=lang, max_chars=max_chars)
    if isinstance(doc, ReadError):
        return doc
    source: DateSource = "header" if doc.date else "none"
    if doc.date is None and listed_date is not None:
        source = "feed"
    update = {
        "date": doc.date or listed_date,
        "title": doc.title or listed_title,
        "url": url,
        "source": urlsplit(url).hostname,
    }
    return Article(doc.model_copy(update=update), canonical_url(url), source)


def looks_like_html(content: bytes) -> bool:
    try:
        head = decode(content[:2048]).lstrip().lower()
    except ValueError:
        return False
    return head.startswith(("<!doctype html", "<html"))
