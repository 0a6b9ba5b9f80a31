"""The dashboard's ASGI app: templates, the security middleware, error pages and the routes.

Pages are rendered on the server by Jinja2 with autoescaping (article and case text is always
shown as text); the brief's own templates, CSS and SVG charts are reused, not copied. Every asset
is served from the package: the pages work with no network at all.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from dualtrack.report.i18n import Strings, languages
from dualtrack.serve import params
from dualtrack.serve.data import Data, NotFound
from dualtrack.serve.security import SESSION_COOKIE, Guard, with_session

log = logging.getLogger("dualtrack.serve")
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _env() -> Environment:
    return Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("dualtrack.serve", "templates"),
                PackageLoader("dualtrack.report", "templates"),
            ]
        ),
        autoescape=True,
        undefined=StrictUndefined,
    )


class Site:
    """What every handler shares: the data, the guard, the options and the templates."""

    def __init__(self, data: Data, guard: Guard, read_only: bool) -> None:
        self.data, self.guard, self.read_only = data, guard, read_only
        self.env = _env()
        self.pages: dict[str, Any] = {}  # GET handlers by name, for re-showing a refused form

    def link(self, request: Request, path: str) -> str:
        """`path` in the request's language."""
        lang = request.query_params.get("lang")
        return path + (f"?{urlencode({'lang': lang})}" if lang in languages() else "")

    def lang(self, request: Request) -> str:
        return params.choice(request.query_params, "lang", languages()) or "en"

    def page(self, request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        try:
            lang = self.lang(request)
        except params.BadParam:
            lang = "en"  # the 400 page about `lang` itself
        query = dict(request.query_params)

        def url(path: str, **values: Any) -> str:
            keep = {"lang": lang} if lang != "en" else {}
            keep.update({k: v for k, v in values.items() if v not in (None, "", False)})
            return path + (f"?{urlencode(keep)}" if keep else "")

        def here(**values: Any) -> str:
            merged = {**query, **values}
            merged = {k: v for k, v in merged.items() if v not in (None, "") and k != "token"}
            return request.url.path + (f"?{urlencode(merged)}" if merged else "")

        session = getattr(request.state, "session", "")
        html = self.env.get_template(template).render(
            t=Strings(lang), lang=lang, langs=languages(), url=url, here=here,
            read_only=self.read_only, csrf=self.guard.csrf(session) if session else "",
            path=request.url.path, q=query,
            lang_names={code: Strings(code)("lang_name") for code in languages()}, **ctx,
        )  # fmt: skip
        return HTMLResponse(html, status_code=status)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.page(
            request, "error.html.j2", status=status, status_code=status, message=message
        )


def _middleware(site: Site) -> Middleware:
    async def dispatch(request: Request, call_next: Any) -> Response:
        verdict = site.guard.admit(request)
        if verdict == "host":
            return site.error(request, 403, "Host")
        if verdict == "token":
            return site.error(request, 401, Strings("en")("serve.error.unauthorized"))
        if isinstance(verdict, Response):
            return verdict
        session, new = with_session(request)
        request.state.session = session
        response: Response = await call_next(request)
        if new:
            response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict")
        response.headers.update(HEADERS)
        return response

    return Middleware(BaseHTTPMiddleware, dispatch=dispatch)


def _handlers(site: Site) -> dict[Any, Any]:
    def s(request: Request) -> Strings:
        try:
            return Strings(site.lang(request))
        except params.BadParam:
            return Strings("en")

    async def bad(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, params.BadParam)
        return site.error(
            request, 400, s(request)("serve.error.bad_param", name=exc.name, why=exc.why)
        )

    async def missing(request: Request, exc: Exception) -> Response:
        return site.error(request, 404, f"{s(request)('serve.error.not_found')}: {exc}")

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return site.error(request, exc.status_code, str(exc.detail))

    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return site.error(request, 500, s(request)("serve.error.server"))

    return {params.BadParam: bad, NotFound: missing, HTTPException: http, Exception: crash}


def create_app(
    data_dir: Path | str | None, *, token: str | None = None, read_only: bool = False
) -> Starlette:
    """The dashboard over the workspace in `data_dir` (checks of the bind are `serve()`'s)."""
    from dualtrack.serve import review, views

    site = Site(Data(data_dir), Guard(token), read_only)
    static = resources.files("dualtrack.serve") / "static"
    routes = [
        *views.routes(site),
        *review.routes(site),
        Route("/static/brief.css", views.brief_css),
        Mount("/static", StaticFiles(directory=str(static)), name="static"),
    ]
    return Starlette(
        routes=routes, middleware=[_middleware(site)], exception_handlers=_handlers(site)
    )
