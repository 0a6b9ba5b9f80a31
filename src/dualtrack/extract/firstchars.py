"""The characters a regular expression can start with, to index many patterns by first char.

Why: one alternation of several hundred trigger patterns makes `re` try every branch at every
position of the text. Indexing the branches by their possible first character means a position
is tried only against the few branches that can start there (same leftmost-first result).
"""

from __future__ import annotations

import re

try:  # Python 3.11+: the parser module moved
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_MAX_RANGE = 512


class _Any(Exception):
    """The pattern can start with (almost) any character: it cannot be indexed."""


def first_chars(pattern: str, ignorecase: bool = False) -> frozenset[str] | None:
    """The set of first characters of any match of `pattern`, or None when unbounded (., \\w,
    a pattern that can match the empty string)."""
    try:
        chars, nullable = _seq(list(_p.parse(pattern)))
    except _Any:
        return None
    if nullable:
        return None
    if ignorecase:
        chars = chars | {c.swapcase() for c in chars}
    return frozenset(chars)


def _seq(items: list) -> tuple[set[str], bool]:
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is _c.LITERAL:
                chars.add(chr(iav))
            elif iop is _c.RANGE and iav[1] - iav[0] <= _MAX_RANGE:
                chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
            else:
                raise _Any
        return chars, False
    if op is _c.BRANCH:
        chars, nullable = set(), False
        for seq in av[1]:
            c, n = _seq(list(seq))
            chars |= c
            nullable = nullable or n
        return chars, nullable
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        chars, nullable = _seq(list(sub))
        return chars, nullable or lo == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True
    raise _Any


def index_patterns(
    branches: list[tuple[str, str]], flags: int, wrap: str = "{}"
) -> tuple[dict[str, re.Pattern[str]], re.Pattern[str] | None, re.Pattern[str] | None]:
    """Index named branches by first character.

    Returns (char -> alternation of the branches that can start with it, a charset regex finding
    candidate positions, an alternation of the branches that cannot be indexed or None). Branch
    order is kept within each alternation, so leftmost-first semantics are unchanged.
    """
    ic = bool(flags & re.IGNORECASE)
    by_char: dict[str, list[tuple[str, str]]] = {}
    loose: list[tuple[str, str]] = []
    for name, pat in branches:
        fc = first_chars(pat, ic)
        if fc is None:
            loose.append((name, pat))
            continue
        for ch in fc:
            by_char.setdefault(ch, []).append((name, pat))

    def alt(bs: list[tuple[str, str]]) -> re.Pattern[str]:
        body = "|".join(f"(?P<{n}>{p})" for n, p in bs)
        return re.compile(wrap.format(body), flags)

    index = {ch: alt(bs) for ch, bs in by_char.items()}
    cand = None
    if by_char:
        cls = "".join(re.escape(c) for c in sorted(by_char))
        # a wrap that opens with a word boundary fails at every other position: the candidates
        # are word starts only (English: not every letter, each a Python-level try)
        edge = r"\b" if wrap.startswith(r"\b") else ""
        cand = re.compile(f"{edge}[{cls}]")
    return index, cand, (alt(loose) if loose else None)
