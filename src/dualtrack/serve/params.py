"""Query parameters read strictly: a bad value is a `BadParam` (a 400 page naming it), never a
traceback, and an unknown parameter value is never passed on to the layers below."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping

from dualtrack.errors import DualtrackError


class BadParam(DualtrackError, ValueError):
    """A query or form parameter the dashboard cannot use."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(f"{name}: {why}")
        self.name, self.why = name, why


def text(q: Mapping[str, str], name: str, max_len: int = 200) -> str | None:
    value = q.get(name, "").strip()
    if len(value) > max_len:
        raise BadParam(name, f"longer than {max_len} characters")
    return value or None


def date(q: Mapping[str, str], name: str) -> dt.date | None:
    value = text(q, name, 40)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadParam(name, f"{value!r} is not a date; use YYYY-MM-DD") from None


def number(q: Mapping[str, str], name: str, lo: float, hi: float) -> float | None:
    value = text(q, name, 40)
    if value is None:
        return None
    try:
        x = float(value)
    except ValueError:
        raise BadParam(name, f"{value!r} is not a number") from None
    if not math.isfinite(x) or not lo <= x <= hi:
        raise BadParam(name, f"{value} is not between {lo:g} and {hi:g}")
    return x


def integer(q: Mapping[str, str], name: str, lo: int, hi: int) -> int | None:
    x = number(q, name, lo, hi)
    if x is not None and not x.is_integer():
        raise BadParam(name, f"{x:g} is not a whole number")
    return None if x is None else int(x)


def choice(q: Mapping[str, str], name: str, allowed: Iterable[str]) -> str | None:
    value = text(q, name)
    options = list(allowed)
    if value is not None and value not in options:
        shown = ", ".join(options[:12]) + (" …" if len(options) > 12 else "")
        raise BadParam(name, f"{value!r} is not one of {shown}")
    return value


def flag(q: Mapping[str, str], name: str) -> bool:
    return choice(q, name, ("0", "1")) == "1"
