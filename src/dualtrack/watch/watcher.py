"""The watch as a whole: options, one poll end to end (`watch_once`), and what it prints.

Each poll opens the workspace and closes it again, so between polls other commands (`brief`,
`events`) can read it; `--every` only sleeps between calls of `watch_once`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dualtrack.extract.pipeline import DEFAULT_CODER, Extractor
from dualtrack.extract.reader import DEFAULT_MAX_CHARS
from dualtrack.model import Case
from dualtrack.store import StoreError, Workspace
from dualtrack.watch.alerts import Rule
from dualtrack.watch.errors import WatchError
from dualtrack.watch.fetch import (
    DEFAULT_BACKOFF,
    DEFAULT_MAX_BYTES,
    DEFAULT_RATE,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    Fetcher,
)
from dualtrack.watch.run import Poll, PollResult

MIN_EVERY = 60  # seconds: polling a feed more often than once a minute helps nobody
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> int:
    """'15m', '2h', '1d', '90s' → seconds (at least a minute)."""
    m = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", text.lower())
    if not m:
        raise WatchError(f"--every {text!r}: give a number and a unit, e.g. 15m, 2h or 1d")
    seconds = int(m.group(1)) * _UNITS[m.group(2)]
    if seconds < MIN_EVERY:
        raise WatchError(f"--every {text!r}: poll at most once a minute")
    return seconds


@dataclass
class WatchOptions:
    """How a watch fetches and forecasts (the CLI's options; defaults suit public news sites)."""

    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF
    rate: float = DEFAULT_RATE  # requests per second per host
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    lang: str = "auto"
    runs: int = 4000  # forecast Monte Carlo runs per recompute
    seed: int = 0

    def check(self) -> None:
        for name, value, low in (
            ("--timeout", self.timeout, 0.001), ("--max-bytes", self.max_bytes, 1),
            ("--runs", self.runs, 1), ("--max-chars", self.max_chars, 1),
        ):  # fmt: skip
            if value < low:
                raise WatchError(f"{name} must be positive, got {value}")
        if self.retries < 0 or self.backoff < 0 or self.rate < 0:
            raise WatchError("--retries, --backoff and --rate must not be negative")


def watch_once(
    case: Case,
    sources: list[str],
    *,
    data_dir: Path | str | None = None,
    options: WatchOptions | None = None,
    rules: list[Rule] | None = None,
    deliver: Callable[[dict[str, object]], None] = lambda _: None,
    extractor: Extractor | None = None,
    say: Callable[[str], None] = lambda _: None,
    warn: Callable[[str], None] = lambda _: None,
) -> PollResult:
    """One poll: read the sources, store what is new, recompute, evaluate and deliver alerts."""
    opts = options or WatchOptions()
    opts.check()
    ex = extractor or Extractor(case, lang=opts.lang, coder=DEFAULT_CODER)
    with (
        Fetcher(opts.timeout, opts.retries, opts.backoff, opts.rate, opts.max_bytes) as fetcher,
        Workspace.open(data_dir) as ws,
    ):
        poll = Poll(
            case, ws, ex, fetcher, lang=opts.lang, max_chars=opts.max_chars, say=say, warn=warn
        )
        poll.read(sources)
        poll.store()
        for art in poll.result.new:
            plain = art.date_source in ("article", "header", "none")
            flag = "" if plain else f" ({art.date_source})"
            say(f"new: {art.date or 'undated'}{flag} {art.title or ''} <{art.url}>")
        poll.recompute(rules or [], deliver, opts.runs, opts.seed)
    return poll.result


def summary_line(case_id: str, sources: int, result: PollResult) -> str:
    """One line per poll: what was read, what changed, where the crisis stands."""
    r = result
    parts = [
        f"{case_id}: {sources} source(s), {len(r.unchanged)} unchanged, {len(r.failed)} failed",
        f"{len(r.new)} new article(s), {r.seen} seen",
    ]
    if r.ingest is not None:
        added = r.ingest
        parts.append(f"{added.events_added} event(s), {added.stances_added} stance(s) added")
    s = r.snapshot
    if s is not None:
        row = s.forecast.get("30", {})
        risk = row.get("limited_strikes", 0.0) + row.get("major_war", 0.0)
        outlook = f"P(strikes or war, 30 d) {risk:.2f}" if row else "no forecast"
        parts.append(
            f"as of {s.asof}: rung {s.escalation.rung} ({s.escalation.rung_id}), "
            f"talks {s.talks.status}, {outlook}"
        )
    parts.append(f"{len(r.alerts)} alert(s)")
    return "; ".join(parts)


def watch_loop(
    case: Case,
    sources: list[str],
    *,
    every: int | None,
    data_dir: Path | str | None = None,
    options: WatchOptions | None = None,
    rules: list[Rule] | None = None,
    deliver: Callable[[dict[str, object]], None] = lambda _: None,
    say: Callable[[str], None] = lambda _: None,
    warn: Callable[[str], None] = lambda _: None,
    sleep: Callable[[float], None] = time.sleep,
    extractor: Extractor | None = None,
) -> int:
    """Poll once (`every=None`) or every `every` seconds until interrupted; returns how many
    sources or pages the last poll skipped. The extractor's language data is loaded once. In a
    loop, a workspace another process holds (or a failed write) costs that poll, not the watch."""
    opts = options or WatchOptions()
    ex = extractor or Extractor(case, lang=opts.lang, coder=DEFAULT_CODER)
    while True:
        try:
            result = watch_once(
                case, sources, data_dir=data_dir, options=opts, rules=rules, deliver=deliver,
                extractor=ex, say=say, warn=warn,
            )  # fmt: skip
        except StoreError as e:
            if every is None:
                raise
            warn(f"poll skipped: {e}")
        else:
            say(summary_line(case.id, len(sources), result))
            if every is None:
                return len(result.failed)
        try:
            sleep(every)
        except KeyboardInterrupt:
            return 0
