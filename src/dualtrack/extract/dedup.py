"""Deduplication: one real-world event reported in several sentences or documents → one Event.

Two reports are the same event when they agree on date, the states/organisations acting and
targeted, category, negation and hypothetical status. Within one document, an undated report of
an event that the document also dates is folded into the dated one.
"""

from __future__ import annotations

from collections.abc import Callable

from dualtrack.model import Event, Stance


def _key(e: Event, country: Callable[[str | None], str | None]) -> tuple:
    return (
        e.date,
        country(e.actor),
        country(e.target),
        e.category,
        e.flags.negated,
        e.flags.hypothetical,
    )


def _merge_into(keep: Event, other: Event) -> None:
    seen = {(ev.doc_id, ev.start, ev.end) for ev in keep.evidence}
    for ev in other.evidence:
        if (ev.doc_id, ev.start, ev.end) not in seen:
            keep.evidence.append(ev)
            seen.add((ev.doc_id, ev.start, ev.end))
    have = {(q.value, q.unit, q.what) for q in keep.quantities}
    for q in other.quantities:
        if (q.value, q.unit, q.what) not in have:
            keep.quantities.append(q)
            have.add((q.value, q.unit, q.what))
    if keep.via is None and other.via is not None:
        keep.via = other.via
    if keep.target is None and other.target is not None:
        keep.target = other.target
    keep.flags.threatened |= other.flags.threatened
    keep.flags.unconfirmed &= other.flags.unconfirmed
    # Corroboration raises confidence a little.
    keep.confidence = round(min(1.0, max(keep.confidence, other.confidence) + 0.05), 3)
    if keep.date_end is None:
        keep.date_end = other.date_end


def merge_events(
    events: list[Event], country: Callable[[str | None], str | None], within_doc: bool
) -> list[Event]:
    out: dict[tuple, Event] = {}
    for e in events:
        k = _key(e, country)
        if k in out:
            _merge_into(out[k], e)
            continue
        if k[3:] and e.target is None:  # same event with the target left unsaid
            k2 = next((kk for kk in out if kk[:2] == k[:2] and kk[3:] == k[3:]), None)
            if k2 is not None:
                _merge_into(out[k2], e)
                continue
        out[k] = e.model_copy(deep=True)
    merged = list(out.values())
    if within_doc:
        dated = [e for e in merged if e.date is not None]
        keep = []
        for e in merged:
            if e.date is None:
                twin = next(
                    (d for d in dated if _key(d, country)[1:] == _key(e, country)[1:]),
                    None,
                )
                if twin is not None:
                    _merge_into(twin, e)
                    continue
            keep.append(e)
        merged = keep
    for e in merged:  # the id follows the merged content
        e.id = e.fingerprint()
    return merged


def merge_stances(stances: list[Stance]) -> list[Stance]:
    out: dict[tuple, Stance] = {}
    for s in stances:
        k = (s.date, s.actor, s.issue, tuple(s.items or ()), s.red_line)
        if k in out:
            out[k].evidence.extend(ev for ev in s.evidence if ev not in out[k].evidence)
        else:
            out[k] = s.model_copy(deep=True)
    return list(out.values())
