"""The review actions (accept, reject, edit an event; add one with its evidence span), stored as
corrections in the workspace through `Workspace.add_correction`, never by editing events.

Every POST needs the session's CSRF token (403 without it) and is refused on a `--read-only`
server (403). A correction the store refuses (`CorrectionError`) comes back as the same page with
the message next to the field it names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from dualtrack.app import CaseData
from dualtrack.errors import DualtrackError
from dualtrack.model import Event, EventFlags
from dualtrack.report.i18n import Strings
from dualtrack.serve.app import Site
from dualtrack.store import Correction

FLAGS = tuple(EventFlags.model_fields)
ACTIONS = ("accept", "reject", "edit")
EDITED = ("category", "actor", "target", "date")
# Fields a refusal is shown beside; any other (`fields`, `event_id`) goes above the button.
SHOWN = (*EDITED, "flags", "author", "note", "start", "end", "span", "doc_id")


def status(data: CaseData) -> dict[str, str]:
    """Each corrected event's review state (absent: unreviewed), from the app layer."""
    return {event_id: r.status for event_id, r in data.review.items()}


def history(site: Site, case_id: str, event_id: str) -> list[Correction]:
    return [c for c in site.data.history(case_id).corrections if c.event_id == event_id]


def visible(data: CaseData, rejected: bool) -> list[Event]:
    """The case's events; with `rejected`, the ones an analyst rejected too, in date order."""
    if not rejected or not data.rejected:
        return data.events
    return sorted([*data.events, *data.rejected], key=lambda e: (e.date or dt.date.min, e.id))


def form_state(request: Request) -> dict[str, Any]:
    return getattr(request.state, "form", {"errors": {}, "values": {}})


def values(request: Request, event: Event | None = None) -> dict[str, Any]:
    """What the edit form shows: what was posted (when the store refused it), else the event."""
    posted = form_state(request)["values"]
    if posted:
        flags = {f: posted.get(f"flag_{f}") == "on" for f in FLAGS}
        return {**posted, "flags": flags}
    if event is None:
        return {"flags": dict.fromkeys(FLAGS, False)}
    return values_of(event)


def values_of(event: Event) -> dict[str, Any]:
    return {
        "category": event.category.value, "actor": event.actor, "target": event.target,
        "date": event.date, "flags": event.flags.model_dump(),
    }  # fmt: skip


def _fields(form: Any, base: Event | None) -> dict[str, Any]:
    """What the form sets: for an edit, the fields that differ from the event (`base`); for an
    added event (no base), all of them with its evidence span."""
    given: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in EDITED}
    given["flags"] = {f: form.get(f"flag_{f}") == "on" for f in FLAGS}
    if base is None:
        span = {k: str(form.get(k, "")).strip() for k in ("start", "end")}
        return {**{k: v for k, v in given.items() if v != ""}, **span}
    now = values_of(base)
    now = {**now, "date": str(now["date"] or ""), "target": now["target"] or ""}
    return {k: v for k, v in given.items() if v != now[k]}


class Actions:
    """The POST handlers of one site."""

    def __init__(self, site: Site) -> None:
        self.site = site

    async def guarded(self, request: Request) -> Any:
        """The form, once the request may write (else a 403 response)."""
        form = await request.form()
        if self.site.read_only:
            return self.site.error(
                request, 403, Strings(self.site.lang(request))("serve.error.read_only")
            )
        if not self.site.guard.csrf_ok(getattr(request.state, "session", None), form.get("csrf")):
            return self.site.error(
                request, 403, Strings(self.site.lang(request))("serve.error.csrf")
            )
        return form

    async def save(
        self, request: Request, event_id: str | None, action: str, fields: dict[str, Any], form: Any
    ) -> Correction | Exception:
        """The stored correction, or the store's refusal (nothing written)."""
        cid = request.path_params["case"]

        def write() -> Correction:
            case = self.site.data.history(cid).case  # read before the writing connection opens
            with self.site.data.writing() as ws:
                return ws.add_correction(
                    cid, event_id, action, fields or None, case=case,
                    author=str(form.get("author") or "analyst")[:80],
                    note=str(form.get("note") or "")[:2000],
                )  # fmt: skip

        try:
            return await run_in_threadpool(write)
        except DualtrackError as exc:  # CorrectionError names its field; StoreError
            return exc

    def refused(self, request: Request, exc: Exception, form: Any, page: Any) -> Response:
        field = getattr(exc, "field", None)
        field = field if field in SHOWN else "_"
        request.state.form = {"errors": {field: str(exc)}, "values": dict(form)}
        response = page(request)
        response.status_code = 400
        return response

    async def review(self, request: Request) -> Response:
        form = await self.guarded(request)
        if isinstance(form, Response):
            return form
        cid, eid = request.path_params["case"], request.path_params["event"]
        action = form.get("action")
        if action not in ACTIONS:
            return self.site.error(
                request, 400, f"action: {action!r} is not one of {', '.join(ACTIONS)}"
            )
        fields = {}
        if action == "edit":
            data = await run_in_threadpool(self.site.data.at, cid)
            base = next((e for e in visible(data, True) if e.id == eid), None)
            if base is None:
                return self.site.error(request, 404, f"no event {eid!r} in case {cid!r}")
            fields = _fields(form, base)
        done = await self.save(request, eid, action, fields, form)
        if isinstance(done, Exception):
            return await run_in_threadpool(
                self.refused, request, done, form, self.site.pages["event"]
            )
        return RedirectResponse(self.site.link(request, f"/cases/{cid}/events/{eid}"), 303)

    async def add(self, request: Request) -> Response:
        form = await self.guarded(request)
        if isinstance(form, Response):
            return form
        cid, did = request.path_params["case"], request.path_params["doc"]
        await run_in_threadpool(self.site.data.document, cid, did)  # 404 unless the case cites it
        fields = {**_fields(form, None), "doc_id": did}
        done = await self.save(request, None, "add", fields, form)
        if isinstance(done, Exception):
            return await run_in_threadpool(
                self.refused, request, done, form, self.site.pages["document"]
            )
        return RedirectResponse(
            self.site.link(request, f"/cases/{cid}/events/{done.event_id}"), 303
        )


def routes(site: Site) -> list[Route]:
    act = Actions(site)
    return [
        Route("/cases/{case}/events/{event}/review", act.review, methods=["POST"]),
        Route("/cases/{case}/docs/{doc}/add", act.add, methods=["POST"]),
    ]
