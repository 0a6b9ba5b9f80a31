"""The `dualtrack` command line: thin commands over the Python API, Rich output, JSON on demand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from dualtrack import __version__
from dualtrack.cligroup import OneErrorGroup
from dualtrack.outputs import finite_json

if TYPE_CHECKING:
    from collections.abc import Callable

    from dualtrack.app import CaseData
    from dualtrack.extract import Extractor
    from dualtrack.model import Case

app = typer.Typer(
    name="dualtrack",
    help="Read crisis reporting, model the negotiation and confrontation tracks, and forecast.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=OneErrorGroup,
)
case_app = typer.Typer(help="List, show, validate and create case files.", no_args_is_help=True)
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


# The coder a command runs without --coder: dualtrack.extract.pipeline.DEFAULT_CODER, written out
# here so that the CLI starts without loading the coder (tests/test_cli_coder.py holds them equal).
DEFAULT_CODER = "learned"
CODER_HELP = (
    "learned (the default: trained on real news; calibrated confidence); rules; or llm (an "
    "OpenAI-compatible server, see --llm-url)."
)
LLM_URL_HELP = (
    "With --coder llm: the server's API root (default $DUALTRACK_LLM_URL, else "
    "http://127.0.0.1:8080/v1); its key comes from $DUALTRACK_LLM_KEY."
)
LLM_MODEL_HELP = "With --coder llm: the model (default $DUALTRACK_LLM_MODEL, else the server's)."


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


def _case_data_or_fail(
    ref: str,
    data_dir: Path | None,
    asof: object = None,
    use_store: bool = True,
    documents: bool = True,
) -> CaseData:
    """The case's one event set (case file ∪ workspace) as of `asof`, or exit 1 saying why."""
    from dualtrack.app import CaseDataError, load_case_data
    from dualtrack.cases import CaseError
    from dualtrack.store import StoreError

    try:
        return load_case_data(ref, data_dir, asof=asof, use_store=use_store, documents=documents)  # type: ignore[arg-type]
    except CaseError:
        _load_case_or_fail(ref)  # prints every problem of the file, then exits
        raise
    except (CaseDataError, StoreError, FileNotFoundError) as exc:
        fail(str(exc))
        raise


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

    from dualtrack.app import check_case_file
    from dualtrack.cases import case_path, case_summary

    if fmt not in ("text", "json"):
        fail(f"--format must be 'text' or 'json', not {fmt!r}")
    try:
        path = case_path(file)
    except FileNotFoundError as exc:
        fail(str(exc))
    the_case, problems = check_case_file(path)
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


@case_app.command("init")
def case_init_cmd(
    case_id: str = typer.Argument(..., help="Id of the new case, e.g. border-2026."),
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: ./ID.yaml).")
    ] = None,
) -> None:
    """Write a blank, commented case file with one example of each part (never overwrites)."""
    from dualtrack.cases.template import write_template

    try:
        path = write_template(case_id, out)
    except FileExistsError:
        fail(f"{out or case_id + '.yaml'}: file exists; choose another --out or remove it")
    except ValueError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{out or case_id + '.yaml'}: cannot write the case file: {exc.strerror or exc}")
    console.print(f"wrote {path}; check it with `dualtrack case validate {path}`", highlight=False)


