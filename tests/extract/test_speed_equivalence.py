"""The shortcuts the coder takes for speed give what the plain computation gives: the verb patterns
tried by their first two characters or their first (`LangData.verb_at`, `find_verb`,
`firstchars.index_patterns`) match where the whole alternation does, a draft copied with
`Draft.but` equals `dataclasses.replace`, the per-document index of drafts by clause
(`DocView.drafts_in`) lists what a scan lists, in order, and so do a clause's mentions and dates
(`DocView.units`), the width and variant folds of `normalize` are the `str.translate` tables
they replace, `is_english` is `detect_lang`'s English, a pattern tried only at its first
characters (`firstchars.finditer`) or near the literals it holds (`firstchars.Scan`) finds
what `re` finds, an English word list behind a
look-ahead of its first characters (`firstchars.look_ahead`) matches where the plain list
does, the
learned models' rows of cues
crossed with a category (`Linear.rows_crossed`) are the rows of the crossed strings, and the
libyaml loader reads the language files as the pure-Python one does, and jieba's tagger with its
Viterbi steps in numpy (`tagger.viterbi`) gives jieba's own route and probability. Sentences
written for these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from dualtrack.extract import Extractor, detect_lang, learned
from dualtrack.extract.firstchars import Scan, _guide, anchor, finditer, first_pairs, index_patterns
from dualtrack.extract.langdata import _LOADER, _alt, build
from dualtrack.extract.pipeline import is_english
from dualtrack.model import Document

norm = sys.modules["dualtrack.extract.normalize"]  # the package exports the function of the name

ZH = "据报道，智利外长周三在会谈后表示，将向秘鲁提出抗议，并谴责秘鲁军方的挑衅行为。"
EN = (
    "The foreign minister of Chile said on Monday that his country condemned the strike "
    "and urged Peru to withdraw its troops, while Bolivia offered to mediate talks."
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(case=None, lang="auto")


@pytest.mark.parametrize(("code", "text"), [("zh", ZH), ("en", EN)])
def test_verb_at_and_find_verb_are_the_whole_alternation(
    ex: Extractor, code: str, text: str
) -> None:
    lang = ex._load(code)
    for pos in range(len(text) + 1):
        want, got = lang.verb_re.match(text, pos), lang.verb_at(text, pos)
        assert (want and (want.span(), want.lastgroup)) == (got and (got.span(), got.lastgroup))
    for a in range(0, len(text), 3):
        for b in (a + 2, a + 7, len(text)):
            piece = text[a:b]
            want, got = lang.verb_re.search(piece), lang.find_verb(piece)
            assert (want and want.span()) == (got and got.span())


def test_draft_but_is_replace(ex: Extractor) -> None:
    _, view = ex.analyse(Document(text=EN, date=dt.date(2025, 3, 3), source="but"))
    assert view.drafts
    for d in view.drafts:
        changes = {"target": "XYZ", "confidence": 0.5, "subject_start": 3}
        assert d.but(**changes) == dataclasses.replace(d, **changes)
        assert d.but(**changes) is not d and d.target != "XYZ"
    with pytest.raises(TypeError):
        view.drafts[0].but(no_such_field=1)


@pytest.mark.parametrize("text", [ZH, EN])
def test_drafts_in_a_clause_are_those_a_scan_finds(ex: Extractor, text: str) -> None:
    _, view = ex.analyse(Document(text=text, date=dt.date(2025, 3, 3), source="idx"))
    assert view.drafts
    for u in view.units():
        scan = [d for d in view.drafts if u.start <= d.trigger.start < u.end]
        assert [id(d) for d in view.drafts_in(u)] == [id(d) for d in scan]
    view.drafts = view.drafts[:1]  # a new list of drafts: the index is rebuilt
    assert sum(len(view.drafts_in(u)) for u in view.units()) == 1


@pytest.mark.parametrize(
    "text",
    [
        ZH + "秘鲁总统3月2日回应称，玻利维亚愿意在两国之间调解。智利随后召回驻秘鲁大使。",
        EN + " On March 2 Peru answered that Bolivia may mediate. Chile then recalled its envoy.",
    ],
)
def test_a_units_mentions_and_dates_are_those_a_scan_finds(ex: Extractor, text: str) -> None:
    _, view = ex.analyse(Document(text=text, date=dt.date(2025, 3, 3), source="units"))
    units = view.units()
    assert len({u.sent for u in units}) > 1 and any(u.mentions for u in units if u.sent > 0)
    assert any(u.dates for u in units)
    for u in units:
        s = view.sents[u.sent]
        assert u.mentions == [m for m in view.mentions if m.end > s.start and m.start < s.end]
        assert u.dates == [d for d in view.dates if d.end > s.start and d.start < s.end]


WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
VARIANTS = str.maketrans({"砲": "炮", "衞": "卫", "綫": "线", "峯": "峰", "鎗": "枪"})


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii",
        "ＵＳＡ（美國）　１２月",
        "\uff00\uff01\uff5e\uff5f\u3000",
        "水砲與防衞",
        "\ud800ａ",
        ZH,
    ],
)
def test_folds_are_the_translate_tables(text: str) -> None:
    assert norm.half_width(text) == text.translate(WIDTH)
    assert norm._standard_forms(text) == text.translate(VARIANTS)


@pytest.mark.parametrize("text", [ZH, EN, "", "智利 Chile 和 Peru and Bolivia"])
def test_is_english_is_detect_langs_english(text: str) -> None:
    assert is_english(text) == (detect_lang(text) == "en")


def test_first_pairs() -> None:
    assert first_pairs("ab|c(?:d|e)") == {"ab", "cd", "ce"}
    assert first_pairs("a{0,2}b") == {"aa", "ab", "b"}  # a match may be one character long
    assert first_pairs(r"\bsaid(?!\w)") == {"sa"}
    assert first_pairs("ab", ignorecase=True) == {"ab", "aB", "Ab", "AB"}
    assert first_pairs(r"a\w") is None and first_pairs("a.") is None and first_pairs("x?") is None


def test_pair_index_is_the_whole_alternation() -> None:
    """Branches indexed by two characters, by one (a short match, an unbounded second) and not
    at all give at every position the match of the plain alternation, in its branch order."""
    branches = [("p0", "ab"), ("p1", "a"), ("p2", r"a\w+"), ("p3", "abc|b[cd]"), ("p4", "c{1,3}d")]
    plain = re.compile("|".join(f"(?P<{n}>{p})" for n, p in branches))
    index, cand, loose = index_patterns(branches, 0)
    assert loose is None and cand is not None
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("abcdx") for _ in range(rng.randint(0, 8)))
        for pos in range(len(text) + 1):
            want = plain.match(text, pos)
            rx = index.get(text[pos : pos + 2]) or index.get(text[pos : pos + 1])
            got = rx.match(text, pos) if rx is not None else None
            assert (want and (want.span(), want.lastgroup)) == (got and (got.span(), got.lastgroup))


GUIDED = [
    r"(?<![\d月])(?<!为期)(?P<day>3[01]|[12]\d|0?[1-9])[日号]",  # look-behinds first: no prefix
    r"(?:(?<!应)该国(?![际内]))|(?:(?<![尤])其(?=军队))",
    r"(?P<m>1[0-2]|0?[1-9])月(?:份|初)?",  # an optional digit first
]


def test_a_pattern_tried_at_its_first_characters_finds_what_re_finds() -> None:
    """Random texts of the patterns' own characters, scanned whole and between random bounds:
    the same matches, groups and all, as `finditer` (look-behinds reading before the bounds)."""
    rng = random.Random(11)
    for pattern in GUIDED:
        rx = re.compile(pattern)
        assert _guide(rx) is not None
        for _ in range(2000):
            text = "".join(rng.choice("1203日号月为期该国应际内其尤军队份初x ") for _ in range(20))
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text) + 2)
            for lo, hi in ((0, len(text)), (a, b)):
                want = [(m.span(), m.groups()) for m in rx.finditer(text, lo, hi)]
                assert [(m.span(), m.groups()) for m in finditer(rx, text, lo, hi)] == want


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [("当天|当日", 0), (r"(?:19|20)\d{2}年", 0), (r"(?:on )?monday", 0),
     (r"(?<!x)(?:monday|friday)", re.IGNORECASE), (r"(?<!x)\d+", re.VERBOSE)],
)  # fmt: skip
def test_a_pattern_with_a_prefix_or_letters_first_is_left_to_re(pattern: str, flags: int) -> None:
    """Guided only where `re` has no prefix to skip ahead to and the first characters are
    uncased (a letter is common, and IGNORECASE matches more than its two cases)."""
    assert _guide(re.compile(pattern, flags)) is None


# Pieces of the date patterns' texts, strung at random (English lower-cased, as it is scanned)
PIECES = {
    "en": ["on ", "the ", "last ", "this ", "next ", "in ", "mid-", "early ", "may ", "mar",
           "sept. ", "monday", "friday ", "day ", "before ", "year ", "month ", "later ",
           "two days ", "5", "18th ", "2024", "-", ", ", ".", "of ", "ay", "x"],
    "zh": ["1", "2", "0", "3", "日", "号", "月", "年", "上", "下", "周", "五", "个", "本", "同",
           "当天", "前", "(", ")", "为期", "去年", "份", "底", "今", "战争", "-", "."],
}  # fmt: skip


@pytest.mark.parametrize("code", ["en", "zh"])
def test_date_patterns_near_their_anchors_find_what_re_finds(code: str) -> None:
    """Every date pattern of a language, scanned by `Scan` over random strings of pieces of
    dates: the same matches, groups and all, as `finditer` (anchored, guided or plain)."""
    dates = build(code).dates
    rels = dates.get("relative_lower") or [r["re"] for r in dates["relative"]]
    patterns = rels + dates.get("absolute_lower", dates["absolute"])
    assert sum(anchor(rx) is not None for rx in patterns) >= 3  # 月, 日, a month name
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(PIECES[code]) for _ in range(30))
        scan = Scan(text)
        for rx in patterns:
            want = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert [(m.span(), m.groups()) for m in scan.finditer(rx)] == want, rx.pattern


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [(r"(?P<m>1[0-2]|0?[1-9])月(?:份|初)?", [("月", 1, 2)]),
     (r"(?:on )?(?:monday|mon)", [("mon", 0, 3)]),  # where "mon" is, so is "monday"
     (r"the (?:previous|prior) day|a day before", [("a day before", 0, 0),
      ("the previous day", 0, 0), ("the prior day", 0, 0)]),
     (r"(?:early|late) ?(?:may|june)\b", [("early", 0, 0), ("late", 0, 0)])],
)  # fmt: skip
def test_an_anchor_is_the_longest_literal_run_near_the_start(
    pattern: str, literals: list[tuple[str, int, int]]
) -> None:
    hold = anchor(re.compile(pattern))
    assert hold is not None and sorted(hold[0]) == sorted(literals)


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [("yesterday|yesterday's", 0), ("当天|当日", 0), ("(?:on )?monday", re.IGNORECASE),
     ("(?:on )?(?i:monday)", 0),
     (r"\d+ days?", 0), (r"(?P<d>[12]\d|0?[1-9]) (?:of )?(?:may|june)", 0)],
)  # fmt: skip
def test_a_pattern_re_skips_through_or_folding_case_has_no_anchor(pattern: str, flags: int) -> None:
    """No anchor where `re` skips ahead itself (a literal, or a class of uncased characters),
    where case folds (in a group too), where nothing literal is held, or where a digit's guide
    tries fewer places than the starts before a month name."""
    assert anchor(re.compile(pattern, flags)) is None


def test_rows_of_crossed_cues_are_the_rows_of_the_crossed_features() -> None:
    """The role model's rows of a candidate and the verifier's of a draft reading, looked up
    without building the crossed strings, are the rows of the features the models were
    trained on (`role_features`, `draft_features`)."""
    ex = Extractor(lang="en", coder="learned")
    text = (
        "Chile accused Peru of violating the border on Monday, and Bolivia urged both sides "
        "to hold talks. Peru rejected the charge and warned Chile against further moves."
    )
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 12)))
    models = learned.packaged()
    assert models is not None and view.drafts
    units = view.units()
    starts = [u.start for u in units]
    fill = learned.Fill(0.3, 1, "sentence", "actor", 1, "below")
    for d in view.drafts:
        k = learned.unit_of(starts, d)
        u, lin = units[k], models.verify
        for filled in (None, fill):
            want = lin.rows(learned.draft_features(view, u, d, filled))
            assert learned.draft_rows(view, u, d, lin, filled) == want
        cands = learned.role_candidates(view, units, k)
        for i in range(len(cands)):
            for cat in (d.category.value, "ASSAULT"):
                want = models.role.rows(learned.role_features(view, u, cands, i, cat))
                assert learned.role_rows(view, u, cands, i, cat, models.role) == want


def test_libyaml_reads_the_language_files_as_pyyaml_does() -> None:
    files = sorted((Path(learned.__file__).parent / "lang").rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=_LOADER) == yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize(
    "words",
    [
        ["since", "in the past", "years? ago", "has long", "decades?"],
        ["the two sides", "both countries", "Kill", "-based"],
        ["[Ss]aid", "warn(?:s|ed)?", "according to"],
    ],
)
def test_a_word_list_behind_its_first_characters_matches_as_the_plain_list(
    words: list[str],
) -> None:
    """The look-ahead `_alt` puts before an English word list (compiled IGNORECASE, as the
    language files are) only states what any match starts with: every match of the plain list
    is found, at the same span, in mixed case and with characters whose case folds to another
    letter (the long s, the Kelvin sign, a dotted capital I)."""
    flags = re.IGNORECASE
    fast = _alt(words, cjk=False, where="test", flags=flags)
    assert fast is not None and "(?=[" in fast.pattern
    body = "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))
    plain = re.compile(rf"\b(?:{body})(?!\w)", flags)
    texts = [
        EN,
        "SINCE then, The Two Sides said it had LONG warned; years ago, decades ago, Ankara-based",
        "\u017fince the past, \u212aill both countries\u2014said, warns, İn the past, saidx",
        "",
    ]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for s in range(0, len(text), 7):
            got, want = fast.search(text, s, s + 30), plain.search(text, s, s + 30)
            assert (got and got.span()) == (want and want.span())


def test_a_chinese_word_list_gets_a_look_ahead_only_where_re_has_no_prefix() -> None:
    """Words opening with a look-behind leave `re` no character to skip ahead to: the list gets
    the look-ahead and matches as the plain list; words opening with their character keep the
    engine's own skip (a look-ahead in front would hide it)."""
    bound = ["(?<![回响])应(?:当|该)?", "(?<![方])向(?!来)", "倘若"]
    fast = _alt(bound, cjk=True, where="test")
    assert fast is not None and fast.pattern.startswith("(?=[")
    plain = re.compile(
        "(?:" + "|".join(f"(?:{w})" for w in sorted(bound, key=len, reverse=True)) + ")"
    )
    for text in (ZH, "回应称，倘若对方向来如此，则应当向其抗议；响应", ""):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    literal = _alt(["谴责", "抗议"], cjk=True, where="test")
    assert literal is not None and not literal.pattern.startswith("(?=")


