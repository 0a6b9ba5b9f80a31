"""Review through the dashboard's forms, against the real server: a rejection, an edit and an
added event change what `dualtrack events` prints and the forecast's start state, and survive
ingesting the same article again; a refused correction is shown next to its field."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from dualtrack.app import load_case_data
from dualtrack.cli import app
from dualtrack.simulate import forecast

from .conftest import CASE, Server, ingest, start, stop


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory, workspace: Path) -> Iterator[tuple[Path, Server]]:
    """A copy of the shared workspace (no server has it open between requests), to change."""
    root = tmp_path_factory.mktemp("review") / "ws"
    shutil.copytree(workspace, root, ignore=shutil.ignore_patterns("*.log"))
    srv = start(root)
    yield root, srv
    stop(srv)


def printed(root: Path, *extra: str) -> dict[str, dict]:
    res = CliRunner().invoke(
        app, ["events", "--case", CASE, "--data-dir", str(root), "--format", "jsonl", *extra]
    )
    assert res.exit_code == 0, res.output
    return {r["id"]: r for r in map(json.loads, res.stdout.splitlines()) if r}


def start_state(root: Path) -> object:
    data = load_case_data(CASE, root)
    return forecast(data.case, asof=data.asof, runs=200, seed=0, drivers="none").start


def post(c: httpx.Client, page: str, to: str, **fields: str) -> httpx.Response:
    html = c.get(page).text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)  # type: ignore[union-attr]
    return c.post(to, data={"csrf": csrf, "author": "ana", **fields})


def test_corrections_through_the_forms(own: tuple[Path, Server], article: Path) -> None:
    root, srv = own
    before = start_state(root)
    behind = before.moved_by["rung"]  # type: ignore[attr-defined]
    assert behind
    base = f"/cases/{CASE}"
    with srv.client() as c:
        for eid in behind:
            r = post(c, f"{base}/events/{eid}", f"{base}/events/{eid}/review", action="reject")
            assert r.status_code == 303, r.text[-800:]
        ours = re.findall(r'data-event="([^"]+)"', c.get(f"{base}/timeline",
                          params={"since": "2026-02-07", "category": "SANCTION"}).text)  # fmt: skip
        assert ours
        target = ours[0]
        r = post(c, f"{base}/events/{target}", f"{base}/events/{target}/review", action="edit",
                 category="SANCTION", actor="USA", target="IRN", date="2026-02-07",
                 flag_unconfirmed="on", note="one source only")  # fmt: skip
        assert r.status_code == 303, r.text[-800:]
        shown = c.get(f"{base}/timeline").text
        with_rejected = c.get(f"{base}/timeline", params={"rejected": "1"}).text
    after = start_state(root)
    assert after.rung < before.rung  # type: ignore[attr-defined]
    for _ in range(2):  # and again after ingesting the same article once more
        events = printed(root)
        assert not set(behind) & set(events)
        assert events[target]["flags"]["unconfirmed"] is True
        assert events[target]["review_status"] == "edited"
        rejected = printed(root, "--include-rejected")
        assert {rejected[i]["review_status"] for i in behind} == {"rejected"}
        ingest(root, article)
    assert start_state(root).rung == after.rung  # type: ignore[attr-defined]
    for eid in behind:
        assert f'data-event="{eid}"' not in shown
        assert re.search(rf'state-rejected" id="ev-{re.escape(eid)}"', with_rejected)


def test_an_event_added_on_a_document_and_a_refusal_shown_by_its_field(
    own: tuple[Path, Server],
) -> None:
    root, srv = own
    base = f"/cases/{CASE}"
    with srv.client() as c:
        timeline = c.get(f"{base}/timeline", params={"since": "2026-02-07"}).text
        doc = re.search(r'href="(/cases/[^"]+/docs/([^"?#]+))', timeline)
        assert doc
        page, add = doc.group(1), f"{doc.group(1)}/add"
        fields = {"start": "0", "end": "20", "category": "PROTEST", "actor": "IRN",
                  "target": "USA", "date": "2026-02-07"}  # fmt: skip
        bad = post(c, page, add, **{**fields, "actor": "Narnia"})
        assert bad.status_code == 400
        assert re.search(r'name="actor"[^>]*><span class="error" role="alert">actor: ', bad.text)
        assert 'value="Narnia"' in bad.text  # what was typed stays in the form
        outside = post(c, page, add, **{**fields, "end": "100000"})
        assert outside.status_code == 400 and "outside document" in outside.text
        r = post(c, page, add, **fields)
        assert r.status_code == 303
        new = r.headers["location"].rsplit("/", 1)[-1]
        assert c.get(r.headers["location"]).status_code == 200
    added = printed(root)[new]
    assert (added["category"], added["actor"], added["review_status"]) == (
        "PROTEST",
        "IRN",
        "added",
    )
    assert added["evidence"][0]["doc_id"] == doc.group(2)
