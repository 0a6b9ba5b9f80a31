"""The coder's statistical components: shipped weights, the learned coder's output, and the
byte-for-byte reproduction of the weights from the corpus (skipped where the cache is absent)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from dualtrack.extract import Extractor, learned
from dualtrack.extract.dates import DateMention
from dualtrack.extract.events import Draft, Trigger
from dualtrack.extract.segment import Sentence
from dualtrack.model import DatePrecision, Document
from dualtrack.ontology import Category


def test_weights_ship_with_the_package() -> None:
    models = learned.packaged()
    assert models is not None
    assert models.category.weights.shape[1] == len(learned.CATEGORIES)
    assert models.role.weights.shape[1] == len(learned.ROLES)
    assert models.anchor.weights.shape[1] == len(learned.SLOTS)
    assert set(models.thresholds) >= {"category", "actor", "target"}
    # the file is what the arrays say: saving them again gives the same bytes
    assert learned.to_bytes(models) == learned.WEIGHTS.read_bytes()


def test_weights_files_compared_within_a_tolerance_and_names_what_differs() -> None:
    def blob(w: np.ndarray, vocab: list[str]) -> bytes:
        buf = io.BytesIO()
        np.savez_compressed(buf, role_w=w, role_vocab=np.array(vocab, dtype=np.str_))
        return buf.getvalue()

    w = np.array([[0.5, -1.25], [2.0, 0.0]], dtype=np.float32)
    base = blob(w, ["a", "b"])
    assert learned.differences(base, base) == []
    assert learned.differences(base, blob(w + np.float32(1e-4), ["a", "b"])) == []
    far = learned.differences(base, blob(w + np.float32(0.01), ["a", "b"]), atol=1e-3)
    assert far == ["role_w: largest difference 0.01 > 0.001"]
    assert learned.differences(base, blob(w, ["a", "c"])) == ["role_vocab: 1 of 2 entries differ"]
    assert learned.differences(base, blob(w[:1], ["a", "b"]))[0].startswith("role_w: shape (2, 2)")


def test_scoring_a_document_at_once_changes_no_bit() -> None:
    """The coder scores all of a document's clauses (drafts, candidates) in one call; each row
    must be what summing that set's weights in row order, one set at a time, gives."""
    models = learned.packaged()
    assert models is not None
    rng = np.random.default_rng(3)
    for lin in (models.category, models.role, models.anchor, models.verify):
        n = len(lin.vocab)  # the date model's is small (a few hundred cues)
        sets = [set(rng.choice(n, size=min(k, n), replace=False).tolist()) for k in (0, 1, 9, 300)]
        for rows, got in zip(sets, lin.scores_many(sets), strict=True):
            z = lin.weights[sorted(rows)].sum(axis=0) + lin.weights[-1]
            if lin.multilabel:
                want = 1.0 / (1.0 + np.exp(-z))
            else:
                e = np.exp(z - z.max())
                want = e / e.sum()
            assert np.array_equal(got, want)


def test_rows_of_a_prefix_are_the_rows_of_the_prefixed_features() -> None:
    models = learned.packaged()
    assert models is not None
    lin = models.category
    known = [f[2:] for f in lin.vocab if f.startswith("c:")][:200]
    grams = [*known, "no such gram", ""]
    assert lin.rows_of("c:", grams) == lin.rows("c:" + g for g in grams)
    assert lin.rows_of("c:", ["no such gram"]) == set()


