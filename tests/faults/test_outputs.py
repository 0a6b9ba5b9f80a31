"""`--out` guards: no command writes over the workspace, an input, or an existing file unasked."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.cli import app
from dualtrack.outputs import OutputError, check_out, format_of, replacing, write_text
from dualtrack.store import DB_FILE, Workspace

runner = CliRunner()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    home = tmp_path / "ws"
    with Workspace.open(home):
        pass
    return home


def test_events_out_refuses_the_workspace_database(ws: Path) -> None:
    db = ws / DB_FILE
    before = db.read_bytes()
    res = runner.invoke(
        app,
        ["events", "--case", "us-iran-2026", "--format", "csv", "--out", str(db),
         "--data-dir", str(ws), "--force"],
    )  # fmt: skip
    assert res.exit_code == 1
    assert "workspace's own database" in res.output
    assert db.read_bytes() == before


def test_out_refuses_the_wal_and_any_database(ws: Path, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="workspace"):
        check_out(ws / (DB_FILE + ".wal"), force=True, data_dir=ws)
    other = tmp_path / "elsewhere.db"
    other.write_bytes((ws / DB_FILE).read_bytes())
    with pytest.raises(OutputError, match="database file"):
        check_out(other, force=True, data_dir=ws)


def test_brief_out_refuses_its_own_case_file(tmp_path: Path) -> None:
    case = tmp_path / "my.yaml"
    text = Path("src/dualtrack/cases/us-iran-2026.yaml").read_text(encoding="utf-8")
    case.write_text(text, encoding="utf-8")
    res = runner.invoke(
        app, ["brief", "--case", str(case), "--no-store", "--out", str(case), "--force",
              "--format", "md"],
    )  # fmt: skip
    assert res.exit_code == 1
    assert "input of this command" in res.output
    assert case.read_text(encoding="utf-8") == text


def test_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="--force"):
        check_out(target, data_dir=tmp_path / "ws")
    assert check_out(target, force=True, data_dir=tmp_path / "ws") == target
    res = runner.invoke(
        app, ["events", "--case", "us-iran-2026", "--format", "csv", "--out", str(target),
              "--data-dir", str(tmp_path / "ws")],
    )  # fmt: skip
    assert res.exit_code == 1
    assert target.read_text(encoding="utf-8") == "keep me"


def test_unknown_suffix_is_an_error_naming_the_valid_ones(tmp_path: Path) -> None:
    suffixes = {".html": "html", ".md": "md"}
    with pytest.raises(OutputError, match=r"\.html, \.md"):
        format_of(tmp_path / "brief.pdf", None, suffixes, "--out")
    assert format_of(tmp_path / "brief.pdf", "md", suffixes, "--out") == "md"
    res = runner.invoke(
        app, ["brief", "--case", "us-iran-2026", "--no-store", "--out", str(tmp_path / "b.pdf")]
    )
    assert res.exit_code == 1
    assert "unknown suffix" in res.output
    assert not (tmp_path / "b.pdf").exists()


def test_temporary_files_are_unique_and_never_follow_a_planted_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    out = tmp_path / "brief.md"
    for fixed in (out.with_name(out.name + ".tmp"), out.with_name(f".{out.name}.partial")):
        fixed.symlink_to(victim)
    seen = []
    with replacing(out) as tmp:
        seen.append(tmp)
        assert tmp.parent == tmp_path and not tmp.is_symlink()
        tmp.write_text("new", encoding="utf-8")
    assert out.read_text(encoding="utf-8") == "new"
    assert victim.read_text(encoding="utf-8") == "untouched"
    assert not seen[0].exists()
    write_text(out, "again")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial") and
            not p.is_symlink()] == []  # fmt: skip


def test_demo_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    res = runner.invoke(app, ["demo", "--out", str(tmp_path), "--runs", "10"])
    assert res.exit_code == 1
    assert "--force" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
