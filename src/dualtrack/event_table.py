"""Events as a Rich table: the timeline `dualtrack events` and `dualtrack demo` print.

Kept apart from the CLI so every command shows events alike: both tracks side by side, coloured
by track, with counts and modality flags in plain sight. It sits outside `report/` so listing
events never imports the brief pipeline (charts, templates, models).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from dualtrack.model import DatePrecision, Event, Quantity
from dualtrack.ontology import Track, track_of

_TRACK_STYLE = {Track.NEGOTIATION: "green", Track.CONFRONTATION: "red", Track.NEUTRAL: "cyan"}
_QUALIFIER = {"at_least": "≥", "at_most": "≤", "about": "~", "exactly": ""}


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


def event_table(events: Sequence[Event], title: str | None = None) -> Table:
    """One row per event in the order given (the store returns them by date)."""
    # Fixed shares of the terminal's width: Rich's own fitting squeezes the summary (the widest
    # column) down to the size of the others, which leaves the one column people read unreadable.
    table = Table(title=title, header_style="bold", expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("actor → target", overflow="fold", ratio=4, min_width=8)
    table.add_column("via", overflow="fold", ratio=2, min_width=3)
    table.add_column("category / mode", overflow="fold", ratio=4, min_width=8)
    table.add_column("quantities", overflow="fold", ratio=4, min_width=8)
    table.add_column("flags", overflow="fold", ratio=2, min_width=6)
    table.add_column("summary", overflow="fold", ratio=14, min_width=12)
    for e in events:
        style = _TRACK_STYLE[track_of(e.category)]
        category = Text(e.category.value, style=style)
        if e.mode:
            category.append(f" / {e.mode}", style="dim")
        table.add_row(
            format_date(e),
            f"{e.actor} →\n{e.target}" if e.target else e.actor,
            e.via or "",
            category,
            "\n".join(format_quantity(q) for q in e.quantities),
            Text("\n".join(e.flags.names()), style="yellow"),
            e.summary or "",
        )
    return table
