"""The brief from a hand-made case: every section and chart, evidence links, escaping, languages."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest
import yaml

from dualtrack.analyze import build_picture
from dualtrack.model import Case, Document
from dualtrack.report import (
    CHART_IDS,
    SECTION_IDS,
    Outlook,
    build_brief,
    languages,
    render_html,
    render_markdown,
    write_brief,
)
from dualtrack.report.charts import fit, text_width
from dualtrack.report.outlook import ForecastView, Horizon, IssueForecast, StateProb

STRINGS = Path(__file__).resolve().parents[2] / "src" / "dualtrack" / "report" / "strings"


class _Text(html.parser.HTMLParser):
    """Collects what a browser would show as text (outside <style>), and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self._skip = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(page: str) -> _Text:
    p = _Text()
    p.feed(page)
    return p


def outlook() -> Outlook:
    states = ["agreement", "talks_continue", "collapse", "limited_strikes", "major_war"]
    ps = [0.1, 0.5, 0.2, 0.15, 0.05]
    hz = [
        Horizon(days=d, states=[StateProb(state=s, p=p, lo=p / 2, hi=min(1, p * 1.5))
                                for s, p in zip(states, ps, strict=True)])
        for d in (7, 30, 90)
    ]  # fmt: skip
    return Outlook(
        forecast=ForecastView(horizons=hz, base_rate={30: dict.fromkeys(states, 0.2)}),
        bargaining=[IssueForecast(issue="level", model="median", value=30.0, lo=10.0, hi=50.0)],
    )


@pytest.mark.parametrize("lang", ["en", "zh-Hant", "zh-Hans"])
def test_every_section_and_chart_in_each_language(
    case: Case, docs: dict[str, Document], lang: str
) -> None:
    brief = build_brief(case, build_picture(case), lang=lang, documents=docs, outlook=outlook())
    page = render_html(brief)
    for sid in (*SECTION_IDS, "method", "appendix"):
        assert f'data-section="{sid}"' in page
    for cid in CHART_IDS:
        assert f'data-chart="{cid}"' in page
    # chart labels are SVG text, never outlines
    assert page.count("<svg") == 2 * len(CHART_IDS) and "<text" in page  # wide + narrow
    heading = {"en": "Negotiation track", "zh-Hant": "談判軌道", "zh-Hans": "谈判轨道"}[lang]
    assert f"<h2>{heading}</h2>" in page
    assert f'<html lang="{lang}">' in page


def test_article_markup_and_entities_are_shown_as_text(
    case: Case, docs: dict[str, Document]
) -> None:
    brief = build_brief(case, build_picture(case), documents=docs)
    page = render_html(brief)
    seen = parse(page)
    assert "script" not in seen.tags  # no script element, from the article or anywhere
    shown = "".join(seen.text)
    assert "<script>alert('x')</script>" in shown  # the article's markup, as text
    assert "&amp; &lt;b&gt; continue" in shown  # its entities, literally
    assert "Ruritania–Freedonia <crisis> & talks" in shown  # case text too
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&amp;amp; &amp;lt;b&amp;gt;" in page
    md = render_markdown(brief)
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_page_is_self_contained(case: Case, docs: dict[str, Document]) -> None:
    page = render_html(build_brief(case, build_picture(case), documents=docs, outlook=outlook()))
    assert "<link" not in page and " src=" not in page and "@import" not in page
    urls = set(re.findall(r"https?://[^\s\"'<>]+", page))
    assert urls <= {"http://www.w3.org/2000/svg"}


def test_every_citation_resolves_to_its_span(case: Case, docs: dict[str, Document]) -> None:
    brief = build_brief(case, build_picture(case), documents=docs)
    cited = {
        n
        for sec in brief.sections
        for bl in sec.blocks
        for line in ([*bl.items] if bl.kind == "lines" else
                     [c for row in bl.rows for c in row] if bl.kind == "table" else [])
        for n in line.refs
    }  # fmt: skip
    assert cited == {r.n for r in brief.evidence}
    for r in brief.evidence:
        if r.doc_id in docs:
            assert r.span == docs[r.doc_id].text[r.start : r.end]
        else:  # not at hand: the brief says so and keeps id and offsets
            assert r.span is None and (r.start, r.end) == (10, 20)
    page = render_html(brief)
    for r in brief.evidence:
        assert f'id="ev-{r.n}"' in page and f'href="#ev-{r.n}"' in page
    assert "characters 10–20" in page  # the span we cannot show, by offsets


