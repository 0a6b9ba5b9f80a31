"""Rich tables of cases for the terminal: the case list, and a case's actors, issues, positions.

Kept beside the loader so that `dualtrack case show` stays a thin command and any other front end
(a notebook, the brief) can print the same tables.
"""

from __future__ import annotations

from rich import box
from rich.table import Table

from dualtrack.model import Case, Issue, IssueKind, Position


def _table(title: str, *columns: str, right: tuple[str, ...] = ()) -> Table:
    """A table whose first column (the id) never wraps; the others fold when space is short."""
    t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for n, col in enumerate(columns):
        justify = "right" if col in right else "left"
        t.add_column(col, justify=justify, overflow="fold", no_wrap=n == 0)
    return t


def cases_table(cases: list[Case]) -> Table:
    t = _table(
        "Built-in cases",
        "id",
        "title",
        "as of",
        "actors",
        "issues",
        "positions",
        "events",
        right=("actors", "issues", "positions", "events"),
    )
    for c in cases:
        t.add_row(
            c.id,
            c.title,
            str(c.asof or "—"),
            str(len(c.actors)),
            str(len(c.issues)),
            str(len(c.positions)),
            str(len(c.events)),
        )
    return t


def actors_table(case: Case) -> Table:
    t = _table(f"Actors ({len(case.actors)})", "id", "kind", "role", "en", "中文", "aliases")
    for a in case.actors:
        zh = " / ".join(
            dict.fromkeys(a.names[lg] for lg in ("zh-Hant", "zh-Hans") if lg in a.names)
        )
        n_alias = sum(len(v) for v in a.aliases.values())
        t.add_row(
            a.id,
            a.kind.value,
            a.role.value if a.role else "",
            a.names.get("en", ""),
            zh,
            str(n_alias) if n_alias else "",
        )
    return t


def _issue_scale(issue: Issue) -> str:
    if issue.kind is IssueKind.SET:
        return "set of: " + ", ".join(issue.options)
    anchors = "; ".join(f"{a.value:g} {a.label}" for a in issue.anchors)
    span = f"{issue.scale_min:g}–{issue.scale_max:g}"
    return f"{span}: {anchors}" if anchors else span


def issues_table(case: Case) -> Table:
    t = _table(f"Issues ({len(case.issues)})", "id", "name", "scale or options")
    for i in case.issues:
        t.add_row(i.id, i.name, _issue_scale(i))
    return t


def _placement(p: Position) -> str:
    if p.items is not None:
        return ", ".join(p.items)
    return f"{p.value:g}" if p.value is not None else "—"


def _span(rng: tuple[float, float] | None) -> str:
    return f"{rng[0]:g}–{rng[1]:g}" if rng else ""


def positions_table(case: Case) -> Table:
    t = _table(
        f"Positions ({len(case.positions)})",
        "actor",
        "issue",
        "position",
        "range",
        "salience",
        "capability",
        "red line",
        right=("salience", "capability"),
    )
    for p in case.positions:
        t.add_row(
            p.actor,
            p.issue,
            _placement(p),
            _span(p.value_range),
            f"{p.salience:g}",
            f"{p.capability:g}",
            (p.red_line_text or "yes") if p.red_line else "",
        )
    return t


def case_tables(case: Case) -> list[Table]:
    return [actors_table(case), issues_table(case), positions_table(case)]
