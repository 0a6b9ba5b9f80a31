"""Shared fixtures: data in ../shared is read in place, never copied; absent data skips."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (it sits next to the project checkout)")
    return SHARED


@pytest.fixture(scope="session")
def shared_data(shared_dir: Path) -> Path:
    data = shared_dir / "data"
    if not data.is_dir():
        pytest.skip(f"shared data folder {data} is absent")
    return data


@pytest.fixture(autouse=True)
def _own_workspace(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commands read $DUALTRACK_HOME's workspace: point it at an empty folder per test, so no
    test reads or writes the user's real workspace (a test that needs one sets its own)."""
    monkeypatch.setenv("DUALTRACK_HOME", str(tmp_path_factory.mktemp("home")))
