"""The agreement study's committed files: a sample fixed by the corpus alone, and a second
annotation that follows the guide's schema and stays inside the sample."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "benchmarks" / "real"


@pytest.fixture(scope="module")
def ag():
    spec = importlib.util.spec_from_file_location("agreement", REAL / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def docs(ag) -> dict[str, dict]:
    rc = ag.acc._real_module()
    return {r["doc_id"]: r for _, r in rc.read_jsonl(REAL / "docs.jsonl")}


def test_sample_is_dev_only_balanced_and_fixed(ag, docs) -> None:
    chosen = ag.sample(list(docs.values()))
    assert chosen == ag.sample(list(reversed(docs.values())))
    assert {docs[d]["split"] for d in chosen} == {"dev"}
    for lang in ag.LANGS:
        assert sum(docs[d]["lang"] == lang for d in chosen) == ag.PER_LANG


def test_second_annotation_follows_the_guide_and_the_sample(ag, docs) -> None:
    second = ag.load_second(ag.SECOND, docs)
    assert set(second) == set(ag.sample(list(docs.values())))
    assert sum(len(v) for v in second.values()) > 100


def test_a_line_outside_the_sample_is_named(ag, docs, tmp_path: Path) -> None:
    outside = next(d for d, r in docs.items() if r["split"] == "train")
    row = json.loads(ag.SECOND.read_text(encoding="utf-8").splitlines()[0])
    bad = tmp_path / "second.jsonl"
    bad.write_text(json.dumps(row) + "\n" + json.dumps({**row, "doc_id": outside}) + "\n")
    with pytest.raises(SystemExit, match=rf"second.jsonl:2: doc_id: '{outside}' is not in the"):
        ag.load_second(bad, docs)
