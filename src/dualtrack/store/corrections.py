"""Analyst corrections: accept, reject or edit an extracted event, or add one by hand.

No event coder is perfect, and a wrong event must be fixable without editing YAML or touching
what the extractor stored: corrections are a layer of their own (the `corrections` table), one
row per verdict with who gave it and when (UTC), never updated or deleted. They are keyed by the
event's id, which the extractor derives from what makes two reports one event
(`extract.dedup.event_id`), so re-ingesting the same articles yields the same ids and every
correction still applies.

How an event's corrections combine (`apply_corrections`, oldest first):
- `accept`: the event as extracted (or as added) is right; earlier edits are dropped.
- `reject`: the event is wrong; it leaves the analysis (shown only on request).
- `edit`: the fields given replace the event's; edits since the last accept accumulate, a
  later edit of a field wins; an edit of a rejected event brings it back, edited.
- `add`: an event the coder missed, with its evidence span (document id and character offsets,
  checked against the stored text); its id is new (`added_event_id`), and it takes further
  corrections like any other event.
The latest correction gives the event's review status (`ReviewStatus`): unreviewed, accepted,
edited, added or rejected.

`check_fields` validates what an analyst typed (the CLI's `--set`, the web app's forms) and
raises `CorrectionError` naming the field; `Workspace.add_correction` runs it with the stored
event, the documents and the case's actors before writing anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from contextlib import suppress
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dualtrack.errors import DualtrackError
from dualtrack.model import Case, Event, EventFlags, Evidence
from dualtrack.model.actors import ACTOR_ID
from dualtrack.ontology import Category, modes

Action = Literal["accept", "reject", "edit", "add"]
ACTIONS: tuple[str, ...] = ("accept", "reject", "edit", "add")

# What an analyst may set on an event (edit and add); the quantities and the evidence of an
# extracted event stay as the coder found them.
EDITABLE: tuple[str, ...] = (
    "category",
    "mode",
    "actor",
    "target",
    "via",
    "date",
    "date_end",
    "flags",
    "summary",
    "location",
    "context",
)
# An added event's evidence span; `text` is filled in from the stored document.
SPAN_FIELDS: tuple[str, ...] = ("doc_id", "start", "end")
REQUIRED_TO_ADD: tuple[str, ...] = ("actor", "category", "date", *SPAN_FIELDS)
FLAG_NAMES: tuple[str, ...] = tuple(EventFlags.model_fields)
_ACTOR_FIELDS = ("actor", "target", "via")

ReviewState = Literal["unreviewed", "accepted", "edited", "added", "rejected"]
ADDED_BY = "analyst"  # the `extractor` of an event added by hand


class CorrectionError(DualtrackError, ValueError):
    """A correction that cannot be stored: `field` names the bad field (None: the request)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Correction(BaseModel):
    """One verdict on one event of a case, as stored (see the module docstring)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    case_id: str
    event_id: str
    action: Action
    fields: dict[str, Any] = Field(default_factory=dict)  # edit: changed; add: the event's
    author: str
    at: dt.datetime  # UTC, naive (as DuckDB's TIMESTAMP holds it)
    note: str = ""


class ReviewStatus(BaseModel):
    """Where the review of one event stands: its latest correction's verdict, who and when."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: ReviewState = "unreviewed"
    author: str | None = None
    at: dt.datetime | None = None
    note: str = ""
    corrections: int = 0  # how many corrections the event has had


UNREVIEWED = ReviewStatus()


def correction_id(case_id: str, event_id: str, at: dt.datetime, author: str, seq: int) -> str:
    """`cx-<UTC time>-<digest>`: sortable by time, unique by the workspace's sequence number."""
    key = f"{case_id}|{event_id}|{at.isoformat()}|{author}|{seq}"
    return f"cx-{at:%Y%m%dT%H%M%S%f}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"


def added_event_id(case_id: str, correction: str) -> str:
    """The id of an event added by hand: new, and the same wherever the correction is read."""
    return "ev_" + hashlib.sha1(f"{case_id}|add|{correction}".encode()).hexdigest()[:12]


# -- checking what an analyst typed ---------------------------------------------------------------


def _one_of(field: str, value: str, choices: Iterable[str], what: str) -> CorrectionError:
    from dualtrack.cases.checks import closest  # the one "did you mean" of the project

    pool = list(choices)
    hint = closest(value, pool)
    tip = f"did you mean {hint!r}? " if hint else ""
    return CorrectionError(
        f"{field}: {value!r} is not {what}; {tip}choose one of {', '.join(pool)}", field
    )


