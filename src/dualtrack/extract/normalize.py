"""Normalisation for matching, with an offset map back to the original text.

Patterns are written once, in Simplified Chinese with half-width digits and punctuation, so the
text they run on is normalised first: Traditional → Simplified (OpenCC `t2s`), full-width →
half-width, and Chinese numerals that count or date something → Arabic digits. Every span found
on the normalised text maps back to the original through `Normalized.span`, because evidence must
point into the text the analyst reads, not into our working copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import cn2an
import numpy as np
import opencc

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space fold to their half-width forms;
# both are one character for one, so they need no offset bookkeeping (`half_width`).
_WIDE_FIRST, _WIDE_LAST, _WIDE_SHIFT = 0xFF01, 0xFF5E, 0xFEE0
_IDEOGRAPHIC_SPACE = 0x3000
# Variant characters that OpenCC t2s leaves alone but Taiwan and Hong Kong outlets write for the
# standard form (砲擊, 水砲; 防衞), folded one for one so patterns need only the standard form.
_VARIANTS = {"砲": "炮", "衞": "卫", "綫": "线", "峯": "峰", "鎗": "枪"}

_CJK = re.compile(r"[\u4e00-\u9fff]")
# 廿 and 卅 are twenty and thirty (Taiwan's press dates with them: 二月廿七日, 卅日), read as
# 二十 and 三十 (`numeral_value`).
_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿廿卅"
# A numeral run, optionally with a decimal part (一点五). Which runs are converted is decided in
# `_convert_numerals` (counts, measures and dates; not 一 in 一边 or 统一).
_NUMERAL = re.compile(rf"[{_NUMERAL_CHARS}]+(?:点[{_NUMERAL_CHARS}]+)?")
_MAGNITUDE = set("十百千万亿廿卅")
_TENS = str.maketrans({"廿": "二十", "卅": "三十", "〇": "零"})


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the original [start, end) it came from."""

    original: str
    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


def to_simplified(text: str) -> str:
    """Traditional → Simplified, one character for one (OpenCC phrase rules that change length
    are undone per character, so offsets stay aligned)."""
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    conv = _t2s().convert
    pieces = []
    for para in text.split("\n"):
        p = conv(para)
        if len(p) != len(para):
            p = "".join(c if len(c2 := conv(c)) != 1 else c2 for c in para)
        pieces.append(p)
    return "\n".join(pieces)


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def count_cjk(text: str) -> int:
    """How many CJK ideographs (the range of `_CJK`) `text` holds."""
    points = code_points(text)
    return int(np.count_nonzero((points >= 0x4E00) & (points <= 0x9FFF)))


