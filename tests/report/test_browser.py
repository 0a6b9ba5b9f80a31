"""The brief in a real headless Chromium (Debian's `chromium`): every section and chart is there
and laid out, no script runs, and no text overflows its box at 1280 px and 390 px.

Skips, saying why, when no Chromium is installed; it never downloads a browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dualtrack.analyze import build_picture
from dualtrack.cases import builtin_ids, load_case
from dualtrack.model import Case, Document
from dualtrack.report import CHART_IDS, SECTION_IDS, build_brief, compute_outlook, write_brief
from dualtrack.report.browser import Browser, find_chromium

pytest.importorskip("websocket", reason="websocket-client (dev extra) drives Chromium")
pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="no Chromium found (apt-get install chromium fonts-noto-cjk; .ci/run does this)",
)
WIDTHS = (1280, 390, 768, 320)  # the two required widths, plus a tablet and a small phone


@pytest.fixture(scope="module")
def browser():
    with Browser() as b:
        yield b


def check(browser: Browser, path: Path, charts: tuple[str, ...]) -> None:
    for width in WIDTHS:
        browser.open(path, width)
        inv = browser.inventory()
        sections = {s["id"]: s for s in inv["sections"]}
        for sid in (*SECTION_IDS, "method", "appendix"):
            assert sid in sections and sections[sid]["visible"], (width, sid)
            assert sections[sid]["heading"].strip(), (width, sid)
        drawn = {c["id"]: c for c in inv["charts"]}
        for cid in charts:
            c = drawn[cid]
            assert c["width"] > 200 and c["height"] > 80, (width, c)
            assert c["texts"] > 0 and c["marks"] > 0, (width, c)
            assert c["width"] <= width, (width, c)
        assert inv["scripts"] == 0 and inv["external"] == []
        assert browser.overflows() == [], width


@pytest.fixture(scope="module")
def builtin_briefs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if "us-iran-2026" not in builtin_ids():
        pytest.skip("built-in case not present")
    case = load_case("us-iran-2026")
    pic = build_picture(case)
    out = compute_outlook(case, pic.asof, runs=300, draws=100, seed=1)
    folder = tmp_path_factory.mktemp("briefs")
    return [
        write_brief(build_brief(case, pic, lang=lang, outlook=out), folder / f"{lang}.html")
        for lang in ("en", "zh-Hant", "zh-Hans")
    ]


def test_builtin_case_brief_renders_in_every_language(
    browser: Browser, builtin_briefs: list[Path]
) -> None:
    for path in builtin_briefs:
        check(browser, path, CHART_IDS)


def test_hostile_article_text_is_shown_not_run(
    browser: Browser, case: Case, docs: dict[str, Document], tmp_path: Path
) -> None:
    path = write_brief(build_brief(case, build_picture(case), documents=docs), tmp_path / "b.html")
    check(browser, path, ("tracks", "positions", "escalation"))
    browser.open(path, 1280)
    text = browser.evaluate("document.body.innerText")
    assert "<script>alert('x')</script>" in text
    assert "&amp; &lt;b&gt; continue" in text
    assert browser.evaluate("document.querySelectorAll('script, i, b').length") == 0


def test_demo_brief_renders(browser: Browser, tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from dualtrack.demo import run_demo

    if "us-iran-2026" not in builtin_ids():
        pytest.skip("built-in case not present")
    quiet = Console(file=io.StringIO())
    result = run_demo(tmp_path / "demo", console=quiet, progress_console=quiet, runs=300)
    check(browser, result.briefs["html"], CHART_IDS)
