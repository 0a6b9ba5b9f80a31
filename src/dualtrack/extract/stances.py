"""Stances: where a position cue (only / must cover / refuse) meets agenda topics in a sentence.

Topics and cues come from `stances.yaml`. With a case, a topic is linked to the case issue that
lists it among its options (set issues, e.g. the agenda) or names it in its id or name (scale
issues, e.g. enrichment); without a case the topic itself is the issue id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dualtrack.extract.langdata import LangData
from dualtrack.extract.mentions import Mention
from dualtrack.extract.segment import Sentence
from dualtrack.model import Case, DatePrecision, IssueKind


@dataclass
class StanceDraft:
    actor: str
    issue: str
    items: list[str] | None
    red_line: bool
    summary: str
    sentence: Sentence
    date: dt.date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN


def link_topics(case: Case | None, topics: list[str]) -> dict[str, tuple[str, bool]]:
    """topic -> (issue id, is a set issue option)."""
    out: dict[str, tuple[str, bool]] = {}
    for topic in topics:
        if case is None:
            out[topic] = (topic, False)
            continue
        for issue in case.issues:
            option = _option_for(topic, issue.options) if issue.kind is IssueKind.SET else None
            if option is not None:
                out[topic] = (issue.id, True)
                out[f"{topic}@option"] = (option, True)
                break
        else:
            for issue in case.issues:
                if topic in issue.id.lower() or topic in issue.name.lower():
                    out[topic] = (issue.id, False)
                    break
    return out


def _option_for(topic: str, options: list[str]) -> str | None:
    """The option a topic names: equal, or one word of it (missiles ~ ballistic_missiles)."""
    for o in options:
        if o == topic or topic in o.lower().split("_"):
            return o
    return None


def find_stances(
    text: str,
    sent: Sentence,
    lang: LangData,
    mentions: list[Mention],
    links: dict[str, tuple[str, bool]],
    fallback_actor: list[str] | None,
) -> list[StanceDraft]:
    st = lang.stances
    cues = []
    for kind in ("only", "include", "exclude"):
        rx = st.get(kind)
        if rx is not None:
            cues.extend((m.start(), m.end(), kind) for m in rx.finditer(text, sent.start, sent.end))
    if not cues:
        return []
    cues.sort()
    red = st.get("red_line")
    out: list[StanceDraft] = []
    for i, (cs, ce, kind) in enumerate(cues):
        stop = cues[i + 1][0] if i + 1 < len(cues) else sent.end
        found: dict[str, None] = {}
        for topic, rx in st["topics"].items():
            if topic in links and rx.search(text, ce, min(stop, ce + 60)):
                found[topic] = None
        if not found:
            continue
        pre = [m for m in mentions if sent.start <= m.start and m.end <= cs and not m.locative]
        actors = list(pre[-1].ids[:1]) if pre else list(fallback_actor or [])
        if not actors:
            continue
        red_line = red is not None and red.search(text, max(sent.start, cs - 12), stop) is not None
        by_issue: dict[str, list[str]] = {}
        for topic in found:
            issue, is_option = links[topic]
            by_issue.setdefault(issue, [])
            if is_option:
                by_issue[issue].append(links.get(f"{topic}@option", (topic, True))[0])
        for issue, items in by_issue.items():
            summary = f"{kind}: {', '.join(found)}"
            out.append(
                StanceDraft(
                    actor=actors[0],
                    issue=issue,
                    items=items if kind in ("only", "include") and items else None,
                    red_line=red_line or kind == "exclude",
                    summary=summary,
                    sentence=sent,
                )
            )
    return out
