"""The one error type the store raises, so callers (CLI, web) catch a single thing."""

from __future__ import annotations


class StoreError(Exception):
    """A workspace could not be opened, read or written; the message names the path."""
