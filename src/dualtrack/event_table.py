"""Events as a Rich table: the timeline `dualtrack events` and `dualtrack demo` print.

Kept apart from the CLI so every command shows events alike: both tracks side by side, coloured
by track, with counts and modality flags in plain sight. It sits outside `report/` so listing
events never imports the brief pipeline (charts, templates, models).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderableType
from rich.table import Table
from rich.text import Text

from dualtrack.model import LOW_CONFIDENCE, DatePrecision, Event, Quantity
from dualtrack.ontology import Track, track_of

if TYPE_CHECKING:  # the store (and DuckDB) stays unimported for a table
    from dualtrack.store.corrections import ReviewStatus

_TRACK_STYLE = {Track.NEGOTIATION: "green", Track.CONFRONTATION: "red", Track.NEUTRAL: "cyan"}
_QUALIFIER = {"at_least": "≥", "at_most": "≤", "about": "~", "exactly": ""}
# An analyst's verdict, shown with the flags (an unreviewed event shows nothing).
_REVIEW_MARK = {
    "accepted": ("✓ accepted", "green"),
    "edited": ("✎ edited", "magenta"),
    "added": ("+ added", "cyan"),
    "rejected": ("✗ rejected", "bold red"),
}


def format_quantity(q: Quantity) -> str:
    """`≥10 vessel (warship)`, `2,000 km`, `0.5 share`."""
    value = f"{int(q.value):,}" if float(q.value).is_integer() else f"{q.value:,.6g}"
    text = f"{_QUALIFIER.get(q.qualifier or '', q.qualifier or '')}{value} {q.unit}"
    return f"{text} ({q.what})" if q.what else text


def format_date(e: Event) -> str:
    """`2026-02-06`, a range as `2026-02-06…08`, and a coarse date with its precision below."""
    if e.date is None:
        return "undated"
    text = e.date.isoformat()
    if e.date_end and e.date_end != e.date:
        end = e.date_end.isoformat()
        same_month = e.date_end.replace(day=1) == e.date.replace(day=1)
        text += "…" + (end[8:] if same_month else end)
    if e.date_precision not in (DatePrecision.DAY, DatePrecision.UNKNOWN):
        text += f"\n({e.date_precision.value})"
    return text


# Below this many columns the seven-column layout folds words letter by letter.
WIDE = 140


class EventTable:
    """A renderable event table that picks its layout from the width it is printed at."""

    def __init__(
        self,
        events: Sequence[Event],
        title: str | None = None,
        review: Mapping[str, ReviewStatus] | None = None,
    ) -> None:
        self.events = events
        self.title = title
        self.review = review or {}

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        yield event_table_at(self.events, self.title, options.max_width, self.review)


def event_table(
    events: Sequence[Event],
    title: str | None = None,
    review: Mapping[str, ReviewStatus] | None = None,
) -> EventTable:
    """One row per event in the order given (the store returns them by date); `review` marks
    the events an analyst corrected."""
    return EventTable(events, title, review)


def _flags(e: Event, review: Mapping[str, ReviewStatus]) -> Text:
    """The modality flags, the coder's doubt (`unsure 28%` below `LOW_CONFIDENCE`: more likely
    wrong than right, as the brief marks it) and an analyst's verdict."""
    flags = Text("\n".join(e.flags.names()), style="yellow")
    if e.confidence < LOW_CONFIDENCE:
        flags.append(("\n" if flags.plain else "") + f"unsure {e.confidence:.0%}", style="dim")
    status = review.get(e.id)
    if status is not None and status.status in _REVIEW_MARK:
        mark, style = _REVIEW_MARK[status.status]
        flags.append(("\n" if flags.plain else "") + mark, style=style)
    return flags


def event_table_at(
    events: Sequence[Event],
    title: str | None,
    width: int,
    review: Mapping[str, ReviewStatus] | None = None,
) -> Table:
    """The table for a given width: from `WIDE` columns up every field has its own column;
    below it who, what and the counts share columns so an 80-column terminal stays readable.
    """
    # Fixed shares of the width: Rich's own fitting squeezes the summary (the widest column)
    # down to the size of the others, which leaves the one column people read unreadable.
    table = Table(title=title, header_style="bold", expand=True)
    table.add_column("date", no_wrap=True)
    wide = width >= WIDE
    if wide:
        table.add_column("actor → target", overflow="fold", ratio=4)
        table.add_column("via", overflow="fold", ratio=2)
        table.add_column("category / mode", overflow="fold", ratio=4)
        table.add_column("quantities", overflow="fold", ratio=4)
        table.add_column("flags", overflow="fold", ratio=3)
        table.add_column("summary", overflow="fold", ratio=13)
    else:
        table.add_column("actor → target (via)", overflow="fold", ratio=3)
        table.add_column("category / mode, flags", overflow="fold", ratio=3)
        table.add_column("summary · quantities", overflow="fold", ratio=8)
    for e in events:
        who = f"{e.actor} →\n{e.target}" if e.target else e.actor
        what = Text(e.category.value, style=_TRACK_STYLE[track_of(e.category)])
        if e.mode:
            what.append(f" / {e.mode}", style="dim")
        flags = _flags(e, review or {})
        counts = [format_quantity(q) for q in e.quantities]
        if wide:
            table.add_row(
                format_date(e), who, e.via or "", what, "\n".join(counts), flags, e.summary or ""
            )
            continue
        if e.via:
            who += f"\nvia {e.via}"
        if flags.plain:
            what.append("\n").append_text(flags)
        summary = Text(e.summary or "")
        if counts:
            summary.append(("\n" if e.summary else "") + " · ".join(counts), style="dim")
        table.add_row(format_date(e), who, what, summary)
    return table
