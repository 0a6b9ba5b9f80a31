"""Accuracy of the event coder against the hand-written gold set, beside a keyword baseline.

Why: the extractor is the part an analyst touches first; its numbers must come from articles it
was not written around. The gold set (`benchmarks/data/gold/`, guidelines in its README) was
written independently of the extractor's rules. Scoring is multiset matching of
(date, actor_country, category, target_country) tuples per document: an event emitted twice counts
once as a hit and once as a false positive. Gold events include threatened, negated and
hypothetical ones (the category is what is scored); the modality flags are scored separately, as
accuracy on matched events. Quantities are scored as (value, unit) pairs on matched events; the
quantities of unmatched events count as misses (gold) or false positives (predicted).

    .venv/bin/python benchmarks/extract_accuracy.py [--json] [--verbose] [--counts]
    .venv/bin/python benchmarks/extract_accuracy.py --real dev|test|train [--json]

`--real SPLIT` scores the real-article corpus (`benchmarks/real/`, guide in its GUIDE.md) instead:
texts come from the cache outside the repository (`$DUALTRACK_CORPUS`) and are checked against
their SHA-256; the run skips with the reason when the cache is absent. There, null gold dates match
only null predictions (background events must not be dated), armed groups score as the country
before the dot (`LBN.hezbollah` -> `LBN`), and CONSULT/AGREE/COOPERATE are unordered pairs (a
coder's A->B and B->A of one talk count once).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from dualtrack.ontology import Category, is_symmetric

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "data" / "gold"
SHARED = ROOT.parent / "shared"
LANGS = ("zh-Hant", "zh-Hans", "en")
CATEGORIES = tuple(c.value for c in Category)
COUNT_UNITS = ("entity", "person", "troops", "vessel", "warship", "aircraft", "missile", "vehicle")
MEASURE_UNITS = ("km", "m", "kg", "tonne", "mach", "usd", "eur", "cny", "percent")
UNITS = frozenset((*COUNT_UNITS, *MEASURE_UNITS))
PRECISIONS = ("day", "week", "month")
EVENT_KEYS = (
    "date",
    "actor_country",
    "category",
    "target_country",
    "via",
    "negated",
    "hypothetical",
    "quantities",
)
_WARSHIP_KINDS = {
    "warship",
    "destroyer",
    "frigate",
    "corvette",
    "cruiser",
    "submarine",
    "aircraft carrier",
    "carrier",
    "littoral combat ship",
}
_TROOP_KINDS = {"troops", "troop", "soldier", "soldiers"}
_UNIT_ALIASES = {"t": "tonne", "ton": "tonne", "tons": "tonne", "tonnes": "tonne", "%": "percent"}


class _GoldLoader(yaml.SafeLoader):
    """YAML without implicit timestamps, so a bad date is reported per field, not as a crash."""


_GoldLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class GoldError(ValueError):
    """A malformed gold file: the message names the file and the field."""


@dataclass(frozen=True)
class Ev:
    """One event reduced to what is scored (gold or predicted)."""

    date: dt.date | None
    actor: str | None
    category: str
    target: str | None
    precision: str = "day"
    via: str | None = None
    negated: bool = False
    hypothetical: bool = False
    quantities: tuple[tuple[float, str], ...] = ()
    # a coder's confidence in the event (None: gold, the baseline); never compared
    confidence: float | None = field(default=None, compare=False)

    def label(self) -> str:
        flags = "".join(f" [{f}]" for f in ("negated", "hypothetical") if getattr(self, f))
        via = f" via {self.via}" if self.via else ""
        qs = ", ".join(f"{v:g} {u}" for v, u in self.quantities)
        qs = f" {{{qs}}}" if qs else ""
        return f"{self.date} {self.actor} {self.category} {self.target}{via}{flags}{qs}"


@dataclass
class Article:
    id: str
    lang: str
    date: dt.date
    text: str | None
    events: list[Ev]
    path: Path


# ---------------------------------------------------------------------------------------- gold


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise GoldError(f"{where}: date {value!r} is not YYYY-MM-DD") from exc


def _gold_event(raw: Any, where: str) -> Ev:
    if not isinstance(raw, dict):
        raise GoldError(f"{where}: an event must be a mapping")
    missing = [k for k in EVENT_KEYS if k not in raw]
    if missing:
        raise GoldError(f"{where}: missing field(s) {', '.join(missing)}")
    unknown = set(raw) - {*EVENT_KEYS, "date_precision"}
    if unknown:
        raise GoldError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if raw["category"] not in CATEGORIES:
        raise GoldError(f"{where}: category {raw['category']!r} is not a PLOVER category")
    precision = raw.get("date_precision", "day")
    if precision not in PRECISIONS:
        raise GoldError(f"{where}: date_precision {precision!r} not in {PRECISIONS}")
    for key in ("negated", "hypothetical"):
        if not isinstance(raw[key], bool):
            raise GoldError(f"{where}: {key} must be true or false")
    for key in ("actor_country", "target_country", "via"):
        value = raw[key]
        if key == "actor_country" and value is None:
            raise GoldError(f"{where}: actor_country must not be null")
        if value is not None and not re.fullmatch(r"[A-Z]{2,5}", str(value)):
            raise GoldError(f"{where}: {key} {value!r} is not an ISO3 or IGO code")
    quantities = []
    for q in raw["quantities"] or []:
        if not isinstance(q, dict) or set(q) != {"value", "unit"}:
            raise GoldError(f"{where}: a quantity must be {{value, unit}}, got {q!r}")
        if q["unit"] not in UNITS:
            raise GoldError(f"{where}: unit {q['unit']!r} not in the vocabulary {sorted(UNITS)}")
        if not isinstance(q["value"], int | float) or isinstance(q["value"], bool):
            raise GoldError(f"{where}: quantity value {q['value']!r} is not a number")
        quantities.append((float(q["value"]), q["unit"]))
    return Ev(
        date=_date(raw["date"], where),
        actor=raw["actor_country"],
        category=raw["category"],
        target=raw["target_country"],
        precision=precision,
        via=raw["via"],
        negated=raw["negated"],
        hypothetical=raw["hypothetical"],
        quantities=tuple(quantities),
    )


def load_article(path: Path, shared: Path = SHARED) -> Article:
    """Read one gold YAML and its text (next to it, or under `shared` for `source:` files)."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_GoldLoader)
    except yaml.YAMLError as exc:
        raise GoldError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise GoldError(f"{path}: expected a mapping with id, lang, date, events")
    for key in ("id", "lang", "date", "events"):
        if key not in raw:
            raise GoldError(f"{path}: missing field {key!r}")
    if raw["id"] != path.stem:
        raise GoldError(f"{path}: id {raw['id']!r} does not match the file name")
    if raw["lang"] not in LANGS:
        raise GoldError(f"{path}: lang {raw['lang']!r} not in {LANGS}")
    doc_date = _date(raw["date"], f"{path}: date")
    if doc_date is None:
        raise GoldError(f"{path}: the document date must be given")
    if not isinstance(raw["events"], list) or not raw["events"]:
        raise GoldError(f"{path}: events must be a non-empty list")
    events = [_gold_event(e, f"{path}: events[{i}]") for i, e in enumerate(raw["events"])]
    if "source" in raw:
        source = shared / raw["source"]
        text = source.read_text(encoding="utf-8") if source.is_file() else None
    else:
        txt = path.with_suffix(".txt")
        if not txt.is_file():
            raise GoldError(f"{path}: article text {txt.name} is missing")
        text = txt.read_text(encoding="utf-8")
    return Article(raw["id"], raw["lang"], doc_date, text, events, path)


