"""The brief as data: sections of cited lines, tables and charts, in one language.

`build_brief` turns a situation picture (and the outlook, when engines ran) into a `Brief`; the
renderers (`render.py`) only lay it out, so HTML and Markdown say the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel

from dualtrack import __version__
from dualtrack.analyze import IssueGap, Modality, SituationPicture, contribution, modality
from dualtrack.model import LOW_CONFIDENCE, Case, Document, Event, IssueKind
from dualtrack.ontology import Category, Track, ladder, track_of
from dualtrack.report import charts
from dualtrack.report.evidence import EvidenceBook, EvidenceRef
from dualtrack.report.i18n import Strings, actor_label, number
from dualtrack.report.outlook import Outlook

SECTION_IDS = (
    "headline",
    "negotiation",
    "confrontation",
    "third_parties",
    "determinants",
    "outlook",
)
CHART_IDS = ("tracks", "escalation", "positions", "forecast")
LATEST_N = 6  # moves listed per track
# A brief is read, not searched: past these, a list shows its most recent items and says how many
# more the workspace holds (`dualtrack events` lists them all), so its size stays bounded.
LIST_N = 12  # events in one list (rounds, threats, excluded reports)
PAIRS_N = 8  # pairs of actors in the by-pair index table


class Line(BaseModel):
    text: str
    refs: list[int] = []
    date: dt.date | None = None


class Lines(BaseModel):
    kind: Literal["lines"] = "lines"
    title: str | None = None
    items: list[Line]


class Table(BaseModel):
    kind: Literal["table"] = "table"
    title: str | None = None
    headers: list[str]
    rows: list[list[Line]]


class Chart(BaseModel):
    kind: Literal["chart"] = "chart"
    id: str
    title: str
    svg: str  # generated markup, every label already escaped (see charts.py)
    svg_narrow: str | None = None  # the same chart drawn for a phone-width column
    legend: list[tuple[str, str]] = []  # (colour, label), shown as text beside the chart


class Note(BaseModel):
    kind: Literal["note"] = "note"
    text: str


Block = Lines | Table | Chart | Note


class Section(BaseModel):
    id: str
    heading: str
    blocks: list[Block]


class Brief(BaseModel):
    case_id: str
    title: str
    lang: str
    html_lang: str
    asof: dt.date
    asof_text: str
    assessment: str
    sections: list[Section]
    evidence: list[EvidenceRef]
    evidence_heading: str
    method_heading: str
    method: str
    generated: str
    labels: dict[str, str]  # fixed table headers used by the renderers


class _Builder:
    def __init__(
        self,
        case: Case,
        pic: SituationPicture,
        s: Strings,
        book: EvidenceBook,
        outlook: Outlook | None,
        history: Sequence[tuple[dt.date, dict[str, dict[str, float]]]] = (),
        low_confidence: float = LOW_CONFIDENCE,
    ) -> None:
        self.case, self.pic, self.s, self.book, self.outlook = case, pic, s, book, outlook
        self.low_confidence = low_confidence
        self.lang = s.lang
        self.history = [(d, h) for d, h in history if pic.start <= d <= pic.asof]

    # -- small helpers -------------------------------------------------------------------------

    def who(self, actor_id: str | None) -> str:
        return actor_label(self.case, actor_id, self.lang)

    def date(self, d: dt.date | None) -> str:
        return d.isoformat() if d else "?"

    def event_text(self, ev: Event) -> str:
        return event_text(self.case, ev, self.s, self.low_confidence)

    def event_line(self, ev: Event) -> Line:
        return Line(
            text=f"{self.date(ev.date)} · {self.event_text(ev)}",
            refs=self.book.cite(ev),
            date=ev.date,
        )

    def events(self, ids: list[str]) -> list[Event]:
        return [self.pic.events[i] for i in ids if i in self.pic.events]

    def event_lines(self, events: list[Event], n: int = LIST_N) -> list[Line]:
        """The `n` most recent of `events` in their given order, and a line counting the rest."""
        shown = set(
            sorted(range(len(events)), key=lambda i: (events[i].date or dt.date.min, events[i].id))[
                -n:
            ]
        )
        lines = [self.event_line(e) for i, e in enumerate(events) if i in shown]
        if len(events) > n:
            lines.append(Line(text=self.s("more", n=number(len(events) - n))))
        return lines

    # -- sections ------------------------------------------------------------------------------

    def headline(self) -> Section:
        s, pic = self.s, self.pic
        lines: list[Line] = []
        if pic.tracks:
            now = pic.tracks[-1]
            back = pic.tracks[max(0, len(pic.tracks) - 8)]
            days = (now.date - back.date).days
            key = "headline.tracks" if days > 0 else "headline.tracks_now"
            lines.append(
                Line(
                    text=s(
                        key,
                        neg=f"{now.negotiation:.1f}",
                        conf=f"{now.confrontation:.1f}",
                        neg_trend=s(f"trend.{_trend(back.negotiation, now.negotiation)}"),
                        conf_trend=s(f"trend.{_trend(back.confrontation, now.confrontation)}"),
                        days=days,
                    ),
                    refs=self.book.cite(*self.top_contributors(now.date)),
                )
            )
        level = pic.level
        if level is not None and level.level > 0:
            reached = [p for p in pic.escalation if p.peak == level.level]
            at = reached[-1] if reached else level
            lines.append(
                Line(
                    text=s(
                        "headline.level",
                        rung=level.level,
                        top=ladder()[-1].rung,
                        label=s(f"rungs.{level.rung_id}"),
                        date=self.date(at.date),
                    ),
                    refs=self.book.cite(*self.events(at.event_ids)),
                )
            )
        lines.append(self.round_line())
        gap = _widest(pic.agenda)
        if gap is not None and gap.distance_share is not None:
            lines.append(
                Line(
                    text=s(
                        "headline.gap",
                        issue=gap.name,
                        share=f"{gap.distance_share * 100:.0f}",
                        n=len(gap.red_lines),
                    ),
                    refs=self._stance_refs(gap),
                )
            )
        fv = self.outlook.forecast if self.outlook else None
        if fv and fv.horizons:
            h = next((h for h in fv.horizons if h.days == 30), fv.horizons[len(fv.horizons) // 2])
            top = max(h.states, key=lambda x: x.p)
            lines.append(
                Line(
                    text=s(
                        "headline.outlook",
                        days=h.days,
                        state=self.state_label(top.state),
                        p=_pct(top.p),
                        lo=_pct(top.lo),
                        hi=_pct(top.hi),
                    )
                )
            )
        return Section(id="headline", heading=s("sections.headline"), blocks=[Lines(items=lines)])

    def top_contributors(self, day: dt.date, n: int = 4) -> list[Event]:
        """The events weighing most in the two indices on `day` (after decay)."""
        weights = []
        for ev in self.pic.events.values():
            c = contribution(ev)
            if c is None or ev.date is None or ev.date > day:
                continue
            decay = 0.5 ** ((day - ev.date).days / self.pic.half_life_days)
            weights.append((c[1] * decay, ev.id, ev))
        weights.sort(key=lambda w: (-w[0], w[1]))
        return [ev for _, _, ev in weights[:n]]

    def round_line(self) -> Line:
        s, neg = self.s, self.pic.negotiation
        if neg.last_round is None:
            return Line(text=s("headline.no_round"))
        if neg.next_round_fixed:
            nxt = s("next_fixed", date=self.date(neg.next_round_date))
        elif neg.next_round:
            nxt = s("next_announced")
        else:
            nxt = s("next_none")
        via = (
            s("via", mediator=", ".join(self.who(m) for m in neg.mediators))
            if neg.mediators
            else ""
        )
        last = [e for e in self.events(neg.rounds) if e.date == neg.last_round]
        return Line(
            text=s("headline.round", date=self.date(neg.last_round), via=via, next=nxt),
            refs=self.book.cite(*last, *self.events(neg.next_round[:2])),
        )

    def _stance_refs(self, gap: IssueGap) -> list[int]:
        ids = dict.fromkeys(i for p in gap.positions for i in p.stance_ids)
        return self.book.cite(*(self.pic.stances[i] for i in ids if i in self.pic.stances))

    def negotiation(self) -> Section:
        s, pic = self.s, self.pic
        title = s("charts.tracks", half_life=number(pic.half_life_days))
        legend = [
            (charts.NEG, s("sections.negotiation")),
            (charts.CONF, s("sections.confrontation")),
            (charts.SOURCES, s("charts.tracks_sources")),
        ]
        blocks: list[Block] = [
            _chart("tracks", title, charts.track_chart, pic.tracks, title, legend=legend)
        ]
        rounds = self.events(pic.negotiation.rounds)
        if rounds:
            blocks.append(Lines(title=s("negotiation.rounds"), items=self.event_lines(rounds)))
        moves = [
            e
            for e in pic.events.values()
            if track_of(e.category) is Track.NEGOTIATION and e.id not in pic.negotiation.rounds
        ]
        moves.sort(key=lambda e: (e.date, e.id), reverse=True)
        blocks.append(
            Lines(
                title=s("negotiation.statements"),
                items=[self.event_line(e) for e in moves[:LATEST_N]]
                or [Line(text=s("negotiation.none"))],
            )
        )
        agenda = self.agenda_table()
        blocks.append(agenda if agenda.rows else Note(text=s("negotiation.no_positions")))
        labels = {a.id: self.who(a.id) for a in self.case.actors}
        title = s("charts.positions")
        blocks.append(
            _chart(
                "positions",
                title,
                charts.positions_chart,
                pic.agenda,
                labels,
                title,
                s("table.red_line"),
            )
        )
        return Section(id="negotiation", heading=s("sections.negotiation"), blocks=blocks)

    def agenda_table(self) -> Table:
        s = self.s
        rows: list[list[Line]] = []
        for g in self.pic.agenda:
            for i, p in enumerate(g.positions):
                shown = (
                    ", ".join(_option(o) for o in p.items)
                    if g.kind is IssueKind.SET and p.items is not None
                    else number(p.value)
                    if p.value is not None
                    else "?"
                )
                if g.kind is IssueKind.SET and p.value is not None:
                    shown += f" ({number(p.value)})"
                red = p.red_line_text or ("✓" if p.red_line else "")
                refs = self.book.cite(
                    *(self.pic.stances[i] for i in p.stance_ids if i in self.pic.stances)
                )
                rows.append(
                    [
                        Line(text=g.name if i == 0 else ""),
                        Line(text=self.who(p.actor)),
                        Line(text=shown, refs=refs, date=p.as_of),
                        Line(text=red),
                        Line(text=number(g.distance) if i == 0 and g.distance is not None else ""),
                    ]
                )
        return Table(
            title=s("negotiation.agenda"),
            headers=[
                s("table.issue"),
                s("table.actor"),
                s("table.position"),
                s("table.red_line"),
                s("table.distance"),
            ],
            rows=rows,
        )

    def confrontation(self) -> Section:
        s, pic = self.s, self.pic
        labels = {r.id: s(f"rungs.{r.id}") for r in ladder()}
        title = s("charts.escalation", window=pic.level_window_days)
        blocks: list[Block] = [
            _chart("escalation", title, charts.escalation_chart, pic.escalation, labels, title)
        ]
        threats = sorted(
            self.events(pic.ledger.threats), key=lambda e: (e.date, e.id), reverse=True
        )
        if threats:
            blocks.append(Lines(title=s("confrontation.threats"), items=self.event_lines(threats)))
        rows: list[list[Line]] = []
        for e in pic.ledger.entries:
            n = number(e.total)
            count = s("at_least", n=n) if e.at_least else n
            item = self.s.unit_name(e.what or e.unit, e.total)
            if e.aggregation == "latest":
                item += " " + s("latest_value")
            dates = self.date(e.first) + ("" if e.first == e.last else f" – {self.date(e.last)}")
            rows.append(
                [
                    Line(text=s(f"kinds.{e.kind.value}")),
                    Line(
                        text=f"{self.who(e.actor)} → {self.who(e.target)}"
                        if e.target
                        else self.who(e.actor)
                    ),
                    Line(text=count),
                    Line(text=item),
                    Line(text=dates, refs=self.book.cite(*self.events(e.event_ids))),
                ]
            )
        if rows:
            blocks.append(
                Table(
                    title=s("confrontation.ledger"),
                    headers=[
                        s("table.kind"),
                        s("table.actor"),
                        s("table.count"),
                        s("table.item"),
                        s("table.sources"),
                    ],
                    rows=rows,
                )
            )
        else:
            blocks.append(Note(text=s("confrontation.none")))
        acts = [
            e
            for e in pic.events.values()
            if track_of(e.category) is Track.CONFRONTATION
            and modality(e) is Modality.ACT
            and e.category is not Category.THREATEN
        ]
        acts.sort(key=lambda e: (e.date, e.id), reverse=True)
        if acts:
            items = [self.event_line(e) for e in acts[:LATEST_N]]
            blocks.append(Lines(title=s("confrontation.acts"), items=items))
        excluded = self.events(pic.ledger.excluded)
        if excluded:
            blocks.append(
                Lines(title=s("confrontation.excluded"), items=self.event_lines(excluded))
            )
        return Section(id="confrontation", heading=s("sections.confrontation"), blocks=blocks)

    def third_parties(self) -> Section:
        s = self.s
        rows: list[list[Line]] = []
        for tp in self.pic.third_parties:
            latest = self.events(tp.latest)
            lean = s("third.lean", lean=f"{tp.lean:+.1f}") if tp.lean is not None else ""
            rows.append(
                [
                    Line(text=self.who(tp.actor)),
                    Line(text=s(f"roles.{tp.role.value}") + (f" · {lean}" if lean else "")),
                    Line(
                        text="; ".join(f"{self.date(e.date)} {self.event_text(e)}" for e in latest)
                        or s("third.no_events"),
                        refs=self.book.cite(*latest),
                    ),
                ]
            )
        blocks: list[Block] = (
            [Table(headers=[s("table.actor"), s("table.role"), s("table.latest")], rows=rows)]
            if rows
            else [Note(text=s("third.none"))]
        )
        pairs = self.pairs_table()
        if pairs.rows:
            blocks.append(pairs)
        return Section(id="third_parties", heading=s("sections.third_parties"), blocks=blocks)

    def pairs_table(self) -> Table:
        """Both indices for each pair of states/organisations today, most active pair first."""
        s = self.s
        now = [(d.dyad, d.points[-1]) for d in self.pic.dyads if d.points]
        now.sort(key=lambda x: -(x[1].negotiation + x[1].confrontation))
        rows = [
            [
                Line(text=f"{self.who(a)} – {self.who(b)}"),
                Line(text=f"{p.negotiation:.1f}"),
                Line(text=f"{p.confrontation:.1f}"),
            ]
            for (a, b), p in now[:PAIRS_N]
            if p.negotiation + p.confrontation >= 0.05
        ]
        headers = [s("table.pair"), s("sections.negotiation"), s("sections.confrontation")]
        title = s("third.pairs", date=self.date(self.pic.asof))
        return Table(title=title, headers=headers, rows=rows)

    def determinants(self) -> Section:
        s, pic = self.s, self.pic
        scope: list[Line] = []
        for g in pic.agenda:
            refs = self._stance_refs(g)
            if g.kind is IssueKind.SET and g.common_items is not None:
                key = "determinants.scope_common" if g.common_items else "determinants.scope_none"
                items = ", ".join(_option(o) for o in g.common_items)
                scope.append(Line(text=s(key, issue=g.name, items=items), refs=refs))
            for t in g.red_lines:
                if t.items:
                    text = s(
                        "determinants.scope_touch",
                        by=self.who(t.by),
                        holder=self.who(t.holder),
                        items=", ".join(_option(o) for o in t.items),
                    )
                else:
                    text = s(
                        "determinants.scope_touch_value",
                        by=self.who(t.by),
                        holder=self.who(t.holder),
                        issue=g.name,
                        distance=number(t.distance or 0),
                    )
                scope.append(Line(text=text, refs=refs))
        if not scope:
            scope.append(Line(text=s("determinants.scope_empty")))
        neg = pic.negotiation
        if neg.next_round_fixed:
            nxt = Line(text=s("determinants.next_fixed", date=self.date(neg.next_round_date)))
        elif neg.next_round:
            nxt = Line(text=s("determinants.next_open"))
        elif neg.last_round is None:
            nxt = Line(text=s("headline.no_round"))
        else:
            nxt = Line(text=s("determinants.next_none", date=self.date(neg.last_round)))
        reports = [self.event_line(e) for e in self.events(neg.next_round[:4])]
        return Section(
            id="determinants",
            heading=s("sections.determinants"),
            blocks=[
                Lines(title="1. " + s("determinants.scope"), items=scope),
                Lines(title="2. " + s("determinants.next_round"), items=[nxt, *reports]),
            ],
        )

    def bargaining_table(self, out: Outlook) -> Table:
        """Issues down, models across: each cell the forecast and its 90% interval."""
        s = self.s
        names = {i.id: i.name for i in self.case.issues}
        models = list(dict.fromkeys(r.model for r in out.bargaining))
        cells: dict[str, dict[str, str]] = {}
        for r in out.bargaining:
            text = f"{r.value:.0f}"
            if r.lo is not None and r.hi is not None:
                text += f" ({r.lo:.0f}–{r.hi:.0f})"
            cells.setdefault(r.issue, {})[r.model] = text
        rows = [
            [Line(text=names.get(issue, issue))] + [Line(text=by_model.get(m, "—")) for m in models]
            for issue, by_model in cells.items()
        ]
        headers = [s("table.issue"), *(s.raw(f"models.{m}", m) for m in models)]
        return Table(title=s("outlook.bargaining"), headers=headers, rows=rows)

    def history_chart(self) -> Chart:
        """The end states' probabilities at the stored replay dates (30 days ahead, else the
        nearest horizon stored), from the chart window's start to the brief's date."""
        keys = list(self.history[-1][1])
        days = "30" if "30" in keys else keys[0]
        dates = [d for d, h in self.history if days in h]
        states = list(self.history[-1][1][days])
        series = [
            (self.state_label(st), [h[days].get(st, 0.0) for _, h in self.history if days in h])
            for st in states
        ]
        title = self.s("charts.history", days=days)
        colours = charts.PALETTE
        legend = [(colours[i % len(colours)], lab) for i, (lab, _) in enumerate(series)]
        return _chart("history", title, charts.history_chart, dates, series, title, legend=legend)

    def state_label(self, state: str) -> str:
        return self.s.raw(f"states.{state}", state)

    def outlook_section(self) -> Section:
        s, out = self.s, self.outlook or Outlook()
        blocks: list[Block] = []
        fv = out.forecast
        if fv is not None:
            horizons = [
                (h.days, [(self.state_label(x.state), x.p, x.lo, x.hi) for x in h.states])
                for h in fv.horizons
            ]
            title = s("charts.forecast")
            legend = [
                (charts.SHADES[i % len(charts.SHADES)], s("outlook.horizon", days=h.days))
                for i, h in enumerate(fv.horizons)
            ]
            blocks.append(
                _chart("forecast", title, charts.forecast_chart, horizons, title, legend=legend)
            )
            if len(self.history) >= 2:
                blocks.append(self.history_chart())
            headers = [s("outlook.state")] + [
                s("outlook.horizon", days=h.days) for h in fv.horizons
            ]
            rows = []
            for i, st in enumerate(fv.horizons[0].states if fv.horizons else []):
                cells = [Line(text=self.state_label(st.state))]
                for h in fv.horizons:
                    x = h.states[i]
                    text = f"{_pct(x.p)}% ({_pct(x.lo)}–{_pct(x.hi)}%)"
                    base = fv.base_rate.get(h.days, {}).get(x.state)
                    if base is not None:
                        text += f" · {s('outlook.base_rate_row')} {_pct(base)}%"
                    cells.append(Line(text=text))
                rows.append(cells)
            blocks.append(Table(headers=headers, rows=rows))
            if fv.horizons and fv.horizons[0].events:
                events = [
                    [
                        Line(text=self.state_label(e.state)),
                        *(
                            Line(text=f"{_pct(x.p)}% ({_pct(x.lo)}–{_pct(x.hi)}%)")
                            for x in (h.events[i] for h in fv.horizons)
                        ),
                    ]
                    for i, e in enumerate(fv.horizons[0].events)
                ]
                headers = [s("outlook.window"), *headers[1:]]
                blocks.append(Table(headers=headers, rows=events))
            extra = [
                Line(text=s("outlook.first_strike", days=d, p=_pct(p))) for d, p in fv.first_strike
            ]
            if fv.runs is not None:
                extra.append(Line(text=s("outlook.runs", runs=fv.runs, seed=fv.seed)))
            if fv.base_rate_source:
                extra.append(Line(text=s("outlook.base_rate", text=fv.base_rate_source)))
            extra.append(Line(text=s("outlook.scope")))
            blocks.append(Lines(items=extra))
            if fv.drivers:
                days = max(h.days for h in fv.horizons) if fv.horizons else 0
                drivers = [Line(text=_driver_text(d.name, d.effect, d.detail)) for d in fv.drivers]
                title = s("outlook.drivers_target", days=days)
                blocks.append(Lines(title=title, items=drivers[:5]))
        else:
            why = out.forecast_error or s("outlook.not_run")
            what = s("outlook.forecast_engine")
            blocks.append(Note(text=s("outlook.unavailable", what=what, why=why)))
        if out.bargaining:
            blocks.append(self.bargaining_table(out))
        else:
            why = out.bargaining_error or s("outlook.not_run")
            what = s("outlook.bargain_engine")
            blocks.append(Note(text=s("outlook.unavailable", what=what, why=why)))
        return Section(id="outlook", heading=s("sections.outlook"), blocks=blocks)


def event_text(case: Case, ev: Event, s: Strings, low_confidence: float = LOW_CONFIDENCE) -> str:
    """One event as a sentence in `s`'s language (the brief's lines, the dashboard's rows); an
    event the coder is unsure of (confidence below `low_confidence`) says so."""

    def who(actor_id: str | None) -> str:
        return actor_label(case, actor_id, s.lang)

    pattern = s.raw(f"events.{ev.category.value}")
    key = "with" if ev.target else "alone"
    text = pattern[key].format(actor=who(ev.actor), target=who(ev.target))
    if ev.via:
        text += s("via", mediator=who(ev.via))
    qty = [s.unit(q.what or q.unit, q.value) for q in ev.quantities]
    if qty:
        text += ": " + ", ".join(qty)
    if ev.summary and s.lang == "en" and ev.extractor == "manual":
        text += f" — {ev.summary}"
    flags = [s(f"flags.{f}") for f in ev.flags.names()]
    if flags:
        text += f" ({', '.join(flags)})"
    if ev.confidence < low_confidence:
        text += f" [{s('low_confidence', pct=_pct(ev.confidence) + '%')}]"
    return text


def _chart(
    chart_id: str,
    title: str,
    draw: Callable[..., str],
    *args: Any,
    legend: list[tuple[str, str]] | None = None,
) -> Chart:
    """A chart drawn twice: for a wide column and for a phone-width one."""
    return Chart(
        id=chart_id,
        title=title,
        svg=draw(*args),
        svg_narrow=draw(*args, width=charts.NARROW),
        legend=legend or [],
    )


def _option(option: str) -> str:
    """An agenda option id as words: `ballistic_missiles` -> `ballistic missiles`."""
    return option.replace("_", " ")


def _trend(before: float, now: float) -> str:
    if now > before * 1.1 + 0.05:
        return "up"
    if now < before * 0.9 - 0.05:
        return "down"
    return "flat"


def _pct(p: float) -> str:
    return f"{p * 100:.0f}"


def _driver_text(name: str, effect: float | None, detail: str | None) -> str:
    text = name
    if effect is not None:
        text += f" ({effect:+.2f})"
    if detail:
        text += f": {detail}"
    return text


def _widest(gaps: list[IssueGap]) -> IssueGap | None:
    with_gap = [g for g in gaps if g.distance_share is not None]
    return max(with_gap, key=lambda g: g.distance_share or 0.0) if with_gap else None


def assessment_key(pic: SituationPicture) -> str:
    """Which track dominates now: 'fight', 'talk', 'both' (both active, neither 1.5x the other)
    or 'quiet' (neither above 1)."""
    if not pic.tracks:
        return "quiet"
    now = pic.tracks[-1]
    neg, conf = now.negotiation, now.confrontation
    if max(neg, conf) < 1.0:
        return "quiet"
    if conf > 1.5 * neg:
        return "fight"
    if neg > 1.5 * conf:
        return "talk"
    return "both"


def build_brief(
    case: Case,
    picture: SituationPicture,
    *,
    lang: str = "en",
    documents: Mapping[str, Document] | None = None,
    outlook: Outlook | None = None,
    history: Sequence[tuple[dt.date, dict[str, dict[str, float]]]] = (),
    low_confidence: float = LOW_CONFIDENCE,
) -> Brief:
    """The brief of `picture`; `history` is the stored forecasts (date, {horizon: {end state:
    p}}) whose movement the outlook charts when there are two or more in the picture's window.
    Event lines below `low_confidence` are marked as the coder's reading, not stated as fact."""
    s = Strings(lang)
    book = EvidenceBook(case, documents or {})
    b = _Builder(case, picture, s, book, outlook, history, low_confidence)
    sections = [
        b.headline(),
        b.negotiation(),
        b.confrontation(),
        b.third_parties(),
        b.determinants(),
        b.outlook_section(),
    ]
    n_docs = len({e.doc_id for ev in picture.events.values() for e in ev.evidence})
    return Brief(
        case_id=case.id,
        title=case.title,
        lang=lang,
        html_lang=s("html_lang"),
        asof=picture.asof,
        asof_text=s("asof", date=picture.asof.isoformat()),
        assessment=s(f"assessment.{assessment_key(picture)}"),
        sections=sections,
        evidence=book.refs,
        evidence_heading=s("sections.appendix"),
        method_heading=s("sections.method"),
        method=s(
            "method", half_life=number(picture.half_life_days), window=picture.level_window_days
        ),
        generated=s("generated", version=__version__, n_events=len(picture.events), n_docs=n_docs),
        labels={
            "document": s("table.document"),
            "date": s("table.date"),
            "span": s("table.span"),
            "offsets": s("table.offsets"),
            "brief": s("brief"),
            "span_missing": s("span_missing"),
            "chart_in_html": s("chart_in_html"),
        },
    )


__all__ = ["CHART_IDS", "LOW_CONFIDENCE", "SECTION_IDS", "Brief", "build_brief", "event_text"]
