"""`dualtrack case new`: a case drafted from ten articles about an invented crisis (written for
these tests: Karandia and Velmora clash on their border, Sarnesia hosts their talks, the UN
backs the talks, Tarvossa threatens Karandia) validates, names the intended roles, and takes
the same articles through `ingest` unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.app import check_case_file
from dualtrack.cli import app
from dualtrack.model import Role
from dualtrack.store import Workspace

ARTICLES = Path(__file__).parent / "articles" / "ossel-2030"
runner = CliRunner()


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft") / "ossel.yaml"
    result = runner.invoke(app, ["case", "new", "ossel-2030", "--from", str(ARTICLES),
                                 "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def roles(path: Path) -> dict[Role, list[str]]:
    case, problems = check_case_file(path)
    assert case is not None, [str(p) for p in problems]
    return {r: sorted(a.id for a in case.with_role(r)) for r in Role}


def test_draft_validates_with_the_intended_roles(drafted: Path) -> None:
    assert runner.invoke(app, ["case", "validate", str(drafted)]).exit_code == 0
    got = roles(drafted)
    assert got[Role.PARTY] == ["KAR", "VEL"]
    assert got[Role.MEDIATOR] == ["SAR"]
    assert got[Role.SUPPORTER] == ["UN"] and got[Role.SPOILER] == ["TAR"]


def test_draft_names_scripts_evidence_and_defaults(drafted: Path) -> None:
    case, _ = check_case_file(drafted)
    assert case is not None
    kar = case.actor("KAR")
    assert kar.names == {"en": "Karandia", "zh-Hant": "卡蘭迪亞", "zh-Hans": "卡兰迪亚"}
    assert kar.aliases["en"] == ["Karandian"]  # the adjective, counted with its name
    assert case.actor("UN").names["zh-Hans"] == "联合国"  # from the built-in dictionary
    assert set(case.issue("agenda_scope").options) == {"border", "ceasefire"}
    text = drafted.read_text(encoding="utf-8")
    assert "# proposed mediator, from:" in text and "(host)" in text
    assert "analyst: check" in text
    assert case.parameters["icb_features"]["mediation"]["value"] is True
    forces = case.parameters["forces_in_proximity"]  # 3,000 troops + 40 tanks, 2,000 soldiers
    assert forces["ground"]["value"] == 7.25 and forces["air"]["value"] == 24


def test_ingest_of_the_same_articles_into_the_draft(drafted: Path, tmp_path: Path) -> None:
    ws_dir = tmp_path / "ws"
    result = runner.invoke(app, ["ingest", str(ARTICLES), "--case", str(drafted),
                                 "--data-dir", str(ws_dir), "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert '"documents_new": 10' in result.stdout and '"unresolved_actors": []' in result.stdout
    with Workspace.open(ws_dir) as ws:
        events = list(ws.iter_events("ossel-2030"))
    assert {e.actor for e in events} >= {"KAR", "VEL", "TAR", "UN"}
    assert any(e.via == "SAR" for e in events)


def test_interactive_choices_replace_the_proposals(tmp_path: Path) -> None:
    out = tmp_path / "ossel.yaml"
    result = runner.invoke(
        app,
        ["case", "new", "ossel-2030", "--from", str(ARTICLES), "--out", str(out), "--interactive"],
        input="VEL, KAR\nnone\nceasefire\n",
    )
    assert result.exit_code == 0, result.output
    assert "Parties (two actor ids) [KAR,VEL]" in result.output
    got = roles(out)
    assert got[Role.PARTY] == ["KAR", "VEL"] and got[Role.MEDIATOR] == []
    case, _ = check_case_file(out)
    assert case is not None and case.issue("agenda_scope").options == ["ceasefire"]
    assert case.parameters["icb_features"]["mediation"]["value"] is False


def test_bad_inputs_get_one_error_line(tmp_path: Path) -> None:
    out = tmp_path / "exists.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    cases = [
        (["--from", str(ARTICLES), "--out", str(out)], "already exists; use --force"),
        (["--from", str(tmp_path / "missing")], "no articles to draft a case from"),
        ([], "--from: give the articles"),
    ]
    for extra, message in cases:
        result = runner.invoke(app, ["case", "new", "ossel-2030", *extra])
        assert result.exit_code == 1 and message in result.stderr, result.output
        assert result.stderr.count("error:") == 1
    assert out.read_text(encoding="utf-8") == "keep me\n"
    bad = runner.invoke(app, ["case", "new", "Bad_Id", "--from", str(ARTICLES)])
    assert bad.exit_code == 1 and "case id 'Bad_Id'" in bad.stderr


def test_a_choice_naming_no_actor_seen_is_refused() -> None:
    from collections import Counter

    from dualtrack.cases.draft import CaseDraft, DraftError, SeenActor, apply_choices

    draft = CaseDraft(
        case_id="x", title="x", asof=None, documents=[],  # type: ignore[arg-type]
        actors=[SeenActor(i, "state", i, {"en": i}) for i in ("AAA", "BBB")],
        roles=[], options=[], positions={}, features={}, candidates=Counter(), events=[],
        forces={}, country=lambda a: a,
    )  # fmt: skip
    with pytest.raises(DraftError, match="XYZ not among the actors seen"):
        apply_choices(draft, parties=["AAA", "XYZ"])
    with pytest.raises(DraftError, match="give two actor ids"):
        apply_choices(draft, parties=["AAA"])
    chosen = apply_choices(draft, parties=["AAA", "BBB"], mediators=[])
    assert [(p.actor, p.role) for p in chosen.roles] == [("AAA", Role.PARTY), ("BBB", Role.PARTY)]
