"""`dualtrack demo`: the built-in case end to end, into a workspace a user can then explore.

Load the case into a workspace under `out`, read the sample articles shipped with it (English,
Traditional and Simplified Chinese), extract their events and stances, store them, run the
bargaining models and the crisis forecast, and write the analyst brief (`brief.html`,
`brief.md`). The pipeline lives here, not in the CLI, so it stays callable from Python and tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from dualtrack.analyze import SituationPicture
from dualtrack.app import from_workspace
from dualtrack.cases import load_case
from dualtrack.event_table import event_table
from dualtrack.model import Case, Document, Event, Stance
from dualtrack.report import Brief, write_brief
from dualtrack.report.outlook import Outlook
from dualtrack.report.pipeline import brief_parts
from dualtrack.store import Workspace

DEFAULT_CASE = "us-iran-2026"
DEFAULT_OUT = Path("dualtrack-demo")
# Moderate Monte Carlo sizes keep the demo within seconds; `dualtrack forecast` runs 10,000.
DEMO_RUNS = 4000
DEMO_DRAWS = 500
SAMPLES = resources.files("dualtrack.cases") / "samples"


@dataclass
class DemoResult:
    out: Path
    workspace: Path  # the DuckDB file
    case: Case
    events: list[Event]  # everything stored for the case after the run
    new_rows: int  # case rows new to the workspace; 0 when the demo ran into it before
    exports: dict[str, Path] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)  # sample articles ingested
    extracted: int = 0  # events the extractor found in them
    extract_error: str | None = None  # why extraction did not run, when it did not
    outlook: Outlook | None = None
    picture: SituationPicture | None = None
    brief: Brief | None = None
    briefs: dict[str, Path] = field(default_factory=dict)  # "html"/"md" -> path
    summary: list[str] = field(default_factory=list)  # five lines


def sample_documents(case_id: str) -> list[Document]:
    """The sample articles shipped for a built-in case (none for other cases).

    `samples/<case>/bundle.yaml` lists each file with its publication date, script and outlet;
    the first line of a file is its headline.
    """
    folder = SAMPLES / case_id
    bundle = folder / "bundle.yaml"
    if not bundle.is_file():
        return []
    meta = yaml.safe_load(bundle.read_text(encoding="utf-8"))
    docs = []
    for i, a in enumerate(meta.get("articles", [])):
        try:
            text = (folder / a["file"]).read_text(encoding="utf-8")
            docs.append(
                Document(
                    text=text,
                    title=text.strip().splitlines()[0],
                    date=dt.date.fromisoformat(str(a["date"])),
                    lang=a["lang"],
                    source=a.get("outlet"),
                    url=f"dualtrack:samples/{case_id}/{a['file']}",
                )
            )
        except (KeyError, ValueError, OSError) as e:
            raise ValueError(f"{bundle}: article {i + 1}: {e}") from e
    return docs


def extract_documents(case: Case, docs: list[Document]) -> tuple[list[Event], list[Stance]]:
    """Events and stances the extractor finds in `docs`, folded into the case's own events
    where they report the same thing (the case event keeps its id and gains the new sources)."""
    if not docs:
        return [], []
    from dualtrack.extract import Extractor
    from dualtrack.extract.dedup import event_id, merge_events
    from dualtrack.extract.pipeline import DEFAULT_CODER

    ex = Extractor(case, coder=DEFAULT_CODER)
    found = ex.extract_many(docs)
    merged = merge_events([*case.events, *found.events], ex.country, within_doc=False)
    case_ids = {e.id for e in case.events}
    # merging ids events by their merge key; one that is a case event keeps the case's id, so
    # the workspace holds it once
    by_key = {event_id(e, ex.country): e.id for e in case.events}
    for e in merged:
        e.id = by_key.get(e.id, e.id)
    evidence_docs = {d.id for d in docs}
    # Keep the case events that gained a sample-article span, and every new event.
    events = [
        e
        for e in merged
        if e.id not in case_ids or any(ev.doc_id in evidence_docs for ev in e.evidence)
    ]
    return events, found.stances


def five_lines(brief: Brief) -> list[str]:
    """The brief's headline as at most five plain lines: the assessment with the two tracks,
    escalation, talks, the widest gap and the most likely outcome."""
    head = next(s for s in brief.sections if s.id == "headline")
    lines = [ln.text for bl in head.blocks if bl.kind == "lines" for ln in bl.items]
    if not lines:
        return [brief.assessment]
    return [f"{brief.assessment} — {lines[0]}", *lines[1:5]]


STEPS = (
    "read the case file",
    "load events into the workspace",
    "read the sample articles",
    "extract events from the articles",
    "build the picture, run the forecasts",
    "write the brief",
)
"""The demo's steps as its progress bar names them; `step(i)` marks the first i done."""


