"""Case files (YAML): the built-in cases shipped in this package and the loader for any case file.

A case reference is either a built-in case id (`us-iran-2026`) or a path to a YAML file. Loading
validates the whole file first (`validate_case_file`) and raises one `CaseError` listing every
problem, each with file, line and field, so a user fixes a file in one round.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dualtrack.cases.problems import CaseError, Problem
from dualtrack.cases.validate import check_text, read_case_file, validate_case_file
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
    """The validated case; raises `CaseError` (all problems) or `FileNotFoundError`."""
    path = case_path(ref)
    case, problems = read_case_file(path)
    if case is None:
        raise CaseError(str(path), problems)
    return case


def case_summary(case: Case) -> str:
    """One line: `us-iran-2026 — 31 actors, 5 issues, 10 positions, 26 events`."""
    parts = [
        f"{len(case.actors)} actors",
        f"{len(case.issues)} issues",
        f"{len(case.positions)} positions",
        f"{len(case.events)} events",
    ]
    if case.stances:
        parts.append(f"{len(case.stances)} stances")
    return f"{case.id} — {', '.join(parts)}"


__all__ = [
    "CaseError",
    "Problem",
    "builtin_ids",
    "case_path",
    "case_summary",
    "check_text",
    "load_case",
    "read_case_file",
    "validate_case_file",
]
