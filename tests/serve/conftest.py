"""A workspace with the built-in case, its sample articles, one more article of our own (with
markup in it), two stored replay points and an alert; and the real dashboard serving it from a
subprocess on 127.0.0.1 (a free port, bounded waits)."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rich.console import Console
from typer.testing import CliRunner

from dualtrack.cli import app
from dualtrack.demo import run_demo
from dualtrack.store import Workspace
from dualtrack.store.watchstate import WatchState

CASE = "us-iran-2026"
# Our own text: an event the coder finds, with markup that must be shown as text.
ARTICLE = """Washington adds sanctions on Iranian oil shippers <script>alert('x')</script>

WASHINGTON, February 7, 2026 — The United States imposed new sanctions on Iran on Saturday, \
listing 6 tankers and 3 companies that carry Iranian oil. <b>Officials</b> said more would follow.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("articles") / "sanctions.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def ingest(data_dir: Path, article: Path) -> None:
    res = CliRunner().invoke(
        app, ["ingest", "--case", CASE, "--data-dir", str(data_dir), "--date", "2026-02-07",
              str(article)],
    )  # fmt: skip
    assert res.exit_code == 0, res.output


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory, article: Path) -> Path:
    root = tmp_path_factory.mktemp("serve")
    quiet = Console(file=io.StringIO())
    run_demo(root / "demo", console=quiet, progress_console=quiet, runs=300, data_dir=root)
    ingest(root, article)
    with Workspace.open(root) as ws:
        for day, p in (("2026-02-04", 0.55), ("2026-02-07", 0.62)):
            probs = {"talks_continue": p, "collapse": 1 - p}
            ws.record_run("replay", CASE, {}, {"asof": day, "horizons": {"30": probs}})
        alert = {"id": "escalation-1", "rule": "escalation", "when": "rung >= 4",
                 "asof": "2026-02-07", "message": "Escalation reached rung 4 <i>here</i>",
                 "events": [], "evidence": []}  # fmt: skip
        WatchState(ws).save_alerts(CASE, {"escalation": {"rung": 4}}, [alert])
    return root


class Server:
    def __init__(self, base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
        self.base, self.proc, self.log = base, proc, log

    def client(self, **kw: object) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=60, **kw)  # type: ignore[arg-type]


def start(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> Server:
    port = free_port()
    log = data_dir / f"serve-{port}.log"
    cmd = [sys.executable, "-c", "from dualtrack.cli import app; app()", "serve",
           "--data-dir", str(data_dir), "--port", str(port), *args]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, **(env or {})})  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text()}")
        try:
            httpx.get(base + "/static/serve.css", timeout=2)
            return Server(base, proc, log)
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"server did not answer within 60 s: {log.read_text()}")


def stop(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


@pytest.fixture(scope="session")
def server(workspace: Path) -> Iterator[Server]:
    srv = start(workspace)
    yield srv
    stop(srv)
