"""A document's text cut into runs at every evidence-span boundary, so a template can put
`<mark>` around the spans (overlapping ones too) while Jinja escapes every run."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class Run:
    text: str
    start: int  # offset of the run in the document
    marks: tuple[str, ...]  # ids of the claims whose spans cover it (empty: plain text)


def runs(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Run]:
    """`text` as runs; spans are [start, end) character offsets with the claim they support.
    Spans outside the text are clipped, empty ones dropped."""
    clipped = [(max(0, s), min(len(text), e), c) for s, e, c in spans]
    clipped = [(s, e, c) for s, e, c in clipped if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = tuple(dict.fromkeys(c for s, e, c in clipped if s <= a and b <= e))
        out.append(Run(text[a:b], a, covering))
    return out


def excerpt(text: str, start: int, end: int, room: int = 90) -> tuple[str, str, str]:
    """(before, span, after): the span with up to `room` characters either side, cut at spaces
    where there are any, for a timeline row."""
    start, end = max(0, start), min(len(text), end)
    before = text[max(0, start - room) : start]
    after = text[end : end + room]
    if start - room > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    elif start - room > 0:
        before = "…" + before
    if end + room < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    elif end + room < len(text):
        after += "…"
    return before, text[start:end], after
