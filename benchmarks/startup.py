"""Start-up cost of each command: seconds spent importing (`python -X importtime`) and in all.

Why: an analyst runs `dualtrack events` or `bargain` dozens of times a day; each should answer
in a blink, not pay for scipy, SALib, DuckDB or Ray that it does not use. Each command runs in a
fresh process, `--repeat` times; the fastest of each is printed (on a shared machine the
minimum is the figure least disturbed by other work), with the command's CPU seconds (user +
system, which waiting for other processes does not inflate). `--src` times another checkout
(the code before lazy imports, for the baseline).

    .venv/bin/python benchmarks/startup.py [--src /path/to/other/checkout/src] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTORS = "\n".join(
    f"A{i},{10 + 7 * i % 90},{(37 * i) % 101},{0.2 + (i % 8) / 10:.1f}" for i in range(10)
)


def commands(tmp: Path) -> dict[str, list[str]]:
    csv = tmp / "ten.csv"
    csv.write_text("Actor,Capability,Position,Salience\n" + ACTORS + "\n", encoding="utf-8")
    ws = str(tmp / "ws")
    return {
        "--help": ["--help"],
        "case list": ["case", "list"],
        "events": ["events", "--case", "us-iran-2026", "--data-dir", ws],
        "bargain (10 actors)": ["bargain", str(csv), "--draws", "1000"],
        "forecast (10,000 runs)": ["forecast", "--case", "us-iran-2026", "--runs", "10000"],
        "extract --help": ["extract", "--help"],
    }


def import_seconds(stderr: str) -> float:
    """Total of the top-level entries of `-X importtime` (their cumulative times)."""
    total = 0
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|", 2)
            if not name.startswith("  ") and cumulative.strip().isdigit():
                total += int(cumulative)
    return total / 1e6


def heavy(stderr: str) -> list[str]:
    names = {"scipy", "SALib", "duckdb", "jieba", "trafilatura", "ray", "jinja2", "numpy"}
    lines = (line for line in stderr.splitlines() if "|" in line)
    seen = {line.split("|")[-1].strip().split(".")[0] for line in lines}
    return sorted(names & seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--src", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    code = "import sys; from dualtrack.cli import app; sys.argv[0] = 'dualtrack'; app()"
    print(f"{'command':<24} {'imports s':>9} {'total s':>8} {'CPU s':>6}  heavy modules imported")
    with tempfile.TemporaryDirectory() as tmp:
        for label, argv in commands(Path(tmp)).items():
            imports, totals, cpus, mods = [], [], [], []
            for _ in range(args.repeat):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                done = subprocess.run(
                    [sys.executable, "-X", "importtime", "-c", code, *argv],
                    env=env, capture_output=True, text=True, check=False,
                )  # fmt: skip
                totals.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                imports.append(import_seconds(done.stderr))
                mods = heavy(done.stderr)
                if done.returncode != 0:
                    sys.exit(f"{label}: exit {done.returncode}\n{done.stderr[-2000:]}")
            print(
                f"{label:<24} {min(imports):>9.2f} {min(totals):>8.2f} {min(cpus):>6.2f}  "
                f"{', '.join(mods)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
