"""Statistical components of the coder, trained on the real corpus's train split.

Why: hand-written rules fit the sentence in front of their author and break on the next outlet.
These components learn from annotated real reporting instead (`scripts/train_coder.py`, with a
fixed seed, writes their weights to `weights/coder.npz`; labels come from the gold events'
evidence offsets). `Extractor(coder="learned")` runs them over the rule coder's reading of a
document (`DocView`: sentences, clauses, mentions, dates and the rules' drafts, all offsets):

- `verify`: is a rule draft right (its actor, category and target are a gold event's)? The
  rules' decisions are its features (category, mode, flags, who the parties are) beside the
  wording of the clause; drafts below the threshold are dropped, and its probability,
  calibrated per category on crises nobody read (`calibrated`), is each event's confidence;
- `category`: which PLOVER categories a clause states (multi-label, one-vs-rest), with the
  rules' triggers and drafts in the clause as features; where it is sure of a category the
  rules did not code in the sentence, an event is added (less sure suffices where the rules
  found a verb of the category in the clause and made no draft of it, `category_bars`);
- `role`: whether a mention of the clause's sentence (or the subject carried over from the
  sentence before) is the actor, the target or neither of an event of a given category:
  position, the particles and prepositions beside it (对/向/与, against, on), its kind;
- `anchor`: the date of every event, the rules' drafts and the added ones alike (`date_events`):
  which of five slots gives it, none (background: 此前, "last year"), the rules' own date, the
  explicit day of the clause or sentence, the narrative's last full date, or the document's;
  a rule's explicit day in the sentence stays, a date it carried from an earlier sentence is
  replaced only where the model is sure (`redate`).

A rule draft with no target (the rules found none: 中方要求高市撤回言论, "Japan's repeated
requests"; water cannon on another country's boats, the boats' country missed) gets the one
`role` finds likeliest among the mentions of its sentence (for a material act, only those its
sentence names), if likely enough, before the verifier judges it: most such drafts were wrong
only for the missing target. The role model's probability of the right one is often low (0.1 to
0.4), so the verifier judges nearly every such reading, told how the target was found (`Fill`:
that probability, how many other countries could have been it, where it stands).

All are L2-regularised logistic regressions over sparse binary features (character n-grams of
the clause for Chinese, words for English, with actor names and dates masked so the model
learns the wording, not who happened to be in the news). Features are strings looked up in a
vocabulary stored with the weights, so inference needs nothing but NumPy.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import chain, combinations, pairwise
from pathlib import Path

import numpy as np

from dualtrack.extract.dates import DateMention, report_day
from dualtrack.extract.events import SYMMETRIC, Draft, Trigger, faces
from dualtrack.extract.events import side as acts_as_side
from dualtrack.extract.langdata import LangData, VerbRule, country_of
from dualtrack.extract.layout import Layout
from dualtrack.extract.mentions import Mention, named_states
from dualtrack.extract.segment import Sentence
from dualtrack.model import DatePrecision
from dualtrack.ontology import Category

WEIGHTS = Path(__file__).with_name("weights") / "coder.npz"
CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)
_CATEGORY: tuple[Category, ...] = tuple(Category)  # in CATEGORIES order
ROLES = ("none", "actor", "target")
# The candidate dates of an event (`date_slots`): none, the rule coder's own date, the explicit
# day of its clause or sentence, the narrative's last full date before it, the document's date.
SLOTS = ("null", "rules", "clause", "last", "doc")
MODELS = ("category", "role", "anchor", "verify")
# Acts whose target is whom the statement is about or addressed to, often left implicit in the
# clause (中方要求高市撤回言论: of Japan); a material act has a target only where the text names
# one (benchmarks/real/GUIDE.md), so a rule draft of one without a target is given one only
# from the mentions of its own sentence.
SPEECH_ACTS = frozenset(
    Category(c) for c in ("ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONCEDE")
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+|[^\sa-z\d]")
_MASK_ACTOR = "Ⓐ"
_MASK_DATE = "Ⓓ"


# ---------------------------------------------------------------------------------- doc view


@dataclass
class Unit:
    """One clause of one sentence, with what the segmenter and the finders put in it."""

    sent: int
    start: int
    end: int
    mentions: list[Mention]  # of the whole sentence
    dates: list[DateMention]  # of the whole sentence


@dataclass
class DocView:
    """The shared analysis of one document that every component reads (normalised offsets)."""

    text: str
    lang: LangData
    sents: list[Sentence]
    mentions: list[Mention]
    dates: list[DateMention]
    kinds: dict[str, str]
    country: dict[str, str]
    doc_date: dt.date | None
    layout: Layout = field(default_factory=Layout)  # the title and lines of their own (layout.py)
    drafts: list[Draft] = field(default_factory=list)  # the rule coder's events
    triggers: list[Trigger] = field(default_factory=list)  # the verb rules' matches, all of them
    pair_refs: dict[int, tuple[str, ...]] = field(default_factory=dict)  # `Coder.pair_refs`
    _clause: dict[tuple[int, int], list[str]] = field(default_factory=dict, repr=False)
    _clause_rows: dict[tuple[int, str, int, int], tuple[Linear, set[int]]] = field(
        default_factory=dict, repr=False
    )
    _cues: dict[int, list[tuple[int, str, str]]] = field(default_factory=dict, repr=False)
    _ranks: dict[str | None, int] | None = field(default=None, repr=False)
    _parties: list[Mention] | None = field(default=None, repr=False)  # `doc_parties`, once
    _roles: dict[int, list[Mention]] = field(default_factory=dict, repr=False)  # by sentence
    _news: list[DateMention | None] = field(default_factory=list, repr=False)
    _recency: list[list[str]] | None = field(default=None, repr=False)  # `_news_cues`, by sentence
    _countries: dict[str, str] = field(default_factory=dict, repr=False)
    _index: _DraftIndex | None = field(default=None, repr=False)
    _backgrounds: dict[tuple[int, int], list[str]] = field(default_factory=dict, repr=False)
    _mention_starts: tuple[list[Mention], list[int]] | None = field(default=None, repr=False)

    def country_of(self, actor_id: str | None) -> str | None:
        """The country an actor id stands for (memoised: every feature of every party asks)."""
        if not actor_id:
            return None
        c = self._countries.get(actor_id)
        if c is None:
            c = country_of(self.country, actor_id).split(".", 1)[0]
            self._countries[actor_id] = c
        return c

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions starting in [lo, hi), by bisection over their starts (listed once per
        document, again if the list is replaced): the verifier's cues ask per draft reading."""
        ms = self.mentions
        if self._mention_starts is None or self._mention_starts[0] is not ms:
            self._mention_starts = (ms, [m.start for m in ms])
        starts = self._mention_starts[1]
        return ms[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def mention_at(self, pos: int) -> Mention | None:
        """The mention starting at `pos`, if any."""
        found = self.mentions_in(pos, pos + 1)
        return found[0] if found else None

    def clause_grams(self, u: Unit) -> list[str]:
        """The wording of the clause as features."""
        return ["c:" + g for g in self.clause_words(u)]

    def clause_words(self, u: Unit) -> list[str]:
        """The n-grams of the clause, masked, computed once per clause (the category model and
        the verifier both read them)."""
        key = (u.start, u.end)
        if key not in self._clause:
            self._clause[key] = _grams(_masked(self, u.start, u.end, u), self.lang.cjk)
        return self._clause[key]

    def word_rows(self, model: Linear, u: Unit, prefix: str = "c:") -> set[int]:
        """`model`'s rows of the clause's n-grams (its features `prefix` + n-gram), looked up
        once per clause and model (the verifier reads the clause of every draft in it, the date
        model of every event). Callers must not change the set."""
        key = (id(model), prefix, u.start, u.end)
        hit = self._clause_rows.get(key)
        if hit is None or hit[0] is not model:  # training reuses a view across fold models
            hit = self._clause_rows[key] = (model, model.rows_of(prefix, self.clause_words(u)))
        return hit[1]

    def drafts_in(self, u: Unit) -> list[Draft]:
        """The rule drafts whose trigger lies in the clause, in the drafts' order (callers
        must not change the list)."""
        return self.index().drafts_in(u.start, u.end)

    def index(self) -> _DraftIndex:
        """Where the drafts and triggers stand, built once per document (rebuilt if either
        list is replaced): every clause, draft and candidate asks which lie in its clause."""
        ix = self._index
        if ix is None or ix.drafts is not self.drafts or ix.triggers is not self.triggers:
            ix = self._index = _DraftIndex.build(self.drafts, self.triggers)
        return ix

    def units(self) -> list[Unit]:
        """The clauses of every sentence, each with the mentions and dates of its sentence
        (those that end after the sentence starts and start before it ends). Both lists are in
        text order, so a sentence's are a slice whose end is found by bisection over their
        starts, not by a scan of the rest of the document for each sentence."""
        out: list[Unit] = []
        mi = di = 0
        m_starts = [m.start for m in self.mentions]
        d_starts = [d.start for d in self.dates]
        for k, s in enumerate(self.sents):
            while mi < len(self.mentions) and self.mentions[mi].end <= s.start:
                mi += 1
            while di < len(self.dates) and self.dates[di].end <= s.start:
                di += 1
            ms = self.mentions[mi : bisect.bisect_left(m_starts, s.end, mi)]
            ds = self.dates[di : bisect.bisect_left(d_starts, s.end, di)]
            for cs, ce in s.clauses:
                out.append(Unit(k, cs, ce, ms, ds))
        return out


@dataclass
class _DraftIndex:
    """The rule drafts and the triggers that made none (`_bare_triggers`) of one document,
    sorted by offset, so that what lies in a clause is two bisections rather than a scan of the
    document (answers memoised per clause), and the categories of each sentence's drafts."""

    drafts: list[Draft]
    triggers: list[Trigger]
    starts: list[int]  # the drafts' trigger offsets, ascending
    order: list[int]  # the drafts' indices in that order
    bare_at: list[int]  # the bare triggers' offsets, ascending
    bare_cats: list[str]  # and their categories
    bare_gov: list[str]  # and their categories with whether a governing verb holds them
    bare_threatened: list[bool]  # whether a threat governs it (its content: `category_bars`)
    sent_cats: dict[int, set[str]]  # categories of the drafts, by sentence start
    _in: dict[tuple[int, int], list[Draft]] = field(default_factory=dict)
    _bare: dict[tuple[int, int, bool], list[str]] = field(default_factory=dict)

    @staticmethod
    def build(drafts: list[Draft], triggers: list[Trigger]) -> _DraftIndex:
        order = sorted(range(len(drafts)), key=lambda i: drafts[i].trigger.start)
        made = {d.trigger.start for d in drafts}
        governor = {id(c): t.rule.category for t in triggers for c in t.content}
        bare = sorted(
            (t.start, t.rule.category.value, id(t) in governor, governor.get(id(t)))
            for t in triggers
            if t.start not in made and not t.rule.speaker_acts
        )
        sent_cats: dict[int, set[str]] = {}
        for d in drafts:
            sent_cats.setdefault(d.sentence.start, set()).add(d.category.value)
        return _DraftIndex(
            drafts,
            triggers,
            [drafts[i].trigger.start for i in order],
            order,
            [b[0] for b in bare],
            [b[1] for b in bare],
            [f"{b[1]}|gov:{b[2]}" for b in bare],
            [b[3] is Category.THREATEN and b[1] != "THREATEN" for b in bare],
            sent_cats,
        )

    def drafts_in(self, start: int, end: int) -> list[Draft]:
        hit = self._in.get((start, end))
        if hit is None:
            lo = bisect.bisect_left(self.starts, start)
            hi = bisect.bisect_left(self.starts, end, lo)
            hit = self._in[start, end] = [self.drafts[i] for i in sorted(self.order[lo:hi])]
        return hit

    def unthreatened_in(self, start: int, end: int) -> set[str]:
        """The categories of the span's bare triggers that are not what a threat threatens."""
        lo = bisect.bisect_left(self.bare_at, start)
        hi = bisect.bisect_left(self.bare_at, end, lo)
        pairs = zip(self.bare_cats[lo:hi], self.bare_threatened[lo:hi], strict=True)
        return {c for c, threatened in pairs if not threatened}

    def bare_in(self, start: int, end: int, governed: bool = False) -> list[str]:
        """`bare:CAT` for each category of the span's bare triggers (`bare:CAT|gov:True` with
        `governed`, see `_bare_governed`)."""
        hit = self._bare.get((start, end, governed))
        if hit is None:
            lo = bisect.bisect_left(self.bare_at, start)
            hi = bisect.bisect_left(self.bare_at, end, lo)
            cats = (self.bare_gov if governed else self.bare_cats)[lo:hi]
            hit = self._bare[start, end, governed] = sorted({f"bare:{c}" for c in cats})
        return hit


def _masked(view: DocView, start: int, end: int, unit: Unit) -> str:
    """The span's text with actor names and dates replaced by one mark each, lower-cased."""
    spans = sorted(
        [(m.start, m.end, _MASK_ACTOR) for m in unit.mentions]
        + [(d.start, d.end, _MASK_DATE) for d in unit.dates]
    )
    out, pos = [], start
    for s, e, mark in spans:
        if e <= pos or s >= end:
            continue
        out.append(view.text[pos : max(pos, s)])
        out.append(mark)
        pos = max(pos, e)
    out.append(view.text[pos:end])
    return "".join(out).lower()


def _grams(text: str, cjk: bool) -> list[str]:
    if cjk:
        chars = "".join(text.split())  # the characters that are not white space
        return list(chars) + [chars[i : i + 2] for i in range(len(chars) - 1)]
    words = _WORD.findall(text)
    return words + [f"{a}_{b}" for a, b in pairwise(words)]


def clause_features(view: DocView, u: Unit) -> list[str]:
    """Wording of the clause (n-grams) and counts of what is in it. Not the wording of the rest
    of its sentence: on the real corpus those n-grams fitted the train split's sentences (dev
    F1 lower, weights twice the size)."""
    return view.clause_grams(u) + _clause_cues(view, u)


def clause_rows(view: DocView, u: Unit, model: Linear) -> set[int]:
    """`model`'s rows of `clause_features` (the n-grams looked up without their prefix)."""
    return model.rows(_clause_cues(view, u)) | view.word_rows(model, u)


def _clause_cues(view: DocView, u: Unit) -> list[str]:
    """What the clause holds: how many mentions, and the rule coder's events in it."""
    feats = []
    n = sum(1 for m in u.mentions if u.start <= m.start < u.end)
    feats.append(f"nment:{min(n, 3)}")
    feats.append(f"nsent:{min(len(u.mentions), 4)}")
    feats.append(f"first:{u.sent == 0}")
    for d in view.drafts_in(u):
        cat = d.category.value
        feats.append(f"rule:{cat}")
        feats.append(f"rule:{cat}|{d.mode}")
        feats += [f"rule:{cat}|{f}" for f in _flags(d)]
    sent_rules = view.index().sent_cats.get(view.sents[u.sent].start, ())
    feats += [f"srule:{c}" for c in sorted(sent_rules)]
    return feats + _bare_triggers(view, u) + _bare_governed(view, u)


def _bare_triggers(view: DocView, u: Unit) -> list[str]:
    """The categories of the clause's triggers that made no draft (`bare:ACCUSE`). Why: out of
    fold, four in ten gold events with no rule draft of their category had a trigger of it in
    their clause that the rules dropped (no actor found in the subject slot, read as a noun or
    as a governing verb's content); the clause's n-grams hold the word, but only this feature
    pools every wording of a category for the category model. A `speaker_acts` trigger (必须,
    "must", 违反) is not bare where it made none: the rules decided there is no act (no other
    party named, or the speaker's own side), they did not miss one. Memoised per clause (the
    clause's cues and its thresholds both ask; callers must not change the list)."""
    return view.index().bare_in(u.start, u.end)


def _bare_governed(view: DocView, u: Unit) -> list[str]:
    """Whether each bare trigger of the clause (`_bare_triggers`) is the content of a governing
    verb of its sentence (`bare:RETREAT|gov:True`: the truce in "urged a truce", 要求停火) or
    stands on its own (`gov:False`: mostly no actor found in its subject slot, or a noun). Why:
    out of fold (s30c), gold events of a category no rule draft and no clause-model bar caught
    had a trigger of it in their clause 225 times in 644; a content trigger is an event of its
    own less often than a lone one (the trained weights put `gov:False` above `gov:True` for
    every category but REJECT), and the pooled `bare:CAT` cue cannot tell them apart (CV
    4 folds 785 -> 790 hits, F1 0.389 -> 0.390; fixed-20 660 -> 664; the governor's category
    instead of the flag 789, the clause's mention count beside it 790 with more events)."""
    return view.index().bare_in(u.start, u.end, governed=True)


def _flags(d: Draft) -> list[str]:
    return [f for f in ("negated", "hypothetical", "conditional", "threatened") if getattr(d, f)]


def _left(view: DocView, m: Mention, lo: int) -> str:
    text = view.text[max(lo, m.start - 12) : m.start].lower()
    if view.lang.cjk:
        return text[-2:]
    words = _WORD.findall(text)
    return " ".join(words[-1:])


def _left_governor(view: DocView, m: Mention, lo: int) -> str | None:
    """The word before the mention's article ("by" in "by the Houthis", "on" in "on the
    island"), None where no article (`determiners`) stands right before it. Why: `_left` then
    sees only the article, which says nothing of the mention's role, where the preposition
    before it does (the agent of a passive or a noun, the object of an attack)."""
    rx = view.lang.mod.get("determiners_re")
    if rx is None:
        return None
    text = view.text[max(lo, m.start - 24) : m.start]
    hit = next((h for h in rx.finditer(text) if not text[h.end() :].strip()), None)
    if hit is None:
        return None
    words = _WORD.findall(text[: hit.start()].lower())
    return words[-1] if words else ""


def _right(view: DocView, m: Mention, hi: int) -> str:
    text = view.text[m.end : min(hi, m.end + 12)].lower()
    if view.lang.cjk:
        return text[:2]
    words = _WORD.findall(text)
    return " ".join(words[:1])


def crossed_with(cat: str, feats: Iterable[str]) -> list[str]:
    """The features as crossed with an event's category (`ASSAULT|where:in`), so that a model
    can weigh a cue differently for each category (`Linear.rows_crossed` looks them up)."""
    return [f"{cat}|{f}" for f in feats]


def role_features(view: DocView, u: Unit, cands: list[Mention], i: int, cat: str) -> list[str]:
    """Cues for one mention's role in an event of `cat`: where it stands, what surrounds it,
    each also crossed with the category."""
    base = _role_cues(view, u, cands, i, cat)
    return base + crossed_with(cat, base)


def role_rows(
    view: DocView, u: Unit, cands: list[Mention], i: int, cat: str, model: Linear
) -> set[int]:
    """`model`'s rows of `role_features` (the crossed cues looked up without their category)."""
    base = _role_cues(view, u, cands, i, cat)
    return model.rows_crossed(base, cat, base)


def _role_cues(view: DocView, u: Unit, cands: list[Mention], i: int, cat: str) -> list[str]:
    """The cues of `role_features` before they are crossed with the category."""
    m = cands[i]
    s = view.sents[u.sent]
    where = "in" if u.start <= m.start < u.end else ("before" if m.start < u.start else "after")
    if m.start < s.start:
        where = "prev"
    in_clause = [c for c in cands if u.start <= c.start < u.end]
    rank = next((k for k, c in enumerate(in_clause) if c is m), -1)
    left, right = _left(view, m, s.start), _right(view, m, s.end)
    gov = _left_governor(view, m, s.start)
    if isinstance(m, DocParty):
        where, left, right, gov = "doc", "", "", None
    kind = view.kinds.get(m.id, "state")
    base = [
        f"where:{where}",
        f"rank:{min(rank, 3)}",
        f"idx:{min(i, 4)}",
        f"last:{i == len(cands) - 1}",
        f"L:{left}",
        f"R:{right}",
        f"L1:{left[-1:]}",
        f"R1:{right[:1]}",
        f"kind:{kind}",
        f"loc:{m.locative}",
        f"pair:{len(m.ids) > 1}",
        f"sentstart:{m.start - s.start < 3}",
        f"nclause:{min(len(in_clause), 3)}",
    ]
    if gov is not None:
        base.append(f"Lgov:{gov}")
    c = view.country_of(m.id)
    base.append(f"sal:{_salience(view).get(c, 3)}")  # the document's own parties first
    acts_as = side(view, m.id)  # by side: the junta is not the rebels' role of their state
    for d in view.drafts_in(u):
        same = d.category == cat  # a StrEnum member equals its value
        for role, who in (("actor", d.actor), ("target", d.target), ("via", d.via)):
            if who and side(view, who) == acts_as:
                base.append(f"rule{'=' if same else '~'}:{role}")
    return base


def slot_features(
    view: DocView, u: Unit, cat: str, d: Draft | None, slots: Sequence[DateMention | None]
) -> list[str]:
    """Cues for which slot dates an event of `cat` in this clause (`d`: the rule coder's draft
    whose date is the 'rules' slot, if any): which slots exist and how far each lies before the
    document's date, which of them agree, where the rules' date was found (in the clause, the
    sentence, or carried from before), the background and tense cues, and the clause's wording.
    The wording fitted only noise with some 650 training events; with 1,493 (train and dev) it
    helps a little out of fold (--cv 4 strict F1 0.326 -> 0.331 with the tense cues,
    modality.yaml `tense`; each alone within a few hits of 0.326, as were crossing the
    slots' ages with the category, the paragraph, the language, each slot's distance to the
    trigger, and slots for the date nearest the trigger or the day before the report's). Whether
    the sentence reads as the report's news or a recap (`_news_cues`): --cv 4 864 -> 868 hits
    (1,872 -> 1,868 events), fixed-20 719 -> 730, seeds 3 of 4 up; the same act drafted in an
    earlier sentence as a recap cue added nothing (869 / 1,871). On m49 (870 / 1,870), none of
    these moved --cv 4 beyond noise: the news, background and tense cues crossed with the
    category (866), the neighbouring sentences' cues (868), a slot holding the document's most
    named day (868), the words next to the trigger (865), older dates and their precision in the
    sentence (871 / 1,870; seeds 2 of 4 down, fixed-20 729 -> 731), L2 1 or 10 (866, 869),
    undated events weighted 1.5 (865), th['redate'] 0.5 or 0.4 (870, 856), or letting a sure
    model replace a day of the sentence (870): the undated gold events it dates, it dates with
    p(null) under 0.3 (train_coder --dates). Of the ~95 events coded on another day whose gold day
    no slot held (m49b), about a third are headlines and leads whose day the body names later, a
    quarter a day named earlier but not as the last date (a deictic day before an absolute recap, a
    range's end, a caption), a sixth a week or month of the sentence; the rest a day of the sentence
    set aside (a plan, a quote) or no date the finder resolves. Slots added for them (m49b: 888 /
    1,914, fixed-20 736, seeds 883 874 877 870, dev 153 / 307), none raising the out-of-fold
    score: the day of a rule draft of the same category and actor's side in another sentence (888 /
    1,913; fixed-20 732; seeds 877 872 877 867; dev 154 / 307; no-slot 95 -> 96), the relative day
    named last before the clause (888 / 1,916; 728; 881 870 882 870; dev 158 / 302; no-slot 85), the
    week or month of the clause or sentence (885 / 1,920; 736; 875 869 874 868; dev 159 / 307;
    no-slot 81), of the clause only where it names no day (884 / 1,915; 733; 873 870 877 864; dev
    158 / 307; no-slot 83), both of the relative day and the sentence's week or month (885 / 1,919;
    731; 874 860 873 871; dev 155 / 304; no-slot 72). Dev rose with each (it is four crises); out of
    fold the few days gained were lost to events the new slot misdated (the relative day: undated
    gold events given a date 145 -> 154)."""
    return _slot_cues(view, u, cat, d, slots) + ["w:" + g for g in view.clause_words(u)]


def slot_rows(
    view: DocView,
    u: Unit,
    cat: str,
    d: Draft | None,
    slots: Sequence[DateMention | None],
    model: Linear,
) -> set[int]:
    """`model`'s rows of `slot_features` (the n-grams looked up without their prefix)."""
    return model.rows(_slot_cues(view, u, cat, d, slots)) | view.word_rows(model, u, "w:")


def _slot_cues(
    view: DocView, u: Unit, cat: str, d: Draft | None, slots: Sequence[DateMention | None]
) -> list[str]:
    """The cues of `slot_features` besides the clause's wording."""
    doc = view.doc_date
    base = [f"cat:{cat}", f"sent:{min(u.sent, 5)}", f"anydate:{bool(u.dates)}"]
    base.append(f"cday:{bool(day_dates(u, u.start, u.end))}")
    named = [
        (n, c.date) for n, c in zip(SLOTS[1:], slots[1:], strict=True) if c and c.date is not None
    ]
    base += [f"has:{n}" for n, _ in named]
    base += [f"{n}:{_ago(day, doc)}" for n, day in named if doc is not None]
    base += [f"same:{a}={b}" for (a, x), (b, y) in combinations(named, 2) if x == y]
    at = u.start
    if d is not None:
        at = d.trigger.start
        base += [f"flag:{f}" for f in _flags(d)]
        if d.date is not None and _resolved(d.date):
            base.append(f"rprec:{d.date.precision.value}")
            base.append(f"rfrom:{_found_in(view, u, d.date)}")
            base.append(f"rsince:{d.date.since}")
    return base + _background(view, u, at) + _news_cues(view, u.sent)


def _recent(day: dt.date, news: dt.date) -> bool:
    """Whether a day is the report's news day or next to it (the day before, two days before
    for a weekend's wire copy, or the day after)."""
    return -1 <= (news - day).days <= 2


def _news_cues(view: DocView, k: int) -> list[str]:
    """Whether sentence `k` reads as the report's news or a recap of history: its paragraph
    holds a day at or near the report's (`pnews:recent`), only older dates (`pnews:older`) or
    none; how many sentences ago a day near the report's was last named (`since:`); whether the
    last date named up to the sentence (a day, a month, a year) was recent or older (`lastd:`);
    and the share of the document's days that are near the report's (`share:`). Computed once
    per document (every event of every sentence asks)."""
    if view._recency is None:
        view._recency = _recency(view)
    return view._recency[k]


def _recency(view: DocView) -> list[list[str]]:
    """`_news_cues` of every sentence of the document."""
    nd = news_day(view)
    news = nd.date if nd is not None else None
    starts = [s.start for s in view.sents]
    per_sent: list[list[bool]] = [[] for _ in view.sents]  # recent?, per date named in it
    for d in view.dates:
        if d.date is None or d.dateline or d.range_end or news is None:
            continue
        if d.precision is DatePrecision.UNKNOWN or not starts:
            continue
        k = max(0, bisect.bisect_right(starts, d.start) - 1)
        day = d.precision is DatePrecision.DAY
        per_sent[k].append(day and _recent(d.date, news))
    days = [r for rs in per_sent for r in rs]
    share = "none" if not days else _share(sum(days) / len(days))
    paras: dict[int, set[bool]] = {}
    for s, rs in zip(view.sents, per_sent, strict=True):
        paras.setdefault(s.paragraph, set()).update(rs)
    out, seen, last = [], None, "none"
    for k, (s, rs) in enumerate(zip(view.sents, per_sent, strict=True)):
        if any(rs):
            seen = k
        if rs:
            last = "recent" if rs[-1] else "older"
        p = paras.get(s.paragraph, set())
        pn = "recent" if True in p else ("older" if p else "none")
        since = "never" if seen is None else str(min(k - seen, 4))
        out.append([f"pnews:{pn}", f"since:{since}", f"lastd:{last}", f"share:{share}"])
    return out


def _share(x: float) -> str:
    return "low" if x < 1 / 3 else ("high" if x > 2 / 3 else "mid")


def _resolved(d: DateMention | None) -> bool:
    return d is not None and d.date is not None and d.precision is not DatePrecision.UNKNOWN


def _ago(day: dt.date, doc: dt.date) -> str:
    """How long before the document's date a day is, in coarse bands."""
    n = (doc - day).days
    if n <= 1:
        return "future" if n < 0 else str(n)
    return "week" if n <= 7 else ("month" if n <= 31 else "older")


def _found_in(view: DocView, u: Unit, d: DateMention) -> str:
    """Where a date stands relative to the clause: in it, elsewhere in its sentence, or before
    the sentence (carried by the narrative, or the document's own date)."""
    s = view.sents[u.sent]
    if d.end <= d.start or d.start < s.start:
        return "carried"
    return "clause" if u.start <= d.start < u.end else "sentence"


def _background(view: DocView, u: Unit, at: int) -> list[str]:
    """The language's background cues (此前, "last year": modality.yaml `background`) and tense
    and aspect cues (已经, will: `tense`) in the sentence before the event's trigger (去年，中国海警
    曾…: in a clause of its own too) or after it, and which cues they are. Memoised per
    sentence and offset (a draft's readings and its date all ask; callers must not change it)."""
    hit = view._backgrounds.get((u.sent, at))
    if hit is None:
        out = []
        for start, tag, word in _sentence_cues(view, u.sent):
            where = "before" if start < at else "after"
            out += [f"{tag}:{where}", f"{tag}w:{word}"]
        hit = view._backgrounds[u.sent, at] = sorted(set(out))
    return hit


def _sentence_cues(view: DocView, k: int) -> list[tuple[int, str, str]]:
    """(offset, tag, lower-cased cue) of the background and tense cues of sentence `k`, found
    once per sentence (every draft and date of the sentence asks)."""
    found = view._cues.get(k)
    if found is None:
        s = view.sents[k]
        found = []
        for key, tag in (("background", "bg"), ("tense", "tn")):
            rx = view.lang.mod.get(f"{key}_re")
            if rx is not None:
                found += [
                    (m.start(), tag, m.group().lower())
                    for m in rx.finditer(view.text, s.start, s.end)
                ]
        view._cues[k] = found
    return found


@dataclass(frozen=True)
class Fill:
    """How a target the rules did not find was filled (`readings`): the role model's
    probability of it, how many other countries were eligible too (one other country in the
    sentence, the boats' country beside the coast guard's, is rarely the wrong one; several
    are), where the mention stands (its clause, elsewhere in its sentence, or before it), and
    the role it fills (`how`): the target the rules did not find, or the actor, the rules' actor
    then being the target (a request drafted with the side that was asked as its actor)."""

    p: float
    rivals: int
    where: str
    how: str = "target"
    rank: int = 0  # 0: the likeliest candidate; 1: the likeliest of another country after it
    odds: str = ""  # an actor filled: its role probability beside the rules' actor's (`_odds`)
    # a target filled with one name of a list (沙特、卡塔尔和阿曼): the other members' ids
    more: tuple[str, ...] = ()


def draft_features(view: DocView, u: Unit, d: Draft, filled: Fill | None = None) -> list[str]:
    """Cues for whether a rule coder's event is right: its category, mode and flags, who its
    parties are (`filled`: how the role model found a target the rules did not), and the
    wording of its clause (not of the rest of its sentence, as `clause_features`)."""
    plain, crossed = _draft_cues(view, u, d, filled)
    return plain + crossed_with(d.category.value, crossed) + view.clause_grams(u)


def draft_rows(view: DocView, u: Unit, d: Draft, model: Linear, filled: Fill | None) -> set[int]:
    """`model`'s rows of `draft_features` (the n-grams and the crossed cues looked up without
    their prefix)."""
    plain, crossed = _draft_cues(view, u, d, filled)
    return model.rows_crossed(plain, d.category.value, crossed) | view.word_rows(model, u)


def _draft_cues(
    view: DocView, u: Unit, d: Draft, filled: Fill | None
) -> tuple[list[str], list[str]]:
    """The draft's own cues (what draft_features reads besides the wording): those read as
    they are, and those also crossed with its category."""
    cat = d.category.value
    base = [
        f"cat:{cat}",
        f"filled:{None if filled is None else min(int(filled.p * 5), 4)}",
        f"mode:{d.mode}",
        f"target:{d.target is not None}",
        f"via:{d.via is not None}",
        f"akind:{view.kinds.get(d.actor, 'state')}",
        f"tkind:{view.kinds.get(d.target, 'state') if d.target else None}",
        f"sent:{min(u.sent, 6)}",
        f"dated:{d.date is not None and d.date.date is not None}",
        f"subj:{d.subject_start is not None and d.subject_start < u.start}",
        f"sameclause:{sum(1 for o in view.drafts_in(u) if o is not d)}",
        f"nment:{min(sum(1 for m in u.mentions if u.start <= m.start < u.end), 3)}",
        f"prev:{_trigger_before(view, d)}",
        *(f"flag:{f}" for f in _flags(d)),
        *_trigger_pattern(d),
        f"told_by_target:{_told_by_target(view, d)}",
        f"reported:{_reported(view, d)}",
    ]
    parties = _party_cues(view, u, d)
    plain = [*base, *parties, *_background(view, u, d.trigger.start)]
    crossed = [*base[1:], *parties]
    if filled is None:
        return plain, crossed
    # not crossed with the category (too few filled readings of each), but for the role filled
    how = f"fillhow:{filled.how}"
    plain += [f"fillrivals:{min(filled.rivals, 2)}", f"fillwhere:{filled.where}", how]
    plain.append(f"fillrank:{filled.rank}")
    if filled.odds:
        plain.append(f"fillodds:{filled.odds}")
    crossed.append(how)
    return plain, crossed


def _trigger_pattern(d: Draft) -> list[str]:
    """The pattern of the verb rule that made the draft (none for a learned event). Why: out of
    fold, a draft with the right parties and the wrong category was often made by a pattern whose
    drafts are rarely right (a word inside the name of a mission or an organisation, a noun or
    an adjective read as a verb); the category alone pools every pattern of it (CV 774 -> 775
    hits, fixed-20 652 -> 655). The trigger's neighbouring words beside it lost (772 hits)."""
    src = d.trigger.rule.source
    return [] if src == "learned" else [f"pat:{src}"]


def _told_by_target(view: DocView, d: Draft) -> bool:
    """Whether the draft's act is told in the words of its target's side: a speech verb before
    the trigger in its sentence whose speaker (the last party named before it) is of the
    target's country. Why: out of fold, an act told by the side it was aimed at (a leader
    posting that the rebels attacked his country's ships, a minister saying the rival plans
    attacks on his cities) was often gold as the teller's ACCUSE, not the act (CV 782 -> 785
    hits, fixed-20 657 both; the speaker as actor's, target's or another's side: 787, fixed-20
    652; target's side, another's, or no speech verb: 782)."""
    rx = view.lang.mod.get("speech_re")
    s = d.sentence
    if rx is None or not d.target:
        return False
    said = list(rx.finditer(view.text, s.start, d.trigger.start))
    if not said:
        return False
    at = said[-1].start()
    named = [m for m in view.mentions_in(s.start, at) if m.end <= at]  # by bisection
    c = view.country_of(named[-1].id) if named else None
    return c is not None and c == view.country_of(d.target) != view.country_of(d.actor)


def _reported(view: DocView, d: Draft) -> str:
    """Whether the draft's actor is the speaker of a statement that holds its trigger (its
    subject right before a speech verb of the sentence, the trigger after that verb), and
    whether a party of another country stands between the verb and the trigger (the reported
    act's own subject): 'no', 'self' or 'other'. Why: in "SOURCE said OTHER did X" (南韩军方表示，
    朝鲜…发射) a reading with the source of the report as the actor is wrong for a reported
    attack, right for the speaker's own accusation or threat (crossed with the category). A
    party right after a target or comitative preposition (对秘鲁实施制裁) is the verb's object, not
    the reported subject (`_governed`). Out of fold (s31s), such readings with another party
    between were 41 wrong and 32 right of 2,851 events, so a cue, not a rule: CV 4 folds 798 ->
    800 hits (F1 0.3950 -> 0.3957), fixed-20 666 -> 667; without `_governed` 799; the speaker
    as a role-model feature instead lost (791 to 796 hits)."""
    if d.subject_start is None:
        return "no"
    s = d.sentence
    m = view.mention_at(d.subject_start)
    rx = view.lang.mod.get("speech_re")
    if m is None or rx is None or not s.start <= m.start < d.trigger.start:
        return "no"
    gap = 12 if view.lang.cjk else 40
    c = view.country_of(d.actor)
    for hit in rx.finditer(view.text, m.end, min(d.trigger.start, m.end + gap + 12)):
        if hit.start() - m.end > gap or hit.end() > d.trigger.start:
            break
        if view.mentions_in(m.end, hit.start()):
            break
        between = view.mentions_in(hit.end(), d.trigger.start)
        subjects = (x for x in between if not _governed(view, hit.end(), x))
        return "other" if any(view.country_of(x.id) != c for x in subjects) else "self"
    return "no"


def _governed(view: DocView, lo: int, m: Mention) -> bool:
    """Whether a target or comitative preposition (对, 向, 与, against) ends right before the
    mention, or before its article ("against the Houthis"): it is the object of the verb after
    it (对秘鲁实施制裁), not a subject. English prepositions are words, so the look-back is a
    few words long, not a few characters."""
    det = view.lang.mod.get("determiners_re")
    at = max(lo, m.start - (6 if view.lang.cjk else 24))
    for key in ("target_preps_re", "comitative_preps_re"):
        rx = view.lang.mod.get(key)
        for h in () if rx is None else rx.finditer(view.text, at, m.start):
            gap = view.text[h.end() : m.start].strip()
            if h.end() >= m.start - 1 or (det is not None and det.fullmatch(gap)):
                return True
    return False


def _trigger_before(view: DocView, d: Draft) -> str | None:
    """The category of the last governing trigger (a speech act, an appeal, a threat) before the
    draft's own in its sentence (None: there is none). Why: out of fold, the commonest wrong
    categories with the right parties were an act told as another's content: a withdrawal urged
    ("urged X to withdraw": REQUEST, coded as X's RETREAT), an attack condemned (ACCUSE, coded
    as ASSAULT); crossed with the draft's category the verifier can learn which pairs are
    content."""
    lo = d.sentence.start
    prev = None
    for t in view.triggers:
        if t.start >= d.trigger.start:
            break
        if t.start >= lo and t.rule.governs:
            prev = t.rule.category.value
    return prev


def _party_cues(view: DocView, u: Unit, d: Draft) -> list[str]:
    """Who the draft's parties are in the document and where they stand: how prominent each
    party's country is among the document's mentions (a mediator, a host or a bystander named
    once is rarely a party of the events the article codes: out of fold, a third of the
    spurious events had such a party), on which side of the trigger the actor and the target
    stand (a reversed reading has them the other way round), whether both are of one country
    (a state and the rebels it fights: rarer, and mostly in the crises of such wars). Crossed
    with the category by the caller, which adds the background cues of the sentence (此前,
    "since 2023": history recalled, not news)."""
    ranks = _salience(view)
    a, t = view.country_of(d.actor), view.country_of(d.target)
    at = d.trigger.start
    s = view.sents[u.sent]
    near = [
        m.start for m in u.mentions if s.start <= m.start < s.end and view.country_of(m.id) == t
    ]
    t_before = min(near, key=lambda x: abs(x - at)) < at if near and t else None
    out = [
        f"arank:{ranks.get(a, 3)}",
        f"trank:{ranks.get(t, 3) if t else None}",
        f"apos:{None if d.subject_start is None else d.subject_start < at}",
        f"tpos:{t_before}",
        f"intra:{a is not None and a == t}",
    ]
    return out


def _salience(view: DocView) -> dict[str | None, int]:
    """Each country's rank (0: most named) by how often the document names it (ties: first
    named first), capped at 3; computed once per document."""
    if view._ranks is None:
        counts: dict[str | None, int] = {}
        for m in view.mentions:
            c = view.country_of(m.id)
            counts[c] = counts.get(c, 0) + 1
        order = sorted(counts, key=lambda c: -counts[c])
        view._ranks = {c: min(i, 3) for i, c in enumerate(order)}
    return view._ranks


# ---------------------------------------------------------------------------------- models


@dataclass
class Linear:
    """A logistic regression over a string-feature vocabulary: `classes` columns (one-vs-rest
    when `multilabel`, softmax otherwise)."""

    vocab: dict[str, int]
    weights: np.ndarray  # (len(vocab) + 1, n_classes); the last row is the bias
    multilabel: bool
    _prefixed: dict[str, dict[str, int]] = field(default_factory=dict, repr=False, compare=False)
    _names: list[str] = field(default_factory=list, repr=False, compare=False)  # sorted vocab

    def rows(self, feats: Iterable[str]) -> set[int]:
        """The vocabulary rows of `feats` (a feature the model never saw has none)."""
        return _found(map(self.vocab.get, feats))

    def rows_of(self, prefix: str, grams: Iterable[str]) -> set[int]:
        """`rows(prefix + g for g in grams)` without building the prefixed strings."""
        return _found(map(self._table(prefix).get, grams))

    def rows_crossed(self, feats: Iterable[str], cat: str, crossed: Iterable[str]) -> set[int]:
        """`rows(chain(feats, crossed_with(cat, crossed)))` without building the crossed
        strings: the cues of a role candidate or a draft reading are looked up plain and again
        as crossed with the category, and the strings of the second lookup are the first's
        (hashed once, `_table`)."""
        return _found(chain(map(self.vocab.get, feats), map(self._table(cat + "|").get, crossed)))

    def _table(self, prefix: str) -> dict[str, int]:
        """The vocabulary's features that start with `prefix`, keyed without it (built once per
        prefix). Why from the sorted features: those with a prefix are one run of them, found by
        bisection; a test of every feature for each of the some 35 prefixes (a category crossed
        with the role or the verifier model) cost about 2% of the instructions of 295 articles."""
        table = self._prefixed.get(prefix)
        if table is None:
            if not self._names:
                self._names = sorted(self.vocab)
            names, n = self._names, len(prefix)
            lo = bisect.bisect_left(names, prefix)
            hi = bisect.bisect_left(names, prefix[:-1] + chr(ord(prefix[-1]) + 1), lo)
            table = {f[n:]: self.vocab[f] for f in names[lo:hi]}
            self._prefixed[prefix] = table
        return table

    def scores_many(self, rows: Sequence[set[int]]) -> np.ndarray:
        """The probabilities of many feature sets at once, one row each. Each set's weights are
        summed in ascending row order and the bias added last, as one set at a time would, so
        batching changes no bit of a score (np.add.reduceat adds a segment's rows in order).
        The sets are sorted all at once: each row keyed by its set's number times the
        vocabulary's size, one np.sort, the key's remainder the row."""
        sizes = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        z = np.zeros((len(rows), self.weights.shape[1]))
        full = np.flatnonzero(sizes)
        if len(full):
            n = self.weights.shape[0]
            flat = np.fromiter(chain.from_iterable(rows), dtype=np.intp, count=int(sizes.sum()))
            flat = np.sort(flat + np.repeat(np.arange(len(rows)) * n, sizes)) % n
            starts = np.zeros(len(full), dtype=np.intp)
            np.cumsum(sizes[full[:-1]], out=starts[1:])
            z[full] = np.add.reduceat(self.weights[flat], starts, axis=0)
        z += self.weights[-1]
        if self.multilabel:
            return 1.0 / (1.0 + np.exp(-z))
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)