def test_learned_coder_codes_a_plain_report() -> None:
    ex = Extractor(lang="en", coder="learned")
    text = (
        "Thailand and Cambodia agreed on Monday to stop fighting at once, following talks in "
        "Kuala Lumpur. Thai officials accused Cambodian troops of firing rockets at a village."
    )
    res = ex.extract(Document(text=text, date=dt.date(2026, 3, 2)))
    tuples = {(ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events}
    assert tuples, "the learned coder found no event in a plain report"
    for e in res.events:
        assert 0.0 <= e.confidence <= 1.0
        assert e.evidence and e.evidence[0].text in text


def test_same_input_same_events() -> None:
    ex = Extractor(coder="learned")
    doc = Document(
        text="美國與伊朗6日在阿曼舉行間接會談。伊朗外長批評美方施壓。", date=dt.date(2026, 2, 7)
    )
    first = [e.model_dump() for e in ex.extract(doc).events]
    assert first == [e.model_dump() for e in ex.extract(doc).events]


@pytest.mark.parametrize(
    "text",
    [
        "Vietnam accused China on Tuesday of ramming a fishing boat near the Paracel Islands. "
        "Last year, Chinese coast guard ships attacked Philippine supply boats near the shoal.",
        "越南外交部10日指责中国船只撞击越南渔船。去年，中国海警曾向菲律宾补给船开火。",
    ],
)
def test_an_event_recalled_from_last_year_is_not_dated_to_the_news_day(text: str) -> None:
    """GUIDE: history recalled in passing has no date; the date model reads the background cue
    (last year, 去年, 曾: modality.yaml `background`) and does not carry the narrative's day to
    it, nor give it the bare year (no slot: the GUIDE dates to a day, week or month)."""
    ex = Extractor(lang="auto", coder="learned")
    events = ex.extract(Document(text=text, date=dt.date(2026, 3, 11))).events
    (accuse,) = [e for e in events if e.category.value == "ACCUSE"]
    assert accuse.date == dt.date(2026, 3, 10)
    (assault,) = [e for e in events if e.category.value == "ASSAULT"]
    assert assault.date is None


def test_every_event_is_dated_by_the_date_model() -> None:
    """The rules' drafts too: with a date model that always picks the document's date, a date
    the rules carried from the sentence before gives way, an explicit day stays."""
    ex = Extractor(lang="en", coder="learned")
    text = (
        "Vietnam accused China on Tuesday of ramming a fishing boat near the Paracel Islands. "
        "Vietnam also demanded that China compensate the fishermen."
    )
    doc = Document(text=text, date=dt.date(2026, 3, 12))
    dates = {e.category.value: e.date for e in ex.extract(doc).events}
    assert dates == {"ACCUSE": dt.date(2026, 3, 10), "REQUEST": dt.date(2026, 3, 10)}
    models = learned.packaged()
    assert models is not None
    w = np.zeros((1, len(learned.SLOTS)))
    w[0, learned.SLOTS.index("doc")] = 5.0
    ex._models = replace(models, anchor=learned.Linear({}, w, False))
    dates = {e.category.value: e.date for e in ex.extract(doc).events}
    assert dates == {"ACCUSE": dt.date(2026, 3, 10), "REQUEST": dt.date(2026, 3, 12)}


def _draft(date: DateMention | None) -> Draft:
    rule = learned._rule(Category.ACCUSE)
    sent = Sentence(100, 200, 1, ((100, 200),))
    return Draft(
        Trigger(150, 155, rule), sent, (100, 200), "VNM", "CHN", Category.ACCUSE, None, date=date
    )


def test_redate_keeps_explicit_dates_and_replaces_carried_ones_only_when_sure() -> None:
    day = lambda d, at: DateMention(at, at + 3, dt.date(2026, 3, d), DatePrecision.DAY)  # noqa: E731
    doc = DateMention(0, 0, dt.date(2026, 3, 12), DatePrecision.DAY)
    th = {"redate": 0.7}
    sure_doc = np.array([0.05, 0.05, 0.0, 0.05, 0.85])
    unsure_doc = np.array([0.2, 0.15, 0.0, 0.05, 0.6])
    own = _draft(day(10, 120))  # a day of the draft's own sentence
    slots = [None, own.date, None, day(9, 40), doc]
    assert learned.redate(own, slots, sure_doc, th).date is own.date
    carried = _draft(day(9, 40))  # the day of the sentence before
    slots = [None, carried.date, None, carried.date, doc]
    assert learned.redate(carried, slots, unsure_doc, th).date is carried.date
    assert learned.redate(carried, slots, sure_doc, th).date is doc
    # a bare year is no event's date: the likeliest slot, however unsure
    year = _draft(DateMention(110, 114, dt.date(2025, 1, 1), DatePrecision.YEAR))
    slots = [None, None, None, day(9, 40), doc]
    assert learned.redate(year, slots, np.array([0.4, 0.2, 0.1, 0.2, 0.1]), th).date is None
    # a month of its own sentence ("since the offensive began in March") gives way where the
    # model is sure, as a carried day does; not where it is unsure
    month = _draft(DateMention(110, 115, dt.date(2026, 2, 1), DatePrecision.MONTH))
    slots = [None, month.date, None, day(9, 40), doc]
    assert learned.redate(month, slots, sure_doc, th).date is doc
    assert learned.redate(month, slots, unsure_doc, th).date is month.date
    # the day a "since" span of its own sentence starts from ("has struck the port 40 times
    # since March 10"): no date of the act, given way where the model is sure
    since = _draft(day(10, 120))
    since.date.since = True
    sure_null = np.array([0.85, 0.05, 0.0, 0.05, 0.05])
    slots = [None, since.date, None, day(9, 40), doc]
    assert learned.redate(since, slots, sure_null, th).date is None
    assert learned.redate(since, slots, unsure_doc, th).date is since.date


def test_date_slots_hold_the_candidates_of_each_slot() -> None:
    ex = Extractor(lang="en", coder="learned")
    text = "Thailand accused Cambodia on Monday of shelling a village. Talks resumed last year."
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 5)))
    units = view.units()
    lasts = learned.last_dates(view, units, learned.news_day(view))
    first, second = units[0], next(u for u in units if u.sent == 1)
    slots = learned.date_slots(view, first, None, lasts[0])
    assert slots[0] is None and slots[1] is None  # no date (always open), no rule draft
    assert slots[2] is not None and slots[2].date == dt.date(2026, 3, 2)  # on Monday
    assert slots[4] is not None and slots[4].date == dt.date(2026, 3, 5)  # the document's
    year = next(d for d in view.dates if d.precision is DatePrecision.YEAR)
    slots = learned.date_slots(view, second, year, lasts[units.index(second)])
    assert slots[1] is None and slots[2] is None  # a bare year is no slot
    assert slots[3] is not None and slots[3].date == dt.date(2026, 3, 2)
    assert list(learned.open_slots(slots)) == [True, False, False, True, True]


