"""The dashboard's guards, against the real server: the bind rule, the token, CSRF on every
POST, the read-only mode and the Host check."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from dualtrack.cli import app

from .conftest import CASE, Server, start, stop


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "no CSRF field in the page"
    return found.group(1)


def first_event(c: httpx.Client) -> str:
    return re.findall(r'data-event="([^"]+)"', c.get(f"/cases/{CASE}/timeline").text)[0]


def refused(workspace: Path, *args: str) -> str:
    res = CliRunner().invoke(app, ["serve", "--data-dir", str(workspace), *args])
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), res.output
    return lines[0]


def test_a_bind_beyond_loopback_without_a_token_refuses_to_start(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DUALTRACK_TOKEN", raising=False)
    assert "--token" in refused(workspace, "--host", "0.0.0.0")
    assert "--token" in refused(workspace, "--host", "192.0.2.1", "--token", "")


def test_a_bad_or_taken_port_refuses_to_start(workspace: Path) -> None:
    assert "--port 70000" in refused(workspace, "--port", "70000")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert f"--port {port}" in refused(workspace, "--port", port)


@pytest.fixture(scope="module")
def guarded(workspace: Path) -> Iterator[Server]:
    """One server with both guards on: a token (from the environment) and --read-only."""
    srv = start(workspace, "--read-only", env={"DUALTRACK_TOKEN": "s3cret-token"})
    yield srv
    stop(srv)


def test_with_a_token_every_request_needs_it(guarded: Server) -> None:
    with guarded.client() as c:
        assert c.get("/").status_code == 401
        assert c.get(f"/cases/{CASE}").status_code == 401
        assert c.get("/static/serve.css").status_code == 401
        assert c.get("/", params={"token": "wrong"}).status_code == 401
        assert c.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    with guarded.client() as c:  # ?token= once: a cookie, and the token leaves the URL
        query = {"token": "s3cret-token", "lang": "zh-Hant"}
        r = c.get(f"/cases/{CASE}/timeline", params=query)
        assert r.status_code == 303
        assert r.headers["location"] == f"/cases/{CASE}/timeline?lang=zh-Hant"
        assert c.get(r.headers["location"]).status_code == 200


def test_a_post_without_the_csrf_token_is_refused(server: Server) -> None:
    with server.client() as c:
        event = first_event(c)
        url = f"/cases/{CASE}/events/{event}/review"
        c.get(f"/cases/{CASE}/events/{event}")  # the session cookie
        assert c.post(url, data={"action": "reject"}).status_code == 403
        assert c.post(url, data={"action": "reject", "csrf": "0" * 64}).status_code == 403
    with server.client() as other:  # a token from another session is no good either
        token = csrf_of(other.get(f"/cases/{CASE}/events/{event}").text)
    with server.client() as c:
        c.get("/")
        assert c.post(url, data={"action": "reject", "csrf": token}).status_code == 403


def test_read_only_hides_and_refuses_the_review_actions(guarded: Server) -> None:
    with guarded.client(headers={"Authorization": "Bearer s3cret-token"}) as c:
        event = first_event(c)
        page = c.get(f"/cases/{CASE}/events/{event}").text
        assert 'method="post"' not in page and "read-only" in page
        r = c.post(f"/cases/{CASE}/events/{event}/review", data={"action": "accept"})
        assert r.status_code == 403


def test_a_request_naming_a_foreign_host_is_refused(server: Server) -> None:
    r = httpx.get(f"{server.base}/", headers={"Host": "evil.example:8000"}, timeout=60)
    assert r.status_code == 403
