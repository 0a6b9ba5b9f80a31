"""Rich rendering of extracted events for `dualtrack extract --format table`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.table import Table

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console
    from rich.progress import Progress, TaskID

    from dualtrack.extract.llm import Meter


def _qty(q: dict[str, Any]) -> str:
    v = q["value"]
    num = f"{int(v):,}" if v == int(v) else f"{v:,}"
    what = f" {q['what']}" if q.get("what") else ""
    qual = {"at_least": "≥", "at_most": "≤", "about": "~"}.get(q.get("qualifier") or "", "")
    return f"{qual}{num} {q['unit']}{what}"


def records_table(records: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("date", "actor", "category", "target", "via", "flags", "quantities", "evidence"):
        short = col in ("date", "actor", "category", "target", "via")
        table.add_column(col, no_wrap=short, overflow="ellipsis" if short else "fold")
    for r in records:
        date = r["date"] or "?"
        if r["date_precision"] not in ("day", "unknown"):
            date += f" ({r['date_precision']})"
        cat = r["category"] + (f"/{r['mode']}" if r["mode"] else "")
        ev = r["evidence"][0]["text"] if r["evidence"] else ""
        more = f" (+{len(r['evidence']) - 1})" if len(r["evidence"]) > 1 else ""
        table.add_row(
            date,
            r["actor"],
            cat,
            r["target"] or "",
            r["via"] or "",
            ", ".join(r["flags"]),
            "; ".join(_qty(q) for q in r["quantities"]),
            ((ev or "").replace("\n", " ")[:80]) + more,
        )
    return table


def article_bar(console: Console, total: int | None) -> Progress:
    """The bulk progress bar: articles done of about how many, articles/s and the time left."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
        TextColumn("left"), TimeRemainingColumn(),
        console=console, transient=True,
    )  # fmt: skip


def advance(bar: Progress, task: TaskID, n: int = 1) -> None:
    """Move the bar on by `n` articles and refresh the rate shown."""
    bar.advance(task, n)
    speed = next(t.speed for t in bar.tasks if t.id == task)
    bar.update(task, rate=f"{speed:,.0f}" if speed else "…")


def llm_bar(console: Console) -> Progress:
    """The LLM coder's progress: documents coded, documents and tokens per second."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
        console=console, transient=True,
    )  # fmt: skip


def bar_meter(bar: object) -> Callable[[Meter], None] | None:
    """A callback showing the LLM coder's meter on `bar`'s first task (None without a bar)."""
    from rich.progress import Progress

    if not isinstance(bar, Progress):
        return None

    def show(meter: Meter) -> None:
        text = f"coding: {meter.documents} document(s), {meter.rates()}"
        if not bar.tasks:
            bar.add_task(text, total=None)
        bar.update(bar.tasks[0].id, description=text)

    return show
