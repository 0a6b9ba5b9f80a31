"""Event coding: triggers in clauses → PLOVER events with actor, target, via, mode and flags.

Per sentence, triggers from `verbs.yaml` are found; a trigger after a *governing* verb (threaten,
warn, urge, refuse, plan) in the same clause, or in a later clause with no subject of its own, is
that verb's content, not an event: "threatened to impose tariffs" is THREATEN (mode restrict),
"refused to accept zero enrichment" is REJECT. Roles come from word order and the language's
prepositions: the subject is the actor mention before the verb (or before a target
preposition), the target follows the preposition or the verb; a passive marker swaps them; a
mention after a locative preposition is a place. A clause without a subject inherits the last
subject of its sentence or paragraph. Mediators (斡旋, mediated) become `via` of the talks they
broker.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from dualtrack.extract.dates import DateMention
from dualtrack.extract.langdata import LangData, VerbRule, country_of
from dualtrack.extract.layout import Layout
from dualtrack.extract.mentions import Mention, candidate_names, ends_with, find_mentions
from dualtrack.extract.segment import Sentence
from dualtrack.model import DatePrecision
from dualtrack.ontology import Category

# Categories whose "with" party is the target (talk with, agree with, cooperate with).
SYMMETRIC = {Category.CONSULT, Category.AGREE, Category.COOPERATE}
# Responses and speech acts: their target may be the actor of an act they refer to.
RESPONSES = {Category.ACCUSE, Category.REJECT, Category.REQUEST, Category.SUPPORT,
             Category.CONCEDE, Category.AGREE}  # fmt: skip
# Speech acts, whose target may be the party a topic clause names (对于美国的制裁，伊朗表示谴责).
SPEECH_ACTS = RESPONSES | {Category.THREATEN}
# Speech acts that, told in a participle clause after another act of their actor, are aimed at
# that act's target ("demanded that Serbia comply, warning of consequences").
_PARTICIPLE_ACTS = {Category.THREATEN, Category.REQUEST, Category.ACCUSE, Category.REJECT}
# Mode of the THREATEN event a conditional act becomes ("would strike … if …").
_THREAT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict",
                 "SANCTION": "restrict"}  # fmt: skip
# Periods named relative to the document (本月, next week) that date a clause's event.
_NEAR_PERIODS = (DatePrecision.WEEK, DatePrecision.MONTH)
# Categories whose target may be named as a place (drills around Taiwan, strikes in Syria,
# rescue teams arriving in Myanmar, vessels withdrawn from waters near Kinmen, a warning to
# citizens against trips to Japan).
PLACE_TARGETED = {
    Category.SANCTION,
    Category.MOBILIZE,
    Category.ASSAULT,
    Category.COERCE,
    Category.AID,
    Category.RETREAT,
}
# Kinds of actor that act for themselves, not for the state they belong to: an armed group (the
# PKK, a rebel alliance) and its own state are two sides of one country's conflict (the army's
# offensive against the alliance has the alliance as target). Not `agency`: a ministry, a command
# or a party (the PLA, the MEA) acts for its state, and its praise of its own army is no event.
OWN_SIDE = frozenset({"armed_group"})


def _brokered(rule: VerbRule) -> bool:
    """Does the act leave out of its parties a mediator the sentence marks as one (China's
    mediation, 阿曼居中斡旋, brokered by the United States)? A deal, a ceasefire and talks do: the
    broker is their via (benchmarks/real/GUIDE.md), not a side, and gold codes no party of it.
    The mediator's own verb (斡旋, mediated) does not: its subject is the broker it finds."""
    if rule.mediates:
        return False
    return rule.category in (Category.AGREE, Category.CONSULT) or rule.mode == "ceasefire"


def side(actor_id: str, kind: str | None, country: str | None) -> str | None:
    """Whom an actor acts for, for telling an event's two sides apart: an armed group
    (`OWN_SIDE`) for itself, anyone else for its country (`country`). A state and
    its officials are one side; a state and the rebels it fights are two (gold codes an army's
    offensive on an alliance of its own country's groups). The one home of the rule: the rules
    (`Coder._side`) and the learned components (`learned.side`) both ask it."""
    return actor_id if kind in OWN_SIDE else country


@dataclass
class Trigger:
    start: int
    end: int
    rule: VerbRule
    content: list[Trigger] = field(default_factory=list)


@dataclass
class Draft:
    """An event before it becomes a `dualtrack.model.Event` (spans are on normalised text)."""

    trigger: Trigger
    sentence: Sentence
    clause: tuple[int, int]
    actor: str
    target: str | None
    category: Category
    mode: str | None
    via: str | None = None
    negated: bool = False
    hypothetical: bool = False
    conditional: bool = False
    unconfirmed: bool = False
    threatened: bool = False
    date: DateMention | None = None
    confidence: float = 0.8
    quantities: list = field(default_factory=list)
    subject_start: int | None = None

    def but(self, **changes: object) -> Draft:
        """`dataclasses.replace(self, **changes)` without its walk over the fields and call of
        `__init__` per copy (the learned coder copies some 26 drafts per article: a reading
        with another role, its confidence, its date): the same shallow copy of every field."""
        if not changes.keys() <= _DRAFT_FIELDS:
            raise TypeError(f"Draft has no field {sorted(changes.keys() - _DRAFT_FIELDS)}")
        new = object.__new__(Draft)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new


_DRAFT_FIELDS = frozenset(Draft.__dataclass_fields__)


@dataclass
class Candidate:
    """A name-like mention in an actor's place that no dictionary resolved."""

    text: str
    start: int  # in the original text
    end: int
    doc_id: str
    context: str


# How far back (characters) 两国 / the two countries looks for the two states it names.
_PAIR_REACH = {True: 300, False: 800}
# What may be one of a pair named together (A与B, "A and B") for 两国 / both sides: states, and
# leaders, who stand for their states (特朗普与普京会晤后，双方…: the pair is the US and Russia).
_PAIR_KINDS = frozenset({"state", "person"})

# Words joining two mediators named together (埃及和卡塔尔, Egypt and Qatar).
_JOINERS = frozenset({"和", "与", "及", "、", "以及", "同", "and", ","})


def _opens_with_date(text: str, sent: Sentence, dates: list[DateMention]) -> bool:
    """Does the sentence open with a resolved date (今年3月，…; In March 2024, …)?"""
    return any(
        d.date is not None
        and sent.start <= d.start
        and len(text[sent.start : d.start].strip()) <= 3
        for d in dates
    )


# What a named speaker says another party should or must do (modality `obligation`: S 表示 X
# 应…, "S said X must …") is the speaker's request of it: the cue is a `speaker_acts` trigger, so
# `Coder._speakers_act` decides whose act it is, as for 违反协议 or 必须停止; what follows the
# cue is its content, not the party's act.
OBLIGATION = VerbRule(
    category=Category.REQUEST,
    mode="change",
    weight=0.7,
    governs=True,
    governs_sentence=False,
    content_categories={},
    mediates=False,
    target="object",
    content_modes={},
    untargeted=None,
    source="obligation",
    speaker_acts=True,
)


def find_triggers(text: str, lang: LangData) -> list[Trigger]:
    """The verb rules' triggers (`_verb_triggers`) and, as `OBLIGATION` triggers, the obligation
    cues no verb trigger covers and no passive follows (`obligation_passive`: the one that
    "should be assured" is not asked to act), in text order."""
    out = _verb_triggers(text, lang)
    rx = lang.mod.get("obligation_re")
    if rx is None:
        return out
    spans = [(t.start, t.end) for t in out]
    passive = lang.mod.get("obligation_passive_re")  # "should be assured": asks nothing of it
    cues = [
        Trigger(m.start(), m.end(), OBLIGATION)
        for m in rx.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in spans)
        and (passive is None or passive.match(text, m.end()) is None)
    ]
    return sorted(out + cues, key=lambda t: t.start) if cues else out


def _verb_triggers(text: str, lang: LangData) -> list[Trigger]:
    """Leftmost, non-overlapping trigger matches (as `lang.verb_re.finditer` would give), found
    by `LangData.find_verb`, which tries at each candidate position only the patterns that can
    start with its character."""
    out: list[Trigger] = []
    pos = 0
    while (m := lang.find_verb(text, pos)) is not None:
        if m.lastgroup:
            out.append(Trigger(m.start(), m.end(), lang.verb_rules[m.lastgroup]))
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


@dataclass
class _Slots:
    """What `Coder._code` has found of one trigger's roles so far (offsets in the text)."""

    cs: int
    ce: int
    symmetric: bool
    in_clause: list[Mention]
    before: list[Mention]
    after: list[Mention]
    local: list[Mention]
    prep_keys: list[str]
    preps: list[re.Match[str]]
    prev: Trigger | None
    subjects: list[Mention] = field(default_factory=list)
    target_m: Mention | None = None
    parties: list[Mention] = field(default_factory=list)
    shuttle: Mention | None = None
    passive: tuple[Mention | None, Mention | None] | None = None
    anaphor: bool = False


@dataclass
class _Ids:
    """The actor and target ids of a trigger, and how they were found."""

    actor_ids: list[str]
    target_ids: list[str]
    inherited: bool
    mutual: bool


