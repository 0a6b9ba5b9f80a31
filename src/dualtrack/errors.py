"""The one base class of every error a user can fix, and how any error becomes one line.

Each layer raises its own subclass (`CaseError`, `StoreError`, `BargainInputError`, ...) whose
message already names the file, option or field; the CLI catches `DualtrackError` once (see
`dualtrack.cligroup`) instead of each command listing the errors it might meet.
"""

from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class DualtrackError(Exception):
    """Bad input or an unusable file: the message says which and what is wrong."""


def printable(text: object) -> str:
    """`text` with control characters and terminal escape sequences shown as `\\xNN` escapes,
    so a file name or an id from a hostile file cannot move the cursor or recolour a terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def describe(exc: BaseException) -> str:
    """One line for any exception a command can end with; the errors of this package and the
    operating system's (full disk, permissions) already say where."""
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, RecursionError):
        return "input nested too deeply"
    if isinstance(exc, MemoryError):
        return "out of memory (the input is too large for this machine)"
    return str(exc) or type(exc).__name__


def silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush of output that could not
    be written (a full disk, a closed pipe) does not print a second error at exit."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.close(fd)
    except OSError:
        pass
