"""The built-in cases from crises that ended (gulf-oman-2019, karabakh-2020): complete,
consistent, tied to their own sample articles by offsets, and runnable end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import opencc
import pytest
import yaml
from typer.testing import CliRunner

from dualtrack.cases import builtin_ids, case_path, load_case, validate_case_file
from dualtrack.cli import app
from dualtrack.demo import SAMPLES, run_demo, sample_documents
from dualtrack.model import Case, Role, text_id
from dualtrack.report import make_brief, write_brief
from dualtrack.simulate import OUTCOMES, forecast

CASES = ("gulf-oman-2019", "karabakh-2020")
ASOF = {"gulf-oman-2019": dt.date(2019, 6, 24), "karabakh-2020": dt.date(2020, 10, 26)}
PARTIES = {"gulf-oman-2019": {"USA", "IRN"}, "karabakh-2020": {"AZE", "ARM"}}
MEDIATORS = {"gulf-oman-2019": {"JPN"}, "karabakh-2020": {"OSCE", "RUS", "FRA", "USA"}}
SPOILERS = {"gulf-oman-2019": {"SAU"}, "karabakh-2020": {"TUR"}}

# What the evidence of some key events must mention: (case, date, actor, category, mode) -> word.
KEYWORDS = {
    ("gulf-oman-2019", "2019-05-12", "IRN", "ASSAULT", "explosives"): "Fujairah",
    ("gulf-oman-2019", "2019-06-13", "IRN", "ASSAULT", "explosives"): "Gulf of Oman",
    ("gulf-oman-2019", "2019-06-13", "JPN.abe", "CONSULT", "visit"): "哈梅內伊",
    ("gulf-oman-2019", "2019-06-13", "IRN.khamenei", "REJECT", "meet"): "不會作任何回覆",
    ("gulf-oman-2019", "2019-06-20", "IRN.irgc", "ASSAULT", "intercept"): "全球鷹",
    ("gulf-oman-2019", "2019-06-20", "USA.trump", "ASSAULT", "aerial"): "下令停止",
    ("gulf-oman-2019", "2019-06-24", "USA.trump", "SANCTION", "economic"): "哈梅内伊",
    ("karabakh-2020", "2020-09-27", "AZE.military", "ASSAULT", "war"): "line of contact",
    ("karabakh-2020", "2020-10-09", "AZE", "CONSULT", "third-party"): "莫斯科",
    ("karabakh-2020", "2020-10-10", "ARM", "AGREE", None): "人道主义停火",
    ("karabakh-2020", "2020-10-17", "AZE", "AGREE", None): "humanitarian truce",
    ("karabakh-2020", "2020-10-25", "AZE", "AGREE", None): "人道主义停火",
    ("karabakh-2020", "2020-10-26", "ARM.mod", "ACCUSE", "allege"): "炮击",
    ("karabakh-2020", "2020-09-29", "TUR", "ASSAULT", "aerial"): "F-16",
}


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> Case:
    return load_case(request.param)


def _sample_texts(case_id: str) -> dict[str, str]:
    """Sample article texts of a case by document id, read from its bundle."""
    folder = Path(str(SAMPLES / case_id))
    bundle = yaml.safe_load((folder / "bundle.yaml").read_text(encoding="utf-8"))
    texts = [(folder / a["file"]).read_text(encoding="utf-8") for a in bundle["articles"]]
    return {text_id(t): t for t in texts}


def test_case_validates_and_is_listed(case: Case) -> None:
    assert case.id in builtin_ids()
    assert validate_case_file(case_path(case.id)) == []
    assert case.asof == ASOF[case.id]
    listed = CliRunner().invoke(app, ["case", "list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and case.id in listed.stdout


def test_roles_actors_and_parameters(case: Case) -> None:
    ids = {a.id for a in case.actors}
    roles = {r: {a.id for a in case.with_role(r)} for r in Role}
    assert roles[Role.PARTY] == PARTIES[case.id]
    assert roles[Role.MEDIATOR] == MEDIATORS[case.id]
    assert roles[Role.SPOILER] == SPOILERS[case.id]
    for a in case.actors:
        assert {"en", "zh-Hant", "zh-Hans"} <= set(a.names), a.id
        if not a.id.startswith("PLACE."):
            assert a.country in ids, f"{a.id} acts for an unknown actor {a.country}"
    for p in case.positions:
        assert p.source, f"{p.actor} on {p.issue} has no source"
    params = case.parameters
    assert set(params) == {"icb_features", "forces_in_proximity", "spoiler_restraint"}
    assert set(params["spoiler_restraint"]) == SPOILERS[case.id]
    for name, item in params["icb_features"].items():
        assert item.get("source") and item.get("range") is not None, name
    text = case_path(case.id).read_text(encoding="utf-8")
    top = [ln.split(":")[0] for ln in text.splitlines() if ln and ln[0].isalpha()]
    assert top[-1] == "parameters"


def test_simplified_forms_cover_every_traditional_name(case: Case) -> None:
    t2s = opencc.OpenCC("t2s")
    for a in case.actors:
        simplified = set(a.all_names("zh-Hans"))
        for name in a.all_names("zh-Hant"):
            assert t2s.convert(name) in simplified, f"{a.id}: no zh-Hans form of {name!r}"


def test_evidence_spans_fall_inside_the_sample_texts(case: Case) -> None:
    texts = _sample_texts(case.id)
    assert set(texts) <= {s.id for s in case.sources}
    seen, cited = set(), set()
    for claim in [*case.events, *case.stances]:
        assert claim.evidence, claim.id
        for span in claim.evidence:
            cited.add(span.doc_id)
            assert span.doc_id in texts, f"{claim.id}: evidence outside the sample articles"
            assert span.text is None  # offsets only
            assert 0 <= span.start < span.end <= len(texts[span.doc_id]), claim.id
    for ev in case.events:
        assert ev.date is not None and ev.date <= case.asof
        key = (case.id, str(ev.date), ev.actor, ev.category.value, ev.mode)
        if key in KEYWORDS:
            seen.add(key)
            quoted = [texts[s.doc_id][s.start : s.end] for s in ev.evidence]
            assert any(KEYWORDS[key] in q for q in quoted), key
    assert seen == {k for k in KEYWORDS if k[0] == case.id}
    assert cited == set(texts)  # every sample article is evidence for something


def test_samples_cover_three_scripts_up_to_asof(case: Case) -> None:
    docs = sample_documents(case.id)
    assert len(docs) == 6
    assert sorted(d.lang for d in docs) == ["en", "en", "zh-Hans", "zh-Hans", "zh-Hant", "zh-Hant"]
    assert all(d.date is not None and d.date <= case.asof for d in docs)


def test_forecast_runs_from_the_asof_date(case: Case) -> None:
    result = forecast(case, runs=400, seed=0, drivers="none")
    assert result.asof == case.asof
    assert set(result.horizons) == {"7", "30", "90"}
    for row in result.horizons.values():  # the five end states; window events ride along
        assert sum(row[k] for k in OUTCOMES) == pytest.approx(1.0)


def test_brief_runs(case: Case, tmp_path: Path) -> None:
    brief = make_brief(case, use_store=False, runs=200, draws=50, seed=0)
    path = write_brief(brief, tmp_path / "brief.md", "md")
    md = path.read_text(encoding="utf-8")
    assert md.startswith(f"# {case.title}")
    assert f"As of {case.asof}" in md and "## Outlook" in md


def test_demo_runs_the_case(case: Case, tmp_path: Path) -> None:
    result = run_demo(tmp_path / "demo", case_ref=case.id, runs=200)
    assert result.case.id == case.id and len(result.documents) == 6
    assert result.briefs["html"].is_file() and result.briefs["md"].is_file()
    assert len(result.events) >= len(case.events)


def test_demo_cli_takes_a_case(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = CliRunner().invoke(
        app, ["demo", "--case", "no-such-case", "--out", str(out), "--runs", "50"]
    )
    assert result.exit_code == 1 and "no-such-case" in result.stderr
