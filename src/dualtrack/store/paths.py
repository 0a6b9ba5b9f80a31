"""Where a workspace lives: `--data-dir`, else `DUALTRACK_HOME`, else the user data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "DUALTRACK_HOME"
DB_FILE = "dualtrack.duckdb"


def workspace_dir(data_dir: Path | str | None = None) -> Path:
    """The workspace directory, chosen the way every command chooses it.

    An explicit directory wins so scripts and tests never touch the user's real workspace; the
    environment variable lets a shell session switch workspaces without repeating the option.
    """
    if data_dir is not None and str(data_dir) != "":
        return Path(data_dir).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("dualtrack", appauthor=False))