def load_gold(gold_dir: Path = GOLD_DIR, shared: Path = SHARED) -> list[Article]:
    """Every gold article in `gold_dir` (seed annotations included; their text may be None)."""
    articles = [load_article(p, shared) for p in sorted(gold_dir.glob("*.yaml"))]
    orphans = {p.stem for p in gold_dir.glob("*.txt")} - {a.id for a in articles}
    if orphans:
        raise GoldError(f"{gold_dir}: article(s) without gold: {', '.join(sorted(orphans))}")
    return articles


# ------------------------------------------------------------------------------------- scoring


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


# Set by --real: the real corpus's guide dates background events null, and a coder that dates
# them has put them on the timeline wrongly, so there null matches only null.
STRICT_NULL_DATES = False


def date_matches(gold: Ev, pred: Ev) -> bool:
    """Gold `null` dates are not scored (real corpus: match only null); week/month gold dates
    accept any day in that span."""
    if gold.date is None:
        return pred.date is None if STRICT_NULL_DATES else True
    if pred.date is None:
        return False
    if gold.precision == "week":
        return gold.date.isocalendar()[:2] == pred.date.isocalendar()[:2]
    if gold.precision == "month":
        return (gold.date.year, gold.date.month) == (pred.date.year, pred.date.month)
    return gold.date == pred.date


def _same_tuple(gold: Ev, pred: Ev, with_date: bool) -> bool:
    core = (gold.actor, gold.category, gold.target) == (pred.actor, pred.category, pred.target)
    return core and (not with_date or date_matches(gold, pred))


def _agreement(gold: Ev, pred: Ev) -> int:
    same_q = Counter(gold.quantities) == Counter(pred.quantities)
    flags = (gold.negated == pred.negated) + (gold.hypothetical == pred.hypothetical)
    return flags + 2 * same_q + (gold.date == pred.date)


def canonical(events: Sequence[Ev]) -> list[Ev]:
    """Each symmetric event (a meeting of A and B: the ontology's `symmetric` categories) once,
    its two sides in sorted order: gold written as A→B and B→A is one meeting, as the extractor
    reports it; a symmetric prediction matches whichever way round the gold names it."""
    out: list[Ev] = []
    seen: set[tuple] = set()
    for e in events:
        if e.actor and e.target and is_symmetric(e.category):
            a, t = sorted((e.actor, e.target))
            e = replace(e, actor=a, target=t)
            key = (e.date, a, e.category, t, e.negated, e.hypothetical)
            if key in seen:
                continue
            seen.add(key)
        out.append(e)
    return out