def test_a_prefix_table_holds_every_feature_with_the_prefix_and_no_other() -> None:
    """`Linear._table` finds a prefix's features as one run of the sorted vocabulary: the same
    table as a test of every feature, also for features that sort right beside the run."""
    names = ["c:", "c:a", "c:|b", "c;", "c", "b:z", "ASSAULT|x", "ASSAULT}", "ASSAULT", "w:中"]
    vocab = {f: i for i, f in enumerate(names)}
    lin = learned.Linear(vocab, np.zeros((len(vocab) + 1, 1)), True)
    for prefix in ("c:", "ASSAULT|", "w:", "b:", "x|"):
        n = len(prefix)
        assert lin._table(prefix) == {f[n:]: i for f, i in vocab.items() if f.startswith(prefix)}
    models = learned.packaged()
    assert models is not None
    for cat in ("ASSAULT", "CONSULT"):
        fresh = learned.Linear(models.verify.vocab, models.verify.weights, False)
        want = {f[len(cat) + 1 :]: i for f, i in fresh.vocab.items() if f.startswith(cat + "|")}
        assert fresh._table(cat + "|") == want


def test_warm_loads_jiebas_dictionary_before_the_first_article() -> None:
    """`Extractor.warm` leaves nothing of jieba's tagger to load inside an article."""
    jieba = pytest.importorskip("jieba")
    Extractor(lang="zh").warm()
    assert jieba.posseg.dt.tokenizer.initialized