def _found(rows: Iterable[int | None]) -> set[int]:
    found = set(rows)
    found.discard(None)
    return found  # type: ignore[return-value]


@dataclass
class Models:
    category: Linear
    role: Linear
    anchor: Linear
    verify: Linear
    thresholds: dict[str, float]


def to_bytes(models: Models) -> bytes:
    """The weights file's bytes (np.savez writes no timestamps: same arrays, same bytes)."""
    arrays: dict[str, np.ndarray] = {}
    for name in MODELS:
        lin: Linear = getattr(models, name)
        names = sorted(lin.vocab, key=lin.vocab.__getitem__)
        arrays[f"{name}_vocab"] = np.array(names, dtype=np.str_)
        arrays[f"{name}_w"] = lin.weights.astype(np.float32)
        arrays[f"{name}_multilabel"] = np.array(lin.multilabel)
    keys = sorted(models.thresholds)
    arrays["threshold_keys"] = np.array(keys, dtype=np.str_)
    arrays["threshold_values"] = np.array([models.thresholds[k] for k in keys], dtype=np.float64)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


def differences(old: bytes, new: bytes, atol: float = 1e-3) -> list[str]:
    """Where two weights files (`to_bytes`) differ by more than `atol`, one line each; empty
    where they agree. Why a tolerance: the fits run to convergence, and what is left between
    two machines is their arithmetic (another BLAS kernel sums in another order): retrained
    under OpenBLAS's Sandybridge kernel instead of Haswell, no weight moved by more than
    1e-4 and no threshold moved, where a vocabulary, a shape or a threshold step of the grid
    is a real difference."""
    with np.load(io.BytesIO(old), allow_pickle=False) as a, np.load(io.BytesIO(new)) as b:
        if sorted(a.files) != sorted(b.files):
            return [f"arrays {sorted(a.files)} != {sorted(b.files)}"]
        out = []
        for k in sorted(a.files):
            x, y = a[k], b[k]
            if x.shape != y.shape or x.dtype.kind != y.dtype.kind:
                out.append(f"{k}: shape {x.shape} {x.dtype} != {y.shape} {y.dtype}")
            elif x.dtype.kind != "f":
                if not np.array_equal(x, y):
                    out.append(f"{k}: {int((x != y).sum())} of {x.size} entries differ")
            elif x.size and (gap := float(np.abs(x - y).max())) > atol:
                out.append(f"{k}: largest difference {gap:.3g} > {atol:g}")
        return out