def match(gold: Sequence[Ev], pred: Sequence[Ev], with_date: bool = True) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index) of a one-to-one matching of equal tuples.

    Each predicted event is used at most once, so duplicates are false positives. Among the
    candidates for a gold event, the one agreeing best on date, flags and quantities is taken, so
    that flag and quantity scores are not penalised by an arbitrary pairing.
    """
    used: set[int] = set()
    pairs = []
    order = sorted(range(len(gold)), key=lambda i: gold[i].date is None)  # dated gold first
    for gi in order:
        candidates = [
            pi
            for pi, p in enumerate(pred)
            if pi not in used and _same_tuple(gold[gi], p, with_date)
        ]
        if candidates:
            best = max(candidates, key=lambda pi: _agreement(gold[gi], pred[pi]))
            used.add(best)
            pairs.append((gi, best))
    return sorted(pairs)


def score(gold: Sequence[Ev], pred: Sequence[Ev], with_date: bool = True) -> Score:
    tp = len(match(gold, pred, with_date))
    return Score(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def quantity_score(
    gold: Sequence[Ev], pred: Sequence[Ev], pairs: Iterable[tuple[int, int]]
) -> Score:
    """(value, unit) pairs on matched events; quantities of unmatched events are misses/FPs."""
    s = Score()
    matched_g, matched_p = set(), set()
    for gi, pi in pairs:
        matched_g.add(gi)
        matched_p.add(pi)
        left = list(pred[pi].quantities)
        for value, unit in gold[gi].quantities:
            hit = next(
                (k for k, (v, u) in enumerate(left) if u == unit and _same_value(v, value)), None
            )
            if hit is None:
                s.fn += 1
            else:
                s.tp += 1
                left.pop(hit)
        s.fp += len(left)
    s.fn += sum(len(g.quantities) for i, g in enumerate(gold) if i not in matched_g)
    s.fp += sum(len(p.quantities) for i, p in enumerate(pred) if i not in matched_p)
    return s


# ------------------------------------------------------------------------------ the extractor


def normalize_unit(unit: str, what: str | None = None) -> str:
    """Map an extractor's unit (plus what was counted) onto the gold unit vocabulary."""
    u = _UNIT_ALIASES.get(unit.strip(), unit.strip().lower())
    kind = (what or "").strip().lower()
    if u == "vessel" and kind in _WARSHIP_KINDS:
        return "warship"
    if u == "person" and kind in _TROOP_KINDS:
        return "troops"
    return u


def _code(value: Any) -> str | None:
    return str(value).upper() if value else None


def event_from_record(rec: dict[str, Any]) -> Ev:
    """An extractor record (see `dualtrack extract --format jsonl`) as a scored event."""
    date = rec.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    quantities = tuple(
        (float(q["value"]), unit)
        for q in rec.get("quantities") or []
        if (unit := normalize_unit(str(q["unit"]), q.get("what"))) in MEASURE_UNITS
        or float(q["value"]) != 1.0  # the guidelines leave counts of one (一艘, "a drone") out
    )
    return Ev(
        date=date,
        actor=_code(rec.get("actor_country")),
        category=str(rec.get("category")),
        target=_code(rec.get("target_country")),
        precision=str(rec.get("date_precision") or "day"),
        via=_code(rec.get("via_country") or rec.get("via")),
        negated=bool(rec.get("negated")),
        # the gold flag covers planned, conditional, rumoured and unconfirmed acts
        hypothetical=bool(rec.get("hypothetical"))
        or bool({"conditional", "unconfirmed"} & set(rec.get("flags") or ())),
        quantities=quantities,
        confidence=rec.get("confidence"),
    )


Runner = Callable[[Article], list[Ev]]


def extractor_runner(coder: str = "rules", ex: Any = None, min_confidence: float = 0.0) -> Runner:
    """The real extractor behind a function Article -> events (fails clearly if not built);
    events below `min_confidence` are dropped, as `dualtrack extract --min-confidence` drops
    them, so the precision an analyst gets at that bar can be read off."""
    try:
        from dualtrack.errors import DualtrackError
        from dualtrack.extract import Extractor, event_record
        from dualtrack.model import Document
    except ImportError as exc:
        raise SystemExit(f"extract_accuracy: dualtrack.extract is not usable yet ({exc})") from exc
    ex = ex or Extractor(case=None, lang="auto", coder=coder)

    def run(article: Article) -> list[Ev]:
        doc = Document(text=article.text or "", date=article.date, lang=None, source=article.id)
        records = []
        try:
            events = ex.extract(doc).events
        except DualtrackError:  # a document the LLM could not code: scored as no events
            events = []
        for e in events:
            if e.confidence < min_confidence:
                continue
            rec = event_record(e, ex)
            rec.setdefault("via_country", ex.country(e.via) if e.via else None)
            records.append(event_from_record(rec))
        return records

    return run


