"""Cross-reference checks a field-by-field schema cannot make: ids, scales, aliases, sources.

They run on the raw YAML data (not on a validated `Case`) so that a file with a type error in one
event still gets its unknown actors, duplicate ids and out-of-scale positions reported in the same
pass. Every check tolerates malformed entries: those are the schema's to report.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from dualtrack.cases.problems import Problem, format_path
from dualtrack.cases.yamlmap import LineMap, Path_
from dualtrack.model import Event
from dualtrack.ontology import Category, modes

# Candidate comparisons spent on "did you mean" per file (about a second); past it, unknown ids
# are still reported, without a suggestion.
HINT_BUDGET = 200_000


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `word` (case-insensitive), or None when nothing is close."""
    by_fold: dict[str, str] = {}
    for c in candidates:
        by_fold.setdefault(c.casefold(), c)
    hit = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[hit[0]] if hit else None


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    seq = data.get(key)
    if not isinstance(seq, list):
        return []
    return [(i, x) for i, x in enumerate(seq) if isinstance(x, dict)]


def _num(x: Any) -> float | None:
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def _date(x: Any) -> dt.date | None:
    if isinstance(x, dt.date):
        return x
    try:
        return dt.date.fromisoformat(x) if isinstance(x, str) else None
    except ValueError:
        return None