def load(path: Path = WEIGHTS) -> Models:
    with np.load(path, allow_pickle=False) as z:

        def lin(name: str) -> Linear:
            vocab = {str(f): i for i, f in enumerate(z[f"{name}_vocab"])}
            w = z[f"{name}_w"].astype(np.float64)
            return Linear(vocab, w, bool(z[f"{name}_multilabel"]))

        th = dict(
            zip(map(str, z["threshold_keys"]), map(float, z["threshold_values"]), strict=True)
        )
        return Models(*(lin(name) for name in MODELS), th)


@cache
def packaged() -> Models | None:
    """The committed weights, or None where the package ships none."""
    return load(WEIGHTS) if WEIGHTS.is_file() else None


# ---------------------------------------------------------------------------------- decoding


@dataclass
class Proposal:
    """An event the statistical components propose for one clause (dated with all others by
    `date_events`)."""

    unit: Unit
    category: Category
    actor: Mention
    target: Mention | None
    confidence: float


def role_candidates(view: DocView, units: Sequence[Unit], k: int) -> list[Mention]:
    """Mentions that may fill a role of an event in unit `k`: those of its sentence with the
    parties its 双方 / both sides stand for (`pair_parties`), the first of the sentence before (a
    subject carried over: 他说, the minister said), and the last subject the rules named in its
    paragraph (强调…, added that …, several sentences on). A two-party name (中印, 美伊) is a
    candidate for each of its parties (`each_party`): either may be the actor or the target.
    Last, the document's two most named states that none of these stands for (`doc_parties`).
    Everything here is of the unit's sentence, so its clauses share one list (callers must not
    change it), found once per sentence."""
    u = units[k]
    hit = view._roles.get(u.sent)
    if hit is not None:
        return hit
    own = sorted([*u.mentions, *pair_parties(view, u)], key=lambda m: m.start)
    if u.sent > 0:
        j = k - 1
        while j >= 0 and units[j].sent >= u.sent:  # the clauses of its own sentence before it
            j -= 1
        prev = units[j] if j >= 0 and units[j].sent == u.sent - 1 else None
        if prev is not None and prev.mentions:
            own = [prev.mentions[0], *own]
    carried = carried_subject(view, u)
    if carried is not None and all(m.start != carried.start for m in own):
        own = [carried, *own]
    out = each_party(own)
    view._roles[u.sent] = out = out + doc_parties(view, out)
    return out


