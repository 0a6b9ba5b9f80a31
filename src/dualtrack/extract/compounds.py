"""compounds.yaml: of two categories that one sentence's act is coded under for the same two
parties, the one the annotation guide keeps (`merge_events`). A checked schema: each row
`keep`, `over` (categories of the ontology, different) and `why`; no pair in both directions."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dualtrack.extract.langdata import LangDataError
from dualtrack.ontology import Category

_PATH = Path(__file__).with_name("compounds.yaml")
_ROW_KEYS = frozenset({"keep", "over", "why"})


def check(raw: Any, where: str = "compounds.yaml") -> frozenset[tuple[Category, Category]]:
    """The (kept, dropped) category pairs of `raw` (compounds.yaml as read), or LangDataError."""
    if not isinstance(raw, dict) or set(raw) != {"prefer"} or not isinstance(raw["prefer"], list):
        raise LangDataError(f"{where}: expected one key 'prefer' holding a list")
    pairs: set[tuple[Category, Category]] = set()
    for i, row in enumerate(raw["prefer"]):
        at = f"{where}: prefer {i + 1}"
        if not isinstance(row, dict) or set(row) != _ROW_KEYS:
            raise LangDataError(f"{at}: expected the keys {sorted(_ROW_KEYS)}")
        try:
            keep, over = Category(row["keep"]), Category(row["over"])
        except ValueError as e:
            raise LangDataError(f"{at}: {e}") from None
        if keep == over or (over, keep) in pairs or (keep, over) in pairs:
            raise LangDataError(f"{at}: {keep.value} over {over.value} twice or both ways")
        if not isinstance(row["why"], str) or not row["why"].strip():
            raise LangDataError(f"{at}: 'why' must say why")
        pairs.add((keep, over))
    return frozenset(pairs)


@cache
def preferred() -> frozenset[tuple[Category, Category]]:
    """The built-in table: (kept category, dropped category) pairs."""
    with _PATH.open(encoding="utf-8") as f:
        return check(yaml.safe_load(f), str(_PATH.name))