def llm_extractor(
    args: argparse.Namespace, articles: Sequence[Article]
) -> tuple[Any, Callable[[], str]]:
    """The LLM coder with every article asked first (in parallel, cached in the user cache
    dir), and a line on what it cost: model, seconds and tokens per document asked."""
    import time

    from dualtrack.extract.coders import LLMSettings, make_extractor
    from dualtrack.model import Document

    settings = LLMSettings.from_env(args.llm_url, args.llm_model, max_tokens=args.llm_max_tokens)
    ex = make_extractor(coder="llm", llm=settings)
    docs = [Document(text=a.text or "", date=a.date, lang=None, source=a.id) for a in articles]
    started = time.monotonic()
    ex.llm.prefetch(docs)
    seconds = time.monotonic() - started
    m = ex.llm.meter
    asked = max(1, m.documents - m.cached)
    return (
        ex,
        lambda: (
            f"llm: model {ex.llm.model} at {ex.llm.settings.url}, prompt {ex.llm.book.version}: "
            f"{m.documents} documents coded ({m.cached} pieces from cache, {m.failed} failed: "
            f"scored as no events), {seconds / asked:.1f} s and {m.tokens / asked:.0f} completion "
            f"tokens per document asked; events dropped: {dict(ex.llm.dropped) or 'none'}"
        ),
    )


# ------------------------------------------------------------------------------------ baseline

# A deliberately simple coder for comparison (lexicon in data/baseline_lexicon.yaml): per
# sentence, the category whose keyword occurs first, the first two distinct country mentions as
# actor and target, the document date.
_LEXICON = yaml.safe_load(
    (ROOT / "benchmarks" / "data" / "baseline_lexicon.yaml").read_text(encoding="utf-8")
)


def _alternation(words: Iterable[str]) -> str:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w)
        parts.append(rf"\b{esc}\b" if w[0].isascii() and w[-1].isalnum() else esc)
    return "|".join(parts)


_ALIAS_CODE = {str(a): c for c, al in _LEXICON["countries"].items() for a in al}
_COUNTRY_RE = re.compile(_alternation(_ALIAS_CODE))
_KEYWORD_CAT = {str(k).lower(): c for c, ks in _LEXICON["keywords"].items() for k in ks}
_KEYWORD_RE = re.compile(_alternation(_KEYWORD_CAT), re.IGNORECASE)
_SENTENCE_RE = re.compile(r"(?<=[。！？!?；;])|(?<=[.])\s+(?=[A-Z\"“(])")


def baseline_events(article: Article) -> list[Ev]:
    events = []
    for sentence in _SENTENCE_RE.split(article.text or ""):
        keyword = _KEYWORD_RE.search(sentence)
        if not keyword:
            continue
        codes: list[str] = []
        for m in _COUNTRY_RE.finditer(sentence):
            code = _ALIAS_CODE[m.group(0)]
            if code not in codes:
                codes.append(code)
        if codes:
            category = _KEYWORD_CAT[keyword.group(0).lower()]
            target = codes[1] if len(codes) > 1 else None
            events.append(Ev(article.date, codes[0], category, target))
    return events


# ------------------------------------------------------------------------- real-article corpus