def test_the_numpy_viterbi_gives_jiebas_route_and_probability() -> None:
    """Random runs of common and rare Chinese characters (a rare one may take every state, the
    costly case, and its emission of -3.14e100 absorbs the transitions: most steps then tie,
    jieba keeping the greatest state) and pieces of this file's sentence: the same route and
    probability to the bit; and jieba with the tagger patched in tags the sentence as before."""
    from importlib import import_module

    posseg = pytest.importorskip("jieba.posseg")
    from dualtrack.extract import tagger
    from dualtrack.extract.mentions import _posseg

    plain = import_module("jieba.posseg.viterbi").viterbi
    tables = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    rnd = random.Random(7)
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 400)] + list(ZH) + ["\u9fa5", "\u3400"]
    texts = [ZH[i : i + n] for i in range(0, len(ZH) - 8, 3) for n in (1, 2, 5, 8)]
    texts += ["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 9))) for _ in range(400)]
    for text in texts:
        assert tagger.viterbi(text, *tables) == plain(text, *tables), text
    assert _posseg().viterbi is tagger.viterbi
    try:
        posseg.viterbi = plain
        want_tags = [(w.word, w.flag) for w in posseg.lcut(ZH)]
    finally:
        posseg.viterbi = tagger.viterbi
    assert [(w.word, w.flag) for w in _posseg().lcut(ZH)] == want_tags