def test_unknown_coder_is_refused() -> None:
    with pytest.raises(ValueError, match="coder must be one of"):
        Extractor(coder="neural")


def test_a_flat_curve_keeps_the_common_verify_threshold(train_coder: ModuleType) -> None:
    """A gain of a fraction of a hit does not move a category's threshold; a gain of many
    hits does (`train_coder.steady_cut`)."""
    tc = train_coder
    gold = 1000
    hit = 2 / (500 + gold)
    flat = {0.1: (0.5, 520), 0.15: (0.5, 500), 0.3: (0.5 + hit / 3, 490)}
    assert tc.steady_cut(flat, 0.15, gold) == 0.15
    steep = {0.1: (0.5, 520), 0.15: (0.5, 500), 0.3: (0.5 + 6 * hit, 460)}
    assert tc.steady_cut(steep, 0.15, gold) == 0.3


def test_cv_fixed_names_an_unknown_or_test_crisis(train_coder: ModuleType) -> None:
    """`train_coder --cv 4 --cv-fixed IDS`: a misspelt crisis, or a test crisis, is refused by
    name before anything is loaded (it would otherwise train on nothing new, silently)."""
    tc = train_coder
    with pytest.raises(SystemExit, match=r"--cv-fixed: no train or dev articles of \['abce'\]"):
        tc.crossval(4, False, False, frozenset({"abce", "sahy"}))
    with pytest.raises(SystemExit, match=r"of \['thkh'\]"):
        tc.crossval(4, False, False, frozenset({"thkh"}))


