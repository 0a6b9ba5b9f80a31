"""From a case (plus whatever the workspace holds for it) to a finished `Brief`.

The CLI's `dualtrack brief` and Python users call `make_brief`; the demo runs the same steps
with its own progress bar.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from dualtrack.analyze import build_picture
from dualtrack.model import Case, Document, Event, Stance
from dualtrack.report.brief import Brief, build_brief
from dualtrack.report.evidence import default_source_dirs, fill_refs, read_source_dirs
from dualtrack.report.outlook import compute_outlook

Step = Callable[[str], None]


def stored_inputs(case: Case, data_dir: Path | str | None) -> tuple[list[Event], list[Stance]]:
    """The case's events and stances in the workspace.

    A brief only reads: the workspace is opened read-only (so a read-only copy, or one another
    reader has open, can be briefed) and a workspace that does not exist is not created."""
    from dualtrack.store import DB_FILE, Workspace, workspace_dir

    if not (workspace_dir(data_dir) / DB_FILE).is_file():
        return [], []
    with Workspace.open(data_dir, read_only=True) as ws:
        return ws.events(case.id), ws.stances(case.id)


def stored_documents(data_dir: Path | str | None, ids: Iterable[str]) -> dict[str, Document]:
    """The workspace's documents with these ids (read-only; none when there is no workspace)."""
    from dualtrack.store import DB_FILE, Workspace, workspace_dir

    wanted = sorted(set(ids))
    if not wanted or not (workspace_dir(data_dir) / DB_FILE).is_file():
        return {}
    with Workspace.open(data_dir, read_only=True) as ws:
        return {d.id: d for d in ws.documents(wanted)}


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off Python's cycle collector while a brief is built: with tens of thousands of
    (acyclic) events alive, every collection rescans them all, again and again, and finds
    nothing (over half the time of a brief at 50,000 events)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@_gc_paused()
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
    if use_store:
        say("read the workspace")
        events, stances = stored_inputs(case, data_dir)
    docs = read_source_dirs(list(sources) or default_source_dirs())
    say("build the situation picture")
    picture = build_picture(case, events, stances, asof=asof)
    say("run the bargaining models and the forecast")
    outlook = compute_outlook(case, picture.asof, runs=runs, draws=draws, seed=seed)
    say("write the brief")
    brief = build_brief(case, picture, lang=lang, documents=docs, outlook=outlook)
    if use_store:  # the texts of the documents the brief cites, and of no others
        missing = [r.doc_id for r in brief.evidence if r.span is None and r.doc_id not in docs]
        found = stored_documents(data_dir, missing)
        brief = brief.model_copy(update={"evidence": fill_refs(brief.evidence, found)})
    return brief
