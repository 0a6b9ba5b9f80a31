"""The HTTP client of a watch against a real server on 127.0.0.1: conditional GET, retries
with backoff, the size cap, and the per-host rate limit (on a clock the test drives)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dualtrack.watch import Fetcher, FetchError, HostLimiter

from .conftest import Site


def test_conditional_get_answers_304(site: Site) -> None:
    site.pages["/feed.xml"] = ("application/rss+xml", b"<rss/>")
    with Fetcher(rate=0) as f:
        first = f.get(f"{site.base}/feed.xml")
        again = f.get(f"{site.base}/feed.xml", etag=first.etag)
    assert first.status == 200 and first.content == b"<rss/>" and first.etag
    assert again.not_modified and again.content == b""
    assert site.full["/feed.xml"] == 1 and site.requests["/feed.xml"] == 2


def test_retries_with_backoff_then_succeeds(site: Site) -> None:
    site.pages["/busy.xml"] = ("application/rss+xml", b"<rss/>")
    site.flaky["/busy.xml"] = 2
    waits: list[float] = []
    with Fetcher(rate=0, retries=2, backoff=0.5, sleep=waits.append) as f:
        got = f.get(f"{site.base}/busy.xml")
    assert got.status == 200 and site.requests["/busy.xml"] == 3
    assert waits == [0.0, 0.0]  # the server's Retry-After: 0 wins over the backoff


def test_gives_up_after_retries_naming_the_url(site: Site) -> None:
    site.flaky["/down.xml"] = 5
    with Fetcher(rate=0, retries=1, sleep=lambda _: None) as f, pytest.raises(FetchError) as e:
        f.get(f"{site.base}/down.xml")
    assert f"{site.base}/down.xml: HTTP 503" in str(e.value) and "2 tries" in str(e.value)


def test_declared_size_over_the_cap_is_refused_before_reading(site: Site) -> None:
    site.pages["/big.xml"] = ("application/rss+xml", b"<rss>" + b"x" * 5000 + b"</rss>")
    with Fetcher(rate=0, max_bytes=1000) as f, pytest.raises(FetchError, match="over the"):
        f.get(f"{site.base}/big.xml")


def test_only_http_urls() -> None:
    with Fetcher() as f, pytest.raises(FetchError, match="not an http"):
        f.get("file:///etc/passwd")


def test_host_limiter_spaces_requests_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(round(s, 6))
        now[0] += s

    lim = HostLimiter(rate=2.0, clock=lambda: now[0], sleep=sleep)
    lim.wait("a.example")
    lim.wait("b.example")  # another host: no wait
    lim.wait("a.example")  # 0.5 s must pass between two requests to a.example
    now[0] += 2.0
    lim.wait("a.example")  # long enough ago: no wait
    assert slept == [0.5]


def test_webhook_down_is_a_warning_and_the_log_keeps_the_alert(tmp_path: Path) -> None:
    from dualtrack.watch.deliver import Delivery

    out: list[str] = []
    warnings: list[str] = []
    log = tmp_path / "alerts.jsonl"
    deliver = Delivery(out.append, warnings.append, log=log,
                       webhook="http://127.0.0.1:9/hook", timeout=0.5)  # fmt: skip
    deliver({"id": "r-1", "case": "c", "rule": "r", "message": "m", "events": ["e1"]})
    assert out == ["ALERT c [r] m (events: e1)"]
    assert json.loads(log.read_text())["id"] == "r-1"
    assert len(warnings) == 1 and "http://127.0.0.1:9/hook" in warnings[0] and "r-1" in warnings[0]
