"""Every dashboard page in a real headless Chromium at 1280 and 390 px: nothing overflows its
box or the viewport, and nothing is loaded from outside the server. Skips, saying why, when no
Chromium is installed; it never downloads a browser."""

from __future__ import annotations

import re

import httpx
import pytest

from dualtrack.report.browser import Browser, find_chromium

from .conftest import CASE, Server

pytest.importorskip("websocket", reason="websocket-client (dev extra) drives Chromium")
pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="no Chromium found (apt-get install chromium fonts-noto-cjk; .ci/run does this)",
)
WIDTHS = (1280, 390)


def pages(server: Server) -> list[str]:
    """One URL of every page, some in Chinese, found the way a reader finds them."""
    base = f"/cases/{CASE}"
    with httpx.Client(base_url=server.base, timeout=60) as c:
        timeline = c.get(f"{base}/timeline").text
    event = re.findall(r'data-event="([^"]+)"', timeline)[0]
    doc = re.findall(r'href="(/cases/[^"]+/docs/[^"#]+)', timeline)[0].replace("&amp;", "&")
    return [
        "/", base, f"{base}?lang=zh-Hant", f"{base}/timeline", f"{base}/timeline?lang=zh-Hans",
        f"{base}/timeline?actor=IRN&min_confidence=0.5&rejected=1", f"{base}/events/{event}",
        doc, f"{base}/ledger?lang=zh-Hant", f"{base}/positions", f"{base}/alerts",
        f"{base}/compare?a=2026-02-04&b=2026-02-08", f"{base}/timeline?since=bad",
    ]  # fmt: skip


def test_every_page_fits_at_desktop_and_phone_width(server: Server) -> None:
    with Browser() as browser:
        for path in pages(server):
            for width in WIDTHS:
                browser.open(server.base + path, width)
                assert browser.overflows() == [], (path, width)
                inv = browser.inventory()
                assert all(u.startswith(server.base) for u in inv["external"]), (path, inv)
                assert inv["title"], path


SELECT_JS = r"""
(() => {
  const mark = document.querySelector('#doctext mark');
  const range = document.createRange();
  range.selectNodeContents(mark);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  document.getElementById('doctext').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return {start: document.getElementById('span-start').value,
          end: document.getElementById('span-end').value,
          text: mark.textContent, at: mark.dataset.start};
})()
"""


def test_selecting_text_fills_in_the_span_as_the_server_counts_it(server: Server) -> None:
    doc = next(p for p in pages(server) if "/docs/" in p).split("?")[0]
    with Browser() as browser:
        browser.open(server.base + doc, 1280)
        got = browser.evaluate(SELECT_JS)
    assert got["start"] == got["at"]
    assert int(got["end"]) - int(got["start"]) == len(got["text"])
