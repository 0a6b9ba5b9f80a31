"""Every way a command can fail ends as one `error:` line on stderr, exit 1, nothing on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dualtrack.app import load_case_data
from dualtrack.cases import load_case
from dualtrack.cli import app
from dualtrack.errors import printable
from dualtrack.extract import ReadError, read_paths
from dualtrack.store import DB_FILE, Workspace

runner = CliRunner()


def _one_error(res) -> str:  # type: ignore[no-untyped-def]
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    assert res.stdout == ""
    return lines[0]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_stdout_to_a_full_device(tmp_path: Path) -> None:
    code = "from dualtrack.cli import app; app(prog_name='dualtrack')"
    argv = [sys.executable, "-c", code, "case", "list", "--format", "json"]
    with open("/dev/full", "w") as full:
        proc = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["error: <stdout>: No space left on device"]


def test_usage_errors_exit_1_like_every_bad_input() -> None:
    line = _one_error(runner.invoke(app, ["bargain", "us-iran-2026", "--rounds", "many"]))
    assert "--rounds" in line
    assert "nope" in _one_error(runner.invoke(app, ["nope"]))


def test_negative_seed_and_max_chars(tmp_path: Path) -> None:
    assert "--seed" in _one_error(
        runner.invoke(app, ["forecast", "--case", "us-iran-2026", "--seed", "-1", "--runs", "10"])
    )
    (tmp_path / "a.txt").write_text("An article about nothing at all, long enough.", "utf-8")
    assert "--max-chars" in _one_error(
        runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--max-chars", "-1"])
    )


def test_a_half_truncated_workspace(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    with Workspace.open(home) as ws:
        ws.load_case(load_case("us-iran-2026"))
    db = home / DB_FILE
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2)
    res = runner.invoke(app, ["events", "--case", "us-iran-2026", "--data-dir", str(home)])
    assert "truncated" in _one_error(res) and str(db) in res.stderr


def test_a_garbage_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    text = "An article long enough to be read as one, about nothing in particular."
    path.write_text(json.dumps({"text": text, "date": "2026-02-06garbage"}) + "\n", "utf-8")
    (item,) = read_paths([path])
    assert isinstance(item, ReadError) and "2026-02-06garbage" in item.message
    line = _one_error(runner.invoke(app, ["extract", str(path), "--date", "2026-02-06garbage"]))
    assert "--date" in line


def test_names_printed_to_a_terminal_carry_no_escape_sequences(tmp_path: Path) -> None:
    assert printable("a\x1b[31mred\x07.txt") == "a\\x1b[31mred\\x07.txt"
    assert printable("中文 name\ttab\n") == "中文 name\ttab\n"
    evil = tmp_path / "evil\x1b[2J.txt"
    evil.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path)])
    assert "\x1b" not in res.output and "evil\\x1b[2J.txt" in res.output
    res = runner.invoke(app, ["events", "--case", "x\x1b[2Jy", "--data-dir", str(tmp_path / "w")])
    assert "\x1b" not in res.output and res.exit_code == 1


def test_brief_reads_the_workspace_read_only(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    case = load_case("us-iran-2026")
    with Workspace.open(home) as ws:
        ws.load_case(case)
    before = (home / DB_FILE).read_bytes()
    # DuckDB lets one process hold a file read-only and open it again only read-only.
    holder = duckdb.connect(str(home / DB_FILE), read_only=True)
    try:
        events = load_case_data(case, home).events
    finally:
        holder.close()
    assert len(events) == len(case.events)
    assert (home / DB_FILE).read_bytes() == before


def test_brief_without_a_workspace_creates_none(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("DUALTRACK_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    out = tmp_path / "b.md"
    res = runner.invoke(app, ["brief", "--case", "us-iran-2026", "--runs", "20", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.is_file() and not (tmp_path / "xdg").exists()