def _text(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CorrectionError(f"{field}: expected text, not {value!r}", field)
    return value.strip() or None


def _actor(field: str, value: Any, case: Case | None) -> str | None:
    actor = _text(field, value)
    if actor is None:
        if field == "actor":
            raise CorrectionError("actor: an event needs an actor", field)
        return None
    known = {a.id for a in case.actors} if case is not None else set()
    if actor in known or (not known and ACTOR_ID.match(actor)):
        return actor
    if not known:
        raise CorrectionError(
            f"{field}: {actor!r} is not an actor id (like 'USA', 'UN' or 'USA.trump')", field
        )
    from dualtrack.cases.checks import closest

    assert case is not None  # `known` is empty without one
    by_name = {n.casefold(): a.id for a in case.actors for n in a.all_names()}
    hint = by_name.get(actor.casefold()) or closest(actor, known)
    tip = f" (did you mean {hint!r}?)" if hint else ""
    raise CorrectionError(f"{field}: unknown actor {actor!r} in case {case.id!r}{tip}", field)


def _date(field: str, value: Any) -> str | None:
    if value is None or value == "":
        if field == "date":
            raise CorrectionError("date: an event needs a date (YYYY-MM-DD)", field)
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise CorrectionError(
            f"{field}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-02-06", field
        ) from None


def _flags(value: Any) -> dict[str, bool]:
    """The event's whole set of flags: names (a list, or comma-separated text) or a mapping."""
    if value is None:
        value = []
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, Mapping):
        on = [k for k, v in value.items() if v]
        names = list(value)
    elif isinstance(value, list | tuple | set | frozenset):
        on = names = [str(v) for v in value]
    else:
        raise CorrectionError(f"flags: expected flag names, not {value!r}", "flags")
    for name in names:
        if name not in FLAG_NAMES:
            raise _one_of("flags", str(name), FLAG_NAMES, "an event flag")
    return {name: name in on for name in FLAG_NAMES}


def _offset(field: str, value: Any) -> int:
    try:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError
        number = int(value)
    except (TypeError, ValueError):
        raise CorrectionError(f"{field}: {value!r} is not a character offset", field) from None
    if number < 0:
        raise CorrectionError(f"{field}: {number} is negative", field)
    return number


def _category(value: Any) -> str:
    text = _text("category", value)
    if text is None:
        raise CorrectionError("category: an event needs a category", "category")
    if text.upper() not in Category.__members__:
        raise _one_of("category", text, [c.value for c in Category], "an event category")
    return text.upper()


def _field(name: str, value: Any, case: Case | None) -> Any:
    if name == "category":
        return _category(value)
    if name in _ACTOR_FIELDS:
        return _actor(name, value, case)
    if name in ("date", "date_end"):
        return _date(name, value)
    if name == "flags":
        return _flags(value)
    if name in ("start", "end"):
        return _offset(name, value)
    return _text(name, value)  # doc_id, mode, summary, location, context


def check_fields(
    action: str,
    fields: Mapping[str, Any] | None = None,
    *,
    case: Case | None = None,
    base: Event | None = None,
) -> dict[str, Any]:
    """The fields of a correction, checked and normalised to JSON values (dates as ISO text,
    flags as the full set of five, empty text as None), or `CorrectionError` naming the first
    bad field. `case` checks actor ids (with a did-you-mean); `base` is the event an edit
    changes, against which a new category and mode are checked together."""
    if action not in ACTIONS:
        raise _one_of("action", str(action), ACTIONS, "a review action")
    fields = dict(fields or {})
    if action in ("accept", "reject"):
        if fields:
            raise CorrectionError(f"{action} takes no fields (got {', '.join(fields)})", "fields")
        return {}
    allowed = (*EDITABLE, *SPAN_FIELDS) if action == "add" else EDITABLE
    for name in fields:
        if name not in allowed:
            raise _one_of(str(name), str(name), allowed, f"a field an {action} can set")
    if action == "edit" and not fields:
        raise CorrectionError("edit: give at least one field to change", "fields")
    out = {name: _field(name, fields[name], case) for name in allowed if name in fields}
    if action == "add":
        for name in REQUIRED_TO_ADD:
            if out.get(name) is None:
                raise CorrectionError(f"{name}: an added event needs one", name)
        if out["end"] <= out["start"]:
            raise CorrectionError(
                f"span: end {out['end']} must be after start {out['start']}", "span"
            )
    _check_event(out, base)
    try:  # the event they make, as `apply_corrections` will make it
        if action == "add":
            _event_from(out, "ev_check")
        elif base is not None:
            _edited(base, out)
    except ValidationError as e:
        first = e.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "fields"
        raise CorrectionError(f"{name}: {first['msg']}", name) from None
    return out


