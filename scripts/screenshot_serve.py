"""Screenshots of `dualtrack serve` for the README, taken in the system's headless Chromium from
the real server over the demo workspace (with a replay stored, so the outlook has a history):
docs/serve-overview-1280.png, docs/serve-timeline-390.png (Traditional Chinese),
docs/serve-document-1280.png (evidence spans marked, the add-event form) and
docs/serve-review-390.png. Fails if any page's text overflows.

    .venv/bin/python scripts/screenshot_serve.py [--out docs]
"""

from __future__ import annotations

import argparse
import io
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from rich.console import Console

from dualtrack.demo import run_demo
from dualtrack.report.browser import Browser

CLI = [sys.executable, "-c", "from dualtrack.cli import app; app()"]
CASE = "/cases/us-iran-2026"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server exited")
        try:
            urllib.request.urlopen(base + "/static/serve.css", timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


def first(base: str, path: str, pattern: str, n: int = 0) -> str:
    with urllib.request.urlopen(base + path, timeout=120) as r:
        return re.findall(pattern, r.read().decode())[n].replace("&amp;", "&")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("docs"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    quiet = Console(file=io.StringIO())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        run_demo(work, console=quiet, progress_console=quiet)
        replay = ["replay", "--case", "us-iran-2026", "--data-dir", tmp, "--from", "2026-02-01",
                  "--to", "2026-02-08", "--runs", "2000"]  # fmt: skip
        subprocess.run([*CLI, *replay], check=True, capture_output=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        cmd = [*CLI, "serve", "--data-dir", tmp, "--port", str(port)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait(base, proc)
            event = first(base, f"{CASE}/timeline", r'data-event="([^"]+)"', 2)
            doc = first(base, f"{CASE}/timeline", r'href="(/cases/[^"]+/docs/[^"#]+)', 1)
            shots = [
                (CASE, 1280, "serve-overview-1280.png", 1500),
                (f"{CASE}/timeline?lang=zh-Hant", 390, "serve-timeline-390.png", 1700),
                (doc, 1280, "serve-document-1280.png", 1100),
                (f"{CASE}/events/{event}", 390, "serve-review-390.png", 1500),
            ]
            with Browser() as browser:
                for path, width, name, height in shots:
                    browser.open(base + path, width)
                    bad = browser.overflows()
                    if bad:
                        raise SystemExit(f"{path} at {width}px: text overflows: {bad[:3]}")
                    print(browser.screenshot(args.out / name, width, height))
        finally:
            proc.terminate()
            proc.wait(timeout=15)


if __name__ == "__main__":
    main()
