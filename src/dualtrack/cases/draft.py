"""`dualtrack case new`: a first case file drafted from the articles themselves.

Two readings with the same extractor `ingest` uses. The first, with the built-in dictionaries
alone, collects the names no dictionary knows (an invented or little-reported state is only a
name-like candidate there); those reported at least `MIN_MENTIONS` times become proposed actors,
with their adjective forms (Karandian → Karandia) and the Chinese forms outlets gloss with the
Latin name (卡蘭迪亞（Karandia）). The second reading, with those actors as a provisional case,
gives the events and stances every proposal rests on. Nothing is decided here that the analyst
cannot see: every role carries the events that suggested it, and every ICB feature the articles
do not decide says "analyst: check".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dualtrack.errors import DualtrackError
from dualtrack.extract.mentions import _posseg
from dualtrack.extract.normalize import to_simplified
from dualtrack.extract.pipeline import Extraction, Extractor
from dualtrack.extract.reader import ReadError, read_paths
from dualtrack.model import Actor, ActorKind, Case, Document, Event, Issue, IssueKind, Role
from dualtrack.ontology import Category, Track, track_of

MIN_MENTIONS = 2  # a name no dictionary knows is proposed as an actor from its second report
AGENDA = "agenda_scope"
EVIDENCE_PER_ROLE = 3
SUMMARY_CHARS = 90  # a paraphrase-length clause, never a long quotation
# ICB codes superpower activity for the US and the USSR/Russia (CrisisFeatures docs).
SUPERPOWERS = ("USA", "RUS")

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,3}$")
# 卡蘭迪亞（Karandia）: a Chinese outlet glosses a little-known name with its Latin form.
_GLOSS = re.compile(
    r"([\u4e00-\u9fff]{2,12})\s*[（(]\s*([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,3})\s*[）)]"
)
_NOUNISH = ("n", "nr", "ns", "nt", "nz", "x", "eng")


class DraftError(DualtrackError, ValueError):
    """The articles cannot give a case (none readable, or a choice names no actor seen)."""


@dataclass
class SeenActor:
    """An actor the articles report, with its names and how often it appears in events."""

    id: str
    kind: str
    country: str
    names: dict[str, str]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    count: int = 0
    new: bool = False  # proposed from the articles: no built-in dictionary knows it


@dataclass
class Proposal:
    """A role proposed for an actor and the reports that suggested it (doc id: summary)."""

    actor: str
    role: Role
    evidence: list[str]


@dataclass
class Feature:
    """An ICB feature's draft value: decided by the articles (with why) or a stated default."""

    value: object
    range: list[object]
    source: str
    decided: bool


@dataclass
class CaseDraft:
    case_id: str
    title: str
    asof: dt.date
    documents: list[Document]
    actors: list[SeenActor]
    roles: list[Proposal]
    options: list[str]  # agenda items the stances name
    positions: dict[str, tuple[list[str], str]]  # party -> (items, evidence)
    features: dict[str, Feature]
    candidates: Counter[str]  # names still unresolved after the second reading
    events: list[Event]
    forces: dict[str, tuple[float, list[str]]]  # kind -> (units reported, the reports)
    country: Callable[[str | None], str | None]  # the state or organisation an actor acts for

    def role_of(self, actor: str) -> Role | None:
        return next((p.role for p in self.roles if p.actor == actor), None)


