"""General wordings of MOBILIZE that no verb rule read (benchmarks/real/GUIDE.md: deployments,
build-ups and mobilising reservists are MOBILIZE, with a target only where the text names whom
they are aimed at). Every sentence here is written for the test."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_forces_mobilised_are_a_mobilisation(run, tuples) -> None:
    for text, actor in (
        ("俄罗斯4日宣布动员预备役军人。", "RUS"),
        ("伊朗4日动员了十万名士兵。", "IRN"),
        ("俄羅斯4日宣布動員預備役軍人。", "RUS"),
    ):
        assert tuples(run(text)) == {(D(2026, 3, 4), actor, "MOBILIZE", None)}


def test_the_name_of_a_mobilisation_force_is_no_mobilisation(run, tuples) -> None:
    assert tuples(run("伊拉克人民动员组织4日发表声明。")) == set()