def test_cross_validation_folds_are_whole_crises_of_even_size(train_coder: ModuleType) -> None:
    """`train_coder --cv`: every crisis in exactly one fold, the largest first into the
    emptiest fold, so fold sizes differ by at most the largest crisis and never depend on
    anything but the corpus."""
    tc = train_coder
    sizes = {"aaaa": 9, "bbbb": 7, "cccc": 5, "dddd": 4, "eeee": 3, "ffff": 1}
    docs = [
        tc.Doc(f"en-{c}-{k:03d}", "en", None, "", [{}] * (n // 2 + (k < n % 2)))
        for c, n in sizes.items()
        for k in range(2)
    ]
    folds = tc.folds(docs, 3)
    assert sorted(c for f in folds for c in f) == sorted(sizes)
    load = [sum(sizes[c] for c in f) for f in folds]
    assert load == [10, 10, 9]  # aaaa+ffff | bbbb+eeee | cccc+dddd
    assert tc.folds(list(reversed(docs)), 3) == folds


def test_pinned_folds_survive_a_dropped_article(train_coder: ModuleType) -> None:
    """`--cv 4` keeps each train/dev crisis in the fold crises.yaml pins it to, whatever its
    gold count now; a crisis with no pin is dealt to the lightest fold, and another k (or a
    corpus lacking a pinned crisis, as with `--cv-fixed`) is dealt by counts alone."""
    tc = train_coder
    pinned = tc.pinned_folds()
    assert sorted(set(pinned.values())) == [1, 2, 3, 4]
    size = {c: 30 if c == "rsxk" else 3 for c in pinned}
    docs = [tc.Doc(f"en-{c}-001", "en", None, "", [{}] * n) for c, n in size.items()]
    folds = tc.folds(docs, 4)
    assert all(c in folds[f - 1] for c, f in pinned.items())
    docs.append(tc.Doc("en-zzzz-001", "en", None, "", [{}] * 2))
    light = min(range(4), key=lambda j: (sum(size[c] for c in folds[j]), j))
    assert "zzzz" in tc.folds(docs, 4)[light]
    dealt = tc.folds([d for d in docs if not d.id.startswith("en-rsxk")], 4)
    assert sorted(c for f in dealt for c in f) == sorted(set(pinned) - {"rsxk"} | {"zzzz"})
    assert len(tc.folds(docs, 3)) == 3


def test_fresh_crises_are_dev_crises_kept_out_of_the_folds(train_coder: ModuleType) -> None:
    """crises.yaml's `fresh: true` marks dev crises nobody read to write language data: `--cv`
    and the out-of-fold reliability never fold them (`known`), and only dev crises count."""
    tc = train_coder
    rows = tc.corpus().crises(tc.REAL)
    fresh = tc.corpus().fresh_crises(tc.REAL)
    assert fresh and all(r["split"] == "dev" for r in rows if r["id"] in fresh)
    assert not any(r.get("fresh") for r in rows if r["split"] != "dev")
    ids = [f"en-{c}-001" for c in sorted(fresh)] + ["en-sahy-001", "en-cnph-001"]
    docs = [tc.Doc(i, "en", None, "", []) for i in ids]
    assert [d.id for d in tc.known(docs)] == ["en-sahy-001", "en-cnph-001"]


def test_raw_coders_read_the_verifier_without_the_map(train_coder: ModuleType) -> None:
    """`calibrate` fits the map on what the packaged components say before any map: the coder
    it codes the fresh crises with has the identity map, and the packaged map is left alone."""
    tc = train_coder
    models = learned.packaged()
    assert models is not None
    before = dict(models.thresholds)
    coders = tc.raw_coders(models, [tc.Doc("en-usbl-001", "en", None, "", [])])
    th = coders["usbl"]._models.thresholds
    assert (th["calib_a"], th["calib_b"]) == (1.0, 0.0)
    assert not any(k.startswith("calib_b:") for k in th)
    assert {k: v for k, v in th.items() if not k.startswith("calib")} == {
        k: v for k, v in before.items() if not k.startswith("calib")
    }
    assert models.thresholds == before


def test_cv_subsamples_are_seeded_and_keep_order(train_coder: ModuleType) -> None:
    """`--cv-drop SHARE --cv-seed S`: each fold trains on the same subsample for the same seed
    on every run and build (so two builds compare pair by pair), another seed leaves out
    others, no share leaves out none, and a share outside [0, 1) is refused by name."""
    tc = train_coder
    docs = [tc.Doc(f"en-abcd-{k:03d}", "en", None, "", []) for k in range(200)]
    one = tc.subsample(docs, 0.2, 3)
    assert [d.id for d in one] == [d.id for d in tc.subsample(docs, 0.2, 3)]
    assert [d.id for d in one] == sorted(d.id for d in one)  # the articles' own order
    assert 120 < len(one) < 190
    assert {d.id for d in tc.subsample(docs, 0.2, 4)} != {d.id for d in one}
    assert tc.subsample(docs, 0.0, 3) == docs
    with pytest.raises(SystemExit, match=r"--cv-drop 1.5: a share in \[0, 1\) is needed"):
        tc.main(["--cv", "4", "--cv-drop", "1.5"])


@pytest.mark.slow
def test_retraining_reproduces_the_committed_weights(
    tmp_path: Path, train_coder: ModuleType
) -> None:
    module = train_coder
    cache = module.corpus().cache_dir()
    if not cache.is_dir():
        pytest.skip(f"the real-corpus cache {cache} is absent (set $DUALTRACK_CORPUS)")
    out = tmp_path / "coder.npz"
    assert module.main(["--out", str(out)]) == 0
    # byte for byte on the machine that wrote them; elsewhere within the check's tolerance
    assert learned.differences(learned.WEIGHTS.read_bytes(), out.read_bytes()) == []


def test_a_missing_target_is_read_with_how_it_was_filled() -> None:
    """A draft the rules gave no target is also read with the role model's likeliest one of
    another country, with its probability, how many other countries could have been it, and
    where it stands; the verifier sees those cues, and a `fill` threshold above the
    probability leaves the draft with its own reading only."""
    ex = Extractor(lang="en", coder="learned")
    text = (
        "Vietnam said Chinese vessels rammed a fishing boat on Monday. "
        "Vietnam and Laos condemned the act."
    )
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 12)))
    models = ex._models
    assert models is not None
    units = view.units()
    read = learned.readings(view, models, units, view.drafts)
    accuse = [r for d, r in zip(view.drafts, read, strict=True) if d.category is Category.ACCUSE]
    assert accuse
    for (own, none), (filled, fill), *other_way in accuse:
        assert own.target is None and none is None
        assert filled.target == "CHN" and fill is not None and fill.how == "target"
        assert fill.rank == 0
        # the next country's reading (the other party named), then a reading the other way
        # round (its actor the target), if any, come after
        second = [(c, f) for c, f in other_way if f is not None and f.how == "target"]
        assert all(f.rank == 1 and c.target != "CHN" for c, f in second)
        assert all(f is not None and f.how == "actor" for _, f in other_way[len(second) :])
        assert fill.where == "before"  # the sentence before names China
        assert fill.rivals == 1  # Laos could have been it too (Vietnam for Laos' draft)
        u = units[learned.unit_of([x.start for x in units], filled)]
        cues = learned.draft_features(view, u, filled, fill)
        assert {"fillrivals:1", "fillwhere:before"} <= set(cues)
        plain = learned.draft_features(view, u, own)
        assert not any(c.startswith(("fillrivals", "fillwhere")) for c in plain)
    high = replace(models, thresholds={**models.thresholds, "fill": 1.0})  # above every p
    assert all(len(r) == 1 for r in learned.readings(view, high, units, view.drafts))


