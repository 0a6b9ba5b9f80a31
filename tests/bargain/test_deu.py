from __future__ import annotations

import numpy as np
import pytest

from dualtrack.bargain import BargainInputError, backtest_deu, load_deu
from dualtrack.bargain.deu import split_by_proposal

HEADER = ["prnr", "isnr", "pcom", "pep", "pde", "pfr", "scom", "sep", "sde", "sfr", "rp", "out"]


def _deu(tmp_path, rows):
    lines = [
        "\t".join(f'"{h}"' for h in HEADER),
        "\t".join(["", "", "4", "4", "3", "2"] + [""] * 6),
    ]
    lines += ["\t".join(r) for r in rows]
    path = tmp_path / "deu.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_empty_cells_mean_absent_not_zero(tmp_path):
    path = _deu(tmp_path, [["p1", "i1", "100", "", "0", "", "50", "", "50", "", "", "40"]])
    (issue,), skipped = load_deu(path)
    assert issue.actors == ["com", "de"]
    assert issue.reference is None
    assert np.allclose(issue.capability, [4, 3])
    assert skipped == 0


def test_missing_salience_is_imputed_and_missing_outcome_skipped(tmp_path):
    path = _deu(
        tmp_path,
        [
            ["p1", "i1", "100", "0", "0", "", "40", "", "60", "", "0", "40"],
            ["p1", "i2", "100", "0", "0", "", "40", "", "60", "", "0", ""],
        ],
    )
    issues, skipped = load_deu(path)
    assert skipped == 1
    assert issues[0].imputed_salience == 1
    assert np.allclose(issues[0].salience, [0.4, 0.5, 0.6])


def test_non_numeric_cell_names_line_and_column(tmp_path):
    path = _deu(tmp_path, [["p1", "i1", "x", "0", "0", "", "40", "", "60", "", "0", "40"]])
    with pytest.raises(BargainInputError, match=r"line 3, column 'pcom': 'x' is not a number"):
        load_deu(path)


def test_missing_outcome_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('"prnr"\t"isnr"\n\t\n1\t2\n', encoding="utf-8")
    with pytest.raises(BargainInputError, match="missing column 'pcom'"):
        load_deu(path)


def test_real_deu_backtest(shared_data):
    path = shared_data / "deu3" / "deu3.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    report = backtest_deu(path)
    m = report["models"]
    assert report["n_issues"] > 300
    assert report["split"]["n_test"] + report["split"]["n_train"] == report["n_issues"]
    for name, r in m.items():
        assert r["ci95"][0] <= r["mae"] <= r["ci95"][1], name
    # The field's finding, and SOURCE.md's published figures: the compromise model is the bar.
    assert 22.0 < m["compromise"]["mae"] < 24.5
    assert 22.5 < m["salience_mean"]["mae"] < 25.0
    assert m["compromise"]["mae"] < m["eu"]["mae"]
    assert m["compromise"]["mae"] < m["reference_point"]["mae"]
    assert 0.0 <= m["sq_pull"]["lambda"] <= 1.0
    assert sum(m["blend"]["weights"].values()) == pytest.approx(1.0)


def test_split_is_by_proposal_and_fixed(shared_data):
    path = shared_data / "deu3" / "deu3.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    issues, _ = load_deu(path)
    test = split_by_proposal(issues)
    assert np.array_equal(test, split_by_proposal(issues))
    test_props = {i.proposal for i, t in zip(issues, test, strict=True) if t}
    train_props = {i.proposal for i, t in zip(issues, test, strict=True) if not t}
    assert not test_props & train_props
