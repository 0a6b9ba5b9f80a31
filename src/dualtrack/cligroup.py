"""The CLI's single error path: whatever stops a command ends as one `error:` line and exit 1.

`OneErrorGroup` is the Click group class behind `dualtrack`; it runs every command in Click's
non-standalone mode and turns usage errors (an unknown option, a value of the wrong type), this
package's errors (`DualtrackError`: they name the file, option or field) and operating-system
errors (a full disk under stdout, a file that cannot be opened) into one line on stderr, with the
exit code the README promises. Output already buffered for stdout is dropped rather than half
written. Other exceptions are bugs and keep their traceback.
"""

from __future__ import annotations

import errno
import importlib
import sys
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperGroup

from dualtrack.errors import DualtrackError, describe, printable, silence_stdout

# Typer vendors Click in recent releases and uses the real one in older: take the exceptions
# from wherever its BadParameter lives.
_click = importlib.import_module(typer.BadParameter.__module__)
_ABORT = getattr(_click, "Abort", typer.Abort)
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}
BAD_INPUT = 1  # every bad input: a file, an option, a field (README: "exit code 1")


def error_line(message: str) -> None:
    """Print `error: message` on stderr, control characters neutralised."""
    from rich.console import Console
    from rich.text import Text

    line = Text.assemble(("error:", "bold red"), " ", printable(message))
    Console(stderr=True).print(line, highlight=False, soft_wrap=True)


def run_one_error_path(call: Callable[[], Any]) -> int:
    """Run a non-standalone Click invocation; return its exit code after one error line."""
    try:
        rv = call()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`| head`): nothing left to tell it
        silence_stdout()
        return BAD_INPUT
    except _click.UsageError as exc:
        where = f"{exc.ctx.command_path}: " if exc.ctx is not None else ""
        error_line(f"{where}{exc.format_message()} (see --help)")
        return BAD_INPUT
    except _click.ClickException as exc:
        error_line(exc.format_message())
        return exc.exit_code
    except (_ABORT, typer.Abort):
        error_line("aborted")
        return BAD_INPUT
    except (DualtrackError, OSError, RecursionError, MemoryError) as exc:
        if isinstance(exc, OSError) and not exc.filename and exc.errno in _WRITE_ERRNOS:
            exc = OSError(exc.errno, exc.strerror, "<stdout>")
        silence_stdout()
        error_line(describe(exc))
        return BAD_INPUT
    except Exception as exc:  # the database engine's own errors, without importing it here
        if type(exc).__module__.split(".")[0] not in ("duckdb", "_duckdb"):
            raise
        silence_stdout()
        error_line(f"workspace database: {exc}")
        return BAD_INPUT
    return rv if isinstance(rv, int) else 0


class OneErrorGroup(TyperGroup):
    """A Typer group whose every command shares `run_one_error_path`."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        parent = super().main
        code = run_one_error_path(
            lambda: parent(args, prog_name, complete_var, standalone_mode=False, **extra)
        )
        if standalone_mode:
            sys.exit(code)
        return code