@case_app.command("new")
def case_new_cmd(
    case_id: Annotated[str, typer.Argument(help="Id of the new case, e.g. border-2026.")],
    more: Annotated[
        list[str] | None, typer.Argument(help="More articles after --from's first.")
    ] = None,
    paths: Annotated[
        list[str] | None, typer.Option("--from", help="Articles: files or folders.")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title of the case.")] = None,
    asof: Annotated[
        str | None, typer.Option("--asof", help="As-of date YYYY-MM-DD (default: last event).")
    ] = None,
    interactive: Annotated[
        bool, typer.Option("--interactive", help="Ask for parties, mediator and agenda items.")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: ./ID.yaml).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")] = False,
    lang: str = typer.Option("auto", "--lang", help="auto, zh or en."),
    coder: str = typer.Option(DEFAULT_CODER, "--coder", help=CODER_HELP),
    llm_url: str | None = typer.Option(None, "--llm-url", help=LLM_URL_HELP),
    llm_model: str | None = typer.Option(None, "--llm-model", help=LLM_MODEL_HELP),
) -> None:
    """Draft a commented case file from articles: actors, roles with their evidence, agenda,
    ICB features (defaults marked 'analyst: check'); then `ingest` the articles into it."""
    from dualtrack.cases.draft import ask_choices, draft_case, read_documents
    from dualtrack.cases.draftfile import write_draft
    from dualtrack.cases.template import CASE_ID
    from dualtrack.outputs import check_out

    if not CASE_ID.match(case_id):
        fail(f"case id {case_id!r}: use lower-case letters, digits and hyphens, e.g. 'border-2026'")
    paths = [*(paths or []), *(more or [])]
    if not paths:
        fail("--from: give the articles to draft the case from (files or folders)")
    check_out(out or Path(f"{case_id}.yaml"), force=force)  # before minutes of reading
    day = _parse_date(asof, "--asof")
    make = _extractor_factory(lang, coder, (llm_url, llm_model))
    draft = draft_case(read_documents(paths, lang), case_id, make, title=title, asof=day)  # type: ignore[arg-type]
    if interactive:
        draft = ask_choices(draft, lambda q, d: typer.prompt(q, default=d))
    path = write_draft(draft, out, force=force)
    roles = ", ".join(f"{p.role.value} {p.actor}" for p in draft.roles) or "no roles proposed"
    console.print(f"wrote {path} ({len(draft.actors)} actors; {roles}); check it with "
                  f"`dualtrack case validate {path}`", highlight=False)  # fmt: skip


@backtest_app.command("icb")
def backtest_icb(
    path: str = typer.Argument(
        ..., help="Folder with icb1v14.csv and icb2v14.csv, or one of them."
    ),
    split: str = typer.Option("all", "--split", help="random, temporal or all."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Score the ICB base-rate models against climatology on held-out crises."""

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
        print(finite_json(payload, indent=2))
        return
    for report in reports.values():
        console.print(backtest_table(report))
        console.print(f"[dim]split: {report.description}[/]", soft_wrap=True)


@backtest_app.command("simulation")
def backtest_simulation_cmd(
    path: str = typer.Argument(
        ..., help="Folder with icb1v14.csv and icb2v14.csv, or one of them."
    ),
    runs: int = typer.Option(1000, "--runs", help="Simulation runs per crisis."),
    seed: int = typer.Option(11, "--seed", help="Random seed (same seed, same numbers)."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Score the crisis simulation on held-out ICB crises beside climatology and the logit."""
    from dualtrack.calibrate import IcbDataError, load_icb
    from dualtrack.simulate.backtest import run_simulation_backtest
    from dualtrack.simulate.render import simulation_backtest_view

    if fmt not in ("table", "json"):
        fail(f"--format must be 'table' or 'json', not {fmt!r}")
    if runs < 1:
        fail(f"--runs must be at least 1, got {runs}")
    try:
        crises = load_icb(path)
    except IcbDataError as exc:
        fail(str(exc))
    with err_console.status("fitting the logits on the training part, simulating every crisis"):
        report = run_simulation_backtest(crises, runs=runs, seed=seed)
    if fmt == "json":
        print(report.model_dump_json(indent=2))
        return
    console.print(simulation_backtest_view(report))


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
    asof: str | None = typer.Option(None, "--asof", help="Case input: positions as of this date."),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
) -> None:
    """Forecast where each issue settles with the spatial bargaining models (a case's positions
    are moved by the stances reported up to --asof, in the case file and the workspace)."""

    from rich import box
    from rich.table import Table

    from dualtrack.bargain import BargainInputError, forecast

    if fmt not in ("table", "json"):
        fail(f"--format must be 'table' or 'json', not {fmt!r}")
    day = _parse_date(asof, "--asof")
    inputs: object = source
    if not source.lower().endswith(".csv"):
        inputs = _case_data_or_fail(source, data_dir, day).case
    try:
        with err_console.status("running the bargaining models"):
            result = forecast(inputs, issue, model, rounds, draws, seed)  # type: ignore[arg-type]
    except (BargainInputError, FileNotFoundError, KeyError, ValueError) as exc:
        fail(str(exc.args[0]) if isinstance(exc, KeyError) else str(exc))
    if fmt == "json":
        print(finite_json(result, indent=2))
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
        print(finite_json(report, indent=2))
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
FORCE_HELP = "Replace --out if it exists (never the workspace or an input)."
MIN_CONFIDENCE_HELP = "Only events whose confidence is at least this (0 to 1)."


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
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
    min_confidence: float = typer.Option(0.0, "--min-confidence", help=MIN_CONFIDENCE_HELP),
    include_rejected: bool = typer.Option(
        False, "--include-rejected", help="List events an analyst rejected too (marked so)."
    ),
) -> None:
    """A case's events by date: the case file's merged with the workspace's, analyst
    corrections applied (read only); files carry each event's review status."""
    import sys
    import tempfile

    from dualtrack.event_table import event_table
    from dualtrack.outputs import check_out
    from dualtrack.store import StoreError, write_events

    if fmt not in EVENT_FORMATS:
        fail(f"--format must be one of {', '.join(EVENT_FORMATS)}; not {fmt!r}")
    if fmt == "parquet" and out is None:
        fail("--format parquet writes a binary file: give it one with --out FILE.parquet")
    if fmt == "table" and out is not None:
        fail("--out needs --format csv, jsonl or parquet")
    if out is not None:
        check_out(out, force=force, inputs=[case], data_dir=data_dir)
    first, last = _parse_date(since, "--since"), _parse_date(until, "--until")
    if first and last and first > last:  # type: ignore[operator]
        fail(f"--since {since} is after --until {until}")
    _check_min_confidence(min_confidence)
    data = _case_data_or_fail(case, data_dir)
    shown = data.events
    if include_rejected:  # dated, like every event of the set
        shown = sorted([*shown, *data.rejected], key=lambda e: (e.date, e.id))  # type: ignore[arg-type,return-value]
    events = [
        e
        for e in shown
        if (first is None or e.date >= first)  # type: ignore[operator]
        and (last is None or e.date <= last)  # type: ignore[operator]
        and e.confidence >= min_confidence
    ]
    if fmt == "table":
        title = f"{data.case.title} — {len(events)} events"
        if data.rejected and not include_rejected:
            title += f" ({len(data.rejected)} rejected not shown: --include-rejected)"
        console.print(event_table(events, title=title, review=data.review))
        return
    try:
        if out is not None:
            write_events(events, out, fmt, review=data.review)
            err_console.print(f"wrote {len(events)} events to {out}", highlight=False)
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"events.{fmt}"
            write_events(events, path, fmt, review=data.review)
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
    case: Annotated[
        str, typer.Option("--case", help="Built-in case id (see `case list`) or case file.")
    ] = "us-iran-2026",
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Workspace directory (default: --out).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write into --out even if it holds other files.")
    ] = False,
) -> None:
    """Run a built-in case (default: US–Iran 2026) end to end: workspace, sample articles,
    extraction, bargaining, forecast, and the analyst brief (brief.html, brief.md) under --out."""
    from dualtrack.cases import CaseError
    from dualtrack.demo import run_demo
    from dualtrack.outputs import check_out_dir
    from dualtrack.report import languages
    from dualtrack.store import StoreError

    if lang not in languages():
        fail(f"--lang {lang!r}: choose one of {', '.join(languages())}")
    check_out_dir(out, force=force)
    try:
        result = run_demo(
            out,
            console=console,
            progress_console=err_console,
            case_ref=case,
            lang=lang,
            runs=runs,
            seed=seed,
            sources=sources,
            data_dir=data_dir,
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
    since: Annotated[
        str | None,
        typer.Option("--since", help="First day of the charts YYYY-MM-DD (default: 30 days)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help=MIN_CONFIDENCE_HELP)
    ] = 0.0,
) -> None:
    """Write the analyst brief: one self-contained HTML file (or Markdown), every line sourced;
    extracted events below even odds are marked as the coder's reading, not stated as fact."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dualtrack.outputs import check_out, format_of
    from dualtrack.report import languages, write_brief
    from dualtrack.report.pipeline import brief_parts
    from dualtrack.report.render import BRIEF_SUFFIXES
    from dualtrack.store import StoreError

    day = _parse_date(asof, "--asof")
    first = _parse_date(since, "--since")
    if lang not in languages():
        fail(f"--lang {lang!r}: choose one of {', '.join(languages())}")
    if fmt is not None and fmt not in ("html", "md"):
        fail(f"--format {fmt!r}: choose html or md")
    if runs < 1:
        fail(f"--runs must be at least 1, got {runs}")
    _check_min_confidence(min_confidence)
    check_out(out, force=force, inputs=[case, *(sources or [])], data_dir=data_dir)
    fmt = format_of(out, fmt, BRIEF_SUFFIXES, "--out")
    data = _case_data_or_fail(case, data_dir, day, use_store=not no_store, documents=False)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("brief", total=None)
        try:
            brief = brief_parts(
                data,
                lang=lang,
                sources=sources or [],
                since=first,  # type: ignore[arg-type]
                runs=runs,
                seed=seed,
                step=lambda text: progress.update(task, description=text),
                min_confidence=min_confidence,
            ).brief
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
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
    driver_target: str = typer.Option(
        "first_strike",
        "--driver-target",
        help="What the drivers explain by --horizon: first_strike (strikes within the window), "
        "ceasefire_reached, agreement_signed, round_held, agreement or limited_strikes+major_war.",
    ),
) -> None:
    """Probabilities of agreement, talks, collapse, strikes and war at 7/30/90 days, from the
    case file's events and the workspace's (ingested news) up to --asof."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from dualtrack.simulate import InputError, forecast
    from dualtrack.simulate.render import forecast_view

    if fmt not in ("table", "json"):
        fail(f"--format must be 'table' or 'json', not {fmt!r}")
    if engine not in ("local", "ray"):
        fail(f"--engine must be 'local' or 'ray', not {engine!r}")
    day = _parse_date(asof, "--asof")
    data = _case_data_or_fail(case, data_dir, day)
    loaded, day = data.case, data.asof
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
                driver_target=driver_target,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )  # fmt: skip
    except InputError as exc:
        fail(str(exc))
    if fmt == "json":
        print(result.to_json())
        return
    console.print(forecast_view(result))


