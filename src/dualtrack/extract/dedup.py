"""Deduplication: one real-world event reported in several sentences or documents → one Event.

Two reports are the same event when they agree on date, the states/organisations acting and
targeted, category, negation and hypothetical status. Within one document, an undated report of
an event that the document also dates is folded into the dated one, and a report told as a
further act (`further`: "also", 又) of another kind than its twin stays an event of its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping

from dualtrack.extract.compounds import dropped
from dualtrack.model import Event, Stance
from dualtrack.ontology import Category, unordered_pair

# Statements whose addressee may be left unsaid in one sentence and named in the next.
_STATEMENTS = frozenset(
    {Category.THREATEN, Category.ACCUSE, Category.REQUEST, Category.REJECT, Category.SUPPORT}
)


def _key(
    e: Event,
    country: Callable[[str | None], str | None],
    side: Callable[[str | None], str | None] | None = None,
) -> tuple:
    """The merge key. Within one state (a government and an armed group fighting there: both
    score as that state) the parties are told apart by `side`, so that the two directions of a
    clash or the two sides of a ceasefire inside it stay two events (GUIDE: one per side), as
    they do between two states."""
    actor, target = country(e.actor), country(e.target)
    if side is not None and actor is not None and actor == target:
        actor, target = side(e.actor), side(e.target)
    actor, target = unordered_pair(e.category, actor, target)
    return (
        e.date,
        actor,
        target,
        e.category,
        e.flags.negated,
        e.flags.hypothetical,
    )


def _fresh(e: Event) -> Event:
    """A copy whose lists and flags can be merged into without touching `e` (cheaper than a
    deep copy: evidence and quantities themselves are never mutated)."""
    return e.model_copy(
        update={
            "evidence": list(e.evidence),
            "quantities": list(e.quantities),
            "flags": e.flags.model_copy(),
        }
    )


class _Merger:
    """Merges reports into kept events, remembering what each already holds (so an event
    reported a thousand times in one archive is merged in linear time)."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[set, set]] = {}

    def _sets(self, keep: Event) -> tuple[set, set]:
        k = id(keep)
        if k not in self._seen:
            self._seen[k] = (
                {(ev.doc_id, ev.start, ev.end) for ev in keep.evidence},
                {(q.value, q.unit, q.what) for q in keep.quantities},
            )
        return self._seen[k]

    def merge(self, keep: Event, other: Event) -> None:
        seen, have = self._sets(keep)
        for ev in other.evidence:
            key = (ev.doc_id, ev.start, ev.end)
            if key not in seen:
                keep.evidence.append(ev)
                seen.add(key)
        for q in other.quantities:
            key = (q.value, q.unit, q.what)
            if key not in have:
                keep.quantities.append(q)
                have.add(key)
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


def event_id(
    e: Event,
    country: Callable[[str | None], str | None],
    side: Callable[[str | None], str | None] | None = None,
    act: str | None = None,
) -> str:
    """The id of the event a report belongs to: a function of the merge key alone, so the same
    reports get the same ids in whatever order or batches they arrive (the store merges by id).
    `act`: the mode of a further act of the same key (`merge_events`), which gets an id of its
    own; the same act read again gets the same one."""
    text = _key_text(e, country, side)
    return _id_of(f"{text}|{act}" if act else text)


def _key_text(
    e: Event,
    country: Callable[[str | None], str | None],
    side: Callable[[str | None], str | None] | None = None,
) -> str:
    """The merge key as the text an id hashes (an act's name, where there is one, after a |)."""
    return "|".join(str(getattr(x, "value", x)) for x in _key(e, country, side))


def _id_of(text: str) -> str:
    """An event's id from its key's text (`event_id`); apart, so the names a further act may
    have are tried on one text (`merge_events`)."""
    return "ev_" + hashlib.sha1(text.encode()).hexdigest()[:12]


