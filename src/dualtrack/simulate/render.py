"""Rich tables of a forecast for the terminal: base (and what-if) side by side, base rate beside."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from dualtrack.simulate.backtest import SimulationBacktest
from dualtrack.simulate.engine import EVENTS, OUTCOMES, TALKS, VIOLENCE
from dualtrack.simulate.forecast import Forecast

LABELS = {
    "agreement": "agreement",  # or framework
    "talks_continue": "talks continue",
    "collapse": "collapse",  # talks collapsed, no strikes
    "limited_strikes": "limited strikes",
    "major_war": "major war",  # major strikes or war
    "first_strike": "within: strikes",
    "ceasefire_reached": "within: ceasefire",
    "agreement_signed": "within: agreement signed",
    "round_held": "within: talks held",
}


def _pct(p: float) -> str:
    return f"{100 * p:.0f}%" if p >= 0.01 or p == 0 else "<1%"


def _band(lo: float, hi: float) -> str:
    return f"{100 * lo:.0f}–{100 * hi:.0f}"


def outcome_table(f: Forecast) -> Table:
    """Per horizon and end state: probability, 90% interval, what-if (if any), ICB base rate."""
    title = f"{f.case} as of {f.asof}: {f.runs:,} runs, seed {f.seed}"
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("by day")
    table.add_column("end state")
    table.add_column("forecast", justify="right")
    table.add_column("90%", justify="right", style="dim")
    if f.levers is not None:
        table.add_column("what-if", justify="right", style="bold")
        table.add_column("change", justify="right")
    table.add_column("ICB base", justify="right", style="cyan")
    keys = (*OUTCOMES, *EVENTS)
    for h in f.horizons:
        for i, k in enumerate(keys):
            row = [h if i == 0 else "", LABELS[k], _pct(f.horizons[h][k]),
                   _band(*f.intervals90[h][k])]  # fmt: skip
            if f.levers is not None:
                alt = f.levers.horizons[h][k]
                row += [_pct(alt), f"{100 * (alt - f.horizons[h][k]):+.1f} pts"]
            row.append(_pct(f.base_rate[h][k]) if k in f.base_rate[h] else "")
            table.add_row(*row, end_section=i in (len(OUTCOMES) - 1, len(keys) - 1))
    table.caption = (
        "state on the day: violence first (exchange going on, major war), else agreement "
        "(or framework) / talks continue (talks or a ceasefire) / collapse (no talks); "
        "within = happened between the forecast date and the day; 90% = spread over parameter "
        "draws; ICB base = crises with this case's features, mapped to these end states "
        "(docs/forecast.md)"
    )
    return table


def joint_table(f: Forecast) -> Table:
    """Joint end states at the last horizon: violence (rows) x talks (columns), with 90%."""
    h = str(f.horizon)
    table = Table(title=f"Joint state on day {h}: violence x talks (90% interval)",
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)  # fmt: skip
    table.add_column("violence \\ talks")
    for t in TALKS:
        table.add_column(t.replace("_", " "), justify="right")
    for v in VIOLENCE:
        cells = [f"{_pct(f.joint[h][f'{v}|{t}'])} ({_band(*f.joint_intervals90[h][f'{v}|{t}'])})"
                 for t in TALKS]  # fmt: skip
        table.add_row(v, *cells)
    return table


def sobol_table(f: Forecast) -> Table:
    """Sobol indices of the driver target: share of its variance over the parameter ranges."""
    table = Table(
        title=f"Drivers of P({f.driver_target.replace('+', ' or ')}) by day {f.horizon}: "
        f"Sobol indices over the parameter ranges (N={f.sobol_samples}, "
        f"{f.sobol_runs} runs per point)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for col in ("parameter", "low", "high", "S1 (alone)", "ST (total)"):
        table.add_column(col, justify="left" if col == "parameter" else "right")
    for d in f.drivers:
        table.add_row(
            d.name, f"{d.low:.3g}", f"{d.high:.3g}", f"{d.s1:.2f} ± {d.s1_conf:.2f}",
            f"{d.st:.2f} ± {d.st_conf:.2f}",
        )  # fmt: skip
    table.caption = (
        "S1 = share of the variance the parameter explains alone, ST = share it has a hand in "
        "(with interactions); ± = 95% bootstrap half-width"
    )
    return table


def drivers_table(f: Forecast) -> Table:
    if f.drivers_method == "sobol":
        return sobol_table(f)
    table = Table(
        title=f"Drivers of P({f.driver_target.replace('+', ' or ')}) by day {f.horizon}: "
        "parameter at its low vs high end, others at their points",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for col in ("parameter", "low", "high", "P at low", "P at high", "effect"):
        table.add_column(col, justify="left" if col == "parameter" else "right")
    for d in f.drivers:
        table.add_row(
            d.name, f"{d.low:.3g}", f"{d.high:.3g}", _pct(d.p_low or 0.0), _pct(d.p_high or 0.0),
            f"{100 * d.effect:+.0f} pts",
        )  # fmt: skip
    return table


def strike_line(f: Forecast) -> Text:
    """The time-to-first-major-strike curve at a few days (base and what-if)."""
    days = [d for d in (7, 14, 30, 60, 90, 180, 365) if d <= f.horizon]
    parts = [f"day {d}: {_pct(f.strike_curve[d])}" for d in days]
    text = "P(first major strike by) " + ", ".join(parts)
    if f.levers is not None:
        text += "\n  what-if: " + ", ".join(
            f"day {d}: {_pct(f.levers.strike_curve[d])}" for d in days
        )
    return Text(text)


def forecast_view(f: Forecast) -> RenderableType:
    items: list[RenderableType] = [outcome_table(f), joint_table(f), strike_line(f)]
    if f.levers is not None:
        items.append(Text("what-if: " + ", ".join(f"{k}={v}" for k, v in f.levers.set.items())))
    if f.drivers:
        items.append(drivers_table(f))
    items.append(Text("start: " + "; ".join(f.start.notes), style="dim"))
    return Group(*items)


def simulation_backtest_view(report: SimulationBacktest) -> RenderableType:
    """Brier and log-loss per target and horizon (simulation / climatology / logit), then the
    simulation's reliability at 90 days."""
    table = Table(
        title=f"Simulation back-test on ICB v14: {report.n_test} held-out crises "
        f"({report.n_train} train), {report.runs} runs each, seed {report.seed}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for col in ("outcome", "day", "n", "observed", "Brier sim / clim / logit",
                "log-loss sim / clim / logit", "Brier uncal."):  # fmt: skip
        table.add_column(col, justify="left" if col == "outcome" else "right")
    for s in report.scores:
        table.add_row(
            s.target, str(s.horizon), str(s.n), _pct(s.base_rate),
            f"{s.brier:.3f} / {s.brier_climatology:.3f} / {s.brier_logit:.3f}",
            f"{s.log_loss:.3f} / {s.log_loss_climatology:.3f} / {s.log_loss_logit:.3f}",
            f"{s.brier_uncalibrated:.3f}",
        )  # fmt: skip
    table.caption = (
        "crisis-level outcomes as ICB records them (ended by the day; by agreement; with "
        "serious clashes or war; with war), not day-level paths; lower is better; uncal. = the "
        "simulation before its observation calibration"
    )
    rel = Table(title="Reliability at day 90 (simulation)", title_justify="left",
                box=box.SIMPLE_HEAD, pad_edge=False)  # fmt: skip
    for col in ("outcome", "forecast bin", "n", "mean forecast", "observed"):
        rel.add_column(col, justify="left" if col == "outcome" else "right")
    for s in report.scores:
        if s.horizon != 90:
            continue
        for i, r in enumerate(s.reliability):
            rel.add_row(
                s.target if i == 0 else "", f"{r['low']:.1f}–{r['high']:.1f}", str(int(r["n"])),
                _pct(r["mean_forecast"]), _pct(r["observed"]),
                end_section=i == len(s.reliability) - 1,
            )  # fmt: skip
    return Group(table, rel, Text(f"split: {report.description}", style="dim"))
