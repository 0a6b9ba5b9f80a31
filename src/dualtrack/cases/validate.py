"""Validate a case file in one pass: YAML syntax, the schema (pydantic) and cross-references.

Schema errors come back from pydantic as field paths; they are mapped to the YAML line of the
offending field and reworded where pydantic's wording hides what to do (enums, ranges, typos in
field names).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from dualtrack.cases.checks import closest, cross_check
from dualtrack.cases.problems import Problem, format_path
from dualtrack.cases.yamlmap import LineMap, load_with_lines
from dualtrack.errors import DualtrackError
from dualtrack.model import Case
from dualtrack.textfiles import read_utf8

_UNIT_INTERVAL = {"salience", "confidence"}


def _model_at(loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The pydantic model that a field path inside a Case points into."""
    model: type[BaseModel] = Case
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        inner = _inner_model(info.annotation) if info else None
        if inner is None:
            return None
        model = inner
    return model


def _inner_model(tp: Any) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in typing.get_args(tp):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(err: dict[str, Any], loc: tuple[str | int, ...]) -> str:
    kind, value = err["type"], err.get("input")
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "missing":
        return f"required field {name!r} is missing"
    if kind == "extra_forbidden":
        allowed = _model_at(loc[:-1])
        hint = closest(str(name), allowed.model_fields) if allowed else None
        tip = f" (did you mean {hint!r}?)" if hint else ""
        return f"unknown field {name!r}{tip}"
    if kind in {"enum", "literal_error"}:
        expected = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
        hint = closest(str(value), expected)
        tip = f"did you mean {hint!r}?" if hint else f"expected one of {', '.join(expected)}"
        return f"{value!r} is not allowed here ({tip})"
    if name in _UNIT_INTERVAL and kind in {"less_than_equal", "greater_than_equal"}:
        return f"{name} {value!r} is outside 0–1"
    if kind.startswith(("date_", "datetime_")):
        return f"{value!r} is not a date (use YYYY-MM-DD): {err['msg'].lower()}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    if value is not None and not isinstance(value, dict | list):
        msg += f" (got {value!r})"
    return msg


def schema_problems(data: Any, lines: LineMap, file: str) -> tuple[Case | None, list[Problem]]:
    try:
        return Case.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if p != "[key]")
            problems.append(Problem(file, lines.line_of(loc), format_path(loc), _message(err, loc)))
        return None, problems


def check_text(text: str, file: str) -> tuple[Case | None, list[Problem]]:
    """Validate case-file text; `file` is the name problems carry. Returns the case if valid."""
    try:
        data, lines = load_with_lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        syntax = isinstance(exc, yaml.scanner.ScannerError | yaml.parser.ParserError)
        return None, [Problem(file, line, "", f"YAML {'syntax ' if syntax else ''}error: {what}")]
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        return None, [Problem(file, 1, "", f"a case file must be a YAML mapping, got {got}")]
    problems = [
        Problem(file, line, format_path(path), f"duplicate key (first at line {first})")
        for path, line, first in lines.duplicate_keys
    ]
    case, schema = schema_problems(data, lines, file)
    problems += schema + cross_check(data, lines, file)
    unique = sorted(set(problems), key=lambda p: (p.line or 0, p.field, p.message))
    return (case if not unique else None), unique


def read_case_file(path: str | Path) -> tuple[Case | None, list[Problem]]:
    """The case in `path` and every problem with it; the case is None unless there are none."""
    file = str(path)
    try:
        text = read_utf8(path, what="case file (YAML)")
    except DualtrackError as exc:
        return None, [Problem(file, None, "", str(exc).removeprefix(f"{file}: "))]
    return check_text(text, file)


def validate_case_file(path: str | Path) -> list[Problem]:
    """Every problem in a case file at once (empty list: the file is valid)."""
    return read_case_file(path)[1]
