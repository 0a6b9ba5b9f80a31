"""Response times of `dualtrack serve` over the demo workspace, from a fresh server process:
each page's first answer (the overview runs the brief's pipeline: picture, bargaining models,
4,000-run forecast) and its median over 5 more (cached until the workspace changes), beside the
baseline of writing the same brief with `dualtrack brief` in a fresh process.

    .venv/bin/python benchmarks/serve_speed.py
"""

from __future__ import annotations

import io
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from rich.console import Console

from dualtrack.demo import run_demo

CLI = [sys.executable, "-c", "from dualtrack.cli import app; app()"]
CASE = "/cases/us-iran-2026"


def get(url: str) -> tuple[float, str]:
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as r:
        body = r.read().decode()
    return time.perf_counter() - t, body


def main() -> None:
    quiet = Console(file=io.StringIO())
    with tempfile.TemporaryDirectory() as tmp:
        run_demo(Path(tmp), console=quiet, progress_console=quiet)
        t = time.perf_counter()
        subprocess.run([*CLI, "brief", "--case", "us-iran-2026", "--data-dir", tmp, "--out",
                        f"{tmp}/b.html"], check=True, capture_output=True)  # fmt: skip
        print(f"baseline: dualtrack brief, fresh process: {time.perf_counter() - t:.2f} s")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([*CLI, "serve", "--data-dir", tmp, "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            for _ in range(300):
                try:
                    get(base + "/static/serve.css")
                    break
                except OSError:
                    time.sleep(0.2)
            _, timeline = get(base + f"{CASE}/timeline")
            doc = re.findall(r'href="(/cases/[^"]+/docs/[^"#]+)', timeline)[0].replace("&amp;", "&")
            pages = ["/", CASE, f"{CASE}?lang=zh-Hant", f"{CASE}/timeline", doc,
                     f"{CASE}/ledger", f"{CASE}/compare"]  # fmt: skip
            print(f"{'page':48} {'first':>8} {'median':>8}")
            for page in pages:
                first, _ = get(base + page)
                again = statistics.median(get(base + page)[0] for _ in range(5))
                print(f"{page[:48]:48} {first:7.3f}s {again:7.3f}s")
        finally:
            proc.terminate()
            proc.wait(timeout=15)


if __name__ == "__main__":
    main()
