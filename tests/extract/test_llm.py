"""The LLM coder without a model: parsing, anchoring, the codebook, and the whole path over real
HTTP against a scripted server (cache hits, dropped fabrications, failures named)."""

from __future__ import annotations

import datetime as dt
import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dualtrack.cli import app
from dualtrack.extract.coders import make_extractor
from dualtrack.extract.llm import LLMCoder, LLMError, LLMSettings
from dualtrack.extract.llm.coder import chunks
from dualtrack.extract.llm.parse import Unreadable, anchor, parse_events
from dualtrack.extract.llm.prompt import codebook
from dualtrack.model import Document
from dualtrack.store import Workspace

from .llm_server import scripted_server

runner = CliRunner()
TEXT = (
    "Oman hosted talks between Iran and the United States in Muscat on Friday.\n"
    "Iran’s foreign minister  warned that any strike would be met with force."
)
REAL = "Oman hosted talks between Iran and the United States in Muscat on Friday"
ANSWER = json.dumps(
    {
        "events": [
            {"quote": REAL, "category": "CONSULT", "mode": "mediated", "actor": "Iran",
             "target": "United States", "via": "Oman", "negated": False, "hypothetical": False},
            # retyped apostrophe and a joined double space: still the article's words
            {"quote": "Iran's foreign minister warned that any strike would be met with force",
             "category": "THREATEN", "mode": None, "actor": "Iran", "target": "USA",
             "via": None, "negated": False, "hypothetical": False},
            # not in the article: dropped and counted
            {"quote": "Iran agreed to ship its uranium abroad", "category": "CONCEDE",
             "mode": None, "actor": "Iran", "target": "USA", "via": None, "negated": False,
             "hypothetical": False},
            # a name no dictionary knows: a candidate, not a new id
            {"quote": "talks between Iran and the United States", "category": "CONSULT",
             "mode": None, "actor": "Zubrowkan delegation", "target": "Iran", "via": None,
             "negated": False, "hypothetical": False},
        ]
    }
)  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_anchor_exact_folded_and_fabricated() -> None:
    assert anchor(TEXT, REAL) == (0, len(REAL))
    s, e = anchor(TEXT, "Iran's foreign minister warned")  # type: ignore[misc]
    assert TEXT[s:e] == "Iran’s foreign minister  warned"
    assert anchor(TEXT, "Iran agreed to ship its uranium abroad") is None
    assert anchor(TEXT, "Iran") is None  # too short to prove anything


def test_parser_tolerates_fences_and_prose_and_names_garbage() -> None:
    fenced = f"Here you are:\n```json\n{ANSWER}\n```\nHope this helps."
    events, bad = parse_events(fenced)
    assert [e.category.value for e in events] == ["CONSULT", "THREATEN", "CONCEDE", "CONSULT"]
    assert bad == 0
    events, bad = parse_events('[{"quote": "x y z w", "category": "HUG", "actor": "Iran"}]')
    assert (events, bad) == ([], 1)
    with pytest.raises(Unreadable):
        parse_events("I cannot help with that.")


def test_codebook_version_follows_its_inputs() -> None:
    from dualtrack.cases import load_case

    plain, again = codebook(None), codebook(None)
    with_case = codebook(load_case("us-iran-2026"))
    assert plain.version == again.version != with_case.version
    assert "ASSAULT" in plain.system and "via" in plain.system
    assert "IRN.araghchi" in with_case.system


def test_long_text_is_cut_at_line_breaks() -> None:
    text = "a" * 50 + "\n" + "b" * 50 + "\n" + "c" * 10
    assert "".join(chunks(text, 60)) == text
    assert all(len(p) <= 60 for p in chunks(text, 60))


