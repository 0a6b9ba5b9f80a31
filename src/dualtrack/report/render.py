"""Lay a `Brief` out as one self-contained HTML file or as Markdown.

HTML goes through Jinja2 with autoescaping on, so every string that came from an article or a
case file is shown as text; only the chart SVG (built and escaped in charts.py) is inserted raw.
Markdown escapes the text's Markdown syntax and raw HTML, because Markdown viewers render both.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from dualtrack.outputs import format_of, write_text
from dualtrack.report.brief import Brief, Line

BRIEF_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("dualtrack.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )


def render_html(brief: Brief) -> str:
    return _env().get_template("brief.html.j2").render(b=brief)


# The punctuation that opens Markdown syntax inside a line (links and images need `[`, emphasis
# `*`/`_`, code `` ` ``, table cells `|`): backslash-escaped, each is shown as itself (CommonMark
# 2.4); `&`, `<` and `>` (raw HTML, autolinks) become entities. Every line the renderer writes
# starts with its own prefix, so line-start syntax (`#`, `-`, `1.`) cannot come from the text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def _md(text: str) -> str:
    """Text from an article or a case file as literal Markdown: `![x](http://...)` shows as
    those characters, never as a remote image, and `[x](javascript:...)` never as a link."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _md_line(ln: Line) -> str:
    refs = "".join(f"[^{n}]" for n in ln.refs)
    return _md(ln.text) + refs


def render_markdown(brief: Brief) -> str:
    out = [
        f"# {_md(brief.title)}",
        "",
        f"*{_md(brief.labels['brief'])} · {_md(brief.asof_text)}*",
        "",
        f"**{_md(brief.assessment)}**",
        "",
    ]
    for sec in brief.sections:
        out += [f"## {_md(sec.heading)}", ""]
        for bl in sec.blocks:
            if bl.kind == "lines":
                if bl.title:
                    out += [f"### {_md(bl.title)}", ""]
                out += [f"- {_md_line(ln)}" for ln in bl.items] + [""]
            elif bl.kind == "table":
                if bl.title:
                    out += [f"### {_md(bl.title)}", ""]
                out.append("| " + " | ".join(_md(h) for h in bl.headers) + " |")
                out.append("|" + "---|" * len(bl.headers))
                out += ["| " + " | ".join(_md_line(c) for c in row) + " |" for row in bl.rows]
                out.append("")
            elif bl.kind == "chart":
                out += [f"*[{_md(bl.title)}: {_md(brief.labels['chart_in_html'])}]*", ""]
            else:
                out += [f"*{_md(bl.text)}*", ""]
    out += [f"## {_md(brief.method_heading)}", "", _md(brief.method), ""]
    out += [f"## {_md(brief.evidence_heading)}", ""]
    for r in brief.evidence:
        span = (
            r.span
            if r.span is not None
            else brief.labels["span_missing"].format(doc=r.doc_id[:12], start=r.start, end=r.end)
        )
        doc = " · ".join(x for x in (r.doc_title, r.doc_outlet, r.doc_id[:12]) if x)
        out.append(f"[^{r.n}]: {_md(doc)} · {r.doc_date or '?'} · {r.start}–{r.end}: “{_md(span)}”")
    out += ["", f"*{_md(brief.generated)}*", ""]
    return "\n".join(out)


def write_brief(brief: Brief, path: Path | str, fmt: str | None = None) -> Path:
    """Write the brief as HTML or Markdown (by `fmt`, else by the file's suffix)."""
    path = Path(path)
    fmt = format_of(path, fmt, BRIEF_SUFFIXES, "--out")
    text = render_html(brief) if fmt == "html" else render_markdown(brief)
    return write_text(path, text)  # whole or not at all: never half a brief