REPLAY_FORMATS = ("table", "json", "csv")


@app.command("replay")
def replay_cmd(
    case: str = typer.Option(..., "--case", help="Built-in case id, case file or workspace case."),
    start: str = typer.Option(..., "--from", help="First date YYYY-MM-DD."),
    end: str = typer.Option(..., "--to", help="Last date YYYY-MM-DD."),
    every: str = typer.Option("1d", "--every", help="1d or 7d."),
    runs: int = typer.Option(2000, "--runs", help="Monte Carlo runs per date."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same seed, same numbers)."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
) -> None:
    """The forecast and the picture's headline numbers at each date as the news stood then,
    stored as runs in the workspace, and what moved between dates (fields and events)."""
    import csv
    import sys

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from dualtrack.app import CaseDataError
    from dualtrack.cases import CaseError
    from dualtrack.replay import replay, replay_table
    from dualtrack.simulate import InputError
    from dualtrack.store import StoreError

    if fmt not in REPLAY_FORMATS:
        fail(f"--format must be one of {', '.join(REPLAY_FORMATS)}; not {fmt!r}")
    if runs < 1:
        fail(f"--runs must be at least 1, got {runs}")
    first, last = _parse_date(start, "--from"), _parse_date(end, "--to")
    bar = Progress(
        TextColumn("replaying"), BarColumn(), TextColumn("{task.completed}/{task.total} dates"),
        TimeElapsedColumn(), console=err_console, transient=True,
    )  # fmt: skip
    try:
        with bar:
            task = bar.add_task("dates", total=None)
            result = replay(
                case, first, last, every=every, data_dir=data_dir, runs=runs, seed=seed,  # type: ignore[arg-type]
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )  # fmt: skip
    except CaseError:
        _load_case_or_fail(case)
        raise
    except (CaseDataError, InputError, StoreError, FileNotFoundError) as exc:
        fail(str(exc))
    if fmt == "json":
        print(result.model_dump_json(indent=2))
    elif fmt == "csv":
        rows = result.rows()
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        console.print(replay_table(result))


