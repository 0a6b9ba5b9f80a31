"""Reading an LLM's answer: tolerant JSON parsing, field checks, and anchoring each quoted
piece of evidence to character offsets in the original text.

Why anchoring: an event is only as good as the sentence it cites, and a language model can
paraphrase or invent. A quote is looked up exactly, then with whitespace, quotation marks,
dashes, letter case and width folded (a model often retypes ’ as ' or joins a line break); a
quote found neither way is not evidence, and its event is dropped and counted.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from dualtrack.ontology import Category

MIN_QUOTE = 6  # characters: shorter quotes (a name, "the") anchor anywhere and prove nothing
_FOLD = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "「": '"', "」": '"',
    "『": '"', "』": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
})  # fmt: skip


@dataclass
class RawEvent:
    """One event as the model gave it, before resolution."""

    quote: str
    category: Category
    mode: str | None
    actor: str
    target: str | None
    via: str | None
    negated: bool
    hypothetical: bool


class Unreadable(ValueError):
    """The answer holds no JSON object or list of events."""


def read_json(content: str) -> Any:
    """The JSON in an answer: bare, fenced, amid prose, or the whole events of a cut-off list."""
    text = content.strip()
    fence = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    if fence:
        text = fence.group(1).strip()
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    for open_, close in (("{", "}"), ("[", "]")):
        i, j = text.find(open_), text.rfind(close)
        if 0 <= i < j:
            try:
                return json.loads(text[i : j + 1], strict=False)
            except ValueError:
                continue
    salvaged = _whole_objects(text)
    if salvaged is not None:
        return salvaged
    raise Unreadable(f"not JSON: {content[:80]!r}")


def _whole_objects(text: str) -> list[Any] | None:
    """The complete event objects of an answer cut off mid-list (a model that ran out of
    tokens): each `{...}` after the list opens that parses on its own; None if no list opens."""
    start = text.find("[")
    if start < 0:
        return None
    decoder = json.JSONDecoder(strict=False)  # a raw line break inside a string
    out, pos = [], start + 1
    while (pos := text.find("{", pos)) >= 0:
        try:
            obj, end = decoder.raw_decode(text, pos)
        except ValueError:
            break
        out.append(obj)
        pos = end
    return out


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_events(content: str) -> tuple[list[RawEvent], int]:
    """The events in an answer and how many entries were malformed (missing quote, actor or a
    known category); `Unreadable` when there is no JSON at all."""
    data = read_json(content)
    items = data.get("events") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise Unreadable("no list of events in the answer")
    out: list[RawEvent] = []
    bad = 0
    for item in items:
        if not isinstance(item, dict):
            bad += 1
            continue
        quote, actor = _text(item.get("quote")), _text(item.get("actor"))
        category = str(item.get("category") or "").strip().upper()
        if not quote or not actor or category not in Category.__members__:
            bad += 1
            continue
        out.append(
            RawEvent(
                quote=quote,
                category=Category(category),
                mode=_text(item.get("mode")),
                actor=actor,
                target=_text(item.get("target")),
                via=_text(item.get("via")),
                negated=item.get("negated") is True,
                hypothetical=item.get("hypothetical") is True,
            )
        )
    return out, bad


def fold_text(text: str) -> tuple[str, list[int]]:
    """`text` with widths, quotes, dashes and case folded and whitespace runs made one space,
    and for each character kept the offset it came from."""
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        f = unicodedata.normalize("NFKC", c)
        f = (f if len(f) == 1 else c).translate(_FOLD).lower()
        if f.isspace():
            if chars and chars[-1] == " ":
                continue
            f = " "
        chars.append(f)
        where.append(i)
    return "".join(chars), where


def anchor(
    text: str, quote: str, folded: tuple[str, list[int]] | None = None
) -> tuple[int, int] | None:
    """[start, end) of `quote` in `text`: exact first, then folded; None if not found or too
    short to prove anything. `folded` is `fold_text(text)`, passed in when anchoring many quotes."""
    quote = quote.strip().strip('"“”「」')
    if len(quote) < MIN_QUOTE:
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    hay, where = folded or fold_text(text)
    needle = fold_text(quote)[0].strip()
    if len(needle) < MIN_QUOTE:
        return None
    j = hay.find(needle)
    if j < 0:
        return None
    return where[j], where[j + len(needle) - 1] + 1