REAL_DIR = ROOT / "benchmarks" / "real"
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def _real_module() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("real_corpus", REAL_DIR / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unordered(events: Iterable[Ev]) -> list[Ev]:
    """Symmetric categories as one event per unordered pair (actor < target), duplicates dropped."""
    out: list[Ev] = []
    seen: set[tuple[Any, ...]] = set()
    for e in events:
        if e.category in SYMMETRIC and e.target and e.actor and e.target < e.actor:
            e = replace(e, actor=e.target, target=e.actor)
        key = (e.date, e.actor, e.category, e.target)
        if e.category in SYMMETRIC and key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out


def _country(value: Any) -> str | None:
    return str(value).split(".")[0] if value else None


def real_event(g: dict[str, Any]) -> Ev:
    """One line of the real corpus's gold schema as scored: parties reduced to their country."""
    return Ev(
        _date(g["date"], g["doc_id"]),
        _country(g["actor"]),
        g["category"],
        _country(g["target"]),
        g["date_precision"],
        _country(g["via"]),
        g["negated"],
        g["hypothetical"],
        tuple((float(q["value"]), q["unit"]) for q in g["quantities"] or []),
    )


def load_real(
    split: str, root: Path = REAL_DIR, crises: Sequence[str] | None = None
) -> list[Article]:
    """The corpus's articles of `split` (only those of `crises` when given) with their gold;
    SystemExit with the reason when the cached texts are absent (CI never has them) or do not
    match their hashes, or when a crisis named has no article in the split."""
    rc = _real_module()
    cache = rc.cache_dir()
    docs = {r["doc_id"]: r for r in rc.rows(root, "docs.jsonl")}
    chosen = {d: r for d, r in docs.items() if r["split"] == split}
    if crises:
        unknown = sorted(set(crises) - {r["crisis"] for r in chosen.values()})
        if unknown:
            raise SystemExit(f"extract_accuracy: --crises: no {split!r} articles of {unknown}")
        chosen = {d: r for d, r in chosen.items() if r["crisis"] in crises}
    if not chosen:
        raise SystemExit(f"extract_accuracy: no {split!r} articles in {root}")
    if not cache.is_dir():
        raise SystemExit(
            f"extract_accuracy: skipped: the corpus cache {cache} is absent "
            "(set $DUALTRACK_CORPUS; see benchmarks/real/GUIDE.md)"
        )
    gold = rc.gold_by_doc(root)
    articles, missing = [], []
    for doc_id, row in sorted(chosen.items()):
        path = cache / f"{doc_id}.txt"
        text = rc.cached_text(row, cache)
        if text is None:
            missing.append(doc_id)
            continue
        events = unordered([real_event(g) for g in gold.get(doc_id, [])])
        articles.append(
            Article(doc_id, row["lang"], _date(row["doc_date"], doc_id), text, events, path)
        )
    if missing:
        print(f"extract_accuracy: {len(missing)} texts absent from {cache}", file=sys.stderr)
    if not articles:
        raise SystemExit(f"extract_accuracy: skipped: no cached texts for {split!r} in {cache}")
    return articles


def symmetric_runner(runner: Runner) -> Runner:
    return lambda article: unordered(runner(article))


# ---------------------------------------------------------------------------------- evaluation


@dataclass
class DocResult:
    article: Article
    pred: list[Ev]
    pairs: list[tuple[int, int]]

    @property
    def misses(self) -> list[Ev]:
        hit = {g for g, _ in self.pairs}
        return [e for i, e in enumerate(self.article.events) if i not in hit]

    @property
    def false_positives(self) -> list[Ev]:
        hit = {p for _, p in self.pairs}
        return [e for i, e in enumerate(self.pred) if i not in hit]


_NEAR_MISSES = (  # (class, fields that must agree besides the one that is wrong)
    (
        "wrong date only",
        lambda g, p: (g.actor, g.category, g.target) == (p.actor, p.category, p.target),
    ),
    (
        "wrong target only",
        lambda g, p: (g.actor, g.category) == (p.actor, p.category) and date_matches(g, p),
    ),
    (
        "wrong category only",
        lambda g, p: (g.actor, g.target) == (p.actor, p.target) and date_matches(g, p),
    ),
    (
        "wrong actor only",
        lambda g, p: (g.category, g.target) == (p.category, p.target) and date_matches(g, p),
    ),
)


def near_misses(misses: Sequence[Ev], extras: Sequence[Ev]) -> list[tuple[str, Ev, Ev]]:
    """(class, gold, prediction) for each miss that an unmatched prediction differs from in one
    field only (`_NEAR_MISSES`, in their order; each prediction pairs with one miss). Why: a
    class's count alone does not say whether the coder read the same clause wrongly or coded
    another clause on the same day (`--verbose` lists the pairs)."""
    return _pair_near(misses, extras)[0]


def _pair_near(
    misses: Sequence[Ev], extras: Sequence[Ev]
) -> tuple[list[tuple[str, Ev, Ev]], list[Ev], list[Ev]]:
    """`near_misses`, with the misses and the predictions left unpaired."""
    spare = list(extras)
    out: list[tuple[str, Ev, Ev]] = []
    pending = list(misses)
    for name, near in _NEAR_MISSES:
        still = []
        for g in pending:
            p = next((p for p in spare if near(g, p)), None)
            if p is None:
                still.append(g)
            else:
                spare.remove(p)
                out.append((name, g, p))
        pending = still
    return out, pending, spare


def error_classes(misses: Sequence[Ev], extras: Sequence[Ev], hits: Sequence[Ev] = ()) -> Counter:
    """Why unmatched gold events were missed: the nearest unmatched prediction differing in one
    field (each prediction explains one miss); else the other direction of a joint event or
    another member of a compound actor/target was found (`hits`: matched gold events); else
    'not found'. Leftover predictions are 'spurious'.
    """
    pairs, pending, spare = _pair_near(misses, extras)
    out: Counter = Counter(name for name, _, _ in pairs)
    for g in pending:
        if any(
            (h.actor, h.target, h.category, h.date) == (g.target, g.actor, g.category, g.date)
            for h in hits
        ):
            out["joint event: one direction only"] += 1
        elif any(
            (h.category, h.date) == (g.category, g.date)
            and (h.actor == g.actor or h.target == g.target)
            for h in hits
        ):
            out["compound: one member only"] += 1
        else:
            out["not found"] += 1
    if spare:
        out["spurious"] += len(spare)
    return out


def spurious_kinds(gold: Sequence[Ev], extras: Sequence[Ev], misses: Sequence[Ev]) -> Counter:
    """What each spurious prediction (an extra no miss pairs with, `error_classes`) shares with
    the article's gold events (all of them, matched or not): the same act on another date (told
    again, a recap or a related headline), the same act the other way round, the gold pair under
    another category (often one act of a clause coded twice), or parties gold never pairs, one
    of them a third state. Why: 'spurious' was the second largest error class and pooled errors
    of the date, of the roles, of the category and of the parties; each needs another fix."""
    spare = _pair_near(misses, extras)[2]
    pairs = {frozenset((g.actor, g.target)) for g in gold}
    parties = {g.actor for g in gold} | {g.target for g in gold}
    acts = {(g.actor, g.category, g.target) for g in gold}
    out: Counter = Counter()
    for p in spare:
        if p.actor is None or p.target is None:
            kind = "a party null"
        elif p.actor == p.target:
            kind = "one country both sides"
        elif (p.actor, p.category, p.target) in acts:
            kind = "gold act, another date or told twice"
        elif (p.target, p.category, p.actor) in acts:
            kind = "gold act reversed"
        elif frozenset((p.actor, p.target)) in pairs:
            kind = "gold pair, another category"
        elif p.actor in parties and p.target in parties:
            kind = "gold parties never paired"
        else:
            kind = "a party gold never names"
        out[kind] += 1
    return out


@dataclass
class Report:
    events: Score = field(default_factory=Score)
    undated: Score = field(default_factory=Score)
    quantities: Score = field(default_factory=Score)
    flags: Counter = field(default_factory=Counter)
    by_category: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: Counter = field(default_factory=Counter)
    spurious: Counter = field(default_factory=Counter)  # `spurious_kinds`
    docs: list[DocResult] = field(default_factory=list)

    def add(self, article: Article, pred: list[Ev]) -> None:
        article.events = gold = canonical(article.events)
        pred = canonical(pred)
        pairs = match(gold, pred)
        self.docs.append(DocResult(article, pred, pairs))
        self.events.add(Score(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)))
        self.undated.add(score(gold, pred, with_date=False))
        self.quantities.add(quantity_score(gold, pred, pairs))
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            self.flags["pairs"] += 1
            self.flags["negated_ok"] += g.negated == p.negated
            self.flags["hypothetical_ok"] += g.hypothetical == p.hypothetical
            if g.negated or g.hypothetical:
                self.flags["modal_gold"] += 1
                self.flags["modal_ok"] += (g.negated, g.hypothetical) == (p.negated, p.hypothetical)
            if g.via or p.via:
                self.flags["via_pairs"] += 1
                self.flags["via_ok"] += g.via == p.via
        matched_g = {g for g, _ in pairs}
        matched_p = {p for _, p in pairs}
        for gi, g in enumerate(gold):
            self.by_category[g.category].tp += gi in matched_g
            self.by_category[g.category].fn += gi not in matched_g
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                self.by_category[p.category].fp += 1
        # confusion: what each missed gold event was coded as (same actor/target/date), if at all
        spare = [p for i, p in enumerate(pred) if i not in matched_p]
        for gi, g in enumerate(gold):
            if gi in matched_g:
                self.confusion[g.category][g.category] += 1
                continue
            other = next(
                (
                    p
                    for p in spare
                    if (p.actor, p.target) == (g.actor, g.target) and date_matches(g, p)
                ),
                None,
            )
            if other is not None:
                spare.remove(other)
            self.confusion[g.category][other.category if other else "-"] += 1
        misses = [g for i, g in enumerate(gold) if i not in matched_g]
        extras = [p for i, p in enumerate(pred) if i not in matched_p]
        self.errors.update(error_classes(misses, extras, [gold[i] for i in sorted(matched_g)]))
        self.spurious.update(spurious_kinds(gold, extras, misses))

    def summary(self) -> dict[str, Any]:
        f = self.flags
        pairs = f["pairs"] or 1
        return {
            "events": self.events.as_dict(),
            "events_ignoring_date": self.undated.as_dict(),
            "quantities": self.quantities.as_dict(),
            "error_classes": dict(self.errors),
            "spurious_kinds": dict(self.spurious),
            "flags_on_matched": {
                "matched": f["pairs"],
                "negated_accuracy": round(f["negated_ok"] / pairs, 4),
                "hypothetical_accuracy": round(f["hypothetical_ok"] / pairs, 4),
                "modal_gold_events": f["modal_gold"],
                "modal_recall": round(f["modal_ok"] / f["modal_gold"], 4)
                if f["modal_gold"]
                else None,
                "via_pairs": f["via_pairs"],
                "via_accuracy": round(f["via_ok"] / f["via_pairs"], 4) if f["via_pairs"] else None,
            },
        }