EXTRACT_FORMATS = ("jsonl", "table")
MAX_CHARS_HELP = "Skip (with a message) any one document longer than this many characters."


def _check_min_confidence(value: float) -> None:
    if not 0.0 <= value <= 1.0:
        fail(f"--min-confidence must be between 0 and 1; not {value}")


def _extractor_factory(
    lang: str,
    coder: str = DEFAULT_CODER,
    llm: tuple[str | None, str | None] = (None, None),
    workspace: Path | None = None,
    on_progress: object = None,
) -> Callable[[Case | None], Extractor]:
    """The one way a command builds its extractor for a case (options checked here; `llm`:
    --llm-url, --llm-model); see `make_extractor`."""
    from dualtrack.extract.coders import LLMSettings, make_extractor
    from dualtrack.extract.pipeline import CODERS

    if lang not in ("auto", "zh", "en"):
        fail(f"--lang must be auto, zh or en; not {lang!r}")
    if coder not in CODERS:
        fail(f"--coder must be one of {', '.join(CODERS)}; not {coder!r}")
    if coder != "llm" and any(llm):
        fail("--llm-url and --llm-model go with --coder llm")
    settings = LLMSettings.from_env(*llm) if coder == "llm" else None
    if settings is not None and not settings.local:
        err_console.print(f"note: article texts are sent to {settings.url}", markup=False)
    return lambda the_case: make_extractor(
        the_case, lang=lang, coder=coder, llm=settings, workspace=workspace,
        on_progress=on_progress,  # type: ignore[arg-type]
    )  # fmt: skip


