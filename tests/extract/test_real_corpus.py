"""The real-article corpus's committed files: well formed, split by crisis, and text-free.

The texts themselves live in a cache outside the repository (CI has none), so these tests check
only what is committed: every line against the guide's schema, every gold event's document known,
each crisis in one split, and no article text anywhere in the folder.
"""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "benchmarks" / "real"


def _corpus_module():
    spec = importlib.util.spec_from_file_location("real_corpus", REAL / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rc():
    return _corpus_module()


def _rows(rc, name: str) -> list[tuple[str, dict]]:
    return [(f"{p}:{no}", row) for p in rc.jsonl_files(REAL, name) for no, row in rc.read_jsonl(p)]


def test_docs_and_gold_follow_the_guide(rc) -> None:
    problems: list[str] = []
    docs = {}
    for where, row in _rows(rc, "docs.jsonl"):
        rc.check_doc(row, where, problems)
        docs[row["doc_id"]] = row
    for where, row in _rows(rc, "gold.jsonl"):
        rc.check_gold(row, where, docs, problems)
    assert problems == []
    assert docs, "the corpus lists no articles"


def test_each_crisis_sits_in_one_split(rc) -> None:
    crises = {c["id"]: c["split"] for c in yaml.safe_load((REAL / "crises.yaml").read_text())}
    for where, row in _rows(rc, "docs.jsonl"):
        assert row["crisis"] in crises, f"{where}: unknown crisis {row['crisis']!r}"
        assert row["split"] == crises[row["crisis"]], f"{where}: split differs from its crisis"


def test_no_us_iran_reporting_after_the_case_date(rc) -> None:
    for where, row in _rows(rc, "docs.jsonl"):
        if row["crisis"] == "usir":
            assert row["doc_date"] <= "2026-02-08", where


def test_no_article_text_is_committed(rc) -> None:
    assert not list(REAL.rglob("*.txt"))
    for where, row in _rows(rc, "gold.jsonl"):
        assert len(row["note"].split()) <= 25, where
    longest = max(
        (len(json.dumps(r, ensure_ascii=False)) for _, r in _rows(rc, "docs.jsonl")), default=0
    )
    assert longest < 1000  # identifying fields only


def test_checker_names_file_and_line_of_a_bad_line(rc, tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_text(
        json.dumps(
            {
                "doc_id": "en-x-001",
                "crisis": "x",
                "split": "train",
                "lang": "en",
                "outlet": "o",
                "url": "u",
                "doc_date": "2025-01-01",
                "doc_date_source": "page",
                "query": "q",
                "sha256": "0",
                "chars": 1,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    bad = {
        "doc_id": "en-x-001",
        "date": "2025-13-01",
        "date_precision": "day",
        "actor": "usa",
        "target": None,
        "via": None,
        "category": "ATTACK",
        "mode": None,
        "negated": False,
        "hypothetical": False,
        "quantities": [],
        "note": "n",
    }
    (tmp_path / "gold.jsonl").write_text(json.dumps(bad) + "\n", encoding="utf-8")
    problems: list[str] = []
    docs = {r["doc_id"]: r for _, r in rc.read_jsonl(tmp_path / "docs.jsonl")}
    rc.check_gold(bad, f"{tmp_path / 'gold.jsonl'}:1", docs, problems)
    text = "\n".join(problems)
    assert "gold.jsonl:1: category" in text
    assert "gold.jsonl:1: date" in text
    assert "gold.jsonl:1: actor" in text


SEED = ROOT.parent / "shared" / "seed"


def test_overlap_finds_a_copied_run_in_either_script_and_skips_urls(rc, tmp_path: Path) -> None:
    source = {"src.txt": "两国外长周三在日内瓦举行了长达五个小时的闭门会谈。The delegations met "
              "for five hours behind closed doors in Geneva on Wednesday."}  # fmt: skip
    copied = tmp_path / "copied.md"
    copied.write_text("intro\n兩國外長週三在日內瓦舉行了長達五個小時的閉門會談\n", encoding="utf-8")
    english = tmp_path / "english.py"
    english.write_text('x = "they met for five hours behind closed doors in Geneva"\n')
    own = tmp_path / "own.jsonl"
    own.write_text(json.dumps({"query": "met for five hours behind closed doors in Geneva on"}))
    found = rc.find_overlaps([copied, english, own], source)
    assert [f.split(": shared")[0] for f in found] == [f"{copied}:2", f"{english}:1"]
    assert not rc.find_overlaps([english], source, words=12)


def test_restore_writes_only_the_recorded_text(rc, tmp_path: Path, monkeypatch, capsys) -> None:
    text = "两国外长周三在日内瓦会谈。" * 20
    row = {"doc_id": "hans-x-001", "url": "u", "query": "q", "sha256": rc.text_sha(text)}
    row["chars"] = len(text)
    (tmp_path / "docs.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n")
    monkeypatch.setenv("DUALTRACK_CORPUS", str(tmp_path / "cache"))
    monkeypatch.setattr("sys.stdin", io.StringIO(text[:-1] + "!"))
    assert rc.main(["--root", str(tmp_path), "restore", "hans-x-001"]) == 1
    assert not (tmp_path / "cache").exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(f" date 2025-01 {text} and more\n"))
    assert rc.main(["--root", str(tmp_path), "restore", "hans-x-001"]) == 0
    assert (tmp_path / "cache" / "hans-x-001.txt").read_text(encoding="utf-8") == text
    capsys.readouterr()
    assert rc.main(["--root", str(tmp_path), "missing"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.skipif(not SEED.is_dir(), reason=f"no seed article at {SEED}")
def test_no_committed_file_copies_the_seed_article(rc, tmp_path: Path) -> None:
    assert (
        rc.main(["overlap", "--repo", str(ROOT), "--cache", str(tmp_path), "--seed", str(SEED)])
        == 0
    )
