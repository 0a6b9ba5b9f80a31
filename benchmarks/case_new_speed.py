"""`dualtrack case new` on the ten invented-crisis articles of the tests: wall and CPU seconds.

The bar (issue 12): a case file that validates, with the intended parties and mediator, in
under 10 seconds. Each run is a fresh process (imports, both readings, writing the file, the
validation); the fastest of `--repeat` runs is printed with its CPU seconds (user + system),
which other processes on a shared machine do not inflate. Baseline: `case init` (a template,
no reading) in the same way.

    .venv/bin/python benchmarks/case_new_speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "cases" / "articles" / "ossel-2030"
DUALTRACK = Path(sys.executable).parent / "dualtrack"


def timed(args: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(DUALTRACK), *args], check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    n = ap.parse_args().repeat
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ossel.yaml"
        runs = {
            "case new (10 articles)": [
                "case",
                "new",
                "ossel-2030",
                "--from",
                str(ARTICLES),
                "--out",
                str(out),
                "--force",
            ],
            "case init (baseline)": ["case", "init", "t-1", "--out", str(Path(tmp) / "t.yaml")],
        }
        for name, args in runs.items():
            best = None
            for _ in range(n):
                (Path(tmp) / "t.yaml").unlink(missing_ok=True)
                got = timed(args)
                best = got if best is None or got[0] < best[0] else best
            print(f"{name}: {best[0]:.2f} s wall, {best[1]:.2f} s CPU (fastest of {n})")
        subprocess.run([str(DUALTRACK), "case", "validate", str(out)], check=True)


if __name__ == "__main__":
    main()
