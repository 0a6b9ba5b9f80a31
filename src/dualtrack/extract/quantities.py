"""Quantities with units: counts (15个实体, 14 tankers) and measures (射程达2000公里, 16 Mach).

The patterns are assembled from the language's `units.yaml`: classifiers, measure words,
counted things, the attribute a measure describes (射程 → range) and qualifiers (至少, up to).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from dualtrack.extract.langdata import LangData
from dualtrack.extract.trie import trie_pattern
from dualtrack.model import Quantity


@dataclass
class QuantityMention:
    start: int
    end: int
    quantity: Quantity


class QuantityFinder:
    def __init__(self, lang: LangData) -> None:
        self.lang = lang
        u = lang.units
        self.classifiers: dict[str, str] = dict(u.get("classifiers") or {})
        self.measures: dict[str, str] = {str(k): v for k, v in (u.get("measures") or {}).items()}
        self.things: dict[str, list[str]] = dict(u.get("things") or {})
        # a toll word counts people only right after its number: a thing, not a head noun
        self.bare: dict[str, list[str]] = {
            k: ["person", v] for k, v in (u.get("tolls") or {}).items()
        }
        self.attributes: dict[str, str] = dict(u.get("attributes") or {})
        self.q_before: dict[str, str] = dict(u.get("qualifiers_before") or {})
        self.q_after: dict[str, str] = dict(u.get("qualifiers_after") or {})
        self.magnitudes: dict[str, float] = {
            k: float(v) for k, v in (u.get("magnitudes") or {}).items()
        }
        self.words: dict[str, float] = {
            k.lower(): float(v) for k, v in (u.get("number_words") or {}).items()
        }
        self.currency_before: dict[str, str] = dict(u.get("currency_before") or {})

    @cached_property
    def _rx(self) -> re.Pattern[str]:
        cjk = self.lang.cjk
        num = r"\d+(?:[.,]\d+)*"
        if self.words:
            num = rf"(?:{num}|{trie_pattern(self.words)})"
        mag = trie_pattern(self.magnitudes) if self.magnitudes else r"(?!x)x"
        qa = trie_pattern(self.q_after) if self.q_after else r"(?!x)x"
        meas = trie_pattern(self.measures)
        if cjk:
            cls = trie_pattern(self.classifiers) if self.classifiers else r"(?!x)x"
            src = (
                rf"(?P<num>{num})(?P<mag>{mag})?(?P<qa1>多|余)?"
                rf"(?:(?P<meas>{meas})|(?P<cls>{cls})"
                rf"|(?P<thing>{trie_pattern({**self.bare, **self.things})}))"
                rf"(?P<qa2>{qa})?"
            )
            return re.compile(src)
        things = trie_pattern(self.things)
        src = (
            # (?<![A-Za-z]-): the number of a model (F-16 jets, S-400, MiG-29) is no count
            rf"(?<![\w.,])(?<![A-Za-z]-)(?P<num>{num})(?:\s+(?P<mag>{mag}))?(?:\s*-\s*|\s+)?"
            rf"(?:(?P<meas>{meas})\b|(?:[\w-]+\s+){{0,3}}?(?P<thing>{things})\b)"
            rf"(?:\s+(?P<qa2>{qa}))?"
        )
        return re.compile(src, re.IGNORECASE)

    @cached_property
    def _thing_rx(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.things))

    @cached_property
    def _attr_rx(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.attributes), 0 if self.lang.cjk else re.IGNORECASE)

    @cached_property
    def _qb_rx(self) -> re.Pattern[str]:
        src = trie_pattern(self.q_before)
        if self.lang.cjk:
            return re.compile(rf"(?:{src})\s*$")
        return re.compile(rf"\b(?:{src})\s*$", re.IGNORECASE)

    def _value(self, num: str) -> float | None:
        low = num.lower()
        if low in self.words:
            return self.words[low]
        try:
            return float(num.replace(",", ""))
        except ValueError:
            return None

    @cached_property
    def _money_rx(self) -> re.Pattern[str] | None:
        """$400 million, €2.5 billion: a currency sign before the number."""
        if not self.currency_before:
            return None
        mag = trie_pattern(self.magnitudes) if self.magnitudes else r"(?!x)x"
        cur = trie_pattern(self.currency_before)
        return re.compile(
            rf"(?P<cur>{cur})\s?(?P<num>\d+(?:[.,]\d+)*)(?:\s+(?P<mag>{mag}))?\b", re.IGNORECASE
        )

    def _money(self, text: str) -> list[QuantityMention]:
        out: list[QuantityMention] = []
        for m in self._money_rx.finditer(text) if self._money_rx is not None else ():
            value = self._value(m.group("num"))
            if value is None:
                continue
            if m.group("mag"):
                value *= self.magnitudes.get(m.group("mag").lower(), 1.0)
            unit = self.currency_before[m.group("cur")]
            out.append(QuantityMention(m.start(), m.end(), Quantity(value=value, unit=unit)))
        return out

    def find(self, text: str) -> list[QuantityMention]:
        out: list[QuantityMention] = self._money(text)
        money = [(q.start, q.end) for q in out]  # in text order, not overlapping
        for m in self._rx.finditer(text):
            value = self._value(m.group("num"))
            if value is None:
                continue
            if m.group("mag"):
                value *= self.magnitudes.get(
                    m.group("mag"), self.magnitudes.get(m.group("mag").lower(), 1.0)
                )
            start, end = m.span()
            qualifier = None
            before = text[max(0, start - (8 if self.lang.cjk else 16)) : start]
            qb = self._qb_rx.search(before)
            if qb:
                qualifier = self.q_before.get(qb.group().strip()) or self.q_before.get(
                    qb.group().strip().lower()
                )
                start -= len(before) - qb.start()
            qa = m.groupdict().get("qa1") or m.group("qa2")
            if qa:
                qualifier = self.q_after.get(qa.strip(), qualifier) or qualifier
            unit, what = None, None
            if m.group("meas"):
                key = m.group("meas")
                unit = self.measures.get(key) or self.measures.get(key.lower())
                what = self._attribute(text, start, m.end())
            elif m.groupdict().get("cls"):
                unit = self.classifiers[m.group("cls")]
                tm = self._thing_after(text, m.end())
                if tm:
                    unit, what = tm[0], tm[1]
                    end = max(end, tm[2])
                if unit in ("item", "time", "round", "batch") and not tm:
                    continue  # 一次, 两轮: not a quantity of note
            else:
                thing = m.group("thing")
                spec = (
                    self.things.get(thing) or self.things.get(thing.lower()) or self.bare.get(thing)
                )
                if not spec:
                    continue
                unit, what = spec[0], spec[1]
            if unit is None:
                continue
            if value == 1 and not m.group("meas"):
                continue  # 一架无人机, 一支救援队: a count of one is an article, not a quantity
            if what == unit:
                what = None
            if _inside(money, start) or (out and out[-1].start <= start < out[-1].end):
                continue  # inside a currency amount (or the quantity just before) already found
            out.append(
                QuantityMention(
                    start, end, Quantity(value=value, unit=unit, what=what, qualifier=qualifier)
                )
            )
        return sorted(out, key=lambda q: q.start)

    def _thing_after(self, text: str, pos: int) -> tuple[str, str, int] | None:
        """The counted noun after a classifier, past modifiers up to the next list boundary."""
        window = text[pos : pos + 24]
        cut = re.search(r"[、,，。;]|\d", window)
        if cut:
            window = window[: cut.start()]
        best = None
        for m in self._thing_rx.finditer(window):
            best = m  # the head noun is the last one (涉及伊朗石油贸易的油轮 -> 油轮)
        if best is None:
            return None
        spec = self.things[best.group()]
        return spec[0], spec[1], pos + best.end()

    def _attribute(self, text: str, start: int, end: int) -> str | None:
        after = self._attr_rx.match(text, end)
        if after is None and text[end : end + 1] in (" ", "-"):
            after = self._attr_rx.match(text, end + 1)  # a 1,500-kg warhead
        if after:
            return self.attributes.get(after.group()) or self.attributes.get(after.group().lower())
        before = text[max(0, start - 10) : start]
        found = None
        for m in self._attr_rx.finditer(before):
            found = m
        if found:
            return self.attributes.get(found.group()) or self.attributes.get(found.group().lower())
        return None


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` falls in one of the sorted, disjoint `spans` (a bisection, so a long document
    with thousands of quantities stays linear)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
