"""The review actions (accept, reject, edit an event; add one with its evidence span), stored as
corrections in the workspace through `Workspace.add_correction`, never by editing events.

Every POST needs the session's CSRF token (403 without it) and is refused on a `--read-only`
server (403). A correction the store refuses (`CorrectionError`) comes back as the same page with
the message next to the field it names.
"""

from __future__ import annotations

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

FLAGS = tuple(EventFlags.model_fields)
ACTIONS = ("accept", "reject", "edit")
STATES = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}
EDITED = ("category", "actor", "target", "date")


def status(site: Site, case_id: str) -> dict[str, str]:
    """Each reviewed event's state: the latest correction's action decides."""
    out: dict[str, str] = {}
    for c in site.data.corrections(case_id):
        if c.event_id:
            out[c.event_id] = STATES[c.action]
    return out


def history(site: Site, case_id: str, event_id: str) -> list[Any]:
    return [c for c in site.data.corrections(case_id) if c.event_id == event_id]


def visible(site: Site, case_id: str, data: CaseData, rejected: bool) -> list[Event]:
    """The case's events; with `rejected`, the rejected ones too (marked by `status`)."""
    return data.events


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
    return {
        "category": event.category.value, "actor": event.actor, "target": event.target,
        "date": event.date, "flags": event.flags.model_dump(),
    }  # fmt: skip


def _fields(form: Any, add: bool) -> dict[str, Any]:
    """What the form changes: the edited fields that were given, the flags as booleans, and for
    an added event its evidence span."""
    fields: dict[str, Any] = {k: form.get(k, "").strip() for k in EDITED if form.get(k, "").strip()}
    if form.get("flags_given") or add:
        fields["flags"] = {f: form.get(f"flag_{f}") == "on" for f in FLAGS}
    if add:
        fields["evidence"] = {k: form.get(k, "").strip() for k in ("doc_id", "start", "end")}
    return fields


def routes(site: Site) -> list[Route]:
    async def guarded(request: Request) -> Any:
        """The form, once the request may write (else a 403 response)."""
        form = await request.form()
        if site.read_only:
            return site.error(request, 403, Strings(site.lang(request))("serve.error.read_only"))
        if not site.guard.csrf_ok(getattr(request.state, "session", None), form.get("csrf")):
            return site.error(request, 403, Strings(site.lang(request))("serve.error.csrf"))
        return form

    async def save(request: Request, event_id: str | None, action: str, fields: dict[str, Any],
                   form: Any) -> Exception | None:  # fmt: skip
        cid = request.path_params["case"]

        def write() -> None:
            with site.data.writing() as ws:
                ws.add_correction(
                    cid, event_id, action, fields or None,
                    author=str(form.get("author") or "analyst")[:80],
                    note=str(form.get("note") or "")[:2000],
                )  # fmt: skip

        try:
            await run_in_threadpool(write)
        except (DualtrackError, ValueError) as exc:
            return exc
        return None

    def refused(request: Request, exc: Exception, form: Any, page: Any) -> Response:
        field = getattr(exc, "field", None) or "_"
        request.state.form = {"errors": {field: str(exc)}, "values": dict(form)}
        response = page(request)
        response.status_code = 400
        return response

    async def review(request: Request) -> Response:
        form = await guarded(request)
        if isinstance(form, Response):
            return form
        cid, eid = request.path_params["case"], request.path_params["event"]
        action = form.get("action")
        if action not in ACTIONS:
            return site.error(
                request, 400, f"action: {action!r} is not one of {', '.join(ACTIONS)}"
            )
        fields = _fields(form, add=False) if action == "edit" else {}
        exc = await save(request, eid, action, fields, form)
        if exc is not None:
            return await run_in_threadpool(refused, request, exc, form, site.pages["event"])
        return RedirectResponse(site.link(request, f"/cases/{cid}/events/{eid}"), 303)

    async def add(request: Request) -> Response:
        form = await guarded(request)
        if isinstance(form, Response):
            return form
        cid, did = request.path_params["case"], request.path_params["doc"]
        fields = _fields(form, add=True)
        fields["evidence"]["doc_id"] = did
        exc = await save(request, None, "add", fields, form)
        if exc is not None:
            return await run_in_threadpool(refused, request, exc, form, site.pages["document"])
        return RedirectResponse(site.link(request, f"/cases/{cid}/timeline"), 303)

    return [
        Route("/cases/{case}/events/{event}/review", review, methods=["POST"]),
        Route("/cases/{case}/docs/{doc}/add", add, methods=["POST"]),
    ]
