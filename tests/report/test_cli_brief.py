"""`dualtrack brief` and `dualtrack demo` through the real CLI (Typer's runner, real DuckDB)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.cases import builtin_ids
from dualtrack.cli import app
from dualtrack.store import Workspace

builtin = pytest.mark.skipif("us-iran-2026" not in builtin_ids(), reason="built-in case absent")

CASE_YAML = """\
id: tiny-brief
title: A tiny <crisis>
asof: 2026-02-08
actors:
  - {id: AAA, kind: state, role: party}
  - {id: BBB, kind: state, role: party}
  - {id: CCC, kind: state, role: mediator}
events:
  - {date: 2026-02-03, actor: AAA, target: BBB, category: ASSAULT, summary: "drone <b>downed</b>"}
  - {date: 2026-02-06, actor: AAA, target: BBB, via: CCC, category: CONSULT}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(CASE_YAML, encoding="utf-8")
    return path


def test_brief_html_and_markdown(case_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    code, stdout, _ = run(
        "brief", "--case", str(case_file), "--data-dir", str(tmp_path / "ws"), "--out", str(out),
        "--runs", "50",
    )  # fmt: skip
    assert code == 0 and stdout.strip() == str(out)
    page = out.read_text(encoding="utf-8")
    assert 'data-section="outlook"' in page and "A tiny &lt;crisis&gt;" in page
    assert "drone &lt;b&gt;downed&lt;/b&gt;" in page
    md = tmp_path / "b.txt"
    code, _, _ = run(
        "brief", "--case", str(case_file), "--no-store", "--format", "md", "--lang", "zh-Hant",
        "--out", str(md),
    )  # fmt: skip
    assert code == 0 and md.read_text(encoding="utf-8").startswith("# A tiny &lt;crisis&gt;")
    assert "## 談判軌道" in md.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "--lang 'fr'"),
        (["--asof", "8 Feb"], "--asof '8 Feb' is not a date"),
        (["--format", "pdf"], "--format 'pdf'"),
        (["--sources", "/nonexistent/dir"], "sources folder not found"),
        (["--runs", "0"], "--runs must be at least 1"),
    ],
)
def test_brief_bad_input_exits_1(
    case_file: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    code, _, stderr = run(
        "brief", "--case", str(case_file), "--no-store", "--out", str(tmp_path / "b.html"), *args
    )
    assert code == 1 and message in stderr
    assert not (tmp_path / "b.html").exists()


def test_brief_unwritable_out_exits_1_and_leaves_nothing(case_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()  # a directory where the file should go
    code, _, stderr = run("brief", "--case", str(case_file), "--no-store", "--out", str(target))
    assert code == 1 and "is a directory" in stderr
    assert target.is_dir() and list(tmp_path.glob("*.tmp")) == []


def test_brief_unknown_case_exits_1(tmp_path: Path) -> None:
    code, _, stderr = run("brief", "--case", "no-such-case", "--out", str(tmp_path / "b.html"))
    assert code == 1 and "no-such-case" in stderr


@builtin
def test_demo_writes_brief_html_and_md(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    code, stdout, _ = run("demo", "--out", str(out), "--runs", "300")
    assert code == 0, stdout
    html = (out / "brief.html").read_text(encoding="utf-8")
    md = (out / "brief.md").read_text(encoding="utf-8")
    for sid in (
        "headline",
        "negotiation",
        "confrontation",
        "third_parties",
        "determinants",
        "outlook",
        "appendix",
    ):
        assert f'data-section="{sid}"' in html
    assert 'data-chart="forecast"' in html and "## Outlook" in md
    assert str(out / "brief.html") in stdout
    bullets = [line for line in stdout.splitlines() if line.strip().startswith("•")]
    assert len(bullets) == 5
    with Workspace.open(out) as ws:
        docs = ws.documents()
        assert len(docs) == 9 and {d.lang for d in docs} == {"en", "zh-Hant", "zh-Hans"}
        assert [r.kind for r in ws.runs(case_id="us-iran-2026")] == ["demo"]
    # the sample articles are quoted as evidence in the brief
    assert any(d.text[:12] in html for d in docs) or "dualtrack sample wire" in html


def test_brief_asof_leaves_out_later_events(case_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    args = ["brief", "--case", str(case_file), "--no-store", "--runs", "50", "--out", str(out)]
    assert run(*args, "--asof", "2026-02-04")[0] == 0
    early = out.read_text(encoding="utf-8")
    assert "No round of talks between the parties is on record." in early
    assert "As of 2026-02-04" in early
    assert run(*args, "--force")[0] == 0  # replacing an existing brief takes --force
    assert "Last round of talks on 2026-02-06" in out.read_text(encoding="utf-8")
