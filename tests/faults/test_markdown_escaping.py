"""Markdown from an article is shown as text in the Markdown brief, never rendered."""

from __future__ import annotations

import re

from dualtrack.analyze import build_picture
from dualtrack.cases import load_case
from dualtrack.model import Document
from dualtrack.report import build_brief
from dualtrack.report.render import render_markdown

HOSTILE = "![x](http://tracker.example/p.png) [click](javascript:alert(1)) <img src=x> *b* `c` |"


def test_article_markdown_is_neutralised() -> None:
    case = load_case("us-iran-2026")
    cited = next(e for e in case.events if e.evidence).evidence[0]
    text = (HOSTILE + " ") * ((cited.end // len(HOSTILE)) + 2)
    docs = {cited.doc_id: Document(text=text, source="hostile")}
    md = render_markdown(build_brief(case, build_picture(case), documents=docs))
    assert "http://tracker.example" in md  # the text is there...
    assert not re.search(r"(?<!\\)!\[", md)  # ...but no image
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # ...and no link
    assert "<img" not in md and "&lt;img" in md
    assert "\\*b\\*" in md and "\\`c\\`" in md