class CaseChecker:
    """Collects the cross-reference problems of one case file's data."""

    def __init__(self, data: dict[str, Any], lines: LineMap, file: str) -> None:
        self.data = data
        self.lines = lines
        self.file = file
        self.problems: list[Problem] = []
        self.actor_ids: dict[str, int] = {}  # id -> index of first definition
        self.alias_owner: dict[str, str] = {}  # casefolded name/alias -> actor id
        self.issues: dict[str, dict[str, Any]] = {}
        self.source_ids: set[str] = set()
        self.hint_budget = HINT_BUDGET

    def hint(self, word: str, candidates: Iterable[str]) -> str | None:
        """`closest`, while the file's budget of comparisons lasts: thousands of unknown ids
        against thousands of actors would otherwise spend minutes on suggestions."""
        pool = list(candidates)
        if len(pool) > self.hint_budget:
            return None
        self.hint_budget -= len(pool)
        return closest(word, pool)

    def add(self, path: Path_, message: str) -> None:
        self.problems.append(
            Problem(self.file, self.lines.line_of(path), format_path(path), message)
        )

    def run(self) -> list[Problem]:
        self.check_actors()
        self.check_issues()
        self.check_sources()
        for i, pos in _items(self.data, "positions"):
            self.check_position(("positions", i), pos)
        self.check_duplicate_positions()
        for i, st in _items(self.data, "stances"):
            self.check_stance(("stances", i), st)
        self.check_events()
        return self.problems

    # -- helpers ---------------------------------------------------------------------------

    def _line(self, path: Path_) -> int | None:
        return self.lines.line_of(path)

    def ref_actor(self, path: Path_, value: Any, what: str = "actor") -> None:
        if not isinstance(value, str) or value in self.actor_ids:
            return
        hint = self.alias_owner.get(value.casefold()) or self.hint(value, self.actor_ids)
        tip = f" (did you mean {hint!r}?)" if hint else ""
        self.add(path, f"unknown {what} {value!r}{tip}")

    def ref_issue(self, path: Path_, value: Any) -> dict[str, Any] | None:
        if not isinstance(value, str):
            return None
        if value in self.issues:
            return self.issues[value]
        hint = self.hint(value, self.issues)
        tip = f" (did you mean {hint!r}?)" if hint else ""
        self.add(path, f"unknown issue {value!r}{tip}")
        return None

    # -- actors ----------------------------------------------------------------------------

    def check_actors(self) -> None:
        actors = _items(self.data, "actors")
        for i, a in actors:
            aid = a.get("id")
            if not isinstance(aid, str):
                continue
            if aid in self.actor_ids:
                first = self._line(("actors", self.actor_ids[aid], "id"))
                self.add(("actors", i, "id"), f"duplicate actor id {aid!r} (first at line {first})")
            else:
                self.actor_ids[aid] = i
        claimed: dict[str, tuple[str, Path_]] = {}
        for i, a in actors:
            aid = a.get("id")
            if not isinstance(aid, str):
                continue
            for path, name in self._names_of(("actors", i), a):
                key = name.strip().casefold()
                if not key:
                    self.add(path, "empty name or alias")
                    continue
                owner = claimed.get(key)
                if owner is None:
                    claimed[key] = (aid, path)
                elif owner[0] != aid:
                    self.add(
                        path,
                        f"alias {name!r} is claimed by both {owner[0]!r} "
                        f"(line {self._line(owner[1])}) and {aid!r}",
                    )
        self.alias_owner = {k: v[0] for k, v in claimed.items()}
        for i, a in actors:
            if "country" in a and a["country"] is not None:
                self.ref_actor(("actors", i, "country"), a["country"], "country actor")

    @staticmethod
    def _names_of(base: Path_, actor: dict[str, Any]) -> list[tuple[Path_, str]]:
        out: list[tuple[Path_, str]] = []
        names = actor.get("names")
        if isinstance(names, dict):
            out += [((*base, "names", lg), n) for lg, n in names.items() if isinstance(n, str)]
        aliases = actor.get("aliases")
        if isinstance(aliases, dict):
            for lg, seq in aliases.items():
                if isinstance(seq, list):
                    path = (*base, "aliases", lg)
                    out += [((*path, j), n) for j, n in enumerate(seq) if isinstance(n, str)]
        return out

    # -- issues and sources ----------------------------------------------------------------

    def check_issues(self) -> None:
        first: dict[str, int] = {}
        for i, iss in _items(self.data, "issues"):
            iid = iss.get("id")
            if not isinstance(iid, str):
                continue
            if iid in first:
                line = self._line(("issues", first[iid], "id"))
                self.add(("issues", i, "id"), f"duplicate issue id {iid!r} (first at line {line})")
                continue
            first[iid] = i
            self.issues[iid] = iss
            lo, hi = self._scale(iss)
            for j, anchor in _items(iss, "anchors"):
                v = _num(anchor.get("value"))
                if v is not None and not lo <= v <= hi:
                    self.add(
                        ("issues", i, "anchors", j, "value"),
                        f"anchor {v:g} is outside the issue's scale {lo:g}–{hi:g}",
                    )
            options = iss.get("options")
            if isinstance(options, list):
                seen: set[Any] = set()
                for j, opt in enumerate(options):
                    if opt in seen:
                        self.add(("issues", i, "options", j), f"duplicate option {opt!r}")
                    seen.add(opt)

    @staticmethod
    def _scale(issue: dict[str, Any]) -> tuple[float, float]:
        lo = _num(issue.get("scale_min"))
        hi = _num(issue.get("scale_max"))
        return (0.0 if lo is None else lo, 100.0 if hi is None else hi)

    def check_sources(self) -> None:
        first: dict[str, int] = {}
        for i, src in _items(self.data, "sources"):
            sid = src.get("id")
            if not isinstance(sid, str):
                continue
            if sid in first:
                line = self._line(("sources", first[sid], "id"))
                msg = f"duplicate source id {sid!r} (first at line {line})"
                self.add(("sources", i, "id"), msg)
            first.setdefault(sid, i)
        self.source_ids = set(first)

    # -- positions and stances -------------------------------------------------------------

    def _check_placement(self, base: Path_, entry: dict[str, Any], issue: dict[str, Any]) -> None:
        """A value on the issue's scale, or items among a set issue's options."""
        lo, hi = self._scale(issue)
        iid = issue.get("id")
        v = _num(entry.get("value"))
        if v is not None and not lo <= v <= hi:
            msg = f"value {v:g} is outside the scale {lo:g}–{hi:g} of issue {iid!r}"
            self.add((*base, "value"), msg)
        rng = entry.get("value_range")
        if isinstance(rng, list) and len(rng) == 2:
            r0, r1 = _num(rng[0]), _num(rng[1])
            if r0 is not None and r1 is not None:
                if r0 < lo or r1 > hi:
                    scale = f"the scale {lo:g}–{hi:g} of issue {iid!r}"
                    self.add((*base, "value_range"), f"value_range [{r0:g}, {r1:g}] leaves {scale}")
                if v is not None and lo <= v <= hi and not r0 <= v <= r1:
                    self.add(
                        (*base, "value"), f"value {v:g} is outside its value_range [{r0:g}, {r1:g}]"
                    )
        items = entry.get("items")
        if items is None:
            return
        if issue.get("kind", "scale") != "set":
            self.add((*base, "items"), f"issue {iid!r} is a scale: give 'value', not 'items'")
            return
        options = issue.get("options") if isinstance(issue.get("options"), list) else []
        if isinstance(items, list):
            for j, item in enumerate(items):
                if item not in options:
                    hint = self.hint(str(item), [str(o) for o in options])
                    tip = f" (did you mean {hint!r}?)" if hint else ""
                    self.add(
                        (*base, "items", j), f"{item!r} is not an option of issue {iid!r}{tip}"
                    )

    def check_position(self, base: Path_, pos: dict[str, Any]) -> None:
        self.ref_actor((*base, "actor"), pos.get("actor"))
        issue = self.ref_issue((*base, "issue"), pos.get("issue"))
        if issue is not None:
            self._check_placement(base, pos, issue)
        rng = pos.get("salience_range")
        if isinstance(rng, list) and any(
            (x := _num(r)) is not None and not 0.0 <= x <= 1.0 for r in rng
        ):
            self.add((*base, "salience_range"), "salience_range must stay within 0–1")

    def check_duplicate_positions(self) -> None:
        seen: dict[tuple[Any, Any, Any], int] = {}
        for i, pos in _items(self.data, "positions"):
            key = (pos.get("actor"), pos.get("issue"), pos.get("as_of"))
            if not all(isinstance(k, str) for k in key[:2]):
                continue
            if key in seen:
                line = self._line(("positions", seen[key]))
                self.add(
                    ("positions", i),
                    f"second position of {key[0]!r} on {key[1]!r} as of {key[2]} "
                    f"(first at line {line})",
                )
            else:
                seen[key] = i

    def check_stance(self, base: Path_, st: dict[str, Any]) -> None:
        self.ref_actor((*base, "actor"), st.get("actor"))
        issue = self.ref_issue((*base, "issue"), st.get("issue"))
        if issue is not None:
            self._check_placement(base, st, issue)
        self.check_evidence(base, st)

    # -- events ----------------------------------------------------------------------------

    def check_events(self) -> None:
        asof = _date(self.data.get("asof"))
        identity: dict[str, int] = {}
        for i, ev in _items(self.data, "events"):
            base: Path_ = ("events", i)
            self.ref_actor((*base, "actor"), ev.get("actor"))
            for role in ("target", "via"):
                if ev.get(role) is not None:
                    self.ref_actor((*base, role), ev.get(role), role)
            loc = ev.get("location")
            if isinstance(loc, str) and "." in loc and loc.split(".")[0].isupper():
                self.ref_actor((*base, "location"), loc, "location")
            self.check_mode(base, ev)
            start, end = _date(ev.get("date")), _date(ev.get("date_end"))
            if start and end and end < start:
                self.add((*base, "date_end"), f"date_end {end} is before date {start}")
            if start and asof and start > asof:
                self.add((*base, "date"), f"date {start} is after the case's asof {asof}")
            self.check_evidence(base, ev)
            try:
                eid = Event.model_validate(ev).id
            except ValidationError:
                continue  # the schema pass reports it
            if eid in identity:
                line = self._line(("events", identity[eid]))
                how = (
                    "the same id"
                    if ev.get("id")
                    else "the same date, actor, target, category, mode and negation"
                )
                self.add(
                    base,
                    f"duplicate event {eid!r}: {how} as the event at line {line} "
                    "(merge them, or give one an explicit 'id')",
                )
            else:
                identity[eid] = i

    def check_mode(self, base: Path_, ev: dict[str, Any]) -> None:
        cat, mode = ev.get("category"), ev.get("mode")
        if mode is None or cat not in Category.__members__:
            return
        known = modes(cat)
        if mode not in known:
            hint = self.hint(str(mode), known)
            listed = ", ".join(known) or "none"
            tip = f" (did you mean {hint!r}?)" if hint else f" (known: {listed})"
            self.add((*base, "mode"), f"{cat} has no mode {mode!r}{tip}")

    def check_evidence(self, base: Path_, entry: dict[str, Any]) -> None:
        for j, evd in _items(entry, "evidence"):
            doc = evd.get("doc_id")
            if isinstance(doc, str) and doc not in self.source_ids:
                short = doc if len(doc) <= 20 else doc[:16] + "…"
                self.add(
                    (*base, "evidence", j, "doc_id"),
                    f"document {short!r} is not among the case's sources",
                )


def cross_check(data: dict[str, Any], lines: LineMap, file: str) -> list[Problem]:
    return CaseChecker(data, lines, file).run()