def _extractor_or_fail(
    case: str | None,
    lang: str,
    coder: str = DEFAULT_CODER,
    llm: tuple[str | None, str | None] = (None, None),
    workspace: Path | None = None,
    on_progress: object = None,
) -> tuple[object, object]:
    """The extractor for --coder and the case it reads with (loaded once)."""
    make = _extractor_factory(lang, coder, llm, workspace, on_progress)
    the_case = _load_case_or_fail(case) if case else None
    return make(the_case), the_case


def _llm_outcome(ex: object, not_coded: dict[str, str], what: str) -> None:
    """After an LLM run: what it cost on stderr, and each document it could not code."""
    llm = getattr(ex, "llm", None)
    if llm is None:
        return
    err_console.print(llm.report(), highlight=False, markup=False, soft_wrap=True)
    for line in not_coded.values():
        err_console.print(f"not coded: {line}", highlight=False, markup=False, soft_wrap=True)
    if not_coded:
        fail(
            f"the LLM at {llm.settings.url} could not code {len(not_coded)} document(s) "
            f"(listed above); the others were {what}"
        )


WORKERS_HELP = "Processes extracting in parallel (default: the cores)."
ENGINE_HELP = "local (a process pool) or ray (a Ray cluster; local below ~2,000 articles)."


@app.command("extract")
def extract_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    lang: str = typer.Option("auto", "--lang", help="auto, zh or en."),
    date: str | None = typer.Option(None, "--date", help="Document date YYYY-MM-DD."),
    case: str | None = typer.Option(None, "--case", help="Case whose actor names to use."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one event per line) or table."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help=MAX_CHARS_HELP),
    min_confidence: float = typer.Option(0.0, "--min-confidence", help=MIN_CONFIDENCE_HELP),
    coder: str = typer.Option(DEFAULT_CODER, "--coder", help=CODER_HELP),
    llm_url: str | None = typer.Option(None, "--llm-url", help=LLM_URL_HELP),
    llm_model: str | None = typer.Option(None, "--llm-model", help=LLM_MODEL_HELP),
    workers: int | None = typer.Option(None, "--workers", help=WORKERS_HELP),
    engine: str = typer.Option("local", "--engine", help=ENGINE_HELP),
) -> None:
    """Print the events in articles (txt, md, html, jsonl) without touching any store."""
    import contextlib
    import json

    from dualtrack.extract import ReadError, event_record
    from dualtrack.extract.bulk import spilled_extraction
    from dualtrack.extract.render import bar_meter, llm_bar, records_table
    from dualtrack.parallel import EngineError, default_workers

    if fmt not in EXTRACT_FORMATS:
        fail(f"--format must be jsonl or table; not {fmt!r}")
    day = _parse_date(date, "--date")
    _check_min_confidence(min_confidence)
    bar = llm_bar(err_console) if coder == "llm" else contextlib.nullcontext()
    ex, _ = _extractor_or_fail(case, lang, coder, (llm_url, llm_model), None, bar_meter(bar))
    skipped: list[ReadError] = []

    def skip(item: ReadError) -> None:
        skipped.append(item)
        err_console.print(f"skipped {item}", highlight=False, markup=False, soft_wrap=True)

    try:
        with bar, spilled_extraction(
            paths, ex, date=day, lang=lang, max_chars=max_chars, on_error=skip,  # type: ignore[arg-type]
            workers=workers or default_workers(), engine=engine,  # type: ignore[arg-type]
        ) as spill:  # fmt: skip
            kept = (e for e in spill.events() if e.confidence >= min_confidence)
            records = (event_record(e, ex) for e in kept)  # type: ignore[arg-type]
            if fmt == "jsonl":
                for r in records:
                    print(json.dumps(r, ensure_ascii=False))
            else:
                rows = list(records)
                title = f"{len(rows)} events from {spill.documents} document(s)"
                console.print(records_table(rows, title=title))
    except EngineError as exc:
        fail(str(exc))
    _llm_outcome(ex, spill.failed, "read")
    if skipped:
        fail(f"{len(skipped)} input(s) skipped (see above); the others were read")


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    case: str = typer.Option(..., "--case", help="Built-in case id or case file."),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
    lang: str = typer.Option("auto", "--lang", help="auto, zh or en."),
    date: str | None = typer.Option(None, "--date", help="Document date YYYY-MM-DD."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help=MAX_CHARS_HELP),
    fmt: str = typer.Option("table", "--format", help="table or json (the summary)."),
    workers: int | None = typer.Option(None, "--workers", help=WORKERS_HELP),
    engine: str = typer.Option("local", "--engine", help=ENGINE_HELP),
    coder: str = typer.Option(DEFAULT_CODER, "--coder", help=CODER_HELP),
    llm_url: str | None = typer.Option(None, "--llm-url", help=LLM_URL_HELP),
    llm_model: str | None = typer.Option(None, "--llm-model", help=LLM_MODEL_HELP),
) -> None:
    """Store articles with their events and stances in the workspace, and summarise.

    An interrupted ingest started again skips what it had already stored."""
    import json

    from dualtrack.extract.ingest import ingest
    from dualtrack.extract.reader import count_articles
    from dualtrack.extract.render import advance, article_bar, bar_meter
    from dualtrack.parallel import EngineError, default_workers
    from dualtrack.store import StoreError, Workspace
    from dualtrack.store.paths import workspace_dir

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json; not {fmt!r}")
    urls = [p for p in paths if p.lower().startswith(("http://", "https://"))]
    if urls:
        fail(
            f"{urls[0]}: ingest reads files and folders; to fetch from the web use "
            f"`dualtrack watch --case {case} --once URL` (a feed or sitemap URL, or a text file "
            "listing article URLs), which fetches with timeouts and conditional GET"
        )
    day = _parse_date(date, "--date")
    bar = article_bar(err_console, total := count_articles(paths))
    ex, the_case = _extractor_or_fail(
        case, lang, coder, (llm_url, llm_model), workspace_dir(data_dir), bar_meter(bar)
    )
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
    _llm_outcome(ex, summary.not_coded, "stored")
    if summary.skipped:
        fail(f"{len(summary.skipped)} input(s) skipped (see above); the others were stored")


