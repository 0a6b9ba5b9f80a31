"""The dashboard runs the forecasts once per case and date: a brief in another language made
from the same parts says exactly what a brief made from scratch says."""

from __future__ import annotations

from dualtrack.app import load_case_data
from dualtrack.report.pipeline import brief_parts

from .conftest import CASE


def test_a_brief_reusing_the_parts_equals_one_made_from_scratch() -> None:
    data = load_case_data(CASE, use_store=False)
    sizes = {"runs": 300, "draws": 60, "seed": 3}
    first = brief_parts(data, **sizes)
    again = brief_parts(data, lang="zh-Hant", reuse=first)
    fresh = brief_parts(data, lang="zh-Hant", **sizes)
    assert again.outlook is first.outlook
    assert again.brief == fresh.brief
