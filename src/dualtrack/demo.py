"""`dualtrack demo`: the built-in case end to end, into a workspace a user can then explore.

The pipeline lives here, not in the CLI, so later stages (extraction, bargaining, forecast, brief)
extend `run_demo` and stay callable from Python and tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from dualtrack.cases import load_case
from dualtrack.event_table import event_table
from dualtrack.model import Case, Event
from dualtrack.store import Workspace

DEFAULT_CASE = "us-iran-2026"
DEFAULT_OUT = Path("dualtrack-demo")


@dataclass
class DemoResult:
    out: Path
    workspace: Path  # the DuckDB file
    case: Case
    events: list[Event]
    new_rows: int  # 0 when the demo ran into this directory before
    exports: dict[str, Path] = field(default_factory=dict)


def run_demo(
    out: Path = DEFAULT_OUT,
    console: Console | None = None,
    progress_console: Console | None = None,
    case_ref: str | Path = DEFAULT_CASE,
) -> DemoResult:
    """Load the case into a workspace under `out`, export its events and print the timeline.

    Raises `CaseError`/`FileNotFoundError` for a bad case and `StoreError` for the workspace.
    """
    console = console or Console()
    out = Path(out)
    steps = ["read the case file", "load events into the workspace", "export events"]
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=progress_console or Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(steps[0], total=len(steps))
        case = load_case(case_ref)
        progress.update(task, advance=1, description=steps[1])
        with Workspace.open(out) as ws:
            new_rows = ws.load_case(case)
            events = ws.events(case.id)
            progress.update(task, advance=1, description=steps[2])
            exports = {}
            for fmt in ("csv", "jsonl", "parquet"):
                exports[fmt] = out / f"{case.id}-events.{fmt}"
                ws.export_events(case.id, exports[fmt], fmt)
            progress.update(task, advance=1)
            workspace = ws.path
    console.print(event_table(events, title=f"{case.title} — event timeline"))
    return DemoResult(out, workspace, case, events, new_rows, exports)
