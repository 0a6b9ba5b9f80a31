"""Start-up: commands import the heavy libraries they use, where they use them, not before."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "scipy",
    "SALib",
    "ray",
    "duckdb",
    "jieba",
    "trafilatura",
    "jinja2",
    "starlette",
    "uvicorn",
)


def _imported(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_cli_imports_no_heavy_library() -> None:
    assert _imported("dualtrack.cli") == set()


def test_forecast_and_bargain_need_no_scipy_salib_or_ray() -> None:
    assert _imported("dualtrack.simulate, dualtrack.bargain") == set()
