"""The BDM 1994 EU car-emission-standards case (Scholz, Calbert & Smith 2011, table 1)."""

from __future__ import annotations

import numpy as np
import pytest

ACTORS = ["NL", "BE", "LU", "DE", "FR", "IT", "UK", "IE", "DK", "GR"]
CAPABILITY = [0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08]
POSITION = [4, 7, 4, 4, 10, 10, 10, 7, 4, 7]
SALIENCE = [0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7]


@pytest.fixture
def emissions() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.array(POSITION, float), np.array(SALIENCE), np.array(CAPABILITY)


@pytest.fixture
def emissions_csv(tmp_path):
    rows = ["Actor,Capability,Position,Salience"]
    rows += [
        f"{a},{c},{p},{s}"
        for a, c, p, s in zip(ACTORS, CAPABILITY, POSITION, SALIENCE, strict=True)
    ]
    path = tmp_path / "emissions.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
