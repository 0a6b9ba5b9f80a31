"""Case files (YAML): the built-in cases shipped in this package and the loader for any case file.

A case reference is either a built-in case id (`us-iran-2026`) or a path to a YAML file.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from dualtrack.model import Case

_BUILTIN = resources.files("dualtrack.cases")


def builtin_ids() -> list[str]:
    return sorted(p.name[: -len(".yaml")] for p in _BUILTIN.iterdir() if p.name.endswith(".yaml"))


def case_path(ref: str | Path) -> Path:
    """Resolve a built-in case id or a file path to the case file's path."""
    p = Path(ref)
    if p.suffix in {".yaml", ".yml"} or p.exists():
        if not p.exists():
            raise FileNotFoundError(f"{p}: no such case file")
        return p
    if str(ref) in builtin_ids():
        return Path(str(_BUILTIN / f"{ref}.yaml"))
    raise FileNotFoundError(
        f"{ref!r} is neither a case file nor a built-in case (built-in: {', '.join(builtin_ids())})"
    )


def load_case(ref: str | Path) -> Case:
    path = case_path(ref)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Case.model_validate(data)
