"""`dualtrack watch` end to end against a real HTTP server on 127.0.0.1: a feed and article
pages that change between polls, conditional GET, alerts to a JSONL log and a webhook, and bad
sources that are named in one line each while the others go on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dualtrack.cli import app
from dualtrack.extract import Extractor
from dualtrack.model import Case
from dualtrack.store import Workspace
from dualtrack.store.watchstate import WatchState
from dualtrack.watch import WatchOptions, load_rules
from dualtrack.watch.deliver import Delivery
from dualtrack.watch.watcher import watch_loop

from .conftest import CASE_YAML, Site, article_html, rss

TALKS = (
    "Norvania and Kestria met for indirect talks, their second round, in Valdoria on Saturday, "
    "the Valdorian foreign ministry said.\n"
    "Kestria's envoy told reporters that his country would discuss only the strait."
)
STRIKE = (
    "Norvanian warplanes struck a Kestrian radar station near the Ember Strait on Tuesday, "
    "killing four soldiers, Kestria's defence ministry said.\n"
    "Tarsk threatened to attack Norvanian ships in the strait."
)
NEXT = (
    "Norvania and Kestria agreed to hold a third round of talks in Valdoria on 12 May, "
    "the Valdorian foreign ministry said on Wednesday."
)
RULES = """\
rules:
  - id: rounds
    when: next_round
    on: [announced, scheduled, cancelled]
  - id: ladder
    when: escalation
    direction: up
  - id: strikes-30d
    when: probability
    end_state: limited_strikes+major_war
    horizon: 30
    above: 0.5
  - id: spoilers
    when: new_actor
    role: spoiler
"""
FAST = ["--rate", "0", "--retries", "0", "--runs", "400"]


def watch(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["watch", *args])
    return result.exit_code, result.stdout, result.stderr


class Poller:
    """Polls through `watch_loop`, the CLI's own loop, with the extractor loaded once for the
    module (loading it takes seconds) and the CLI's delivery to stdout, log and webhook."""

    def __init__(self, case: Case, extractor: Extractor, tmp_path: Path, **delivery: object):
        self.case, self.extractor, self.ws = case, extractor, tmp_path / "ws"
        self.out: list[str] = []
        self.err: list[str] = []
        self.delivery = Delivery(self.out.append, self.err.append, **delivery)  # type: ignore[arg-type]

    def __call__(self, *sources: str, rules: Path | None = None) -> tuple[int, str, str]:
        self.out.clear()
        self.err.clear()
        failed = watch_loop(
            self.case, list(sources), every=None, data_dir=self.ws,
            options=WatchOptions(rate=0, retries=0, runs=400),
            rules=load_rules(rules) if rules else [], deliver=self.delivery,
            say=self.out.append, warn=self.err.append, extractor=self.extractor,
        )  # fmt: skip
        return failed, "\n".join(self.out), "\n".join(self.err)


@pytest.fixture(scope="module")
def strait() -> tuple[Case, Extractor]:
    case = Case.model_validate(yaml.safe_load(CASE_YAML))
    return case, Extractor(case)


