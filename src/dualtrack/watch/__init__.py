"""Watch the news for a case: follow feeds, sitemaps, URL lists and folders; ingest what is new;
recompute the picture and the forecast; alert on the changes an analyst asked about.

    from dualtrack.watch import watch_once, load_rules
    result = watch_once(case, ["https://example.org/feed.xml", "news/"], data_dir="ws",
                        rules=load_rules("rules.yaml"))

`snapshot(case, events, stances, asof)` is the plain state the alert rules compare poll to poll.
See docs/watch.md.
"""

from dualtrack.watch.alerts import Rule, evaluate, load_rules
from dualtrack.watch.article import canonical_url
from dualtrack.watch.errors import FetchError, RulesError, WatchError
from dualtrack.watch.fetch import Fetched, Fetcher, HostLimiter
from dualtrack.watch.run import PollResult, case_event_set
from dualtrack.watch.snapshot import Snapshot, snapshot
from dualtrack.watch.watcher import WatchOptions, parse_every, watch_once

__all__ = [
    "FetchError",
    "Fetched",
    "Fetcher",
    "HostLimiter",
    "PollResult",
    "Rule",
    "RulesError",
    "Snapshot",
    "WatchError",
    "WatchOptions",
    "canonical_url",
    "case_event_set",
    "evaluate",
    "load_rules",
    "parse_every",
    "snapshot",
    "watch_once",
]
