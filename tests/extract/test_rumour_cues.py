"""A round that outside reports announce and neither party confirms is a rumour (unconfirmed)."""

from __future__ import annotations

import datetime as dt


def test_reported_from_outside_and_not_confirmed_is_unconfirmed(run, ex) -> None:
    text = (
        "3月2日,印度与巴基斯坦在日内瓦举行会谈。外界传出两国将于3月9日再次会谈,但双方都没有证实。"
    )
    res = run(text, dt.date(2026, 3, 3))
    later = [
        e for e in res.events if e.category.value == "CONSULT" and e.date == dt.date(2026, 3, 9)
    ]
    assert later and all(e.flags.unconfirmed for e in later)
    held = [
        e for e in res.events if e.category.value == "CONSULT" and e.date == dt.date(2026, 3, 2)
    ]
    assert held and not any(e.flags.unconfirmed for e in held)