def test_watch_two_polls_then_304_alerts_once(
    site: Site, strait: tuple[Case, Extractor], tmp_path: Path
) -> None:
    site.pages["/a1.html"] = (
        "text/html; charset=utf-8",
        article_html("Second round held", TALKS, "2025-05-03T09:00:00Z"),
    )
    site.pages["/a2.html"] = ("text/html", article_html("Strike near the strait", STRIKE))
    site.pages["/a3.html"] = (
        "text/html",
        article_html("Third round", NEXT, "2025-05-07T16:00:00Z"),
    )
    one = [("/a1.html", "Second round held", "Sat, 03 May 2025 09:00:00 GMT")]
    two = [
        *one,
        ("/a2.html", "Strike near the strait", "Tue, 06 May 2025 18:00:00 GMT"),
        ("/a3.html", "Third round", "Wed, 07 May 2025 16:00:00 GMT"),
    ]
    site.pages["/feed.xml"] = ("application/rss+xml", rss(site.base, one))
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    log = tmp_path / "alerts.jsonl"
    poll = Poller(*strait, tmp_path, log=log, webhook=f"{site.base}/hook")
    feed = f"{site.base}/feed.xml"

    failed, out, err = poll(feed, rules=rules)
    assert failed == 0, err
    assert "1 new article(s)" in out and "ALERT" not in out
    assert not log.exists() or log.read_text() == ""

    site.pages["/feed.xml"] = ("application/rss+xml", rss(site.base, two))
    failed, out, err = poll(feed, rules=rules)
    assert failed == 0, err
    assert "2 new article(s), 1 seen" in out
    assert "2025-05-06 (feed) Strike near the strait" in out  # date from the feed, flagged
    assert site.full["/a1.html"] == 1  # seen by canonical URL: never fetched again
    fired = [json.loads(line) for line in log.read_text().splitlines()]
    assert {"ladder", "rounds"} <= {a["rule"] for a in fired}
    rounds = next(a for a in fired if a["rule"] == "rounds")
    assert (rounds["before"], rounds["after"]) == ("held", "announced")
    assert any("third round" in e["text"] for e in rounds["evidence"])
    ladder = next(a for a in fired if a["rule"] == "ladder")
    assert ladder["before"] < ladder["after"] == 5
    assert ladder["events"] and ladder["evidence"][0]["text"].startswith("Norvanian warplanes")
    assert ladder["evidence"][0]["date"] == "2025-05-06"
    assert out.count("ALERT") == len(fired)
    assert sorted(h["id"] for h in site.hooks) == sorted(a["id"] for a in fired)

    failed, out, err = poll(feed, rules=rules)  # nothing changed: the feed answers 304
    assert failed == 0, err
    assert site.requests["/feed.xml"] == 3 and site.full["/feed.xml"] == 2
    assert "1 unchanged" in out and "0 new article(s)" in out and "ALERT" not in out
    assert len(log.read_text().splitlines()) == len(fired) == len(site.hooks)

    with Workspace.open(poll.ws) as ws:
        docs = {d.title: d for d in ws.documents()}
        items = {i["doc_id"]: i for i in WatchState(ws).items("strait-2025") if i["doc_id"]}
        assert len(WatchState(ws).alerts("strait-2025")) == len(fired)
    assert set(docs) == {"Second round held", "Strike near the strait", "Third round"}
    first, second = docs["Second round held"], docs["Strike near the strait"]
    assert str(first.date) == "2025-05-03" and items[first.id]["date_source"] == "article"
    assert str(second.date) == "2025-05-06" and items[second.id]["date_source"] == "feed"


def test_url_list_and_folder_sources(
    site: Site, strait: tuple[Case, Extractor], tmp_path: Path
) -> None:
    """A text file of article URLs, and a folder whose text files carry Date/Title headers."""
    site.pages["/a1.html"] = (
        "text/html",
        article_html("Second round held", TALKS, "2025-05-03T09:00:00Z"),
    )
    site.pages["/plain.txt"] = (
        "text/plain; charset=utf-8",
        f"Date: 2025-05-06\nTitle: Strike report\n\n{STRIKE}".encode(),
    )
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# watched pages\n{site.base}/a1.html\n{site.base}/plain.txt\nnot a url\n")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "b.txt").write_text(f"Date: 2025-05-07\nTitle: Local copy\n\n{TALKS} Again.\n")
    poll = Poller(*strait, tmp_path)
    failed, out, err = poll(str(urls), str(folder))
    assert failed == 1 and f"{urls}:4: not an http(s) URL" in err  # the bad line, named
    assert "3 new article(s)" in out
    assert "2025-05-06 Strike report" in out and "2025-05-07 Local copy" in out
    failed, out, _ = poll(str(urls), str(folder))
    assert "0 new article(s), 3 seen" in out
    assert site.full["/a1.html"] == 1


