"""The extractor: Document → normalise → sentences → dates → actors → events → quantities →
stances → deduplication, every span mapped back to the original text."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dualtrack.extract import learned
from dualtrack.extract.dates import DateMention, dateline, document_date, find_dates
from dualtrack.extract.dedup import merge_events, merge_stances
from dualtrack.extract.events import Candidate, Coder, Draft, find_triggers
from dualtrack.extract.events import side as acts_as_side
from dualtrack.extract.langdata import ActorEntry, LangData, build, country_of
from dualtrack.extract.layout import layout
from dualtrack.extract.learned import DocView
from dualtrack.extract.llm import DocumentFailed, LLMCoder
from dualtrack.extract.mentions import (
    ends_with,
    find_mentions,
    load_tagger,
    outside_dateline,
    outside_dates,
)
from dualtrack.extract.normalize import (
    Normalized,
    code_points,
    count_cjk,
    has_cjk,
    normalize,
    to_simplified,
)
from dualtrack.extract.quantities import QuantityFinder
from dualtrack.extract.segment import sentences
from dualtrack.extract.stances import StanceDraft, find_stances, link_topics
from dualtrack.model import Case, DatePrecision, Document, Event, EventFlags, Evidence, Stance
from dualtrack.ontology import carries_quantities

EXTRACTOR_NAME = "dualtrack.extract/0.1"
# rules: the hand-written coder alone; learned: the statistical components decide each clause's
# categories, each event's actor and target and its date, reading the rules' output as features;
# llm: a language model codes the events (quoting its evidence), the rules' resolvers place them.
CODERS = ("rules", "learned", "llm")
# The coder every command runs unless told otherwise (`make_extractor`, the CLI, the app layer):
# on real reporting it beats the rules (benchmarks/real/README.md), which stay one option away
# (`--coder rules`). `Extractor` itself defaults to the rules, the components the others build on.
DEFAULT_CODER = "learned"


@dataclass
class Extraction:
    """What the extractor found in one or more documents."""

    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    unresolved: list[Candidate] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # ids, in reading order
    failed: dict[str, str] = field(default_factory=dict)  # id -> why it could not be coded

    @property
    def undated(self) -> list[Event]:
        return [e for e in self.events if e.date is None]


def detect_lang(text: str) -> str:
    """'en', 'zh-Hans' or 'zh-Hant' from the characters of the text."""
    sample = text[:4000]
    if is_english(sample):
        return "en"
    points = code_points(sample)
    changed = int(np.count_nonzero(points != code_points(to_simplified(sample))))
    return "zh-Hant" if changed > max(2, count_cjk(sample) * 0.02) else "zh-Hans"


def is_english(text: str) -> bool:
    """Whether `detect_lang` reads the text as English: no CJK ideograph in its first 4,000
    characters, or six times as many ASCII letters as ideographs. The coder asks only this
    (both scripts of Chinese share its data), which saves the Traditional-to-Simplified pass
    that tells the scripts apart."""
    sample = text[:4000]
    cjk = count_cjk(sample)
    points = code_points(sample)
    upper, lower = (points >= 65) & (points <= 90), (points >= 97) & (points <= 122)
    latin = int(np.count_nonzero(upper | lower))  # the ASCII letters
    return cjk == 0 or cjk * 3 < latin * 0.5


class Extractor:
    """Bilingual event coder. Loads each language's data files once; reuse one instance."""

    def __init__(
        self,
        case: Case | None = None,
        lang: str = "auto",
        lang_dirs: list[Path] | None = None,
        coder: str = "rules",
        llm: LLMCoder | None = None,
    ) -> None:
        if lang not in ("auto", "zh", "en", "zh-Hans", "zh-Hant"):
            raise ValueError(f"lang must be auto, zh or en, not {lang!r}")
        if coder not in CODERS:
            raise ValueError(f"coder must be one of {', '.join(CODERS)}, not {coder!r}")
        if (coder == "llm") != (llm is not None):
            raise ValueError("coder 'llm' needs an LLMCoder (make_extractor builds one)")
        self.coder = coder
        self.llm = llm
        self._models = learned.packaged() if coder == "learned" else None
        if coder == "learned" and self._models is None:
            raise ValueError(f"coder {coder!r} needs the weights file {learned.WEIGHTS}")
        self.case = case
        self.lang = lang
        self.lang_dirs = lang_dirs
        self._langs: dict[str, LangData] = {}
        self._quant: dict[str, QuantityFinder] = {}
        self._country: dict[str, str] = {}
        self._kind: dict[str, dict[str, str]] = {}
        self._case_actors: dict[str, ActorEntry] = {}
        self._case_aliases: dict[str, dict[str, list[str]]] = {"zh": {}, "en": {}}
        if case is not None:
            for a in case.actors:
                self._case_actors[a.id] = ActorEntry(a.id, a.kind.value, a.acts_for)
                for lg, names in ((lg, a.all_names(lg)) for lg in ("en", "zh-Hant", "zh-Hans")):
                    code = "en" if lg == "en" else "zh"
                    for name in names:
                        key = to_simplified(name) if code == "zh" else name
                        self._case_aliases[code].setdefault(key, [a.id])
        for code in ("zh", "en") if lang == "auto" else (("en",) if lang == "en" else ("zh",)):
            self._load(code)
        self._links = link_topics(case, self._topics())

    def _load(self, code: str) -> LangData:
        if code not in self._langs:
            data = build(code, self.lang_dirs, self._case_aliases[code], self._case_actors)
            self._langs[code] = data
            self._quant[code] = QuantityFinder(data)
            for aid, entry in data.actors.items():
                self._country.setdefault(aid, entry.country)
            for aid, entry in self._case_actors.items():
                self._country[aid] = entry.country
        return self._langs[code]

    def warm(self) -> None:
        """Load now what is otherwise loaded on first use: jieba's tagger, for Chinese (bulk
        timings call this, so no timed article pays for it)."""
        if "zh" in self._langs:
            load_tagger()

    def _topics(self) -> list[str]:
        return sorted({t for lg in self._langs.values() for t in lg.stances["topics"]})

    def topics(self) -> list[str]:
        """The agenda topics the loaded languages' stance cues name (nuclear, ceasefire, ...)."""
        return self._topics()

    def country(self, actor_id: str | None) -> str | None:
        """The state or organisation `actor_id` acts for (`IRN.araghchi` → `IRN`)."""
        if not actor_id:
            return None
        return country_of(self._country, actor_id)

    def side(self, actor_id: str | None) -> str | None:
        """Whom `actor_id` stands for inside its own state (`events.side`: an armed group
        itself, anyone else the state; `SYR.druze` → `SYR.druze`, `SYR.army` → `SYR`). What
        keeps a government's and a rebel group's acts on each other apart when both score as
        the same state (`merge_events`)."""
        if not actor_id:
            return None
        entry = self._case_actors.get(actor_id) or next(
            (lg.actors[actor_id] for lg in self._langs.values() if actor_id in lg.actors), None
        )
        return acts_as_side(actor_id, entry.kind if entry else None, self.country(actor_id))

    def dictionary_entry(self, actor_id: str) -> tuple[str | None, dict[str, list[str]]]:
        """The built-in dictionaries' kind of `actor_id` and its names per language code (`en`,
        `zh`, the latter Simplified), first the canonical one: what a drafted case file lists."""
        kind: str | None = None
        names: dict[str, list[str]] = {}
        for code, data in self._langs.items():
            entry = data.actors.get(actor_id)
            if entry is None:
                continue
            kind = kind or entry.kind
            names[code] = [a for a, ids in data.alias_ids.items() if ids == (actor_id,)]
        return kind, names

    def lang_of(self, doc: Document) -> str:
        if self.lang == "en":
            return "en"
        if self.lang in ("zh", "zh-Hans", "zh-Hant"):
            return "zh"
        if doc.lang:
            return "en" if doc.lang == "en" else "zh"
        return "en" if is_english(doc.text) else "zh"

    # ---- one document -------------------------------------------------------------------
    def extract(self, doc: Document) -> Extraction:
        """What `doc` says; with the LLM coder, `DocumentFailed` if the model could not code it."""
        drafts, stances, cands, norm, view = self._run(doc, learn=self.llm is None)
        apart: frozenset[int] = frozenset()
        further: frozenset[int] = frozenset()
        joined: dict[int, int] = {}
        titled: frozenset[int] = frozenset()
        if self.llm is None:
            found = self._events(doc, norm, drafts)
            apart = _background_undated(view, drafts)
            further = _further_acts(view, drafts)
            joined = _joined_acts(view, drafts)
            titled = _title_acts(view, drafts)
        else:
            found = self._llm_events(doc, norm, view, cands)
        events = merge_events(
            found,
            self.country,
            within_doc=True,
            apart=apart,
            side=self.side,
            further=further,
            joined=joined,
            titled=titled,
        )
        return Extraction(
            events=events,
            stances=merge_stances(self._stances(doc, norm, stances)),
            unresolved=cands,
            documents=[doc.id],
        )

    def extract_many(self, docs: Iterable[Document]) -> Extraction:
        """Extract from several documents; one real-world event reported by several of them
        becomes one event with several evidence spans."""
        events: list[Event] = []
        stances: list[Stance] = []
        cands: list[Candidate] = []
        ids: list[str] = []
        failed: dict[str, str] = {}
        if self.llm is not None:
            docs = list(docs)
            self.llm.prefetch(docs)
        for doc in docs:
            try:
                one = self.extract(doc)
            except DocumentFailed as exc:
                failed[doc.id] = str(exc)
                continue
            events.extend(one.events)
            stances.extend(one.stances)
            cands.extend(one.unresolved)
            ids.append(doc.id)
        return Extraction(
            events=merge_events(events, self.country, within_doc=False, side=self.side),
            stances=merge_stances(stances),
            unresolved=cands,
            documents=ids,
            failed=failed,
        )

    def view(self, doc: Document) -> tuple[str, Normalized, dt.date | None, DocView]:
        """The analysis every component reads: normalised text, sentences, dates, mentions."""
        code = self.lang_of(doc)
        lang = self._load(code)
        norm = normalize(
            doc.text, chinese=lang.cjk or has_cjk(doc.text[:2000]), units=lang.unit_chars
        )
        text = norm.text
        doc_date = doc.date or document_date(doc.text, lang)
        dates = find_dates(text, lang, doc_date)
        found = outside_dates(find_mentions(text, lang, self._country), dates)
        sents = sentences(text, lang)
        view = DocView(
            text=text,
            lang=lang,
            sents=sents,
            mentions=outside_dateline(text, found, lang),
            dates=dates,
            kinds=self._kinds(code),
            country=self._country,
            doc_date=doc_date,
            layout=layout(text, lang, sents, dates),
        )
        return code, norm, doc_date, view

    def _kinds(self, code: str) -> dict[str, str]:
        if code not in self._kind:
            self._kind[code] = {aid: e.kind for aid, e in self._langs[code].actors.items()}
        return self._kind[code]

    def _run(
        self, doc: Document, learn: bool = True
    ) -> tuple[list[Draft], list[StanceDraft], list[Candidate], Normalized, DocView]:
        code, norm, doc_date, view = self.view(doc)
        lang, text, sents = view.lang, view.text, view.sents
        dates, mentions = view.dates, view.mentions
        triggers = find_triggers(text, lang)
        if mentions and triggers:  # 合作 in 海湾阿拉伯国家合作委员会 is part of a name
            in_name = bytearray(len(text))
            for m in mentions:
                in_name[m.start : m.end] = b"\x01" * (m.end - m.start)
            triggers = [t for t in triggers if not (in_name[t.start] and in_name[t.end - 1])]
        in_date = bytearray(len(text))  # a number inside a date (2月6日) is not a quantity
        for d in dates:
            in_date[d.start : d.end] = b"\x01" * (d.end - d.start)
        quants = [q for q in self._quant[code].find(text) if not any(in_date[q.start : q.end])]
        coder = Coder(text, lang, self._country, doc_date, view.layout)
        drafts: list[Draft] = []
        stances: list[StanceDraft] = []
        di = mi = ti = 0
        # An event with no date of its own takes the date last mentioned (first: the document's).
        context: DateMention | None = (
            DateMention(0, 0, doc_date, DatePrecision.DAY) if doc_date else None
        )
        for sent in sents:
            while di < len(dates) and dates[di].end <= sent.start:
                d = dates[di]
                if (
                    d.date is not None
                    and d.precision is DatePrecision.DAY
                    and not d.range_end
                    and not d.aside
                ):
                    context = dates[di]
                di += 1
            s_dates = _upto(dates, di, sent.end)
            while mi < len(mentions) and mentions[mi].end <= sent.start:
                mi += 1
            s_ments = _upto(mentions, mi, sent.end)
            while ti < len(triggers) and triggers[ti].start < sent.start:
                ti += 1
            s_trigs = _upto(triggers, ti, sent.end)
            before_subject = coder.last_subject
            person = coder.pronoun_subject(sent.start, min(sent.end, sent.start + 8))
            if person is not None:
                before_subject = [person]
            if s_trigs:
                drafts.extend(coder.code_sentence(sent, s_ments, s_trigs, s_dates, context))
            coder.note_speaker(sent, s_ments)
            for st in find_stances(text, sent, lang, s_ments, self._links, before_subject):
                # a stance is dated like an event: a day in its sentence, else the narrative's
                day = next(
                    (d for d in s_dates if d.date and not d.dateline and d.start < sent.end
                     and d.precision is DatePrecision.DAY), context,
                )  # fmt: skip
                if day is not None:
                    st.date, st.precision = day.date, day.precision
                stances.append(st)
        # the mediator's own draft becomes the via of the talks before the learned components
        # read the drafts: they are trained on (and their verifier keeps) talks with their via
        _attach_via(drafts, self.country)
        view.drafts, view.triggers, view.pair_refs = drafts, triggers, coder.pair_refs
        if self._models is not None and learn:
            drafts = learned.propose(view, self._models)
        if learn:
            _complete_via(view, drafts, self.country)
            drafts = _undate_foreign(view, drafts)
        _attach_quantities(drafts, quants)
        cands = [
            Candidate(
                text=norm.original_text(s, e),
                start=norm.span(s, e)[0],
                end=norm.span(s, e)[1],
                doc_id=doc.id,
                context=_context(norm, s, e, sents),
            )
            for s, e in coder.candidates
        ]
        return drafts, stances, cands, norm, view

    def analyse(self, doc: Document) -> tuple[Normalized, DocView]:
        """The rule coder's reading of `doc` that the statistical components take as input
        (for training them: `scripts/train_coder.py`)."""
        _, _, _, norm, view = self._run(doc, learn=False)
        return norm, view

    def _llm_events(
        self, doc: Document, norm: Normalized, view: DocView, cands: list[Candidate]
    ) -> list[Event]:
        """The LLM's events for `doc`, placed by this extractor's resolvers."""
        assert self.llm is not None
        code = "en" if view.lang is self._langs.get("en") else "zh"

        def unknown(name: str, s: int, e: int) -> None:
            cands.append(Candidate(name, s, e, doc.id, doc.text[s:e][:200]))

        day = DateMention(0, 0, view.doc_date, DatePrecision.DAY) if view.doc_date else None
        return self.llm.events(
            doc, norm, view.dates, day, lambda name: self.resolve(name, code), unknown
        )

    def resolve(self, name: str, code: str = "en") -> str | None:
        """The actor id a name stands for, through the language data and the case's aliases
        (the doc's language first); None for a name they do not know."""
        for key in (name, name.upper()):
            if key in self._country:
                return key
        for c in (code, "zh" if code == "en" else "en"):
            lang = self._langs.get(c)
            if lang is None:
                continue
            text = normalize(name, chinese=lang.cjk or has_cjk(name), units=lang.unit_chars).text
            found = find_mentions(text, lang, self._country)
            if found:
                return found[0].id
        return None

    def _events(self, doc: Document, norm: Normalized, drafts: list[Draft]) -> list[Event]:
        out: list[Event] = []
        # where a dateline (新华社北京2月4日电, (Reuters) -) ends: summaries start after it
        lang = self._langs.get("zh" if has_cjk(norm.text[:200]) else "en")
        head = dateline(norm.text, lang, 60) if lang is not None else None
        cut = head.body if head is not None else 0
        for d in drafts:
            s, e = norm.span(d.sentence.start, d.sentence.end)
            dm = d.date
            date = dm.date if dm else None
            precision = dm.precision if dm and dm.date else DatePrecision.UNKNOWN
            out.append(
                Event(
                    date=date,
                    date_end=dm.date_end if dm else None,
                    date_precision=precision,
                    actor=d.actor,
                    target=d.target,
                    via=d.via,
                    category=d.category,
                    mode=d.mode,
                    quantities=[q.quantity for q in d.quantities],
                    flags=EventFlags(
                        negated=d.negated,
                        hypothetical=d.hypothetical,
                        threatened=d.threatened,
                        conditional=d.conditional,
                        unconfirmed=d.unconfirmed,
                    ),
                    evidence=[Evidence(doc_id=doc.id, start=s, end=e, text=doc.text[s:e])],
                    confidence=round(d.confidence, 3),
                    extractor=EXTRACTOR_NAME,
                    summary=_summary(norm, d, cut),
                )
            )
        return out

    def _stances(self, doc: Document, norm: Normalized, drafts: list[StanceDraft]) -> list[Stance]:
        out = []
        for d in drafts:
            s, e = norm.span(d.sentence.start, d.sentence.end)
            out.append(
                Stance(
                    actor=d.actor,
                    issue=d.issue,
                    items=d.items,
                    red_line=d.red_line,
                    date=d.date,
                    date_precision=d.precision,
                    summary=d.summary,
                    evidence=[Evidence(doc_id=doc.id, start=s, end=e, text=doc.text[s:e])],
                    confidence=0.6,
                    extractor=EXTRACTOR_NAME,
                )
            )
        return out


