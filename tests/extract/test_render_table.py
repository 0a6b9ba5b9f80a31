"""`dualtrack extract --format table` in an analyst's 80-column terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from dualtrack.extract.render import records_table


def _record(**over: Any) -> dict[str, Any]:
    r: dict[str, Any] = {
        "date": "2026-03-02",
        "date_precision": "day",
        "actor": "XKA.minister",
        "category": "REQUEST",
        "mode": "appeal",
        "target": "XKB",
        "via": None,
        "confidence": 0.634,
        "flags": [],
        "quantities": [],
        "evidence": [
            {
                "text": "The minister of Kestria asked Norvania on Monday to pull "
                "its border units back by ten kilometres before the next round."
            }
        ],
    }
    r.update(over)
    return r


def _render(records: list[dict[str, Any]], width: int = 80) -> list[str]:
    console = Console(width=width, record=True)
    console.print(records_table(records, title="t"))
    return console.export_text().splitlines()


def test_fits_80_columns_and_shows_confidence_and_the_evidence_whole() -> None:
    lines = _render([_record()])
    assert max(len(line) for line in lines) <= 80
    text = " ".join(lines)
    assert "conf" in lines[2] and "0.63" in text
    # the evidence folds onto more lines instead of running past the frame, up to its first
    # 100 characters
    assert "Norvania" in text and "kilometres" in text and "…" in text


def test_empty_columns_are_left_out_and_filled_ones_kept() -> None:
    plain = _render([_record()])[2]
    assert "via" not in plain and "flags" not in plain and "quantities" not in plain
    rich = _render(
        [
            _record(
                via="XKC",
                flags=["hypothetical"],
                quantities=[{"value": 3.0, "unit": "vessel", "what": None}],
            )
        ],
        width=160,
    )
    assert all(col in rich[2] for col in ("via", "flags", "quantities"))
    assert "3 vessel" in " ".join(rich)
