"""The `dualtrack` command line: thin commands over the Python API, Rich output, JSON on demand."""

from __future__ import annotations

import typer
from rich.console import Console

from dualtrack import __version__

app = typer.Typer(
    name="dualtrack",
    help="Read crisis reporting, model the negotiation and confrontation tracks, and forecast.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
case_app = typer.Typer(help="List, show and validate case files.", no_args_is_help=True)
backtest_app = typer.Typer(help="Back-test the models on historical data.", no_args_is_help=True)
app.add_typer(case_app, name="case")
app.add_typer(backtest_app, name="backtest")

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    """Print an error to stderr and exit with `code` (1 = bad input)."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        console.print(f"dualtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """dualtrack: talk-while-fighting crises, from articles to forecasts."""