def test_whole_path_over_http_with_cache(tmp_path: Path) -> None:
    with scripted_server(ANSWER) as (url, requests):
        ex = make_extractor(None, coder="llm", llm=LLMSettings(url=url), workspace=tmp_path)
        doc = Document(text=TEXT, lang="en", date=dt.date(2026, 2, 7), source="t.txt")
        res = ex.extract_many([doc])
        assert len(requests) == 1
        assert requests[0]["response_format"]["type"] == "json_schema"
        got = {(e.category.value, e.actor, e.target, e.via) for e in res.events}
        assert ("CONSULT", "IRN", "USA", "OMN") in got or ("CONSULT", "USA", "IRN", "OMN") in got
        assert ("THREATEN", "IRN", "USA", None) in got
        assert all(e.category.value != "CONCEDE" for e in res.events)
        for e in res.events:
            ev = e.evidence[0]
            assert TEXT[ev.start : ev.end] == ev.text
            assert e.extractor == ex.llm.name and ex.llm.book.version in e.extractor
            assert e.date is not None and e.date.isoformat() == "2026-02-06"  # "on Friday"
        assert ex.llm.dropped["unanchored"] == 1
        assert ex.llm.dropped["unresolved actor"] == 1
        assert "Zubrowkan delegation" in {c.text for c in res.unresolved}
        # a second run (a new process would do the same) asks nothing: the answer is cached
        ex.llm = LLMCoder(LLMSettings(url=url), None, cache_root=ex.llm.cache.dir.parents[1])
        res2 = ex.extract_many([doc])
        assert len(requests) == 1 and ex.llm.meter.cached == 1
        assert [e.id for e in res2.events] == [e.id for e in res.events]


def test_no_server_one_error_line_naming_the_url_nothing_stored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    url = f"http://127.0.0.1:{_free_port()}/v1"
    ws = tmp_path / "ws"
    for cmd in (
        ["extract", str(tmp_path / "a.txt")],
        ["ingest", str(tmp_path / "a.txt"), "--case", "us-iran-2026", "--data-dir", str(ws)],
        ["watch", str(tmp_path), "--once", "--case", "us-iran-2026", "--data-dir", str(ws)],
        ["case", "new", "draft-1", "--from", str(tmp_path), "--out", str(tmp_path / "d.yaml")],
    ):
        res = runner.invoke(app, [*cmd, "--coder", "llm", "--llm-url", url])
        assert res.exit_code == 1, res.output
        errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and url in errors[0] and "cannot connect" in errors[0]
        assert res.stdout == ""
    assert not (ws / "dualtrack.duckdb").exists() and not (tmp_path / "d.yaml").exists()
    with pytest.raises(LLMError, match="cannot connect"):
        make_extractor(None, coder="llm", llm=LLMSettings(url=url, retries=0))


def test_garbage_answers_are_listed_and_not_stored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    ws = tmp_path / "ws"
    with scripted_server("Sorry, I cannot do that.") as (url, _):
        res = runner.invoke(app, [
            "ingest", str(tmp_path / "a.txt"), "--case", "us-iran-2026", "--data-dir", str(ws),
            "--coder", "llm", "--llm-url", url,
        ])  # fmt: skip
    assert res.exit_code == 1, res.output
    assert "not coded: " in res.stderr and "a.txt" in res.stderr and "not JSON" in res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and url in errors[0]
    with Workspace.open(ws) as w:
        assert w.known_documents([Document(text=TEXT).id]) == set()
        assert list(w.iter_events("us-iran-2026")) == []


def test_llm_options_need_the_llm_coder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--llm-model", "m"])
    assert res.exit_code == 1 and "--coder llm" in res.stderr


def test_parser_keeps_the_whole_events_of_a_cut_off_answer() -> None:
    cut = ANSWER[: ANSWER.index('"Iran agreed') + 5]
    events, _ = parse_events(cut)
    assert [e.category.value for e in events] == ["CONSULT", "THREATEN"]


def test_examples_hold_to_the_rules_they_teach() -> None:
    """The prompt's worked examples quote their own text verbatim and name actors the
    resolvers know: a model copying their form gets events that survive anchoring."""
    import yaml

    from dualtrack.extract.llm.prompt import _DATA

    ex = make_extractor(None)
    for example in yaml.safe_load((_DATA / "examples.yaml").read_text("utf-8"))["examples"]:
        for ev in example["events"]:
            assert anchor(example["text"].strip(), ev["quote"]) is not None, ev["quote"]
            for name in filter(None, (ev["actor"], ev["target"], ev["via"])):
                assert ex.resolve(name, "zh" if not name.isascii() else "en"), name