def test_bad_sources_named_in_one_line_and_the_rest_go_on(
    site: Site, case_file: Path, tmp_path: Path
) -> None:
    site.pages["/a2.html"] = ("text/html", article_html("Strike near the strait", STRIKE))
    site.pages["/feed.xml"] = (
        "application/rss+xml",
        rss(site.base, [("/a2.html", "Strike near the strait", "Tue, 06 May 2025 18:00:00 GMT")]),
    )
    site.pages["/notxml.xml"] = ("text/plain", b"this is not a feed at all\n")
    site.pages["/error.xml"] = (
        "text/html",
        b"<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>",
    )
    bad = {
        "/notxml.xml": "not XML",
        "/error.xml": "an HTML page, not a feed",
        "/slow.xml": "timed out",
        "/missing.xml": "HTTP 404",
        "/huge.xml": "cap",
    }
    urls = [f"{site.base}{p}" for p in bad]
    code, out, err = watch(
        "--case", str(case_file), "--once", "--data-dir", str(tmp_path / "ws"),
        "--timeout", "0.5", *FAST, *urls, f"{site.base}/feed.xml",
    )  # fmt: skip
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert len(lines) == len(bad)
    for (path, what), line in zip(bad.items(), lines, strict=True):
        assert f"{site.base}{path}" in line and what in line, line
    assert "5 failed; 1 new article(s)" in out  # the good feed was read all the same
    assert "error: 5 source(s) or page(s) skipped" in err


def test_sitemap_index_children_conditionally(
    site: Site, strait: tuple[Case, Extractor], tmp_path: Path
) -> None:
    site.pages["/a2.html"] = ("text/html", article_html("Strike near the strait", STRIKE))
    site.pages["/news.xml"] = ("application/xml", (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.base}/a2.html</loc><lastmod>2025-05-06</lastmod></url></urlset>"
    ).encode())  # fmt: skip
    site.pages["/index.xml"] = ("application/xml", (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.base}/news.xml</loc></sitemap></sitemapindex>"
    ).encode())  # fmt: skip
    poll = Poller(*strait, tmp_path)
    failed, out, _ = poll(f"{site.base}/index.xml")
    assert failed == 0 and "1 new article(s)" in out and "2025-05-06 (feed)" in out
    failed, out, _ = poll(f"{site.base}/index.xml")
    assert "1 unchanged" in out and "0 new article(s)" in out
    assert site.full["/index.xml"] == 2 and site.full["/news.xml"] == 1
    assert site.full["/a2.html"] == 1


def test_ingest_url_points_to_watch(case_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["ingest", "https://news.example/a.html", "--case", str(case_file),
              "--data-dir", str(tmp_path / "ws")],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "dualtrack watch" in result.stderr and "https://news.example/a.html" in result.stderr


def test_bad_options_exit_1(case_file: Path, tmp_path: Path) -> None:
    base = ["--case", str(case_file), "--data-dir", str(tmp_path / "ws"), str(tmp_path)]
    for extra, what in (
        (["--every", "5x"], "--every"),
        (["--every", "10s"], "at most once a minute"),
        (["--once", "--every", "15m"], "not both"),
        (["--once", "--webhook", "ftp://x"], "--webhook"),
        (["--once", "--alerts", str(tmp_path / "none.yaml")], "none.yaml"),
    ):
        code, _, err = watch(*base, *extra)
        assert code == 1 and "error:" in err and what in err, (extra, err)


def test_every_loops_until_interrupted_and_survives_a_locked_store(
    strait: tuple[Case, Extractor], tmp_path: Path
) -> None:
    """`--every` without waiting: the test's sleep counts the pauses and interrupts the third."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Date: 2025-05-03\nTitle: Talks\n\n{TALKS}\n")
    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 3:
            raise KeyboardInterrupt

    out: list[str] = []
    warnings: list[str] = []
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    case, ex = strait
    for data_dir in (tmp_path / "ws", not_a_dir):
        pauses.clear()
        assert watch_loop(case, [str(folder)], every=900, data_dir=data_dir, say=out.append,
                          warn=warnings.append, sleep=sleep, extractor=ex,
                          options=WatchOptions(runs=200)) == 0  # fmt: skip
        assert pauses == [900, 900, 900]
    summaries = [line for line in out if line.startswith("strait-2025:")]
    assert len(summaries) == 3 and "1 new article(s)" in summaries[0]
    assert "0 new article(s), 1 seen" in summaries[2]
    assert len(warnings) == 3 and all(w.startswith("poll skipped: ") for w in warnings)
