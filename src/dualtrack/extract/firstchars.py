"""The characters a regular expression can start with, to index many patterns by first char.

Why: one alternation of several hundred trigger patterns makes `re` try every branch at every
position of the text. Indexing the branches by their possible first character means a position
is tried only against the few branches that can start there (same leftmost-first result); by
their first two characters where they are known, fewer still (an English word start is tried
against the patterns of its first two letters, not against the sixty of its first letter).
The same knowledge lets one pattern be tried only where a match can start (`finditer`), or
tell `re` itself in a look-ahead (`look_ahead`).
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterator

try:  # Python 3.11+: the parser module moved
    from re import _compiler as _comp  # type: ignore[attr-defined]
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_compile as _comp  # type: ignore[no-redef]
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_MAX_RANGE = 512
_MAX_PAIRS = 4096  # more two-character starts than this: the pattern is indexed by its first


class _Any(Exception):
    """The pattern can start with (almost) any character: it cannot be indexed."""


def first_chars(pattern: str, ignorecase: bool = False) -> frozenset[str] | None:
    """The set of first characters of any match of `pattern`, or None when unbounded (., \\w,
    a pattern that can match the empty string)."""
    chars = _first_of(_p.parse(pattern))
    if chars is not None and ignorecase:
        chars = chars | {c.swapcase() for c in chars}
    return chars


def _first_of(parsed: _p.SubPattern) -> frozenset[str] | None:
    """`first_chars` of a parsed pattern (parsed once where the caller reads it twice)."""
    try:
        chars, nullable = _seq(list(parsed))
    except _Any:
        return None
    return None if nullable else frozenset(chars)


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


def first_pairs(pattern: str, ignorecase: bool = False) -> frozenset[str] | None:
    """The first two characters of any match of `pattern` (one character where a match may be
    that short), or None when they are unbounded (., \\w, a negated class, too many); look-arounds
    and anchors are read as matching anywhere, so the set may hold more than can match."""
    try:
        found = _prefixes(list(_p.parse(pattern)), 2)
    except _Any:
        return None
    if "" in found:
        return None
    if ignorecase:
        found = {
            "".join(v) for s in found for v in itertools.product(*({c, c.swapcase()} for c in s))
        }
    return frozenset(found)


def _prefixes(items: list, k: int) -> set[str]:
    """The first `k` characters (all of it, where shorter) of every match of a sequence."""
    out = {""}
    for op, av in items:
        short = {s for s in out if len(s) < k}
        if not short:
            break
        tails = _item_prefixes(op, av, k)
        out = (out - short) | {(s + t)[:k] for s in short for t in tails}
        if len(out) > _MAX_PAIRS:
            raise _Any
    return out


def _item_prefixes(op, av, k: int) -> set[str]:
    if op in (_c.LITERAL, _c.IN):
        return _item(op, av)[0]
    if op is _c.BRANCH:
        return set().union(*(_prefixes(list(seq), k) for seq in av[1]))
    if op is _c.SUBPATTERN:
        return _prefixes(list(av[-1]), k)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        once = _prefixes(list(sub), k)
        out: set[str] = set()
        copies = {""}
        for n in range(min(hi, max(lo, k)) + 1):  # past k copies no new start appears
            if n >= lo:
                out |= copies
            copies = {(s + t)[:k] if len(s) < k else s for s in copies for t in once}
        return out
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}
    raise _Any


def index_patterns(
    branches: list[tuple[str, str]], flags: int, wrap: str = "{}"
) -> tuple[dict[str, re.Pattern[str]], re.Pattern[str] | None, re.Pattern[str] | None]:
    """Index named branches by their first two characters, else by their first.

    Returns (start -> alternation of the branches that can match there, a charset regex finding
    candidate positions, an alternation of the branches that cannot be indexed or None). A
    position is tried with the alternation of its two characters where there is one, else of
    its first (`LangData.verb_at`); that of two characters holds the branches that can start
    with both and those that can start with the first followed by anything (or nothing: the
    alternation of one character holds only these), in the branches' order, so leftmost-first
    semantics are unchanged.
    """
    ic = bool(flags & re.IGNORECASE)
    by_char: dict[str, list[int]] = {}
    by_pair: dict[str, list[int]] = {}
    any_next: dict[str, list[int]] = {}  # the branches to try whatever follows the character
    loose: list[tuple[str, str]] = []
    for i, (name, pat) in enumerate(branches):
        fc = first_chars(pat, ic)
        if fc is None:
            loose.append((name, pat))
            continue
        for ch in fc:
            by_char.setdefault(ch, []).append(i)
        pairs = first_pairs(pat, ic)
        for start in fc if pairs is None else pairs:
            (by_pair if len(start) == 2 else any_next).setdefault(start, []).append(i)
    keys = {p: sorted(set(ix) | set(any_next.get(p[0], ()))) for p, ix in by_pair.items()}
    keys.update(any_next)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def alt(ix: list[int]) -> re.Pattern[str]:  # one compilation per distinct set of branches
        if tuple(ix) not in compiled:
            body = "|".join(f"(?P<{branches[i][0]}>{branches[i][1]})" for i in ix)
            compiled[tuple(ix)] = re.compile(wrap.format(body), flags)
        return compiled[tuple(ix)]

    index = {start: alt(ix) for start, ix in keys.items()}
    cand = None
    if by_char:
        cls = "".join(re.escape(c) for c in sorted(by_char))
        # a wrap that opens with a word boundary fails at every other position: the candidates
        # are word starts only (English: not every letter, each a Python-level try)
        edge = r"\b" if wrap.startswith(r"\b") else ""
        cand = re.compile(f"{edge}[{cls}]")
    return index, cand, (alt(loose) if loose else None)


def finditer(
    rx: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize
) -> Iterator[re.Match[str]]:
    """`rx.finditer(text, pos, endpos)`, the pattern tried only at the characters a match can
    start with where the engine would try it at every position (`_guide`). Why: a pattern that
    opens with a look-behind or an optional part (`(?<![\\d月])(?P<day>…)日`, 该国 after a
    look-behind) gives `re` no first character to skip ahead to, so every character of an
    article is a full try; most such patterns start with a digit or a Chinese character that
    few positions hold. The same matches: one can start nowhere else, a try at a position is
    `rx.match` there (look-behinds see the text before it, as in a scan), and the scan goes on
    after each match as `finditer` does (a match is never empty)."""
    guide = _guide(rx)
    if guide is None:
        return rx.finditer(text, pos, endpos)
    return _guided(rx, guide, text, pos, endpos)


def _guided(
    rx: re.Pattern[str], guide: re.Pattern[str], text: str, pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    at = pos
    for c in guide.finditer(text, pos, endpos):
        p = c.start()
        if p >= at and (m := rx.match(text, p, endpos)) is not None:
            yield m
            at = m.end()


# pattern id -> (the pattern, its guide): keyed by id, since a compiled pattern's hash hashes
# its whole compiled code on every call (ends_with asks for every mention)
_GUIDES: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def _guide(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """`_guide_of(rx)`, computed once per pattern."""
    hit = _GUIDES.get(id(rx))
    if hit is None or hit[0] is not rx:
        hit = _GUIDES[id(rx)] = (rx, _guide_of(rx))
    return hit[1]


def _guide_of(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class of the first characters of `rx`'s matches, where the engine finds no
    prefix of its own to skip ahead to (a literal or a set of characters) and those characters
    are uncased (digits, Chinese: no other character matches one of them under IGNORECASE, and
    a letter is too common to be worth a Python-level try); else None (plain `finditer`)."""
    if rx.flags & ~(re.IGNORECASE | re.UNICODE) or not isinstance(rx.pattern, str):
        return None
    parsed = _p.parse(rx.pattern, rx.flags)
    if _skips_ahead(parsed, rx.flags):
        return None
    chars = _first_of(parsed)
    if not chars or any(c.lower() != c.upper() for c in chars):
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def _skips_ahead(parsed: _p.SubPattern, flags: int) -> bool:
    """Whether `re` finds a prefix of its own in a parsed pattern to skip ahead to (a literal or
    a set of characters), by CPython's own prefix finders (private: True, so nothing is
    changed, on a Python without them)."""
    try:
        return bool(
            _comp._get_literal_prefix(parsed, flags)[0] or _comp._get_charset_prefix(parsed, flags)
        )
    except (AttributeError, TypeError):  # pragma: no cover - other Python versions
        return True