def read_documents(paths: Iterable[str | Path], lang: str = "auto") -> list[Document]:
    """Every readable article under `paths`; DraftError when there is none, naming the
    first input that could not be read."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    for item in read_paths(paths, lang=lang):
        (errors if isinstance(item, ReadError) else docs).append(item)  # type: ignore[arg-type]
    if not docs:
        why = f": {errors[0]}" if errors else ""
        raise DraftError(f"no articles to draft a case from in {', '.join(map(str, paths))}{why}")
    return docs


def draft_case(
    docs: list[Document],
    case_id: str,
    make_extractor: Callable[[Case | None], Extractor],
    *,
    title: str | None = None,
    asof: dt.date | None = None,
) -> CaseDraft:
    """Read `docs` twice (see the module's docstring) and propose a case for them."""
    first = make_extractor(None)
    found = first.extract_many(docs)
    seen = _new_actors(docs, found, first)
    provisional = Case(
        id=case_id,
        title=title or case_id,
        actors=[_as_actor(a) for a in seen],
        issues=[Issue(id=AGENDA, name="agenda", kind=IssueKind.SET, options=first.topics())],
    )
    ex = make_extractor(provisional)
    res = ex.extract_many(docs)
    actors = _seen_actors(res, ex, {a.id: a for a in seen})
    roles = propose_roles(res.events, actors, ex)
    parties = [p.actor for p in roles if p.role is Role.PARTY]
    options, positions = _agenda(res, parties, ex)
    dates = [e.date for e in res.events if e.date is not None]
    return CaseDraft(
        case_id=case_id,
        title=title or f"{' – '.join(_label(actors, p) for p in parties) or case_id} (draft)",
        asof=asof or (max(dates) if dates else dt.date.today()),
        documents=docs,
        actors=actors,
        roles=roles,
        options=options,
        positions=positions,
        features=draft_features(res.events, roles, actors, ex.country),
        candidates=Counter(c.text for c in res.unresolved),
        events=res.events,
        forces=draft_forces(res.events, parties),
        country=ex.country,
    )


# -- names no dictionary knows ---------------------------------------------------------------


def _new_actors(docs: list[Document], found: Extraction, ex: Extractor) -> list[SeenActor]:
    """The unresolved Latin names reported at least MIN_MENTIONS times (adjectives and Chinese
    glosses counted with their name), each with an id no dictionary uses."""
    counts = Counter(c.text for c in found.unresolved if _LATIN_NAME.match(c.text))
    glosses = _glosses(docs)
    for en in glosses:
        counts[en] += sum(d.text.count(en) for d in docs if d.lang != "en")
    names = sorted(counts, key=lambda n: (-counts[n], n))
    bases: dict[str, str] = {}  # adjective -> name
    for n in names:
        base = next((b for b in names if b != n and _adjective_of(n, b)), None)
        if base is not None:
            bases[n] = base
            counts[base] += counts[n]
    out: list[SeenActor] = []
    taken: set[str] = set()
    for n in names:
        if n in bases or counts[n] < MIN_MENTIONS:
            continue
        aid = _new_id(n, taken, ex)
        taken.add(aid)
        names_by_lang = {"en": n}
        hant, hans = glosses.get(n, (None, None))
        if hant:
            names_by_lang["zh-Hant"] = hant
        if hans:
            names_by_lang["zh-Hans"] = hans
        adjectives = [a for a, b in bases.items() if b == n]
        kind = "state" if " " not in n else "other"
        out.append(
            SeenActor(
                aid, kind, aid, names_by_lang, {"en": adjectives} if adjectives else {}, new=True
            )
        )
    return out


def _adjective_of(word: str, name: str) -> bool:
    """Karandian, Sarnesian, Velmoran: a single word extending the name's stem by a suffix of
    at most three letters (the name's last vowel may drop: Velmora → Velmoran)."""
    if " " in word or " " in name or len(name) < 4:
        return False
    return word.startswith(name[:-1]) and 0 < len(word) - len(name) <= 3


def _new_id(name: str, taken: set[str], ex: Extractor) -> str:
    letters = re.sub(r"[^A-Za-z]", "", name).upper() or "X"
    for n in range(3, 7):
        aid = letters[:n]
        if len(aid) >= 2 and aid not in taken and ex.dictionary_entry(aid)[0] is None:
            return aid
    k = 2
    while f"{letters[:3]}{k}" in taken:
        k += 1
    return f"{letters[:3]}{k}"


def _glosses(docs: list[Document]) -> dict[str, tuple[str, str]]:
    """Latin name -> (Traditional, Simplified) Chinese form, from glosses in Chinese articles;
    words before the name in the same run of characters (与, 在) are cut off by jieba's tags."""
    out: dict[str, tuple[str, str]] = {}
    for d in docs:
        for m in _GLOSS.finditer(d.text):
            run, latin = m.group(1), " ".join(m.group(2).split())
            simple = to_simplified(run)
            words = _posseg().lcut(simple)  # jieba's tagger, loaded on first use
            cut = 0
            while cut < len(words) - 1 and not words[cut].flag.startswith(_NOUNISH):
                cut += 1
            start = sum(len(w.word) for w in words[:cut])
            hans = simple[start:]
            hant = run[start:] if run[start:] != hans else _to_traditional(hans)
            if len(hans) >= 2:
                old = out.get(latin)
                traditional = hant if hant != hans or old is None else old[0]
                out[latin] = (traditional, hans)
    return out


@cache
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _to_traditional(text: str) -> str:
    return _s2t().convert(text)


def _as_actor(a: SeenActor) -> Actor:
    return Actor(
        id=a.id,
        kind=ActorKind(a.kind),
        country=a.country,
        names=a.names,  # type: ignore[arg-type]
        aliases=a.aliases,  # type: ignore[arg-type]
    )


# -- who appears, and in which role ------------------------------------------------------------


def _seen_actors(res: Extraction, ex: Extractor, new: dict[str, SeenActor]) -> list[SeenActor]:
    """Every actor of an event or stance, most reported first, with names in each script."""
    counts: Counter[str] = Counter()
    named = [aid for e in res.events for aid in {e.actor, e.target, e.via} - {None}]
    for aid in [*named, *(s.actor for s in res.stances)]:
        counts[aid] += 1  # type: ignore[index]
        if (state := ex.country(aid)) != aid:
            counts[state] += 1  # type: ignore[index]  # a state's count includes its people's
    out = []
    for aid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if aid in new:
            new[aid].count = n
            out.append(new[aid])
            continue
        kind, names = ex.dictionary_entry(aid)
        by_lang: dict[str, str] = {}
        if names.get("en"):
            by_lang["en"] = names["en"][0]
        if names.get("zh"):
            by_lang["zh-Hant"] = _to_traditional(names["zh"][0])
            by_lang["zh-Hans"] = to_simplified(by_lang["zh-Hant"])
        kind = kind if kind in ActorKind.__members__.values() else "other"
        out.append(SeenActor(aid, kind or "other", ex.country(aid) or aid, by_lang, count=n))
    return out


def _label(actors: list[SeenActor], aid: str) -> str:
    return next((a.names.get("en", aid) for a in actors if a.id == aid), aid)


def cite(e: Event) -> str:
    """`doc 1a2b3c4d (2030-03-02): the event's short summary`, for a comment beside a role."""
    doc = e.evidence[0].doc_id[:8] if e.evidence else "?"
    text = " ".join((e.summary or e.category.value).split())
    if len(text) > SUMMARY_CHARS:
        text = text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return f"doc {doc} ({e.date or 'undated'}): {e.category.value} — {text}"


def propose_roles(events: list[Event], actors: list[SeenActor], ex: Extractor) -> list[Proposal]:
    """Parties: the pair of states or groups with the most acts against each other on the
    confrontation track. Mediators: who is `via` of the parties' talks or hosts them (named
    in the report of the talks). Every other actor with acts toward a party or mediator:
    supporter when their conflict–cooperation scores sum above zero, spoiler below."""
    top = {a.id for a in actors if a.country == a.id and a.kind in ("state", "armed_group", "igo")}
    c = ex.country
    dyads: Counter[frozenset[str]] = Counter()
    for e in events:
        pair = frozenset({c(e.actor), c(e.target)}) - {None}
        if track_of(e.category) is Track.CONFRONTATION and len(pair) == 2 and pair <= top:
            dyads[pair] += 1  # type: ignore[index]
    if not dyads:
        return []
    parties = sorted(dyads.most_common(1)[0][0])
    out = [
        Proposal(
            p,
            Role.PARTY,
            [
                cite(e)
                for e in events
                if c(e.actor) == p
                and c(e.target) in parties
                and c(e.target) != p
                and track_of(e.category) is Track.CONFRONTATION
            ][:EVIDENCE_PER_ROLE],
        )
        for p in parties
    ]
    mediators = _mediators(events, parties, ex)
    out += [Proposal(m, Role.MEDIATOR, ev[:EVIDENCE_PER_ROLE]) for m, ev in mediators.items()]
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    toward = set(parties) | set(mediators)
    for e in events:
        who = c(e.actor)
        if who in top and who not in toward and c(e.target) in toward and e.score is not None:
            scores[who] += e.score  # type: ignore[index]
            evidence[who].append(cite(e))  # type: ignore[index]
    for who, s in sorted(scores.items(), key=lambda kv: -abs(kv[1])):
        if s != 0:
            role = Role.SUPPORTER if s > 0 else Role.SPOILER
            out.append(Proposal(who, role, evidence[who][:EVIDENCE_PER_ROLE]))
    return out


def _mediators(events: list[Event], parties: list[str], ex: Extractor) -> dict[str, list[str]]:
    """Who is `via` of the parties' talks or agreements: a mediator, or the host of talks held in
    a third state (the extractor marks those talks `third-party`)."""
    c = ex.country
    out: dict[str, list[str]] = defaultdict(list)
    for e in events:
        if e.category not in (Category.CONSULT, Category.AGREE):
            continue
        if {c(e.actor), c(e.target)} != set(parties):
            continue
        if e.via and c(e.via) not in parties:
            host = " (host)" if e.mode == "third-party" else ""
            out[c(e.via)].append(cite(e) + host)  # type: ignore[index]
    return dict(out)


# -- agenda and positions ----------------------------------------------------------------------


def _agenda(
    res: Extraction, parties: list[str], ex: Extractor
) -> tuple[list[str], dict[str, tuple[list[str], str]]]:
    """The agenda items any stance names (most named first) and each party's latest stated
    items, with the stance that stated them."""
    named: Counter[str] = Counter()
    latest: dict[str, tuple[dt.date, list[str], str]] = {}
    for s in res.stances:
        if s.issue != AGENDA or not s.items:
            continue
        named.update(s.items)
        who = ex.country(s.actor)
        if who in parties:
            day = s.date or dt.date.min
            if who not in latest or day >= latest[who][0]:
                doc = s.evidence[0].doc_id[:8] if s.evidence else "?"
                said = " ".join((s.summary or "").split())[:SUMMARY_CHARS]
                latest[who] = (day, list(s.items), f"doc {doc} ({s.date or 'undated'}): {said}")
    options = [o for o, _ in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))]
    return options, {p: (items, why) for p, (_, items, why) in latest.items()}


