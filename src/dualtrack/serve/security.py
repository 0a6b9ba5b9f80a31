"""Who may talk to the dashboard: the bind rule, the access token and the per-session CSRF token.

Without a token the server only listens on the loopback interface and only answers requests that
name a loopback host (so a web page elsewhere cannot reach it by DNS rebinding). With a token every
request needs it, as `Authorization: Bearer T` or the `dt_token` cookie that `?token=T` sets once.
Every POST carries `csrf`, an HMAC of the session cookie under a key made at start-up, so a form
posted from another site (which cannot read the cookie) is refused with 403.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from dualtrack.errors import DualtrackError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
TOKEN_COOKIE = "dt_token"
SESSION_COOKIE = "dt_session"


class ServeError(DualtrackError, ValueError):
    """A `serve` option the server refuses to start with."""


def check_bind(host: str, token: str | None) -> None:
    """Refuse a bind beyond the loopback interface unless a token guards it."""
    if host not in LOCAL_HOSTS and not token:
        raise ServeError(
            f"--host {host} would expose the dashboard beyond this machine: give --token T "
            "(or set $DUALTRACK_TOKEN), or bind 127.0.0.1"
        )


def _host_name(header: str) -> str:
    host = header.strip().lower()
    if host.startswith("["):  # [::1]:8000
        return host[1 : host.find("]")]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """The token check and the CSRF tokens of one running server."""

    def __init__(self, token: str | None) -> None:
        self.token = token
        self._key = secrets.token_bytes(32)

    def csrf(self, session: str) -> str:
        return hmac.new(self._key, session.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, session: str | None, value: object) -> bool:
        return (
            bool(session)
            and isinstance(value, str)
            and hmac.compare_digest(self.csrf(session or ""), value)
        )

    def _token_ok(self, value: str | None) -> bool:
        return value is not None and hmac.compare_digest(value.encode(), self.token.encode())  # type: ignore[union-attr]

    def admit(self, request: Request) -> Response | str | None:
        """None when the request may go on, a response when it may not (401, or the redirect
        that trades `?token=` for a cookie), or "host" when it names a foreign host."""
        if self.token is None:
            return None if _host_name(request.headers.get("host", "")) in LOCAL_HOSTS else "host"
        given = request.query_params.get("token")
        if given is not None:
            if not self._token_ok(given):
                return "token"
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            url = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            response = RedirectResponse(url, status_code=303)
            response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict")
            return response
        auth = request.headers.get("authorization", "")
        bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        if self._token_ok(bearer) or self._token_ok(request.cookies.get(TOKEN_COOKIE)):
            return None
        return "token"


Handler = Callable[[Request], Awaitable[Response]]


def with_session(request: Request) -> tuple[str, bool]:
    """The session id from the cookie, or a new one (True: it must be set on the response)."""
    session = request.cookies.get(SESSION_COOKIE)
    if session and len(session) == 32 and session.isalnum():
        return session, False
    return secrets.token_hex(16), True
