"""Language data: the YAML files under `lang/<code>/`, loaded once and compiled for matching.

Everything the extractor knows about a language (actor names, event verbs, modality cues, date
expressions, units, stance cues, sentence boundaries) is in those files, so a user extends the
coder by editing or adding YAML: `Extractor(lang_dirs=[...])` or the `DUALTRACK_LANG_DIRS`
environment variable name extra folders laid out like `lang/` whose files are merged in.
The code here only compiles what the files say.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dualtrack.errors import DualtrackError
from dualtrack.extract.firstchars import index_patterns, look_ahead
from dualtrack.extract.trie import trie_pattern
from dualtrack.ontology import Category

LANG_CODES = ("zh", "en")
FILES = ("countries", "world", "actors", "verbs", "modality", "dates", "units", "stances", "text")


class LangDataError(DualtrackError, ValueError):
    """A language data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class ActorEntry:
    id: str
    kind: str
    country: str


@dataclass(frozen=True)
class VerbRule:
    category: Category
    mode: str | None
    weight: float
    governs: bool
    governs_sentence: bool
    content_categories: dict[str, Category]
    mediates: bool
    target: str
    content_modes: dict[str, str]
    untargeted: Category | None
    source: str  # the pattern, for debugging and docs
    mutual: bool = False  # a joint act (clash): two parties named together act on each other
    one_way: bool = False  # an offer (愿为…提供协助): never coded back from the other party
    # what a speaker says of another party (X称Y违反协议, Y必须解散): the speaker acts on it
    speaker_acts: bool = False
    moves_own: bool = False  # what is moved is the mover's own (troops were deployed: whose)
    # an act told as a noun after its possessor (以色列的空袭, Russia's strikes): still the act
    possessor_acts: bool = False
    # an agent phrase after the noun (a drone attack by militias on a base): the agent acts
    agent_after: bool = False
    # the verb's subject undergoes the act (came under fire): it is the target, as in a passive
    patient_subject: bool = False
    # forces sent or massed: a state named is the target only where they face it (its border,
    # its waters: `edge_after`, `edge_before`), not where they go to it (a host, an ally)
    edge_target: bool = False


