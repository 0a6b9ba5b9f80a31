"""scripts/target_pairs.py pairs an out-of-fold extra with a gold event of its article, actor and
category whose target differs. Synthetic documents and events only: no article text."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def probe(train_coder: ModuleType) -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "target_pairs.py"
    spec = importlib.util.spec_from_file_location("target_pairs", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(date: str, actor: str, cat: str, target: str | None) -> dict:
    return {"date": date, "actor": actor, "category": cat, "target": target, "note": "n"}


def test_extras_pair_with_gold_of_their_actor_and_category(probe, train_coder) -> None:
    doc = train_coder.Doc("x-aaaa-001", "en", dt.date(2026, 3, 4), "text", [
        _gold("2026-03-04", "USA", "ASSAULT", "YEM.houthis"),
        _gold("2026-03-04", "GBR", "MOBILIZE", None),
        _gold("2026-03-03", "FRA", "RETREAT", "MLI"),
    ])  # fmt: skip
    events = [
        (doc, "2026-03-04", ("USA", "ASSAULT", "IRN"), []),  # wrong target
        (doc, "2026-03-04", ("GBR", "MOBILIZE", "GUY"), []),  # a target where gold has none
        (doc, "2026-03-04", ("FRA", "RETREAT", "MLI"), []),  # wrong date only: no pair
        (doc, "2026-03-04", ("DEU", "ASSAULT", "RUS"), []),  # no gold of its actor: no pair
    ]
    rows = {(r["actor"], r["kind"], r["gold"], r["same_day"]) for r in probe.pairs(events)}
    assert rows == {("USA", "wrong", "YEM", True), ("GBR", "extra target", None, True)}
