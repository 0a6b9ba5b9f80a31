"""From a case's one event set (`dualtrack.app`) to a finished `Brief`.

`dualtrack brief`, `dualtrack demo` and Python users all go through `brief_parts`: the same
picture, the same forecasts, the same brief, whichever command asked.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dualtrack.analyze import SituationPicture, build_picture
from dualtrack.app import CaseData, load_case_data
from dualtrack.model import Case, Document
from dualtrack.report.brief import Brief, build_brief
from dualtrack.report.evidence import default_source_dirs, fill_refs, read_source_dirs
from dualtrack.report.outlook import Outlook, compute_outlook

Step = Callable[[str], None]


@dataclass
class BriefParts:
    """What a brief is built from, kept for callers that show more than the brief (the demo)."""

    picture: SituationPicture
    outlook: Outlook
    brief: Brief


def brief_parts(
    data: CaseData,
    *,
    lang: str = "en",
    sources: Iterable[Path] = (),
    since: dt.date | None = None,
    runs: int = 4000,
    draws: int = 500,
    seed: int = 0,
    step: Step | None = None,
    reuse: BriefParts | None = None,
    min_confidence: float = 0.0,
) -> BriefParts:
    """The picture, both forecasts and the brief of `data` as of its date; the charts start at
    `since` (default: the picture's 30-day window). Texts the brief cites that `data` did not
    load are read from its workspace afterwards, and only those. `reuse`: the parts already
    made from the same `data` (in another language), whose picture and forecasts are kept.
    Events below `min_confidence` are left out of everything (picture, forecasts, brief)."""
    say = step or (lambda _: None)
    case = data.case
    if min_confidence > 0:
        kept = [e for e in case.events if e.confidence >= min_confidence]
        case = case.model_copy(update={"events": kept})
    docs = dict(data.documents)
    docs.update(read_source_dirs(list(sources) or default_source_dirs()))
    with _gc_paused():
        if reuse is None:
            say("build the situation picture")
            picture = build_picture(case, asof=data.asof, start=since)
            say("run the bargaining models and the forecast")
            outlook = compute_outlook(case, picture.asof, runs=runs, draws=draws, seed=seed)
        else:
            picture, outlook = reuse.picture, reuse.outlook
        say("write the brief")
        history = [(p.asof, p.horizons) for p in data.probabilities]
        brief = build_brief(
            case, picture, lang=lang, documents=docs, outlook=outlook, history=history
        )
    if not data.documents_read and data.workspace is not None:
        missing = [r.doc_id for r in brief.evidence if r.span is None and r.doc_id not in docs]
        found = stored_documents(data.workspace.parent, missing)
        brief = brief.model_copy(update={"evidence": fill_refs(brief.evidence, found)})
    return BriefParts(picture=picture, outlook=outlook, brief=brief)


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


def make_brief(
    case: Case | str | Path,
    *,
    asof: dt.date | None = None,
    lang: str = "en",
    data_dir: Path | str | None = None,
    use_store: bool = True,
    sources: Iterable[Path] = (),
    since: dt.date | None = None,
    runs: int = 4000,
    draws: int = 500,
    seed: int = 0,
    step: Step | None = None,
    min_confidence: float = 0.0,
) -> Brief:
    """The brief of `case` as of `asof`, with the workspace's events (unless `use_store` is
    False), source texts from `sources` folders (default: $DUALTRACK_SOURCES), and both
    forecasts run with `seed`. The workspace is read once, read-only, and only the texts the
    brief cites are loaded. Events below `min_confidence` are left out."""
    if step:
        step("read the case and the workspace")
    data = load_case_data(case, data_dir, asof=asof, use_store=use_store, documents=False)
    parts = brief_parts(
        data,
        lang=lang,
        sources=sources,
        since=since,
        runs=runs,
        draws=draws,
        seed=seed,
        step=step,
        min_confidence=min_confidence,
    )
    return parts.brief