@dataclass
class LangData:
    code: str
    cjk: bool  # match on characters (no word boundaries) and convert t2s
    actors: dict[str, ActorEntry]
    alias_ids: dict[str, tuple[str, ...]]  # matched alias -> actor ids (two for a pair)
    pair_aliases: frozenset[str]
    alias_re: re.Pattern[str]
    role_re: re.Pattern[str] | None
    verb_source: str  # every verb pattern in one alternation: `verb_re`, compiled on first use
    verb_rules: dict[str, VerbRule]
    verb_index: dict[str, re.Pattern[str]]
    verb_candidates: re.Pattern[str] | None
    verb_loose: re.Pattern[str] | None
    mod: dict[str, Any]
    dates: dict[str, Any]
    units: dict[str, Any]
    stances: dict[str, Any]
    sentence_re: re.Pattern[str]
    clause_re: re.Pattern[str]
    abbreviations: frozenset[str]
    stopwords: frozenset[str]
    unit_chars: frozenset[str] = field(default_factory=frozenset)
    # verbs.yaml `possessor`: the marks after a possessor ('s, 的) before a `possessor_acts` noun
    possessor_re: re.Pattern[str] | None = None
    # actors.yaml `bound_abbreviations`: 台 of 对台军售, matched in its bound contexts only, and
    # the ids each such abbreviation names
    bound_re: re.Pattern[str] | None = None
    bound_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # actors.yaml `not_names`: words that hold an alias and name no actor (理查德 holds 查德,
    # Chad's name in Taiwan); the alias scan reads them as a whole and passes over them
    not_names: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def place_aliases(self) -> frozenset[str]:
        """The aliases all of whose actors are places (a mention of one is locative), worked
        out once per language: the alias scan asked it of every mention it found."""
        return frozenset(
            alias
            for alias, ids in self.alias_ids.items()
            if all((e := self.actors.get(i)) is not None and e.kind == "place" for i in ids)
        )

    @cached_property
    def verb_re(self) -> re.Pattern[str]:
        """Every verb pattern in one alternation, for the language data `verb_index` cannot
        index (`verb_loose`) and for tests. Why compiled on first use: the coder reads the verbs
        through `verb_index`, and this alternation of every pattern (some 27,000 characters a
        language) took about a tenth of a second to compile in every process."""
        flags = 0 if self.cjk else re.IGNORECASE
        return _compile(self.verb_source, f"lang/{self.code}/verbs.yaml", flags)

    def verb_at(self, text: str, pos: int) -> re.Match[str] | None:
        """`verb_re.match(text, pos)`, trying only the verb patterns that can start with the
        two characters at `pos`, else with the one (`verb_index`). Why: `verb_re` alternates
        every pattern of verbs.yaml, which the regex engine tries one by one: on Chinese, one
        such call took longer than coding a sentence. The same match: the patterns left out
        cannot match there, and those tried keep their order."""
        if self.verb_loose is not None or self.verb_candidates is None:
            return self.verb_re.match(text, pos)
        index = self.verb_index
        rx = index.get(text[pos : pos + 2]) or index.get(text[pos : pos + 1])
        return rx.match(text, pos) if rx is not None else None

    def find_verb(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`verb_re.search(text, pos)`: the first candidate position (`verb_candidates`) where
        `verb_at` matches, since any match starts at one."""
        if self.verb_loose is not None or self.verb_candidates is None:
            return self.verb_re.search(text, pos)
        for c in self.verb_candidates.finditer(text, pos):
            m = self.verb_at(text, c.start())
            if m is not None:
                return m
        return None


def _builtin_dir(code: str) -> Path:
    return Path(str(resources.files("dualtrack.extract") / "lang" / code))


def _extra_dirs(extra: list[Path] | None) -> list[Path]:
    dirs = list(extra or [])
    env = os.environ.get("DUALTRACK_LANG_DIRS")
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    return dirs


# The keys each language file may hold (top level), and those of one verb rule and one actor: a
# misspelt key would otherwise be ignored without a word.
# fmt: off
SCHEMA: dict[str, frozenset[str]] = {
    "actors": frozenset(
        {"abbreviations", "actors", "bound_abbreviations", "candidate_stopwords", "not_names",
         "pairs", "role_suffixes"}
    ),
    "countries": frozenset({"actors"}),
    "world": frozenset({"actors"}),
    "dates": frozenset(
        {"absolute", "dateline_end", "document_date", "flashback", "months", "question", "range",
         "relative", "span_after", "span_end", "span_past", "span_start", "weekdays"}
    ),
    "modality": frozenset(
        {"adjunct_before", "adjunct_clause", "adjunct_open", "agent_after", "agent_preps",
         "attack_from",
         "anaphoric_acts", "anaphoric_agreements", "anaphoric_before", "anaphoric_objects",
         "anaphors", "and_said", "and_verb", "any_act", "aside_marks", "aside_open", "background",
         "further_act",
         "before_window", "joined_act", "joined_acts",
         "between", "comitative_preps", "commentary", "complementizer", "conditional",
         "conditional_threat", "coordination",
         "denial", "denied_report", "determiners", "edge_after", "edge_before", "epithets",
         "frame_after", "frame_before",
         "home_marks", "home_outlets", "home_roles", "hypothetical", "inherit_max_prefix",
         "list_marks",
         "locative_preps", "mediation_frame",
         "mediator_after", "mediator_before", "modifier_after", "negation", "negation_window",
         "new_predicate", "new_subject_before", "nominal_after", "nominal_before", "not_negation",
         "obligation", "obligation_passive", "own_object", "pair_pronouns", "pair_roles",
         "participle", "passive",
         "person_titles",
         "place_attaches", "possessive", "prep_scope", "pronouns", "reacted_acts",
         "reaction_after", "reaction_before", "reaction_open", "refusal", "related_links",
         "relative_pronouns",
         "restatement", "retaliation", "seat_before", "sidelines", "source_after", "speech",
         "speech_place",
         "subject_free", "target_preps", "tense", "title_events", "titled_name", "titles",
         "topic_open", "unconfirmed", "unnamed_subject", "with_frame", "zero_subject_open"}
    ),
    "stances": frozenset({"exclude", "include", "only", "red_line", "topics"}),
    "text": frozenset({"abbreviations", "clause_sep", "sentence_end"}),
    "units": frozenset(
        {"attributes", "classifiers", "currency_before", "magnitudes", "measures",
         "number_words", "qualifiers_after", "qualifiers_before", "things", "tolls"}
    ),
    "verbs": frozenset({"possessor", "rules"}),
}
RULE_KEYS = frozenset(
    {"agent_after", "category", "content_categories", "content_modes", "edge_target", "governs",
     "mediates",
     "mode", "mutual", "moves_own", "one_way", "patient_subject", "patterns", "possessor_acts",
     "speaker_acts", "target", "untargeted", "weight"}
)
# fmt: on
ACTOR_KEYS = frozenset({"country", "kind", "names"})
BOUND_KEYS = frozenset({"after", "before", "id", "not_before"})


# libyaml's parser where PyYAML was built with it: the same nodes, marks and data as the
# pure-Python one for every language file, read seven times faster (about 0.6 s of start-up).
_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> dict[str, Any]:
    try:
        loader = _LOADER(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            if node is not None:
                _check_keys(path, node)
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as e:
        raise LangDataError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise LangDataError(f"{path}: expected a mapping at the top level")
    return data


def _check_keys(path: Path, node: yaml.Node) -> None:
    """Every key known to the schema, else an error naming the file and the line."""
    allowed = SCHEMA.get(path.stem)
    if allowed is None or not isinstance(node, yaml.MappingNode):
        return
    _known_keys(path, node, allowed, "")
    for key, value in node.value:
        if path.stem == "verbs" and key.value == "rules" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                _known_keys(path, item, RULE_KEYS, "verb rule ")
        if key.value == "actors" and isinstance(value, yaml.MappingNode):
            for _, spec in value.value:
                _known_keys(path, spec, ACTOR_KEYS, "actor ")
        if key.value == "bound_abbreviations" and isinstance(value, yaml.MappingNode):
            for _, spec in value.value:
                _known_keys(path, spec, BOUND_KEYS, "bound abbreviation ")


def _known_keys(path: Path, node: yaml.Node, allowed: frozenset[str], what: str) -> None:
    if not isinstance(node, yaml.MappingNode):
        return
    for key, _ in node.value:
        if key.value not in allowed:
            raise LangDataError(
                f"{path}:{key.start_mark.line + 1}: unknown {what}key {key.value!r} "
                f"(known: {', '.join(sorted(allowed))})"
            )


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Extra files add to lists and mappings and replace scalars."""
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + v
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def load_files(code: str, extra: list[Path] | None = None) -> dict[str, dict[str, Any]]:
    raw: dict[str, dict[str, Any]] = {}
    for name in FILES:
        path = _builtin_dir(code) / f"{name}.yaml"
        raw[name] = _read(path) if path.exists() else {}
        for d in _extra_dirs(extra):
            p = d / code / f"{name}.yaml"
            if p.exists():
                raw[name] = _merge(raw[name], _read(p))
    return raw


# A bare `.` in a pattern must not run across a clause or sentence boundary.
_CLAUSE_CHAR = {True: r"[^,;:。!?，；：！？\n]", False: r"[^;.!?\n]"}


def _local_dots(src: str, cjk: bool) -> str:
    out: list[str] = []
    escaped = in_class = False
    for ch in src:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == ".":
            out.append(_CLAUSE_CHAR[cjk])
        else:
            out.append(ch)
    return "".join(out)


def _compile(src: str, where: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(src, flags)
    except re.error as e:
        raise LangDataError(f"{where}: bad regular expression {src!r}: {e}") from e


def _alt(items: list[str], cjk: bool, where: str, flags: int = 0) -> re.Pattern[str] | None:
    items = [_local_dots(i, cjk) for i in items if i]
    if not items:
        return None
    body = "|".join(f"(?:{i})" for i in sorted(items, key=len, reverse=True))
    src = f"(?:{body})" if cjk else rf"\b(?:{body})(?!\w)"
    return _compile(look_ahead(src, flags) + src, where, flags)


# The modality.yaml word lists compiled each into one `<key>_re` alternation (`anaphors` and
# `passive` are compiled apart: the first is one pattern per kind of actor).
MODALITY_LISTS = (
    "negation",
    "related_links",
    "obligation",
    "obligation_passive",
    "with_frame",
    "not_negation",
    "hypothetical",
    "conditional",
    "unconfirmed",
    "speech",
    "target_preps",
    "comitative_preps",
    "coordination",
    "list_marks",
    "locative_preps",
    "edge_after",
    "edge_before",
    "frame_after",
    "frame_before",
    "pronouns",
    "between",
    "subject_free",
    "adjunct_before",
    "pair_pronouns",
    "complementizer",
    "participle",
    "commentary",
    "nominal_before",
    "nominal_after",
    "restatement",
    "possessive",
    "anaphoric_before",
    "home_roles",
    "titled_name",
    "refusal",
    "denial",
    "adjunct_clause",
    "adjunct_open",
    "agent_preps",
    "agent_after",
    "attack_from",
    "titles",
    "person_titles",
    "seat_before",
    "and_verb",
    "and_said",
    "anaphoric_objects",
    "anaphoric_agreements",
    "anaphoric_acts",
    "any_act",
    "retaliation",
    "epithets",
    "denied_report",
    "new_subject_before",
    "new_predicate",
    "source_after",
    "background",
    "further_act",
    "joined_act",
    "tense",
    "mediation_frame",
    "own_object",
    "relative_pronouns",
    "unnamed_subject",
    "speech_place",
    "sidelines",
    "mediator_after",
    "mediator_before",
    "topic_open",
    "zero_subject_open",
    "modifier_after",
    "determiners",
    "reaction_before",
    "reaction_after",
    "reaction_open",
)


def build(
    code: str,
    extra: list[Path] | None = None,
    case_aliases: dict[str, list[str]] | None = None,
    case_actors: dict[str, ActorEntry] | None = None,
) -> LangData:
    """Compile one language. `case_aliases` (alias -> ids) and `case_actors` come from a Case and
    take precedence over the built-in dictionary for the same alias.

    One step per file's tables, always in the same order (actors, verbs, modality, dates,
    stances, text), so of several broken files the same one is reported first."""
    raw = load_files(code, extra)
    cjk = code == "zh"
    flags = 0 if cjk else re.IGNORECASE
    actors, alias_ids, pairs = _actor_tables(code, raw)
    actors.update(case_actors or {})
    alias_ids.update((name, tuple(ids)) for name, ids in (case_aliases or {}).items())
    alias_re, role_re = _actor_patterns(code, alias_ids, raw["actors"], cjk, flags)
    bound_re, bound_ids = _bound_abbreviations(code, raw["actors"], actors)
    verb_rules, branches = _verb_rules(code, raw["verbs"], cjk, flags)
    wrap = "{}" if cjk else r"\b(?:{})(?!\w)"
    body = "|".join(f"(?P<{n}>{p})" for n, p in branches)
    try:
        verb_index, verb_candidates, verb_loose = index_patterns(branches, flags, wrap)
    except re.error as e:  # a bad pattern: name its rule, else the file
        _check_verb_patterns(code, raw["verbs"], flags)
        raise LangDataError(f"lang/{code}/verbs.yaml: bad regular expression: {e}") from e
    mod = _compile_modality(raw["modality"], code, cjk, flags)
    dates = _compile_dates(raw["dates"], code, flags)
    stances = _compile_stances(raw["stances"], code, cjk, flags)
    text = raw["text"]
    sentence_re = _compile(text.get("sentence_end", r"\n+"), f"lang/{code}/text.yaml")
    clause_re = _compile(text.get("clause_sep", r"[,;]"), f"lang/{code}/text.yaml")
    return LangData(
        code=code,
        cjk=cjk,
        actors=actors,
        alias_ids=alias_ids,
        pair_aliases=frozenset(str(p) for p in pairs),
        alias_re=alias_re,
        role_re=role_re,
        verb_source=wrap.format(body),
        verb_rules=verb_rules,
        verb_index=verb_index,
        verb_candidates=verb_candidates,
        verb_loose=verb_loose,
        mod=mod,
        dates=dates,
        units=raw["units"],
        stances=stances,
        sentence_re=sentence_re,
        clause_re=clause_re,
        abbreviations=frozenset(text.get("abbreviations") or []),
        stopwords=frozenset(str(w) for w in raw["actors"].get("candidate_stopwords") or []),
        not_names=frozenset(_not_names(code, raw["actors"])),
        unit_chars=_unit_chars(raw["units"]),
        possessor_re=_alt(
            [str(w) for w in raw["verbs"].get("possessor") or []],
            cjk,
            f"lang/{code}/verbs.yaml",
            flags,
        ),
        bound_re=bound_re,
        bound_ids=bound_ids,
    )


# The files that give actors, in the order they are read: a later one has the last word.
ACTOR_FILES = ("countries", "world", "actors")


def _actor_specs(code: str, raw: dict[str, dict[str, Any]]) -> dict:
    """Each actor's spec: countries.yaml (generated from ISO 3166) first, then world.yaml (the
    gazetteer of demonyms, capitals, leaders, groups and blocs), then actors.yaml. A later file
    adds names (listed before the earlier ones) and overrides the other keys, e.g. a kind, so the
    hand-tuned actors.yaml has the last word."""
    specs: dict[str, dict] = {}
    for source in ACTOR_FILES:
        for aid, spec in (raw[source].get("actors") or {}).items():
            if not isinstance(spec, dict) or "names" not in spec:
                raise LangDataError(f"lang/{code}/{source}.yaml: actor {aid}: needs 'names'")
            if aid in specs:
                merged = {**specs[aid], **{k: v for k, v in spec.items() if k != "names"}}
                merged["names"] = list(spec["names"]) + list(specs[aid]["names"])
                specs[aid] = merged
            else:
                specs[aid] = dict(spec)
    return specs


def country_of(countries: dict[str, str], actor_id: str) -> str:
    """Whose country `actor_id` is: its entry in `countries` (actor id → country, from the
    dictionary and the case), else the prefix of its id (`IRN.araghchi` → `IRN`). The one home
    of that fallback for the rules, the mentions, the learned components and the extractor."""
    return countries.get(actor_id, actor_id.split(".", 1)[0])


def _actor_tables(
    code: str, raw: dict[str, dict[str, Any]]
) -> tuple[dict[str, ActorEntry], dict[str, tuple[str, ...]], dict[str, Any]]:
    """The dictionary's actors, every alias with the actor ids it names, and the pair aliases
    (美伊 names two actors at once): each abbreviation joined with every other one, plus the
    file's `pairs`. A real name wins over a generated pair spelt the same."""
    actors: dict[str, ActorEntry] = {}
    alias_ids: dict[str, tuple[str, ...]] = {}
    for aid, spec in _actor_specs(code, raw).items():
        country = spec.get("country") or country_of({}, aid)
        actors[aid] = ActorEntry(aid, spec.get("kind", "state"), country)
        for name in spec["names"]:
            alias_ids.setdefault(str(name), (aid,))
    raw_actors = raw["actors"]
    abbr = {str(k): str(v) for k, v in (raw_actors.get("abbreviations") or {}).items()}
    pairs = {a + b: [ia, ib] for a, ia in abbr.items() for b, ib in abbr.items() if ia != ib}
    pairs.update(raw_actors.get("pairs") or {})
    for name, ids in pairs.items():
        alias_ids.setdefault(str(name), tuple(ids))
    return actors, alias_ids, pairs


def _actor_patterns(
    code: str,
    alias_ids: dict[str, tuple[str, ...]],
    raw_actors: dict[str, Any],
    cjk: bool,
    flags: int,
) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """One trie pattern over all aliases (thousands of them: see `trie`), bounded by word edges
    outside Chinese, and one over the role suffixes that may follow an actor's name (None when
    the language lists none)."""
    alias_src = trie_pattern([*alias_ids, *_not_names(code, raw_actors)])
    alias_re = _compile(
        alias_src if cjk else rf"(?<![\w.])(?:{alias_src})(?![\w])", f"{code} aliases"
    )
    roles = raw_actors.get("role_suffixes") or []
    if not roles:
        return alias_re, None
    role_src = trie_pattern(roles)
    role_re = _compile(
        role_src if cjk else rf"(?:'s)?\s+(?:{role_src})\b", f"{code} role_suffixes", flags
    )
    return alias_re, role_re


def _not_names(code: str, raw_actors: dict[str, Any]) -> list[str]:
    """actors.yaml `not_names`: a list of words, each holding an alias inside it."""
    words = raw_actors.get("not_names") or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise LangDataError(f"lang/{code}/actors.yaml: not_names: expected a list of words")
    return words


def _bound_abbreviations(
    code: str, raw_actors: dict[str, Any], actors: dict[str, ActorEntry]
) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, ...]]]:
    """One pattern over the abbreviations that name their state only in a bound context (台 of
    对台军售 and 赴台, never of 平台 or 台风), and the ids each names. Why not `abbreviations`:
    there a character names its state wherever it stands beside another (美伊), and 台 or 日
    alone is too common a word for that. An abbreviation matches right after one of its `after`
    words or right before one of its `before` words, and never right before a `not_before` word
    (对台风, 针对日前); the match is the character alone, the context stays outside it."""
    where = f"lang/{code}/actors.yaml: bound_abbreviations"
    specs = raw_actors.get("bound_abbreviations") or {}
    if not isinstance(specs, dict):
        raise LangDataError(f"{where}: expected a mapping of abbreviation -> spec")
    alts: list[str] = []
    ids: dict[str, tuple[str, ...]] = {}
    for key, spec in specs.items():
        abbr, esc = str(key), re.escape(str(key))
        if not isinstance(spec, dict) or str(spec.get("id")) not in actors:
            raise LangDataError(f"{where}: {abbr}: needs the 'id' of a known actor")
        if not spec.get("after") and not spec.get("before"):
            raise LangDataError(f"{where}: {abbr}: needs 'after' or 'before' words")
        ids[abbr] = (str(spec["id"]),)
        words = {k: [re.escape(str(w)) for w in spec.get(k) or []] for k in BOUND_KEYS - {"id"}}
        sides = []
        if words["after"]:
            sides.append("(?:" + "|".join(f"(?<={w})" for w in words["after"]) + ")" + esc)
        if words["before"]:
            sides.append(esc + "(?=" + "|".join(words["before"]) + ")")
        guard = "(?!" + "|".join(words["not_before"]) + ")" if words["not_before"] else ""
        alts.append("(?:" + "|".join(sides) + ")" + guard)
    if not alts:
        return None, ids
    return _compile("|".join(alts), where), ids


