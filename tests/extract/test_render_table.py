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


def test_fits_80_columns_and_shows_confidence_and_the_evidence() -> None:
    lines = _render([_record(via="XKC")])
    assert max(len(line) for line in lines) <= 80 and lines[-1].endswith("┘")
    text = " ".join(lines)
    assert "conf" in " ".join(lines[:5]) and "0.63" in text
    assert "XKA.minister →" in text and "via XKC" in text and "/appeal" in text
    # the evidence folds onto more lines instead of running past the frame, up to its first
    # 100 characters
    assert "Norvania" in text and "kilometres" in text and "…" in text


def test_flags_and_quantities_go_under_the_category_and_the_evidence() -> None:
    lines = _render(
        [_record(flags=["hypothetical"], quantities=[{"value": 3.0, "unit": "vessel"}])]
    )
    assert max(len(line) for line in lines) <= 80 and lines[-1].endswith("┘")
    text = " ".join(lines)
    assert "hypothetical" in text and "3 vessel" in text
    assert "via" not in text.replace("(via)", "")
