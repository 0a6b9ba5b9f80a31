"""The `dualtrack` command line: thin commands over the Python API, Rich output, JSON on demand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from dualtrack import __version__

if TYPE_CHECKING:
    from dualtrack.model import Case

app = typer.Typer(
    name="dualtrack",
    help="Read crisis reporting, model the negotiation and confrontation tracks, and forecast.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
case_app = typer.Typer(help="List, show and validate case files.", no_args_is_help=True)
backtest_app = typer.Typer(help="Back-test the models on historical data.", no_args_is_help=True)
app.add_typer(case_app, name="case")
app.add_typer(backtest_app, name="backtest")

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    """Print an error to stderr and exit with `code` (1 = bad input)."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        console.print(f"dualtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """dualtrack: talk-while-fighting crises, from articles to forecasts."""


def _load_case_or_fail(ref: str) -> Case:
    """A validated case, or exit 1 with every problem of its file (one per line)."""
    from dualtrack.cases import CaseError, load_case

    try:
        return load_case(ref)
    except FileNotFoundError as exc:
        fail(str(exc))
    except CaseError as exc:
        for problem in exc.problems:
            err_console.print(str(problem), highlight=False, soft_wrap=True, markup=False)
        fail(f"{len(exc.problems)} problem(s) in {exc.path}; run `dualtrack case validate`")