def _canonical(e: Event) -> tuple:
    """An order of reports that does not depend on the order they were read in."""
    spans = tuple(sorted((ev.doc_id, ev.start, ev.end) for ev in e.evidence))
    return (spans, e.actor, e.target or "", e.via or "", e.mode or "", e.id)


def merge_events(
    events: list[Event],
    country: Callable[[str | None], str | None],
    within_doc: bool,
    apart: frozenset[int] = frozenset(),
    side: Callable[[str | None], str | None] | None = None,
    further: frozenset[int] = frozenset(),
    joined: Mapping[int, int] | None = None,
    titled: frozenset[int] = frozenset(),
) -> list[Event]:
    """One event per real-world event. Within a document, reports are read in its order and an
    undated or addressee-less report folds into its dated or addressed twin, except an undated
    one recalled as background (`apart`: the indices of such events in `events`; 2020年两军曾发生
    冲突 beside the same two armies' clash dated this week: history, which the GUIDE leaves
    undated, not an undated report of this week's). `further`: the indices of reports told as a
    further act (modality.yaml `further_act`: "also closed the border", 又交火), which stay
    apart from a twin of another mode (`_another_act`). Across documents only identical keys
    merge (a further act's mode part of its key: its id names it), each group in a canonical
    order: the result is the same for any order of the documents and any split into batches.
    `joined`: reports joined in their sentence to an earlier act of the same category (index ->
    that act's index: "expelled the envoy and closed the consulate", 中止条约、驱逐外交官;
    pipeline._joined_acts), which stay apart from that act where both have the merge key: an
    act of its own, its id naming its mode (and, of one mode, its place: `_act_name`).
    `side`: who a party stands for inside its state (`_key`). `titled`: the reports of the
    report's title, which fold into the body's dated report of their act (`_fold_titles`)."""

    def key(e: Event) -> tuple:
        return _key(e, country, side)

    if within_doc:
        kept = {key(events[i]) for i in apart if events[i].date is None}
        merged = _merge_in_document(events, key, kept, country, further, joined or {}, titled)
        merged = _drop_compounds(merged, country)
    else:

        def act(e: Event) -> str | None:  # a further act keeps its mode in its id
            if not e.mode:  # (the key's text worked out once for the names tried, not per name)
                return None
            text = _key_text(e, country, side)
            return next((a for a in _act_names(e.mode) if e.id == _id_of(f"{text}|{a}")), None)

        merged = _merge_across(events, key, act)
    for e, mode in merged:  # the id follows the merge key
        e.id = event_id(e, country, side, mode)
    return [e for e, _ in merged]


def _merge_across(
    events: list[Event],
    key: Callable[[Event], tuple],
    act: Callable[[Event], str | None],
) -> list[tuple[Event, str | None]]:
    groups: dict[tuple, list[Event]] = {}
    for e in events:  # dict order: first appearance, so the output keeps the input's order
        groups.setdefault((*key(e), act(e)), []).append(e)
    merger = _Merger()
    out = []
    for k, members in groups.items():
        first, *rest = sorted(members, key=_canonical)
        kept = _fresh(first)
        for other in rest:
            merger.merge(kept, other)
        out.append((kept, k[-1]))
    return out


def _another_act(kept: Event, e: Event) -> bool:
    """Whether `e`, told as a further act (`merge_events`), is another act than `kept`, its twin
    by the merge key: both have a mode and the modes differ (closing a border post after closing
    the airspace; a clash after an air strike), and `e` is not told in a clause `kept` was read
    from. Out of fold, of the keys drafted from several sentences of one article, gold held 34 as
    two acts or more and 254 once or not at all: "also" or 又 with another mode marked 5 and 1
    of them; a word of addition or repetition alone, 12 and 31; another mode alone, 14 and 80
    (a restatement often names the act anew); different quantities, 0 and 11."""
    if kept.mode is None or e.mode is None or kept.mode == e.mode:
        return False
    spans = {(v.doc_id, v.start, v.end) for v in kept.evidence}
    return not any((v.doc_id, v.start, v.end) in spans for v in e.evidence)