def test_the_runner_up_target_of_another_country_is_read_too() -> None:
    """Where the role model's likeliest target is wrong, the right one is often its second
    choice: the likeliest candidate of another country than the first is read as well, told it
    is the second (`fillrank:1`), and a candidate of the first's country never is."""
    ex = Extractor(lang="en", coder="learned")
    text = "Chile and Peru met in Lima. Argentina demanded an apology from Chile and Peru."
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 12)))
    u = view.units()[-1]
    cands = [m for m in u.mentions if m.start >= view.sents[u.sent].start]
    named = [view.country_of(m.id) for m in cands]
    assert {"CHL", "PER"} <= set(named)
    ok = [i for i, c in enumerate(named) if c in ("CHL", "PER")]
    p = np.array([0.6 if named[i] == "CHL" else 0.2 for i in ok])
    fills = learned._target_fills(view, u, cands, ok, p, 0.05)
    assert [(view.country_of(m.id), f.rank) for m, f in fills] == [("CHL", 0), ("PER", 1)]
    assert "fillrank:1" in learned.draft_features(view, u, view.drafts[-1], fills[1][1])
    assert learned._target_fills(view, u, cands, ok, p, 0.3) == fills[:1]  # 0.2 under the bar


def test_the_verifier_reads_who_the_parties_are_and_where_they_stand() -> None:
    """Each draft's cues say how prominent its parties' countries are in the document (the
    rivals most named, a bystander named once last), on which side of the trigger actor and
    target stand, and the background cues of its sentence ("since 2019": history)."""
    ex = Extractor(lang="en", coder="learned")
    text = (
        "Norway accused Sweden of breaking the fishing accord on Monday. "
        "Norwegian officials said Swedish trawlers had entered Norway's waters twice. "
        "Sweden rejected the charge. "
        "Since 2019, Iceland has also criticised Sweden over the same waters."
    )
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 12)))
    assert learned._salience(view) == {"SWE": 0, "NOR": 1, "ISL": 2}
    units = view.units()
    starts = [u.start for u in units]
    cues = {
        (d.actor, d.category.value): set(
            learned.draft_features(view, units[learned.unit_of(starts, d)], d)
        )
        for d in view.drafts
    }
    first = cues[("NOR", "ACCUSE")]
    assert {"arank:1", "trank:0", "apos:True", "tpos:False", "ACCUSE|arank:1"} <= first
    assert not any(c.startswith("bg:") for c in first)
    recalled = cues[("ISL", "ACCUSE")]
    assert {"arank:2", "trank:0", "bg:before", "bgw:since"} <= recalled