@app.command("watch")
def watch_cmd(
    sources: Annotated[
        list[str], typer.Argument(help="Feed or sitemap URLs, files listing URLs, folders.")
    ],
    case: str = typer.Option(..., "--case", help="Built-in case id or case file."),
    every: str | None = typer.Option(None, "--every", help="Poll interval, e.g. 15m (default)."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron and tests)."),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
    alerts: Annotated[Path | None, typer.Option("--alerts", help="Alert rules YAML file.")] = None,
    log: Annotated[
        Path | None, typer.Option("--log", help="Append alerts to this JSONL file.")
    ] = None,
    webhook: str | None = typer.Option(None, "--webhook", help="POST each alert as JSON here."),
    lang: str = typer.Option("auto", "--lang", help="auto, zh or en."),
    timeout: float = typer.Option(20.0, "--timeout", help="Seconds to wait for a server."),
    retries: int = typer.Option(2, "--retries", help="Retries of a failed fetch, with backoff."),
    rate: float = typer.Option(1.0, "--rate", help="Requests per second per host."),
    max_bytes: int = typer.Option(10 * 1024 * 1024, "--max-bytes", help="Response size cap."),
    runs: int = typer.Option(4000, "--runs", help="Forecast Monte Carlo runs per recompute."),
    seed: int = typer.Option(0, "--seed", help="Random seed of the forecast."),
    coder: str = typer.Option(DEFAULT_CODER, "--coder", help=CODER_HELP),
    llm_url: str | None = typer.Option(None, "--llm-url", help=LLM_URL_HELP),
    llm_model: str | None = typer.Option(None, "--llm-model", help=LLM_MODEL_HELP),
) -> None:
    """Follow feeds, sitemaps, URL lists and folders: ingest new articles, recompute the
    picture and forecast, and deliver alerts (stdout, --log JSONL, --webhook)."""
    from dualtrack.store import StoreError
    from dualtrack.store.paths import workspace_dir
    from dualtrack.watch import RulesError, WatchError, WatchOptions, load_rules, parse_every
    from dualtrack.watch.deliver import Delivery
    from dualtrack.watch.watcher import watch_loop

    def say(line: str) -> None:
        console.print(line, highlight=False, markup=False, soft_wrap=True)

    def warn(line: str) -> None:
        err_console.print(line, highlight=False, markup=False, soft_wrap=True)

    if once and every is not None:
        fail("give --once or --every, not both")
    if lang not in ("auto", "zh", "en"):
        fail(f"--lang must be auto, zh or en; not {lang!r}")
    ex, the_case = _extractor_or_fail(
        case, lang, coder, (llm_url, llm_model), workspace_dir(data_dir)
    )
    try:
        interval = None if once else parse_every(every or "15m")
        rules = load_rules(alerts) if alerts is not None else []
        delivery = Delivery(say, warn, log=log, webhook=webhook)
        delivery.check()
        opts = WatchOptions(timeout=timeout, retries=retries, rate=rate, max_bytes=max_bytes,
                            lang=lang, runs=runs, seed=seed)  # fmt: skip
        opts.check()
        failed = watch_loop(
            the_case, sources, every=interval, data_dir=data_dir, options=opts, rules=rules,  # type: ignore[arg-type]
            deliver=delivery, say=say, warn=warn, extractor=ex,  # type: ignore[arg-type]
        )  # fmt: skip
    except RulesError as exc:
        for problem in exc.problems:
            warn(str(problem))
        fail(f"{len(exc.problems)} problem(s) in alert rules {exc.path}")
    except (WatchError, StoreError) as exc:
        fail(str(exc))
    if failed:
        fail(f"{failed} source(s) or page(s) skipped (see above); the others were read")


