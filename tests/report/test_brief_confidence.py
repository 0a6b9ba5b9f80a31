"""A brief marks extracted events the coder is unsure of, and `--min-confidence` leaves them out."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dualtrack.analyze import build_picture
from dualtrack.cli import app
from dualtrack.model import Case
from dualtrack.report import build_brief, render_markdown

CASE_YAML = """\
id: unsure-brief
title: Two parties, one doubtful report
asof: 2026-02-08
actors:
  - {id: AAA, kind: state, role: party}
  - {id: BBB, kind: state, role: party}
  - {id: CCC, kind: state, role: mediator}
events:
  - {date: 2026-02-03, actor: AAA, target: BBB, category: ASSAULT, confidence: 0.3}
  - {date: 2026-02-06, actor: AAA, target: BBB, via: CCC, category: CONSULT}
"""
MARKERS = {
    "en": "low confidence (30%)",
    "zh-Hant": "低信心（30%）",
    "zh-Hans": "低置信度（30%）",
}


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "unsure.yaml"
    path.write_text(CASE_YAML, encoding="utf-8")
    return path


def event_lines(md: str, day: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith(f"- {day} ·")]


@pytest.mark.parametrize("lang", sorted(MARKERS))
def test_low_confidence_line_is_marked_in_each_language(lang: str) -> None:
    case = Case.model_validate(yaml.safe_load(CASE_YAML))
    md = render_markdown(build_brief(case, build_picture(case), lang=lang))
    doubtful, sure = event_lines(md, "2026-02-03"), event_lines(md, "2026-02-06")
    assert doubtful and all(MARKERS[lang] in line for line in doubtful)
    assert sure and not any(MARKERS[lang] in line for line in sure)


def test_threshold_is_the_callers() -> None:
    case = Case.model_validate(yaml.safe_load(CASE_YAML))
    md = render_markdown(build_brief(case, build_picture(case), low_confidence=0.2))
    assert "low confidence" not in md


def test_cli_min_confidence_leaves_the_event_out(case_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    args = ["brief", "--case", str(case_file), "--no-store", "--runs", "50", "--out", str(out)]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert event_lines(out.read_text(encoding="utf-8"), "2026-02-03")
    result = CliRunner().invoke(app, [*args, "--force", "--min-confidence", "0.5"])
    assert result.exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "2026-02-03" not in md and event_lines(md, "2026-02-06")


def test_cli_min_confidence_out_of_range_exits_1(case_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    result = CliRunner().invoke(
        app, ["brief", "--case", str(case_file), "--no-store", "--out", str(out),
              "--min-confidence", "1.5"],
    )  # fmt: skip
    assert result.exit_code == 1 and "--min-confidence must be between 0 and 1" in result.stderr
    assert not out.exists()
