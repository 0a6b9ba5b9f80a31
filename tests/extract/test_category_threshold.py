"""The clause model adds events of a category from that category's own threshold, where the
weights give one, else from the common one."""

from __future__ import annotations

from dualtrack.extract import learned as L


def test_own_threshold_else_the_common_one() -> None:
    th = {"category": 1.01, "category:CONSULT": 0.7}
    assert L.category_threshold(th, "CONSULT") == 0.7
    assert L.category_threshold(th, "ASSAULT") == 1.01


def test_packaged_weights_add_talks_and_support_only() -> None:
    models = L.packaged()
    assert models is not None
    added = {c for c in L.CATEGORIES if L.category_threshold(models.thresholds, c) <= 1.0}
    assert added == {"CONSULT", "SUPPORT"}