def test_the_news_day_of_a_wire_story_is_its_datelines_day() -> None:
    ex = Extractor(lang="zh", coder="learned")
    text = "(法新社巴黎6日電) 法國外長表示將訪問北京。"
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 2, 7)))
    assert learned.news_day(view).date == dt.date(2026, 2, 6)
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 2, 6)))
    assert learned.news_day(view).date == dt.date(2026, 2, 6)


# The verifier keeps a rule draft from its category's own threshold where the weights give one,
# else from the common one; the training script picks those thresholds on out-of-fold scores of
# its training crises, for the categories with enough right events only.


def test_own_threshold_else_the_common_one() -> None:
    th = {"verify": 0.15, "verify:ASSAULT": 0.4}
    assert learned.verify_threshold(th, "ASSAULT") == 0.4
    assert learned.verify_threshold(th, "REQUEST") == 0.15


def test_a_category_above_every_score_loses_its_drafts_only() -> None:
    """Raising one category's threshold past 1 drops that category's drafts and no other."""
    models = learned.packaged()
    if models is None:
        pytest.skip("no packaged weights")
    ex = Extractor(lang="en", coder="learned")
    text = (
        "Norway accused Sweden of breaking the fishing accord on Monday. "
        "Norwegian and Swedish ministers held talks in Oslo on Tuesday."
    )
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 12)))
    units = view.units()
    common = {k: v for k, v in models.thresholds.items() if not k.startswith("verify:")}
    open_all = replace(models, thresholds={**common, "verify": 0.0})
    kept = {d.category.value for d in learned.verified(view, open_all, units)}
    assert {"ACCUSE", "CONSULT"} <= kept
    shut = replace(open_all, thresholds={**open_all.thresholds, "verify:ACCUSE": 1.01})
    assert {d.category.value for d in learned.verified(view, shut, units)} == kept - {"ACCUSE"}


