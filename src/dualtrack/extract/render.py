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


def _date(r: dict[str, Any]) -> str:
    date = r["date"] or "?"
    if r["date_precision"] not in ("day", "unknown"):
        date += f" ({r['date_precision']})"
    return date


def _evidence(r: dict[str, Any]) -> str:
    ev = r["evidence"][0]["text"] if r["evidence"] else ""
    more = f" (+{len(r['evidence']) - 1})" if len(r["evidence"]) > 1 else ""
    ev = " ".join(ev.split())
    cut = ev[:EVIDENCE_CHARS] + ("…" if len(ev) > EVIDENCE_CHARS else "")
    return cut + more


# What one row shows of its first evidence passage (the JSONL output has it whole).
EVIDENCE_CHARS = 100


def _category(r: dict[str, Any]) -> str:
    """The category, with its mode and flags on lines below (narrow, so the evidence keeps the
    width of an 80-column terminal)."""
    lines = [r["category"]] + ([f"/{r['mode']}"] if r["mode"] else []) + list(r["flags"])
    return "\n".join(lines)


def _parties(r: dict[str, Any]) -> str:
    """Actor → target, and the mediator below, as `dualtrack events` shows them."""
    who = f"{r['actor']} →\n{r['target']}" if r["target"] else r["actor"]
    return who + (f"\nvia {r['via']}" if r["via"] else "")


def records_table(records: list[dict[str, Any]], title: str | None = None) -> Table:
    """One row per event: its date, parties (actor → target, via), category (mode and flags
    below it), confidence and evidence (quantities below it). Date and confidence never wrap;
    the other columns fold, so the table fits an 80-column terminal."""
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("actor → target (via)", max_width=16, overflow="fold")
    table.add_column("category", max_width=12, overflow="fold")
    table.add_column("conf", no_wrap=True, justify="right")
    table.add_column("evidence · quantities", min_width=16, overflow="fold")
    for r in records:
        qty = " · ".join(_qty(q) for q in r["quantities"])
        evidence = _evidence(r) + (f"\n{qty}" if qty else "")
        table.add_row(_date(r), _parties(r), _category(r), f"{r['confidence']:.2f}", evidence)
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
