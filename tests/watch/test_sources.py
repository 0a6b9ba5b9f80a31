"""Sources: feeds and sitemaps parsed from bytes, canonical URLs, and what a source is."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from dualtrack.watch import WatchError, canonical_url
from dualtrack.watch.sources import classify, parse_listing

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ember Wire</title>
<entry><title>Talks resume</title><link href="https://wire.example/t1"/>
<id>t1</id><updated>2025-05-04T10:00:00Z</updated></entry></feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://wire.example/a</loc><lastmod>2025-05-09</lastmod>
<news:news><news:publication_date>2025-05-05T08:00:00+00:00</news:publication_date>
<news:title>Strike reported</news:title></news:news></url>
<url><loc>https://wire.example/b</loc><lastmod>2025-05-06</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://wire.example/news.xml</loc></sitemap></sitemapindex>"""


def test_atom_feed_entries_with_dates() -> None:
    listing = parse_listing(ATOM, "https://wire.example/atom")
    [item] = listing.items
    assert (item.url, item.title, item.date) == (
        "https://wire.example/t1",
        "Talks resume",
        dt.date(2025, 5, 4),
    )


def test_gzip_sitemap_and_its_cap() -> None:
    packed = gzip.compress(SITEMAP)
    assert len(parse_listing(packed, "https://wire.example/s.xml.gz").items) == 2
    with pytest.raises(WatchError, match="decompresses to more than"):
        parse_listing(gzip.compress(b"<urlset>" + b" " * 5000), "https://wire.example/b.gz", 1000)


def test_news_sitemap_prefers_publication_date() -> None:
    a, b = parse_listing(SITEMAP, "https://wire.example/sitemap.xml").items
    assert a.date == dt.date(2025, 5, 5) and a.title == "Strike reported"
    assert b.date == dt.date(2025, 5, 6)
    assert parse_listing(INDEX, "x").sitemaps == ["https://wire.example/news.xml"]


@pytest.mark.parametrize(
    ("body", "what"),
    [
        (b"", "empty response"),
        (b"just words", "not XML"),
        (b"<!doctype html><html><body>Oops</body></html>", "an HTML page"),
        (b"<rss><channel><item>", "not well-formed XML"),
        (b"<?xml version='1.0'?><catalog><book/></catalog>", "not an RSS or Atom feed"),
    ],
)
def test_what_is_not_a_feed_is_named(body: bytes, what: str) -> None:
    with pytest.raises(WatchError) as e:
        parse_listing(body, "https://wire.example/feed")
    assert str(e.value).startswith("https://wire.example/feed: ") and what in str(e.value)


def test_external_entities_are_never_read() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><item><title>T &e;</title>'
        b"<link>https://wire.example/a</link></item></channel></rss>"
    )
    [item] = parse_listing(xxe, "https://wire.example/feed").items
    assert item.title == "T"


def test_canonical_url_drops_tracking_and_fragment() -> None:
    assert canonical_url("HTTPS://Wire.Example:443/a?id=3&utm_source=rss#top") == (
        "https://wire.example/a?id=3"
    )
    assert canonical_url("http://wire.example") == "http://wire.example/"
    assert canonical_url("http://wire.example:8080/x?fbclid=1") == "http://wire.example:8080/x"


def test_classify(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# list\n\nhttps://wire.example/a\n")
    article = tmp_path / "a.txt"
    article.write_text("Date: 2025-05-03\n\nNorvania and Kestria met.")
    assert classify("https://wire.example/feed").kind == "remote"
    assert classify(str(urls)).kind == "url_list"
    assert classify(str(article)).kind == "local"
    assert classify(str(tmp_path)).kind == "local"
    with pytest.raises(WatchError, match="no such file"):
        classify(str(tmp_path / "missing"))
