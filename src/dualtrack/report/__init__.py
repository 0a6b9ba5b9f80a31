"""The analyst brief: one self-contained HTML file (or Markdown) from the situation picture and
the forecasts, every factual line linked to its evidence spans, in en / zh-Hant / zh-Hans.

    picture = build_picture(case, events, stances, asof=...)
    brief = build_brief(case, picture, lang="zh-Hant", documents=docs, outlook=compute_outlook(...))
    write_brief(brief, "brief.html")
"""

from dualtrack.report.brief import CHART_IDS, SECTION_IDS, Brief, build_brief
from dualtrack.report.evidence import EvidenceBook, EvidenceRef, read_source_dirs
from dualtrack.report.i18n import Strings, languages
from dualtrack.report.outlook import Outlook, compute_outlook
from dualtrack.report.pipeline import make_brief
from dualtrack.report.render import render_html, render_markdown, write_brief

__all__ = [
    "CHART_IDS",
    "SECTION_IDS",
    "Brief",
    "EvidenceBook",
    "EvidenceRef",
    "Outlook",
    "Strings",
    "build_brief",
    "compute_outlook",
    "languages",
    "make_brief",
    "read_source_dirs",
    "render_html",
    "render_markdown",
    "write_brief",
]