def look_ahead(pattern: str, flags: int) -> str:
    """A look-ahead for the characters a match of `pattern` can start with (`(?=[abt])`) where
    `re` has no prefix of its own to skip ahead to, else '' (also where they are unbounded).
    Why: a word list that opens with a word boundary (English) or whose words open with a
    look-behind (Chinese: 应 not after 回, 对 not before 话) was tried word by word at every
    position, under IGNORECASE folding case for each word; the class, compiled under the same
    flags, fails most positions in one test (about twice as fast scanned alone over the train
    and dev articles). Where `re` has a prefix, a look-ahead in front would hide it (slower).
    The same matches: it states only what every match starts with."""
    parsed = _p.parse(pattern, flags)  # once: both questions read it
    chars = None if _skips_ahead(parsed, flags) else _first_of(parsed)
    return f"(?=[{''.join(re.escape(c) for c in sorted(chars))}])" if chars else ""


# How far into a match its anchor may start (`anchor`), and how many strings one may hold
_REACH = 40
_MAX_STRINGS = 64

Anchor = tuple[tuple[str, int, int], ...]


class Scan:
    """One text scanned by many patterns (a language's date patterns), each tried only near
    its anchor: a literal every match holds a bounded distance from its start (`anchor`).

    Why: most date patterns give `re` nothing to skip ahead to (a month name, an optional
    "on ", a day number before 月), so each was a full pass over the text, some forty per
    document, each trying every position its first character allows; the literals they hold
    (月, a month or weekday name, "the day before") are rare, found by `str.find`, and shared
    by several patterns (one search per literal and text). The same matches as `finditer`: a
    match can start nowhere else, a try is `rx.match` there, the scan goes on after a match."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, list[int]] = {}

    def finditer(self, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """`rx.finditer(self.text)`, tried near its anchor where it has one."""
        hold = anchor(rx)
        if hold is None:
            return finditer(rx, self.text)
        return self._anchored(rx, *hold)

    def _anchored(
        self, rx: re.Pattern[str], literals: Anchor, first: frozenset[str] | None
    ) -> Iterator[re.Match[str]]:
        """The matches starting where an anchor's window and `first` (the characters a match
        starts with, where known: a day number before its month) allow."""
        starts: set[int] = set()
        for s, lo, hi in literals:
            for q in self._positions(s):
                starts.update(range(max(0, q - hi), q - lo + 1))
        text, at = self.text, 0
        for p in sorted(starts):
            if p >= at and (first is None or text[p] in first) and (m := rx.match(text, p)):
                yield m
                at = m.end()

    def _positions(self, s: str) -> list[int]:
        """Where `s` occurs in the text (overlapping occurrences too), searched once."""
        found = self._found.get(s)
        if found is None:
            found = self._found[s] = []
            i = self.text.find(s)
            while i >= 0:
                found.append(i)
                i = self.text.find(s, i + 1)
        return found


_ANCHORS: dict[int, tuple[re.Pattern[str], tuple[Anchor, frozenset[str] | None] | None]] = {}


def anchor(rx: re.Pattern[str]) -> tuple[Anchor, frozenset[str] | None] | None:
    """(literal, lo, hi) triples, one of which every match of `rx` holds at an offset from its
    start between lo and hi: the longest literal run of the pattern's top-level sequence within
    `_REACH` characters of its start (for a top-level alternation, one per branch); None where
    there is none, where `re` has a prefix of its own to skip ahead to, or where the pattern
    folds case (a literal would not find every match); with the pattern's `first_chars`."""
    hit = _ANCHORS.get(id(rx))
    if hit is None or hit[0] is not rx:
        hit = _ANCHORS[id(rx)] = (rx, _anchor_of(rx))
    return hit[1]


