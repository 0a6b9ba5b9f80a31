"""Forces in proximity by kind (naval, air, ground), and the one number the incident rate reads.

The incident rate is set at a reference number of major warships (`conflict.forces_reference`);
a case with air or ground forces in contact weighs each kind's units in major warships by
`forces.yaml` (judgement, with its reasoning there and in docs/forecast.md) and sums them. A
case with warships only keeps the number, range and source it always had.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

FORCE_KINDS = ("naval", "air", "ground")
Level = tuple[float, float, float, str]  # point, low, high, source
NO_FORCES: Level = (0.0, 0.0, 0.0, "case gives no forces_in_proximity: none assumed")


class KindSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    unit: str
    weight: float = Field(gt=0)
    source: str


@cache
def force_kinds() -> dict[str, KindSpec]:
    """`forces.yaml`: each kind's unit and its weight in major warships."""
    path = resources.files("dualtrack.simulate") / "forces.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["kinds"]
    if tuple(raw) != FORCE_KINDS:
        raise ValueError(f"forces.yaml: kinds must be {', '.join(FORCE_KINDS)} in that order")
    return {k: KindSpec.model_validate(v) for k, v in raw.items()}


def combined(levels: dict[str, Level]) -> Level:
    """The forces of every kind as major warships: sum of weight × (point, low, high)."""
    if not levels:
        return NO_FORCES
    if set(levels) == {"naval"}:
        return levels["naval"]  # the measure the reference is counted in, as it was
    specs = force_kinds()
    total = [sum(specs[k].weight * lv[i] for k, lv in levels.items()) for i in range(3)]
    parts = [
        f"{k} {lv[0]:g} {specs[k].unit} x {specs[k].weight:g} ({lv[3]})" for k, lv in levels.items()
    ]
    source = "; ".join(parts) + " (weights in major warships: simulate/forces.yaml, judgement)"
    return total[0], total[1], total[2], source
