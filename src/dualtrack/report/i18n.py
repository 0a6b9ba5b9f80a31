"""The brief's fixed text per language, read from `strings/<lang>.yaml`.

Adding a language means adding one YAML file with the same keys as `en.yaml`; a key missing in a
translation falls back to English rather than failing, so a partial translation still renders.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, cast

import yaml

from dualtrack.model import Case, Lang

_STRINGS = resources.files("dualtrack.report") / "strings"


def languages() -> list[str]:
    return sorted(p.name[: -len(".yaml")] for p in _STRINGS.iterdir() if p.name.endswith(".yaml"))


@cache
def _table(lang: str) -> dict[str, Any]:
    if lang not in languages():
        raise ValueError(f"no brief strings for language {lang!r} (available: {languages()})")
    return yaml.safe_load((_STRINGS / f"{lang}.yaml").read_text(encoding="utf-8"))


class Strings:
    """Look up `a.b.c` keys for one language, formatting placeholders when given."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._own = _table(lang)
        self._en = _table("en")

    def raw(self, key: str, default: Any = None) -> Any:
        for table in (self._own, self._en):
            node: Any = table
            for part in key.split("."):
                if not isinstance(node, dict) or part not in node:
                    node = None
                    break
                node = node[part]
            if node is not None:
                return node
        if default is not None:
            return default
        raise KeyError(f"brief string {key!r} is missing from {self.lang}.yaml and en.yaml")

    def __call__(self, key: str, **values: Any) -> str:
        text = str(self.raw(key))
        return text.format(**values) if values else text

    def unit(self, unit: str, n: float) -> str:
        """`15 entities` / `15 個實體`: the number with the unit's display form."""
        return self("quantity", n=number(n), unit=self.unit_name(unit, n))

    def unit_name(self, unit: str, n: float) -> str:
        """A unit's display form for `n` of it (`units` entries are a name or [one, many])."""
        shown = self.raw("units", {}).get(unit.lower(), unit)
        if isinstance(shown, list):
            return shown[0] if n == 1 else shown[-1]
        return str(shown)


def number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def actor_label(case: Case, actor_id: str | None, lang: str) -> str:
    if actor_id is None:
        return ""
    try:
        actor = case.actor(actor_id)
    except KeyError:
        return actor_id
    return actor.label(cast(Lang, lang))


__all__ = ["Strings", "actor_label", "languages", "number"]
