"""Reading a whole UTF-8 text input (a case file, a bargaining CSV, the DEU data) with limits.

Every such reader refuses the same things the same way, naming the file: a device or pipe (which
would be read until memory runs out), a file over the command's size limit, and bytes that are not
UTF-8 (with the offset, and a hint to re-save the file).
"""

from __future__ import annotations

from pathlib import Path

from dualtrack.errors import DualtrackError

DEFAULT_LIMIT = 64 * 1024 * 1024


def read_utf8(
    path: Path | str,
    limit: int = DEFAULT_LIMIT,
    error: type[DualtrackError] = DualtrackError,
    what: str = "text file",
) -> str:
    """The text of `path` (a UTF-8 BOM dropped); `error(message)` for anything unusable."""
    path = Path(path)
    try:
        if not path.exists():
            raise error(f"{path}: no such file")
        if not path.is_file():
            raise error(f"{path}: not a regular file (expected a {what})")
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise error(f"{path}: larger than {limit / 2**20:.0f} MB; not a {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"{path}: not UTF-8 text (byte {exc.start:,}); save it as UTF-8 and try again"
        ) from None