@case_app.command("list")
def case_list_cmd(
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """The built-in cases with their title, as-of date and counts."""
    import json

    from dualtrack.cases import builtin_ids
    from dualtrack.cases.tables import cases_table

    if fmt not in ("table", "json"):
        fail(f"--format must be 'table' or 'json', not {fmt!r}")
    cases = [_load_case_or_fail(ref) for ref in builtin_ids()]
    if fmt == "json":
        rows = [
            {
                "id": c.id,
                "title": c.title,
                "asof": c.asof.isoformat() if c.asof else None,
                "actors": len(c.actors),
                "issues": len(c.issues),
                "positions": len(c.positions),
                "events": len(c.events),
            }
            for c in cases
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    console.print(cases_table(cases))


@case_app.command("show")
def case_show_cmd(
    case: str = typer.Argument(..., help="Built-in case id (see `case list`) or a case file."),
    fmt: str = typer.Option("table", "--format", help="table, yaml (the file itself) or json."),
) -> None:
    """A case's actors, issues and positions; `--format yaml` prints the file to copy and edit."""
    import sys

    from dualtrack.cases import case_path, case_summary
    from dualtrack.cases.tables import case_tables

    if fmt not in ("table", "yaml", "json"):
        fail(f"--format must be 'table', 'yaml' or 'json', not {fmt!r}")
    the_case = _load_case_or_fail(case)
    if fmt == "yaml":
        sys.stdout.write(case_path(case).read_text(encoding="utf-8"))
        return
    if fmt == "json":
        print(the_case.model_dump_json(indent=2))
        return
    head = f"{the_case.title}  ({case_summary(the_case)}; as of {the_case.asof or '—'})"
    console.print(head, style="bold", highlight=False)
    for table in case_tables(the_case):
        console.print(table)


@case_app.command("validate")
def case_validate_cmd(
    file: str = typer.Argument(..., help="Case file (YAML) or built-in case id."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Report every problem in a case file (file:line: field: message); exit 1 if any."""
    import json

    from dualtrack.cases import case_path, case_summary, read_case_file

    if fmt not in ("text", "json"):
        fail(f"--format must be 'text' or 'json', not {fmt!r}")
    try:
        path = case_path(file)
    except FileNotFoundError as exc:
        fail(str(exc))
    the_case, problems = read_case_file(path)
    if fmt == "json":
        payload = {
            "file": str(path),
            "ok": not problems,
            "summary": case_summary(the_case) if the_case else None,
            "problems": [p.to_dict() for p in problems],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for p in problems:
            console.print(str(p), highlight=False, soft_wrap=True, markup=False)
    if problems:
        fail(f"{len(problems)} problem(s) in {path}")
    if fmt == "text":
        console.print(f"ok: {case_summary(the_case)}", highlight=False)  # type: ignore[arg-type]


@backtest_app.command("icb")
def backtest_icb(
    path: str = typer.Argument(
        ..., help="Folder with icb1v14.csv and icb2v14.csv, or one of them."
    ),
    split: str = typer.Option("all", "--split", help="random, temporal or all."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Score the ICB base-rate models against climatology on held-out crises."""
    import json

    from dualtrack.calibrate import IcbDataError, load_icb, run_backtest
    from dualtrack.calibrate.icb_fit import SPLITS, complete
    from dualtrack.calibrate.render import backtest_table

    if fmt not in ("table", "json"):
        fail(f"--format must be 'table' or 'json', not {fmt!r}")
    if split not in (*SPLITS, "all"):
        fail(f"--split must be one of {', '.join(SPLITS)}, all; not {split!r}")
    kinds = SPLITS if split == "all" else (split,)
    try:
        crises = load_icb(path)
    except IcbDataError as exc:
        fail(str(exc))
    with err_console.status("fitting and scoring the ICB models"):
        reports = {kind: run_backtest(crises, kind) for kind in kinds}
    if fmt == "json":
        payload = {
            "path": str(path),
            "n_crises": len(crises),
            "n_complete": len(complete(crises)),
            "backtests": {kind: r.model_dump() for kind, r in reports.items()},
        }
        print(json.dumps(payload, indent=2))
        return
    for report in reports.values():
        console.print(backtest_table(report))
        console.print(f"[dim]split: {report.description}[/]", soft_wrap=True)


@app.command("bargain")
def bargain_cmd(
    source: str = typer.Argument(
        ...,
        help="A CSV (Actor, Capability, Position, Salience[, Issue]),"
        " a case file or a built-in case id.",
    ),
    issue: str | None = typer.Option(None, "--issue", help="Only this issue."),
    model: str = typer.Option("all", "--model", help="compromise, median, nash, eu or all."),
    rounds: int = typer.Option(10, "--rounds", help="Rounds of the challenge (eu) model."),
    draws: int = typer.Option(1000, "--draws", help="Monte Carlo draws over ranged inputs."),
    seed: int = typer.Option(0, "--seed", help="Seed of the Monte Carlo draws."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Forecast where each issue settles with the spatial bargaining models."""
    import json

    from rich import box
    from rich.table import Table

    from dualtrack.bargain import BargainInputError, forecast

    if fmt not in ("table", "json"):
        fail(f"--format must be 'table' or 'json', not {fmt!r}")
    try:
        with err_console.status("running the bargaining models"):
            result = forecast(source, issue, model, rounds, draws, seed)
    except (BargainInputError, FileNotFoundError, KeyError, ValueError) as exc:
        fail(str(exc.args[0]) if isinstance(exc, KeyError) else str(exc))
    if fmt == "json":
        print(json.dumps(result, indent=2))
        return
    for item in result["issues"]:
        table = Table(
            title=f"{item['issue']} ({item['actors']} actors)",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            caption="forecast: from the best-guess inputs; Monte Carlo median and interval: "
            "over the inputs' ranges",
        )
        cols = ("model", "forecast", "MC median", "90% interval", "eu median: start → rounds")
        for col in cols:
            table.add_column(col, justify="left" if col == "model" else "right")
        for name, m in item["models"].items():
            band = m["interval90"]
            mc = m.get("mc_median")
            path = [m["start"]["median"]] if "start" in m else []
            path += [r["median"] for r in m.get("rounds", [])]
            shown = [f"{v:.1f}" for v in path]
            if len(shown) > 6:
                shown = [*shown[:3], "…", *shown[-2:]]
            table.add_row(
                name,
                f"{m['forecast']:.2f}",
                f"{mc:.2f}" if mc is not None else "—",
                f"{band[0]:.2f} – {band[1]:.2f}" if band else "—",
                " → ".join(shown),
            )
        console.print(table)


@backtest_app.command("deu")
def backtest_deu_cmd(
    path: str = typer.Argument(..., help="DEU III file (deu3.csv, tab-separated)."),
    rounds: int = typer.Option(10, "--rounds", help="Rounds of the challenge (eu) model."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Score every bargaining model and the baselines on DEU III (MAE, 0-100 scale)."""
    import json

    from rich import box
    from rich.table import Table

    from dualtrack.bargain import BargainInputError, backtest_deu

    if fmt not in ("table", "json"):
        fail(f"--format must be 'table' or 'json', not {fmt!r}")
    try:
        with err_console.status("running every model on every DEU issue"):
            report = backtest_deu(path, rounds=rounds)
    except BargainInputError as exc:
        fail(str(exc))
    if fmt == "json":
        print(json.dumps(report, indent=2))
        return
    sp = report["split"]
    table = Table(
        title=f"DEU III back-test: {report['n_issues']} issues (lower is better)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        caption=f"test = {sp['n_test']} issues from a seeded {sp['test_fraction']:.0%} of "
        f"proposals (seed {sp['seed']}); blends fitted on the {sp['n_train']} train issues",
    )
    for col in ("model", "MAE all", "95% CI", "MAE test", "n"):
        table.add_column(col, justify="left" if col == "model" else "right")
    for name, m in report["models"].items():
        table.add_row(
            name,
            f"{m['mae']:.2f}",
            f"{m['ci95'][0]:.2f} – {m['ci95'][1]:.2f}",
            f"{m['mae_test']:.2f}",
            f"{m['n']}",
        )
    console.print(table)


def _parse_date(value: str | None, option: str) -> object:
    """`YYYY-MM-DD` → date; anything else is a clear error (exit 1), not a Typer usage error."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-02-08")


EVENT_FORMATS = ("table", "csv", "jsonl", "parquet")
DATA_DIR_HELP = "Workspace directory (default: $DUALTRACK_HOME, else the user data directory)."


@app.command("events")
def events_cmd(
    case: str = typer.Option(
        ..., "--case", help="Built-in case id, case file, or a case id already in the workspace."
    ),
    since: str | None = typer.Option(None, "--since", help="First date, YYYY-MM-DD (inclusive)."),
    until: str | None = typer.Option(None, "--until", help="Last date, YYYY-MM-DD (inclusive)."),
    fmt: str = typer.Option("table", "--format", help="table, csv, jsonl or parquet."),
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file (parquet needs it).")
    ] = None,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
) -> None:
    """A case's events from the workspace, by date (a case's own events are loaded on first use)."""
    import sys
    import tempfile

    from dualtrack.cases import CaseError, builtin_ids, load_case
    from dualtrack.event_table import event_table
    from dualtrack.store import StoreError, Workspace, write_events

    if fmt not in EVENT_FORMATS:
        fail(f"--format must be one of {', '.join(EVENT_FORMATS)}; not {fmt!r}")
    if fmt == "parquet" and out is None:
        fail("--format parquet writes a binary file: give it one with --out FILE.parquet")
    if fmt == "table" and out is not None:
        fail("--out needs --format csv, jsonl or parquet")
    first, last = _parse_date(since, "--since"), _parse_date(until, "--until")
    if first and last and first > last:  # type: ignore[operator]
        fail(f"--since {since} is after --until {until}")
    try:
        the_case = load_case(case)
    except FileNotFoundError:
        the_case = None  # maybe a case that only exists in the workspace (ingested articles)
    except CaseError as exc:
        fail(str(exc))
    try:
        with Workspace.open(data_dir) as ws:
            case_id = the_case.id if the_case else case
            if ws.count_events(case_id) == 0:
                if the_case is None:
                    fail(
                        f"no case {case!r}: not a case file, not a built-in case "
                        f"({', '.join(builtin_ids()) or 'none'}), and {ws.path} has no events "
                        f"for it (cases there: {', '.join(ws.case_ids()) or 'none'})"
                    )
                ws.load_case(the_case)
            events = ws.events(case_id, first, last)  # type: ignore[arg-type]
    except StoreError as exc:
        fail(str(exc))
    if fmt == "table":
        title = f"{the_case.title if the_case else case_id} — {len(events)} events"
        console.print(event_table(events, title=title))
        return
    try:
        if out is not None:
            write_events(events, out, fmt)
            err_console.print(f"wrote {len(events)} events to {out}", highlight=False)
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"events.{fmt}"
            write_events(events, path, fmt)
            sys.stdout.write(path.read_text(encoding="utf-8"))
    except StoreError as exc:
        fail(str(exc))


@app.command("demo")
def demo_cmd(
    out: Annotated[
        Path, typer.Option("--out", help="Directory for the demo workspace, exports and brief.")
    ] = Path("dualtrack-demo"),
    lang: Annotated[
        str, typer.Option("--lang", help="Brief language: en, zh-Hant, zh-Hans.")
    ] = "en",
    runs: Annotated[int, typer.Option("--runs", help="Forecast Monte Carlo runs.")] = 4000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 0,
    sources: Annotated[
        list[Path] | None,
        typer.Option("--sources", help="Folder of source texts whose spans the brief quotes."),
    ] = None,
) -> None:
    """Run the built-in US–Iran case end to end: workspace, sample articles, extraction,
    bargaining, forecast, and the analyst brief (brief.html, brief.md) under --out."""
    from dualtrack.cases import CaseError
    from dualtrack.demo import run_demo
    from dualtrack.report import languages
    from dualtrack.store import StoreError

    if lang not in languages():
        fail(f"--lang {lang!r}: choose one of {', '.join(languages())}")
    try:
        result = run_demo(
            out,
            console=console,
            progress_console=err_console,
            lang=lang,
            runs=runs,
            seed=seed,
            sources=sources,
        )
    except (CaseError, FileNotFoundError, StoreError, ValueError) as exc:
        fail(str(exc))
    exports = ", ".join(str(p) for p in result.exports.values())
    console.print(
        f"[bold]{result.case.id}[/]: {len(result.events)} events in workspace "
        f"{result.workspace} ({len(result.documents)} sample articles, "
        f"{result.extracted} extracted events)\nexports: {exports}",
        highlight=False,
        soft_wrap=True,
    )
    if result.extract_error:
        err_console.print(f"warning: {result.extract_error}", highlight=False, markup=False)
    if result.briefs:
        console.print(
            f"[bold]brief:[/] {result.briefs['html']}  (Markdown: {result.briefs['md']})",
            highlight=False,
            soft_wrap=True,
        )
        for line in result.summary:
            console.print(f"  • {line}", highlight=False, soft_wrap=True, markup=False)


@app.command("brief")
def brief_cmd(
    case: Annotated[str, typer.Option("--case", help="Built-in case id or case file.")],
    out: Annotated[Path, typer.Option("--out", help="File to write (brief.html or brief.md).")],
    asof: Annotated[
        str | None, typer.Option("--asof", help="Brief date YYYY-MM-DD (default: case asof).")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="en, zh-Hant or zh-Hans.")] = "en",
    fmt: Annotated[
        str | None, typer.Option("--format", help="html or md (default: by --out).")
    ] = None,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Use only the case file, not the workspace.")
    ] = False,
    sources: Annotated[
        list[Path] | None,
        typer.Option("--sources", help="Folder of source texts whose spans the brief quotes."),
    ] = None,
    runs: Annotated[int, typer.Option("--runs", help="Forecast Monte Carlo runs.")] = 4000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 0,
) -> None:
    """Write the analyst brief: one self-contained HTML file (or Markdown), every line sourced."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dualtrack.report import languages, make_brief, write_brief
    from dualtrack.store import StoreError

    day = _parse_date(asof, "--asof")
    if lang not in languages():
        fail(f"--lang {lang!r}: choose one of {', '.join(languages())}")
    if fmt is not None and fmt not in ("html", "md"):
        fail(f"--format {fmt!r}: choose html or md")
    if runs < 1:
        fail(f"--runs must be at least 1, got {runs}")
    the_case = _load_case_or_fail(case)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("brief", total=None)
        try:
            brief = make_brief(
                the_case,
                asof=day,  # type: ignore[arg-type]
                lang=lang,
                data_dir=data_dir,
                use_store=not no_store,
                sources=sources or [],
                runs=runs,
                seed=seed,
                step=lambda text: progress.update(task, description=text),
            )
            path = write_brief(brief, out, fmt)
        except (StoreError, FileNotFoundError, ValueError) as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{out}: cannot write the brief: {exc.strerror or exc}")
    console.print(str(path), highlight=False, soft_wrap=True)


@app.command("forecast")
def forecast_cmd(
    case: str = typer.Option(..., "--case", help="Built-in case id or case file."),
    asof: str | None = typer.Option(None, "--asof", help="Forecast date (default: end of data)."),
    horizon: int = typer.Option(90, "--horizon", help="Days ahead (1 to 1095)."),
    runs: int = typer.Option(10_000, "--runs", help="Monte Carlo runs."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same seed, same numbers)."),
    sets: list[str] = typer.Option(  # noqa: B008
        [], "--set", help="What-if lever KEY=VALUE (repeatable), e.g. incident_rate=x2."
    ),
    engine: str = typer.Option("local", "--engine", help="local or ray."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
    drivers: str = typer.Option("tornado", "--drivers", help="tornado, sobol or none."),
    sobol_samples: int = typer.Option(64, "--sobol-samples", help="Sobol base samples N (2^k)."),
    sobol_runs: int = typer.Option(200, "--sobol-runs", help="Runs per Sobol design point."),
) -> None:
    """Probabilities of agreement, talks, collapse, strikes and war at 7/30/90 days."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from dualtrack.simulate import InputError, forecast
    from dualtrack.simulate.render import forecast_view

    if fmt not in ("table", "json"):
        fail(f"--format must be 'table' or 'json', not {fmt!r}")
    if engine not in ("local", "ray"):
        fail(f"--engine must be 'local' or 'ray', not {engine!r}")
    day = _parse_date(asof, "--asof")
    loaded = _load_case_or_fail(case)
    bar = Progress(
        TextColumn("simulating"), BarColumn(), TextColumn("{task.completed:,}/{task.total:,} runs"),
        TimeElapsedColumn(), console=err_console, transient=True,
    )  # fmt: skip
    try:
        with bar:
            task = bar.add_task("runs", total=runs)
            result = forecast(
                loaded, asof=day, horizon=horizon, runs=runs, seed=seed, levers=sets,  # type: ignore[arg-type]
                engine=engine,  # type: ignore[arg-type]
                drivers=drivers, sobol_samples=sobol_samples, sobol_runs=sobol_runs,  # type: ignore[arg-type]
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )  # fmt: skip
    except InputError as exc:
        fail(str(exc))
    if fmt == "json":
        print(result.to_json())
        return
    console.print(forecast_view(result))


EXTRACT_FORMATS = ("jsonl", "table")
MAX_CHARS_HELP = "Skip (with a message) any one document longer than this many characters."


def _extractor_or_fail(case: str | None, lang: str) -> tuple[object, object]:
    from dualtrack.extract import Extractor

    if lang not in ("auto", "zh", "en"):
        fail(f"--lang must be auto, zh or en; not {lang!r}")
    the_case = _load_case_or_fail(case) if case else None
    return Extractor(the_case, lang=lang), the_case


WORKERS_HELP = "Processes extracting in parallel (default: the cores)."
ENGINE_HELP = "local (a process pool) or ray (a Ray cluster; local below ~2,000 articles)."


@app.command("extract")
def extract_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    lang: str = typer.Option("auto", "--lang", help="auto, zh or en."),
    date: str | None = typer.Option(None, "--date", help="Document date YYYY-MM-DD."),
    case: str | None = typer.Option(None, "--case", help="Case whose actor names to use."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one event per line) or table."),
    max_chars: int = typer.Option(2_000_000, "--max-chars", help=MAX_CHARS_HELP),
    workers: int | None = typer.Option(None, "--workers", help=WORKERS_HELP),
    engine: str = typer.Option("local", "--engine", help=ENGINE_HELP),
) -> None:
    """Print the events in articles (txt, md, html, jsonl) without touching any store."""
    import json

    from dualtrack.extract import ReadError, event_record
    from dualtrack.extract.bulk import spilled_extraction
    from dualtrack.extract.render import records_table
    from dualtrack.parallel import EngineError, default_workers

    if fmt not in EXTRACT_FORMATS:
        fail(f"--format must be jsonl or table; not {fmt!r}")
    day = _parse_date(date, "--date")
    ex, _ = _extractor_or_fail(case, lang)
    skipped: list[ReadError] = []

    def skip(item: ReadError) -> None:
        skipped.append(item)
        err_console.print(f"skipped {item}", highlight=False, markup=False, soft_wrap=True)

    try:
        with spilled_extraction(
            paths, ex, date=day, lang=lang, max_chars=max_chars, on_error=skip,  # type: ignore[arg-type]
            workers=workers or default_workers(), engine=engine,  # type: ignore[arg-type]
        ) as spill:  # fmt: skip
            records = (event_record(e, ex) for e in spill.events())  # type: ignore[arg-type]
            if fmt == "jsonl":
                for r in records:
                    print(json.dumps(r, ensure_ascii=False))
            else:
                rows = list(records)
                title = f"{len(rows)} events from {spill.documents} document(s)"
                console.print(records_table(rows, title=title))
    except EngineError as exc:
        fail(str(exc))
    if skipped:
        fail(f"{len(skipped)} input(s) skipped (see above); the others were read")


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    case: str = typer.Option(..., "--case", help="Built-in case id or case file."),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
    lang: str = typer.Option("auto", "--lang", help="auto, zh or en."),
    date: str | None = typer.Option(None, "--date", help="Document date YYYY-MM-DD."),
    max_chars: int = typer.Option(2_000_000, "--max-chars", help=MAX_CHARS_HELP),
    fmt: str = typer.Option("table", "--format", help="table or json (the summary)."),
    workers: int | None = typer.Option(None, "--workers", help=WORKERS_HELP),
    engine: str = typer.Option("local", "--engine", help=ENGINE_HELP),
) -> None:
    """Store articles with their events and stances in the workspace, and summarise.

    An interrupted ingest started again skips what it had already stored."""
    import json

    from dualtrack.extract.ingest import ingest
    from dualtrack.extract.reader import count_articles
    from dualtrack.extract.render import advance, article_bar
    from dualtrack.parallel import EngineError, default_workers
    from dualtrack.store import StoreError, Workspace

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json; not {fmt!r}")
    day = _parse_date(date, "--date")
    ex, the_case = _extractor_or_fail(case, lang)
    bar = article_bar(err_console, total := count_articles(paths))
    try:
        with Workspace.open(data_dir) as ws, bar:
            task = bar.add_task("ingesting", total=total, rate="…")
            summary = ingest(
                paths, ws, the_case.id, ex, date=day, lang=lang, max_chars=max_chars,  # type: ignore[attr-defined,arg-type]
                workers=workers or default_workers(), engine=engine,  # type: ignore[arg-type]
                on_document=lambda _d: advance(bar, task),
                on_error=lambda e: err_console.print(
                    f"skipped {e}", highlight=False, markup=False, soft_wrap=True
                ),
            )  # fmt: skip
    except (StoreError, EngineError) as exc:
        fail(str(exc))
    if fmt == "json":
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        d = summary.as_dict()
        unresolved = d["unresolved_actors"]
        console.print(
            f"documents: {d['documents_new']} new, {d['documents_seen']} already seen\n"
            f"events: {d['events_added']} added ({d['events_found']} found, "
            f"{d['undated_events']} undated); stances: {d['stances_added']} added\n"
            f"unresolved actors: {len(unresolved)}"  # type: ignore[arg-type]
            + (f" ({', '.join(unresolved[:10])})" if unresolved else "")  # type: ignore[index]
            + f"\nskipped inputs: {len(summary.skipped)}",
            highlight=False,
        )
    if summary.skipped:
        fail(f"{len(summary.skipped)} input(s) skipped (see above); the others were stored")