@dataclass
class DocParty(Mention):
    """One of the two states a document is mostly about, offered as a role candidate of a
    clause that names no mention of it (placed at its first mention in the document)."""


def doc_parties(view: DocView, cands: Sequence[Mention]) -> list[Mention]:
    """The two states the document names most (`named_states`) that no candidate of the clause
    stands for. Why: the party a statement answers or warns is often only the article's other
    side, named sentences before (we will respond; this is a violation of our sovereignty): out
    of fold, of the gold events whose target's country was no candidate of their clauses, two
    thirds had the document's most named other state as target."""
    if view._parties is None:
        top = named_states(view.mentions, lambda i: view.kinds.get(i, "state") == "state")[:2]
        view._parties = [
            DocParty(first.start, first.end, (sid,))
            for sid, _ in top
            for first in [next(m for m in view.mentions if m.id == sid and len(m.ids) == 1)]
        ]
    have = {view.country_of(m.id) for m in cands}
    out: list[Mention] = []
    for p in view._parties:
        c = view.country_of(p.id)
        if c not in have:
            have.add(c)
            out.append(p)
    return out


def each_party(ms: Sequence[Mention]) -> list[Mention]:
    """The mentions with each two-party mention (ids (A, B)) followed by its twin (B, A), so that
    the country a candidate stands for (its first id) is each party in turn."""
    out: list[Mention] = []
    for m in ms:
        out.append(m)
        if len(m.ids) == 2:
            out.append(Mention(m.start, m.end, (m.ids[1], m.ids[0]), m.locative))
    return out


