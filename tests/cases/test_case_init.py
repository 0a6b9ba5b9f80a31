"""`dualtrack case init`: a template that validates as written and never overwrites a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.cases import load_case
from dualtrack.cli import app
from dualtrack.model import IssueKind, Role
from dualtrack.simulate import forecast

runner = CliRunner()


def test_init_writes_a_template_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "border.yaml"
    result = runner.invoke(app, ["case", "init", "border-2026", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.stdout
    checked = runner.invoke(app, ["case", "validate", str(out)])
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.startswith("ok: border-2026")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# border-2026") and "__" not in text


def test_template_has_one_example_of_each_part(tmp_path: Path) -> None:
    out = tmp_path / "t.yaml"
    assert runner.invoke(app, ["case", "init", "t-1", "--out", str(out)]).exit_code == 0
    case = load_case(out)
    assert case.id == "t-1"
    assert {a.role for a in case.actors if a.role} == set(Role)
    assert len(case.with_role(Role.PARTY)) == 2
    assert {a.kind.value for a in case.actors} >= {"state", "igo", "person", "place"}
    assert {i.kind for i in case.issues} == set(IssueKind)
    assert case.positions and case.stances and case.events
    assert all(e.evidence and e.evidence[0].doc_id in {s.id for s in case.sources}
               for e in case.events)  # fmt: skip
    assert set(case.parameters) == {"icb_features", "forces_in_proximity", "spoiler_restraint"}
    result = forecast(case, runs=200, seed=0, drivers="none")  # the parameters are usable
    assert set(result.horizons) == {"7", "30", "90"}


def test_init_defaults_to_id_yaml_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["case", "init", "my-crisis"]).exit_code == 0
    assert load_case(tmp_path / "my-crisis.yaml").id == "my-crisis"


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "taken.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    result = runner.invoke(app, ["case", "init", "x-1", "--out", str(out)])
    assert result.exit_code == 1
    assert "file exists" in result.stderr and str(out) in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Bad Id"], "use lower-case letters"),
        (["ok-id", "--out", "{tmp}/no/such/folder/x.yaml"], "cannot write the case file"),
    ],
)
def test_init_bad_input_exits_1(tmp_path: Path, args: list[str], message: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = runner.invoke(app, ["case", "init", *args])
    assert result.exit_code == 1 and message in result.stderr
    assert list(tmp_path.iterdir()) == []