def _verb_rules(
    code: str, raw_verbs: dict[str, Any], cjk: bool, flags: int
) -> tuple[dict[str, VerbRule], list[tuple[str, str]]]:
    """Every pattern of every verb rule under its own group name (`v<rule>_<pattern>`), so a
    match tells which rule fired, and the (name, pattern) branches the verb regex is made of,
    longer (more specific) patterns first: alternation takes the first branch that matches.
    The patterns are compiled in `verb_index`'s alternations; where one fails to compile,
    `_check_verb_patterns` names its rule."""
    verb_rules: dict[str, VerbRule] = {}
    branches: list[tuple[str, str]] = []
    for i, rule in enumerate(raw_verbs.get("rules") or []):
        where = f"lang/{code}/verbs.yaml: rule {i + 1}"
        try:
            cat = Category(rule["category"])
        except (KeyError, ValueError) as e:
            raise LangDataError(f"{where}: unknown or missing category: {e}") from e
        for j, pat in enumerate(rule.get("patterns") or []):
            name = f"v{i}_{j}"
            verb_rules[name] = _verb_rule(rule, cat, pat)
            branches.append((name, _local_dots(pat, cjk)))
    branches.sort(key=lambda b: len(b[1]), reverse=True)
    return verb_rules, branches


def _check_verb_patterns(code: str, raw_verbs: dict[str, Any], flags: int) -> None:
    """Compile each verb pattern alone, so a bad one is reported with its rule's number. Why
    only after the alternations failed: each pattern compiled once more, for nothing on good
    data, took about a tenth of a second of every process's start-up."""
    for i, rule in enumerate(raw_verbs.get("rules") or []):
        for pat in rule.get("patterns") or []:
            _compile(pat, f"lang/{code}/verbs.yaml: rule {i + 1}", flags)


