"""`dualtrack extract` and `dualtrack ingest` end to end, bad inputs included."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dualtrack.cli import app

runner = CliRunner()
# The sanctions name whom they hit: the default (learned) coder keeps few acts without a target,
# which real news mostly gets wrong (benchmarks/real/README.md).
ZH = "美國財政部4日宣布對伊朗二十個實體實施制裁。伊朗外交部當天予以譴責。"
EN = "Oman mediated talks between Iran and the United States on Friday."


def _write(tmp_path: Path) -> list[str]:
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_extract_jsonl_prints_only_events_on_stdout(tmp_path: Path) -> None:
    res = runner.invoke(app, ["extract", *_write(tmp_path), "--date", "2026-02-08"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    keys = {
        "date",
        "date_precision",
        "actor",
        "actor_country",
        "target",
        "target_country",
        "via",
        "category",
        "mode",
        "quantities",
        "negated",
        "hypothetical",
        "evidence",
        "confidence",
    }
    assert all(keys <= set(r) for r in recs)
    sanction = next(r for r in recs if r["category"] == "SANCTION")
    assert sanction["actor_country"] == "USA" and sanction["date"] == "2026-02-04"
    assert sanction["quantities"] == [{"value": 20.0, "unit": "entity"}]
    talks = [r for r in recs if r["category"] == "CONSULT"]
    assert talks and all(r["via"] == "OMN" and r["date"] == "2026-02-06" for r in talks)


def test_extract_table_and_stdin(tmp_path: Path) -> None:
    res = runner.invoke(
        app, ["extract", "-", "--format", "table", "--date", "2026-02-08"], input=EN
    )
    assert res.exit_code == 0, res.output
    assert "CONSULT" in res.stdout and "OMN" in res.stdout


def test_extract_bad_inputs_exit_1_and_name_them(tmp_path: Path) -> None:
    good = _write(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Iran warned Israel on Monday."}\nnot json\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = runner.invoke(app, ["extract", *good, str(bad), str(empty), "--date", "2026-02-08"])
    assert res.exit_code == 1
    assert f"{bad}:2: not valid JSON" in res.stderr and f"{empty}: empty file" in res.stderr
    assert "2 input(s) skipped" in res.stderr
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert {r["category"] for r in recs} >= {"SANCTION", "CONSULT", "THREATEN"}


def test_extract_rejects_bad_options(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    assert runner.invoke(app, ["extract", *paths, "--date", "8/2/2026"]).exit_code == 1
    assert runner.invoke(app, ["extract", *paths, "--lang", "fr"]).exit_code == 1
    assert runner.invoke(app, ["extract", *paths, "--format", "xml"]).exit_code == 1


def test_ingest_stores_and_summarises(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    ws = tmp_path / "ws"
    args = [
        "ingest",
        *paths,
        "--case",
        "us-iran-2026",
        "--data-dir",
        str(ws),
        "--date",
        "2026-02-08",
        "--format",
        "json",
    ]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    first = json.loads(res.stdout)
    assert first["documents_new"] == 2 and first["events_added"] >= 3 and not first["skipped"]
    again = json.loads(runner.invoke(app, args).stdout)
    assert again["documents_new"] == 0 and again["documents_seen"] == 2
    assert again["events_added"] == 0
    from dualtrack.store import Workspace

    with Workspace.open(ws) as w:
        stored = w.events("us-iran-2026", None, None)
    assert any(e.category.value == "SANCTION" for e in stored)


def test_ingest_counts_skipped_inputs(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\xff" * 100)
    res = runner.invoke(
        app,
        [
            "ingest",
            *paths,
            str(binary),
            "--case",
            "us-iran-2026",
            "--data-dir",
            str(tmp_path / "ws"),
            "--date",
            "2026-02-08",
        ],
    )
    assert res.exit_code == 1
    assert "skipped inputs: 1" in res.stdout and f"{binary}" in res.stderr
    assert "documents: 2 new" in res.stdout


def test_extract_min_confidence_filters_and_checks_its_range(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    every = runner.invoke(app, ["extract", *paths, "--date", "2026-02-08"])
    recs = [json.loads(line) for line in every.stdout.splitlines()]
    cut = sorted(r["confidence"] for r in recs)[len(recs) // 2]
    some = runner.invoke(app, ["extract", *paths, "--date", "2026-02-08", "--min-confidence",
                               str(cut)])  # fmt: skip
    kept = [json.loads(line) for line in some.stdout.splitlines()]
    assert kept and all(r["confidence"] >= cut for r in kept)
    assert len(kept) == sum(1 for r in recs if r["confidence"] >= cut)
    bad = runner.invoke(app, ["extract", *paths, "--min-confidence", "1.5"])
    assert bad.exit_code == 1 and "--min-confidence" in bad.output


def test_extract_with_the_learned_coder(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    res = runner.invoke(app, ["extract", *paths, "--date", "2026-02-08", "--coder", "learned"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert all(0.0 <= r["confidence"] <= 1.0 for r in recs)
    bad = runner.invoke(app, ["extract", *paths, "--coder", "neural"])
    assert bad.exit_code == 1 and "--coder" in bad.output


def test_the_learned_coder_is_the_default_of_every_command(tmp_path: Path) -> None:
    """Without --coder, extract codes as --coder learned does; the CLI's default (written out so
    that it starts without loading the coder) is the pipeline's, which make_extractor takes."""
    from dualtrack import cli
    from dualtrack.extract.coders import make_extractor
    from dualtrack.extract.pipeline import DEFAULT_CODER

    assert cli.DEFAULT_CODER == DEFAULT_CODER == make_extractor().coder == "learned"
    paths = _write(tmp_path)
    plain = runner.invoke(app, ["extract", *paths, "--date", "2026-02-08"])
    learned = runner.invoke(app, ["extract", *paths, "--date", "2026-02-08", "--coder", "learned"])
    assert plain.exit_code == learned.exit_code == 0
    assert plain.stdout == learned.stdout and plain.stdout.strip()
