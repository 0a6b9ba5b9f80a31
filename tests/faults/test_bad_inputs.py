"""One bad input never stops `extract` or `ingest`: it is named, skipped and counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.cases import load_case
from dualtrack.cli import app
from dualtrack.extract import Extractor, ReadError, read_paths
from dualtrack.extract.ingest import ingest
from dualtrack.store import Workspace

runner = CliRunner()
GOOD = "The United States imposed new sanctions on Iran on Friday, officials in Washington said."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    lines = [
        json.dumps({"text": GOOD.replace("Friday", "Monday")}),
        '{"text": "a lone \\ud800 surrogate inside an otherwise ordinary article text"}',
        '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"text": GOOD.replace("Friday", "Tuesday")}),
    ]
    (d / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Over 200 KB of GB18030 Chinese, then a byte no GB18030 text has.
    body = ("美國對伊朗實施新的制裁，伊朗外交部長表示反對。" * 4400).encode("gb18030")
    assert len(body) > 200_000
    (d / "c.txt").write_bytes(body + b"\xff\xff\x80\x80" + body[:60])
    (d / "d.txt").write_text(GOOD.replace("Friday", "Sunday"), encoding="utf-8")
    return d


def _errors(items: list) -> list[ReadError]:
    return [i for i in items if isinstance(i, ReadError)]


def test_lone_surrogate_is_skipped_with_file_and_line(folder: Path) -> None:
    errors = _errors(list(read_paths([folder / "b.jsonl"])))
    assert any(e.line == 2 and "surrogate" in e.message for e in errors)


def test_deep_json_is_skipped_with_file_and_line(folder: Path) -> None:
    errors = _errors(list(read_paths([folder / "b.jsonl"])))
    assert any(e.line == 3 and "nested too deeply" in e.message for e in errors)


def test_bad_byte_after_the_guessed_part_is_skipped(folder: Path) -> None:
    errors = _errors(list(read_paths([folder / "c.txt"])))
    assert len(errors) == 1 and "c.txt" in errors[0].file and "offset" in errors[0].message


def test_ingest_stores_the_rest_and_counts_the_skipped(folder: Path, tmp_path: Path) -> None:
    case = load_case("us-iran-2026")
    with Workspace.open(tmp_path / "ws") as ws:
        summary = ingest([folder], ws, case.id, Extractor(case, lang="en"))
        assert ws.count_events(case.id) > 0
    assert len(summary.skipped) == 3
    assert summary.documents_new == 4  # a.txt, d.txt and the two good JSONL lines


def test_extract_cli_prints_every_good_event_and_a_summary(folder: Path) -> None:
    res = runner.invoke(app, ["extract", str(folder), "--lang", "en"])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert "3 input(s) skipped" in res.output
    for day in ("Friday", "Monday", "Tuesday", "Sunday"):  # every good document was read
        assert f"on Iran on {day}" in res.output