def pair_parties(view: DocView, u: Unit) -> list[Mention]:
    """双方 / 两国 / both sides / the two countries (`pair_pronouns`) in the unit's sentence, each
    as a two-party mention of whom it stands for: where a speaker or caller governs it ("X
    urged both sides"), the rule coder's reading (`DocView.pair_refs`: the pair without X);
    else the actor and target of the last rule draft before it whose parties are two countries
    (as the rule coder reads them), else the two states the document has named most often
    before it; none right after a two-party name (中印两国), which names them itself. Their
    events (双方同意停火, the two sides agreed) otherwise have no candidate of either party."""
    rx = view.lang.mod.get("pair_pronouns_re")
    s = view.sents[u.sent]
    if rx is None:
        return []
    named = {m.end for m in u.mentions if len(m.ids) == 2}  # 中印两国: the pair names them
    out: list[Mention] = []
    for hit in rx.finditer(view.text, s.start, s.end):
        if hit.start() in named:
            continue
        ids = view.pair_refs.get(hit.start()) or _last_pair(view, hit.start())
        if ids is not None:
            out.append(Mention(hit.start(), hit.end(), ids))
    return out


def _last_pair(view: DocView, pos: int) -> tuple[str, str] | None:
    """The two parties that a pair pronoun at `pos` refers back to (`pair_parties`)."""
    best: Draft | None = None
    for d in view.drafts:
        if (
            d.trigger.start < pos
            and d.actor
            and d.target
            and view.country_of(d.actor) != view.country_of(d.target)
            and (best is None or d.trigger.start > best.trigger.start)
        ):
            best = d
    if best is not None:
        assert best.actor and best.target
        return best.actor, best.target
    top = named_states(view.mentions, lambda i: view.kinds.get(i, "state") == "state", pos)
    return (top[0][0], top[1][0]) if len(top) >= 2 else None


