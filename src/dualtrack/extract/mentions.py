"""Actor mentions: dictionary and case aliases, role phrases, and name-like candidates.

A role phrase (埃及外长, Egypt's foreign minister) is the state's name plus a role word from the
language's `role_suffixes`; it resolves to the state. A person's or agency's alias resolves to
its own id, whose `country` says whom it acts for. A state name followed by a person's name
(伊朗外长阿拉格齐: state, role and surname) is one mention of the person.
"""

from __future__ import annotations

import bisect
import logging
import marshal
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import BinaryIO

from dualtrack.extract import tagger
from dualtrack.extract.dates import Dateline, DateMention, dateline
from dualtrack.extract.firstchars import finditer
from dualtrack.extract.langdata import LangData, country_of
from dualtrack.extract.normalize import count_cjk

_CAP_SEQ = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’-]*(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][\w'’-]+)*")
_JOINER = re.compile(r"^[\s·•・.\-’'A-Za-z\u4e00-\u9fff]{0,8}$")


@dataclass
class Mention:
    start: int
    end: int
    ids: tuple[str, ...]
    locative: bool = False
    # The first of `ids`, stored once: the coders read it some 550 times an article, which as
    # a property cost a Python call each time.
    id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.id = self.ids[0]


def find_mentions(text: str, lang: LangData, country: dict[str, str]) -> list[Mention]:
    """All actor mentions in normalised `text`, left to right, non-overlapping."""
    out: list[Mention] = []
    rx = lang.alias_re
    pos = 0
    n = len(text)
    while pos < n:
        m = rx.search(text, pos)
        if m is None:
            break
        alias = m.group()
        if alias in lang.not_names or _name_part(text, m.start(), lang):
            pos = m.end()
            continue
        if alias in lang.pair_aliases:
            inner = rx.match(text, m.start() + 1)
            # 其中美国: 美国, not 中美; but 美伊以和平方式: 美伊 stands, 伊以 is not read, and
            # 美菲军演 is the pair's exercise, not 美 + 菲军 (pair_roles: 军)
            if (
                inner is not None
                and inner.end() > m.end()
                and inner.group() not in lang.pair_aliases
                and inner.group()[len(alias) - 1 :] not in lang.mod.get("pair_roles", ())
            ):
                pos = m.start() + 1
                continue
        ids = lang.alias_ids.get(alias)
        if ids is None:
            pos = m.start() + 1
            continue
        end = m.end()
        if lang.role_re is not None:
            r = lang.role_re.match(text, end)
            if r is not None:
                end = r.end()
        if end == m.end() and _modifier(text, end, lang):
            pos = end
            continue
        out.append(Mention(m.start(), end, ids, locative=alias in lang.place_aliases))
        pos = end
    out = _bound_mentions(text, out, lang)
    out = _merge_titles(text, out, lang, country)
    out = _home_roles(text, out, lang)
    out = _titled_names(text, out, lang)
    out = _anaphors(text, out, lang, country)
    _mark_locatives(text, out, lang)
    return out


_NAME_DOTS = "·・•‧"  # the dots that join the parts of a transliterated name (阿卜杜勒·萨拉姆)


def _name_part(text: str, at: int, lang: LangData) -> bool:
    """Whether the alias at `at` is a later part of a transliterated name (阿卜杜勒·萨拉姆,
    阿卜杜勒·马利克: another person's surname, not the leader or the state the alias names):
    in Chinese it stands right after a name-joining dot that itself follows a letter. A dot that
    opens a line or follows a space or a colon is a list bullet (•美国宣布…), and the name after it
    is read. A full name in the data (马哈马特·代比) is matched from its first part, so its own
    dot never comes before a match."""
    return lang.cjk and at > 1 and text[at - 1] in _NAME_DOTS and text[at - 2].isalpha()


def _bound_mentions(text: str, ms: list[Mention], lang: LangData) -> list[Mention]:
    """对台军售, 赴台: an abbreviation in one of its bound contexts (`bound_abbreviations`
    in actors.yaml) is a mention of its state, covering the abbreviation and a role word right
    after it (对台当局). Alone such a character is a common word (平台, 台风, 日前), so it is no
    alias; and where a name starts at it (对美国, 对日本, 对伊朗支持的: a name the main scan
    read, merged or set aside as a modifier) the name's reading stands."""
    rx = lang.bound_re
    if rx is None:
        return ms
    found = list(finditer(rx, text))  # tried only where the abbreviation stands
    if not found:
        return ms
    ms = _cut_role_aliases(text, ms, found, lang)
    taken = bytearray(len(text))
    for m in ms:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra: list[Mention] = []
    for b in found:
        a = lang.alias_re.match(text, b.start())
        if taken[b.start()] or (a is not None and not _role_alias(a.group(), b.group(), lang)):
            continue
        r = lang.role_re.match(text, b.end()) if lang.role_re is not None else None
        end = r.end() if r is not None else b.end()
        extra.append(Mention(b.start(), end, lang.bound_ids[b.group()]))
    return sorted(ms + extra, key=lambda m: m.start) if extra else ms


def _role_alias(alias: str, abbr: str, lang: LangData) -> bool:
    """台军: an alias made of the abbreviation and a role character (`pair_roles`)."""
    return alias.startswith(abbr) and alias[len(abbr) :] in lang.mod.get("pair_roles", ())


def _cut_role_aliases(
    text: str, ms: list[Mention], found: list[re.Match[str]], lang: LangData
) -> list[Mention]:
    """对台军演, 围台军演, 对台军售: in its bound context the abbreviation is the party and 军
    starts the act (军演, 军售), as 美菲军演 is the pair's exercise and not 美 + 菲军. The
    main scan read the alias 台军 there, which swallowed the trigger's first character and
    left the act with no target; such a mention is dropped so the bound reading (the
    character alone, or with a role word: 对台军方) takes its place."""
    at = {b.start(): b.group() for b in found}
    keep = [
        m
        for m in ms
        if m.start not in at or not _role_alias(text[m.start : m.end], at[m.start], lang)
    ]
    return keep if len(keep) != len(ms) else ms


def _modifier(text: str, end: int, lang: LangData) -> bool:
    """ "Iran-backed Houthis", "Iranian-made drones": a name joined to a word that makes it
    describe the next noun (`modifier_after`) names no party of the clause; left in, it was
    taken for the target of a strike on the group. Not a role ("Sudan's army-backed
    government": the army is the state's own)."""
    rx = lang.mod.get("modifier_after_re")
    return rx is not None and rx.match(text, end) is not None


# How far back (characters) an anaphor looks for the actor it stands for.
_ANAPHOR_REACH = {True: 200, False: 500}


def _anaphors(
    text: str, ms: list[Mention], lang: LangData, country: dict[str, str]
) -> list[Mention]:
    """该组织 / the group, 该国 / the country: a noun that refers back to the last actor of its
    kind (`anaphors` in modality.yaml) is a mention of that actor, so that it can be the subject
    or the target of its clause. A state anaphor takes the state of the last state, person or
    agency named; a group anaphor the last armed group (叛军, the rebels: the group the report
    is about); a `group_state` one (政府军, the junta) the state the last armed group fights in,
    its own (GUIDE: the MNDAA's offensive on government troops is MMR.mndaa → MMR); a
    first-person one (我们, we) the speaker of its quote. A word right after a name (胡塞叛军,
    Myanmar junta) is that name's noun: no anaphor. A group anaphor with no group named within
    reach before it takes the document's (`_doc_group`)."""
    res: dict[str, re.Pattern[str]] = lang.mod.get("anaphor_res") or {}
    if not res or not ms:
        return ms
    taken = bytearray(len(text))
    for m in ms:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra: list[Mention] = []
    reach = _ANAPHOR_REACH[lang.cjk]
    found = sorted(((a, want) for want, rx in res.items() for a in finditer(rx, text)),
                   key=lambda x: x[0].start())  # fmt: skip
    ends = [m.end for m in ms]
    named: dict[int, Mention] = {}  # a state's name before a group noun (Myanmar rebels)
    for a, want in found:
        head = _head_of(text, ms, ends, a.start())
        if any(taken[a.start() : a.end()]) or (head is not None and want != "armed_group"):
            continue
        ids = _speaker(text, ms, a.start(), lang, country) if want == "speaker" else None
        for m in reversed(ms) if want != "speaker" else ():
            if m.end > a.start():
                continue
            if m.end < a.start() - reach:
                break
            ids = _referent(m, want, lang, country)
            if ids is not None:
                break
        if ids is None and want in _GROUP_KINDS:
            ids = _doc_group(ms, want, lang, country)
        if head is not None:  # Houthi rebels: the group's own noun; Myanmar's rebels: the
            if (
                ids is None
                or lang.actors.get(head.id) is None
                or (  # group of that state
                    lang.actors[head.id].kind != "state" or country.get(ids[0]) != head.id
                )
            ):
                continue
            named[head.start] = head
            extra.append(Mention(head.start, a.end(), ids))
        elif ids is not None:
            extra.append(Mention(a.start(), a.end(), ids))
    if named:
        ms = [m for m in ms if named.get(m.start) is not m]
    return sorted(ms + extra, key=lambda m: m.start) if extra else ms


# How far (characters) after a speaker's name its speech verb may come (海军新闻发言人王某某
# 海军发言人当天回应说), with no other name between.
_SPEECH_REACH = 20
# What ends the sentence before a first-person anaphor (quotes may hold several sentences).
_SENTENCE_BACK = re.compile(r"[。！？!?\n]|\.\s")


def _speaker(
    text: str, ms: list[Mention], pos: int, lang: LangData, country: dict[str, str]
) -> tuple[str, ...] | None:
    """我们 / we in a quote: the state of the speaker named earlier in its sentence (林外长表示,
    「我们…」), the first mention there followed by a speech verb; None when the speaker is named
    only after the quote. A quote said by a pronoun right after it ("…," he said) is the last
    person's named before it opens (`_person_said_after`)."""
    said = lang.mod.get("speech_re")
    if said is None:
        return None
    start = max((m.end() for m in _SENTENCE_BACK.finditer(text, max(0, pos - 300), pos)),
                default=max(0, pos - 300))  # fmt: skip
    if _open_quote(text, pos) is not None:
        after = _speaker_after(text, ms, pos, said) or _person_said_after(text, ms, pos, lang)
        if after is not None:
            return _referent(after, "state", lang, country)
        # 王发言人回应称,日前……。“…我们…”: the speaker who opened the paragraph
        start = min(start, text.rfind(_PARA, 0, pos) + 1)
    for m in ms:
        if m.start < start or len(m.ids) != 1:
            continue
        if m.end >= pos:
            break
        s = said.search(text, m.end, min(pos, m.end + _SPEECH_REACH))
        if s is not None and not any(m.end <= x.start < s.start() for x in ms):
            return _referent(m, "state", lang, country)
    return None


# Quote marks: opening and closing (straight double quotes open and close alike).
_OPEN_QUOTES = '“「『"'
_CLOSE_QUOTES = '”」』"'
# A paragraph break ends any quote.
_PARA = "\n"


def _open_quote(text: str, pos: int) -> int | None:
    """Where the quote holding `pos` opens, within its paragraph; None outside a quote (a
    straight quote opens when an even number of them precede it in the paragraph)."""
    para = text.rfind(_PARA, 0, pos) + 1
    for i in range(pos - 1, para - 1, -1):
        ch = text[i]
        if ch in _OPEN_QUOTES and (ch != '"' or text.count('"', para, i) % 2 == 0):
            return i
        if ch in _CLOSE_QUOTES:
            return None  # a closed quote lies between: pos is outside it
    return None


def _speaker_after(text: str, ms: list[Mention], pos: int, said: re.Pattern[str]) -> Mention | None:
    """'"…we requested…," said Prime Minister X': a quote whose speaker is named right after
    it closes (the speech verb before or after the name), in the same paragraph."""
    end = text.find(_PARA, pos)
    end = len(text) if end < 0 else end
    close = next((i for i in range(pos, end) if text[i] in _CLOSE_QUOTES), None)
    if close is None:
        return None
    tail = close + 1
    names = [m for m in ms if tail <= m.start < min(end, tail + 60) and len(m.ids) == 1]
    if not names:
        return None
    verb = said.search(text, tail, min(end, names[0].end + 15))
    if verb is None or not re.fullmatch(
        r"[\s,，。.]*", text[tail : min(verb.start(), names[0].start)]
    ):
        return None
    return names[0]


# What may stand between a closing quote, its speaker and the speech verb.
_GAP = re.compile(r"[\s,，]*")


def _person_said_after(text: str, ms: list[Mention], pos: int, lang: LangData) -> Mention | None:
    """'"…we won't tolerate it…," he said': a quote whose speaker is a pronoun right after it
    closes, in the same paragraph, is the person named last before the quote opens."""
    said, pronoun = lang.mod.get("speech_re"), lang.mod.get("pronouns_re")
    opened = _open_quote(text, pos)
    end = text.find(_PARA, pos)
    end = len(text) if end < 0 else end
    close = next((i for i in range(pos, end) if text[i] in _CLOSE_QUOTES), None)
    if said is None or pronoun is None or opened is None or close is None:
        return None
    p = pronoun.match(text, _GAP.match(text, close + 1).end())
    if p is None or said.match(text, _GAP.match(text, p.end()).end()) is None:
        return None
    return next((m for m in reversed(ms) if m.end <= opened and _kind(m, lang) == "person"), None)


def _kind(m: Mention, lang: LangData) -> str:
    e = lang.actors.get(m.id)
    return e.kind if e is not None else "state"


# The anaphors that, with no group named shortly before, take the document's group.
_GROUP_KINDS = frozenset({"armed_group", "group_state"})


def _doc_group(
    ms: list[Mention], want: str, lang: LangData, country: dict[str, str]
) -> tuple[str, ...] | None:
    """What a group anaphor with no group shortly before it takes (the rebels of a report
    whose alliance is named later, or far back): the armed group the document names most,
    where all the groups it names fight in one state; None where it names none, or groups of
    several states (then the rebels and the government might be either's)."""
    named = Counter(
        m.id for m in ms
        if len(m.ids) == 1 and (e := lang.actors.get(m.id)) is not None and e.kind == "armed_group"
    )  # fmt: skip
    if not named or len({country_of(country, g) for g in named}) > 1:
        return None
    group = Mention(0, 0, (named.most_common(1)[0][0],))
    return _referent(group, want, lang, country)


# What may stand between a name and the noun it heads (Houthi rebels, Yemen's rebels, 胡塞叛军).
_HEAD_GAP = re.compile(r"\s*(?:['’]s\s+)?")


def _head_of(text: str, ms: list[Mention], ends: list[int], pos: int) -> Mention | None:
    """The mention that ends right before `pos` (only a space or a possessive between), whose
    noun the word at `pos` is (Houthi rebels, 缅甸军政府); None where there is none."""
    i = bisect.bisect_right(ends, pos) - 1
    if i >= 0 and len(ms[i].ids) == 1 and _HEAD_GAP.fullmatch(text, ms[i].end, pos):
        return ms[i]
    return None


def _referent(
    m: Mention, want: str | None, lang: LangData, country: dict[str, str]
) -> tuple[str, ...] | None:
    """The ids an anaphor of kind `want` takes from mention `m`, or None if `m` is not one."""
    if len(m.ids) != 1:
        return None
    kind = _kind(m, lang)
    if want == "armed_group":
        return m.ids if kind == "armed_group" else None
    if want == "group_state":
        return (country_of(country, m.id),) if kind == "armed_group" else None
    if kind == "state":
        return m.ids
    if kind in ("person", "agency"):
        return (country_of(country, m.id),)
    return None


def outside_dateline(text: str, ms: list[Mention], lang: LangData) -> list[Mention]:
    """The mentions less those of the dateline's city (新华社北京电, MANILA, March 25 —): where
    the report was filed is no actor, target or venue of what it reports (its state still owns
    the dispatch's bare ministries: `_home_roles`, run before)."""
    dl = dateline(text, lang)
    if dl is None:
        return ms
    return [m for m in ms if not (dl.start <= m.start and m.end <= dl.end)]


def outside_dates(ms: list[Mention], dates: list[DateMention]) -> list[Mention]:
    """The mentions cut free of the dates. One that starts inside a date is dropped: 日 ends a
    day (1日中午, 7日以来) and is also Japan's short name, so 日中 or 日以 read across a day is no
    pair of states. One that runs into a date ends where the date starts (智利外长周三: Chile's
    foreign minister, not a minister named 周三)."""
    spans = sorted((d.start, d.end) for d in dates)
    starts = [s for s, _ in spans]
    out = []
    for m in ms:
        k = bisect.bisect_left(starts, m.end) - 1  # the last date starting before m ends
        hit = [spans[j] for j in range(max(0, k - 1), k + 1) if spans[j][1] > m.start]
        if not hit:
            out.append(m)
        elif hit[0][0] > m.start:
            out.append(replace(m, end=hit[0][0]))
    return out


def _home_roles(text: str, ms: list[Mention], lang: LangData) -> list[Mention]:
    """外交部 with no state before it: the ministry of the dispatch's home state (`_home_state`),
    else of the state other than the one its sentence addresses (`_other_party`)."""
    rx = lang.mod.get("home_roles_re")
    if rx is None or lang.dates.get("dateline_end_re") is None or not ms:
        return ms
    dl = dateline(text, lang, 50)
    home: tuple[str, ...] | None = None
    asked = False  # the home state is looked for once, at the first bare institution only
    taken = bytearray(len(text))
    for m in ms:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra: list[Mention] = []
    for h in rx.finditer(text, dl.body if dl is not None else 0):
        if any(taken[h.start() : h.end()]):
            continue
        if not asked:
            home, asked = _home_state(text, ms, lang, dl), True
        ids = home or _other_party(text, ms, h.end(), lang)
        if ids is not None:
            extra.append(Mention(h.start(), h.end(), ids))
    return sorted(ms + extra, key=lambda m: m.start) if extra else ms


def _home_state(
    text: str, ms: list[Mention], lang: LangData, dl: Dateline | None
) -> tuple[str, ...] | None:
    """The state a dispatch reports from: its dateline's city's (中央社台北电, 新华社北京电), else
    its outlet's, named at its top (环球网报道, 中新网…电), else the state whose own press's words
    it writes most (`home_marks`: 国军, 共军 are written only in Taiwan)."""
    home = next(
        (m.ids for m in ms if dl is not None and m.end <= dl.end and len(m.ids) == 1
         and (e := lang.actors.get(m.id)) is not None and e.kind == "state"),
        None,
    )  # fmt: skip
    if home is not None:
        return home
    outlets = lang.mod.get("home_outlets") or {}
    head = text[:50]
    home = next(((str(i),) for name, i in outlets.items() if name in head), None)
    if home is not None:
        return home
    count = {s: len(rx.findall(text)) for s, rx in (lang.mod.get("home_mark_res") or {}).items()}
    best = max(count.items(), key=lambda kv: kv[1], default=None)
    return (best[0],) if best is not None and best[1] > 0 else None


def _other_party(text: str, ms: list[Mention], pos: int, lang: LangData) -> tuple[str, ...] | None:
    """A bare 外交部 with no home state (no dateline, no outlet) whose sentence goes on to name
    one of the two states the document is about (外交部批评菲方…): the ministry of the other.
    The document's two states are the two named most often, each at least twice."""

    def is_state(actor_id: str) -> bool:
        e = lang.actors.get(actor_id)
        return e is not None and e.kind == "state"

    top = named_states(ms, is_state)[:2]
    if len(top) < 2 or top[1][1] < 2:
        return None
    end = _SENTENCE_FORWARD.search(text, pos, pos + _OBJECT_REACH)
    stop = end.start() if end is not None else pos + _OBJECT_REACH
    nxt = next((m for m in ms if pos <= m.start < stop and len(m.ids) == 1), None)
    (first, _), (second, _) = top
    if nxt is None or nxt.id not in (first, second):
        return None
    return (second if nxt.id == first else first,)


def named_states(
    ms: list[Mention], is_state: Callable[[str], bool], before: int | None = None
) -> list[tuple[str, int]]:
    """The states a document names (mentions of one actor only, before offset `before` if
    given), with how often, most named first; ties: the first named first. The one home of
    "the two states the document is about", which a bare ministry and a pair pronoun (双方,
    both sides) fall back on when nothing nearer says who is meant."""
    count: dict[str, int] = {}
    for m in ms:
        if len(m.ids) == 1 and (before is None or m.start < before) and is_state(m.id):
            count[m.id] = count.get(m.id, 0) + 1
    return sorted(count.items(), key=lambda kv: -kv[1])


# Where a bare ministry's sentence ends, and how far on it may name the state it addresses.
_SENTENCE_FORWARD = re.compile(r"[。！？!?\n]")
_OBJECT_REACH = 60


def _titled_names(text: str, ms: list[Mention], lang: LangData) -> list[Mention]:
    """土耳其外长费丹 … 费丹表示: a name no dictionary knows, right after a state's title, is a
    person of that state; later mentions of the bare name resolve to the state too."""
    rx = lang.mod.get("titled_name_re")
    titles = lang.mod.get("person_titles") or []
    if rx is None or not titles or not ms:
        return ms
    starts = {m.start for m in ms}
    names: dict[str, tuple[str, ...]] = {}
    out: list[Mention] = []
    for m in ms:
        n = rx.match(text, m.end) if text[m.start : m.end].endswith(tuple(titles)) else None
        if n is not None and not any(
            s in starts or lang.verb_at(text, s) for s in range(n.start(), n.end())
        ):  # 外长否认…: a trigger in what follows the title is the verb, not a name
            names.setdefault(n.group(), m.ids)
            m = Mention(m.start, n.end(), m.ids, m.locative)
        out.append(m)
    if not names:
        return out
    taken = bytearray(len(text))
    for m in out:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    for name, ids in names.items():
        pos = text.find(name)
        while pos >= 0:
            if not any(taken[pos : pos + len(name)]):
                out.append(Mention(pos, pos + len(name), ids))
            pos = text.find(name, pos + len(name))
    return sorted(out, key=lambda m: m.start)


def _merge_titles(
    text: str, ms: list[Mention], lang: LangData, country: dict[str, str]
) -> list[Mention]:
    """State/role mention directly followed by a person of that state: keep the person."""
    if not ms:
        return ms
    out = [ms[0]]
    for m in ms[1:]:
        prev = out[-1]
        gap = text[prev.end : m.start]
        same = (
            len(prev.ids) == 1
            and len(m.ids) == 1
            and (country.get(prev.id, prev.id) == country.get(m.id, m.id))
        )
        if (
            same
            and (not gap or "." in m.id)  # 委内瑞拉外交部谴责此举是对委国: two mentions, not one
            and _JOINER.match(gap)
            and (not gap or lang.cjk or gap.strip() == "" or gap.strip()[:1].isupper())
            and not _gap_parts(gap, lang)
        ):
            specific = m if "." in m.id or "." not in prev.id else prev
            out[-1] = Mention(prev.start, m.end, specific.ids)
        else:
            out.append(m)
    return out


# The word lists whose words between two mentions make them two parties, not a title and its
# holder: a conjunction (叙军与库尔德武装), a preposition (也门政府对胡塞武装), a speech verb
# (土耳其称库尔德工人党).
_GAP_PARTS = ("coordination_re", "comitative_preps_re", "target_preps_re", "agent_preps_re",
              "locative_preps_re", "speech_re", "passive_re")  # fmt: skip


def _gap_parts(gap: str, lang: LangData) -> bool:
    """Do the words between a state (or role) and a person of that state make them two
    mentions? In Chinese a title may stand between them (智利前任外长罗德里), but a conjunction,
    a preposition, a speech verb or an event's trigger means the second name is another party of
    the clause (缅甸政府与某民族武装: the state and the group it deals with)."""
    if not gap.strip() or not lang.cjk:
        return False
    if lang.find_verb(gap):
        return True
    return any((rx := lang.mod.get(k)) is not None and rx.search(gap) for k in _GAP_PARTS)


def _mark_locatives(text: str, ms: list[Mention], lang: LangData) -> None:
    rx = lang.mod.get("locative_preps_re")
    if rx is None:
        return
    seat = lang.mod.get("seat_before_re")
    prep = None if lang.cjk else _preposition_before(tuple(lang.mod["locative_preps"]))
    for i, m in enumerate(ms):
        if prep is None:
            # the compiled list, not plain suffixes: its look-behinds keep the 于 of 由于/对于
            # and the 到 of 遭到 from making the next name a place
            hit = ends_with(rx, text, m.start)
        else:
            found = prep.search(text[max(0, m.start - 6) : m.start])
            hit = found is not None and not _aimed_at_state(found.group(1), m, lang)
        if not hit and i > 0 and ms[i - 1].locative and ms[i - 1].end == m.start:
            hit = True  # 在阿曼马斯喀特: the city after the country is a place too
        if hit and seat is not None and ends_with(seat, text, m.start):
            hit = False  # "the government in Beirut": the seat stands for the state
        m.locative = m.locative or hit


@cache
def _preposition_before(preps: tuple[str, ...]) -> re.Pattern[str]:
    """One of `preps` (and "the") right before the end of a text, compiled once per list."""
    return re.compile(r"\b(" + "|".join(preps) + r")\s+(?:the\s+)?$", re.IGNORECASE)


def _aimed_at_state(prep: str, m: Mention, lang: LangData) -> bool:
    """ "fired missiles at Israel": after a preposition that marks a target as well as a place
    (at), a state is the target; a city or a body stays where something happened."""
    if prep.lower() not in (p.lower() for p in lang.mod.get("target_preps") or []):
        return False
    entry = lang.actors.get(m.ids[0]) if len(m.ids) == 1 else None
    return entry is not None and entry.kind == "state"


def ends_with(rx: re.Pattern[str], text: str, end: int) -> bool:
    """Does a match of `rx` end right at `end` (spaces allowed)? The one test of a cue word
    right before a name or a verb, for every component."""
    return any(not text[m.end() : end].strip() for m in finditer(rx, text, max(0, end - 40), end))


class _WholeFileMarshal:
    """`marshal` for jieba's loader, reading its dictionary cache (9 MB) in one piece. Why:
    `marshal.load` on a file reads it a few bytes at a time, which took about 1.0 s of CPU
    against 0.25 s for `marshal.loads` of the same bytes (about 5% of a 2,000-article bulk
    extraction); the dictionary is the same object either way."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(fh: BinaryIO) -> object:
        return marshal.loads(fh.read())


@cache
def _posseg():  # jieba's tagger is loaded on first use (about a second), and only for candidates
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.posseg.viterbi = tagger.viterbi  # the same tags, each step's maximum in numpy
    jieba.marshal = _WholeFileMarshal  # its dictionary's cache read in one piece
    jieba.posseg.dt.tokenizer.check_initialized()  # its dictionary, else read at the first cut
    return jieba.posseg


def load_tagger() -> None:
    """Load jieba's tagger and dictionary now rather than at the first name candidate (a
    second of start-up that would otherwise fall inside the first Chinese article that has one).
    """
    _posseg()


NAME_TAGS = ("nr", "nrt", "nrfg", "ns", "nt")


def candidate_names(
    prefix: str, lang: LangData, stopwords: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans in `prefix` (relative) that look like names of actors we do not know."""
    if lang.cjk:
        if count_cjk(prefix) < 2:
            return []
        out: list[tuple[int, int]] = []
        pos = 0
        for w in _posseg().lcut(prefix):
            start = prefix.find(w.word, pos)
            pos = start + len(w.word)
            if w.flag in NAME_TAGS and len(w.word) >= 2 and w.word not in stopwords:
                out.append((start, pos))
        return out
    return [
        m.span()
        for m in _CAP_SEQ.finditer(prefix)
        if m.group() not in stopwords
        and m.group().split()[0] not in stopwords
        and m.group() not in lang.alias_ids  # a known name in a place slot ("in Beirut")
    ]
