"""`dualtrack serve`: a local dashboard to follow a crisis, check events against their sources,
review them and watch the outlook move.

    dualtrack serve --data-dir W                 # http://127.0.0.1:8000, no token needed
    dualtrack serve --host 0.0.0.0 --token T     # any other bind needs a token

Starlette, Jinja2 and uvicorn are imported here, only when the dashboard runs, so the other
commands start without them. Layout: `app.py` (the app, middleware, error pages), `views.py`
(read-only pages), `review.py` (corrections), `security.py`, `params.py`, `data.py`.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

TOKEN_ENV = "DUALTRACK_TOKEN"


def serve(
    data_dir: Path | str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    read_only: bool = False,
    log_level: str = "info",
) -> None:
    """Run the dashboard until interrupted. Raises `ServeError` for a bind it refuses (a host
    beyond loopback without a token) or a port outside 1–65535."""
    from dualtrack.serve.security import ServeError, check_bind

    token = token or os.environ.get(TOKEN_ENV) or None
    check_bind(host, token)
    if not 0 < port < 65536:
        raise ServeError(f"--port {port} is not a TCP port (1 to 65535)")
    _check_free(host, port)
    import uvicorn

    from dualtrack.serve.app import create_app

    app = create_app(data_dir, token=token, read_only=read_only)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


def _check_free(host: str, port: int) -> None:
    """One `error:` line for an address taken or not ours, before the server starts."""
    from dualtrack.serve.security import ServeError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(infos[0][4])
    except OSError as e:
        why = e.strerror or e
        raise ServeError(f"--host {host} --port {port}: cannot listen there ({why})") from None