class Coder:
    """Codes one document's sentences; holds what carries across sentences (the last subject)."""

    def __init__(
        self,
        text: str,
        lang: LangData,
        country: dict[str, str],
        doc_date: dt.date | None = None,
        layout: Layout | None = None,
    ) -> None:
        self.text = text
        self.layout = layout or Layout()  # the title and the lines of their own (layout.py)
        self.doc_date = doc_date
        self.lang = lang
        self.country = country
        self.mod = lang.mod
        self.candidates: list[tuple[int, int]] = []
        self._last_subject: list[str] | None = None
        self._sent_triggers: list[Trigger] = []
        self._last_pair: tuple[str, str] | None = None
        self._pairs: list[tuple[str, str]] = []  # every pair that was the last pair, in order
        self.pair_refs: dict[int, tuple[str, ...]] = {}  # pair words a speaker governs: whom
        self._starts: set[int] = set()
        self._commentary_para = -1
        self._last_person: str | None = None
        self._speaker: list[Mention] = []  # the named speaker of the sentence before
        self._recent: list[list[str]] = []  # actors of each act coded so far, in order
        self._last_dyad: tuple[str, str] | None = None  # actor and target of the last event
        self._last_accused: tuple[str, str] | None = None  # accuser and accused of the last ACCUSE
        self._last_para = -1
        self._frames: list[tuple[int, int]] = []  # 在X斡旋下 spans of the current sentence
        self._brokers: set[int] = set()  # starts of the sentence's mentions marked as mediators
        self._topics: list[tuple[int, list[Mention]]] = []  # topic clauses: end, their names
        self._in_title = False  # the sentence being coded is the report's title
        self._titles: list[Draft] = []  # the title's drafts the body has not told again

    def _kind(self, actor_id: str) -> str:
        e = self.lang.actors.get(actor_id)
        return e.kind if e is not None else "state"

    def pronoun_subject(self, start: int, end: int) -> str | None:
        """The person a pronoun in [start, end) refers to (the last person named), if any."""
        if self._last_person is not None and self._cue("pronouns", start, end) is not None:
            return self._last_person
        return None

    @property
    def last_subject(self) -> list[str] | None:
        return list(self._last_subject) if self._last_subject else None

    def _c(self, actor_id: str) -> str:
        return country_of(self.country, actor_id)

    def _side(self, actor_id: str) -> str | None:
        return side(actor_id, self._kind(actor_id), self._c(actor_id))

    # ---- cues ---------------------------------------------------------------------------
    def _cue(self, key: str, s: int, e: int) -> re.Match[str] | None:
        rx = self.mod.get(key + "_re")
        if rx is None or e <= s:
            return None
        return rx.search(self.text, s, e)

    def _negated(self, clause_start: int, t: Trigger) -> bool:
        if self._cue("denial", clause_start, t.start) is not None:
            return True  # 否认其部队已撤出: a denial negates the act it names, however far
        w = int(self.mod.get("negation_window", 4))
        m = self._cue("negation", max(clause_start, t.start - w), t.start)
        head = self._prep_head(clause_start, t.start) if m is None else None
        if head is not None:  # 并未向以方发射: the cue stands before the target phrase
            m = self._cue("negation", max(clause_start, head - w), head)
        if m is None:
            return False
        nn = self._cue("not_negation", max(clause_start, m.start() - 2), min(t.end, m.end() + 4))
        return nn is None or not (nn.start() <= m.start() < nn.end())

    def _prep_head(self, cs: int, end: int) -> int | None:
        """Where the target or comitative phrase right before a trigger begins (没有对伊朗实施,
        未与美方举行), for cues that stand before the phrase rather than the verb."""
        scope = int(self.mod.get("prep_scope", 60))
        found = [
            m.start()
            for key in ("target_preps", "comitative_preps")
            for m in self._preps(key, max(cs, end - scope), end)
        ]
        return max(found) if found else None

    def _pair_subject(self, cs: int, end: int) -> tuple[str, str] | None:
        """双方 / both sides as the subject: the two parties of the last two-party event, or
        before any, the last two states named together (埃及与约旦…，两国将签署)."""
        rx = self.mod.get("pair_pronouns_re")
        if rx is None or rx.search(self.text, cs, end) is None:
            return None
        return self._pair_at(cs)

    def _read_pair(self, at: int, pair: tuple[str, ...] | None) -> tuple[str, ...] | None:
        """Note whom the pair word at `at` was read to stand for where a speaker or caller
        governs it ("X said both sides", 法国敦促双方: the pair without X, `pair_refs`); the
        learned coder's pair mention there takes this reading, not the last draft's parties,
        which are often the speaker and one side. (As the subject, the rule reading did not pay
        out of fold: 814 hits for 20 events more.)"""
        if pair and len(pair) == 2:
            self.pair_refs[at] = pair
        return pair

    def _pair_at(self, pos: int, own: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """Whom 双方 / both sides at `pos` stands for: the last two-party event's parties, else
        the last two states named together before it. Where the subject of the governing verb
        (`own`: 法国敦促双方, "Qatar said both sides") is one of them, the last pair without it:
        a speaker or mediator who calls on both sides is neither side."""
        if self._last_pair is None:
            return self._named_pair(pos)
        if own:
            return next(
                (p for p in reversed(self._pairs) if not {self._side(x) for x in p} & own),
                self._last_pair,
            )
        return self._last_pair

    def _named_pair(self, pos: int) -> tuple[str, str] | None:
        """The last two states named together, in the text before `pos`: by a joiner (A与B, A and
        B) but not in a longer list (A、B和C), or as one mention of two (美伊): what 两国 / the two
        countries refers to before any two-party event was coded. A leader stands for the state
        (特朗普与普京, `_pair_names`). (A rare path: the mentions of the text before are found
        again.)"""
        base = max(0, pos - _PAIR_REACH[self.lang.cjk])
        found = find_mentions(self.text[base:pos], self.lang, self.country)
        pairs = [(m.start, m.ids) for m in found if len(m.ids) == 2 and self._states_apart(m.ids)]
        states = self._pair_names(found, base)
        for i, (a, b) in enumerate(itertools.pairwise(states)):
            gap = self.text[base + a.end : base + b.start]
            if "," in gap or "、" in gap or self._c(a.id) == self._c(b.id):
                continue
            if not self._joined(base + a.end, base + b.start):
                continue
            nxt = states[i + 2] if i + 2 < len(states) else None
            if nxt is not None and self._joined(base + b.end, base + nxt.start):
                continue  # A, B and C: not a pair
            if i > 0 and self._joined(base + states[i - 1].end, base + a.start):
                continue  # A、B和C: B and C are the tail of a list, not a pair
            pairs.append((a.start, (a.id, b.id)))
        if not pairs:
            return None
        a_id, b_id = max(pairs)[1]
        return a_id, b_id

    def _pair_names(self, found: list[Mention], base: int) -> list[Mention]:
        """The names that may be one of a pair (`_PAIR_KINDS`), a state and its leader right
        after it taken as one (美国总统特朗普与俄罗斯总统普京: two names, not four)."""
        out: list[Mention] = []
        for m in found:
            if len(m.ids) != 1 or self._kind(m.id) not in _PAIR_KINDS:
                continue
            prev = out[-1] if out else None
            if (
                prev is not None
                and self._c(prev.id) == self._c(m.id)
                and (prev.end == m.start or self._titled(base + prev.end, base + m.start))
            ):
                out[-1] = Mention(prev.start, m.end, prev.ids)
                continue
            out.append(m)
        return out

    def _titled(self, s: int, e: int) -> bool:
        """Is text[s:e] only titles (总统, "President"): a state and its leader's name."""
        gap = self.text[s:e]
        if not 0 < len(gap) <= 24:
            return False
        for key in ("titles_re", "person_titles_re"):
            rx = self.mod.get(key)
            gap = rx.sub("", gap) if rx is not None else gap
        return not gap.strip()

    def _states_apart(self, ids: tuple[str, ...]) -> bool:
        """Two states of two countries (美伊), not a state and one of its own bodies."""
        return all(self._kind(x) == "state" for x in ids) and self._c(ids[0]) != self._c(ids[1])

    def _adjunct(self, t: Trigger) -> bool:
        """'after talks hosted by X': an event in a time adjunct, not a governing verb's content."""
        rx = self.mod.get("adjunct_before_re")
        if rx is None:
            return False
        m = _last(rx.finditer(self.text, max(0, t.start - 30), t.start))
        return (
            m is not None
            and not re.sub(r"[\w\s-]", "", self.text[m.end() : t.start])
            and (len(self.text[m.end() : t.start].split()) <= 5)
        )

    def _adjunct_end(self, t: Trigger) -> int | None:
        """Where the adjunct word before `t` ends ("after"), for English clauses: the adjunct's
        own subject follows it."""
        rx = self.mod.get("adjunct_before_re")
        if rx is None or self.lang.cjk or not self._adjunct(t):
            return None
        m = _last(rx.finditer(self.text, max(0, t.start - 30), t.start))
        return m.end() if m is not None else None

    def _nominal(self, t: Trigger) -> bool:
        """菲方的指责 / 打击目标: a trigger used as a noun (after a possessive, or before a noun
        it modifies) is not an event."""
        after = self.mod.get("nominal_after_re")
        if after is not None and after.match(self.text, t.end):
            return True
        rx = self.mod.get("nominal_before_re")
        if rx is None or t.start == 0:
            return False
        reach = 3 if self.lang.cjk else 24  # Washington's latest arms sales
        m = _last(rx.finditer(self.text, max(0, t.start - reach), t.start))
        return m is not None and m.end() == t.start and not self._possessed_act(t, reach)

    def _possessed_act(self, t: Trigger, reach: int) -> bool:
        """以色列对黎巴嫩的空袭造成…, "Russia's strikes on Kyiv killed …": an attack told as a
        noun after its possessor is the possessor's act (rule `possessor_acts`), not a noun
        that names no event; its roles are read as a verb's."""
        rx = self.lang.possessor_re
        if not t.rule.possessor_acts or rx is None:
            return False
        m = _last(rx.finditer(self.text, max(0, t.start - reach), t.start))
        return m is not None and m.end() == t.start

    def _slot_empty(self, cs: int, end: int, dates: list[DateMention]) -> bool:
        """Is the subject slot empty once dates and adverbs (随后, 当天, also) are removed?"""
        lead = self.text[cs:end]
        for d in dates:
            if cs <= d.start and d.end <= end:
                lead = lead.replace(self.text[d.start : d.end], " ")
        free = self.mod.get("subject_free_re")
        if free is not None:
            lead = free.sub(" ", lead)
        lead = re.sub(r"[\s\W]+", "", lead)
        return len(lead) <= int(self.mod.get("inherit_max_prefix", 1))

    def _zero_subject(self, cs: int, end: int, dates: list[DateMention]) -> bool:
        """Does the clause open, after its dates, with an adverb that only follows a subject
        (`zero_subject_open`: 并, 又, 曾)? Then it has no subject of its own, however long the
        adjuncts before its verb (并已依规定派遣兵力): its names, if any, were not read as a
        subject. Not where it says something (并称…遭到空袭, 并宣布计划…): the act is then in
        what was said, whose subject is not the last one."""
        rx = self.mod.get("zero_subject_open_re")
        if rx is None or self._cue("speech", cs, end) is not None:
            return False
        pos = cs
        for d in dates:
            if d.start == pos and d.end <= end:
                pos = d.end
        return rx.match(self.text, pos, end) is not None

    def _is_frame(self, t: Trigger) -> bool:
        """会谈后 / after the talks: the trigger names a time, not an event. An act told as a
        noun after its owner (在以色列的空袭中, "before Russia's strikes on Kyiv") is still that
        owner's act, whatever time it frames."""
        if self._possessed_act(t, 3 if self.lang.cjk else 24):
            return False
        if self._reacted_to(t):
            return True
        after = self.mod.get("frame_after_re")
        if after is not None and after.match(self.text, t.end) and t.end not in self._starts:
            return True  # (召见中国: 中 starts a name, not a time frame)
        before = self.mod.get("frame_before_re")
        if before is not None:
            m = _last(before.finditer(self.text, max(0, t.start - 25), t.start))
            if m is not None and not self.text[m.end() : t.start].strip(" the"):
                return True
        return False

    def _reacted_to(self, t: Trigger) -> bool:
        """对秘鲁炮击边境表示遗憾, "regret over the shelling", "after the shelling": a material act
        (modality `reacted_acts`) told as what a party reacts to, or as the time of the clause,
        is not the act of the clause's subject: words before it with determiners only between
        (`reaction_before`), or a topic opener before it and a reaction word after it in its
        clause (`reaction_open` … `reaction_after`)."""
        if t.rule.category not in self.mod["reacted_acts"]:
            return False
        before = self.mod.get("reaction_before_re")
        m = _last(before.finditer(self.text, max(0, t.start - 40), t.start)) if before else None
        if m is not None:
            gap = self.text[m.end() : t.start]
            dets = self.mod.get("determiners_re")
            if gap.strip() and dets is not None and not dets.sub(" ", gap).strip():
                return True  # "after the shelling", not "after shelling the border"
        after, opener = self.mod.get("reaction_after_re"), self.mod.get("reaction_open_re")
        if after is None or opener is None or not after.match(self.text, t.end):
            return False
        m = _last(opener.finditer(self.text, max(0, t.start - 20), t.start))
        return m is not None and not self._breaks(m.end(), t.start)

    # ---- roles --------------------------------------------------------------------------
    def _preps(self, key: str, s: int, e: int) -> list[re.Match[str]]:
        rx = self.mod.get(key + "_re")
        found = list(rx.finditer(self.text, s, e)) if rx is not None and e > s else []
        if key == "comitative_preps":  # "…, and Qatar offered": a new clause, not "with"
            found = [
                p for p in found
                if not self.text[max(0, p.start() - 2) : p.start()].rstrip().endswith(",")
            ]  # fmt: skip
            found = [p for p in found if not self._ends_list(p.start())]
        return found

    def _ends_list(self, pos: int) -> bool:
        """Is the joiner at `pos` the last of a list (德国、芬兰和丹麦): a name starts right after
        a list mark (、) a few characters before it? Then it joins the list and is no "with"."""
        marks = self.mod.get("list_marks_re")
        if marks is None:
            return False
        return any(
            m.end() in self._starts
            for m in marks.finditer(self.text, max(0, pos - 12), pos)
            if not self._breaks(m.end(), pos)
        )

    def _breaks(self, s: int, e: int) -> bool:
        """Does a clause or sentence boundary of the language (`text.yaml`) lie in text[s:e]?"""
        return bool(
            self.lang.clause_re.search(self.text, s, e)
            or self.lang.sentence_re.search(self.text, s, e)
        )

    def _joined(self, s: int, e: int) -> bool:
        """Is text[s:e] only list joiners (、, ", and the"), perhaps with titles ("and
        President")? Matched in place, so that word boundaries see the names around the gap."""
        coord = self.mod.get("coordination_re")
        gap = self.text[s:e]
        if coord is None or not gap.strip() or len(gap) > 40:
            return False
        left = bytearray(b"\x01") * (e - s)
        for key in ("coordination_re", "titles_re"):
            rx = self.mod.get(key)
            for m in rx.finditer(self.text, s, e) if rx is not None else ():
                left[m.start() - s : m.end() - s] = bytes(m.end() - m.start())
        rest = "".join(ch for ch, keep in zip(gap, left, strict=True) if keep)
        return not rest.strip()

    def _new_predicate(self, governor: Trigger, t: Trigger) -> bool:
        """'denied the claim and accused …', '… and said they would …': a new predicate of the
        same subject, not the content of the governing verb before it; ', and Qatar offered':
        a new subject."""
        den = self._cue("denied_report", governor.start, t.start)
        if governor.rule.category is Category.REJECT and den is not None:
            return True  # "denied reports that its navy had seized …": the report's act is coded
        fresh = self.mod.get("new_subject_before_re")
        if fresh is not None and any(
            governor.end <= s < t.start and ends_with(fresh, self.text, s) for s in self._starts
        ):
            return True
        participle = self.mod.get("new_predicate_re")  # "denied it, accusing Israel of …"
        if participle is not None and any(
            m.start() < t.start < m.end()
            for m in participle.finditer(self.text, max(0, t.start - 4), t.end)
        ):
            return True
        joined = self.mod.get("and_verb_re")
        if t.rule.governs and joined is not None and ends_with(joined, self.text, t.start):
            return True
        passive = self.mod.get("passive_re")  # 俄方的要求4日被乌方拒绝: the noun is the patient
        if (
            passive is not None
            and self._nominal(governor)
            and passive.search(self.text, governor.end, t.start) is not None
        ):
            return True
        said = self.mod.get("and_said_re")
        return said is not None and said.search(self.text, governor.end, t.start) is not None

    def _anaphor(self, t: Trigger, subject_start: int | None) -> bool:
        """The object refers to an earlier act: 'rejected the accusation', 'an allegation X
        denied'."""
        rx = self.mod.get("anaphoric_objects_re")
        if rx is None:
            return False
        m = rx.match(self.text, t.end + 1) or rx.match(self.text, t.end)
        if not self.lang.cjk and m is None:
            m = rx.search(self.text, t.start, t.end)  # "called the move unjustified"
            if m is not None and not m.group().lower().startswith("th"):
                m = None  # "lodged a protest": not a reference to an earlier act
        if m is not None:  # "the Egyptian accusation" names its author: not an anaphor
            return not any(m.start() <= x < m.end() for x in self._starts)
        before = self.mod.get("anaphoric_before_re")  # 对此提出抗议: the referent before the verb
        if before is not None and before.search(self.text, max(0, t.start - 8), t.start):
            return True
        return subject_start is not None and ends_with(rx, self.text, subject_start)

    def _answers_any(self, t: Trigger, cs: int, cat: Category) -> bool:
        """A threat to answer any aggression or provocation (将对任何侵略行为作出回应, 任何挑衅都将
        遭到回击, "will respond to any attack"), or an act told as retaliation (报复性打击,
        进行报复, "carried out retaliatory strikes"): aimed, where it names no one, at the actor
        of the last act by another side, as a response to an unnamed act is (`_anaphor`). Looked
        for from the clause's start to a little after the trigger (its content may follow it)."""
        keys = ("any_act_re", "retaliation_re") if cat is Category.THREATEN else ("retaliation_re",)
        end = min(len(self.text), t.end + (24 if self.lang.cjk else 60))
        stop = self.text.find("。" if self.lang.cjk else ". ", t.end, end)
        stop = end if stop < 0 else stop
        rxs = [rx for k in keys if (rx := self.mod.get(k)) is not None]
        return any(rx.search(self.text, cs, stop) is not None for rx in rxs)

    def _last_others(self, own: set[str]) -> list[str]:
        """The actors of the latest act by other states ("Britain, France and Germany …; Iran
        called the move unjustified"): those of the last act whose actor's side is not in `own`
        (one act, not every state that spoke since: "The United States welcomed the decision"
        after Russian and Chinese reactions is not aimed at all of them)."""
        for group in reversed(self._recent):
            others = [a for a in group if self._side(a) not in own]
            if others:
                return list(dict.fromkeys(others))
        return []

    def _source(self, m: Mention, end: int) -> bool:
        """ "…, Seoul's army said": the source of the report is not a target."""
        rx = self.mod.get("source_after_re")
        if rx is None:
            return False
        said = rx.search(self.text, m.end, min(end, m.end + 30))
        return (
            said is not None
            and len(self.text[m.end : said.start()].split()) <= 3
            # "struck Kharkiv on Monday, Ukraine said": the name nearest the verb is the source
            and not any(m.end < x < said.start() for x in self._starts)
        )

    def _agent(self, m: Mention) -> bool:
        """'mediated by the UAE', 'hosted by Egypt': an agent phrase is not a target."""
        rx = self.mod.get("agent_after_re")
        if rx is None:
            return False
        titles = self.mod.get("titles_re")
        for a in rx.finditer(self.text, max(0, m.start - 50), m.start):
            gap = self.text[a.end() : m.start]
            if titles is not None:
                gap = titles.sub(" ", gap)
            if all(w.lower() == "the" for w in gap.split()):
                return True
        return False

    def _coordinated(self, first: Mention, pool: list[Mention]) -> list[Mention]:
        """A target and those joined to it (呼吁美国和法国, urged Britain and France)."""
        group = [first]
        for m in pool:
            if m.start < group[-1].end:
                continue
            if self._joined(group[-1].end, m.start):
                group.append(m)
            else:
                break
        return group

    def _subjects(self, before: list[Mention]) -> list[Mention]:
        """The last mention before the verb and those coordinated with it (A、B和C)."""
        if not before:
            return []
        last = before[-1]
        if (
            not self.lang.cjk
            and len(before) > 1
            and self.text.startswith("'s", last.end)
            and self.text[before[-2].end : last.start].strip() == ","
        ):
            before = before[:-1]  # "Burkina Faso and Niger, Mali's allies, recalled": apposition
        apposition, close = self.mod.get("apposition_re"), self.mod.get("aside_close_re")
        if apposition is not None and (close or _COMMA_SOON).match(self.text, before[-1].end):
            for i, m in enumerate(before[:-1]):  # "Russia, a close ally of Serbia, blamed"
                if apposition.match(self.text[m.end : before[i + 1].start]):
                    before = before[: i + 1]
                    break
        group = [before[-1]]
        for m in reversed(before[:-1]):
            if self._joined(m.end, group[0].start):
                group.insert(0, m)
            else:
                break
        return group

    def code_sentence(
        self,
        sent: Sentence,
        mentions: list[Mention],
        triggers: list[Trigger],
        dates: list[DateMention],
        context_date: DateMention | None,
    ) -> list[Draft]:
        """The drafts of one sentence: its live triggers coded in order, each clause's earlier
        trigger passed on (serial verbs), the document's memory of subjects and pairs updated
        after each (`_remember`)."""
        if self._skipped(sent, mentions, triggers, dates):
            return []
        sent = self._adjunct_clauses(sent)
        self._topics = self._topic_clauses(sent, mentions)
        live, asides = self._live_triggers(sent, mentions, triggers)
        drafts: list[Draft] = []
        prev: Trigger | None = None
        prev_clause: tuple[int, int] | None = None
        background = [
            (a, b) for a, b in asides if not any(a <= x.start < b for x in dates)
        ]  # "Iran, which had offered to mediate,": an undated aside is background, no event
        for t, clause in live:
            if self._nominal(t) or any(a <= t.start < b for a, b in background):
                continue
            made = self._code(
                t, clause, sent, mentions, dates, context_date,
                prev if prev_clause == clause else None,
            )  # fmt: skip
            prev, prev_clause = t, clause
            drafts.extend(made)
            self._remember(t, made)
        self._settle_pair(drafts)
        drafts = self._participle_targets(drafts)
        for m in mentions:
            if sent.start <= m.start < sent.end and self._kind(m.id) == "person":
                self._last_person = m.id
        if not drafts:
            first = self._previous_clause_subject(sent, (sent.end, sent.end), mentions)
            if first:
                self._last_subject = first
        drafts = self._denied_reports(sent, self._drop_conditions(drafts))
        drafts = self._denied_allegation(sent, drafts, mentions)
        self._follow_title(drafts)
        return drafts

    def _participle_targets(self, drafts: list[Draft]) -> list[Draft]:
        """ "The EU demanded that Serbia comply, warning of consequences": a speech act told by a
        participle after a comma, with no target of its own, is aimed at whom the act of the
        same actor before it in the sentence was (one draft for each of its targets); not a
        meeting's or a joint act's other party, which each side has as target."""
        participle = self.mod.get("participle_re")
        out: list[Draft] = []
        for d in drafts:
            t = d.trigger
            prev = [
                p for p in out
                if p.actor == d.actor and p.target is not None and p.trigger.end <= t.start
                and p.category not in SYMMETRIC and not p.trigger.rule.mutual
            ]  # fmt: skip
            if (
                d.target is None
                and d.category in _PARTICIPLE_ACTS
                and prev
                and participle is not None
                and participle.match(self.text, t.start)
                and self.text[max(0, t.start - 3) : t.start].rstrip().endswith((",", ";"))
            ):
                last = [p for p in prev if p.trigger is prev[-1].trigger]
                out.extend(d.but(target=p.target) for p in last)
                continue
            out.append(d)
        return out

    def _follow_title(self, drafts: list[Draft]) -> None:
        """A title's act takes the day the body gives the same act ("Israel strikes Gaza" over
        "… struck Gaza on Wednesday"): one event with the body's report, not a second one on the
        report's day. The title's drafts are kept (and redated in place) until the body tells
        each again."""
        if self._in_title:
            self._titles.extend(drafts)
            return
        for d in drafts:
            same = next((h for h in self._titles if self._retells(h, d)), None)
            if same is not None and d.date is not None:
                same.date = d.date
                self._titles.remove(same)

    def _retells(self, title: Draft, d: Draft) -> bool:
        """Whether a body draft tells the title's act: the same category and actor's state, and
        the same target's (or one of them names none)."""
        return (
            title.category is d.category
            and self._c(title.actor) == self._c(d.actor)
            and (
                title.target is None
                or d.target is None
                or self._c(title.target) == self._c(d.target)
            )
        )

    def _adjunct_clauses(self, sent: Sentence) -> Sentence:
        """'After Israel struck Gaza, Egypt recalled …': a clause opened by a subordinator
        (`adjunct_open`) ends at its first comma. Why: the adjunct's names are otherwise read as
        a list with the main subject ("Gaza, Egypt"), and a governing verb in it ("Since Iran
        rejected …") swallows the main clause's act as its content."""
        rx = self.mod.get("adjunct_open_re")
        if rx is None:
            return sent
        out: list[tuple[int, int]] = []
        for cs, ce in sent.clauses:
            m = rx.match(self.text, cs, ce)
            if m is not None and cs in self._starts:
                m = None  # "Beijing, Moscow and Tehran …": a name, not a participle
            comma = self.text.find(",", m.end(), ce) if m is not None else -1
            if comma < 0:
                out.append((cs, ce))
                continue
            rest = comma + 1
            while rest < ce and self.text[rest].isspace():
                rest += 1
            out.extend(((cs, comma), (rest, ce)))
        return replace(sent, clauses=tuple(out))

    def _topic_clauses(
        self, sent: Sentence, mentions: list[Mention]
    ) -> list[tuple[int, list[Mention]]]:
        """The clauses that open with a topic word (`topic_open`: 对于/关于/就 X 的…，), each with
        where it ends and the parties it names. Why: the topic is what the speech act after it
        answers (对于美国的制裁，伊朗表示谴责: Iran condemns the United States), and it names
        that party only there, in a clause of its own."""
        rx = self.mod.get("topic_open_re")
        out: list[tuple[int, list[Mention]]] = []
        for cs, ce in sent.clauses if rx is not None else ():
            m = rx.match(self.text, cs, ce)
            if m is None or cs in self._starts:
                continue
            named = [x for x in mentions if m.end() <= x.start < ce and not x.locative]
            if named:
                out.append((ce, named))
        return out

    def _topic_target(self, t: Trigger, st: _Slots) -> Mention | None:
        """The first party of the last topic clause before the speech act's clause that is not
        the act's own subject (就美国对伊朗的制裁，俄罗斯批评: the United States)."""
        if t.rule.category not in SPEECH_ACTS:
            return None
        own = {self._c(i) for s in st.subjects for i in s.ids}
        for end, named in reversed(self._topics):
            if end <= st.cs:
                return next((x for x in named if not {self._c(i) for i in x.ids} & own), None)
        return None

    def _skipped(
        self,
        sent: Sentence,
        mentions: list[Mention],
        triggers: list[Trigger],
        dates: list[DateMention],
    ) -> bool:
        """Set up the sentence's state; True where it states no event of its own (commentary,
        a headline or crosshead, a restatement)."""
        self._sent_triggers = triggers
        self._in_title = False
        self._starts = {m.start for m in mentions}
        frame = self.mod.get("mediation_frame_re")
        self._frames = (
            [f.span() for f in frame.finditer(self.text, sent.start, sent.end)] if frame else []
        )
        self._brokers = self._marked_brokers(mentions)
        if sent.paragraph != self._last_para:
            self._last_subject = None
            self._last_para = sent.paragraph
        first = min(t.start for t in triggers) if triggers else sent.end
        if self._cue("commentary", sent.start, first) is not None:
            self._commentary_para = sent.paragraph
        elif self._commentary_para == sent.paragraph and _opens_with_date(self.text, sent, dates):
            self._commentary_para = -1  # 今年3月，… / In March, …: back to reported facts
        if self._commentary_para == sent.paragraph:
            # 分析人士指出 / analysts said: interpretation, to the end of the paragraph
            return True
        self._in_title = self.layout.in_head(sent)
        if self.layout.is_line(sent) and not self._in_title:
            return True  # an undated title or crosshead line repeats the body; coded there
        # 这是…第二度军演: a summary of what was reported, not a new event
        return self._cue("restatement", sent.start, min(sent.end, sent.start + 4)) is not None

    def _asides(self, sent: Sentence) -> list[tuple[int, int]]:
        """The spans of the sentence's closed asides (", which has close ties to X,"): their
        names, prepositions and dates belong to the aside, not to the main clause."""
        rx = self.mod.get("parenthetical_re")
        if rx is None:
            return []
        return [m.span() for m in rx.finditer(self.text, sent.start, sent.end)]

    def _live_triggers(
        self, sent: Sentence, mentions: list[Mention], triggers: list[Trigger]
    ) -> tuple[list[tuple[Trigger, tuple[int, int]]], list[tuple[int, int]]]:
        """The triggers that are events of their own with their clauses (the content of a
        governing verb is not: it is appended to the governor's `content`), and the sentence's
        parenthetical asides."""
        live: list[tuple[Trigger, tuple[int, int]]] = []
        governor: Trigger | None = None
        gov_clause = -1
        asides = self._asides(sent)
        for ci, clause in enumerate(sent.clauses):
            cs, ce = clause
            if ci and governor is not None and self._resumes_speaker(cs, ce, mentions):
                governor = None  # ,强调将回击: the speaker speaks again, no longer the content
            for t in (t for t in triggers if cs <= t.start < ce):
                if self._is_frame(t):
                    continue
                if governor is not None and any(
                    a <= governor.start < b <= t.start for a, b in asides
                ):
                    governor = None  # "Iran, which had offered to mediate, welcomed …"
                if (
                    governor is not None
                    and not self._adjunct(t)
                    and not self._new_predicate(governor, t)
                ):
                    has_subject = bool(self._subject_mentions(cs, t.start, mentions)) or (
                        self._cue("pair_pronouns", cs, t.start) is not None  # 两国本月将…
                    )
                    # warned that if B does X, A would strike: the act is the threat's content
                    cond = self._cue("conditional", governor.end, t.start) is not None
                    if ci == gov_clause or (
                        governor.rule.governs_sentence and (not has_subject or cond)
                    ):
                        governor.content.append(t)
                        if t.rule.governs and not cond:
                            governor = t if ci != gov_clause else governor
                        continue
                live.append((t, clause))
                if t.rule.governs:
                    governor, gov_clause = t, ci
        return live, asides

    def _remember(self, t: Trigger, made: list[Draft]) -> None:
        """What later clauses read of these drafts: the actors, the last accusation, dyad and
        pair, and the explicit subject a clause without one inherits."""
        if not made:
            return
        self._recent.append([d.actor for d in made])
        self._last_accused = next(
            ((d.actor, d.target) for d in reversed(made)
             if d.category is Category.ACCUSE and d.target),
            self._last_accused,
        )  # fmt: skip
        self._last_dyad = next(
            ((d.actor, d.target) for d in reversed(made) if d.target), self._last_dyad
        )
        hub = len({self._c(x) for d in made for x in (d.actor, d.target) if x}) > 2
        for d in made if not hub else ():  # 美国分别与两国签署: a hub with each, no pair
            if (
                d.target is not None
                and (d.category in SYMMETRIC or t.rule.mutual)
                and not t.rule.mediates  # 会谈由土耳其主持: the pair is not Turkey's
                and not t.rule.one_way
            ):
                self._last_pair = (d.actor, d.target)
        dyads = {(d.actor, d.target) for d in made}
        both_ways = [d for d in made if d.target and (d.target, d.actor) in dyads]
        if both_ways and not t.rule.mediates and not hub:  # A and B declared a ceasefire: a pair
            self._last_pair = (both_ways[0].actor, both_ways[0].target)
        offered = list(dict.fromkeys(d.target for d in made if d.target))
        if t.rule.one_way and len(offered) == 2:  # to host talks between A and B: A and B
            self._last_pair = (offered[0], offered[1])
        explicit = [d.actor for d in made if d.subject_start is not None]
        if explicit:  # a later clause without a subject inherits this one (zero anaphora)
            self._last_subject = list(dict.fromkeys(explicit))
        self._log_pair()

    def _log_pair(self) -> None:
        """Keep the last pair in the history `_pair_at` looks back through."""
        if self._last_pair is not None and self._pairs[-1:] != [self._last_pair]:
            self._pairs.append(self._last_pair)

    def _settle_pair(self, drafts: list[Draft]) -> None:
        """A pair parsed with a talks' host as one party is no pair (会谈由土耳其外长主持)."""
        meds = {self._c(d.actor) for d in drafts if d.trigger.rule.mediates}
        if self._last_pair and meds & {self._c(x) for x in self._last_pair}:
            # 会谈由土耳其外长主持: talks parsed with the host as a party do not make a pair
            clean = [
                (d.actor, d.target) for d in drafts
                if d.target is not None and (d.category in SYMMETRIC or d.trigger.rule.mutual)
                and not meds & {self._c(d.actor), self._c(d.target)}
            ]  # fmt: skip
            self._last_pair = clean[-1] if clean else None
            if self._pairs and meds & {self._c(x) for x in self._pairs[-1]}:
                self._pairs.pop()
            self._log_pair()

    def _denied_allegation(
        self, sent: Sentence, drafts: list[Draft], mentions: list[Mention]
    ) -> list[Draft]:
        """'X said that Y attacked …, an allegation Y denied': the act inside the accusation is
        not coded; X's ACCUSE of Y and Y's REJECT of X are."""
        rej = next(
            (d for d in drafts
             if d.category is Category.REJECT and self._anaphor(d.trigger, d.subject_start)),
            None,
        )  # fmt: skip
        said = self._cue("speech", sent.start, rej.trigger.start) if rej else None
        if rej is None or said is None:
            return drafts
        speaker = self._subjects(self._subject_mentions(sent.start, said.start(), mentions))
        claimed = [
            d for d in drafts if d is not rej and said.end() <= d.trigger.start < rej.trigger.start
        ]
        acts = [
            d for d in claimed if self._c(d.actor) == self._c(rej.actor)
            and d.category not in RESPONSES
        ]  # fmt: skip
        if not speaker or not acts:
            return drafts
        accuse = replace(
            acts[0], actor=speaker[0].id, target=acts[0].actor, category=Category.ACCUSE,
            mode="allege", negated=False, hypothetical=False, conditional=False,
        )  # fmt: skip
        rej.target = speaker[0].id
        return [accuse if d is acts[0] else d for d in drafts if d is acts[0] or d not in claimed]

    def _drop_conditions(self, drafts: list[Draft]) -> list[Draft]:
        """若遭到攻击，将予以报复 / would retaliate if attacked: the act after a conditional cue in
        its own clause is the condition of what is said, not an event."""

        def in_condition(d: Draft) -> bool:
            rx = self.mod.get("conditional_re")
            cue = _last(rx.finditer(self.text, d.clause[0], d.trigger.start)) if rx else None
            # "If talks fail, Washington would …": the condition ends at its comma
            return cue is not None and not re.search(
                r"[,;]", self.text[cue.end() : d.trigger.start]
            )

        kept = [d for d in drafts if d.trigger.rule.category is Category.THREATEN
                or not in_condition(d)]  # fmt: skip
        for d in drafts:
            if d in kept:
                continue
            # 若美国空袭，伊方将关闭海峡: a threat with no target is aimed at the condition's actor
            for th in kept:
                if (th.category is Category.THREATEN and th.target is None
                        and self._c(th.actor) != self._c(d.actor)):  # fmt: skip
                    th.target = d.actor
        return kept

    def _denied_reports(self, sent: Sentence, drafts: list[Draft]) -> list[Draft]:
        """'reports of talks, which X denied': the reported act, negated and dated to the
        denial; the denial itself is not a REJECT of anyone."""
        den = self._cue("denied_report", sent.start, sent.end)
        if den is None:
            return drafts
        rej = [
            d for d in drafts
            if d.category is Category.REJECT and den.start() <= d.trigger.start < den.end()
        ]  # fmt: skip
        if not rej:
            return drafts
        rest = [d for d in drafts if d not in rej]
        if not rest:
            return drafts  # "dismissed the report as groundless": no act reported, a REJECT
        for d in rest:
            d.negated = True
            d.date = rej[0].date or d.date
        return rest

    def _code(
        self,
        t: Trigger,
        clause: tuple[int, int],
        sent: Sentence,
        mentions: list[Mention],
        dates: list[DateMention],
        context_date: DateMention | None,
        prev: Trigger | None = None,
    ) -> list[Draft]:
        """The drafts of trigger `t`: who acts on whom (`_slots`, `_prep_roles`,
        `_between_roles`, `_target_fallbacks`, `_actor_target_ids`), then what the act is, when,
        and how sure (`_drafts`)."""
        st = self._slots(t, clause, mentions, prev)
        self._prep_roles(t, st, mentions)
        self._between_roles(t, st)
        self._target_fallbacks(t, st)
        ids = self._actor_target_ids(t, st, clause, sent, mentions, dates)
        if ids is not None and (t.rule.speaker_acts or self._obliges(t)):
            ids = self._speakers_act(t, st, sent, mentions, ids)
        if ids is None:
            return []
        return self._drafts(t, st, clause, sent, mentions, dates, context_date, ids)

    def _slots(
        self, t: Trigger, clause: tuple[int, int], mentions: list[Mention], prev: Trigger | None
    ) -> _Slots:
        """The mentions of the clause around the trigger and the prepositions that may mark its
        target, before any role is given."""
        cs, ce = clause
        rule = t.rule
        own_frame = self._framed(t.start)  # 在X斡旋下: X is the via of acts outside the frame
        # China's mediation, 由美国斡旋: the broker of a deal or talks is their via, no party
        # (unless the verb's own words name it: 接受阿曼的调停建议 agrees with Oman)
        brokered = _brokered(rule)
        in_clause = [
            m for m in mentions
            if cs <= m.start < ce and (not m.locative or self._owns_act(m, t))
            and self._framed(m.start) in (None, own_frame)
            and not (brokered and m.start in self._brokers and not t.start <= m.start < t.end)
        ]  # fmt: skip
        before = [m for m in in_clause if m.end <= t.start]
        after = [m for m in in_clause if m.start >= t.start]
        paren = self.mod.get("parenthetical_re")
        aside = None if paren is None else paren.search(self.text, cs, t.start)
        if aside is not None:  # "China, which has close ties to Phnom Penh, welcomed …"
            before = [m for m in before if not aside.start() <= m.start < aside.end()]
        symmetric = rule.category in SYMMETRIC or rule.mutual

        # Target prepositions between subject and verb: A 对 B 实施制裁 / A 与 B 会谈. After an
        # earlier verb of the same clause (召见 X 提出抗议), look only past that verb's object.
        adj = self._adjunct_end(t)
        if adj is not None and any(adj <= m.start for m in before):
            prev = None  # "recalled its envoy after the Algerian army shot down …": a new subject
        else:
            adj = None
        seg = adj if adj is not None else prev.end if prev is not None else cs
        prep_keys = ["target_preps"] + (["comitative_preps"] if symmetric else [])
        preps = sorted(
            (p for k in prep_keys for p in self._preps(k, seg, t.start)
             if aside is None or not aside.start() <= p.start() < aside.end()),
            key=lambda p: p.start(),
        )  # fmt: skip
        local = [m for m in before if m.start >= seg]
        antecedent = self._antecedent(seg, t, before)
        if antecedent is not None:
            # "fired rockets at Israel, which responded with strikes on Lebanon": Israel acts
            local, prev = antecedent[0], None
            preps = [p for p in preps if p.start() >= antecedent[1]]
        return _Slots(cs, ce, symmetric, in_clause, before, after, local, prep_keys, preps, prev)

    def _antecedent(
        self, seg: int, t: Trigger, before: list[Mention]
    ) -> tuple[list[Mention], int] | None:
        """The names before a relative pronoun that opens the verb's clause (", which
        responded"), the last of them its antecedent, and where the pronoun ends; None where
        the relative clause names its own subject ("the offer, which Iran rejected"), has closed
        before the verb ("A and B, which had offered to mediate, welcomed") or there is none."""
        rx = self.mod.get("relative_pronouns_re")
        if rx is None:
            return None
        rel = _last(
            p for p in rx.finditer(self.text, seg, t.start)
            if self.text[seg : p.start()].rstrip().endswith(",")
        )  # fmt: skip
        if rel is None or any(rel.end() <= m.start for m in before):
            return None
        if "," in self.text[rel.end() : t.start]:
            return None
        comma = self.text.rfind(",", seg, rel.start())
        head = [m for m in before if seg <= m.start and m.end <= comma]
        if not head or head[-1].end != comma:
            return None
        return head, rel.end()

    def _prep_roles(self, t: Trigger, st: _Slots, mentions: list[Mention]) -> None:
        """Subject and target from the words before the verb: a preposition's object, the
        names of a fresh predication, the subject of a serial verb's first verb."""
        cs, rule, prev, local = st.cs, t.rule, st.prev, st.local
        scope = int(self.mod.get("prep_scope", 60))
        for p in st.preps:
            pre = [m for m in local if m.end <= p.start()]
            # the preposition's object: a mention close after it (on Iran; not "on Wednesday
            # that India ...")
            post = [m for m in local if p.end() <= m.start <= p.end() + scope]
            if post:
                st.subjects = self._subjects(pre) if pre else []
                st.target_m = post[0]
                break
        # After an earlier verb, a mention is that verb's object unless a comma or a connective
        # starts a new predication before it ("If talks fail, Washington would ...").
        fresh = prev is None or (
            bool(local)
            and re.search(
                r"[,;]|\b(?:and|but|while|when|where)\b|[而并且但]",
                # "raided Serb villages, an allegation Pristina denied": up to the last name
                self.text[prev.end : (local[0] if self.lang.cjk else local[-1]).start],
            )
            is not None
        )
        if (
            not fresh
            and not self.lang.cjk
            and local
            and self.text[local[-1].end : t.start].strip() in ("", "'s", "’s")
        ):
            fresh = True  # "missiles fired in the Israeli raid": the name on the noun acts
        if not st.subjects and st.target_m is None and fresh:
            st.subjects = self._subjects(local)
            com = self.mod.get("comitative_preps_re")
            if (
                st.subjects
                and st.symmetric
                and len(st.subjects) >= 2
                and com is not None
                and not rule.one_way
            ):
                a, b = st.subjects[-2], st.subjects[-1]
                # "A and B agreed"; "A, B agree" (a headline's pair): the two are the parties
                pair = (  # not an apposition ("Kallas, the EU's top diplomat")
                    len(st.subjects) == 2
                    and not {self._c(i) for i in a.ids} & {self._c(i) for i in b.ids}
                    and self._joined(a.end, b.start)
                )
                listed = len(st.subjects) > 2  # 德国、芬兰和丹麦: the 和 ends a list, no "with"
                if (com.search(self.text[a.end : b.start]) and not listed) or pair:
                    st.target_m = st.subjects[-1]
                    st.subjects = st.subjects[-2:-1]
        if not st.subjects and not fresh and prev is not None:
            # serial verbs share the subject of the first (A 召见 B 提出抗议)
            st.subjects = self._subjects(self._subject_mentions(cs, prev.start, mentions))
            if st.symmetric and len(st.subjects) >= 2:
                # A and B agreed ... after talks: the two are the parties
                st.subjects, st.target_m = st.subjects[:1], st.subjects[1]
            elif st.symmetric and prev.rule.mediates and local and len(local[0].ids) == 2:
                st.subjects = [local[0]]  # 斡旋美伊会谈: the pair's own talks, not the mediator's
            elif st.target_m is None and local and self.lang.cjk:  # object before verb 2
                st.target_m = local[0]
        if st.subjects and self._unnamed_subject(st.subjects[-1].end, t.start):
            st.subjects = []  # "Ukraine said the missiles struck Kharkiv": not Ukraine
        joined = self.mod.get("and_verb_re")
        if st.subjects and joined is not None and ends_with(joined, self.text, t.start):
            # "Peskov said the EU measures were illegal and warned …": the subject of the
            # clause's first predicate, not the last name before "and"
            first = min((x.start for x in self._sent_triggers if cs <= x.start < t.start),
                        default=t.start)  # fmt: skip
            said = self._cue("speech", cs, first)
            lead = self._subject_mentions(cs, said.start() if said else first, mentions)
            if lead:
                st.subjects, st.target_m = self._subjects(lead), None

    def _unnamed_subject(self, s: int, e: int) -> bool:
        """Does what a speaker said (from `s`, the speaker's name, to the verb at `e`) open with
        a subject of its own that names no actor ("said the drone had violated …")? Then the
        speaker is not the actor."""
        rx = self.mod.get("unnamed_subject_re")
        said = _last(self._speech_in(s, e)) if rx is not None else None
        if said is None or rx.fullmatch(self.text[said.end() : e].strip()) is None:
            return False
        # "said both parties had agreed", "said the country would …": they name actors
        return all(self._cue(k, said.end(), e) is None for k in ("pair_pronouns", "epithets"))

    def _speech_in(self, s: int, e: int) -> Iterator[re.Match[str]]:
        return self._cues("speech", s, e)

    def _cues(self, key: str, s: int, e: int) -> Iterator[re.Match[str]]:
        """Every match of the cue list `key` in [s, e)."""
        rx = self.mod.get(key + "_re")
        return rx.finditer(self.text, s, e) if rx is not None and e > s else iter(())

    def _between_roles(self, t: Trigger, st: _Slots) -> None:
        """Talks between A and B, a mediator's own act, and the passive (B was shot down by A)."""
        rule, cs = t.rule, st.cs
        if not st.preps:
            st.preps = sorted(
                (p for k in st.prep_keys for p in self._preps(k, cs, t.start)),
                key=lambda p: p.start(),
            )
        # talks between A and B (mediated by the subject, if any).
        btw = self.mod.get("between_re")
        if st.symmetric and btw is not None and not rule.one_way:  # an offer to host talks
            bm = btw.match(self.text, t.end + 1) or btw.match(self.text, t.end)
            if bm is None:
                nxt = self.text.find(" ", t.end + 1)
                bm = btw.match(self.text, nxt + 1) if 0 <= nxt - t.end < 12 else None
            pair = [m for m in st.after if bm is not None and m.start >= bm.end()][:2]
            both = self.mod.get("pair_pronouns_re")
            dyad = self._last_pair or self._last_dyad
            if len(pair) < 2 and bm is not None and both is not None and dyad:
                pm = both.match(self.text, bm.end()) or both.match(self.text, bm.end() + 1)
                if pm is not None:  # talks between both governments: the last two parties
                    pair = [Mention(pm.start(), pm.end(), (x,)) for x in dyad]
            if len(pair) == 2:
                if rule.mediates:
                    st.target_m, st.parties = pair[0], pair
                else:
                    st.subjects, st.target_m = [pair[0]], pair[1]
        if rule.mediates:
            if not st.parties and not rule.one_way:
                pair = self._object_pair(t, st.after)
                own = {self._c(i) for m in st.subjects for i in m.ids}
                if not own & {self._c(i) for m in pair for i in m.ids}:  # 美国促成美伊会谈
                    st.parties = pair
            med = self._mediator(t, st.before, st.after)
            if st.parties and (med or st.subjects):
                # X shuttled between A and B: the talks are A's and B's, via X
                st.shuttle = med or st.subjects[0]
                st.subjects, st.target_m = st.parties[:1], st.parties[1]
            elif med is not None:
                st.subjects, st.target_m = [med], None
        # Passive: B 被 A 击落 / B was shot down by A.
        st.passive = self._passive(t, cs, st.in_clause)
        own = st.passive[1] if st.passive is not None and rule.moves_own else None
        if own is not None and st.passive[0] is None and _words_between(self.text, own, t) <= 3:
            # "Indian troops were deployed to the border": India moved them; the target follows
            # (not "… Sweida after troops were deployed": a name further back does not own them)
            st.subjects, st.target_m, st.passive = [own], None, None
        elif st.passive is not None:
            agent, patient = st.passive
            st.subjects = [agent] if agent else []
            st.target_m = patient

    def _target_fallbacks(self, t: Trigger, st: _Slots) -> None:
        """A target from after the verb, from an epithet of the last pair, or none at all where
        the act takes none."""
        cat, rule, ce = t.rule.category, t.rule, st.ce
        st.anaphor = (
            st.target_m is None
            and st.passive is None
            and cat in RESPONSES
            and self._anaphor(t, st.subjects[0].start if st.subjects else None)
        )
        pm = self._pair_object_of(t)
        unnamed = pm is not None
        if unnamed and st.target_m is None:
            st.target_m = self._both_parties(pm, st.subjects)
        if st.target_m is None and not st.anaphor and not unnamed:
            subj_ids = {i for s in st.subjects for i in s.ids}
            # "U.N. sanctions on Iran": a name inside an English verb phrase is its modifier
            after = st.after
            pool = after if self.lang.cjk else [m for m in after if m.start >= t.end] + after
            fresh = self.mod.get("new_subject_before_re")  # ", and U.S. officials welcomed"
            pool = [m for m in pool if fresh is None or not ends_with(fresh, self.text, m.start)]
            for m in pool:
                if not set(m.ids) & subj_ids and not self._agent(m) and not self._source(m, ce):
                    st.target_m = m
                    break
        if st.target_m is None and st.passive is None and not unnamed:
            topic = self._topic_target(t, st)
            if topic is not None:  # 对于菲方的指控，中方予以否认: the topic, not the last act
                st.target_m, st.anaphor = topic, False
        if st.target_m is None and st.passive is None:
            st.target_m = self._speakers_own(t, st)
        if st.target_m is None and st.passive is None and not st.anaphor:
            # 将对任何侵略作出回应, 报复性打击: the last aggressor
            st.anaphor = self._answers_any(t, st.cs, cat)
        epithet = self.mod.get("epithets_re")  # "with the UAE, accusing the Gulf country of"
        if (
            st.target_m is None
            and epithet is not None
            and self._last_dyad is not None
            and (
                not st.subjects  # the subject of the clause before ("…, accusing")
                or self._c(self._last_dyad[0]) in {self._c(i) for m in st.subjects for i in m.ids}
            )
            and (epithet.match(self.text, t.end + 1) or epithet.match(self.text, t.end))
        ):
            st.target_m = Mention(t.end, t.end, (self._last_dyad[1],))
        if rule.target == "none":
            st.target_m = None

    def _speakers_act(
        self, t: Trigger, st: _Slots, sent: Sentence, mentions: list[Mention], ids: _Ids
    ) -> _Ids | None:
        """'X said Y broke the deal', 'X said Y must disband', X表示Y应…: the verb's subject did
        or must do it, but the act coded is the speaker's charge or demand on that subject. The
        parties the roles found that are not the speaker's side become the targets; without a
        named speaker or another side the clause is the report's own narration, no act of
        anyone. An obligation (`_obliges`) asks only of the party named right before it after the
        speech verb: 美国表示应制裁伊朗 asks nothing of Iran, "Pakistan said Pakistan must
        respond to India" nothing of India, 美伊应… said by Iran nothing of the United States.
        The speaker may be the one of the sentence before (`_speaker_before`)."""
        obliged = self._obliges(t)
        found = self._speaker_before(t, sent, mentions, obliged)
        if found is None:
            return None
        speaker, said_end = found
        own = {self._c(i) for m in speaker for i in m.ids}
        if obliged and not self._obliged_named(t, st, said_end):
            return None
        about = self._party_about(max(st.cs, said_end), t.start, mentions, set())
        if obliged and own & {self._c(i) for i in about}:
            return None  # 美伊应…, said by Iran: the speaker's own stance, no request of another
        others = [i for i in about if self._c(i) not in own]
        others = others or [i for i in ids.actor_ids if self._c(i) not in own]
        if not others and (not obliged or self._cue("pair_pronouns", st.cs, t.start)):
            others = [i for i in ids.target_ids if self._c(i) not in own]  # 双方应: the other
        if not speaker or not others:
            return None
        return _Ids([i for m in speaker for i in m.ids], others, False, False)

    def _speaker_before(
        self, t: Trigger, sent: Sentence, mentions: list[Mention], obliged: bool
    ) -> tuple[list[Mention], int] | None:
        """Who says what `t` tells, and where the saying ends: the named subject of the last
        speech verb before `t` in its sentence (an obligation's: in the verb's own clause); the
        speaker of the sentence before where that verb names none (他还说, "he added") or, for an
        obligation, where the sentence has no speech verb (X强调…。Y必须…); None without one."""
        said = _last(self._speech_in(sent.start, t.start))
        if said is None:
            return (self._speaker, sent.start) if obliged and self._speaker else None
        lo = self._after_topics(sent, said.start())
        if obliged:
            lo = next((a for a, b in sent.clauses if a <= said.start() < b), sent.start)
        speaker = self._subjects(self._subject_mentions(lo, said.start(), mentions))
        if not speaker and self._unnamed_speaker(lo, said.start()):
            speaker = self._speaker
        return speaker, said.end()

    def _after_topics(self, sent: Sentence, said: int) -> int:
        """Where the speaker of a speech verb at `said` may stand: after the sentence's topic
        clauses before it (对于近日的冲突，希腊外长称，土耳其违反协议). Why: the 对 of 对于 /
        针对 is a target preposition, and `_subject_mentions` stops at the first one, so a
        speaker named after a topic clause was never found and the charge was dropped."""
        rx = self.mod.get("topic_open_re")
        lo = sent.start
        for cs, ce in sent.clauses if rx is not None else ():
            if ce > said:
                break
            if rx.match(self.text, cs, ce):
                lo = ce
        return lo

    def _unnamed_speaker(self, lo: int, said: int) -> bool:
        """Does the speech verb at `said` have a pronoun (or nothing but an adverb: 还说) for
        its subject in the clause from `lo`? Then it is the speaker of the sentence before."""
        lead = self.text[lo:said].strip(" \t\n,，、:：\"“”「」'")
        return len(lead) <= (2 if self.lang.cjk else 0) or (
            self._cue("pronouns", max(lo, said - 8), said) is not None
        )

    def note_speaker(self, sent: Sentence, mentions: list[Mention]) -> None:
        """Remember the speaker of `sent` for the sentence after it: the named subject of its
        last speech verb, the one carried where that verb names none (他还说, "he added"),
        none where the sentence has no speech verb or another unnamed source."""
        said = _last(self._speech_in(sent.start, sent.end))
        if said is None:
            self._speaker = []
            return
        lo = next((a for a, b in sent.clauses if a <= said.start() < b), sent.start)
        named = self._subjects(self._subject_mentions(lo, said.start(), mentions))
        if named or not self._unnamed_speaker(lo, said.start()):
            self._speaker = named

    def _condition_party(
        self, t: Trigger, sent: Sentence, mentions: list[Mention], actor_ids: list[str]
    ) -> list[str]:
        """The party a threat made on a condition is aimed at (若韩国再次散发传单，朝方将…;
        "said that if the US resumed its strikes, the group would …"): the speaker acts on the
        party the condition is about, the first of another side named from the `conditional`
        cue to the end of its clause, as an obligation asks of the party named before its cue."""
        cue = _last(self._cues("conditional", sent.start, t.start))
        if cue is None:
            return []
        end = next((b for a, b in sent.clauses if a <= cue.start() < b), t.start)
        return self._party_about(
            cue.end(), min(end, t.start), mentions, set(map(self._c, actor_ids))
        )

    def _party_about(self, lo: int, hi: int, mentions: list[Mention], own: set[str]) -> list[str]:
        """The party a clause of what is said is about, on which the speaker acts: the first
        named in [lo, hi) that is not of the speaker's states (`own`), with those joined to it
        (英国巡逻舰驶入圭亚那沿岸是对协定的破坏: Britain, not Guyana; 若韩国…: South Korea)."""
        named = [
            m for m in mentions
            if lo <= m.start and m.end <= hi and not m.locative and self._framed(m.start) is None
        ]  # fmt: skip
        first = next((m for m in named if not {self._c(i) for i in m.ids} <= own), None)
        if first is None:
            return []
        group = self._coordinated(first, named)
        return [i for m in group for i in m.ids if self._c(i) not in own]

    def _obliges(self, t: Trigger) -> bool:
        """Whether `t` is an obligation cue or a request that opens with one (应避免, "must
        stop"): what it asks, it asks of the party named right before it."""
        if t.rule is OBLIGATION:
            return True
        rx = self.mod.get("obligation_re")
        return (
            rx is not None
            and t.rule.category is Category.REQUEST
            and rx.match(self.text, t.start) is not None
        )

    def _obliged_named(self, t: Trigger, st: _Slots, said_end: int) -> bool:
        """Whether an obligation cue has its party named after the speech verb and close before
        it (以色列应避免; 双方应: the pair): the subject of a long phrase is not the one asked."""
        near = t.start - (24 if self.lang.cjk else 60)
        lo = max(st.cs, said_end, near)
        return any(lo <= m.start for m in st.subjects) or (
            self._cue("pair_pronouns", lo, t.start) is not None
        )

    def _speakers_own(self, t: Trigger, st: _Slots) -> Mention | None:
        """'Thailand said Cambodian troops had fired on its soldiers': an object the possessive
        `own_object` marks, in what a named speaker said about another actor, is the
        speaker's."""
        rx = self.mod.get("own_object_re")
        said = self._cue("speech", st.cs, t.start)
        if rx is None or said is None or not st.subjects:
            return None
        own = rx.search(self.text, t.start, min(st.ce, t.end + 40))
        speaker = self._subject_mentions(st.cs, said.start(), st.in_clause)
        if own is None or not speaker or speaker[-1].start >= st.subjects[0].start:
            return None
        acting = {self._c(i) for s in st.subjects for i in s.ids}
        if acting & {self._c(i) for i in speaker[-1].ids}:
            return None
        return Mention(own.start(), own.end(), speaker[-1].ids)

    def _actor_target_ids(
        self,
        t: Trigger,
        st: _Slots,
        clause: tuple[int, int],
        sent: Sentence,
        mentions: list[Mention],
        dates: list[DateMention],
    ) -> _Ids | None:
        """The actor and target ids the roles name, with the pair, pronoun and fallback readings
        where they name none; None where no actor can be found (an unknown name in the subject
        slot is reported, not guessed)."""
        cs, ce = clause
        rule, cat = t.rule, t.rule.category
        subjects, target_m, preps = st.subjects, st.target_m, st.preps
        targets_m = self._coordinated(target_m, st.in_clause) if target_m is not None else []
        inherited = False
        actor_ids: list[str] = [i for s in subjects for i in s.ids]
        pair_subject = subjects and len(subjects) == 1 and len(subjects[0].ids) == 2
        if pair_subject and st.symmetric and target_m is None:
            actor_ids = [subjects[0].ids[0]]  # 美伊重启谈判: one party talks with the other
            target_ids = [subjects[0].ids[1]]
        else:
            target_ids = [i for m in targets_m for i in m.ids]
        if not target_ids and subjects:
            target_ids = self._pair_object(preps, {self._side(i) for s in subjects for i in s.ids})
        if st.anaphor and subjects and not target_ids:
            target_ids = self._anaphoric_target(t, subjects)
        pair = self._pair_subject(cs, preps[0].start() if preps else t.start)
        both_at = self._cue("pair_pronouns", cs, t.start) if pair and subjects else None
        if both_at is not None and self._cue("speech", subjects[-1].end, both_at.start()):
            actor_ids, target_ids = [], []  # "Asif said the two sides would meet again"
            said = frozenset(self._c(i) for m in subjects for i in m.ids)
            # the speaker is neither side
            pair = self._read_pair(both_at.start(), self._pair_at(both_at.start(), said))
        mutual = False
        if not actor_ids and pair is None and self._last_person is not None:
            # 他/she as the subject: the person last named
            slot_end = preps[0].start() if preps else t.start
            if self._cue("pronouns", max(cs, slot_end - 6), slot_end) is not None:
                actor_ids = [self._last_person]
        both = self.mod.get("pair_pronouns_re")
        if (
            self._last_pair is not None
            and both is not None
            and (ends_with(both, self.text, t.start) or (pair is not None and not actor_ids))
            and [x for x in target_ids if x not in self._last_pair]
        ):
            # "… and the two ministers accused Ethiopia", 两国外长均感谢卡塔尔: both
            # parties act on the named target
            actor_ids, pair = list(self._last_pair), None
        if not actor_ids and pair is not None:
            # 双方各自释放战俘 / both sides accused each other: each acts on the other
            actor_ids, target_ids, mutual = [pair[0]], [pair[1]], True
        if not actor_ids and cat is Category.PROTEST:
            # protesters rallied in Kyiv: the crowd of the place's state
            actor_ids = next(
                ([m.id] for m in mentions
                 if cs <= m.start < ce and m.locative and self._kind(m.id) in ("state", "city")),
                [],
            )  # fmt: skip
        if not actor_ids:
            found = self._fallback_actor(t, rule, clause, sent, preps, st.after, mentions, dates)
            if found is None:
                return None  # an unknown name in the subject slot: reported, not guessed
            actor_ids, fallback_targets, inherited = found
            target_ids = fallback_targets if fallback_targets is not None else target_ids
            if st.anaphor and inherited and not target_ids:  # "…，并强调会坚决回击任何挑衅"
                own = [Mention(t.start, t.start, tuple(actor_ids))]
                target_ids = self._anaphoric_target(t, own)
        if not actor_ids:
            return None
        return _Ids(actor_ids, target_ids, inherited, mutual)

    def _drafts(
        self,
        t: Trigger,
        st: _Slots,
        clause: tuple[int, int],
        sent: Sentence,
        mentions: list[Mention],
        dates: list[DateMention],
        context_date: DateMention | None,
        ids: _Ids,
    ) -> list[Draft]:
        """What the act is once its content is read, its modality, date and confidence, one
        draft per directed pair."""
        rule, cat = t.rule, t.rule.category
        actor_ids, target_ids, shuttle = ids.actor_ids, ids.target_ids, st.shuttle
        subject_start = st.subjects[0].start if st.subjects else t.start
        # what the content makes of the act first: warning citizens off trips to Japan is a
        # sanction, and so aimed at the place named
        rule, cat, mode = self._content_category(t, rule, cat)
        cat, target_ids = self._untargeted(rule, cat, clause, mentions, actor_ids, target_ids)
        if rule.edge_target:
            target_ids = self._faced(t, sent, mentions, target_ids)
        flags = self._modality(t, clause, sent)
        cat, mode, threatened, target_ids = self._stance_of_act(
            t, rule, clause, sent, cat, mode, flags, target_ids
        )
        if not target_ids and (t.content or (cat is Category.THREATEN and rule.governs_sentence)):
            target_ids = self._content_target(t, sent, mentions, actor_ids)
        if not target_ids and cat is Category.THREATEN:
            target_ids = self._condition_party(t, sent, mentions, actor_ids)
        date = self._date(t, clause, sent, self._own_dates(t, sent, dates), context_date)
        if (
            cat is not Category.THREATEN
            and date is not None
            and date.date is not None
            and self.doc_date is not None
            and date.date > self.doc_date
        ):
            flags["hypothetical"] = True  # talks "expected to resume next week": not yet held
        joint = rule.mutual or cat in SYMMETRIC or mode == "ceasefire"
        # 泰柬双方…同意停火, 日本与菲律宾签署: the two parties act on each other
        if joint and not target_ids and not rule.mediates and len(set(actor_ids)) == 2:
            actor_ids, target_ids = actor_ids[:1], actor_ids[1:]
        conf = rule.weight
        if ids.inherited:
            conf -= 0.15
        if not target_ids:
            conf -= 0.1
        if date is None or date.date is None:
            conf -= 0.05
        pairs = self._directed_pairs(
            rule, cat, mode, flags, ids.mutual, shuttle, actor_ids, target_ids
        )
        if shuttle is not None:
            mode = "mediated"
        return [
            Draft(
                trigger=t,
                sentence=sent,
                clause=clause,
                actor=a,
                target=tg,
                category=cat,
                mode=mode,
                date=date,
                confidence=max(0.05, min(1.0, conf)),
                threatened=threatened,
                via=shuttle.id if shuttle is not None else None,
                subject_start=None if ids.inherited else subject_start,
                **flags,
            )
            for a, tg in pairs
        ]

    def _pair_object_of(self, t: Trigger) -> re.Match[str] | None:
        """Both sides as the object of the verb: right after it ("called on both governments
        to"), after a complementizer ("insisted that the two sides"), or ending the trigger
        whose pattern takes it in ("hopes that both sides")."""
        both = self.mod.get("pair_pronouns_re")
        if both is None:
            return None
        comp = self.mod.get("complementizer_re")
        c = comp.match(self.text, t.end + 1) if comp is not None else None
        for at in (t.end, t.end + 1, *((c.end(), c.end() + 1) if c else ())):
            pm = both.match(self.text, at)
            if pm is not None:
                return pm
        return _last(m for m in both.finditer(self.text, t.start, t.end) if m.end() == t.end)

    def _both_parties(self, pm: re.Match[str], subjects: list[Mention]) -> Mention | None:
        """Both sides / 双方 as the object of the verb (urged both sides to, 敦促双方): the pair
        it stands for (`_pair_at`), less the subject's own side (`side`), as one mention.
        Why: the act is on each of them (the real corpus's gold codes each), so each is a
        target. The last event's actor and target instead (`_last_dyad`) named a mediator or
        a third state as one of "both sides" in the self-written sets (same CV hits)."""
        own = {self._side(i) for m in subjects for i in m.ids}
        pair = self._pair_at(pm.start(), frozenset(own))
        ids = tuple(x for x in pair or () if self._side(x) not in own)
        self._read_pair(pm.start(), ids)
        return Mention(pm.start(), pm.end(), ids) if ids else None

    def _pair_object(self, preps: list[re.Match[str]], own: set[str]) -> list[str]:
        """与两国 / with both sides after a preposition: the two parties last named (分别与两国
        签署协议: an agreement with each), less the subject's own side."""
        both = self.mod.get("pair_pronouns_re")
        pair = self._last_pair or self._last_dyad
        if both is None or pair is None:
            return []
        for p in preps:
            if both.match(self.text, p.end()) or both.match(self.text, p.end() + 1):
                return [x for x in pair if self._side(x) not in own]
        return []

    def _anaphoric_target(self, t: Trigger, subjects: list[Mention]) -> list[str]:
        """The target of a response to an unnamed act ("rejected the accusation"): the actor of
        the last act by another state; the parties of the last agreement ("welcomed the
        agreement"); the accused of the last accusation ("condemned the incursion")."""
        own = {self._side(i) for s in subjects for i in s.ids}
        target_ids = self._last_others(own)
        deal = self.mod.get("anaphoric_agreements_re")
        pair = self._last_pair
        if (
            deal is not None
            and pair is not None
            and not own & {self._side(x) for x in pair}
            and (deal.match(self.text, t.end + 1) or deal.match(self.text, t.end))
        ):
            target_ids = list(pair)
        acts = self.mod.get("anaphoric_acts_re")  # "condemned the incursion" after "Guyana
        blamed = self._last_accused  # accused Venezuela of an incursion": Venezuela's act
        if (
            acts is not None
            and blamed is not None
            and target_ids == [blamed[0]]
            and (acts.match(self.text, t.end + 1) or acts.match(self.text, t.end))
        ):
            target_ids = [blamed[1]]
        return target_ids

    def _fallback_actor(
        self,
        t: Trigger,
        rule: VerbRule,
        clause: tuple[int, int],
        sent: Sentence,
        preps: list[re.Match[str]],
        after: list[Mention],
        mentions: list[Mention],
        dates: list[DateMention],
    ) -> tuple[list[str], list[str] | None, bool] | None:
        """The actor when the subject slot named none: a mediator named after its verb; else
        the subject of the clause or sentence before (inherited), when the slot is empty.
        Returns (actor ids, target ids or None to keep them, inherited), or None when the slot
        holds a name no dictionary knows (it is reported as a candidate, the event not guessed)."""
        if rule.mediates and after:
            return [after[0].id], [m.id for m in after[1:2]], False
        cs = clause[0]
        slot_end = preps[0].start() if preps else t.start
        base = max(cs, slot_end - (16 if self.lang.cjk else 60))
        opener = self.mod.get("adjunct_open_re")
        lead = opener.match(self.text, cs, slot_end) if opener is not None else None
        if lead is not None and cs not in self._starts:
            base = max(base, lead.end())  # "Following talks", "Accusing Iran": not a name
        cands = candidate_names(self.text[base:slot_end], self.lang, self.lang.stopwords)
        zero = self._zero_subject(cs, slot_end, dates)  # 并在X岛附近…: X岛 is no subject
        if cands and not zero:
            self.candidates.extend((base + a, base + b) for a, b in cands)
            return None
        said = self._cue("speech", cs, min(slot_end, cs + 6))
        if (
            said is not None
            and clause != sent.clauses[0]
            and self._resumes_speaker(cs, slot_end, mentions)
            and self._slot_empty(said.end(), slot_end, dates)
        ):  # 海警局反驳指,菲船…,强调将坚决回击: the speaker who opened the sentence
            first = self._previous_clause_subject(sent, sent.clauses[1], mentions)
            if first:
                return first, None, True
        if zero or self._slot_empty(cs, slot_end, dates):
            prev = self._fronted_subject(sent, clause, mentions)
            prev = prev or self._previous_clause_subject(sent, clause, mentions)
            if prev:
                return prev, None, True
            if self._last_subject:
                return list(self._last_subject), None, True
        return [], None, False

    def _faced(
        self, t: Trigger, sent: Sentence, mentions: list[Mention], target_ids: list[str]
    ) -> list[str]:
        """The targets of forces sent or massed (`edge_target`) that they face. Why: out of
        fold (s38m), the rule drafts of such verbs with a target were right 6 times in 7 where
        the sentence names the state with its border, coast or waters, or after a word of facing
        (在科索沃边境集结, 向委内瑞拉外海部署), and wrong 12 times in 12 where it names a
        state the forces go to, join or help (赴盖亚那, 向波多黎各派遣, 增援北约部队,
        协助俄罗斯), 10 with gold coding the deployment with no target
        (benchmarks/real/GUIDE.md: a deployment to the region). A target that no single
        mention of the sentence names (a pair, a subject carried over) is kept: nothing here
        tells where it stands."""
        kept = []
        for x in target_ids:
            named = [
                m for m in mentions
                if sent.start <= m.start < sent.end and m.ids == (x,)
            ]  # fmt: skip
            if not named or any(faces(self.text, self.mod, m, t) for m in named):
                kept.append(x)
        return kept

    def _untargeted(
        self,
        rule: VerbRule,
        cat: Category,
        clause: tuple[int, int],
        mentions: list[Mention],
        actor_ids: list[str],
        target_ids: list[str],
    ) -> tuple[Category, list[str]]:
        """With no target other than the actor itself: the rule's untargeted category (a missile
        fired at no one named is a test), and for acts aimed at a place, the state named as the
        place (exercises around Taiwan, strikes in Syria)."""
        if [x for x in target_ids if all(self._side(x) != self._side(a) for a in actor_ids)]:
            return cat, target_ids
        cs, ce = clause
        target_ids = []
        if rule.untargeted is not None:
            cat = rule.untargeted
        if cat in PLACE_TARGETED:
            # a state's offensive in the land a separatist side holds (在纳卡地区发动攻势) is on
            # that side: sides, not countries, tell the place from the actor's own
            own = {self._side(a) for a in actor_ids}
            for m in mentions:
                if (
                    cs <= m.start < ce
                    and m.locative
                    and len(m.ids) == 1
                    and self._kind(m.id) in ("state", "city", "armed_group")
                    and self._side(m.id) not in own
                ):
                    return cat, [m.id]
        return cat, target_ids

    @staticmethod
    def _content_category(
        t: Trigger, rule: VerbRule, cat: Category
    ) -> tuple[VerbRule, Category, str | None]:
        """What a governing verb's content makes of it: ready to accept a proposal for a truce
        is the acceptance; agreed to a ceasefire makes the ceasefire the event."""
        for c in t.content:
            if c.rule.category is cat and not c.rule.content_categories:
                return c.rule, cat, c.rule.mode
            promoted = rule.content_categories.get(
                c.rule.mode or ""
            ) or rule.content_categories.get(c.rule.category.value)
            if promoted is not None:
                # the content's mode where it is the event (a ceasefire), the verb's where the
                # verb stays the event under another category (opposing a strike: ACCUSE)
                own = promoted is c.rule.category
                return rule, promoted, c.rule.mode if own else rule.mode
        return rule, cat, rule.mode

    def _stance_of_act(
        self,
        t: Trigger,
        rule: VerbRule,
        clause: tuple[int, int],
        sent: Sentence,
        cat: Category,
        mode: str | None,
        flags: dict[str, bool],
        target_ids: list[str],
    ) -> tuple[Category, str | None, bool, list[str]]:
        """Refusals and threats read off the modality: a negated concession or a "will never
        withdraw" is a refusal; an act a speaker says would follow a condition is a threat.
        Updates `flags` in place; returns (category, mode, threatened, target ids)."""
        if cat is Category.CONCEDE and flags["negated"]:
            cat, mode, flags["negated"] = Category.REJECT, None, False  # 不会接受…要求: a refusal
        elif self._cue("refusal", max(clause[0], t.start - 8), t.start) is not None:
            # 绝不会从争议地区撤军 / "will never withdraw": a refusal, not a negated act
            cat, mode, flags["negated"], flags["hypothetical"] = Category.REJECT, None, False, False
            target_ids = []
        if (
            cat.value in self.mod.get("conditional_threat", ())
            and flags["hypothetical"]
            and not flags["negated"]
            and self._cue("conditional", sent.start, sent.end) is not None
            and self._cue("speech", sent.start, t.start) is not None
        ):
            # "Netanyahu said Israel would strike Iran if it rebuilt": a threat, not an act
            mode = _THREAT_MODES.get(cat.value, mode)
            cat, threatened = Category.THREATEN, True
        else:
            threatened = False
        if cat is Category.THREATEN:  # the threat was made; its content may be conditional
            flags["hypothetical"] = flags["conditional"] = False
        if rule.content_modes and t.content:
            inner = [c.rule.category.value for c in t.content]
            mode = next((rule.content_modes[c] for c in inner if c in rule.content_modes), mode)
            threatened = cat is Category.THREATEN  # a refusal to meet is made, not threatened
        return cat, mode, threatened, target_ids

    def _content_target(
        self, t: Trigger, sent: Sentence, mentions: list[Mention], actor_ids: list[str]
    ) -> list[str]:
        """The target of what is threatened/demanded/refused: A 威胁对 B 加征关税; a threat with
        no coded content (扬言，若黎巴嫩不…，将扩大行动): the state named after it."""
        last = t.content[-1] if t.content else t
        ce2 = (
            next((c[1] for c in sent.clauses if c[0] <= last.start < c[1]), sent.end)
            if t.content
            else sent.end
        )
        own_sides = {self._side(a) for a in actor_ids}
        # the threatened act's own clause first (警告, 若B不撤出, A将对C发动打击: C), then
        # anything after the governing verb; Modi warned that India would strike: not India
        c0 = next((c[0] for c in sent.clauses if c[0] <= last.start < c[1]), t.end)
        for lo in dict.fromkeys((max(c0, t.end), t.end)):
            found = next(
                (m for m in mentions if lo <= m.start < ce2 and not m.locative
                 and self._side(m.id) not in own_sides), None,
            )  # fmt: skip
            if found is not None:
                return list(found.ids)
        return []

    def _own_dates(self, t: Trigger, sent: Sentence, dates: list[DateMention]) -> list[DateMention]:
        """The dates that may date `t` itself: a governing verb is dated by what precedes it; a
        date inside its content ("agreed to meet next week") dates the content, not the
        agreement."""
        if not t.content or self.doc_date is None:
            return dates
        doc_date = self.doc_date
        own = [d for d in dates if d.end <= t.start or d.date is None or d.date <= doc_date]
        # 11日发表声明，指责X前一天炮击: a day before the verb in its sentence dates it, the one
        # inside its content dates the content
        before = [
            d for d in own
            if sent.start <= d.start and d.end <= t.start and d.date is not None
            and not d.dateline and d.precision is DatePrecision.DAY
        ]  # fmt: skip
        if before:
            own = [d for d in own if d.end <= t.start]
        # 指控乌军上周…攻击, 敦促卢旺达履行6月签署的协议: in Chinese (where a verb's own date
        # stands before it) a past date between the verb and its content's end is the content's
        if self.lang.cjk:
            last = max(c.end for c in t.content)
            return [d for d in own if not t.end <= d.start < last]
        # "in violation of the November 2024 ceasefire": a date naming the content
        return [
            d for d in own
            if not any(d.end <= c.start and not self.text[d.end : c.start].strip()
                       for c in t.content)
        ]  # fmt: skip

    def _directed_pairs(
        self,
        rule: VerbRule,
        cat: Category,
        mode: str | None,
        flags: dict[str, bool],
        mutual: bool,
        shuttle: Mention | None,
        actor_ids: list[str],
        target_ids: list[str],
    ) -> list[tuple[str, str | None]]:
        """(actor, target) of each draft, once each. Talks, agreements and ceasefires are
        mutual: coded in both directions; a denial ("had not met Pakistani officials") is one
        side's claim: one way."""
        pairs: list[tuple[str, str | None]] = []
        for a in dict.fromkeys(actor_ids):
            for tg in [x for x in target_ids if self._side(x) != self._side(a)] or [None]:
                pairs.append((a, tg))
                if (
                    tg is not None
                    and (not rule.mediates or shuttle is not None)
                    and (mutual or rule.mutual or cat in SYMMETRIC or mode == "ceasefire")
                    and not rule.one_way
                    and (mutual or not flags["negated"])
                ):
                    pairs.append((tg, a))
        return list(dict.fromkeys(pairs))

    def _previous_clause_subject(
        self, sent: Sentence, clause: tuple[int, int], mentions: list[Mention]
    ) -> list[str]:
        """The subject of the nearest earlier clause of the sentence that names one: the first
        actor in it that is not a place and not after a target preposition."""
        earlier = [c for c in sent.clauses if c[1] <= clause[0]]
        for cs, ce in reversed(earlier):
            lead = self._cue("adjunct_clause", cs, min(ce, cs + (3 if self.lang.cjk else 14)))
            if lead is not None and lead.start() not in self._starts:
                continue  # 以…为由, 由于…: an adjunct, its names are not the subject
            if self._resumes_speaker(cs, ce, mentions) and len(earlier) > 1:
                # 海警局反驳指,菲船…冲撞,强调会…回击: after what was said, a speech verb with no
                # subject resumes the speaker who opened the sentence, not the content's subject
                return self._previous_clause_subject(sent, sent.clauses[1], mentions)
            first_verb = min(
                (t.start for t in self._sent_triggers if cs <= t.start < ce), default=ce
            )
            said = self._cue("speech", cs, first_verb)  # 称菲船闯入: 菲船 is in what was said
            poss = self.mod.get("possessive_re")  # 菲方的指责毫无根据: a possessor, not a subject
            end = said.start() if said else first_verb
            subj = [
                m for m in self._subject_mentions(cs, end, mentions)
                if poss is None or not poss.match(self.text, m.end)
            ]  # fmt: skip
            if (
                subj
                and first_verb == ce
                and said is None
                and self._slot_empty(cs, subj[0].start, [])
            ):
                # 韩方5日照会日本外务省，将召回大使: with no verb of ours in the clause, its
                # subject is the name that opens it (and those joined to it), not its object
                subj = self._coordinated(subj[0], subj)
                return list(dict.fromkeys(i for m in subj for i in m.ids))
            if subj:
                return list(dict.fromkeys(i for m in self._subjects(subj) for i in m.ids))
        return []

    def _fronted_subject(
        self, sent: Sentence, clause: tuple[int, int], mentions: list[Mention]
    ) -> list[str]:
        """'Accusing Iran of …, the United States deployed …', 'After talks with Russia, Turkey
        offered …': a fronted adjunct without a subject of its own shares the main clause's,
        which follows it, not the last sentence's."""
        rx = self.mod.get("adjunct_open_re")
        i = sent.clauses.index(clause) if clause in sent.clauses else -1
        if rx is None or i < 0 or i + 1 >= len(sent.clauses):
            return []
        if rx.match(self.text, clause[0], clause[1]) is None:
            return []
        ns, ne = sent.clauses[i + 1]
        first = min((t.start for t in self._sent_triggers if ns <= t.start < ne), default=ne)
        subj = self._subject_mentions(ns, first, mentions)
        return list(dict.fromkeys(x for m in self._subjects(subj) for x in m.ids)) if subj else []

    def _resumes_speaker(self, cs: int, ce: int, mentions: list[Mention]) -> bool:
        """Does the clause open with a speech verb and name no subject before it (，强调…)?"""
        said = self._cue("speech", cs, min(ce, cs + 6))
        return (
            said is not None
            and self._slot_empty(cs, said.start(), [])
            and not self._subject_mentions(cs, said.start(), mentions)
        )

    def _subject_mentions(self, cs: int, end: int, mentions: list[Mention]) -> list[Mention]:
        """Mentions in [cs, end) that can be a subject: not places, not after a preposition, not
        the mediator of a frame (A和B在X斡旋下…: X brokers, A and B act), not inside a closed
        aside or a time frame of talks with another party (`with_frame`) before `end`."""
        first_prep = min((p.start() for p in self._preps("target_preps", cs, end)), default=end)
        paren = self.mod.get("parenthetical_re")  # "X – who is wanted by Y – said": not Y
        asides = [] if paren is None else list(paren.finditer(self.text, cs, end))
        withs = [w.span() for w in [*self._cues("with_frame", cs, end), *asides] if w.end() <= end]
        return [
            m for m in mentions
            if cs <= m.start and m.end <= first_prep and not m.locative
            and self._framed(m.start) is None
            and not any(a <= m.start < b for a, b in withs)  # 与B通电话时表示: B is no subject
        ]  # fmt: skip

    def _marked_brokers(self, mentions: list[Mention]) -> set[int]:
        """The starts of the mentions the sentence marks as a mediator by the words right after
        (阿曼居中斡旋, China's mediation: `mediator_after`, with no other name between) or right
        before them (brokered by the United States: `mediator_before`)."""
        after, before = self.mod.get("mediator_after_re"), self.mod.get("mediator_before_re")
        starts = [m.start for m in mentions]
        out: set[int] = set()
        for m in mentions:
            hit = after.match(self.text, m.end) if after is not None else None
            alone = hit is not None and not any(m.end <= x < hit.end() for x in starts)
            if alone or (before is not None and ends_with(before, self.text, m.start)):
                out.add(m.start)
        return out

    def _framed(self, pos: int) -> tuple[int, int] | None:
        """The mediation frame (在X斡旋下) of the sentence that holds `pos`, if any."""
        return next(((a, b) for a, b in self._frames if a <= pos < b), None)

    def _object_pair(self, t: Trigger, after: list[Mention]) -> list[Mention]:
        """斡旋美伊会谈, 主持泰柬两国的谈判, 斡旋阿富汗与巴基斯坦之间的谈判: in Chinese the two
        parties whose talks a mediator brokers may follow its verb with no word for "between" (a
        pair name, or two names joined): they are the parties, not the mediator's targets."""
        if not self.lang.cjk or not after or after[0].start - t.end > 1:
            return []
        first = after[0]
        if len(first.ids) == 2:
            return [Mention(first.start, first.end, (i,)) for i in first.ids]
        if len(after) >= 2 and self._joined(first.end, after[1].start):
            return after[:2]
        return []

    def _mediator(self, t: Trigger, before: list[Mention], after: list[Mention]) -> Mention | None:
        """Omani mediators / 阿曼斡旋 (right before the verb) or mediated by Oman (after 'by')."""
        if before:
            gap = self.text[before[-1].end : t.start].strip(" 的")
            if not gap or (self.lang.cjk and len(gap) <= 4 and gap.isalpha()):
                # 阿曼斡旋, 土耳其外长费丹主持, Omani mediators; of several (在埃及和卡塔尔斡旋下)
                # the first named
                i = len(before) - 1
                while i > 0 and self.text[before[i - 1].end : before[i].start].strip() in _JOINERS:
                    i -= 1
                return before[i]
        agent = self.mod.get("agent_after_re")
        if agent is not None:
            m = agent.match(self.text, t.end + 1) or agent.match(self.text, t.end)
            if m is not None:
                return next((x for x in after if 0 <= x.start - m.end() <= 6), None)
        return None

    def _passive(
        self, t: Trigger, cs: int, in_clause: list[Mention]
    ) -> tuple[Mention | None, Mention | None] | None:
        rx = self.mod.get("passive_re")
        if rx is None:
            return None
        if self.lang.cjk:
            # B 被 A 击落: the marker, then the agent right before the verb (the marker's
            # look-ahead sees the verb: 应A邀请)
            lo = max(cs, t.start - 16)
            m = _last(x for x in rx.finditer(self.text, lo, t.end) if x.end() <= t.start)
            if m is None or any(m.end() <= o.start < t.start for o in self._sent_triggers):
                return None  # 应A邀请访问B: the marker is the invitation's, not the visit's
            mstart = m.start()
            agent = next((x for x in in_clause if x.start >= mstart and x.end <= t.start), None)
            if agent is None and mstart + len(m.group()) < t.start - 0:
                return None
            patient = next((x for x in reversed(in_clause) if x.end <= mstart), None)
            return agent, patient
        before = self.text[max(cs, t.start - 20) : t.start]
        if re.match(r"\w+ing\b", self.text[t.start : t.end]):
            return None  # "was pressing Syria to": the progressive, not a passive
        copula = t.rule.patient_subject or re.search(
            r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$", before, re.I
        )
        if not copula and not t.rule.agent_after:
            return None
        at = self._agent_phrase(t)
        agent = None if at is None else self._agent_in(at, in_clause)
        if not copula and agent is None:
            return None  # "came under attack" with no agent named: the plain reading
        patient = next((x for x in reversed(in_clause) if x.end <= t.start), None)
        if patient is None and not copula and agent is not None:
            patient = self._target_after(agent, in_clause)  # "an attack by X on Y"
        return agent, patient

    def _agent_in(self, at: int, in_clause: list[Mention]) -> Mention | None:
        """The agent named in the phrase at `at`: the first name within 20 characters, or one
        that heads the phrase's noun further on with no break or verb before it ("met with
        condemnation from the young government of the island's president")."""
        for x in in_clause:
            if x.start < at - 1:
                continue
            gap = self.text[at : x.start]
            if x.start <= at + 20 or (
                x.start <= at + 60
                and not re.search(r"[,;:，；：]", gap)
                and not any(at <= o.start < x.start for o in self._sent_triggers)
            ):
                return x
            return None
        return None

    def _agent_phrase(self, t: Trigger) -> int | None:
        """Where the agent named after a passive or an attack noun begins: after the language's
        agent mark ("was struck by the army"), or after an attack noun's source ("came under
        fire from Russian forces", `attack_from`), whose object is the attacker."""
        keys = ["agent_after_re"]
        if t.rule.patient_subject or t.rule.possessor_acts:
            keys.append("attack_from_re")
        gap = re.compile(r"\s+").match(self.text, t.end)
        if gap is None:
            return None
        for key in keys:
            rx = self.mod.get(key)
            m = rx.match(self.text, gap.end()) if rx is not None else None
            if m is not None:
                det = re.compile(r"\s+(?:the\s+|an?\s+)?", re.I).match(self.text, m.end())
                return det.end() if det is not None else m.end()
        return None

    def _owns_act(self, m: Mention, t: Trigger) -> bool:
        """平民在以色列的空袭下丧生, "killed in Israeli strikes on Gaza": after a place preposition,
        the name that owns an attack noun (its possessor, or the adjective right before it) is
        the attacker, not a place; so is the name after the noun's source ("came under fire
        from Russian forces")."""
        if self._kind(m.id) not in ("state", "armed_group", "agency"):
            return False
        if (t.rule.patient_subject or t.rule.possessor_acts) and m.start > t.end:
            at = self._agent_phrase(t)  # came under fire from Russian forces
            return at is not None and at - 1 <= m.start <= at + 20
        if not t.rule.possessor_acts:
            return False
        if not self.lang.cjk and self.text[m.end : t.start] == " ":
            return True  # "Israeli strikes"
        rx = self.lang.possessor_re
        if rx is None:
            return False
        lo = m.end  # matched in place, so that word boundaries see the name before the mark
        prep = next(iter(self._preps("target_preps", m.end, t.start)), None)
        if prep is not None and prep.start() == m.end and t.start - m.end <= 16:
            lo = prep.end()  # 在以色列对加沙的空袭中: the owner, then its target
            return any(p.end() == t.start for p in rx.finditer(self.text, lo, t.start))
        return rx.fullmatch(self.text, lo, t.start) is not None

    def _modal_noun(self, t: Trigger, clause: tuple[int, int], w: int) -> bool:
        """伊朗对以色列的任何袭击都将招致报复, "an attack by Iran on Israel would draw a response":
        an attack told as a noun (its possessor or agent named) that is the subject of a modal
        predicate has not happened."""
        if not (t.rule.possessor_acts or t.rule.agent_after):
            return False
        rx = self.mod.get("agent_after_re") if t.rule.agent_after else None
        by = rx.match(self.text, t.end + 1) if rx is not None else None  # the language's "by"
        if by is None and not self._possessed_act(t, 3 if self.lang.cjk else 24):
            return False
        return self._cue("hypothetical", t.end, min(clause[1], t.end + w)) is not None

    def _target_after(self, agent: Mention, in_clause: list[Mention]) -> Mention | None:
        """The object of a target preposition after an agent phrase ("attacks by the Houthis
        on Israeli ships"): the target of the noun the agent acts in."""
        ce = max(x.end for x in in_clause)
        prep = next(iter(self._preps("target_preps", agent.end, ce)), None)
        if prep is None or self.text[agent.end : prep.start()].strip(" ,"):
            return None
        return next((x for x in in_clause if 0 <= x.start - prep.end() <= 20), None)

    def _modality(self, t: Trigger, clause: tuple[int, int], sent: Sentence) -> dict[str, bool]:
        cs, _ = clause
        w = int(self.mod.get("before_window", 8))
        hyp = self._cue("hypothetical", max(cs, t.start - w), t.start) is not None
        hyp = hyp or self._modal_noun(t, clause, w)
        cond = self._cue("conditional", sent.start, t.start) is not None
        unconf = self._cue("unconfirmed", sent.start, sent.end) is not None
        return {
            "negated": self._negated(cs, t),
            "hypothetical": hyp or cond,
            "conditional": cond,
            "unconfirmed": unconf,
        }

    def _date(
        self,
        t: Trigger,
        clause: tuple[int, int],
        sent: Sentence,
        dates: list[DateMention],
        context_date: DateMention | None,
    ) -> DateMention | None:
        cs, ce = clause
        doc = self.doc_date
        asides = self._asides(sent)
        if asides:  # "Egypt, which sent troops last month, welcomed …": the aside's
            own = next((a for a in asides if a[0] <= t.start < a[1]), None)  # date is its own
            mine = [d for d in dates if own and own[0] <= d.start < own[1]]
            dates = mine or [d for d in dates if not any(a <= d.start < b for a, b in asides)]

        def pick(
            lo: int, hi: int, day_only: bool, past_only: bool, relative_only: bool = False
        ) -> DateMention | None:
            inside = [
                d
                for d in dates
                if lo <= d.start < hi
                and (not relative_only or (d.relative and d.precision in _NEAR_PERIODS))
                and not d.range_end
                and not d.dateline
                and (not day_only or d.precision is DatePrecision.DAY)
                and (not past_only or doc is None or d.date is None or d.date <= doc)
            ]
            if not inside:
                return None
            # the nearest date: in reported speech ("said on Tuesday they met on Monday") the
            # event's own date stands closer to its verb than the date of the saying
            return min(
                inside,
                key=lambda d: t.start - d.end if d.end <= t.start else d.start - t.end + 2,
            )

        w = int(self.mod.get("before_window", 8))
        if doc is not None and self._cue("hypothetical", max(cs, t.start - w), t.start):
            # "plan to resume talks in March": a future date after the verb dates the plan's act
            ahead = [
                d for d in dates
                if t.end <= d.start < ce and not d.dateline and not d.range_end
                and d.date is not None and d.date > doc
            ]  # fmt: skip
            if ahead:
                return min(ahead, key=lambda d: d.start)
        # Prefer a day in the clause, then a day in the sentence (not a future one from another
        # clause), then any date in the clause, then the date the narrative is at.
        for found in (
            pick(cs, ce, True, False),
            # 本月将举行 / 上月已通过法案，暂停…: the nearest 本月/上月 before the verb, not 20日
            pick(sent.start, ce, False, False, relative_only=True),
            pick(sent.start, sent.end, True, True),
            pick(sent.start, sent.end, False, True),
        ):
            if found is not None:
                return found
        return context_date


# ", a close ally of Serbia," / ", which borders …,": an apposition or relative clause after a
# subject (not ", the", which also joins lists: "Lebanon, France and Jordan").
# Scanned from a position, never on a slice to the end of the text: a slice per sentence makes
# a long document quadratic.
_COMMA_SOON = re.compile(r"[^,.;]{0,60},")


def faces(text: str, mod: dict, m: Mention, t: Trigger) -> bool:
    """Whether the mention names a state as what forces face: inside the trigger (进入索马里境内),
    followed by its border, coast or waters (`edge_after`: 科索沃边境, Venezuela's coast) or
    after a word of facing or entering (`edge_before`: near, off, into, 逼近, 进入)."""
    if t.start <= m.start < t.end:
        return True
    after, before = mod.get("edge_after_re"), mod.get("edge_before_re")
    if after is not None and after.match(text, m.end):
        return True
    if before is None:
        return False
    return any(h.end() >= m.start - 1 for h in before.finditer(text, max(0, m.start - 16), m.start))


def undated(d: DateMention | None) -> bool:
    return d is None or d.date is None or d.precision is DatePrecision.UNKNOWN


def _words_between(text: str, m: Mention, t: Trigger) -> int:
    """Words from the end of mention `m` to trigger `t`; any punctuation counts as a break."""
    gap = text[m.end : t.start]
    return 99 if re.search(r"[^\w\s'’-]", gap) else len(gap.split())


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - we want the last one
        pass
    return found