# -- forces in proximity --------------------------------------------------------------------------


def draft_forces(events: list[Event], parties: list[str]) -> dict[str, tuple[float, list[str]]]:
    """Forces in proximity by kind as the forecast reads them from deployment reports (each
    party's latest report of a kind, summed: `simulate.state.reported_forces`), with the reports."""
    from dualtrack.simulate.state import reported_forces  # the forecast's own reading

    sides = Case(
        id="draft",
        title="draft",
        actors=[Actor(id=p, kind=ActorKind.STATE, role=Role.PARTY) for p in parties],
        events=[e for e in events if e.date is not None],
    )
    levels, ids = (
        reported_forces(sides, max(e.date for e in sides.events), {}) if sides.events else ({}, [])
    )
    by_id = {e.id: e for e in events}
    out: dict[str, tuple[float, list[str]]] = {}
    for kind, level in levels.items():
        cites = [cite(by_id[i]) for i in ids if _counts(by_id[i], kind)]
        out[kind] = (level[0], cites)
    return out


def _counts(e: Event, kind: str) -> bool:
    from dualtrack.simulate.state import start_rules

    per_unit = start_rules().forces.count[kind]
    return any(q.what in per_unit for q in e.quantities)


# -- ICB features --------------------------------------------------------------------------------


def draft_features(
    events: list[Event],
    roles: list[Proposal],
    actors: list[SeenActor],
    country: Callable[[str | None], str | None],
) -> dict[str, Feature]:
    """The ICB features a forecast reads: those the reports decide (a mediator, the first act
    between the parties, who is involved) with the reason, the rest at a stated default."""
    c = country
    parties = [p.actor for p in roles if p.role is Role.PARTY]
    mediators = [p.actor for p in roles if p.role is Role.MEDIATOR]
    between = sorted(
        (
            e
            for e in events
            if e.date
            and {c(e.actor), c(e.target)} == set(parties)
            and track_of(e.category) is Track.CONFRONTATION
        ),
        key=lambda e: e.date,  # type: ignore[arg-type,return-value]
    )
    first = between[0] if between else None
    involved = {c(e.actor) for e in events} | {c(e.target) for e in events}
    states = {p.actor for p in roles if _kind(actors, p.actor) == "state"}

    def act(power: str | tuple[str, ...]) -> Feature:
        ids = (power,) if isinstance(power, str) else power
        seen = [p for p in ids if p in involved]
        if seen:
            return Feature(
                "political",
                ["political", "semi_military"],
                f"{', '.join(seen)} in the reports; analyst: check the level",
                False,
            )
        return Feature("none", ["none", "political"], "not in the reports (default)", True)

    f = {
        "gravity": Feature(3, [2, 4], "default: territorial; analyst: check", False),
        "mediation": Feature(
            bool(mediators),
            [bool(mediators)] * 2,
            f"mediator in the reports: {', '.join(mediators)}"
            if mediators
            else "no mediator in the reports; analyst: check",
            bool(mediators),
        ),
        "great_power_involvement": act(SUPERPOWERS),
        "us_involvement": act("USA"),
        "protracted": Feature(False, [False, True], "default; analyst: check", False),
        "nuclear_actors": Feature(0, [0, 0], "default; analyst: check", False),
        "power_discrepancy": Feature(2, [0, 5], "default; analyst: check", False),
        "n_actors": Feature(
            max(2, len(states)),
            [max(2, len(states)), max(2, len(states)) + 2],
            f"states with a role in the draft: {', '.join(sorted(states))}",
            True,
        ),
    }
    if mediators:
        f["mediation_style"] = Feature(
            "facilitation",
            ["facilitation", "formulation"],
            "default: the mediator carries messages and hosts; analyst: check",
            False,
        )
    if first is not None:
        violent = first.category is Category.ASSAULT
        f["violent_trigger"] = Feature(violent, [violent] * 2, f"first act: {cite(first)}", True)
        military = first.category is Category.MOBILIZE
        f["military_trigger"] = Feature(military, [military] * 2, f"first act: {cite(first)}", True)
    else:
        f["violent_trigger"] = Feature(False, [False, True], "default; analyst: check", False)
        f["military_trigger"] = Feature(False, [False, True], "default; analyst: check", False)
    return f


