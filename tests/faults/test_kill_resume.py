"""An ingest killed outright (kill -9: the OOM killer, a power cut) in the middle of a write group
leaves the groups it committed, and a second run ends in the state of one uninterrupted run."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from dualtrack.extract import Extractor
from dualtrack.extract.ingest import ingest
from dualtrack.store import Workspace

LINES = [
    "{a} warned {b} on February {d}, 2026 that it would strike back.",
    "{a} and {b} held talks in Muscat on February {d}, 2026.",
    "{a} accused {b} of building missiles on February {d}, 2026.",
]
STATES = ["Iran", "Israel", "Oman", "Qatar"]

# Runs in a child: ingest in groups of 20 documents, then SIGKILL itself while the third batch
# (documents 21-30) is extracted but not yet committed.
CHILD = """
import os, signal, sys
from pathlib import Path
from dualtrack.extract import Extractor
from dualtrack.extract.ingest import ingest
from dualtrack.store import Workspace
done = []
def die(_doc):
    done.append(1)
    if len(done) == 25:
        os.kill(os.getpid(), signal.SIGKILL)
with Workspace.open(Path(sys.argv[2])) as ws:
    ingest([sys.argv[1]], ws, "c", Extractor(None, lang="en"), batch_size=10, write_every=20,
           on_document=die)
"""


def _articles(path: Path, n: int) -> Path:
    rows = []
    for i in range(n):
        a, b = STATES[i % 4], STATES[(i + 1 + i // 4) % 4 or 1]
        text = " ".join(s.format(a=a, b=b, d=1 + i % 2) for s in LINES) + f" (report {i})"
        rows.append(json.dumps({"text": text}))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _state(ws: Workspace) -> tuple:
    return (
        [e.model_dump() for e in ws.events("c")],
        [s.model_dump() for s in ws.stances("c")],
        sorted(d.id for d in ws.documents()),
    )


def test_ingest_killed_mid_group_resumes_to_the_clean_state(tmp_path: Path) -> None:
    articles = _articles(tmp_path / "a.jsonl", 45)
    ex = Extractor(None, lang="en")
    with Workspace.open(tmp_path / "clean") as ws:
        ingest([articles], ws, "c", ex, batch_size=10)
        clean = _state(ws)
    killed = subprocess.run(
        [sys.executable, "-c", CHILD, str(articles), str(tmp_path / "killed")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    with Workspace.open(tmp_path / "killed") as ws:
        assert len(ws.documents()) == 20  # the committed group, nothing of the third batch
        summary = ingest([articles], ws, "c", ex, batch_size=10)
        assert (summary.documents_seen, summary.documents_new) == (20, 25)
        assert _state(ws) == clean