def _verb_rule(rule: dict[str, Any], cat: Category, pat: str) -> VerbRule:
    """One pattern's rule with the file's defaults filled in (weight 0.8, the object as target)."""
    return VerbRule(
        category=cat,
        mode=rule.get("mode"),
        weight=float(rule.get("weight", 0.8)),
        governs=bool(rule.get("governs", False)),
        governs_sentence=rule.get("governs") == "sentence",
        content_categories={
            k: Category(v) for k, v in (rule.get("content_categories") or {}).items()
        },
        mediates=bool(rule.get("mediates", False)),
        target=rule.get("target", "object"),
        untargeted=Category(rule["untargeted"]) if rule.get("untargeted") else None,
        content_modes=dict(rule.get("content_modes") or {}),
        source=pat,
        mutual=bool(rule.get("mutual", False)),
        one_way=bool(rule.get("one_way", False)),
        speaker_acts=bool(rule.get("speaker_acts", False)),
        moves_own=bool(rule.get("moves_own", False)),
        possessor_acts=bool(rule.get("possessor_acts", False)),
        agent_after=bool(rule.get("agent_after", False)),
        patient_subject=bool(rule.get("patient_subject", False)),
        edge_target=bool(rule.get("edge_target", False)),
    )


def _compile_modality(m: dict[str, Any], code: str, cjk: bool, flags: int) -> dict[str, Any]:
    """modality.yaml as written plus one compiled `<key>_re` per word list, so the coder asks
    `mod["negation_re"]` and never compiles at match time; `anaphor_res` maps each kind of actor
    an anaphor refers to (他国, the country) to its words' pattern, `home_mark_res` each state
    to the pattern of its own press's words (`home_marks`)."""
    where = f"lang/{code}/modality.yaml"
    mod = dict(m)
    for key in MODALITY_LISTS:
        mod[key + "_re"] = _alt(list(mod.get(key) or []), cjk, f"{where}: {key}", flags)
    mod["anaphor_res"] = {
        str(k): rx
        for k, v in (mod.get("anaphors") or {}).items()
        if (rx := _alt([str(w) for w in v or []], cjk, where, flags))
    }
    mod["passive_re"] = _alt(list(mod.get("passive") or []), cjk, where, flags)
    mod["home_mark_res"] = {
        str(state): rx
        for state in {str(v) for v in (mod.get("home_marks") or {}).values()}
        if (rx := _alt([str(k) for k, v in mod["home_marks"].items() if str(v) == state],
                       cjk, f"{where}: home_marks", flags))
    }  # fmt: skip
    mod["reacted_acts"] = _categories(mod.get("reacted_acts"), f"{where}: reacted_acts")
    mod["joined_acts"] = _categories(mod.get("joined_acts"), f"{where}: joined_acts")
    opens, marks = list(mod.get("aside_open") or []), list(mod.get("aside_marks") or [])
    mod.update(_aside_patterns(opens, marks, where))
    return mod