def carried_subject(view: DocView, u: Unit) -> Mention | None:
    """The mention the rule coder last took as an explicit subject in the unit's paragraph,
    before the unit's sentence."""
    s = view.sents[u.sent]
    para = s.paragraph
    starts = {
        d.subject_start
        for d in view.drafts
        if d.subject_start is not None
        and d.subject_start < s.start
        and d.sentence.paragraph == para
    }
    if not starts:
        return None
    return view.mention_at(max(starts))


def clause_date(view: DocView, u: Unit) -> DateMention | None:
    """The explicit day of the clause, else of its sentence."""
    s = view.sents[u.sent]
    own = day_dates(u, u.start, u.end) or day_dates(u, s.start, s.end)
    return own[0] if own else None


def day_dates(u: Unit, lo: int, hi: int) -> list[DateMention]:
    return [
        d
        for d in u.dates
        if lo <= d.start < hi
        and d.date is not None
        and not d.dateline
        and not d.range_end
        and d.precision is DatePrecision.DAY
    ]


def calibrated(p: float, th: dict[str, float], category: str | None = None) -> float:
    """The model's probability mapped so that it matches how often such events of `category`
    were right on crises the model had not seen: Platt scaling with an offset per category
    (th['calib_b:ASSAULT']; none: the common map), fitted by scripts/train_coder.py `calibrate`
    on the events of the fresh dev crises (annotated after the language data was written, never
    read to write it). Why per category: one map left some categories right far less often than
    their confidence said and others more often. Why the fresh crises: out of fold, the other
    crises' events are right more often than an unseen crisis's (their misses taught the rules)."""
    p = min(max(p, 1e-4), 1 - 1e-4)
    z = th.get("calib_a", 1.0) * np.log(p / (1 - p)) + th.get("calib_b", 0.0)
    z += th.get(f"calib_b:{category}", 0.0)
    return float(1.0 / (1.0 + np.exp(-z)))


def last_dates(view: DocView, units: list[Unit], doc_date: DateMention | None) -> list:
    """The narrative's day before each unit's sentence: the last full date mentioned before it
    (first: the document's)."""
    out, last = [], doc_date
    for k, u in enumerate(units):
        s = view.sents[u.sent]
        if u.start == s.start and k:
            for d in units[k - 1].dates:
                if (
                    d.end <= s.start
                    and d.date is not None
                    and d.precision is DatePrecision.DAY
                    and not d.range_end
                    and not d.aside
                ):
                    last = d
        out.append(last)
    return out


def propose(view: DocView, models: Models) -> list[Draft]:
    """Events of the document: the rule coder's drafts that the verifier accepts (its
    probability, calibrated, is their confidence), plus the statistical components' own
    events (a clause's likely category, its most likely actor and target) where the rules have
    no event of that category in the sentence; all of them dated at the end by the date model
    (`date_events`)."""
    units = view.units()
    lasts = last_dates(view, units, news_day(view))  # as in training: the report's own day
    th = models.thresholds
    out = verified(view, models, units)
    have = {(d.sentence.start, d.category) for d in out}
    cands = [role_candidates(view, units, k) for k in range(len(units))]
    asked = [
        (k, cat, p)
        for k, cat, p in likely_categories(view, models, units, cands)
        if (view.sents[units[k].sent].start, cat) not in have
    ]
    picked = pick_roles(view, models, [(units[k], cands[k], cat.value) for k, cat, _ in asked])
    found = [(*a, roles) for a, roles in zip(asked, picked, strict=True) if roles is not None]
    for k, cat, p, (actor, target, p_roles) in found:
        conf = calibrated(p * p_roles, th, cat.value)
        actors = [x for a in each_member(actor) for x in listed_with(view, units[k], a)]
        targets = (
            [x for t in each_member(target) for x in listed_with(view, units[k], t)]
            if target is not None
            else [None]
        )
        for a in actors:
            for tg in targets:
                if tg is None or side(view, tg.id) != side(view, a.id):
                    out.append(to_draft(Proposal(units[k], cat, a, tg, conf), view))
    return date_events(view, models, units, lasts, out)


def each_member(m: Mention) -> list[Mention]:
    """A two-party mention (中印, 双方, both sides) as one mention of each party. Why: a role
    filled by both parties is an act of each (GUIDE: each participant its own event): 敦促双方
    克制 / urging both sides asks each of them; with the pair as actor and its twin as target
    (双方交火, the two sides traded fire) each party acts on the other, both directions."""
    if len(m.ids) < 2:
        return [m]
    return [Mention(m.start, m.end, (i,), m.locative) for i in dict.fromkeys(m.ids)]


def listed_with(view: DocView, u: Unit, m: Mention) -> list[Mention]:
    """`m` and the names listed with it in its clause (德国、芬兰和丹麦, Britain, France and
    Germany): each member of a list does the act on its own (GUIDE: a joint strike gives each
    state its own ASSAULT), so a proposal for one member is one for each."""
    run = listed_run(view, u, m)
    out, seen = [m], {view.country_of(m.id)}
    for x in (x for x in run if not x.locative):
        c = view.country_of(x.id)
        if c not in seen:
            seen.add(c)
            out.append(x)
    return out


def listed_run(view: DocView, u: Unit, m: Mention) -> list[Mention]:
    """The names of the clause joined with `m` into one list (`coordination` words between
    them), places included, in order; none where `m` is not a one-party name of the clause."""
    joiner = view.lang.mod.get("coordination_re")
    ms = sorted(
        (x for x in u.mentions if u.start <= x.start < u.end and len(x.ids) == 1),
        key=lambda x: x.start,
    )
    at = next((i for i, x in enumerate(ms) if (x.start, x.end) == (m.start, m.end)), None)
    if joiner is None or at is None or len(m.ids) != 1:
        return []

    def joined(a: Mention, b: Mention) -> bool:  # matched in place: "," needs the name before
        gap = view.text[a.end : b.start]
        if not gap.strip() or len(gap) > 12:
            return False
        rest = list(gap)
        for j in joiner.finditer(view.text, a.end, b.start):
            rest[j.start() - a.end : j.end() - a.end] = " " * (j.end() - j.start())
        return not "".join(rest).strip()

    lo, hi = at, at
    while lo > 0 and joined(ms[lo - 1], ms[lo]):
        lo -= 1
    while hi + 1 < len(ms) and joined(ms[hi], ms[hi + 1]):
        hi += 1
    return ms[lo : hi + 1]


def likely_categories(
    view: DocView, models: Models, units: list[Unit], cands: list[list[Mention]]
) -> list[tuple[int, Category, float]]:
    """(unit, category, probability) of each category the model finds likely enough in a
    clause that has mentions to fill its roles, in the order of the clauses."""
    live = [k for k in range(len(units)) if cands[k]]
    lin = models.category
    scored = lin.scores_many([clause_rows(view, units[k], lin) for k in live])
    base = base_bars(models.thresholds)
    bars = np.tile(base, (len(live), 1))  # a clause's own only where a trigger of it is bare
    for row, k in enumerate(live):
        if _bare_triggers(view, units[k]):
            bars[row] = category_bars(view, units[k], models.thresholds, base)
    rows, cols = np.nonzero(scored >= bars)  # clause by clause, categories in order
    return [
        (live[r], _CATEGORY[c], float(scored[r, c]))
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True)
    ]


