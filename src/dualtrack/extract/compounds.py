"""compounds.yaml: of two categories that one sentence's act is coded under for the same two
parties, the one the annotation guide keeps (`merge_events`). A checked schema: each row
`keep`, `over` (categories of the ontology, different) and `why`, optionally `modes` (the row
holds only where one of the two events is of such a mode: a ceasefire) and `swap_words` (per
language, words of the sentence that make `over` the one kept: a proposal accepted is the
agreement, not the halt); no pair in both directions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dualtrack.extract.langdata import LangDataError
from dualtrack.model import Event
from dualtrack.ontology import Category

_PATH = Path(__file__).with_name("compounds.yaml")
_ROW_KEYS = frozenset({"keep", "over", "why"})
_OPTIONAL = frozenset({"modes", "swap_words"})
_LANGS = frozenset({"zh", "en"})


@dataclass(frozen=True)
class Row:
    """One row: `keep` over `over`, where `modes` (empty: always) holds; `swap` a sentence
    pattern (None: none) under which `over` is kept instead."""

    keep: Category
    over: Category
    modes: frozenset[str]
    swap: re.Pattern[str] | None

    def kept(self, a: Event, b: Event, text: str) -> Category | None:
        """Which of the categories of `a` and `b` (this row's two, one sentence `text`) stays;
        None where the row does not hold for them."""
        if {a.category, b.category} != {self.keep, self.over}:
            return None
        if self.modes and a.mode not in self.modes and b.mode not in self.modes:
            return None
        if self.swap is not None and self.swap.search(text):
            return self.over
        return self.keep


def _words(raw: Any, at: str) -> re.Pattern[str] | None:
    """The swap words of a row as one pattern (English words whole, case folded)."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or not raw or not set(raw) <= _LANGS:
        raise LangDataError(f"{at}: 'swap_words' must map {sorted(_LANGS)} to lists of words")
    parts = []
    for lang, words in sorted(raw.items()):
        if not isinstance(words, list) or not words:
            raise LangDataError(f"{at}: swap_words {lang} must be a list of words")
        for w in words:
            if not isinstance(w, str) or not w.strip():
                raise LangDataError(f"{at}: swap_words {lang}: {w!r} is no word")
            parts.append(rf"\b{re.escape(w)}\b" if lang == "en" else re.escape(w))
    return re.compile("|".join(parts), re.IGNORECASE)


def _modes(raw: Any, at: str) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not raw or not all(isinstance(m, str) and m for m in raw):
        raise LangDataError(f"{at}: 'modes' must be a list of mode names")
    return frozenset(raw)


def check_rows(raw: Any, where: str = "compounds.yaml") -> tuple[Row, ...]:
    """The rows of `raw` (compounds.yaml as read), or LangDataError naming the bad row."""
    if not isinstance(raw, dict) or set(raw) != {"prefer"} or not isinstance(raw["prefer"], list):
        raise LangDataError(f"{where}: expected one key 'prefer' holding a list")
    rows: list[Row] = []
    pairs: set[tuple[Category, Category]] = set()
    for i, row in enumerate(raw["prefer"]):
        at = f"{where}: prefer {i + 1}"
        if not isinstance(row, dict) or not _ROW_KEYS <= set(row) <= _ROW_KEYS | _OPTIONAL:
            raise LangDataError(
                f"{at}: expected the keys {sorted(_ROW_KEYS)}, optionally {sorted(_OPTIONAL)}"
            )
        try:
            keep, over = Category(row["keep"]), Category(row["over"])
        except ValueError as e:
            raise LangDataError(f"{at}: {e}") from None
        if keep == over or (over, keep) in pairs or (keep, over) in pairs:
            raise LangDataError(f"{at}: {keep.value} over {over.value} twice or both ways")
        if not isinstance(row["why"], str) or not row["why"].strip():
            raise LangDataError(f"{at}: 'why' must say why")
        pairs.add((keep, over))
        modes = _modes(row.get("modes"), at)
        rows.append(Row(keep, over, modes, _words(row.get("swap_words"), at)))
    return tuple(rows)


@cache
def table() -> tuple[Row, ...]:
    """The built-in table's rows."""
    with _PATH.open(encoding="utf-8") as f:
        return check_rows(yaml.safe_load(f), str(_PATH.name))


def dropped(kept: Event, other: Event, text: str) -> bool:
    """Whether `other` goes beside `kept` (one act of the same parties in sentence `text`)."""
    for row in table():
        winner = row.kept(kept, other, text)
        if winner is not None:
            return winner == kept.category
    return False