@contextmanager
def _steps(console: Console) -> Iterator[Callable[[int], None]]:
    """A transient progress bar over `STEPS`, yielding `step(i)`: the first i steps are done and
    the bar names the next one. Transient, so only the timeline and the brief's lines remain."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(STEPS[0], total=len(STEPS))

        def step(i: int) -> None:
            progress.update(task, completed=i, description=STEPS[i] if i < len(STEPS) else "done")

        yield step


def _extract_into(
    ws: Workspace, case: Case, docs: list[Document]
) -> tuple[list[Event], str | None]:
    """Extract the sample articles' events and stances into the workspace; the events, and why
    there are none when no extractor is installed (the brief still comes out)."""
    try:
        extracted, stances = extract_documents(case, docs)
    except ImportError as e:
        return [], f"extraction unavailable: {e}"
    if extracted:
        ws.add_events(extracted, case.id)
    if stances:
        ws.add_stances(stances, case.id)
    return extracted, None


def _export(ws: Workspace, case_id: str, out: Path) -> dict[str, Path]:
    """The case's stored events as CSV, JSON lines and Parquet in `out`, for a user's own tools."""
    exports = {fmt: out / f"{case_id}-events.{fmt}" for fmt in ("csv", "jsonl", "parquet")}
    for fmt, path in exports.items():
        ws.export_events(case_id, path, fmt)
    return exports


def _write_briefs(
    ws: Workspace,
    brief: Brief,
    out: Path,
    case_id: str,
    runs: int,
    seed: int,
    lang: str,
    documents: int,
) -> tuple[dict[str, Path], list[str]]:
    """`brief.html` and `brief.md` in `out`, and the brief's five lines; the run is kept in the
    workspace with its settings and result, beside the other runs made there."""
    briefs = {
        "html": write_brief(brief, out / "brief.html", "html"),
        "md": write_brief(brief, out / "brief.md", "md"),
    }
    summary = five_lines(brief)
    ws.record_run(
        "demo",
        case_id,
        {"runs": runs, "seed": seed, "lang": lang, "documents": documents},
        {"summary": summary, "briefs": {k: str(v) for k, v in briefs.items()}},
    )
    return briefs, summary


def run_demo(
    out: Path = DEFAULT_OUT,
    console: Console | None = None,
    progress_console: Console | None = None,
    case_ref: str | Path = DEFAULT_CASE,
    *,
    lang: str = "en",
    runs: int = DEMO_RUNS,
    seed: int = 0,
    sources: list[Path] | None = None,
    data_dir: Path | None = None,
) -> DemoResult:
    """Run the case end to end into `out` and write `brief.html` and `brief.md` there.

    `sources` are folders of source texts (e.g. the case's original article) whose spans the
    brief quotes; the workspace is `data_dir` (default: `out`). Raises `CaseError` or
    `FileNotFoundError` for a bad case, `StoreError` for the workspace and `ValueError` for a
    broken sample bundle.
    """
    console = console or Console()
    out = Path(out)
    with _steps(progress_console or Console(stderr=True)) as step:
        case = load_case(case_ref)
        step(1)
        with Workspace.open(data_dir or out) as ws:
            new_rows = ws.load_case(case)
            step(2)
            docs = sample_documents(case.id)
            ws.add_documents(docs)
            step(3)
            extracted, extract_error = _extract_into(ws, case, docs)
            exports = _export(ws, case.id, out)
            step(4)
            # The same steps as `dualtrack brief --data-dir OUT`: one event set, one pipeline.
            data = from_workspace(case, ws)
            events = data.events
            parts = brief_parts(
                data, lang=lang, sources=sources or (), runs=runs, draws=DEMO_DRAWS, seed=seed
            )
            step(5)
            brief = parts.brief
            briefs, summary = _write_briefs(ws, brief, out, case.id, runs, seed, lang, len(docs))
            step(6)
            workspace = ws.path
    console.print(event_table(events, title=f"{case.title} — event timeline"))
    return DemoResult(
        out=out,
        workspace=workspace,
        case=case,
        events=events,
        new_rows=new_rows,
        exports=exports,
        documents=docs,
        extracted=len(extracted),
        extract_error=extract_error,
        outlook=parts.outlook,
        picture=parts.picture,
        brief=brief,
        briefs=briefs,
        summary=summary,
    )