def evaluate(articles: Sequence[Article], runner: Runner) -> dict[str, Report]:
    """Reports keyed by language, 'overall' (all written articles) and 'seed'."""
    reports: dict[str, Report] = defaultdict(Report)
    for article in articles:
        if article.text is None:
            continue
        pred = runner(article)
        if article.id.startswith("seed_"):
            reports["seed"].add(article, pred)
        else:
            reports[article.lang].add(article, pred)
            reports["overall"].add(article, pred)
    return reports


# -------------------------------------------------------------------------------------- output


def counts(articles: Sequence[Article]) -> dict[str, Any]:
    out: dict[str, Any] = {"articles": {}, "events": {}, "categories": {}}
    for a in articles:
        key = "seed" if a.id.startswith("seed_") else a.lang
        out["articles"][key] = out["articles"].get(key, 0) + 1
        out["events"][key] = out["events"].get(key, 0) + len(a.events)
        for e in a.events:
            row = out["categories"].setdefault(e.category, Counter())
            row[key] += 1
    out["categories"] = {c: dict(out["categories"].get(c, {})) for c in CATEGORIES}
    return out


def _row(name: str, s: Score) -> str:
    return (
        f"{name:<22} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>5} "
        f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
    )


def reliability(report: Report) -> str:
    """How often the coder's scored events of each confidence band are right (strict, as
    matched above), Brier score and expected calibration error over ten bands: whether an event
    at 0.8 is right about 80% of the time on this split. Events without a confidence (a coder
    that gives none) are left out."""
    rows = [
        (p.confidence, pi in {b for _, b in r.pairs})
        for r in report.docs
        for pi, p in enumerate(r.pred)
        if p.confidence is not None
    ]
    if not rows:
        return "reliability: the coder gave no confidences"
    lines = [f"reliability: {len(rows)} events, {sum(ok for _, ok in rows)} right"]
    lines.append(f"{'confidence':<12} {'events':>6} {'mean conf':>9} {'right':>6}")
    for k in range(5):
        band = [(c, ok) for c, ok in rows if min(int(c * 5), 4) == k]
        if band:
            mean = sum(c for c, _ in band) / len(band)
            right = sum(ok for _, ok in band) / len(band)
            lo, hi = k / 5, (k + 1) / 5
            lines.append(f"{lo:.1f}-{hi:.1f}     {len(band):>6} {mean:>9.3f} {right:>6.3f}")
    brier = sum((c - ok) ** 2 for c, ok in rows) / len(rows)
    tens: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for c, ok in rows:
        tens[min(int(c * 10), 9)].append((c, ok))
    ece = sum(abs(sum(c for c, _ in b) - sum(ok for _, ok in b)) for b in tens.values()) / len(rows)
    lines.append(f"Brier {brier:.4f}, expected calibration error (ten bands) {ece:.4f}")
    return "\n".join(lines)


