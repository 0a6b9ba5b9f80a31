"""Loaders for the CAMEO reference tables and the derivation of PLOVER scores from them.

The project does not ship the tables; a user points these loaders at their own copies (the
test-suite reads them from ../shared/data). `derive_scores` is how `data/scores.yaml` was made:
the mean Goldstein weight of the CAMEO codes that map to each PLOVER category and mode.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from statistics import mean


@dataclass(frozen=True)
class CameoMapping:
    cameo: str
    category: str
    mode: str | None
    context: str | None
    description: str


def load_goldstein(path: str | Path) -> dict[str, float]:
    """CAMEO code -> Goldstein weight, from a two-column TSV with a header."""
    path = Path(path)
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t")
        next(reader, None)
        for lineno, row in enumerate(reader, start=2):
            if not row or not row[0].strip():
                continue
            try:
                out[row[0].strip()] = float(row[1])
            except (IndexError, ValueError) as exc:
                raise ValueError(
                    f"{path}:{lineno}: expected 'CODE<TAB>weight', got {row!r}"
                ) from exc
    return out


def load_cameo_plover(path: str | Path) -> list[CameoMapping]:
    """Parse the CAMEO->PLOVER conversion table ('CODE: CATEGORY, mode, context # text')."""
    path = Path(path)
    rows: list[CameoMapping] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", "~")):
            continue
        body, _, desc = line.partition("#")
        code, sep, rest = body.partition(":")
        if not sep or not code.strip().isdigit():
            raise ValueError(f"{path}:{lineno}: expected 'CODE: CATEGORY, mode, context'")
        parts = [p.strip() for p in rest.split(",")]
        if len(parts) < 2:  # a two-digit heading such as '03: AGREE'
            continue
        mode = parts[1] or None
        context = parts[2] if len(parts) > 2 and parts[2] else None
        rows.append(CameoMapping(code.strip(), parts[0], mode, context, desc.strip()))
    return rows


# The 2021 draft table leaves out CAMEO 01 (public statement) and 02 (appeal); the PLOVER manual
# codes appeals as REQUEST, so without them REQUEST would be scored from demands (10x) alone.
APPEAL_PREFIX = "02"


def derive_scores(
    goldstein: dict[str, float], mapping: list[CameoMapping]
) -> dict[str, dict[str, float]]:
    """Mean Goldstein weight per PLOVER category ('*') and per category+mode, rounded to 0.1."""
    by_cat: dict[str, list[float]] = defaultdict(list)
    by_mode: dict[tuple[str, str], list[float]] = defaultdict(list)
    mapped = {m.cameo for m in mapping}
    appeals = [
        CameoMapping(code, "REQUEST", "appeal", None, "appeal (CAMEO 02)")
        for code in goldstein
        if code.startswith(APPEAL_PREFIX) and code not in mapped
    ]
    for m in [*mapping, *appeals]:
        if m.cameo not in goldstein:
            continue
        w = goldstein[m.cameo]
        by_cat[m.category].append(w)
        if m.mode:
            by_mode[(m.category, m.mode)].append(w)
    out: dict[str, dict[str, float]] = {}
    for cat, weights in sorted(by_cat.items()):
        out[cat] = {"*": round(mean(weights), 1)}
    for (cat, mode), weights in sorted(by_mode.items()):
        out[cat][mode] = round(mean(weights), 1)
    return out
