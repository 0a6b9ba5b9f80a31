"""Screenshots of the demo brief for the README: docs/brief-1280.png (English, desktop width)
and docs/brief-390.png (Traditional Chinese, phone width), taken in the system's headless
Chromium.

    .venv/bin/python scripts/screenshot_brief.py [--out docs] [--height 2600]
"""

from __future__ import annotations

import argparse
import io
import tempfile
from pathlib import Path

from rich.console import Console

from dualtrack.cases import load_case
from dualtrack.demo import run_demo
from dualtrack.report import make_brief, write_brief
from dualtrack.report.browser import Browser


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("docs"))
    ap.add_argument("--height", type=int, default=2600, help="pixels from the top to capture")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    quiet = Console(file=io.StringIO())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "demo"
        run_demo(work, console=quiet, progress_console=quiet)
        case = load_case("us-iran-2026")
        shots = {1280: "en", 390: "zh-Hant"}
        with Browser() as browser:
            for width, lang in shots.items():
                brief = make_brief(case, lang=lang, data_dir=work)
                page = write_brief(brief, Path(tmp) / f"brief-{lang}.html")
                browser.open(page, width)
                bad = browser.overflows()
                if bad:
                    raise SystemExit(f"{lang} at {width}px: text overflows: {bad[:3]}")
                png = browser.screenshot(args.out / f"brief-{width}.png", width, args.height)
                print(png)


if __name__ == "__main__":
    main()
