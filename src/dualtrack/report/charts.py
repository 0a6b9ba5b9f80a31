"""Inline SVG charts for the brief, written by hand so the file stays self-contained.

All labels are SVG <text> (never paths), so Chinese renders with whatever CJK font the reader
has, and every label is escaped here because chart markup is inserted into the page as is. Charts
use a fixed viewBox and scale with the page; labels are shortened to the room they have so none
spills out of the chart at any width.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence

from markupsafe import escape

from dualtrack.analyze import EscalationPoint, IssueGap, TrackPoint
from dualtrack.ontology import ladder

W = 480  # about the width a chart gets on a wide screen, so it shows at 1:1 there
FONT = 12
NEG, CONF, GRID, INK, MUTED = "#1d4ed8", "#c2410c", "#e5e7eb", "#111827", "#6b7280"
SOURCES = "#cbd5e1"
SHADES = ("#93c5fd", "#3b82f6", "#1e3a8a")  # forecast horizons, nearest lightest
NARROW = 340  # the width a chart gets on a phone: its second, narrow rendering
PALETTE = ("#1d4ed8", "#c2410c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d")


def text_width(text: str, size: float = FONT) -> float:
    """Rendered width estimate: wide (CJK) characters take a full em, others about 0.58 em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.58 for c in text)


def fit(text: str, room: float, size: float = FONT) -> str:
    """`text` shortened with an ellipsis to fit `room` pixels."""
    if text_width(text, size) <= room:
        return text
    out = ""
    for c in text:
        if text_width(out + c + "…", size) > room:
            break
        out += c
    return out + "…"


def _lines(s: str, room: float, size: float) -> list[str]:
    """`s` in at most two lines that fit `room`, broken at spaces; the rest is cut."""
    words, lines = s.split(" "), [""]
    for w in words:
        trial = f"{lines[-1]} {w}".strip()
        if text_width(trial, size) <= room or not lines[-1]:
            lines[-1] = trial
        elif len(lines) < 2:
            lines.append(w)
        else:
            lines[-1] = trial
    return [fit(ln, room, size) for ln in lines]


def _text(
    x: float,
    y: float,
    s: str,
    *,
    anchor: str = "start",
    size: float = FONT,
    fill: str = INK,
    weight: str = "normal",
    room: float | None = None,
) -> str:
    shown = fit(s, room, size) if room is not None else s
    tip = f"<title>{escape(s)}</title>" if shown != s else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{fill}" font-weight="{weight}">{tip}{escape(shown)}</text>'
    )


def _hline(x1: float, x2: float, y: float, color: str = GRID) -> str:
    return f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{color}"/>'


def _svg(height: float, body: list[str], label: str, width: float = W) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height:.0f}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMidYMid meet">' + "".join(body) + "</svg>"
    )


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if v <= step * 4:
            return step * 4
    return v * 1.1


def _date_labels(dates: Sequence[dt.date], x: Callable[[int], float], y: float) -> list[str]:
    """Date labels under the x axis; the outer ones are anchored inward so they stay inside."""
    ticks = _date_ticks(dates)
    out = []
    for i in ticks:
        anchor = (
            "start" if i == 0 and len(ticks) > 1 else "end" if i == len(dates) - 1 else "middle"
        )
        out.append(_text(x(i), y, dates[i].strftime("%m-%d"), anchor=anchor, fill=MUTED, size=11))
    return out


def _date_ticks(dates: Sequence[dt.date], n: int = 5) -> list[int]:
    if len(dates) <= n:
        return list(range(len(dates)))
    step = (len(dates) - 1) / (n - 1)
    return sorted({round(i * step) for i in range(n)})


