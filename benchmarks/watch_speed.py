"""Speed of a watch poll against a local HTTP server, beside `ingest` of the same texts as files.

A server on 127.0.0.1 serves an RSS feed of N invented article pages (built from a few template
sentences about an invented crisis). Measured, with the extractor loaded once:

1. the first poll (fetch feed + N pages, extract text and metadata, ingest, snapshot);
2. a second poll with nothing new (the feed answers 304: no page is fetched);
3. the baseline: `ingest` of the same N article texts (with `Date:` headers) from files into a
   fresh workspace (no fetching, no snapshot).

    .venv/bin/python benchmarks/watch_speed.py [--n 40] [--runs 4000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from dualtrack.extract import Extractor
from dualtrack.extract.ingest import ingest
from dualtrack.model import Case
from dualtrack.store import Workspace
from dualtrack.watch import WatchOptions, watch_once

# The invented crisis and page builders of the watch tests (one copy of that test data).
_spec = importlib.util.spec_from_file_location(
    "watch_fixtures", Path(__file__).resolve().parents[1] / "tests" / "watch" / "conftest.py"
)
fixtures = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
sys.modules["watch_fixtures"] = fixtures  # its dataclasses look themselves up there
_spec.loader.exec_module(fixtures)  # type: ignore[union-attr]
CASE_YAML, article_html, rss = fixtures.CASE_YAML, fixtures.article_html, fixtures.rss

TEMPLATES = [
    "Norvanian warplanes struck a Kestrian radar post near the Ember Strait on day {i}, "
    "Kestria's defence ministry said.",
    "Norvania and Kestria held round {i} of indirect talks in Valdoria, the Valdorian foreign "
    "ministry said.",
    "Tarsk threatened to attack Norvanian ships in the strait for the {i}th time.",
    "Kestria imposed sanctions on {i} Norvanian shipping firms, its trade ministry said.",
]


def pages(n: int) -> dict[str, tuple[str, bytes]]:
    out = {}
    start = dt.date(2025, 5, 3)
    for i in range(n):
        day = start + dt.timedelta(days=i // 4)
        body = "\n".join(t.format(i=i + 1) for t in TEMPLATES[i % 4 :] + TEMPLATES[: i % 4])
        out[f"/a{i}.html"] = (
            "text/html",
            article_html(f"Report {i}", body, f"{day.isoformat()}T08:00:00Z"),
        )
    return out


def serve(site: dict[str, tuple[str, bytes]]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            ctype, body = site[self.path.split("?", 1)[0]]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--runs", type=int, default=4000)
    args = ap.parse_args()
    case = Case.model_validate(yaml.safe_load(CASE_YAML))
    ex = Extractor(case)
    site = pages(args.n)
    server, base = serve(site)
    site["/feed.xml"] = ("application/rss+xml", rss(base, [(p, p, "") for p in list(site)]))
    opts = WatchOptions(rate=0, runs=args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        first = watch_once(case, [f"{base}/feed.xml"], data_dir=f"{tmp}/w", options=opts,
                           extractor=ex)  # fmt: skip
        t1 = time.perf_counter() - t
        t = time.perf_counter()
        second = watch_once(case, [f"{base}/feed.xml"], data_dir=f"{tmp}/w", options=opts,
                            extractor=ex)  # fmt: skip
        t2 = time.perf_counter() - t
        texts = Path(tmp) / "texts"
        texts.mkdir()
        with Workspace.open(f"{tmp}/w") as ws:
            for k, doc in enumerate(ws.documents()):
                (texts / f"{k}.txt").write_text(f"Date: {doc.date}\n\n{doc.text}", "utf-8")
        t = time.perf_counter()
        with Workspace.open(f"{tmp}/b") as ws:
            base_sum = ingest([texts], ws, case.id, ex)
        t3 = time.perf_counter() - t
    server.shutdown()
    n = len(first.new)
    print(
        f"watch, first poll: {n} new articles in {t1:.2f} s ({n / t1:.1f} articles/s), "
        f"{first.ingest.events_added if first.ingest else 0} events, snapshot {args.runs} runs"
    )
    print(f"watch, second poll (304, nothing new): {t2:.3f} s, {len(second.new)} new")
    print(
        f"baseline, ingest of the same {base_sum.documents_new} texts from files: {t3:.2f} s "
        f"({base_sum.documents_new / t3:.1f} articles/s), {base_sum.events_added} events"
    )


if __name__ == "__main__":
    main()
