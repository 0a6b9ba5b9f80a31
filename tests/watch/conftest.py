"""A real HTTP server on 127.0.0.1 for the watch tests: a news site whose pages the test edits
between polls, answering conditional GETs, plus bad sources and a webhook that keeps what it gets.

The crisis, its outlets and every sentence here are invented for these tests.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CASE_YAML = """\
# An invented talk-while-fighting crisis (no real country or event).
id: strait-2025
title: Invented crisis between Norvania and Kestria over the Ember Strait
asof: 2025-05-02
actors:
  - {id: NVA, kind: state, role: party, names: {en: Norvania}, aliases: {en: [Norvanian]}}
  - {id: KST, kind: state, role: party, names: {en: Kestria}, aliases: {en: [Kestrian]}}
  - {id: VAL, kind: state, role: mediator, names: {en: Valdoria}, aliases: {en: [Valdorian]}}
  - {id: TSK, kind: state, role: spoiler, names: {en: Tarsk}}
issues:
  - id: agenda
    name: Agenda of the talks
    kind: set
    options: [strait, missiles, militias]
positions:
  - {actor: NVA, issue: agenda, items: [strait, missiles, militias], salience: 0.9, capability: 1}
  - {actor: KST, issue: agenda, items: [strait], salience: 0.9, capability: 0.5}
events:
  - {date: 2025-04-28, actor: NVA, target: KST, category: SANCTION, mode: economic}
  - {date: 2025-05-02, actor: NVA, target: KST, via: VAL, category: CONSULT, mode: mediated}
parameters:
  icb_features:
    gravity: {value: 4, range: [3, 5], source: test input}
    mediation: {value: true, source: test input}
    mediation_style: {value: facilitation, source: test input}
    great_power_involvement: {value: none, source: test input}
    us_involvement: {value: none, source: test input}
    protracted: {value: false, source: test input}
    nuclear_actors: {value: 0, source: test input}
    n_actors: {value: 2, source: test input}
    violent_trigger: {value: false, source: test input}
    military_trigger: {value: true, source: test input}
  forces_in_proximity: {value: 4, range: [2, 6], unit: major warships, source: test input}
  spoiler_restraint:
    TSK: {value: medium, range: [low, high], source: test input}
"""


def article_html(title: str, body: str, published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article>"
        "<footer>Ember Wire, an invented outlet</footer></body></html>"
    ).encode()


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{p}?utm_source=rss</link><pubDate>{d}</pubDate>"
        f"</item>"
        for p, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Ember Wire</title><link>{base}/</link><description>invented</description>"
        f"{entries}</channel></rss>"
    ).encode()


@dataclass
class Site:
    """What the server serves (path -> (content type, body)), edited by the test; counters of
    every request and of every full (200) answer per path; webhook bodies."""

    base: str = ""
    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    full: Counter[str] = field(default_factory=Counter)
    hooks: list[dict[str, object]] = field(default_factory=list)
    flaky: Counter[str] = field(default_factory=Counter)  # path -> 503s to answer first
    lock: threading.Lock = field(default_factory=threading.Lock)


HUGE_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 2.0


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with site.lock:
                site.hooks.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            with site.lock:
                site.requests[path] += 1
            if path == "/slow.xml":
                time.sleep(SLOW_SECONDS)  # longer than the client's timeout, which has gone
                return
            if path == "/huge.xml":
                return self._huge()
            if site.flaky[path] > 0:
                with site.lock:
                    site.flaky[path] -= 1
                self.send_response(503)
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path not in site.pages:
                self.send_error(404, "Not Found")
                return
            ctype, body = site.pages[path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            with site.lock:
                site.full[path] += 1
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def _huge(self) -> None:
            """50 MB of XML-looking bytes with no Content-Length: only a streamed cap stops it."""
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            chunk = b"<rss>" + b"x" * (64 * 1024 - 5)
            try:
                for _ in range(HUGE_BYTES // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up at its cap, as it should

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    server.daemon_threads = True
    server.block_on_close = False
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "strait.yaml"
    path.write_text(CASE_YAML, encoding="utf-8")
    return path