def track_chart(points: list[TrackPoint], title: str, width: float = W) -> str:
    """The negotiation and confrontation indices per day, with documents per day as bars."""
    h, left, right, top, bottom = 240, 44, 12, 12, 30
    pw, ph = width - left - right, h - top - bottom
    body: list[str] = []
    if not points:
        return _svg(h, body, title, width)
    ymax = _nice_max(max(max(p.negotiation, p.confrontation) for p in points))
    n = len(points)

    def x(i: int) -> float:
        return left + (pw * i / (n - 1) if n > 1 else pw / 2)

    def y(v: float) -> float:
        return top + ph - ph * v / ymax

    for k in range(5):
        v = ymax * k / 4
        body.append(_hline(left, width - right, y(v)))
        body.append(_text(left - 6, y(v) + 4, f"{v:g}", anchor="end", fill=MUTED, size=11))
    smax = max(p.n_sources for p in points) or 1
    bw = max(pw / n * 0.6, 1.5)
    for i, p in enumerate(points):
        if p.n_sources:
            bh = ph * 0.18 * p.n_sources / smax
            body.append(
                f'<rect x="{x(i) - bw / 2:.1f}" y="{top + ph - bh:.1f}" width="{bw:.1f}" '
                f'height="{bh:.1f}" fill="{SOURCES}"><title>{p.date}: {p.n_sources}'
                f"</title></rect>"
            )
    for attr, color in (("negotiation", NEG), ("confrontation", CONF)):
        pts = " ".join(f"{x(i):.1f},{y(getattr(p, attr)):.1f}" for i, p in enumerate(points))
        body.append(
            f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2.2" '
            f'stroke-linejoin="round" data-series="{attr}"/>'
        )
    body += _date_labels([p.date for p in points], x, h - 10)
    return _svg(h, body, title, width)


def escalation_chart(
    points: list[EscalationPoint], rung_labels: dict[str, str], title: str, width: float = W
) -> str:
    """The level (step line) and each day's peak (dots) on the ladder's rungs."""
    rungs = ladder()
    h, left, right, top, bottom = 260, 28, 12, 24, 30
    pw, ph = width - left - right, h - top - bottom
    top_rung = rungs[-1].rung
    n = max(len(points), 1)

    def x(i: float) -> float:
        return left + (pw * i / (n - 1) if n > 1 else pw / 2)

    def y(r: float) -> float:
        return top + ph - ph * r / top_rung

    body: list[str] = []
    for r in rungs:
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(r.rung):.1f}" '
            f'y2="{y(r.rung):.1f}" stroke="{GRID}"/>'
        )
        body.append(_text(left - 8, y(r.rung) + 4, str(r.rung), anchor="end", fill=MUTED, size=11))
        if r.rung:
            body.append(
                _text(
                    left + 4,
                    y(r.rung) - 4,
                    rung_labels.get(r.id, r.label),
                    fill=MUTED,
                    size=10.5,
                    room=pw - 8,
                )
            )
    if points:
        d = f"M{x(0):.1f},{y(points[0].level):.1f} " + " ".join(
            f"H{x(i):.1f} V{y(p.level):.1f}" for i, p in enumerate(points)
        )
        body.append(
            f'<path d="{d}" fill="none" stroke="{CONF}" stroke-width="2.4" data-series="level"/>'
        )
        for i, p in enumerate(points):
            if p.peak:
                body.append(
                    f'<circle cx="{x(i):.1f}" cy="{y(p.peak):.1f}" r="3.6" fill="{INK}">'
                    f"<title>{p.date}: {p.peak}</title></circle>"
                )
        body += _date_labels([p.date for p in points], x, h - 10)
    return _svg(h, body, title, width)


def positions_chart(
    gaps: list[IssueGap],
    actor_labels: dict[str, str],
    title: str,
    red_line: str,
    width: float = W,
) -> str:
    """Each issue as a 0-100 scale with a dot per actor; a red ring marks a red line."""
    left, right, row = 16, 16, 74
    pw = width - left - right
    colors = {a: PALETTE[i % len(PALETTE)] for i, a in enumerate(actor_labels)}
    body: list[str] = []
    shown = [g for g in gaps if any(p.value is not None for p in g.positions)]
    for k, g in enumerate(shown):
        y0 = 8 + k * row
        body.append(_text(left, y0 + 14, g.name, weight="600", room=pw))
        ya = y0 + 36
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{ya}" y2="{ya}" stroke="#9ca3af" '
            f'stroke-width="1.5"/>'
        )
        span = g.scale_max - g.scale_min
        placed: list[tuple[float, int]] = []
        for p in sorted(g.positions, key=lambda p: p.value or 0):
            if p.value is None:
                continue
            px = left + pw * (p.value - g.scale_min) / span
            lane = sum(1 for qx, _ in placed if abs(qx - px) < 70)
            placed.append((px, lane))
            color = colors.get(p.actor, INK)
            if p.red_line:
                body.append(
                    f'<circle cx="{px:.1f}" cy="{ya}" r="9" fill="none" stroke="#dc2626" '
                    f'stroke-width="2"><title>{escape(red_line)}</title></circle>'
                )
            body.append(f'<circle cx="{px:.1f}" cy="{ya}" r="5.5" fill="{color}"/>')
            label = actor_labels.get(p.actor, p.actor)
            anchor = "start" if px < left + 60 else "end" if px > width - right - 60 else "middle"
            body.append(
                _text(
                    px,
                    ya + 22 + 13 * (lane % 2),
                    label,
                    anchor=anchor,
                    fill=color,
                    size=11,
                    room=120,
                )
            )
    h = 8 + max(len(shown), 1) * row
    return _svg(h, body, title, width)


