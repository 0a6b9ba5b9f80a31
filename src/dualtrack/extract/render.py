"""Rich rendering of extracted events for `dualtrack extract --format table`."""

from __future__ import annotations

from typing import Any

from rich.table import Table


def _qty(q: dict[str, Any]) -> str:
    v = q["value"]
    num = f"{int(v):,}" if v == int(v) else f"{v:,}"
    what = f" {q['what']}" if q.get("what") else ""
    qual = {"at_least": "≥", "at_most": "≤", "about": "~"}.get(q.get("qualifier") or "", "")
    return f"{qual}{num} {q['unit']}{what}"


def records_table(records: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("date", "actor", "category", "target", "via", "flags", "quantities", "evidence"):
        short = col in ("date", "actor", "category", "target", "via")
        table.add_column(col, no_wrap=short, overflow="ellipsis" if short else "fold")
    for r in records:
        date = r["date"] or "?"
        if r["date_precision"] not in ("day", "unknown"):
            date += f" ({r['date_precision']})"
        cat = r["category"] + (f"/{r['mode']}" if r["mode"] else "")
        ev = r["evidence"][0]["text"] if r["evidence"] else ""
        more = f" (+{len(r['evidence']) - 1})" if len(r["evidence"]) > 1 else ""
        table.add_row(
            date,
            r["actor"],
            cat,
            r["target"] or "",
            r["via"] or "",
            ", ".join(r["flags"]),
            "; ".join(_qty(q) for q in r["quantities"]),
            ((ev or "").replace("\n", " ")[:80]) + more,
        )
    return table
