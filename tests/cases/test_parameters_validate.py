"""`case validate` checks the forecast inputs in `parameters:` too, at their file and line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dualtrack.cli import app

CASE = """\
id: params
title: A case with misspelt forecast inputs
actors:
  - {id: AAA, kind: state, role: party}
  - {id: BBB, kind: state, role: party}
  - {id: SPO, kind: state, role: spoiler}
events:
  - {date: 2031-01-01, actor: AAA, target: BBB, category: ACCUSE}
parameters:
"""


def validate(tmp_path: Path, block: str) -> tuple[int, str, str]:
    path = tmp_path / "params.yaml"
    path.write_text(CASE + block, encoding="utf-8")
    res = CliRunner().invoke(app, ["case", "validate", str(path)])
    return res.exit_code, res.stdout, res.stderr


def test_a_misspelt_input_names_file_line_and_the_valid_names(tmp_path: Path) -> None:
    code, out, err = validate(tmp_path, "  forces_in_proximty: {value: 3, source: x}\n")
    assert code == 1 and "1 problem(s)" in err
    line = " ".join(out.split())
    assert f"{tmp_path / 'params.yaml'}:10: parameters.forces_in_proximty:" in line
    assert "did you mean 'forces_in_proximity'?" in line
    assert "valid: icb_features, forces_in_proximity, spoiler_restraint" in line


def test_misspelt_features_and_a_spoiler_that_is_none(tmp_path: Path) -> None:
    block = (
        "  icb_features:\n"
        "    gravty: {value: 3, source: x}\n"
        "  spoiler_restraint:\n"
        "    BBB: {value: low, source: x}\n"
    )
    code, out, _ = validate(tmp_path, block)
    text = " ".join(out.split())
    assert code == 1
    assert ":11: parameters.icb_features.gravty: unknown parameter 'gravty'" in text
    assert "did you mean 'gravity'?" in text
    assert ":13: parameters.spoiler_restraint.BBB: 'BBB' is not a spoiler" in text


def test_good_inputs_pass(tmp_path: Path) -> None:
    code, out, _ = validate(tmp_path, "  forces_in_proximity: {value: 3, source: x}\n")
    assert code == 0 and "ok: params" in out


def test_a_misspelt_feature_and_a_bad_mediation_style_are_both_reported(tmp_path: Path) -> None:
    block = (
        "  icb_features:\n"
        "    gravty: {value: 3, source: x}\n"
        "    mediation_style: {value: leverage, source: x}\n"
    )
    code, out, err = validate(tmp_path, block)
    line = " ".join(out.split())
    assert code == 1 and "2 problem(s)" in err
    assert f"{tmp_path / 'params.yaml'}:11: parameters.icb_features.gravty:" in line
    assert "did you mean 'gravity'?" in line
    assert f"{tmp_path / 'params.yaml'}:12: parameters.icb_features.mediation_style.value:" in line
    assert "'facilitation', 'formulation' or 'manipulation'" in line
