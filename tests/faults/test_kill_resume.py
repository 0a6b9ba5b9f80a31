"""An ingest killed outright (kill -9: the OOM killer, a power cut) in the middle of a write group
leaves the groups it committed, and a second run ends in the state of one uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
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


# A parent that starts a pool of two workers, prints their process ids, then is killed outright
# while results larger than a pipe holds are on their way to it.
POOL_PARENT = """
import os, signal
from dualtrack.parallel import ordered_map

def pid(_state, _item):
    return os.getpid(), "x" * 1_000_000

if __name__ == "__main__":
    pids = set()
    for n, (_item, (worker, _)) in enumerate(ordered_map(pid, None, range(40), workers=2)):
        pids.add(worker)
        if n == 8:
            print(" ".join(map(str, sorted(pids))), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split(") ")[-1].startswith("Z"))


def test_pool_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    """Before, workers of a killed `ingest` waited for ever to hand over a result, holding its
    memory and its stdout (so whoever waited for that output hung too)."""
    script = tmp_path / "parent.py"
    script.write_text(POOL_PARENT, encoding="utf-8")
    done = subprocess.run(  # returns once every holder of its stdout (the workers too) has exited
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    pids = [int(p) for p in done.stdout.split()]
    assert pids and os.getpid() not in pids
    for _ in range(100):  # bounded: ten seconds at most for the kernel to reap them
        if not any(_alive(p) for p in pids):
            break
        time.sleep(0.1)
    assert not any(_alive(p) for p in pids)