def _act_names(mode: str) -> list[str]:
    """The names an act of `mode` kept apart may have in its id: its mode, then, for a second
    act of one mode joined in one sentence, the mode and its rank (`_act_name`)."""
    return [mode] + [f"{mode}#{n}" for n in range(2, 6)]


def _act_name(out: dict[tuple, Event], k: tuple, mode: str) -> str | None:
    """The first name of `_act_names` that no kept act of key `k` has yet, the mode of the
    first (`out[k]`, named by its key alone) counted as taken (None: all taken)."""
    taken = out[k].mode
    return next((a for a in _act_names(mode) if a != taken and (*k, a) not in out), None)


def _merge_in_document(
    events: list[Event],
    key: Callable[[Event], tuple],
    apart: set[tuple],
    country: Callable[[str | None], str | None],
    further: frozenset[int],
    joined: Mapping[int, int],
    titled: frozenset[int] = frozenset(),
) -> list[tuple[Event, str | None]]:
    """`apart`: the merge keys of undated events that no dated twin absorbs. A report without
    its addressee is matched by the actor's state (`country`), whichever side it acts for.
    `further`: the indices of reports told as further acts (`merge_events`); each kept with
    the mode that sets it apart, the key of its own act (None for the others)."""
    merger = _Merger()
    out: dict[tuple, Event] = {}
    # (date, actor, category, flags) -> key of the first event with those: an event whose target
    # is left unsaid folds into it (dicts keep this linear in the number of events).
    loose: dict[tuple, tuple] = {}
    # (date, actor, target, category, mode) -> key of the first event with those: one document
    # telling an act once as done and once as planned or denied on the same day (将于6日会谈 /
    # 6日举行会谈) tells one act, as done (out of fold, such twins were one gold event but for one
    # pair in 16); another mode is another act (severing relations, then recalling an envoy)
    plain: dict[tuple, tuple] = {}
    acts: dict[int, str] = {}  # id of a further act kept apart -> its mode
    for i, e in enumerate(events):
        k = key(e)
        if (*k, e.mode) in out:  # a further act of this mode, told again
            merger.merge(out[(*k, e.mode)], e)
            continue
        if k in out and e.mode and i in joined and key(events[joined[i]]) == k:
            name = _act_name(out, k, e.mode)
            if name is not None:
                out[(*k, name)] = kept = _fresh(e)
                acts[id(kept)] = name
                continue
        if k in out and i in further and _another_act(out[k], e):
            out[(*k, e.mode)] = kept = _fresh(e)
            acts[id(kept)] = str(e.mode)
            continue
        if k in out:
            merger.merge(out[k], e)
            continue
        kept = out.get(plain.get((*k[:4], e.mode), ()))
        if kept is not None:
            merger.merge(kept, e)
            kept.flags.negated &= e.flags.negated
            kept.flags.hypothetical &= e.flags.hypothetical
            continue
        by_state = _key(e, country)
        k_loose = by_state[:2] + by_state[3:]
        if e.target is None and k_loose in loose:
            merger.merge(out[loose[k_loose]], e)
            continue
        first = loose.get(k_loose)
        if first is not None and first[2] is None and e.category in _STATEMENTS:
            # the same day's statement said first without its addressee (保留报复的权利，
            # 警告将对印度…): one statement, to the addressee named later
            kept = _fresh(e)
            merger.merge(kept, out.pop(first))
            out[k] = kept
            loose[k_loose] = k
            continue
        out[k] = _fresh(e)
        loose.setdefault(k_loose, k)
        plain.setdefault((*k[:4], e.mode), k)
    spans = {(v.doc_id, v.start, v.end) for i in titled for v in events[i].evidence}
    _fold_titles(out, {k for k, kept in out.items() if _only_of(kept, spans)}, merger)
    return _fold_undated(out, key, apart, merger, acts)


