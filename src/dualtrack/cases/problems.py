"""What is wrong with a case file: problems that point at a file, a line and a field.

A validator that stops at the first error makes users fix files one round-trip at a time, so
every check collects `Problem`s and the loader raises one `CaseError` carrying all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from dualtrack.errors import DualtrackError, printable


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a case file: `line` is 1-based, `field` a path (`positions[3].actor`)."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        field = f" {self.field}:" if self.field else ""
        return printable(f"{where}:{field} {self.message}")  # for a terminal: no escapes

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CaseError(DualtrackError, ValueError):
    """A case file that cannot be loaded; `problems` lists everything wrong with it."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.path = path
        self.problems = list(problems)
        n = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{path}: {n} problem{'s' if n != 1 else ''} in case file\n{lines}")


def format_path(loc: Sequence[str | int]) -> str:
    """`('positions', 3, 'salience')` -> `positions[3].salience`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
