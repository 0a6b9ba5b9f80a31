"""`benchmarks/real/ladder.py`: the coder's escalation ladder against the gold's, day by day, and
its skip when the corpus cache is absent (as on CI). Events made up for these tests."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from dualtrack.model import Event

LADDER = Path(__file__).resolve().parents[2] / "benchmarks" / "real" / "ladder.py"


@pytest.fixture(scope="module")
def ladder():
    spec = importlib.util.spec_from_file_location("ladder", LADDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ev(day: int, category: str, mode: str | None = None) -> Event:
    return Event(
        date=dt.date(2025, 5, day), actor="IND", target="PAK", category=category, mode=mode
    )


def test_a_false_alarm_counts_above_and_a_missed_strike_below(ladder) -> None:
    """Gold: a strike on the 1st, a statement on the 12th (the span's last day). The coder
    misses the strike and reads a strike on the 10th: for a week from the 1st it stands below
    gold, from the 10th above (gold's week ended on the 7th)."""
    gold = [_ev(1, "ASSAULT", "aerial"), _ev(12, "ACCUSE")]
    coded = [_ev(10, "ASSAULT", "aerial")]
    row = ladder.compare(coded, gold)
    assert row["days"] == 12
    assert row["below"] == 7 and row["above"] == 3 and row["same"] == 2
    assert ladder.compare(gold, gold) == {**row, "same": 12, "above": 0, "below": 0, "rungs off": 0}


def test_gold_rows_without_a_day_or_an_actor_are_left_out(ladder) -> None:
    row = {"date": None, "actor": "IND", "target": "PAK", "category": "ASSAULT", "mode": None,
           "negated": False, "hypothetical": False}  # fmt: skip
    assert ladder.gold_event(row) is None
    assert ladder.gold_event({**row, "date": "2025-05-07"}).category.value == "ASSAULT"


def test_skips_with_its_reason_without_the_cache(ladder, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DUALTRACK_CORPUS", str(tmp_path / "absent"))
    with pytest.raises(SystemExit, match=r"skipped: the corpus cache .* is absent"):
        ladder.main(["--split", "dev"])
