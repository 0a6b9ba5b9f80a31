"""Responses of the LLM kept on disk, keyed by (text hash, model, prompt version): coding the
same text again with the same model and codebook costs nothing.

Why files, not the workspace's DuckDB: requests run on several threads while the workspace is
being written by the ingest; one small file per answer, written whole (temporary file, then
rename), needs no lock and survives a crash mid-run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

CACHE_DIR = "llm-cache"


def user_cache() -> Path:
    """Where `extract` (which has no workspace) keeps answers."""
    return Path(platformdirs.user_cache_dir("dualtrack", appauthor=False)) / CACHE_DIR


class ResponseCache:
    def __init__(self, root: Path, model: str, version: str) -> None:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model)[:80] or "model"
        self.dir = Path(root) / slug / version
        self.hits = 0

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, text: str) -> dict[str, Any] | None:
        path = self.dir / f"{self.key(text)}.json"
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.hits += 1
        return value

    def put(self, text: str, value: dict[str, Any]) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False)
        os.replace(tmp, self.dir / f"{self.key(text)}.json")