def _categories(names: Any, where: str) -> frozenset[Category]:
    """A list of PLOVER category names (`reacted_acts: [ASSAULT, MOBILIZE]`), checked: a misspelt
    one would otherwise match nothing, silently."""
    if names is None:
        return frozenset()
    if not isinstance(names, list):
        raise LangDataError(f"{where}: expected a list of categories")
    try:
        return frozenset(Category(str(n)) for n in names)
    except ValueError as e:
        raise LangDataError(f"{where}: {e}") from None


def _aside_patterns(
    opens: list[str], marks: list[str], where: str
) -> dict[str, re.Pattern[str] | None]:
    """From the words that open an aside after a comma or dash (", a close ally of X,", " – who
    is wanted by …"): `parenthetical_re`, a closed aside (closed by the mark that opened it),
    `apposition_re`, one still open at the end of a span, and `aside_close_re`, the end of an
    aside soon after a name. `marks` are the regexes of what opens and closes one (`aside_marks`,
    a comma where none is given). Matched as written, without the language's case folding, since
    a capitalised word after a comma starts a name, not an aside; None for a language without
    such words."""
    if not opens:
        return {"apposition_re": None, "parenthetical_re": None, "aside_close_re": None}
    body = "|".join(f"(?:{w})" for w in opens)
    marks = marks or [","]
    anym = "|".join(f"(?:{m})" for m in marks)

    def aside(end: str) -> str:
        return "|".join(rf"(?:{m})\s+(?:{body})\s(?:(?!{m})[^;.])*{end.format(m=m)}" for m in marks)

    return {
        "apposition_re": _compile(aside("$"), f"{where}: aside_open"),
        "parenthetical_re": _compile(aside("(?:{m})"), f"{where}: aside_open"),
        "aside_close_re": _compile(
            rf"(?:(?!{anym})[^.;]){{0,60}}(?:{anym})", f"{where}: aside_marks"
        ),
    }


