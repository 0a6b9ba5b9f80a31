"""The read-only pages: cases, overview, timeline, event, document, ledger, positions, alerts and
compare. Every view's state is in its query string (`asof`, filters, `lang`), so a link shares it.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from dualtrack.app import CaseData, CaseDataError
from dualtrack.model import Event
from dualtrack.ontology import Category, Track, track_of
from dualtrack.report.brief import Brief, event_text
from dualtrack.report.i18n import Strings, actor_label
from dualtrack.serve import params, review
from dualtrack.serve.app import Site
from dualtrack.serve.data import NotFound
from dualtrack.serve.marks import excerpt, runs

TABS = ("overview", "timeline", "ledger", "positions", "alerts", "compare")


def brief_css(request: Request) -> Response:
    css = (resources.files("dualtrack.report") / "templates" / "brief.css").read_text("utf-8")
    return Response(css, media_type="text/css")


def _asof(site: Site, request: Request, case_id: str, name: str = "asof") -> CaseData:
    day = params.date(request.query_params, name)
    try:
        return site.data.at(case_id, day)
    except CaseDataError as exc:
        raise params.BadParam(name, str(exc)) from None


def _case_ctx(site: Site, case_id: str, tab: str) -> dict[str, Any]:
    summary = next((c for c in site.data.cases() if c.id == case_id), None)
    if summary is None:
        raise NotFound(f"no case {case_id!r} in this workspace")
    return {"case": summary, "tab": tab, "tabs": TABS}


def _ref_href(site: Site, case_id: str, lang: str) -> Any:
    def href(ref: Any) -> str:
        q = {"start": ref.start, "end": ref.end, **({"lang": lang} if lang != "en" else {})}
        return f"/cases/{case_id}/docs/{ref.doc_id}?" + "&".join(f"{k}={v}" for k, v in q.items())

    return href


class Rows:
    """Events as the timeline shows them: sentence, track, evidence excerpts, review state."""

    def __init__(self, data: CaseData, s: Strings) -> None:
        self.data, self.s, self.status = data, s, review.status(data)

    def row(self, e: Event) -> dict[str, Any]:
        spans = []
        for ev in e.evidence:
            doc = self.data.documents.get(ev.doc_id)
            if doc is not None:
                spans.append({"ev": ev, "doc": doc, "parts": excerpt(doc.text, ev.start, ev.end)})
        return {
            "e": e, "text": event_text(self.data.case, e, self.s),
            "track": track_of(e.category).value, "spans": spans,
            "state": self.status.get(e.id, "unreviewed"),
        }  # fmt: skip


def _filters(request: Request, data: CaseData) -> dict[str, Any]:
    q = request.query_params
    # an actor or its state: `ISR` also finds `ISR.idf`
    actors = sorted({x for e in data.events for a in (e.actor, e.target) if a for x in _who(a)})
    f = {
        "since": params.date(q, "since"),
        "until": params.date(q, "until"),
        "actor": params.choice(q, "actor", actors),
        "category": params.choice(q, "category", [c.value for c in Category]),
        "track": params.choice(q, "track", [t.value for t in Track]),
        "min_confidence": params.number(q, "min_confidence", 0.0, 1.0),
        "rejected": params.flag(q, "rejected"),
    }
    if f["since"] and f["until"] and f["since"] > f["until"]:
        raise params.BadParam("since", f"{f['since']} is after until={f['until']}")
    f["actors"] = [(a, actor_label(data.case, a, "en")) for a in actors]
    return f


def _who(actor_id: str) -> tuple[str, str]:
    return actor_id, actor_id.split(".")[0]


def _keep(e: Event, f: dict[str, Any]) -> bool:
    day = e.date or dt.date.min
    return (
        (f["since"] is None or (e.date is not None and day >= f["since"]))
        and (f["until"] is None or (e.date is not None and day <= f["until"]))
        and (f["actor"] is None or any(f["actor"] in _who(a) for a in (e.actor, e.target) if a))
        and (f["category"] is None or e.category.value == f["category"])
        and (f["track"] is None or track_of(e.category).value == f["track"])
        and (f["min_confidence"] is None or e.confidence >= f["min_confidence"])
    )


def _section(brief: Brief, sid: str) -> Any:
    return next(s for s in brief.sections if s.id == sid)


def _chart(brief: Brief, cid: str) -> Any:
    return next(
        (b for s in brief.sections for b in s.blocks if b.kind == "chart" and b.id == cid), None
    )


class Pages:
    """The GET handlers of one site (each takes the request, returns the page)."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def ctx(self, case_id: str, tab: str) -> dict[str, Any]:
        return _case_ctx(self.site, case_id, tab)

    def cases(self, request: Request) -> Response:
        return self.site.page(request, "cases.html.j2", cases=self.site.data.cases())

    def brief_page(
        self, request: Request, case_id: str, tab: str, template: str, **ctx: Any
    ) -> Response:
        lang = self.site.lang(request)
        data = _asof(self.site, request, case_id)
        asof = params.date(request.query_params, "asof")
        parts = self.site.data.parts(case_id, asof, lang)
        return self.site.page(
            request, template, **self.ctx(case_id, tab), b=parts.brief,
            data=data, asof=asof, ref_href=_ref_href(self.site, case_id, lang), section=None, **ctx,
        )  # fmt: skip

    def overview(self, request: Request) -> Response:
        cid = request.path_params["case"]
        history = self.site.data.history(cid).probabilities
        return self.brief_page(request, cid, "overview", "overview.html.j2", history=history,
                          chart=_chart, get_section=_section)  # fmt: skip

    def ledger(self, request: Request) -> Response:
        return self.brief_page(request, request.path_params["case"], "ledger", "section.html.j2",
                          sid="confrontation", get_section=_section)  # fmt: skip

    def positions(self, request: Request) -> Response:
        return self.brief_page(request, request.path_params["case"], "positions", "section.html.j2",
                          sid="negotiation", get_section=_section)  # fmt: skip

    def timeline(self, request: Request) -> Response:
        cid = request.path_params["case"]
        lang = self.site.lang(request)
        data = _asof(self.site, request, cid)
        f = _filters(request, data)
        events = review.visible(data, f["rejected"])
        rows = Rows(data, Strings(lang))
        shown = [rows.row(e) for e in events if _keep(e, f)]
        return self.site.page(
            request, "timeline.html.j2", **self.ctx(cid, "timeline"), rows=shown,
            total=len(events), f=f, data=data, categories=[c.value for c in Category],
            tracks=[t.value for t in Track],
        )  # fmt: skip

    def event(self, request: Request) -> Response:
        cid, eid = request.path_params["case"], request.path_params["event"]
        lang = self.site.lang(request)
        data = self.site.data.at(cid)
        events = {e.id: e for e in review.visible(data, True)}
        if eid not in events:
            raise NotFound(f"no event {eid!r} in case {cid!r}")
        row = Rows(data, Strings(lang)).row(events[eid])
        return self.site.page(
            request, "event.html.j2", **self.ctx(cid, "timeline"), row=row,
            data=data, history=review.history(self.site, cid, eid), form=review.form_state(request),
            v=review.values(request, events[eid]),
            categories=[c.value for c in Category], flags=review.FLAGS,
            actors=sorted(a.id for a in data.case.actors),
        )  # fmt: skip

    def document(self, request: Request) -> Response:
        cid, did = request.path_params["case"], request.path_params["doc"]
        doc = self.site.data.document(cid, did)
        q = request.query_params
        start, end = (
            params.integer(q, "start", 0, len(doc.text)),
            params.integer(q, "end", 0, len(doc.text)),
        )
        data = self.site.data.at(cid)
        spans = [
            (ev.start, ev.end, e.id) for e in data.events for ev in e.evidence if ev.doc_id == did
        ]
        focus = (
            (start, end, "focus") if start is not None and end is not None and start < end else None
        )
        return self.site.page(
            request, "document.html.j2", **self.ctx(cid, "timeline"), doc=doc,
            runs=runs(doc.text, [*spans, *([focus] if focus else [])]), n_spans=len(spans),
            events={e.id: e for e in data.events}, form=review.form_state(request),
            v=review.values(request),
            categories=[c.value for c in Category], flags=review.FLAGS,
            actors=sorted(a.id for a in data.case.actors),
        )  # fmt: skip

    def alerts(self, request: Request) -> Response:
        cid = request.path_params["case"]
        alerts = list(reversed(self.site.data.alerts(cid)))  # newest first
        return self.site.page(request, "alerts.html.j2", **self.ctx(cid, "alerts"), alerts=alerts)

    def compare(self, request: Request) -> Response:
        cid = request.path_params["case"]
        lang = self.site.lang(request)
        late = _asof(self.site, request, cid, "b")
        early = _asof(self.site, request, cid, "a")
        if early.asof == late.asof and "a" not in request.query_params and early.events:
            first = min(e.date for e in early.events if e.date)
            week = max(first, (late.asof or first) - dt.timedelta(days=7))
            early = self.site.data.at(cid, week)
        if early.asof and late.asof and early.asof > late.asof:
            early, late = late, early
        sides = [self.site.data.parts(cid, d.asof, lang).brief for d in (early, late)]
        known = {e.id for e in early.events}
        new = [e for e in late.events if e.id not in known]
        rows = Rows(late, Strings(lang))
        return self.site.page(
            request, "compare.html.j2", **self.ctx(cid, "compare"), sides=sides,
            new=[rows.row(e) for e in new], get_section=_section, chart=_chart,
            ref_href=_ref_href(self.site, cid, lang),
        )  # fmt: skip


def routes(site: Site) -> list[Route]:
    p = Pages(site)
    site.pages.update(event=p.event, document=p.document)
    return [
        Route("/", p.cases),
        Route("/cases/{case}", p.overview),
        Route("/cases/{case}/timeline", p.timeline),
        Route("/cases/{case}/events/{event}", p.event),
        Route("/cases/{case}/docs/{doc}", p.document),
        Route("/cases/{case}/ledger", p.ledger),
        Route("/cases/{case}/positions", p.positions),
        Route("/cases/{case}/alerts", p.alerts),
        Route("/cases/{case}/compare", p.compare),
    ]
