"""scripts/train_coder.py `--cv --dates`: for gold events coded on another date, which of the
date model's slots held the gold date (its oracle ceiling), on self-written text."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from types import ModuleType, SimpleNamespace

from dualtrack.extract import Extractor, learned

TEXT = (
    "Norway accused Sweden of breaking the fishing accord. "
    "Swedish trawlers had entered the zone on March 9, officials in Oslo said."
)


def _oracle(train_coder: ModuleType, gold_date: str | None) -> Counter:
    first = TEXT.index(".") + 1
    gold = {"actor": "NOR", "category": "ACCUSE", "target": "SWE", "date": gold_date}
    gold["evidence"] = [[0, first]]
    doc = train_coder.Doc("en-test-001", "en", dt.date(2026, 3, 12), TEXT, [gold])
    coded = [
        SimpleNamespace(actor="NOR", category="ACCUSE", target="SWE", date=dt.date(2026, 1, 2))
    ]
    return train_coder.date_oracle(Extractor(case=None, lang="en"), learned.load(), doc, coded)


def test_a_null_gold_date_is_always_held_by_the_null_slot(train_coder: ModuleType) -> None:
    out = _oracle(train_coder, None)
    assert sum(out.values()) == 1
    assert next(iter(out)).startswith("oracle: gold null | chosen ")


def test_a_day_stated_only_later_is_held_by_no_slot(train_coder: ModuleType) -> None:
    """The lead's event whose day comes in the next sentence: no slot offers it."""
    out = _oracle(train_coder, "2026-03-09")
    assert next(iter(out)).startswith("no slot: gold day in after as day")


def test_an_event_coded_on_its_gold_date_is_not_counted(train_coder: ModuleType) -> None:
    out = _oracle(train_coder, "2026-01-02")
    assert not out


def test_summary_splits_chosen_from_held_and_counts_how_sure_the_model_was(
    train_coder: ModuleType,
) -> None:
    counts = Counter(
        {
            "oracle: gold clause,last | chosen clause": 2,
            "oracle: gold null | chosen last,rules | p(null) <0.3": 3,
            "oracle: gold null | chosen clause | p(null) 0.3-0.6": 1,
            "no slot: gold day unmentioned, doc-1 | chosen last": 1,
        }
    )
    line = train_coder.oracle_summary(counts)
    assert "(gold dated, chosen held it) 2" in line
    assert "(gold null, chosen another) 4" in line
    assert "p(null) <0.3 3" in line
    assert "p(null) 0.3-0.6 1" in line
    assert "no slot 1" in line
