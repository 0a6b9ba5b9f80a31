"""The one error type the store raises, so callers (CLI, web) catch a single thing."""

from __future__ import annotations

from dualtrack.errors import DualtrackError


class StoreError(DualtrackError):
    """A workspace could not be opened, read or written; the message names the path."""


class UpgradeNeeded(StoreError):
    """A workspace of an older schema opened read-only: open it once for writing to upgrade."""
