"""Fetching over HTTP the way a polite, bounded client must: timeouts, retries with backoff,
conditional GET, a per-host rate limit and a cap on the bytes read.

Everything a watch reads from the network comes through `Fetcher.get`; feedparser and
trafilatura only ever see bytes it returned (feedparser has no timeout of its own).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from dualtrack import __version__
from dualtrack.watch.errors import FetchError

DEFAULT_TIMEOUT = 20.0  # seconds, for connecting and for each read
DEFAULT_RETRIES = 2
DEFAULT_BACKOFF = 1.0  # seconds before the first retry; doubles each time
DEFAULT_RATE = 1.0  # requests per second per host
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_RETRY_AFTER = 60.0  # a server's Retry-After is honoured up to this many seconds
RETRY_STATUS = frozenset({429, 502, 503, 504})
USER_AGENT = f"dualtrack/{__version__} (crisis news watch)"


@dataclass(frozen=True)
class Fetched:
    """A fetched URL: `not_modified` when the server answered 304 to our validators."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class HostLimiter:
    """At most `rate` requests per second to any one host: waits before a request that would
    come sooner than 1/rate after the previous one to the same host."""

    rate: float = DEFAULT_RATE
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, host: str) -> None:
        if self.rate <= 0:
            return
        gap = 1.0 / self.rate
        now = self.clock()
        last = self._last.get(host)
        if last is not None and now - last < gap:
            self.sleep(gap - (now - last))
            now = self.clock()
        self._last[host] = now


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB"


class Fetcher:
    """One HTTP client for a whole poll (connections are reused); use as a context manager."""

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        rate: float = DEFAULT_RATE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self._sleep = sleep
        self.limiter = HostLimiter(rate=rate, sleep=sleep)
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url` (conditionally when validators are given); raises `FetchError` naming it.

        Transport errors, timeouts and 429/502/503/504 are retried `retries` times, waiting
        `backoff` seconds and doubling (or the server's Retry-After, up to a minute).
        """
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: not an http(s) URL")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        wait, attempt = self.backoff, 0
        while True:
            self.limiter.wait(urlsplit(url).netloc.lower())
            try:
                return self._once(url, headers)
            except _Retry as r:
                if attempt == self.retries:
                    tries = f" (after {attempt + 1} tries)" if attempt else ""
                    raise FetchError(f"{url}: {r.reason}{tries}") from None
                self._sleep(min(r.retry_after if r.retry_after is not None else wait,
                                MAX_RETRY_AFTER))  # fmt: skip
                wait, attempt = wait * 2, attempt + 1

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code in RETRY_STATUS:
                    raise _Retry(f"HTTP {resp.status_code} {resp.reason_phrase}",
                                 _retry_after(resp.headers.get("retry-after")))  # fmt: skip
                if resp.status_code == 304:
                    return Fetched(url, str(resp.url), 304, etag=resp.headers.get("etag"),
                                   last_modified=resp.headers.get("last-modified"))  # fmt: skip
                if resp.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}")
                content = self._read(url, resp)
                return Fetched(
                    url=url,
                    final_url=str(resp.url),
                    status=resp.status_code,
                    content=content,
                    content_type=resp.headers.get("content-type", ""),
                    etag=resp.headers.get("etag"),
                    last_modified=resp.headers.get("last-modified"),
                )
        except httpx.TimeoutException:
            raise _Retry(f"timed out after {self.timeout:g} s", None) from None
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: more than 5 redirects") from None
        except (httpx.TransportError, httpx.InvalidURL) as e:
            raise _Retry(f"cannot fetch: {e}", None) from None

    def _read(self, url: str, resp: httpx.Response) -> bytes:
        """The body, streamed, refused as soon as it passes `max_bytes` (or says it will)."""
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(
                f"{url}: response of {_megabytes(int(declared))} is over the "
                f"{_megabytes(self.max_bytes)} cap; skipped"
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(
                    f"{url}: response larger than the {_megabytes(self.max_bytes)} cap; skipped"
                )
            chunks.append(chunk)
        return b"".join(chunks)


class _Retry(Exception):
    """A failure worth another try (transient network trouble or an overloaded server)."""

    def __init__(self, reason: str, retry_after: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header given in seconds (an HTTP date is ignored)."""
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
