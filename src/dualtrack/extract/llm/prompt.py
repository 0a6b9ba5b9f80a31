"""The LLM coder's codebook, generated from data: the ontology's categories and modes, the
corpus's annotation conventions (`data/conventions.yaml`), the case's actors and issues, and
worked examples written for the project (`data/examples.yaml`).

Why generated: the prompt is part of the coder, so it must change only when its data does, and
its version (a hash of everything that goes into it) is recorded with every event it yields and
keys the response cache.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from dualtrack.model import Case
from dualtrack.ontology import Category, describe, modes

_DATA = resources.files("dualtrack.extract.llm") / "data"


@cache
def _data(name: str) -> dict[str, Any]:
    return yaml.safe_load((_DATA / name).read_text(encoding="utf-8"))


def event_schema() -> dict[str, Any]:
    """The JSON schema every response must follow (sent as `response_format`)."""
    event = {
        "type": "object",
        "properties": {
            "quote": {"type": "string"},
            "category": {"type": "string", "enum": [c.value for c in Category]},
            "mode": {"type": ["string", "null"]},
            "actor": {"type": "string"},
            "target": {"type": ["string", "null"]},
            "via": {"type": ["string", "null"]},
            "negated": {"type": "boolean"},
            "hypothetical": {"type": "boolean"},
        },
        "required": [
            "quote", "category", "mode", "actor", "target", "via", "negated", "hypothetical",
        ],
        "additionalProperties": False,
    }  # fmt: skip
    return {
        "type": "object",
        "properties": {"events": {"type": "array", "items": event}},
        "required": ["events"],
        "additionalProperties": False,
    }


def _categories() -> str:
    lines = []
    for c in Category:
        ms = modes(c)
        tail = f" Modes: {', '.join(ms)}." if ms else ""
        lines.append(f"- {c.value}: {describe(c)}{tail}")
    return "\n".join(lines)


def _case_part(case: Case | None) -> str:
    if case is None:
        return ""
    lines = [f"\nThis article is read for the case '{case.title}'. Its actors (id: names):"]
    for a in case.actors:
        if a.kind.value == "place":
            continue
        names = sorted({n for lg in ("en", "zh-Hans", "zh-Hant") for n in a.all_names(lg)})
        lines.append(f"- {a.id}: {', '.join(names[:6])}")
    if case.issues:
        lines.append("Issues at stake: " + "; ".join(i.name for i in case.issues))
    return "\n".join(lines)


def system_prompt(case: Case | None) -> str:
    conv = _data("conventions.yaml")
    rules = "\n".join(f"- {r}" for r in conv["rules"])
    return (
        "You code events in news articles (English, Simplified or Traditional Chinese) with the "
        "PLOVER event categories.\n\n"
        f"Categories:\n{_categories()}\n\n"
        f"What counts: {conv['what_counts']}\n\nActors: {conv['actors']}\n\n"
        f"Targets: {conv['target']}\n\nDecisions that recur:\n{rules}\n\n"
        f"Modality: {conv['modality']}\n\nEvidence: {conv['evidence']}"
        f"{_case_part(case)}\n\n"
        'Answer with JSON only: {"events": [{"quote", "category", "mode", "actor", "target", '
        '"via", "negated", "hypothetical"}, ...]}; an article with no events gives '
        '{"events": []}.'
    )


def _user(text: str) -> str:
    return f"Article:\n{text}"


@dataclass(frozen=True)
class Codebook:
    """The fixed part of every request: the system prompt and the worked examples."""

    system: str
    shots: tuple[tuple[str, str], ...]  # (article, the answer as JSON)
    version: str

    def messages(self, text: str) -> list[dict[str, str]]:
        out = [{"role": "system", "content": self.system}]
        for article, answer in self.shots:
            out += [
                {"role": "user", "content": _user(article)},
                {"role": "assistant", "content": answer},
            ]
        return [*out, {"role": "user", "content": _user(text)}]


def codebook(case: Case | None = None) -> Codebook:
    """The codebook for `case` (or none): its version hashes the prompt, examples and schema."""
    system = system_prompt(case)
    shots = tuple(
        (ex["text"].strip(), json.dumps({"events": ex["events"]}, ensure_ascii=False))
        for ex in _data("examples.yaml")["examples"]
    )
    blob = json.dumps([system, shots, event_schema()], ensure_ascii=False, sort_keys=True)
    version = hashlib.sha256(blob.encode()).hexdigest()[:12]
    return Codebook(system, shots, version)