def _only_of(kept: Event, spans: set[tuple[str, int, int]]) -> bool:
    """Whether every report `kept` holds is one of the title's (`spans`: the title reports'
    evidence, gathered once per document rather than once per kept event)."""
    return bool(spans) and all((v.doc_id, v.start, v.end) in spans for v in kept.evidence)


def _fold_titles(out: dict[tuple, Event], title_keys: set[tuple], merger: _Merger) -> None:
    """A title's act ("Rebels announce withdrawal") that the body tells on another day
    ("began withdrawing on Sunday") into the body's report: one act told twice, dated as the
    body dates it (GUIDE: one event per act; its date is the act's, not the report's). Of
    several body days, the latest not after the title's. Why: out of fold, of the 44 ASSAULT
    and RETREAT events coded on a second day beside a hit, about one in eight was a title dated
    as the report, which the rules' `_follow_title` had not given the body's day: CV
    901 hits, 1,919 -> 1,915 events; fixed-20 748, 1,590 -> 1,585; seeds 891 881 889 879 /
    1,922 1,918 1,932 1,939 beside 891 882 889 879 / 1,926 1,923 1,937 1,943; dev 157 / 305."""
    for k in title_keys:
        title = out[k]
        if title.date is None:
            continue
        twins = [
            (e.date, tk)
            for tk, e in out.items()
            if tk not in title_keys
            and tk[1:] == k[1:]
            and e.date is not None
            and e.date <= title.date
        ]
        if twins:
            merger.merge(out[max(twins)[1]], title)
            del out[k]


def _fold_undated(
    out: dict[tuple, Event],
    key: Callable[[Event], tuple],
    apart: set[tuple],
    merger: _Merger,
    acts: dict[int, str],
) -> list[tuple[Event, str | None]]:
    """An undated report into the dated event of its key (the first the document dates), but
    for the undated ones `apart`; each kept event with its act's mode (`_merge_in_document`)."""
    dated: dict[tuple, Event] = {}
    for e in out.values():
        if e.date is not None:
            dated.setdefault(key(e)[1:], e)
    keep = []
    for e in out.values():
        k = key(e)
        twin = dated.get(k[1:]) if e.date is None and k not in apart else None
        if twin is not None:
            merger.merge(twin, e)
            continue
        keep.append((e, acts.get(id(e))))
    return keep


def _drop_compounds(
    merged: list[tuple[Event, str | None]],
    country: Callable[[str | None], str | None],
) -> list[tuple[Event, str | None]]:
    """One act that one sentence's rules coded under two categories of the same two parties, of
    which the guide keeps one (compounds.yaml): the event of the dropped category goes when each
    of its sentences is a sentence of an event of the kept one, the same date and the same two
    parties (unordered); one told elsewhere too stays. A row may hold for some modes only and
    turn on words of the sentence (a ceasefire's halt kept over its agreement, unless a
    proposal was what was accepted: `compounds.dropped`)."""

    # each event's date and parties and its spans, once (not once per pair of events)
    told = [
        (
            e,
            mode,
            (e.date, frozenset({country(e.actor), country(e.target)})),
            {(v.doc_id, v.start, v.end) for v in e.evidence},
        )
        for e, mode in merged
    ]

    def covered(e: Event, pair: tuple, mine: set[tuple]) -> bool:
        text = " ".join(v.text or "" for v in e.evidence)
        return any(
            k.category != e.category and pk == pair and mine <= sk and dropped(k, e, text)
            for k, _, pk, sk in told
            if k is not e
        )

    return [(e, mode) for e, mode, pair, mine in told if not covered(e, pair, mine)]


def merge_stances(stances: list[Stance]) -> list[Stance]:
    out: dict[tuple, Stance] = {}
    for s in stances:
        k = (s.date, s.actor, s.issue, tuple(s.items or ()), s.red_line)
        if k in out:
            out[k].evidence.extend(ev for ev in s.evidence if ev not in out[k].evidence)
        else:
            out[k] = s.model_copy(update={"evidence": list(s.evidence)})
    return list(out.values())
