"""A second predicate of the same subject is an event of its own, not the content of the
governing verb before it: a participle after a comma ("denied …, accusing …") and a verb
after 并 (表示抗议并要求…)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Iran on Monday denied any role in the raid, accusing Israel of lying.", "ACCUSE"),
        ("伊朗外交部3日对巴基斯坦表示抗议并要求对方彻查。", "REQUEST"),
    ],
)
def test_second_predicate_is_coded(run, ex, text: str, category: str) -> None:
    found = [
        (ex.country(e.actor), ex.country(e.target))
        for e in run(text).events
        if e.category.value == category
    ]
    assert found and found[0][0] == "IRN"


def test_content_without_comma_stays_content(run) -> None:
    events = run("Iran on Monday denied accusing Israel of the raid.").events
    assert [e.category.value for e in events] == ["REJECT"]