review_app = typer.Typer(
    help="Accept, reject, edit or add events: analyst corrections every command reads.",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")
REVIEW_CASE_HELP = "Built-in case id, case file, or a case id already in the workspace."
AUTHOR_HELP = "Who makes the correction (default: $DUALTRACK_AUTHOR, else the login name)."
SET_HELP = "FIELD=VALUE (repeatable): category, mode, actor, target, via, date, date_end, flags "
SET_HELP += "(comma-separated names), summary, location, context; an empty VALUE clears it."
EventIdArg = Annotated[str, typer.Argument(help="The event's id (see `dualtrack events`).")]
ReviewCase = Annotated[str, typer.Option("--case", help=REVIEW_CASE_HELP)]
DataDir = Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)]
Author = Annotated[str | None, typer.Option("--author", help=AUTHOR_HELP)]
Note = Annotated[str, typer.Option("--note", help="Why (kept with the correction).")]
ReviewFormat = Annotated[
    str, typer.Option("--format", help="table or json (the stored correction).")
]


def _review(
    action: str, case: str, event_id: str | None, fields: dict[str, object] | None,
    data_dir: Path | None, author: str | None, note: str, fmt: str,
) -> None:  # fmt: skip
    from dualtrack.review import correct, summary_line

    if fmt not in ("table", "json"):
        fail(f"--format must be table or json; not {fmt!r}")
    done = correct(case, action, event_id, fields, data_dir=data_dir, author=author, note=note)
    if fmt == "json":
        print(done.model_dump_json())
    else:
        console.print(summary_line(done), highlight=False, markup=False, soft_wrap=True)