def _summary(norm: Normalized, d: Draft, cut: int = 0, limit: int = 120) -> str:
    """A short readable clause for the event (not the bare trigger word): its clause, from the
    sentence's start when the subject stands before the clause (but after a dateline ending at
    `cut`), trimmed around the trigger."""
    start, end = d.clause
    if d.subject_start is None or d.subject_start < start:
        start = d.sentence.start
    if start < cut <= d.trigger.start:
        start = cut
    if d.trigger.content:  # warned …, if …, would strike: the threat with what it threatens
        last = d.trigger.content[-1].start
        end = max(end, next((c[1] for c in d.sentence.clauses if c[0] <= last < c[1]), end))
    if end - start > limit:
        lo = max(start, min(d.trigger.start - limit // 2, end - limit))
        start, end = lo, min(end, lo + limit)
    text = _whole_words(norm, start, end)
    text = " ".join(text.split()).lstrip(")）】〕]-–— ")
    return text.strip(" ,;:.，、；：。") or norm.original_text(d.trigger.start, d.trigger.end)


def _whole_words(norm: Normalized, start: int, end: int) -> str:
    """The text from `start` to `end` without a word cut in two at either end (a trim inside a
    word drops its piece); scripts written without spaces have no words to cut."""
    text = norm.original_text(start, end)
    if " " not in text.strip():
        return text
    before = norm.original_text(start - 1, start) if start > 0 else ""
    after = norm.original_text(end, end + 1) if end < len(norm.text) else ""
    if before[-1:].isalnum() and text[:1].isalnum():
        text = text.split(" ", 1)[1]
    if after[:1].isalnum() and text[-1:].isalnum():
        text = text.rsplit(" ", 1)[0]
    return text


def _background_undated(view: DocView, drafts: list[Draft]) -> frozenset[int]:
    """The indices of the undated drafts whose sentence recalls background (modality.yaml
    `background`: 此前, 去年, "last year") before their trigger: history told in passing, an
    event of its own rather than an undated report of a dated twin (`merge_events`)."""
    rx = view.lang.mod.get("background_re")
    if rx is None:
        return frozenset()
    return frozenset(
        i
        for i, d in enumerate(drafts)
        if d.date is None
        and rx.search(view.text, d.sentence.start, max(d.trigger.start, d.sentence.start + 1))
    )


def _undate_foreign(view: DocView, drafts: list[Draft]) -> list[Draft]:
    """The drafts of other articles' headlines (`Layout.foreign`: related links, lists of
    links) undated: not this report's news, their day (often the link's own time) is none of
    the act's that this report tells; undated, each folds into the body's dated report of the
    same act, or stays an event with no day, as gold codes such lines (GUIDE: no day of
    their own)."""
    if not view.layout.foreign:
        return drafts
    return [d.but(date=None) if view.layout.is_foreign(d.sentence) else d for d in drafts]


def _title_acts(view: DocView, drafts: list[Draft]) -> frozenset[int]:
    """The indices of the drafts of the report's title (`Layout.title`), whose act the body
    tells again (`merge_events`)."""
    title = view.layout.title
    if title is None:
        return frozenset()
    return frozenset(i for i, d in enumerate(drafts) if title.start <= d.sentence.start < title.end)


def _further_acts(view: DocView, drafts: list[Draft]) -> frozenset[int]:
    """The indices of the drafts whose sentence tells them as a further act (modality.yaml
    `further_act`: "also", 又) before their trigger: another act than a twin of the same key
    and another mode, which the merge keeps apart (`merge_events`)."""
    rx = view.lang.mod.get("further_act_re")
    if rx is None:
        return frozenset()
    return frozenset(
        i
        for i, d in enumerate(drafts)
        if rx.search(view.text, d.sentence.start, max(d.trigger.start, d.sentence.start + 1))
    )


def _joined_acts(view: DocView, drafts: list[Draft]) -> dict[int, int]:
    """Each draft of a category of `joined_acts` (modality.yaml: measures, each its own act
    whatever its mode: expelled the envoy and closed the consulates) joined in its sentence to
    an earlier trigger of its category by a word of `joined_act` between the two ("and", a
    comma, 并, 、), mapped to the index of that earlier draft: two acts, which the merge keeps
    apart where both have one key (`merge_events`)."""
    rx = view.lang.mod.get("joined_act_re")
    if rx is None:
        return {}
    listed = view.lang.mod.get("joined_acts", frozenset())
    out: dict[int, int] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, d in enumerate(drafts):
        if d.mode is not None and d.category in listed:
            by_sentence.setdefault(d.sentence.start, []).append(i)

    def joins(j: int, i: int) -> bool:
        o, d = drafts[j], drafts[i]
        return (
            o.category == d.category
            and o.trigger.end <= d.trigger.start
            and rx.search(view.text, o.trigger.end, d.trigger.start) is not None
        )

    for members in by_sentence.values():
        for i in members:
            if (j := next((j for j in members if joins(j, i)), None)) is not None:
                out[i] = j
    return out


def _context(norm: Normalized, s: int, e: int, sents) -> str:
    for sent in sents:
        if sent.start <= s < sent.end:
            return norm.original_text(sent.start, sent.end)[:200]
    return norm.original_text(max(0, s - 40), min(len(norm.text), e + 40))


def _upto(items: list, i: int, end: int) -> list:
    """items[i:] up to the first that starts at or after `end` (items sorted by start): linear
    over a document, however many sentences it has."""
    j = i
    while j < len(items) and items[j].start < end:
        j += 1
    return items[i:j]


def _attach_quantities(drafts: list[Draft], quants) -> None:
    """A quantity belongs to the event of its clause, else to the nearest event of its sentence
    (the one before it first: 部署至少10艘军舰, 包括6艘驱逐舰), of a category that carries
    quantities (ontology: deeds, and what is threatened, demanded or agreed). The dead an
    accusation cites are the toll of the strike it is about: a sentence with no such event
    coded gives its numbers to none."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        if carries_quantities(d.category):
            by_sentence.setdefault(d.sentence.start, []).append(d)
    starts = sorted(by_sentence)
    for q in quants:
        k = bisect.bisect_right(starts, q.start) - 1
        if k < 0:
            continue
        in_sent = [d for d in by_sentence[starts[k]] if q.start < d.sentence.end]
        same_clause = [d for d in in_sent if d.clause[0] <= q.start < d.clause[1]]
        pool = same_clause or in_sent
        if not pool:
            continue
        before = [d for d in pool if d.trigger.start <= q.start]
        chosen = before[-1] if before else pool[0]
        # several drafts from one trigger (A、B support) share the quantity
        for d in pool:
            if d.trigger is chosen.trigger:
                d.quantities.append(q)


def _complete_via(view: DocView, drafts: list[Draft], country) -> None:
    """The via of the events kept, as the annotation guide has it: talks a mediator's own verb
    named, talks hosted by a third state, and the agreements and ceasefires of mediated talks.
    Not before the learned components: they were trained on the rule coder's drafts as they are."""
    _share_via(view.drafts, drafts, country)
    _hosted_via(view, drafts, country)
    _agreed_via(view, drafts, country)


def _hosted_via(view: DocView, drafts: list[Draft], country) -> None:
    """Talks held in a third state (两国代表在多哈会谈, "talks in Istanbul") are hosted by
    it, and the guide codes a host as the via of the talks: the first state or city named as a
    place of the talks in their sentence that is neither party's. Not a place where someone spoke
    of the talks ("speaking in Beijing", 在北京出席记者会时表示), nor the venue of a summit on
    whose sidelines they met; and a mediator the document names for talks wins over the venue
    (the guide: the first-named mediator)."""
    open_talks = [
        d
        for d in drafts
        if d.category.value == "CONSULT"
        and d.via is None
        and d.target is not None
        and not d.negated
    ]
    if not open_talks:  # most documents: no scan of the text for venues and mediators
        return
    venues = _summit_venues(view, country)
    by_pair, named = _talk_mediators(view, drafts, country)
    cues: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for d in open_talks:
        sides = {country(d.actor), country(d.target)}
        s = d.sentence
        if s.start not in cues:
            cues[s.start] = (_talk_spans(view, s), _speech_cues(view, s))
        host = next(
            (
                m.id
                for m in view.mentions
                if s.start <= m.start < s.end
                and m.locative
                and view.kinds.get(m.id, "state") in ("state", "city")
                and country(m.id) not in sides | venues
                and _place_of_talks(d, m, *cues[s.start], view.lang)
            ),
            None,
        )
        if host is None:
            continue
        mediator = by_pair.get(frozenset(sides)) or next(
            (x for x in named if country(x) not in sides), None
        )
        if mediator is not None:
            d.via, d.mode = mediator, d.mode or "mediated"
        else:
            d.via, d.mode = host, d.mode or "third-party"  # PLOVER's mode for a third venue


def _speech_cues(view: DocView, s) -> list[tuple[int, int]]:
    """The spans of the sentence that a place can belong to instead of the talks: verbs of
    saying and the settings of speech (a news conference, reporters, 记者会)."""
    out: list[tuple[int, int]] = []
    for key in ("speech_re", "speech_place_re"):
        rx = view.lang.mod.get(key)
        if rx is not None:
            out.extend(m.span() for m in rx.finditer(view.text, s.start, s.end))
    return out


def _talk_spans(view: DocView, s) -> list[tuple[int, int]]:
    """The words for talks in the sentence (会谈, talks, met), whichever draft they gave."""
    found = find_triggers(view.text[s.start : s.end], view.lang)
    return [(s.start + t.start, s.start + t.end) for t in found if _is_talks(t.rule)]


def _place_of_talks(d: Draft, m, talks: list, speech: list, lang: LangData) -> bool:
    """Does the place `m` belong to talks rather than to a speech act? A place belongs to the
    nearest cue (words for talks, a verb or setting of speech) on the side the language
    attaches places to (`place_attaches`: English "talks in Geneva", Chinese 在多哈举行会谈),
    in its clause first, then in its sentence, then on the other side; with no cue at all it
    stays the talks' place."""
    trig = (d.trigger.start, d.trigger.end)
    if trig[0] <= m.start < trig[1]:
        return True
    after = lang.mod.get("place_attaches", "previous") == "next"
    clause = next((c for c in d.sentence.clauses if c[0] <= m.start < c[1]), None)
    spans = [(x, True) for x in [trig, *talks]] + [(x, False) for x in speech]
    for lo, hi in ([clause] if clause else []) + [(d.sentence.start, d.sentence.end)]:
        inside = [x for x in spans if lo <= x[0][0] < hi]
        ahead = [x for x in inside if x[0][0] >= m.end]
        behind = [x for x in inside if x[0][0] < m.start]
        for side, first in (
            ((ahead, min), (behind, max)) if after else ((behind, max), (ahead, min))
        ):
            if side:
                return first(side, key=lambda x: x[0][0])[1]
    return True


def _summit_venues(view: DocView, country) -> set[str]:
    """The states of the places named in a sentence of talks on the sidelines of a summit or
    multilateral meeting (`sidelines`): the meeting's venue, which hosts no talks of the
    document (the guide gives such bilateral meetings no via)."""
    rx = view.lang.mod.get("sidelines_re")
    if rx is None:
        return set()
    out: set[str] = set()
    for s in view.sents:
        if rx.search(view.text, s.start, s.end) is None:
            continue
        out.update(
            country(m.id)
            for m in view.mentions
            if s.start <= m.start < s.end
            and m.locative
            and view.kinds.get(m.id, "state") in ("state", "city")
        )
    return out


def _mediator_mentions(view: DocView) -> list:
    """The mentions the text marks as a mediator ("Qatari-mediated", "brokered by the United
    States", 阿曼居中斡旋, 作为斡旋方的甲国), in the order of the text."""
    after = view.lang.mod.get("mediator_after_re")
    before = view.lang.mod.get("mediator_before_re")
    out = []
    for m in view.mentions:
        if (after is not None and after.match(view.text, m.end)) or (
            before is not None and ends_with(before, view.text, m.start)
        ):
            out.append(m)
    return out


def _talk_mediators(view: DocView, drafts: list[Draft], country):
    """The mediators the document names for talks: per pair of parties, the via of their
    talks that a mediator gave (not a host); and, for talks of any pair, a mediator marked as
    such in a clause that names talks (会谈由美国居中斡旋: not a swap or a deal a
    mediator brokered)."""
    by_pair: dict[frozenset, str] = {}
    for d in [*view.drafts, *drafts]:
        mediated = d.via is not None and d.mode != "third-party"
        if d.category.value == "CONSULT" and mediated and d.target is not None:
            by_pair.setdefault(frozenset((country(d.actor), country(d.target))), d.via)
    named = [m.ids[0] for m in _mediator_mentions(view) if _in_clause_of(view, m, _is_talks)]
    return by_pair, named


def _is_talks(rule) -> bool:
    """Talks named by their own word (会谈, talks), not by the mediator's verb."""
    return rule.category.value == "CONSULT" and not rule.mediates


def _is_deal(rule) -> bool:
    """An agreement or a ceasefire, the acts a mediator's deal consists of."""
    return rule.category.value == "AGREE" or rule.mode == "ceasefire"


def _in_clause_of(view: DocView, m, kind) -> bool:
    """Does the clause of mention `m` hold a trigger of that kind?"""
    s = next((s for s in view.sents if s.start <= m.start < s.end), None)
    if s is None:
        return False
    lo, hi = next(((a, b) for a, b in s.clauses if a <= m.start < b), (s.start, s.end))
    return any(kind(t.rule) for t in find_triggers(view.text[lo:hi], view.lang))


def _agreed_via(view: DocView, drafts: list[Draft], country) -> None:
    """Agreements and ceasefires between the parties of mediated talks of the same document carry
    the talks' via (the guide: reached through the mediator); a mediator the text names for a
    deal (在甲方斡旋下达成协议, "a US-brokered ceasefire") comes before the host of the talks."""
    open_deals = [
        d
        for d in drafts
        if (d.category.value == "AGREE" or d.mode == "ceasefire")
        and d.via is None
        and d.target is not None
        and not d.negated
    ]
    if not open_deals:  # most documents: no scan of the text for mediators
        return
    vias: dict[frozenset, str] = {}
    hosts: dict[frozenset, str] = {}
    for d in drafts:
        if d.category.value == "CONSULT" and d.via is not None and d.target is not None:
            pair = frozenset((country(d.actor), country(d.target)))
            (hosts if d.mode == "third-party" else vias).setdefault(pair, d.via)
    dealers = [m.ids[0] for m in _mediator_mentions(view) if _in_clause_of(view, m, _is_deal)]
    for d in open_deals:
        sides = frozenset((country(d.actor), country(d.target)))
        d.via = vias.get(sides) or next(
            (x for x in dealers if country(x) not in sides), hosts.get(sides)
        )


def _share_via(named: list[Draft], drafts: list[Draft], country) -> None:
    """Talks that a mediator's own verb names with their parties (Oman mediated talks between
    Iran and the United States) and the same talks read from their noun in that sentence are one
    event: whichever reading the verifier kept, it keeps the mediator (`named`: the rule coder's
    drafts, `drafts`: those kept)."""
    for m in named:
        if not m.trigger.rule.mediates or m.via is None or m.target is None:
            continue
        sides = {country(m.actor), country(m.target)}
        for t in drafts:
            if (
                t.via is None
                and t.sentence.start == m.sentence.start
                and t.category is m.category
                and t.target is not None
                and {country(t.actor), country(t.target)} == sides
            ):
                t.via, t.mode = m.via, m.mode


def _attach_via(drafts: list[Draft], country) -> None:
    """A mediator's own draft (斡旋, mediated) becomes `via` of the talks between two others in
    the same document and on the same (or no) date; it stays an event only when there are none."""
    mediators = [d for d in drafts if d.trigger.rule.mediates and d.via is None]
    if not mediators:
        return
    by_date: dict[object, list[Draft]] = {}
    for d in drafts:
        if not d.trigger.rule.mediates and (
            d.category.value in ("CONSULT", "AGREE") or d.mode in ("ceasefire", "release")
        ):
            by_date.setdefault(d.date.date if d.date else None, []).append(d)
    dropped: set[int] = set()
    for m in mediators:
        mc = country(m.actor)
        day = m.date.date if m.date else None
        pool = (
            (by_date.get(day, []) + by_date.get(None, []))
            if day
            else [t for ts in by_date.values() for t in ts]
        )
        used = False
        for t in pool:
            if t.via == m.actor:
                used = True
                continue
            if t.via is not None or t.target is None:
                continue
            if country(t.actor) == mc or country(t.target) == mc:
                continue
            t.via = m.actor
            if t.category.value == "CONSULT":
                t.mode = "mediated"
            used = True
        if used:
            dropped.add(id(m))
            # the mediator meeting each party that day (局长分别会见了以方和哈马斯代表团) is part
            # of the mediation: it gets no talks of its own
            parties = {country(t.actor) for t in pool if t.via == m.actor}
            for t in pool:
                sides = {country(t.actor), country(t.target)}
                mine = t.category.value == "CONSULT" and t.via is None and mc in sides
                if mine and sides - {mc} <= parties:
                    dropped.add(id(t))
            # talks parsed with the mediator as a party, in the mediator's own sentence (会谈由
            # X 主持): the via is the right reading of them
            for t in pool:
                if (
                    t.sentence is m.sentence
                    and t.via is None
                    and mc in (country(t.target), country(t.actor))
                ):
                    dropped.add(id(t))
    drafts[:] = [d for d in drafts if id(d) not in dropped]
