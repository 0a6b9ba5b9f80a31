"""From a case (plus whatever the workspace holds for it) to a finished `Brief`.

The CLI's `dualtrack brief` and Python users call `make_brief`; the demo runs the same steps
with its own progress bar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from dualtrack.analyze import build_picture
from dualtrack.model import Case, Document, Event, Stance
from dualtrack.report.brief import Brief, build_brief
from dualtrack.report.evidence import default_source_dirs, read_source_dirs
from dualtrack.report.outlook import compute_outlook

Step = Callable[[str], None]


def stored_inputs(
    case: Case, data_dir: Path | str | None
) -> tuple[list[Event], list[Stance], dict[str, Document]]:
    """The case's events and stances in the workspace, and the documents their evidence cites.

    A brief only reads: the workspace is opened read-only (so a read-only copy, or one another
    reader has open, can be briefed) and a workspace that does not exist is not created."""
    from dualtrack.store import DB_FILE, Workspace, workspace_dir

    if not (workspace_dir(data_dir) / DB_FILE).is_file():
        return [], [], {}
    with Workspace.open(data_dir, read_only=True) as ws:
        events = ws.events(case.id)
        stances = ws.stances(case.id)
        cited = {
            e.doc_id
            for item in [*case.events, *case.stances, *events, *stances]
            for e in item.evidence
        }
        docs = {d.id: d for d in ws.documents(sorted(cited))}
    return events, stances, docs


def make_brief(
    case: Case,
    *,
    asof: dt.date | None = None,
    lang: str = "en",
    data_dir: Path | str | None = None,
    use_store: bool = True,
    sources: Iterable[Path] = (),
    runs: int = 4000,
    draws: int = 500,
    seed: int = 0,
    step: Step | None = None,
) -> Brief:
    """The brief of `case` as of `asof`, with the workspace's events (unless `use_store` is
    False), source texts from `sources` folders (default: $DUALTRACK_SOURCES), and both
    forecasts run with `seed`."""
    say = step or (lambda _: None)
    events: list[Event] = []
    stances: list[Stance] = []
    docs: dict[str, Document] = {}
    if use_store:
        say("read the workspace")
        events, stances, docs = stored_inputs(case, data_dir)
    docs.update(read_source_dirs(list(sources) or default_source_dirs()))
    say("build the situation picture")
    picture = build_picture(case, events, stances, asof=asof)
    say("run the bargaining models and the forecast")
    outlook = compute_outlook(case, picture.asof, runs=runs, draws=draws, seed=seed)
    say("write the brief")
    return build_brief(case, picture, lang=lang, documents=docs, outlook=outlook)