def _unit_chars(units: dict[str, Any]) -> frozenset[str]:
    """The characters that, right after a one-digit Chinese numeral, show it is a count (两名,
    三艘): one-character classifiers and measures, and the first character of every measure."""
    return frozenset(
        k
        for k in list(units.get("classifiers") or {}) + list(units.get("measures") or {})
        if len(k) == 1
    ) | frozenset(k[0] for k in (units.get("measures") or {}) if k)


def _compile_dates(d: dict[str, Any], code: str, flags: int) -> dict[str, Any]:
    where = f"lang/{code}/dates.yaml"
    months = {str(k).lower(): int(v) for k, v in (d.get("months") or {}).items()}
    month_alt = "|".join(sorted(map(re.escape, months), key=len, reverse=True)) or "(?!x)x"

    def sub(p: str) -> str:
        return p.replace("{MONTH}", month_alt)

    out: dict[str, Any] = {"months": months}
    out["weekdays"] = {str(k).lower(): int(v) for k, v in (d.get("weekdays") or {}).items()}
    out["absolute"] = [_compile(sub(p), where, flags) for p in d.get("absolute") or []]
    out["relative"] = []
    for r in d.get("relative") or []:
        out["relative"].append(
            {
                "re": _compile(sub(r["pattern"]), where, flags),
                "unit": r.get("unit", "day"),
                "offset": int(r.get("offset", 0)),
                "anchor": r.get("anchor", "document"),
            }
        )
    out["document_date"] = [_compile(sub(p), where, flags) for p in d.get("document_date") or []]
    if flags & re.IGNORECASE:
        # The same patterns for lower-cased text, case-sensitive where the pattern is written in
        # lower case: Python's regex engine scans an alternation of month names several times
        # slower when it must fold case at every position (dates were a tenth of extraction).
        def lowered(rx: re.Pattern[str]) -> re.Pattern[str]:
            p = rx.pattern
            bare = p.replace("(?P<", "(").replace("(?P=", "(")  # group syntax, not text
            return re.compile(p, flags & ~re.IGNORECASE) if bare == bare.lower() else rx

        out["absolute_lower"] = [lowered(rx) for rx in out["absolute"]]
        out["relative_lower"] = [lowered(r["re"]) for r in out["relative"]]
    cjk = code == "zh"
    for key in ("span_start", "span_end", "range"):
        items = [re.escape(x) for x in d.get(key) or []]
        out[key] = items
    out["dateline_end_re"] = (
        _compile("|".join(f"(?:{x})" for x in d["dateline_end"]), where, flags)
        if d.get("dateline_end")
        else None
    )
    out["span_start_re"] = _alt(out["span_start"], cjk, where, flags)
    out["span_end_re"] = _alt(out["span_end"], cjk, where, flags)
    out["span_after_re"] = _alt(d.get("span_after") or [], cjk, where, flags)
    out["span_past_re"] = _alt(d.get("span_past") or [], cjk, where, flags)
    out["flashback_re"] = _alt(d.get("flashback") or [], cjk, where, flags)
    out["question_re"] = _alt(d.get("question") or [], cjk, where, flags)
    return out


def _compile_stances(s: dict[str, Any], code: str, cjk: bool, flags: int) -> dict[str, Any]:
    where = f"lang/{code}/stances.yaml"
    topics = {}
    for topic, words in (s.get("topics") or {}).items():
        topics[topic] = _alt(list(words), cjk, f"{where}: topic {topic}", flags)
    return {
        "topics": {k: v for k, v in topics.items() if v is not None},
        **{
            k: _alt(list(s.get(k) or []), cjk, f"{where}: {k}", flags)
            for k in ("include", "only", "exclude", "red_line")
        },
    }