def render(results: dict[str, dict[str, Report]], verbose: bool) -> str:
    lines = []
    header = f"{'':<22} {'gold':>5} {'pred':>5} {'hit':>5} {'P':>6} {'R':>6} {'F1':>6}"
    groups = [g for g in (*LANGS, "overall", "seed") if g in results["extractor"]]
    for system, reports in results.items():
        lines += [
            "",
            f"== {system}: events (date, actor_country, category, target_country)",
            header,
        ]
        lines += [_row(g, reports[g].events) for g in groups if g in reports]
        lines += ["", f"-- {system}: same, ignoring the date", header]
        lines += [_row(g, reports[g].undated) for g in groups if g in reports]
        if system == "extractor":
            lines += ["", "-- extractor: quantities (value, unit) on matched events", header]
            lines += [_row(g, reports[g].quantities) for g in groups]
            lines += ["", "-- extractor: modality and via on matched events"]
            for g in groups:
                fl = reports[g].summary()["flags_on_matched"]
                lines.append(
                    f"{g:<10} matched {fl['matched']:>4}  negated acc {fl['negated_accuracy']:.3f}"
                    f"  hypothetical acc {fl['hypothetical_accuracy']:.3f}"
                    f"  modal gold {fl['modal_gold_events']} recall {fl['modal_recall']}"
                    f"  via acc {fl['via_accuracy']} (n={fl['via_pairs']})"
                )
    overall = results["extractor"]["overall"]
    base = results["baseline"]["overall"]
    lines += ["", "== extractor: error classes of misses and extras"]
    for g in groups:
        errs = results["extractor"][g].errors
        lines.append(f"{g:<10} " + ", ".join(f"{k} {v}" for k, v in errs.most_common()))
    lines += ["", "-- extractor: spurious extras by what gold shares with them (`spurious_kinds`)"]
    for g in groups:
        kinds = results["extractor"][g].spurious
        lines.append(f"{g:<10} " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    lines += ["", "== per category (overall, written articles)"]
    lines.append(
        f"{'category':<10} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'base R':>7}  coded as"
    )
    for c in CATEGORIES:
        s, b = overall.by_category[c], base.by_category[c]
        conf = ", ".join(f"{k}:{v}" for k, v in overall.confusion[c].most_common() if k != c)
        lines.append(
            f"{c:<10} {s.tp + s.fn:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            f" {b.recall:>7.3f}  {conf}"
        )
    if verbose:
        for g in groups:
            for doc in results["extractor"][g].docs if g in (*LANGS, "seed") else []:
                if not doc.misses and not doc.false_positives:
                    continue
                lines += ["", f"## {doc.article.id} ({doc.article.lang}, {doc.article.date})"]
                lines += [f"  miss  {e.label()}" for e in doc.misses]
                lines += [f"  extra {e.label()}" for e in doc.false_positives]
                near = near_misses(doc.misses, doc.false_positives)
                lines += [f"  near  {n}: {g.label()} => {p.label()}" for n, g, p in near]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    parser.add_argument("--verbose", action="store_true", help="list misses and extras per article")
    parser.add_argument("--counts", action="store_true", help="only print gold-set counts")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="gold directory")
    parser.add_argument("--shared", type=Path, default=SHARED, help="../shared (seed article)")
    parser.add_argument(
        "--real",
        choices=("train", "dev", "test"),
        help="score a split of the "
        "real-article corpus (benchmarks/real/) instead of the written gold",
    )
    parser.add_argument(
        "--coder",
        choices=("rules", "learned", "llm"),
        default="learned",
        help="the coder scored (make_extractor(coder=...)); with --real, today's rule coder is "
        "scored beside it (and the learned one beside an LLM)",
    )
    parser.add_argument("--llm-url", help="--coder llm: the server (default $DUALTRACK_LLM_URL)")
    parser.add_argument(
        "--llm-max-tokens", type=int, default=1500, help="--coder llm: tokens per answer, at most"
    )
    parser.add_argument(
        "--limit",
        type=int,
        help="with --real: only the first N articles (by id) of each language, for a coder too "
        "slow for the whole split here (a plumbing run, not a score)",
    )
    parser.add_argument(
        "--crises",
        type=lambda v: [c.strip() for c in v.split(",") if c.strip()],
        help="with --real: only the articles of these crises (comma-separated ids of "
        "benchmarks/real/crises.yaml), e.g. crises annotated after the weights were trained",
    )
    parser.add_argument("--llm-model", help="--coder llm: the model (default: the server's)")
    parser.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        metavar="P",
        help="score only the coder's events with confidence >= P (0..1), as `dualtrack extract "
        "--min-confidence` keeps them; the rules and the baseline are scored whole",
    )
    parser.add_argument(
        "--reliability",
        action="store_true",
        help="with --real: also how often the coder's events of each confidence band are right",
    )
    args = parser.parse_args(argv)
    if args.real:
        return real_main(args)
    try:
        articles = load_gold(args.gold, args.shared)
    except GoldError as exc:
        print(f"extract_accuracy: {exc}", file=sys.stderr)
        return 1
    if args.counts:
        print(json.dumps(counts(articles), ensure_ascii=False, indent=2))
        return 0
    for a in articles:
        if a.text is None:
            print(
                f"extract_accuracy: skipping {a.id}: source text not found under {args.shared}",
                file=sys.stderr,
            )
    results = {
        "extractor": evaluate(articles, extractor_runner(args.coder, None, args.min_confidence)),
        "baseline": evaluate(articles, baseline_events),
    }
    if args.json:
        out: dict[str, Any] = {
            system: {g: r.summary() for g, r in reports.items()}
            for system, reports in results.items()
        }
        out["per_category"] = {
            c: {
                **results["extractor"]["overall"].by_category[c].as_dict(),
                "baseline_recall": round(results["baseline"]["overall"].by_category[c].recall, 4),
                "coded_as": dict(results["extractor"]["overall"].confusion[c]),
            }
            for c in CATEGORIES
        }
        if args.verbose:
            out["documents"] = {
                d.article.id: {
                    "misses": [e.label() for e in d.misses],
                    "false_positives": [e.label() for e in d.false_positives],
                }
                for reports in [results["extractor"]]
                for r in reports.values()
                for d in r.docs
            }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(render(results, args.verbose))
    return 0