@review_app.command("accept")
def review_accept_cmd(
    event_id: EventIdArg,
    case: ReviewCase,
    data_dir: DataDir = None,
    author: Author = None,
    note: Note = "",
    fmt: ReviewFormat = "table",
) -> None:
    """Mark an event as right as extracted (drops earlier edits of it)."""
    _review("accept", case, event_id, None, data_dir, author, note, fmt)


@review_app.command("reject")
def review_reject_cmd(
    event_id: EventIdArg,
    case: ReviewCase,
    data_dir: DataDir = None,
    author: Author = None,
    note: Note = "",
    fmt: ReviewFormat = "table",
) -> None:
    """Reject an event: it leaves every analysis (`events --include-rejected` still lists it)."""
    _review("reject", case, event_id, None, data_dir, author, note, fmt)


@review_app.command("edit")
def review_edit_cmd(
    event_id: EventIdArg,
    sets: Annotated[list[str], typer.Option("--set", help=SET_HELP)],
    case: ReviewCase,
    data_dir: DataDir = None,
    author: Author = None,
    note: Note = "",
    fmt: ReviewFormat = "table",
) -> None:
    """Change an event's fields; it keeps its id, and its evidence stays as extracted."""
    from dualtrack.review import parse_sets

    _review("edit", case, event_id, parse_sets(sets), data_dir, author, note, fmt)  # type: ignore[arg-type]


@review_app.command("add")
def review_add_cmd(
    case: ReviewCase,
    doc: str = typer.Option(..., "--doc", help="Id of the stored document that reports it."),
    span: str = typer.Option(..., "--span", help="START:END character offsets in its text."),
    sets: Annotated[list[str], typer.Option("--set", help=SET_HELP)] = [],  # noqa: B006
    data_dir: DataDir = None,
    author: Author = None,
    note: Note = "",
    fmt: ReviewFormat = "table",
) -> None:
    """Add an event the coder missed, with its evidence span (actor, category and date needed)."""
    from dualtrack.review import parse_sets, parse_span

    start, end = parse_span(span)
    fields = {**parse_sets(sets), "doc_id": doc, "start": start, "end": end}
    _review("add", case, None, fields, data_dir, author, note, fmt)


@review_app.command("list")
def review_list_cmd(
    case: str = typer.Option(..., "--case", help=REVIEW_CASE_HELP),
    event: str | None = typer.Option(None, "--event", help="Only this event's corrections."),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
    fmt: str = typer.Option("table", "--format", help="table or jsonl."),
) -> None:
    """A case's corrections, oldest first: who changed what, when and why."""
    from dualtrack.review import corrections, corrections_table

    if fmt not in ("table", "jsonl"):
        fail(f"--format must be table or jsonl; not {fmt!r}")
    found = corrections(case, data_dir=data_dir, event_id=event)
    if fmt == "jsonl":
        for c in found:
            print(c.model_dump_json())
        return
    console.print(corrections_table(found, title=f"{len(found)} correction(s)"))


@app.command("serve")
def serve_cmd(
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help=DATA_DIR_HELP)] = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (others: --token)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    token: str | None = typer.Option(
        None, "--token", help="Access token every request must carry (default: $DUALTRACK_TOKEN)."
    ),
    read_only: bool = typer.Option(False, "--read-only", help="Serve without the review actions."),
) -> None:
    """A local web dashboard: cases, overview, timeline with sources, ledger, positions, alerts,
    compare, and the review of events (accept, reject, edit, add)."""
    from dualtrack.serve import serve

    serve(data_dir, host=host, port=port, token=token, read_only=read_only)
