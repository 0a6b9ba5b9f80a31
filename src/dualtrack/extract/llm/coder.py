"""The LLM coder: asks an OpenAI-compatible model for the events of each document, keeps only
those whose quoted evidence is found in the text, and hands them to the offline coder's
resolvers (actors, dates) and merging.

Documents are asked in parallel threads (`LLMSettings.concurrency`) a batch at a time, and each
answer is cached on disk before it is used. A server that cannot be reached stops the run
(`LLMError`); a document that fails after its retries (a timeout, a server error, an answer
that is not JSON) is reported by name and its batch goes on without it.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from dualtrack.extract.dates import DateMention
from dualtrack.extract.llm.cache import ResponseCache
from dualtrack.extract.llm.client import ChatClient, DocumentFailed, LLMError, LLMSettings
from dualtrack.extract.llm.parse import RawEvent, Unreadable, anchor, fold_text, parse_events
from dualtrack.extract.llm.prompt import codebook, event_schema
from dualtrack.extract.normalize import Normalized
from dualtrack.model import Case, DatePrecision, Document, Event, EventFlags, Evidence
from dualtrack.ontology import modes

GIVE_UP_AFTER = 5  # documents failing in a row: the server is not going to answer
CONFIDENCE = 0.5  # an LLM's events carry no calibrated confidence


@dataclass
class Meter:
    """Documents and tokens so far, for the progress bar and the end-of-run line."""

    started: float = field(default_factory=time.monotonic)
    documents: int = 0
    cached: int = 0
    tokens: int = 0
    failed: int = 0

    @property
    def seconds(self) -> float:
        return max(1e-9, time.monotonic() - self.started)

    def rates(self) -> str:
        s = self.seconds
        return f"{self.documents / s:.2f} docs/s, {self.tokens / s:.0f} tokens/s"


@dataclass
class Answer:
    events: list[RawEvent]
    tokens: int


def chunks(text: str, size: int) -> list[str]:
    """`text` in pieces of at most `size` characters, cut after a line break where there is
    one (offsets do not matter: quotes are anchored in the whole text)."""
    out: list[str] = []
    while len(text) > size:
        cut = text.rfind("\n", 0, size) + 1 or size
        out.append(text[:cut])
        text = text[cut:]
    return [p for p in [*out, text] if p.strip()] or [text]


class LLMCoder:
    """One model behind one codebook. Construction asks the server for its models, so a server
    that is not there is an `LLMError` before any document is read."""

    def __init__(
        self,
        settings: LLMSettings,
        case: Case | None = None,
        cache_root: Path | None = None,
        on_progress: Callable[[Meter], None] | None = None,
    ) -> None:
        self.settings = settings
        self.client = ChatClient(settings)
        self.model = self.client.model()
        self.book = codebook(case)
        self.name = f"dualtrack.extract.llm/{self.model}/{self.book.version}"
        self.cache = (
            ResponseCache(cache_root, self.model, self.book.version) if cache_root else None
        )
        self.on_progress = on_progress
        self.meter = Meter()
        self.dropped: Counter[str] = Counter()  # why events were dropped: unanchored, ...
        self.failures: dict[str, str] = {}  # document id -> what went wrong
        self._answers: dict[str, Answer] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> None:
        raise TypeError("the LLM coder runs in one process (its requests are its parallelism)")

    # ---- asking -------------------------------------------------------------------------
    def prefetch(self, docs: Iterable[Document]) -> None:
        """Ask for every document not answered yet, `concurrency` at a time."""
        todo = [d for d in docs if d.id not in self._answers and d.id not in self.failures]
        if not (self.meter.documents or self.meter.failed):  # rates count from the first ask
            self.meter.started = time.monotonic()
        in_a_row = 0
        with ThreadPoolExecutor(self.settings.concurrency) as pool:
            futures = {pool.submit(self._ask, d): d for d in todo}
            try:
                for fut in as_completed(futures):
                    doc = futures[fut]
                    try:
                        self._answers[doc.id] = fut.result()
                        in_a_row = 0
                    except DocumentFailed as exc:
                        self.failures[doc.id] = str(exc)
                        self.meter.failed += 1
                        in_a_row += 1
                        if in_a_row >= GIVE_UP_AFTER:
                            raise LLMError(f"{exc} ({in_a_row} documents in a row)") from None
                    if self.on_progress:
                        self.on_progress(self.meter)
            except BaseException:
                for f in futures:
                    f.cancel()
                raise

    def answer(self, doc: Document) -> Answer:
        """The model's events for `doc` (asked now if not prefetched); `DocumentFailed` if it
        could not be coded."""
        if doc.id not in self._answers and doc.id not in self.failures:
            self.prefetch([doc])
        if doc.id in self.failures:
            raise DocumentFailed(self.failures[doc.id])
        return self._answers[doc.id]

    def _ask(self, doc: Document) -> Answer:
        events: list[RawEvent] = []
        tokens = 0
        for piece in chunks(doc.text, self.settings.chunk_chars):
            got, used = self._ask_piece(piece)
            events += got
            tokens += used
        with self._lock:
            self.meter.documents += 1
        return Answer(events, tokens)

    def _ask_piece(self, text: str) -> tuple[list[RawEvent], int]:
        hit = self.cache.get(text) if self.cache else None
        if hit is not None:
            with self._lock:
                self.meter.cached += 1
            return self._parse(hit["content"]), 0
        reply = self.client.chat(self.model, self.book.messages(text), event_schema())
        events = self._parse(reply.content)  # an unreadable answer is not cached
        if self.cache:
            self.cache.put(text, {"content": reply.content, "tokens": reply.tokens})
        with self._lock:
            self.meter.tokens += reply.tokens
        return events, reply.tokens

    def _parse(self, content: str) -> list[RawEvent]:
        try:
            events, bad = parse_events(content)
        except Unreadable as exc:
            raise DocumentFailed(f"LLM server {self.settings.url}: answer {exc}") from None
        with self._lock:
            self.dropped["malformed"] += bad
        return events

    # ---- events ---------------------------------------------------------------------------
    def events(
        self,
        doc: Document,
        norm: Normalized,
        dates: list[DateMention],
        doc_date: DateMention | None,
        resolve: Callable[[str], str | None],
        unknown: Callable[[str, int, int], None],
    ) -> list[Event]:
        """`doc`'s events: each quote anchored in the original text (else dropped), its names
        through `resolve` (an unknown name goes to `unknown` as a candidate, and an event
        without a resolved actor is dropped), its date from the date resolver's mentions."""
        folded = fold_text(doc.text)
        out: list[Event] = []
        for raw in self.answer(doc).events:
            span = anchor(doc.text, raw.quote, folded)
            if span is None:
                self.dropped["unanchored"] += 1
                continue
            s, e = span
            ids = {}
            for role in ("actor", "target", "via"):
                name = getattr(raw, role)
                ids[role] = resolve(name) if name else None
                if name and ids[role] is None:
                    unknown(name, s, e)
            if ids["actor"] is None:
                self.dropped["unresolved actor"] += 1
                continue
            day = _date_at(norm, dates, doc_date, s, e)
            out.append(
                Event(
                    date=day.date if day else None,
                    date_end=day.date_end if day else None,
                    date_precision=day.precision if day and day.date else DatePrecision.UNKNOWN,
                    actor=ids["actor"],
                    target=ids["target"] if ids["target"] != ids["actor"] else None,
                    via=ids["via"],
                    category=raw.category,
                    mode=raw.mode if raw.mode in modes(raw.category) else None,
                    flags=EventFlags(negated=raw.negated, hypothetical=raw.hypothetical),
                    evidence=[Evidence(doc_id=doc.id, start=s, end=e, text=doc.text[s:e])],
                    confidence=CONFIDENCE,
                    extractor=self.name,
                    summary=" ".join(doc.text[s:e].split())[:120],
                )
            )
        return out

    def report(self) -> str:
        """One line on what the run cost and what was dropped, for stderr."""
        m = self.meter
        drops = ", ".join(f"{n} {why}" for why, n in sorted(self.dropped.items()) if n)
        return (
            f"llm {self.model} (prompt {self.book.version}) at {self.settings.url}: "
            f"{m.documents} document(s) coded ({m.cached} piece(s) from cache), {m.tokens} "
            f"tokens, {m.rates()}; events dropped: {drops or 'none'}"
        )


def _date_at(
    norm: Normalized,
    dates: list[DateMention],
    doc_date: DateMention | None,
    start: int,
    end: int,
) -> DateMention | None:
    """The event's date as the rule coder dates it: a date inside its evidence, else the day
    the narrative last mentioned before it, else the document's date."""
    ns = bisect.bisect_left(norm.starts, start)
    ne = bisect.bisect_left(norm.starts, end)
    context = doc_date
    for d in dates:
        if d.start >= ne:
            break
        if d.date is None or d.range_end:
            continue
        if d.start >= ns and not d.dateline:
            return d
        if d.end <= ns and d.precision is DatePrecision.DAY and not d.aside:
            context = d
    return context