def code_points(text: str) -> np.ndarray:
    """The characters of `text` as integers, to count or compare them in one NumPy operation
    rather than in a Python loop over the characters."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def normalize(
    text: str, chinese: bool | None = None, units: frozenset[str] = frozenset()
) -> Normalized:
    """Normalise `text` for matching.

    `chinese` switches on t2s and numeral conversion (default: when the text has CJK characters).
    `units` are the characters that, right after a single-digit numeral (两名, 三艘), show it is a
    count and not part of a word; they come from the language's units file.
    """
    if chinese is None:
        chinese = has_cjk(text)
    base = half_width(text)
    if not chinese:
        return _join_thousands(_unchanged(text, base))
    base = _standard_forms(to_simplified(base))
    return _join_thousands(_join_spaced_dates(_fold_myriads(_convert_numerals(text, base, units))))


def _unchanged(original: str, text: str) -> Normalized:
    """`text` (of the length of `original`), each character mapped to the one at its offset."""
    return Normalized(original, text, list(range(len(text))), list(range(1, len(text) + 1)))


def half_width(text: str) -> str:
    """`text` with full-width ASCII and the ideographic space in their half-width forms, folded
    in one NumPy pass over the code points. Why: `str.translate` with a table looks each
    character of a non-ASCII text up one by one, some 0.35 ms for a 2,000-character Chinese
    article (a third of its normalisation)."""
    if text.isascii():
        return text
    points = code_points(text)
    wide = (points >= _WIDE_FIRST) & (points <= _WIDE_LAST)
    space = points == _IDEOGRAPHIC_SPACE
    if not (wide.any() or space.any()):
        return text
    points = np.where(wide, points - _WIDE_SHIFT, points)
    points[space] = ord(" ")
    return points.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")


def _standard_forms(text: str) -> str:
    """`text` with the `_VARIANTS` folded, each replaced only where the text holds it (most
    texts hold none; `str.translate` would look up every character)."""
    for variant, standard in _VARIANTS.items():
        if variant in text:
            text = text.replace(variant, standard)
    return text


@lru_cache(maxsize=4096)
def numeral_value(s: str) -> float | None:
    """The value of a Chinese numeral (一千二百 → 1200, 两 → 2, 二〇二六 → 2026, 廿七 → 27), or
    None."""
    try:
        v = cn2an.cn2an(s.translate(_TENS), "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return float(v)


# 1万4000 (Taiwan and Hong Kong press write the thousands as digits after 万): one number.
_MYRIAD = re.compile(r"(?<![\d.])(\d+)万(\d{3,4})(?![\d.万亿])")


def _fold_myriads(n: Normalized) -> Normalized:
    """1万4000 → 14000, each new character mapped to the whole original number."""
    if "万" not in n.text or _MYRIAD.search(n.text) is None:
        return n
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _MYRIAD.finditer(n.text):
        s, e = m.span()
        out.append(n.text[pos:s])
        starts.extend(n.starts[pos:s])
        ends.extend(n.ends[pos:s])
        rep = str(int(m.group(1)) * 10000 + int(m.group(2)))
        out.append(rep)
        starts.extend([n.starts[s]] * len(rep))
        ends.extend([n.ends[e - 1]] * len(rep))
        pos = e
    out.append(n.text[pos:])
    starts.extend(n.starts[pos:])
    ends.extend(n.ends[pos:])
    return Normalized(n.original, "".join(out), starts, ends)


# A space some outlets set between a number and its date character (7 月 18 日, 2024 年): dropped,
# so that the date patterns, written without it, read it.
# The space first, its context in look-arounds: the engine then tries only at spaces.
_SPACED_DATE = re.compile(r" (?:(?<=\d )(?=[年月日号])|(?<=\d[年月] )(?=\d)|(?<=\d [年月] )(?=\d))")


def _join_spaced_dates(n: Normalized) -> Normalized:
    """7 月 18 日 → 7月18日, the spaces' characters left out of the offset map."""
    return _without(n, {m.start() for m in _SPACED_DATE.finditer(n.text)})


def _without(n: Normalized, gaps: set[int]) -> Normalized:
    """`n` without the characters at the offsets `gaps`, the others mapped as before."""
    if not gaps:
        return n
    keep = [i for i in range(len(n.text)) if i not in gaps]
    return Normalized(
        n.original,
        "".join(n.text[i] for i in keep),
        [n.starts[i] for i in keep],
        [n.ends[i] for i in keep],
    )


# The comma that groups a number's thousands (2,000 soldiers; 派遣2,000名士兵): dropped, so that
# a pattern's gap of words ("sent … soldiers") or of characters without a comma reads the number
# as one word, as it reads 2000.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _join_thousands(n: Normalized) -> Normalized:
    """2,000 → 2000, the commas' characters left out of the offset map."""
    if "," not in n.text:
        return n
    return _without(n, {m.start() for m in _THOUSANDS.finditer(n.text)})


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)


def _convert_numerals(original: str, base: str, units: frozenset[str]) -> Normalized:
    starts: list[int] = []
    ends: list[int] = []
    out: list[str] = []
    pos = 0
    for m in _NUMERAL.finditer(base):
        s, e = m.span()
        run = m.group()
        nxt = base[e : e + 1]
        counts = nxt in units or nxt in "年月日号点时" or nxt.isdigit()
        multi = len(run) > 1 and (any(c in _MAGNITUDE for c in run) or len(run) >= 3 or counts)
        # A lone 万/亿 or 十 after an Arabic number (1.5万) is handled by the quantity parser.
        if not (multi or counts) or run in ("万", "亿") or (s > 0 and base[s - 1].isdigit()):
            continue
        if run[0] in "万亿":
            continue
        value = numeral_value(run)
        if value is None:
            continue
        out.append(base[pos:s])
        starts.extend(range(pos, s))
        ends.extend(range(pos + 1, s + 1))
        rep = _fmt(value)
        out.append(rep)
        starts.extend([s] * len(rep))
        ends.extend([e] * len(rep))
        pos = e
    if pos == 0:
        return _unchanged(original, base)
    out.append(base[pos:])
    starts.extend(range(pos, len(base)))
    ends.extend(range(pos + 1, len(base) + 1))
    return Normalized(original, "".join(out), starts, ends)