def category_threshold(th: dict[str, float], category: str) -> float:
    """The clause probability from which the model adds an event of `category`: its own
    threshold (`category:CONSULT`) where the weights have one, else th['category']. Why: out of
    fold the added events of most categories were right one time in seven or fewer, those of
    some (talks, support) nearly half the time."""
    return th.get(f"category:{category}", th["category"])


def base_bars(th: dict[str, float]) -> np.ndarray:
    """`category_threshold` of every category, in CATEGORIES order."""
    return np.array([category_threshold(th, c) for c in CATEGORIES])


def category_bars(
    view: DocView, u: Unit, th: dict[str, float], base: np.ndarray | None = None
) -> np.ndarray:
    """Each category's threshold in clause `u`: `category_threshold`, or th['category_bare']
    where it is lower and a trigger of the category in the clause made no draft
    (`_bare_triggers`). Why: most categories' added events were too often wrong to be added at
    all, but where the rules found the category's verb and dropped it (no actor in the subject
    slot, read as a noun or as a governing verb's content), the clause model's event was right
    about one time in four out of fold, near the verifier's own rate (CV 0.369 -> 0.376). Not
    for what a threat threatens (`_DraftIndex.unthreatened_in`: the strike in "ready to strike
    Iran" is the threat's content, and the guide codes a threat as THREATEN): the demo's case
    read an army's readiness to strike as an ASSAULT at 0.15 that set the brief's rung (CV 907
    -> 906 hits, 1,910 -> 1,907 events; eleven fresh crises 221 -> 220, 642 -> 641; the five
    newer ones 115 / 358 both)."""
    bars = (base_bars(th) if base is None else base).copy()  # `base`: computed once per document
    bare = th.get("category_bare")
    if bare is not None:
        for cat in view.index().unthreatened_in(u.start, u.end):
            ci = CATEGORIES.index(cat)
            bars[ci] = min(bars[ci], bare)
    return bars


def verified(view: DocView, models: Models, units: list[Unit]) -> list[Draft]:
    """The rule coder's drafts that the verifier accepts (`chosen` readings), its calibrated
    probability their confidence (all drafts of the document scored at once); a reading kept
    with a target filled from a list brings the same act on each other member of the list
    (`fill_members`)."""
    th = models.thresholds
    starts = [u.start for u in units]
    rows: list[set[int]] = []
    options: list[tuple[int, Draft, Fill | None]] = []  # (draft, reading, how it was filled)
    read_all = readings(view, models, units, view.drafts)
    for n, (d, read) in enumerate(zip(view.drafts, read_all, strict=True)):
        k = unit_of(starts, d)
        for c, filled in read:
            rows.append(draft_rows(view, units[k], c, models.verify, filled))
            options.append((n, c, filled))
    scores = models.verify.scores_many(rows)
    scored = [(*o, float(pc[0])) for o, pc in zip(options, scores, strict=True)]
    out: list[Draft] = []
    for p, d, filled in chosen(scored, th):
        if p >= verify_threshold(th, d.category.value):
            out.append(d.but(confidence=calibrated(p, th, d.category.value)))
            more = filled.more if filled else ()
            out += [d.but(target=x, confidence=out[-1].confidence) for x in more]
    return out


def chosen(
    scored: Sequence[tuple[int, Draft, Fill | None, float]], th: dict[str, float]
) -> list[tuple[float, Draft, Fill | None]]:
    """The readings of each draft (its number, the reading, how it was filled, the verifier's
    probability) that may become events, with how each was filled: the likeliest one (a filled one
    only from th['fill_verify']), and, beside a likelier other reading, the one with the role
    model's first target where the verifier gives it at least th['fill_both'] (none without that
    threshold in the weights). Why: out of fold, of the gold events lost with a rule draft of theirs
    without a target, about twenty had that reading scored 0.3 to 0.95 and lost to the reversed one
    (the filled party as actor, `readings`), which the verifier likes for the same two parties
    (often each side accuses or threatens the other in one article); keeping both where it is sure
    of the first: CV 4 folds 801 -> 805 hits (1817 -> 1831 events), fixed-20 669 -> 673 (at 0.5 /
    0.6 / 0.8: 807 / 806 / 802 hits, 1849 / 1842 / 1823 events)."""
    best: dict[int, tuple[float, Draft, Fill | None]] = {}
    for n, c, filled, p in scored:
        if (filled is None or p >= th["fill_verify"]) and (n not in best or p > best[n][0]):
            best[n] = (p, c, filled)
    bar = th.get("fill_both", 1.01)
    also = [
        (p, c, filled)
        for n, c, filled, p in scored
        if filled is not None
        and filled.how == "target"
        and filled.rank == 0
        and p >= bar
        and best[n][1] is not c
    ]
    return also + list(best.values())


def verify_threshold(th: dict[str, float], category: str) -> float:
    """The verifier probability from which a rule draft of `category` is kept: its own
    threshold (`verify:ASSAULT`) where the weights have one, else th['verify']. Why: the
    verifier's probabilities are not equally calibrated across categories; the training script
    picks each category's threshold on out-of-fold scores of its own training crises
    (scripts/train_coder.py `verify_thresholds`)."""
    return th.get(f"verify:{category}", th["verify"])


def readings(
    view: DocView, models: Models, units: Sequence[Unit], drafts: Sequence[Draft]
) -> list[list[tuple[Draft, Fill | None]]]:
    """For each draft: the draft as the rules made it, and, when they found no target, the same
    with the likeliest of its `fill_candidates` if the role model gives it at least th['fill']
    (with how it was found, `Fill`; none without a `fill` threshold in the weights), and, for a
    directed act, the reading with the likeliest other-side candidate as its actor and the rules'
    actor as its target ("Iran rejected U.S. calls for surrender": the rules' request has Iran
    asking; out of fold a seventh of the rule drafts with other parties were so), unless the role
    model finds that candidate under th['swap_over'] times as likely an actor as the likeliest
    candidate of the rules' actor's side (out of fold, the reversed readings the verifier kept
    were wrong more often than right, and had the parties swapped as often as any reading of
    the rules: the subject right before the verb read as the target). All candidates of the
    document are scored at once (`Linear.scores_many`: the same bits as one at a time)."""
    starts = [u.start for u in units]
    role = models.role
    asked: list[tuple[Unit, list[Mention], list[int], list[int]]] = []
    rows: list[set[int]] = []
    for d in drafts:
        k = unit_of(starts, d)
        cands, ok = fill_candidates(view, models, units, k, d)
        own = [i for i, m in enumerate(cands) if ok and side(view, m.id) == side(view, d.actor)]
        asked.append((units[k], cands, ok, own))
        cat = d.category.value
        rows += [role_rows(view, units[k], cands, i, cat, role) for i in ok + own]
    probs = role.scores_many(rows) if rows else np.zeros((0, len(ROLES)))
    bar = models.thresholds.get("fill", 1.0)
    over = models.thresholds.get("swap_over", 0.0)
    out: list[list[tuple[Draft, Fill | None]]] = []
    at = 0
    for d, (u, cands, ok, own) in zip(drafts, asked, strict=True):
        p, at = probs[at : at + len(ok)], at + len(ok)
        q, at = probs[at : at + len(own)], at + len(own)
        rules_actor = float(q[:, 1].max()) if own else 0.0  # the rules' actor's side as actor
        read: list[tuple[Draft, Fill | None]] = [(d, None)]
        for m, how in _target_fills(view, u, cands, ok, p[:, 2], bar):
            near = how.where in ("clause", "sentence")  # a list in its own sentence
            more = fill_members(view, units, starts, m, d.actor) if near else ()
            read.append((d.but(target=m.id), replace(how, more=more)))
        actor = _best_fill(view, u, cands, ok, p[:, 1], bar, "actor")
        if actor is not None and d.category not in SYMMETRIC and actor[1].p > over * rules_actor:
            m, how = actor[0], replace(actor[1], odds=_odds(actor[1].p, rules_actor))
            read.append((d.but(actor=m.id, target=d.actor, subject_start=m.start), how))
        out.append(read)
    return out


_LIST_COMMA = re.compile(r"[,、，]")


def fill_members(
    view: DocView, units: Sequence[Unit], starts: Sequence[int], m: Mention, actor: str | None
) -> tuple[str, ...]:
    """The ids of the other names of the list that a filled target `m` is one of
    (`listed_with` in the clause of `m`, found among `units` by their `starts`:
    访问沙特、卡塔尔和阿曼, urged Norway, Sweden and Finland), but for those of the actor's
    side. Why: the act is on each member (GUIDE), and the role model fills the target with one
    name: out of fold, a visit to three states was coded as one visit. Not for two names joined
    by a conjunction alone (A与B, between A and B: as often a pair of which the actor deals with
    one), nor for a list with a place in it (在A与B、C交界处: a place, not parties); nor for the
    other party of 双方 or a two-party name (中印): out of fold each of these added events that
    were mostly wrong (list of two: 14 events, none right; 双方: 10, none right)."""
    if len(m.ids) != 1:
        return ()
    u = units[max(bisect.bisect_right(starts, m.start) - 1, 0)]
    run = listed_run(view, u, m)
    if not run or any(x.locative for x in run):
        return ()
    if len(run) == 2 and not _LIST_COMMA.search(view.text, run[0].end, run[1].start):
        return ()
    own = side(view, actor)
    return tuple(
        dict.fromkeys(x.id for x in listed_with(view, u, m)[1:] if side(view, x.id) != own)
    )


