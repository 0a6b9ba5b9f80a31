"""What-if levers: `KEY=VALUE` settings that change the case's inputs or the model's parameters.

Named levers speak the analyst's language (`mediator=none`, `agenda.USA=nuclear_only`,
`spoiler.ISR.restraint=high`, `incident_rate=x2`, `forces=5`); every model parameter can also be
set by its name to a number (`conflict.misperception=0.1`, which fixes it) or scaled by a
multiplier (`talks.open_rate=x0.5`, which keeps its uncertainty). `icb.<feature>=VALUE` recodes
one of the case's ICB features (`icb.violent_trigger=true`), which re-derives the ICB rates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from dualtrack.analyze.inputs import acts_for
from dualtrack.calibrate import CrisisFeatures
from dualtrack.model import Case, Role
from dualtrack.simulate.errors import InputError
from dualtrack.simulate.state import RESTRAINTS, agenda_issue

ALIASES = {"incident_rate": "conflict.incident_rate", "forces": "case.forces"}
"""Short names for the parameters analysts reach for most."""

PROBABILITIES = frozenset(
    {
        "talks.strike_collapse_prob",
        "talks.gap_reference",
        "conflict.misperception",
        "conflict.talks_damping",
        "spoiler.major_share",
    }
)
"""Parameters that are shares or probabilities, so must stay within [0, 1]."""


class Levers(BaseModel):
    """Parsed levers; `given` keeps them as typed, for the output."""

    model_config = ConfigDict(extra="forbid")

    given: dict[str, str] = {}
    params: dict[str, tuple[str, float]] = {}  # name -> ("set" | "scale", number)
    agenda: dict[str, list[str]] = {}  # party -> agenda items
    restraint: dict[str, str] = {}  # spoiler id -> low | medium | high
    features: dict[str, Any] = {}  # ICB feature overrides (`icb.*`, and `mediator=none`)

    def __bool__(self) -> bool:
        return bool(self.given)


def valid_keys(case: Case, param_names: Iterable[str]) -> list[str]:
    """Every lever key this case accepts, named levers first."""
    parties = sorted({a.acts_for for a in case.with_role(Role.PARTY)})
    named = ["mediator", *ALIASES]
    if agenda_issue(case) is not None:
        named += [f"agenda.{p}" for p in parties]
    named += [f"spoiler.{s.id}.restraint" for s in case.with_role(Role.SPOILER)]
    named += [f"icb.{f}" for f in CrisisFeatures.model_fields]
    return named + sorted(param_names)


def _number(key: str, value: str) -> tuple[str, float]:
    text = value.strip().lower()
    kind = "scale" if text[:1] in ("x", "×", "*") else "set"
    try:
        number = float(text[1:] if kind == "scale" else text)
    except ValueError:
        raise InputError(
            f"lever {key}: expected a number (e.g. 0.05) or a multiplier (e.g. x2), got {value!r}"
        ) from None
    if number < 0 or number != number or number == float("inf"):
        raise InputError(f"lever {key}: must be a finite number >= 0, got {value!r}")
    return kind, number


def _scalar(value: str) -> Any:
    """A feature value as typed on the command line; pydantic checks it against the feature."""
    text = value.strip()
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if text.lower() in ("none", "null"):
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _agenda_items(case: Case, key: str, value: str) -> list[str]:
    issue = agenda_issue(case)
    assert issue is not None
    text = value.strip()
    if text == "all":
        return list(issue.options)
    items = [text[: -len("_only")]] if text.endswith("_only") else text.split("+")
    unknown = [i for i in items if i not in issue.options]
    if unknown or not items:
        raise InputError(
            f"lever {key}: {value!r} names no agenda item of issue {issue.id!r}; use ITEM_only, "
            f"ITEM+ITEM or all, with items from: {', '.join(issue.options)}"
        )
    return items


def parse_levers(
    case: Case, settings: Mapping[str, str] | Iterable[str], param_names: Iterable[str]
) -> Levers:
    """Parse `KEY=VALUE` strings (or a mapping) into levers, or raise InputError naming the key."""
    names = set(param_names)
    if isinstance(settings, Mapping):
        pairs = [(str(k), str(v)) for k, v in settings.items()]
    else:
        pairs = []
        for item in settings:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise InputError(f"lever {item!r}: expected KEY=VALUE (e.g. incident_rate=x2)")
            pairs.append((key.strip(), value.strip()))
    parties = {a.acts_for for a in case.with_role(Role.PARTY)}
    spoilers = {s.id for s in case.with_role(Role.SPOILER)}
    out = Levers()
    for key, value in pairs:
        out.given[key] = value
        name = ALIASES.get(key, key)
        if key == "mediator":
            if value not in ("none", "case"):
                raise InputError(f"lever mediator: expected 'none' or 'case', got {value!r}")
            if value == "none":
                out.features.update(mediation=False, mediation_style=None)
        elif key.startswith("icb.") and key[4:] in CrisisFeatures.model_fields:
            out.features[key[4:]] = _scalar(value)
        elif key.startswith("agenda.") and agenda_issue(case) is not None:
            party = key.split(".", 1)[1]
            if party not in parties:
                raise InputError(
                    f"lever {key}: {party!r} is not a party of case {case.id!r} "
                    f"(parties: {', '.join(sorted(parties))})"
                )
            out.agenda[acts_for(case, party) or party] = _agenda_items(case, key, value)
        elif key.startswith("spoiler.") and key.endswith(".restraint") and key.count(".") == 2:
            spoiler = key.split(".")[1]
            if spoiler not in spoilers:
                raise InputError(
                    f"lever {key}: {spoiler!r} is not a spoiler in case {case.id!r} "
                    f"(spoilers: {', '.join(sorted(spoilers)) or 'none'})"
                )
            if value not in RESTRAINTS:
                raise InputError(
                    f"lever {key}: expected one of {', '.join(RESTRAINTS)}, got {value!r}"
                )
            out.restraint[spoiler] = value
        elif name in names:
            kind, number = _number(key, value)
            if kind == "set" and name in PROBABILITIES and number > 1:
                raise InputError(
                    f"lever {key}: a probability or share must be in [0, 1], got {value!r}"
                )
            out.params[name] = (kind, number)
        else:
            raise InputError(
                f"unknown lever {key!r}; valid levers: {', '.join(valid_keys(case, names))}"
            )
    return out