def _confidence(value: str) -> float:
    """A --min-confidence value: a number from 0 to 1 (argparse names the option on error)."""
    try:
        p = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return p


def real_main(args: argparse.Namespace) -> int:
    """Score today's coder and the keyword baseline on one split of the real corpus."""
    global STRICT_NULL_DATES
    STRICT_NULL_DATES = True
    articles = load_real(args.real, crises=args.crises)
    if args.limit:
        by_lang: dict[str, list[Article]] = defaultdict(list)
        for a in articles:
            by_lang[a.lang].append(a)
        articles = [a for group in by_lang.values() for a in group[: args.limit]]
    ex, cost = llm_extractor(args, articles) if args.coder == "llm" else (None, None)
    results = {
        "extractor": evaluate(
            articles, symmetric_runner(extractor_runner(args.coder, ex, args.min_confidence))
        ),
        "baseline": evaluate(articles, symmetric_runner(baseline_events)),
    }
    if args.coder != "rules":
        results["rules"] = evaluate(articles, symmetric_runner(extractor_runner("rules")))
    if args.coder == "llm":
        results["learned"] = evaluate(articles, symmetric_runner(extractor_runner("learned")))
    n_events = sum(len(a.events) for a in articles)
    bar = f", coder events at confidence >= {args.min_confidence:g}" if args.min_confidence else ""
    print(f"real corpus, split {args.real}: {len(articles)} articles, {n_events} gold events{bar}")
    if cost:
        print(cost())
    if args.json:
        print(
            json.dumps(
                {s: {g: r.summary() for g, r in reps.items()} for s, reps in results.items()},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(render(results, args.verbose and args.real != "test"))
    if args.reliability:
        print("\n" + reliability(results["extractor"]["overall"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