def test_ledger_and_determinants_in_the_brief(case: Case, docs: dict[str, Document]) -> None:
    brief = build_brief(case, build_picture(case), documents=docs)
    md = render_markdown(brief)
    # 4 + 8 entities over two sanction events; the threat is listed, not counted
    assert re.search(r"\| Sanctions \| Ruritania &lt;b&gt; → Freedonia \| 12 \| entities \|", md)
    assert "Sylvania threatened Freedonia" in md
    assert "Items every party accepts on “Scope of talks”: nuclear." in md
    assert "crosses Freedonia's red line on: missiles" in md
    assert "Not fixed" in md  # only an unconfirmed report of further talks


def test_outlook_unavailable_is_said_not_failed(case: Case, docs: dict[str, Document]) -> None:
    out = Outlook(forecast_error="InputError: no data", bargaining_error="no positions")
    md = render_markdown(build_brief(case, build_picture(case), documents=docs, outlook=out))
    assert "The crisis forecast unavailable: InputError: no data" in md
    assert "The bargaining forecast unavailable: no positions" in md


def test_write_brief_by_suffix_and_format(case: Case, docs: dict[str, Document], tmp_path: Path):
    brief = build_brief(case, build_picture(case), lang="zh-Hans", documents=docs)
    h = write_brief(brief, tmp_path / "b.html")
    m = write_brief(brief, tmp_path / "b.md")
    assert h.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert m.read_text(encoding="utf-8").startswith("# ")
    with pytest.raises(ValueError, match="choose one of html, md"):
        write_brief(brief, tmp_path / "b.pdf", "pdf")


def _keys(d: dict, prefix: str = "") -> set[str]:
    out = set()
    for k, v in d.items():
        out |= _keys(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k}
    return out


def test_translations_have_every_key_of_english() -> None:
    assert set(languages()) >= {"en", "zh-Hant", "zh-Hans"}
    en = _keys(yaml.safe_load((STRINGS / "en.yaml").read_text(encoding="utf-8")))
    for lang in ("zh-Hant", "zh-Hans"):
        other = _keys(yaml.safe_load((STRINGS / f"{lang}.yaml").read_text(encoding="utf-8")))
        assert en - other == set(), lang


def test_chart_labels_fit_and_are_escaped() -> None:
    assert text_width("談判") == 24 and text_width("ab") == pytest.approx(13.92)
    short = fit("Limited strikes and more", 60)
    assert short.endswith("…") and text_width(short) <= 60
    from dualtrack.analyze.agenda import IssueGap, PartyPosition
    from dualtrack.report.charts import positions_chart

    gap = IssueGap(issue="x", name="<b>x</b>", kind="scale", scale_min=0, scale_max=100,
                   positions=[PartyPosition(actor="A", value=10, source="case")],
                   distance=None, distance_share=None, red_lines=[])  # fmt: skip
    svg = positions_chart([gap], {"A": "A&B"}, "t", "red line")
    assert "&lt;b&gt;x&lt;/b&gt;" in svg and "A&amp;B" in svg and "<b>" not in svg


def test_source_folder_supplies_span_text(
    case: Case, docs: dict[str, Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dualtrack.report import make_brief

    text = "x" * 10 + "offline span" + " tail"
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(text, encoding="utf-8")
    doc = Document(text=text)
    c = case.model_copy(deep=True)
    c.events[3].evidence[0].doc_id = doc.id  # the event whose document was not at hand
    c.sources[0].id = doc.id
    monkeypatch.setenv("DUALTRACK_SOURCES", str(tmp_path / "src"))
    brief = make_brief(c, use_store=False, runs=20)
    assert "offline sp" in {r.span for r in brief.evidence}  # characters 10-20


@pytest.mark.parametrize("lang", ["en", "zh-Hant", "zh-Hans"])
def test_empty_case_still_gives_a_whole_brief(lang: str) -> None:
    import datetime as dt

    empty = Case(id="empty", title="Empty", asof=dt.date(2026, 1, 1))
    brief = build_brief(empty, build_picture(empty), lang=lang)
    page, md = render_html(brief), render_markdown(brief)
    for sid in SECTION_IDS:
        assert f'data-section="{sid}"' in page
    assert "see the HTML" not in md or lang == "en"
    assert brief.evidence == [] and "?" not in md.split("## ")[5]  # no unknown dates shown
