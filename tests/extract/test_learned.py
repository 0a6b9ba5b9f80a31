"""The coder's statistical components: shipped weights, the learned coder's output, and the
byte-for-byte reproduction of the weights from the corpus (skipped where the cache is absent)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from dualtrack.extract import Extractor, learned
from dualtrack.model import Document

ROOT = Path(__file__).resolve().parents[2]


def test_weights_ship_with_the_package() -> None:
    models = learned.packaged()
    assert models is not None
    assert models.category.weights.shape[1] == len(learned.CATEGORIES)
    assert models.role.weights.shape[1] == len(learned.ROLES)
    assert models.anchor.weights.shape[1] == len(learned.ANCHORS)
    assert set(models.thresholds) >= {"category", "actor", "target"}
    # the file is what the arrays say: saving them again gives the same bytes
    assert learned.to_bytes(models) == learned.WEIGHTS.read_bytes()


def test_scoring_a_document_at_once_changes_no_bit() -> None:
    """The coder scores all of a document's clauses (drafts, candidates) in one call; each row
    must be what summing that set's weights in row order, one set at a time, gives."""
    models = learned.packaged()
    assert models is not None
    rng = np.random.default_rng(3)
    for lin in (models.category, models.role, models.anchor, models.verify):
        sets = [
            set(rng.choice(len(lin.vocab), size=k, replace=False).tolist()) for k in (0, 1, 9, 300)
        ]
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
        "Thailand and Cambodia agreed on Monday to an immediate ceasefire after talks in "
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


def test_unknown_coder_is_refused() -> None:
    with pytest.raises(ValueError, match="coder must be one of"):
        Extractor(coder="neural")


@pytest.mark.slow
def test_retraining_reproduces_the_committed_weights(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "train_coder", ROOT / "scripts" / "train_coder.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_coder"] = module
    spec.loader.exec_module(module)
    cache = module.corpus().cache_dir()
    if not cache.is_dir():
        pytest.skip(f"the real-corpus cache {cache} is absent (set $DUALTRACK_CORPUS)")
    out = tmp_path / "coder.npz"
    assert module.main(["--out", str(out)]) == 0
    assert out.read_bytes() == learned.WEIGHTS.read_bytes()
