"""A large JSONL archive through `dualtrack ingest` end to end: interrupted, then resumed.

Why: an analyst points `ingest` at an outlet's archive (the probe of issue 15 used 200 MB,
274,541 articles: 77 min at 977 MB before this work) and must see progress, stay within memory,
and be able to stop and start again without losing or redoing work. The archive is written by
this script (~600-character articles in three scripts, `extract_speed.corpus`). The command runs
on a pseudo-terminal (so the progress bar draws as an analyst sees it), gets Ctrl-C after
`--interrupt` seconds (or, with `--signal KILL`, is killed outright as by the OOM killer or a
power cut), and is started again on the same workspace.

    .venv/bin/python benchmarks/ingest_e2e.py [--mb 20] [--interrupt 60] [--workers 2]
        [--signal INT|KILL]
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def write_archive(path: Path, megabytes: float, seed: int = 5) -> int:
    sys.path.insert(0, str(HERE))
    from extract_speed import corpus

    n = 0
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < megabytes * 1e6:
            for doc in corpus(500, seed + n, target_chars=600):
                fh.write(json.dumps({"text": doc.text, "date": "2026-02-28"}, ensure_ascii=False))
                fh.write("\n")
                n += 1
    return n


def run(
    cmd: list[str], stop_after: float | None, sig: int = signal.SIGINT
) -> tuple[float, int, str, str]:
    """Run `cmd` with stderr on a pseudo-terminal; send `sig` after `stop_after` seconds.
    Returns (seconds, exit code, stdout, last progress line)."""
    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(  # SIGINT as at a terminal even when this script runs in background
        cmd, stdout=subprocess.PIPE, stderr=slave, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    os.close(slave)
    seen: list[bytes] = []

    def pump() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        out, _ = proc.communicate(timeout=stop_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(sig)
        out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    reader.join(timeout=5)
    os.close(master)
    frames = [f.strip() for f in ANSI.sub(b"", b"".join(seen)).replace(b"\r", b"\n").split(b"\n")]
    bars = [f.decode(errors="replace") for f in frames if b"articles/s" in f]
    return seconds, proc.returncode, out, bars[-1] if bars else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--interrupt", type=float, default=60, help="seconds before Ctrl-C")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--signal", choices=("INT", "KILL"), default="INT")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.jsonl"
        n = write_archive(archive, args.mb)
        size = archive.stat().st_size / 1e6
        print(f"archive: {size:.1f} MB, {n:,} articles; {args.workers} worker(s)")
        cmd = [
            str(Path(sys.executable).parent / "dualtrack"), "ingest", str(archive), "--case",
            "us-iran-2026", "--data-dir", str(Path(tmp) / "ws"), "--format", "json",
            "--workers", str(args.workers),
        ]  # fmt: skip
        first, code, _, bar = run(cmd, args.interrupt, getattr(signal, f"SIG{args.signal}"))
        print(f"run 1: SIG{args.signal} after {first:.0f} s (exit {code}); last progress: {bar}")
        second, code, out, bar = run(cmd, None)
        summary = json.loads(out.splitlines()[-1]) if code == 0 and out.strip() else {}
        print(f"run 2: {second:.0f} s (exit {code}); last progress: {bar}")
        print(
            f"resumed: {summary.get('documents_seen', '?'):,} articles already stored, "
            f"{summary.get('documents_new', '?'):,} new; {summary.get('events_added', '?'):,} "
            "events added"
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        total = first + second
        print(f"total {total:.0f} s ({n / total:.0f} articles/s); largest process {peak:.0f} MB")
        print(f"at this rate 200 MB ({200 / size * n:,.0f} articles) would take "
              f"{200 / size * total / 60:.0f} min")  # fmt: skip


if __name__ == "__main__":
    main()
