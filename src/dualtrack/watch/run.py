"""One poll of a watch: read every source, ingest what is new, recompute, alert.

A source that fails (timeout, HTTP error, not a feed, too large) is named in one line and the
others go on. Everything a poll stores (documents, events, stances, the items it handled, the
feeds' validators for conditional GET) is written in one transaction, so an interrupted poll
leaves the workspace as it was and the next one starts over from the same place. A feed's
validators are kept only when all of its articles were handled, so a page that failed is tried
again on the next poll instead of hiding behind a 304.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dualtrack.extract.ingest import IngestSummary, ingest_documents
from dualtrack.extract.pipeline import Extractor
from dualtrack.extract.reader import DEFAULT_MAX_CHARS, ReadError, read_paths
from dualtrack.model import Case, Document, Event, Stance
from dualtrack.store import Workspace
from dualtrack.store.watchstate import WatchState
from dualtrack.watch.alerts import Rule, evaluate
from dualtrack.watch.article import Article, DateSource, article_from_page, canonical_url
from dualtrack.watch.errors import WatchError
from dualtrack.watch.fetch import Fetcher
from dualtrack.watch.snapshot import Snapshot, snapshot
from dualtrack.watch.sources import Item, classify, parse_listing, url_list_items

Say = Callable[[str], None]


def case_event_set(case: Case, ws: Workspace) -> tuple[list[Event], list[Stance]]:
    """What the workspace holds for the case; `snapshot` merges it with the case file's own
    through the application layer (`dualtrack.app.combine`), as every command does."""
    return ws.events(case.id), ws.stances(case.id)


@dataclass
class NewArticle:
    url: str
    title: str | None
    date: dt.date | None
    date_source: DateSource


@dataclass
class PollResult:
    failed: list[str] = field(default_factory=list)  # one line per source or page that failed
    unchanged: list[str] = field(default_factory=list)  # sources answered 304 Not Modified
    new: list[NewArticle] = field(default_factory=list)
    seen: int = 0  # links or files already handled (by canonical URL or text hash)
    ingest: IngestSummary | None = None
    snapshot: Snapshot | None = None
    snapshot_error: str | None = None
    alerts: list[dict[str, object]] = field(default_factory=list)


@dataclass
class _Pending:
    """What a poll will store at its end, in one transaction."""

    docs: list[Document] = field(default_factory=list)
    items: list[tuple[str, str | None, str, dt.date | None, DateSource]] = field(
        default_factory=list
    )
    validators: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    urls: set[str] = field(default_factory=set)
    doc_ids: set[str] = field(default_factory=set)


class Poll:
    """One pass over the sources, with an open workspace and fetcher."""

    def __init__(
        self,
        case: Case,
        ws: Workspace,
        extractor: Extractor,
        fetcher: Fetcher,
        *,
        lang: str = "auto",
        max_chars: int = DEFAULT_MAX_CHARS,
        say: Say = lambda _: None,
        warn: Say = lambda _: None,
    ) -> None:
        self.case, self.ws, self.extractor, self.fetcher = case, ws, extractor, fetcher
        self.state = WatchState(ws)
        self.lang, self.max_chars, self.say, self.warn = lang, max_chars, say, warn
        self.result = PollResult()
        self._pending = _Pending()

    def _fail(self, message: str) -> None:
        self.result.failed.append(message)
        self.warn(f"skipped {message}")

    def read(self, sources: list[str]) -> None:
        for ref in sources:
            try:
                src = classify(ref)
                if src.kind == "local":
                    self._local(ref)
                elif src.kind == "url_list":
                    items, bad = url_list_items(ref)
                    for line in bad:
                        self._fail(line)
                    self._articles(items)
                else:
                    self._remote(ref, nested=False)
            except WatchError as e:
                self._fail(str(e))

    def _remote(self, url: str, nested: bool) -> None:
        etag, modified = self.state.validators(url)
        got = self.fetcher.get(url, etag, modified)
        if got.not_modified:
            self.result.unchanged.append(url)
            return
        listing = parse_listing(got.content, url, self.fetcher.max_bytes)
        for child in [] if nested else listing.sitemaps:
            try:
                self._remote(child, nested=True)
            except WatchError as e:
                self._fail(str(e))
        # A sitemap index is read in full every time: its children change while it does not.
        if self._articles(listing.items) and not listing.sitemaps:
            self._pending.validators.append((url, got.etag, got.last_modified))

    def _articles(self, items: list[Item]) -> bool:
        """Fetch and read each item not seen before; True when every one was handled."""
        complete = True
        for item in items:
            canon = canonical_url(item.url)
            if canon in self._pending.urls or self.state.seen_url(self.case.id, canon):
                self.result.seen += 1
                continue
            try:
                got = self.fetcher.get(item.url)
            except WatchError as e:
                self._fail(str(e))
                complete = False
                continue
            art = article_from_page(
                got.content, got.content_type, got.final_url, listed_date=item.date,
                listed_title=item.title, lang=self.lang, max_chars=self.max_chars,
            )  # fmt: skip
            if isinstance(art, ReadError):
                self._fail(str(art))
                self._remember(canon, None, item.source, None, "none")  # not worth refetching
                continue
            self._add(art, canon, item.source)
        return complete

    def _add(self, art: Article, canon: str, source: str) -> None:
        doc = art.document
        urls = {canon, art.canonical}
        seen = any(u in self._pending.urls or self.state.seen_url(self.case.id, u) for u in urls)
        for u in sorted(urls):
            self._remember(u, doc.id, source, doc.date, art.date_source)
        if seen or doc.id in self._pending.doc_ids or self.state.has_document(doc.id):
            self.result.seen += 1
            return
        self._pending.docs.append(doc)
        self._pending.doc_ids.add(doc.id)
        self.result.new.append(NewArticle(art.canonical, doc.title, doc.date, art.date_source))

    def _remember(
        self, url: str, doc_id: str | None, source: str, date: dt.date | None, how: DateSource
    ) -> None:
        self._pending.urls.add(url)
        self._pending.items.append((url, doc_id, source, date, how))

    def _local(self, ref: str) -> None:
        """A folder or article file: read like `ingest` does; known texts (by hash) are seen."""
        for item in read_paths([ref], lang=self.lang, max_chars=self.max_chars):
            if isinstance(item, ReadError):
                self._fail(str(item))
                continue
            if item.id in self._pending.doc_ids or self.state.has_document(item.id):
                self.result.seen += 1
                continue
            url = Path(item.source or ref).resolve().as_uri()
            how: DateSource = "header" if item.date else "none"
            self._remember(url, item.id, ref, item.date, how)
            self._pending.docs.append(item)
            self._pending.doc_ids.add(item.id)
            self.result.new.append(NewArticle(url, item.title, item.date, how))

    def store(self) -> None:
        """Ingest the new documents and remember items and validators, all or nothing."""
        p = self._pending
        with self.ws.transaction():
            if p.docs:
                self.result.ingest = ingest_documents(p.docs, self.ws, self.case.id, self.extractor)
            not_coded = self.result.ingest.not_coded if self.result.ingest else {}
            for line in not_coded.values():  # forgotten, so the next poll codes it again
                self._fail(f"not coded: {line}")
            for url, doc_id, source, date, how in p.items:
                if doc_id in not_coded:
                    continue
                self.state.remember_item(self.case.id, url, doc_id, source, date, how)
            for url, etag, modified in p.validators:
                self.state.remember_validators(url, etag, modified)

    def recompute(
        self,
        rules: list[Rule],
        deliver: Callable[[dict[str, object]], None],
        runs: int,
        seed: int,
        force: bool = False,
    ) -> None:
        """New snapshot (picture and forecast) and alerts, when something new came in, on the
        first poll of the case, when a rule has no state yet (just added), or with `force`;
        stored as a `watch` run."""
        states = self.state.alert_states(self.case.id)
        first = not self.ws.runs("watch", self.case.id)
        unset = any(r.id not in states for r in rules)
        if not (self._pending.docs or first or unset or force):
            return
        events, stances = case_event_set(self.case, self.ws)
        try:
            snap = snapshot(
                self.case, events, stances, runs=runs, seed=seed,
                corrections=self.ws.corrections(self.case.id),
            )  # fmt: skip
        except ValueError as e:
            self.result.snapshot_error = str(e)
            self.warn(f"no snapshot: {e}")
            return
        self.result.snapshot = snap
        self.ws.record_run(
            "watch", self.case.id, params={"runs": runs, "seed": seed},
            result=snap.model_dump(mode="json"),
        )  # fmt: skip
        if not rules:
            return
        claims: dict[str, Event | Stance] = {e.id: e for e in events}
        claims.update({s.id: s for s in stances})
        cited = sorted({ev.doc_id for c in claims.values() for ev in c.evidence})
        docs = {d.id: d for d in self.ws.documents(cited)}
        new_states, alerts = evaluate(rules, snap, states, claims, docs)
        self.state.save_alerts(self.case.id, new_states, alerts)
        self.result.alerts = alerts
        for alert in alerts:
            deliver(alert)