def _odds(p: float, rules: float) -> str:
    """How the role model's probability of an actor filled in place of the rules' one (`p`)
    compares with its probability of the rules' actor's side in that role (`rules`): under 0.3
    times it, under it, or above it (`readings`: the verifier weighs the reversed reading by it)."""
    if p < 0.3 * rules:
        return "far_below"
    return "below" if p < rules else "above"


def _best_fill(
    view: DocView, u: Unit, cands: list[Mention], ok: list[int], p: np.ndarray, bar: float, how: str
) -> tuple[Mention, Fill] | None:
    """The candidate of `ok` the role model finds likeliest in the role (`p`, one probability
    per candidate of `ok`), if at least `bar`, with how it was found."""
    if not ok or float(p.max()) < bar:
        return None
    j = int(np.argmax(p))
    best = cands[ok[j]]
    rivals = len({side(view, cands[i].id) for i in ok} - {side(view, best.id)})
    return best, Fill(float(p[j]), rivals, _where(view, u, best), how)


def _target_fills(
    view: DocView, u: Unit, cands: list[Mention], ok: list[int], p: np.ndarray, bar: float
) -> list[tuple[Mention, Fill]]:
    """The likeliest target candidate of `ok` (`_best_fill`) and the likeliest one of another
    country after it, each if at least `bar`. Why: out of fold, of the drafts with the right actor
    and no target whose target the sentence names, one in seven had it as the role model's second
    choice; the verifier, told which it is (`Fill.rank`), judges both readings."""
    best = _best_fill(view, u, cands, ok, p, bar, "target")
    if best is None:
        return []
    first = view.country_of(best[0].id)
    rest = [j for j, i in enumerate(ok) if view.country_of(cands[i].id) != first]
    second = _best_fill(view, u, cands, [ok[j] for j in rest], p[rest], bar, "target")
    if second is None:
        return [best]
    return [best, (second[0], replace(second[1], rank=1))]


def _where(view: DocView, u: Unit, m: Mention) -> str:
    """Where a mention stands relative to the unit: in it, elsewhere in its sentence, before."""
    if isinstance(m, DocParty):
        return "doc"
    if u.start <= m.start < u.end:
        return "clause"
    return "sentence" if m.start >= view.sents[u.sent].start else "before"


def unit_of(starts: Sequence[int], d: Draft) -> int:
    """The index of the unit (of `starts`, the units' starts) that holds the draft's trigger."""
    return max(0, bisect.bisect_right(starts, d.trigger.start) - 1)


def fill_candidates(
    view: DocView, models: Models, units: Sequence[Unit], k: int, d: Draft
) -> tuple[list[Mention], list[int]]:
    """The role candidates of the draft's clause, and which of them may be the target the rules
    did not find: a party of another country that is not a place (a sea or strait is where, not
    whom); for a material act only one its sentence names (GUIDE: a material act has a target
    only where the text names it; a speech act's may be the subject carried over); for forces
    sent or massed only a state they face (`events.faces`: the rules' own reading)."""
    if d.target is not None or "fill" not in models.thresholds:
        return [], []
    cands = role_candidates(view, units, k)
    own = side(view, d.actor)
    start = view.sents[units[k].sent].start
    ok = [
        i
        for i, m in enumerate(cands)
        if side(view, m.id) != own
        and view.kinds.get(m.id) != "place"
        and (d.category in SPEECH_ACTS or (m.start >= start and not isinstance(m, DocParty)))
        and (not d.trigger.rule.edge_target or faces(view.text, view.lang.mod, m, d.trigger))
    ]
    return cands, ok


def side(view: DocView, actor_id: str | None) -> str | None:
    """Whom an actor of the document acts for (`events.side`)."""
    if actor_id is None:
        return None
    return acts_as_side(actor_id, view.kinds.get(actor_id), view.country_of(actor_id))


def pick_roles(
    view: DocView, models: Models, asked: list[tuple[Unit, list[Mention], str]]
) -> list[tuple[Mention, Mention | None, float] | None]:
    """For each (clause, its role candidates, category): the most likely actor, and the most
    likely target of another country (if likely enough), with the actor's probability; None
    where no actor is likely enough. All candidates of the document are scored at once."""
    role, th = models.role, models.thresholds
    rows = [
        role_rows(view, u, cands, i, cat, role)
        for u, cands, cat in asked
        for i in range(len(cands))
    ]
    probs = role.scores_many(rows)
    out: list[tuple[Mention, Mention | None, float] | None] = []
    at = 0
    for _, cands, _ in asked:
        p, at = probs[at : at + len(cands)], at + len(cands)
        a = max(range(len(cands)), key=lambda i: p[i][1])
        if p[a][1] < th["actor"]:
            out.append(None)
            continue
        ac = side(view, cands[a].id)
        others = [i for i in range(len(cands)) if side(view, cands[i].id) != ac]
        t = max(others, key=lambda i: p[i][2], default=None)
        target = cands[t] if t is not None and p[t][2] >= th["target"] else None
        out.append((cands[a], target, float(p[a][1])))
    return out


# The precisions an event's date has (GUIDE: a day, a week or a month; history recalled in
# passing with a year alone, 2023年发动攻势 or "last year", is background and undated).
_DATABLE = frozenset({DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH})


def news_day(view: DocView) -> DateMention | None:
    """The report's day as a date mention: the day of a lead's news without one of its own
    (the dateline's day where the page is dated a day or two after it, `dates.report_day`)."""
    if not view._news:  # once per document: every draft's 'doc' slot reads it
        day = report_day(view.dates, view.doc_date)
        view._news.append(DateMention(0, 0, day, DatePrecision.DAY) if day else None)
    return view._news[0]


def date_slots(
    view: DocView, u: Unit, rule: DateMention | None, last: DateMention | None
) -> list[DateMention | None]:
    """The candidate date of each of `SLOTS` for an event in `u` (None: the slot has none, or
    only a bare year, which is no event's date; the 'null' slot, no date, is always open)."""
    cands = [rule, clause_date(view, u), last, news_day(view)]
    return [None, *(c if _resolved(c) and c.precision in _DATABLE else None for c in cands)]


def open_slots(slots: Sequence[DateMention | None]) -> np.ndarray:
    """Which slots may be chosen: 'null' always, the others where they hold a date."""
    return np.array([k == 0 or slots[k] is not None for k in range(len(SLOTS))])


def date_events(
    view: DocView,
    models: Models,
    units: list[Unit],
    lasts: Sequence[DateMention | None],
    drafts: list[Draft],
) -> list[Draft]:
    """Every draft dated by the date model (all of the document scored at once, `redate`)."""
    if not drafts:
        return drafts
    lin = models.anchor
    starts = [u.start for u in units]
    rows, asked = [], []
    for d in drafts:
        k = unit_of(starts, d)
        slots = date_slots(view, units[k], d.date, lasts[k])
        rows.append(slot_rows(view, units[k], d.category.value, d, slots, lin))
        asked.append((d, slots))
    th = models.thresholds
    return [
        redate(d, slots, p, th) for (d, slots), p in zip(asked, lin.scores_many(rows), strict=True)
    ]


def redate(
    d: Draft, slots: Sequence[DateMention | None], p: np.ndarray, th: dict[str, float]
) -> Draft:
    """The draft with the likeliest open slot's date. A date the rules gave it is replaced only
    where the model is sure, at th['redate'], and only one they carried from an earlier sentence
    (or the document's) or a week or month of its own sentence: a day of its own sentence
    stays (an explicit day is rarely wrong), while a month there is often another event's
    ("since the offensive began in March", 上个月发生的袭击; --cv 4 731 -> 732 hits, fixed-20
    617 -> 618; a month replaced whenever another slot was likelier lost 2). A day a "since"
    span starts from ("has struck the port 40 times since March 2", 自3月2日以来) is no act's own
    day either (GUIDE: what has gone on since is background, undated): it gives way as a month
    does, and the model is told it is one (`rsince`). Why: out of fold, 4 of the 40 ASSAULT and
    RETREAT events coded on a day where gold had none were such campaigns (CV 897 -> 901
    hits, 1,918 -> 1,919 events; fixed-20 745 -> 748; seeds 891 882 889 879 beside 890 882 889
    878; dev 153 / 307 -> 157 / 305). A bare year is no slot (`date_slots`): the draft takes
    the likeliest slot."""
    p = p * open_slots(slots)
    p = p / p.sum()
    best, rules = int(np.argmax(p)), SLOTS.index("rules")
    if d.date is not None and slots[rules] is not None and best != rules:
        s = d.sentence
        own = s.start <= d.date.start < s.end and d.date.precision is DatePrecision.DAY
        if own and not d.date.since:
            return d
        if p[best] < th.get("redate", 1.01):
            return d
    return d.but(date=slots[best])


@cache
def _rule(category: Category) -> VerbRule:
    """The rule a learned event stands on: its category, nothing else."""
    return VerbRule(category, None, 1.0, False, False, {}, False, "", {}, None, "learned")


def to_draft(p: Proposal, view: DocView) -> Draft:
    """The proposal as a draft event: the rule coder's draft of that category in that clause
    (its mode, flags, via and date, the date model's 'rules' slot) with the learned roles, else
    a bare one without a date."""
    u = p.unit
    roles = {
        "actor": p.actor.id,
        "target": p.target.id if p.target is not None else None,
        "confidence": p.confidence,
        "subject_start": p.actor.start,
    }
    same = [d for d in view.drafts_in(u) if d.category is p.category]
    if same:
        return same[0].but(quantities=[], **roles)
    return Draft(
        trigger=Trigger(u.start, u.end, _rule(p.category)),
        sentence=view.sents[u.sent],
        clause=(u.start, u.end),
        category=p.category,
        mode=None,
        date=None,
        **roles,
    )