def _anchor_of(rx: re.Pattern[str]) -> tuple[Anchor, frozenset[str] | None] | None:
    if rx.flags & ~re.UNICODE or not isinstance(rx.pattern, str):
        return None
    parsed = _p.parse(rx.pattern, rx.flags)
    first = _first_of(parsed)
    if _comp._get_literal_prefix(parsed, rx.flags)[0] or (
        _comp._get_charset_prefix(parsed, rx.flags) and not _cased(first)
    ):
        return None  # `re` skips ahead to yesterday, 去年 or to 当/同 itself, as fast
    literals = _seq_anchor(list(parsed), parsed.state)
    if literals is None or (_guide(rx) and any(hi - lo > 1 for _, lo, hi in literals)):
        return None  # fewer tries at each digit (a day) than at seven starts before a month
    return literals, first


def _cased(chars: frozenset[str] | None) -> bool:
    """Unknown, or holding a letter: a character class English text is full of."""
    return chars is None or any(c.lower() != c.upper() for c in chars)


def _seq_anchor(items: list, state: _p.State) -> Anchor | None:
    """`anchor`'s triples of a parsed sequence: its run of literal items (each a few strings)
    whose shortest string is longest, at the offsets its start may have; for one alternation,
    those of each branch."""
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        out: list[tuple[str, int, int]] = []
        for alt in items[0][1][1]:
            one = _seq_anchor(list(alt), state)
            if one is None:
                return None
            out += one
        return tuple(out)
    best: tuple[set[str], int, int] | None = None
    run: tuple[set[str], int, int] | None = None
    lo = hi = 0
    for item in items:
        strings = _strings([item])
        if strings is not None and run is not None and len(run[0]) * len(strings) <= _MAX_STRINGS:
            run = ({a + b for a in run[0] for b in strings}, run[1], run[2])
        else:
            best = _longer(best, run)
            run = (strings, lo, hi) if strings is not None and hi <= _REACH else None
        w_lo, w_hi = _p.SubPattern(state, [item]).getwidth()
        lo, hi = lo + w_lo, hi + w_hi
    best = _longer(best, run)
    if best is None:
        return None
    # where "jan" is, "january" is too: one search for both
    shortest = {s for s in best[0] if not any(s != t and s.startswith(t) for t in best[0])}
    return tuple((s, best[1], best[2]) for s in sorted(shortest))


def _longer(
    a: tuple[set[str], int, int] | None, b: tuple[set[str], int, int] | None
) -> tuple[set[str], int, int] | None:
    """The run whose shortest string is longer (the first on a tie): rarer to find."""
    if b is None or not all(b[0]):
        return a
    if a is None or min(map(len, b[0])) > min(map(len, a[0])):
        return b
    return a


def _strings(items: list) -> set[str] | None:
    """Every string a sequence of items can match, where it is a few literals, else None."""
    out = {""}
    for op, av in items:
        if op is _c.LITERAL:
            tails = {chr(av)}
        elif op is _c.IN and all(iop is _c.LITERAL for iop, _ in av):
            tails = {chr(iav) for _, iav in av}
        elif op is _c.BRANCH:
            alts = [_strings(list(seq)) for seq in av[1]]
            if any(a is None for a in alts):
                return None
            tails = set().union(*alts)  # type: ignore[arg-type]
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:  # no scoped flags: (?i:may)
            sub = _strings(list(av[-1]))
            if sub is None:
                return None
            tails = sub
        else:
            return None
        out = {a + b for a in out for b in tails}
        if len(out) > _MAX_STRINGS:
            return None
    return out
