"""The errors a watch raises: a source or page that cannot be used, and a bad rules file."""

from __future__ import annotations

from collections.abc import Sequence

from dualtrack.cases.problems import Problem
from dualtrack.errors import DualtrackError


class WatchError(DualtrackError, ValueError):
    """A source, page or option a watch cannot use; the message names it."""


class FetchError(WatchError):
    """A URL that could not be fetched (timeout, HTTP error, too large); names the URL."""


class RulesError(WatchError):
    """An alert rules file with problems; `problems` lists each as file:line: field: message."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
