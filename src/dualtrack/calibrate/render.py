"""Rich rendering of the ICB back-test, shared by the CLI and the benchmark script."""

from __future__ import annotations

from rich import box
from rich.table import Table

from dualtrack.calibrate.icb_fit import BacktestReport


def backtest_table(report: BacktestReport, title: str | None = None) -> Table:
    """Each fitted model beside climatology on the held-out part of one split."""
    table = Table(
        title=title or f"ICB back-test, {report.split} split (lower is better)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        caption="n = crises in training/test part; λ = L2 strength chosen by CV",
    )
    for col in ("model", "metric", "score", "climatology", "skill", "n", "λ"):
        table.add_column(col, justify="left" if col in ("model", "metric") else "right")
    for r in report.rows:
        table.add_row(
            r.model,
            r.metric,
            f"{r.model_score:.4f}",
            f"{r.climatology_score:.4f}",
            f"{r.skill:+.1%}",
            f"{r.n_train}/{r.n_test}",
            f"{r.lam:g}",
        )
    return table