def _kind(actors: list[SeenActor], aid: str) -> str | None:
    return next((a.kind for a in actors if a.id == aid), None)


# -- the analyst's choices ----------------------------------------------------------------------


def apply_choices(
    draft: CaseDraft,
    parties: list[str] | None = None,
    mediators: list[str] | None = None,
    issues: list[str] | None = None,
) -> CaseDraft:
    """The draft with the analyst's parties, mediators and agenda items in place of the
    proposals (None keeps a proposal); an id no article reported is a DraftError."""
    known = {a.id for a in draft.actors}
    for option, ids in (("parties", parties), ("mediator", mediators)):
        bad = [i for i in ids or [] if i not in known]
        if bad:
            raise DraftError(
                f"{option}: {', '.join(bad)} not among the actors seen ({', '.join(sorted(known))})"
            )
    if parties is not None and len(parties) != 2:
        raise DraftError(f"parties: give two actor ids, not {len(parties)}")
    roles = list(draft.roles)
    for role, ids in ((Role.PARTY, parties), (Role.MEDIATOR, mediators)):
        if ids is None:
            continue
        kept = [p for p in roles if p.role is role and p.actor in ids]
        chosen = {p.actor for p in kept}
        roles = [p for p in roles if p.role is not role and p.actor not in ids]
        roles += kept + [Proposal(i, role, ["analyst's choice"]) for i in ids if i not in chosen]
    draft.roles = roles
    draft.forces = draft_forces(draft.events, [p.actor for p in roles if p.role is Role.PARTY])
    draft.features = draft_features(draft.events, roles, draft.actors, draft.country)
    if issues is not None:
        draft.options = list(dict.fromkeys(issues))
        draft.positions = {
            p: ([i for i in items if i in draft.options], why)
            for p, (items, why) in draft.positions.items()
        }
    return draft


def ask_choices(draft: CaseDraft, ask: Callable[[str, str], str]) -> CaseDraft:
    """The draft after asking (`ask(question, default) -> answer`, e.g. a terminal prompt) for
    the choices that matter: the parties, the mediator(s) and the agenda items, each with the
    proposal as its default; `none` clears the mediators or the agenda."""

    def ids(answer: str) -> list[str]:
        words = [w for w in re.split(r"[\s,]+", answer.strip()) if w]
        return [] if [w.lower() for w in words] == ["none"] else words

    proposed = {r: [p.actor for p in draft.roles if p.role is r] for r in Role}
    parties = ids(ask("Parties (two actor ids)", ",".join(proposed[Role.PARTY])))
    mediators = ids(ask("Mediator(s) (actor ids, or none)",
                        ",".join(proposed[Role.MEDIATOR]) or "none"))  # fmt: skip
    issues = ids(ask("Agenda items (or none)", ",".join(draft.options) or "none"))
    return apply_choices(draft, parties, mediators, issues)