def test_thresholds_are_chosen_where_the_out_of_fold_scores_say(
    monkeypatch, train_coder: ModuleType
) -> None:
    """Drafts of a category whose wrong readings score 0.3 and right ones 0.9 get a threshold
    between them; a category with fewer right events than VERIFY_MIN_RIGHT keeps the common
    one; a filled reading below fill_verify is never the draft's reading. The threshold kept is
    moved back toward the common one by VERIFY_SHRINK."""
    tc = train_coder
    data = tc.Examples(*([] for _ in range(11)))
    gold = {("A", "X", f"T{i}") for i in range(40)}
    data.views = [(None, gold)]
    probs = []
    n = 0
    for cat, right, wrong in (("ASSAULT", 25, 25), ("REQUEST", 5, 20)):
        for k in range(right + wrong):
            data.verify_meta.append((0, n, cat, ("A", cat, f"T{n}"), False))
            data.verify_y.append(int(k < right))
            probs.append(0.9 if k < right else 0.3)
            n += 1
    # a filled reading of the last draft, right but below fill_verify: not taken
    data.verify_meta.append((0, n - 1, "REQUEST", ("A", "REQUEST", "Z"), True))
    data.verify_y.append(1)
    probs.append(0.2)
    monkeypatch.setattr(tc, "oof_verify", lambda docs, data: np.array(probs))
    th = dict(tc.THRESHOLDS)
    cuts = tc.verify_thresholds([], data, th)
    assert set(cuts) == {"verify:ASSAULT"}
    common = th["verify"]
    chosen = common + (cuts["verify:ASSAULT"] - common) / tc.VERIFY_SHRINK
    assert 0.3 < chosen <= 0.9


def test_a_sure_first_target_is_kept_beside_a_likelier_reversed_reading() -> None:
    """`learned.chosen`: each draft's likeliest reading, and beside it the reading with the role
    model's first target where the verifier gives that one at least fill_both (never a second
    choice of target, never twice, and not at all without fill_both in the weights)."""
    th = {"fill_verify": 0.25, "fill_both": 0.7}
    first = learned.Fill(0.4, 1, "clause")
    second = learned.Fill(0.2, 1, "clause", rank=1)
    reversed_ = learned.Fill(0.5, 1, "clause", how="actor")
    rules, target, other, back = object(), object(), object(), object()
    scored = [
        (0, rules, None, 0.05),
        (0, target, first, 0.75),
        (0, other, second, 0.9),
        (0, back, reversed_, 0.95),
    ]
    assert learned.chosen(scored, th) == [(0.75, target, first), (0.95, back, reversed_)]
    assert learned.chosen(scored, {"fill_verify": 0.25}) == [(0.95, back, reversed_)]
    unsure = [(0, rules, None, 0.05), (0, target, first, 0.6), (0, back, reversed_, 0.8)]
    assert learned.chosen(unsure, th) == [(0.8, back, reversed_)]
    alone = [(1, rules, None, 0.1), (1, target, first, 0.9), (1, back, reversed_, 0.3)]
    assert learned.chosen(alone, th) == [(0.9, target, first)]