def forecast_chart(
    horizons: list[tuple[int, list[tuple[str, float, float, float]]]],
    title: str,
    width: float = W,
) -> str:
    """Grouped bars: for each end state, its probability at each horizon with a 90% whisker.

    `horizons` is [(days, [(state label, p, lo, hi), ...]), ...] with probabilities in 0..1.
    """
    h, left, right, top, bottom = 250, 40, 8, 12, 40
    pw, ph = width - left - right, h - top - bottom
    shades = SHADES
    body: list[str] = []
    if not horizons:
        return _svg(h, body, title, width)
    states = [s for s, *_ in horizons[0][1]]

    def y(v: float) -> float:
        return top + ph - ph * v

    for k in range(5):
        v = k / 4
        body.append(_hline(left, width - right, y(v)))
        body.append(_text(left - 6, y(v) + 4, f"{v * 100:.0f}%", anchor="end", fill=MUTED, size=11))
    gw = pw / max(len(states), 1)
    bw = gw * 0.7 / len(horizons)
    for si, state in enumerate(states):
        gx = left + si * gw + gw * 0.15
        for hi_, (days, rows) in enumerate(horizons):
            _, p, lo, hi = rows[si]
            bx = gx + hi_ * bw
            body.append(
                f'<rect x="{bx:.1f}" y="{y(p):.1f}" width="{bw - 2:.1f}" '
                f'height="{ph * p:.1f}" fill="{shades[hi_ % 3]}"><title>'
                f"{escape(state)} · {days}: {p * 100:.0f}% ({lo * 100:.0f}–{hi * 100:.0f}%)"
                f"</title></rect>"
            )
            cx = bx + (bw - 2) / 2
            body.append(
                f'<path d="M{cx:.1f},{y(lo):.1f} V{y(hi):.1f} M{cx - 3:.1f},{y(lo):.1f} '
                f'h6 M{cx - 3:.1f},{y(hi):.1f} h6" stroke="{INK}" stroke-width="1.2"/>'
            )
        cx = left + si * gw + gw / 2
        for k, line in enumerate(_lines(state, gw - 4, 10.5)):
            body.append(_text(cx, h - bottom + 16 + 13 * k, line, anchor="middle", size=10.5))
    return _svg(h, body, title, width)


def history_chart(
    dates: Sequence[dt.date],
    series: list[tuple[str, list[float]]],
    title: str,
    width: float = W,
) -> str:
    """How probabilities moved: one line per end state over the dates (0..1 each), each line's
    colour from PALETTE in the order given (the legend uses the same order)."""
    h, left, right, top, bottom = 240, 44, 12, 12, 30
    pw, ph = width - left - right, h - top - bottom
    body: list[str] = []
    if not dates or not series:
        return _svg(h, body, title, width)
    n = len(dates)

    def x(i: int) -> float:
        return left + (pw * i / (n - 1) if n > 1 else pw / 2)

    def y(v: float) -> float:
        return top + ph - ph * v

    for k in range(5):
        v = k / 4
        body.append(_hline(left, width - right, y(v)))
        body.append(_text(left - 6, y(v) + 4, f"{v * 100:.0f}%", anchor="end", fill=MUTED, size=11))
    for si, (label, values) in enumerate(series):
        color = PALETTE[si % len(PALETTE)]
        pts = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        body.append(
            f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2.2" '
            f'stroke-linejoin="round" data-series="{escape(label)}"><title>{escape(label)}'
            "</title></polyline>"
        )
    body += _date_labels(list(dates), x, h - 10)
    return _svg(h, body, title, width)
