"""The verifier keeps a rule draft from its category's own threshold where the weights give
one, else from the common one; the training script picks those thresholds on out-of-fold scores
of its training crises, for the categories with enough right events only."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from dualtrack.extract import Extractor
from dualtrack.extract import learned as L
from dualtrack.model import Document

ROOT = Path(__file__).resolve().parents[2]


def _train_coder():
    spec = importlib.util.spec_from_file_location(
        "train_coder", ROOT / "scripts" / "train_coder.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_coder"] = module
    spec.loader.exec_module(module)
    return module


def test_own_threshold_else_the_common_one() -> None:
    th = {"verify": 0.15, "verify:ASSAULT": 0.4}
    assert L.verify_threshold(th, "ASSAULT") == 0.4
    assert L.verify_threshold(th, "REQUEST") == 0.15


def test_a_category_above_every_score_loses_its_drafts_only() -> None:
    """Raising one category's threshold past 1 drops that category's drafts and no other."""
    models = L.packaged()
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
    kept = {d.category.value for d in L.verified(view, open_all, units)}
    assert {"ACCUSE", "CONSULT"} <= kept
    shut = replace(open_all, thresholds={**open_all.thresholds, "verify:ACCUSE": 1.01})
    assert {d.category.value for d in L.verified(view, shut, units)} == kept - {"ACCUSE"}


def test_thresholds_are_chosen_where_the_out_of_fold_scores_say(monkeypatch) -> None:
    """Drafts of a category whose wrong readings score 0.3 and right ones 0.9 get a threshold
    between them; a category with fewer right events than VERIFY_MIN_RIGHT keeps the common
    one; a filled reading below fill_verify is never the draft's reading. The threshold kept is
    moved back toward the common one by VERIFY_SHRINK."""
    tc = _train_coder()
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
