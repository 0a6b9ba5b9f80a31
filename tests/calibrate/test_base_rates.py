"""Base rates from the committed ICB coefficients: valid distributions, data-true directions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from dualtrack.calibrate import (
    CrisisFeatures,
    climatology,
    fit_models,
    load_icb,
    load_models,
    predict_base_rates,
)

BASE = CrisisFeatures(
    gravity=5,
    mediation=False,
    great_power_involvement="semi_military",
    us_involvement="semi_military",
    protracted=True,
    nuclear_actors=1,
    power_discrepancy=20.0,
    n_actors=4,
    violent_trigger=False,
    military_trigger=True,
)
AGREEMENT = ("formal_agreement", "semi_formal")


def agreement(features: CrisisFeatures) -> float:
    return sum(predict_base_rates(features).outcome[k] for k in AGREEMENT)


@pytest.mark.parametrize(
    "update",
    [
        {},
        {"mediation": True, "mediation_style": "manipulation"},
        {"mediation": True},  # unknown style: training shares
        {"power_discrepancy": None, "nuclear_actors": 3, "violent_trigger": True},
        {"gravity": 0, "n_actors": 1, "great_power_involvement": "none", "us_involvement": "none"},
    ],
)
def test_distributions_are_valid(update: dict) -> None:
    br = predict_base_rates(BASE.model_copy(update=update))
    assert list(br.outcome) == [*AGREEMENT, "tacit", "unilateral", "none_or_imposed"]
    assert list(br.violence) == ["none", "minor_clashes", "serious_clashes", "full_scale_war"]
    for dist in (br.outcome, br.violence):
        assert sum(dist.values()) == pytest.approx(1.0, abs=1e-12)
        assert all(0 < p < 1 for p in dist.values())
    q = br.duration.quantiles
    assert q["p10"] < q["p25"] < q["p50"] < q["p75"] < q["p90"]
    assert br.duration.median_days == q["p50"]
    s = br.duration.survival(np.arange(0, 400))
    assert s[0] == pytest.approx(1.0) and np.all(np.diff(s) <= 0)
    assert br.duration.survival(q["p50"]) == pytest.approx(0.5, abs=0.01)
    h = br.duration.daily_hazard(365)
    assert h.shape == (365,) and np.all((h >= 0) & (h <= 1))
    # The hazard reproduces the survival curve it came from.
    assert np.prod(1 - h[:90]) == pytest.approx(float(br.duration.survival(90)), rel=1e-9)


def test_climatology_is_the_plain_frequencies() -> None:
    clim = climatology()
    assert sum(clim.outcome.values()) == pytest.approx(1.0, abs=1e-12)
    assert sum(clim.violence.values()) == pytest.approx(1.0, abs=1e-12)
    n = load_models()["violence"]["n"]
    # Frequencies of whole crises: every value times n is (close to) an integer count.
    for p in clim.violence.values():
        assert p * n == pytest.approx(round(p * n), abs=1e-5)
    # SOURCE.md: median duration trigger to termination about 77 days.
    assert 60 < clim.duration.median_days < 95


def test_mediation_raises_agreement_in_model_and_in_data(shared_data: Path) -> None:
    # Data first: among ICB crises, mediated ones end in (semi-)formal agreement more often.
    crises = [c for c in load_icb(shared_data / "icb") if c.features and c.outcome]

    def share(mediated: bool) -> float:
        group = [c for c in crises if c.features.mediation is mediated]  # type: ignore[union-attr]
        return sum(c.outcome in AGREEMENT for c in group) / len(group)

    assert share(True) > share(False) + 0.2
    # The fitted model agrees for a crisis like BASE, whatever the style.
    no_mediation = agreement(BASE)
    for style in ("facilitation", "formulation", "manipulation", None):
        assert agreement(BASE.model_copy(update={"mediation": True, "mediation_style": style})) > (
            no_mediation
        )


def test_violent_trigger_raises_war_risk(shared_data: Path) -> None:
    crises = [c for c in load_icb(shared_data / "icb") if c.features and c.violence]

    def war_share(violent: bool) -> float:
        group = [c for c in crises if c.features.violent_trigger is violent]  # type: ignore[union-attr]
        return sum(c.violence == "full_scale_war" for c in group) / len(group)

    assert war_share(True) > war_share(False)
    war = predict_base_rates(BASE.model_copy(update={"violent_trigger": True})).violence
    assert war["full_scale_war"] > predict_base_rates(BASE).violence["full_scale_war"]


def test_features_reject_codes_outside_the_codebook() -> None:
    with pytest.raises(ValidationError, match="gravity"):
        CrisisFeatures.model_validate({**BASE.model_dump(), "gravity": 7})
    with pytest.raises(ValidationError, match="us_involvement"):
        CrisisFeatures.model_validate({**BASE.model_dump(), "us_involvement": "some"})
    with pytest.raises(ValidationError, match="n_actors"):
        CrisisFeatures.model_validate({**BASE.model_dump(), "n_actors": 0})
    with pytest.raises(ValidationError, match="Extra inputs"):
        CrisisFeatures.model_validate({**BASE.model_dump(), "region": "gulf"})


def _same(a: object, b: object, path: str = "") -> None:
    if isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), path
        for k in a:
            _same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{i}]")
    elif isinstance(a, float):
        assert a == pytest.approx(b, abs=2e-6), path
    else:
        assert a == b, path


def test_refit_reproduces_committed_coefficients(shared_data: Path) -> None:
    _same(fit_models(load_icb(shared_data / "icb")), load_models())
