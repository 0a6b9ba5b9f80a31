"""The ICB loader: codebook mapping on the real v14 files, and clear errors on bad files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dualtrack.calibrate import IcbDataError, load_icb
from dualtrack.calibrate.icb_codes import ACTOR_COLUMNS, SYSTEM_COLUMNS

# A minimal, hand-made ICB pair: two crises, the second with an unknown power discrepancy and a
# mediation of unknown style.
SYSTEM_ROWS = [
    {
        "crisno": "1",
        "crisname": "ALPHA",
        "yrtrig": "1950",
        "gravcr": "3",
        "mediate": "1",
        "medstyle": "1",
        "usinv": "2",
        "suinv": "1",
        "protrac": "1",
        "powdissy": "4",
        "noactr": "2",
        "break": "9",
        "viol": "4",
        "forout": "7",
        "brexit": "40",
    },
    {
        "crisno": "2",
        "crisname": "BETA",
        "yrtrig": "1991",
        "gravcr": "6",
        "mediate": "4",
        "medstyle": "",
        "usinv": "4",
        "suinv": "3",
        "protrac": "3",
        "powdissy": "",
        "noactr": "5",
        "break": "7",
        "viol": "1",
        "forout": "2",
        "brexit": "200",
    },
]
ACTOR_ROWS = [
    {"crisno": "1", "nuclear": "1"},
    {"crisno": "1", "nuclear": "4"},
    {"crisno": "2", "nuclear": "3"},
    {"crisno": "2", "nuclear": "4"},
    {"crisno": "2", "nuclear": "2"},
]


def write_pair(folder: Path, system: list[dict], actors: list[dict]) -> Path:
    for name, rows in (("icb1v14.csv", system), ("icb2v14.csv", actors)):
        with (folder / name).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return folder


def test_hand_made_pair_maps_codes(tmp_path: Path) -> None:
    alpha, beta = load_icb(write_pair(tmp_path, SYSTEM_ROWS, ACTOR_ROWS))
    assert alpha.features is not None and beta.features is not None
    assert alpha.features.gravity == 3
    assert alpha.features.mediation is False and alpha.features.mediation_style is None
    assert alpha.features.us_involvement == "political"
    assert alpha.features.great_power_involvement == "political"  # max(USINV 2, SUINV 1)
    assert alpha.features.protracted is False
    assert alpha.features.nuclear_actors == 1
    assert alpha.features.violent_trigger and not alpha.features.military_trigger
    assert (alpha.outcome, alpha.violence, alpha.duration_days) == (
        "none_or_imposed",  # FOROUT 7: crisis faded
        "full_scale_war",
        40,
    )
    assert beta.features.mediation is True and beta.features.mediation_style is None
    assert beta.features.us_involvement == "direct_military"
    assert beta.features.great_power_involvement == "direct_military"
    assert beta.features.protracted is True  # PROTRAC 3: long-war protracted conflict
    assert beta.features.power_discrepancy is None
    assert beta.features.nuclear_actors == 2  # NUCLEAR 3 and 4, not 2 (foreseeable)
    assert beta.features.military_trigger and not beta.features.violent_trigger
    assert (beta.outcome, beta.violence) == ("semi_formal", "none")


def test_either_file_path_finds_its_partner(tmp_path: Path) -> None:
    write_pair(tmp_path, SYSTEM_ROWS, ACTOR_ROWS)
    assert len(load_icb(tmp_path / "icb2v14.csv")) == 2
    assert len(load_icb(tmp_path / "icb1v14.csv")) == 2


def test_gravity_other_is_read_as_missing(tmp_path: Path) -> None:
    rows = [dict(SYSTEM_ROWS[0], gravcr="7")]
    (crisis,) = load_icb(write_pair(tmp_path, rows, ACTOR_ROWS))
    assert crisis.features is None and crisis.missing == ("gravcr",)
    assert crisis.outcome == "none_or_imposed"  # outcomes stay available


@pytest.mark.parametrize("column", sorted(SYSTEM_COLUMNS))
def test_missing_system_column_is_named(tmp_path: Path, column: str) -> None:
    rows = [{k: v for k, v in r.items() if k != column} for r in SYSTEM_ROWS]
    with pytest.raises(IcbDataError, match=rf"icb1v14\.csv: missing column '{column}'"):
        load_icb(write_pair(tmp_path, rows, ACTOR_ROWS))


@pytest.mark.parametrize("column", sorted(ACTOR_COLUMNS))
def test_missing_actor_column_is_named(tmp_path: Path, column: str) -> None:
    rows = [{k: v for k, v in r.items() if k != column} or {"x": "1"} for r in ACTOR_ROWS]
    with pytest.raises(IcbDataError, match=rf"icb2v14\.csv: missing column '{column}'"):
        load_icb(write_pair(tmp_path, SYSTEM_ROWS, rows))


def test_non_numeric_cell_names_file_line_and_column(tmp_path: Path) -> None:
    rows = [SYSTEM_ROWS[0], dict(SYSTEM_ROWS[1], viol="war")]
    with pytest.raises(IcbDataError, match=r"icb1v14\.csv, line 3, column 'viol': 'war' is not"):
        load_icb(write_pair(tmp_path, rows, ACTOR_ROWS))


def test_code_outside_codebook_is_rejected(tmp_path: Path) -> None:
    actors = [*ACTOR_ROWS, {"crisno": "2", "nuclear": "5"}]
    with pytest.raises(IcbDataError, match=r"icb2v14\.csv, line 7, column 'nuclear': code 5"):
        load_icb(write_pair(tmp_path, SYSTEM_ROWS, actors))


def test_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(IcbDataError, match="no such file or folder"):
        load_icb(tmp_path / "nowhere")
    with pytest.raises(IcbDataError, match=r"icb2v14\.csv: file not found"):
        (tmp_path / "icb1v14.csv").write_text("crisno\n1\n", encoding="utf-8")
        load_icb(tmp_path)
    other = tmp_path / "notes.csv"
    other.write_text("a\n", encoding="utf-8")
    with pytest.raises(IcbDataError, match="not an ICB v14 file"):
        load_icb(other)


def test_real_v14_files(shared_data: Path) -> None:
    crises = {c.crisno: c for c in load_icb(shared_data / "icb")}
    assert len(crises) == 487
    # Only rows with a missing or 'other' code lack features; 474 is the uncoded placeholder.
    assert sorted(n for n, c in crises.items() if c.features is None) == [
        11,
        137,
        190,
        191,
        306,
        331,
        333,
        389,
        474,
    ]
    cuba = crises[196]  # Cuban missiles, 1962: hand-checked against the codebook and history
    assert cuba.name == "CUBAN MISSILES" and cuba.year == 1962
    assert cuba.features is not None
    assert cuba.features.us_involvement == "direct_military"  # the naval quarantine
    assert cuba.features.nuclear_actors == 2  # USA and USSR
    assert cuba.features.mediation and cuba.features.mediation_style == "formulation"
    assert (cuba.outcome, cuba.violence, cuba.duration_days) == ("semi_formal", "minor_clashes", 36)
    violence = [c.violence for c in crises.values() if c.violence]
    # SOURCE.md: none 26%, minor 29%, serious 24%, full-scale war 21%
    assert violence.count("none") / len(violence) == pytest.approx(0.26, abs=0.01)
    assert violence.count("full_scale_war") / len(violence) == pytest.approx(0.21, abs=0.01)
