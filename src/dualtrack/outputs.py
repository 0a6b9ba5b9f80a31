"""Every file a command writes goes through here: what it may not overwrite, and how it is written.

A command's `--out` must not name the workspace's own database (or its write-ahead log), nor any
input of the same command (a case file, an article), and may replace another existing file only
with `--force`; its suffix must be one the command can write. Files are written to a uniquely
named temporary file in the target directory (never a fixed `<out>.tmp` that a planted link could
redirect) and renamed over the target, so a reader sees the old file or the whole new one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from dualtrack.errors import DualtrackError

_DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


class OutputError(DualtrackError, ValueError):
    """An output path a command refuses to write: the message names it and says why."""


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(12)[8:12] == _DUCKDB_MAGIC
    except OSError:
        return False


def workspace_files(data_dir: Path | str | None) -> list[Path]:
    """The workspace database and its write-ahead log, which no export may replace."""
    from dualtrack.store.paths import DB_FILE, workspace_dir

    db = workspace_dir(data_dir) / DB_FILE
    return [db, db.with_name(db.name + ".wal")]


def format_of(path: Path, fmt: str | None, suffixes: Mapping[str, str], option: str) -> str:
    """The format `fmt`, else the one `path`'s suffix names; an unknown one is an error naming
    the valid ones (never a silent default)."""
    valid = sorted(set(suffixes.values()))
    if fmt is not None:
        if fmt not in valid:
            raise OutputError(f"--format {fmt!r}: choose one of {', '.join(valid)}")
        return fmt
    kind = suffixes.get(path.suffix.lower())
    if kind is None:
        raise OutputError(
            f"{option} {path}: unknown suffix {path.suffix or '(none)'!r}; use one of "
            f"{', '.join(sorted(suffixes))} (or give --format)"
        )
    return kind


def check_out(
    path: Path | str,
    *,
    force: bool = False,
    inputs: Iterable[Path | str] = (),
    data_dir: Path | str | None = None,
    option: str = "--out",
) -> Path:
    """`path` if a command may write it; else an `OutputError` saying why not."""
    out = Path(path)
    for protected in workspace_files(data_dir):
        if out.resolve() == protected.resolve() or _same(out, protected):
            raise OutputError(
                f"{option} {out}: that is the workspace's own database; choose another file"
            )
    for given in inputs:
        if _same(out, Path(given)) or out.resolve() == Path(given).resolve():
            raise OutputError(f"{option} {out}: that is an input of this command ({given})")
    if out.is_dir():
        raise OutputError(f"{option} {out}: is a directory; give a file name")
    if out.exists() or out.is_symlink():
        if _is_database(out):
            raise OutputError(f"{option} {out}: is a database file; choose another file")
        if not force:
            raise OutputError(f"{option} {out}: already exists; use --force to replace it")
    return out


@contextmanager
def replacing(path: Path | str, mode: str = "w") -> Iterator[Path]:
    """A fresh, uniquely named temporary file beside `path`, renamed over `path` when the block
    ends without error and removed when it fails. The block writes to the yielded path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        mode=mode, dir=target.parent, prefix=f".{target.name}.", suffix=".partial", delete=False
    ) as fh:
        tmp = Path(fh.name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: Path | str, text: str) -> Path:
    """Write `text` (UTF-8) to `path` whole or not at all."""
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def check_out_dir(path: Path | str, *, force: bool = False, option: str = "--out") -> Path:
    """A directory a command fills with its own files (workspace, exports, brief): a new or empty
    one, or one that already holds a dualtrack workspace (a rerun); anything else needs --force."""
    from dualtrack.store.paths import DB_FILE

    out = Path(path)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{option} {out}: is a file, but this command writes a directory")
    if out.is_dir() and not force and not (out / DB_FILE).is_file() and any(out.iterdir()):
        raise OutputError(
            f"{option} {out}: is a directory with other files in it; choose a new one "
            "or use --force to write into it"
        )
    return out


def finite_json(payload: object, **kw: object) -> str:
    """`json.dumps` that refuses NaN and Infinity (not JSON: most parsers reject them) instead of
    printing them; the error says what to check."""
    import json

    try:
        return json.dumps(payload, allow_nan=False, **kw)  # type: ignore[arg-type]
    except ValueError:
        raise OutputError(
            "the result holds a non-finite number (NaN or infinity), which JSON cannot carry; "
            "check the inputs for extreme or missing values"
        ) from None
