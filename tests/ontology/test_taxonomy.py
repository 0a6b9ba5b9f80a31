from __future__ import annotations

import pytest
import yaml

from dualtrack import ontology
from dualtrack.ontology import Category, Track
from dualtrack.ontology.cameo import derive_scores, load_cameo_plover, load_goldstein


def test_sixteen_plover_categories() -> None:
    assert len(Category) == 16


@pytest.mark.parametrize("cat", list(Category))
def test_every_category_has_score_track_and_description(cat: Category) -> None:
    assert -10.0 <= ontology.score_of(cat) <= 10.0
    assert isinstance(ontology.track_of(cat), Track)
    assert ontology.describe(cat)


def test_scores_order_conflict_below_cooperation() -> None:
    assert ontology.score_of("ASSAULT") < ontology.score_of("THREATEN") < 0
    assert ontology.score_of("AGREE") > 0 < ontology.score_of("RETREAT")


def test_mode_refines_score_and_rung() -> None:
    assert ontology.score_of("CONSULT", "phone") != ontology.score_of("CONSULT")
    assert ontology.score_of("CONSULT", "no-such-mode") == ontology.score_of("CONSULT")
    assert ontology.rung_of("ASSAULT", "intercept") == 4
    assert ontology.rung_of("ASSAULT") == 5
    assert ontology.rung_of("THREATEN", "violence") == 3
    assert ontology.rung_of("AGREE") is None


def test_ladder_is_ordered_and_complete() -> None:
    rungs = ontology.ladder()
    assert [r.rung for r in rungs] == list(range(len(rungs)))
    assert rungs[0].id == "calm" and rungs[-1].id == "major_war"
    assert ontology.rung_by_id("sanctions").rung == 2
    with pytest.raises(KeyError):
        ontology.rung_by_id("nope")


def test_tracks_split_cooperation_and_conflict() -> None:
    assert ontology.track_of("CONSULT") is Track.NEGOTIATION
    assert ontology.track_of("SANCTION") is Track.CONFRONTATION
    assert ontology.track_of("AID") is Track.NEUTRAL


def test_deeds_and_what_is_demanded_carry_numbers_an_accusation_does_not() -> None:
    carry = {c for c in Category if ontology.carries_quantities(c)}
    assert {Category.ASSAULT, Category.MOBILIZE, Category.RETREAT, Category.THREATEN} <= carry
    assert not carry & {Category.ACCUSE, Category.CONSULT, Category.SUPPORT, Category.REJECT}


def test_committed_scores_match_derivation_from_shared_tables(shared_data) -> None:
    derived = derive_scores(
        load_goldstein(shared_data / "cameo" / "goldstein.tsv"),
        load_cameo_plover(shared_data / "plover" / "CAMEO2PLOVER-2021.txt"),
    )
    committed = yaml.safe_load((ontology._DATA / "scores.yaml").read_text(encoding="utf-8"))
    assert derived == committed
    assert set(committed) == {c.value for c in Category}


def test_cameo_loader_reports_file_and_line(tmp_path) -> None:
    bad = tmp_path / "map.txt"
    bad.write_text("# header\n031 AGREE diplomatic\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"map\.txt:2"):
        load_cameo_plover(bad)