def _check_event(fields: dict[str, Any], base: Event | None) -> None:
    """The event the fields make: a mode of its category, an end not before its start."""
    current = base.model_dump(mode="json") if base is not None else {}
    category = fields.get("category", current.get("category"))
    mode = fields.get("mode", current.get("mode"))
    if ("mode" in fields or "category" in fields) and category and mode:
        valid = modes(category)
        if mode not in valid:
            tip = f"choose one of {', '.join(valid)}, or " if valid else ""
            whose = "" if "mode" in fields else "the event's mode "
            todo = "leave mode empty" if "mode" in fields else "set mode too (empty for none)"
            raise CorrectionError(
                f"mode: {whose}{mode!r} is not a mode of {category}; {tip}{todo}", "mode"
            )
    start = fields.get("date", current.get("date"))
    end = fields.get("date_end", current.get("date_end"))
    if start and end and end < start:  # ISO dates order as text
        which = "date_end" if "date_end" in fields else "date"
        raise CorrectionError(
            f"{which}: the event would end ({end}) before it starts ({start})", which
        )


def check_span(doc_id: str, start: int, end: int, text: str | None) -> str:
    """The quoted text of an added event's evidence span, or `CorrectionError` when the
    document is not stored (`text` None) or the span leaves it."""
    if text is None:
        raise CorrectionError(
            f"doc_id: no document {doc_id!r} in the workspace (ingest it first)", "doc_id"
        )
    if not 0 <= start < end <= len(text):
        raise CorrectionError(
            f"span: {start}:{end} is outside document {doc_id!r} ({len(text)} characters)", "span"
        )
    return text[start:end]


# -- applying them ---------------------------------------------------------------------------


def _event_from(fields: Mapping[str, Any], event_id: str) -> Event:
    data = {k: v for k, v in fields.items() if k in EDITABLE}
    span = Evidence(
        doc_id=fields["doc_id"], start=fields["start"], end=fields["end"], text=fields.get("text")
    )
    return Event.model_validate({**data, "id": event_id, "evidence": [span], "extractor": ADDED_BY})


def _edited(event: Event, fields: Mapping[str, Any]) -> Event:
    data = event.model_dump()
    data.update(fields)
    if "category" in fields or "mode" in fields:
        data["score"] = None  # derived again from the new category and mode
    return Event.model_validate(data)


def _status(action: str, added: bool) -> ReviewState:
    if action == "reject":
        return "rejected"
    if added:
        return "added"
    return {"accept": "accepted", "edit": "edited"}[action]  # type: ignore[return-value]


def by_event(corrections: Iterable[Correction]) -> dict[str, list[Correction]]:
    """Corrections grouped by event id, each group in the order given (oldest first)."""
    out: dict[str, list[Correction]] = {}
    for c in corrections:
        out.setdefault(c.event_id, []).append(c)
    return out


def review_status(corrections: Iterable[Correction]) -> dict[str, ReviewStatus]:
    """Each corrected event's review status (events absent here are unreviewed)."""
    out = {}
    for event_id, group in by_event(corrections).items():
        last, added = group[-1], group[0].action == "add"
        out[event_id] = ReviewStatus(
            status=_status(last.action, added), author=last.author, at=last.at, note=last.note,
            corrections=len(group),
        )  # fmt: skip
    return out


def corrected_event(event: Event | None, group: list[Correction]) -> tuple[Event | None, bool]:
    """An event after its corrections (oldest first) and whether it stands rejected; None when
    there is no event (an edit of an id no event has, an add that did not parse)."""
    base = event
    edits: dict[str, Any] = {}
    rejected = False
    for c in group:
        if c.action == "add":
            try:
                base = _event_from(c.fields, c.event_id)
            except (KeyError, ValidationError):
                return None, False
            edits = {}
        elif c.action == "accept":
            edits, rejected = {}, False
        elif c.action == "reject":
            rejected = True
        else:
            edits.update(c.fields)
            rejected = False
    if base is None:
        return None, rejected
    if edits:
        # checked when stored; should a later model refuse them, the event stays as it was
        with suppress(ValidationError):
            base = _edited(base, edits)
    return base, rejected


def apply_corrections(
    events: Iterable[Event], corrections: Iterable[Correction], *, include_rejected: bool = False
) -> list[Event]:
    """The events with their corrections applied (see the module docstring): rejected ones
    dropped unless `include_rejected`, edited ones changed, added ones appended in the order
    they were added. Corrections of ids not among `events` (and not added) are ignored."""
    groups = by_event(corrections)
    if not groups:
        return list(events)
    out: list[Event] = []
    for e in events:
        group = groups.get(e.id)
        if not group:
            out.append(e)
            continue
        fixed, rejected = corrected_event(e, group)
        if fixed is not None and (include_rejected or not rejected):
            out.append(fixed)
    added = {i: g for i, g in groups.items() if g[0].action == "add"}
    held = {e.id for e in out} if added else set()  # an added event passed in again: once
    for event_id, group in added.items():
        if event_id in held:
            continue
        fixed, rejected = corrected_event(None, group)
        if fixed is not None and (include_rejected or not rejected):
            out.append(fixed)
    return out
