"""One long document: CPU seconds to code it as its size grows (it must grow linearly).

Why: a fault probe of issue 15 fed `extract --max-chars 10000000` a single 5 MB document and
waited 156 s: steps that rescanned the document per sentence, and a document without sentence
punctuation becoming one giant sentence whose every verb scanned all of it, were quadratic. Two
shapes, written by this script (seeded, `extract_speed.corpus`): `prose` (articles joined into
one document) and `unpunctuated` (the same text with its sentence and clause marks blanked out).
CPU seconds of this process, which waiting for other processes on a shared machine does not
inflate; µs/char should stay flat from 1 MB to 5 MB.

    .venv/bin/python benchmarks/long_document.py [--mb 1 2 5] [--shapes prose unpunctuated]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dualtrack.extract import Extractor
from dualtrack.model import Document
from extract_speed import corpus

MARKS = re.compile(r"[。．.!！?？；;，,、\n]")


def document(chars: int, shape: str, seed: int = 3) -> str:
    parts: list[str] = []
    total, k = 0, 0
    while total < chars:
        for doc in corpus(500, seed + k, target_chars=2000):
            parts.append(doc.text)
            total += len(doc.text) + 2
        k += 500
    text = "\n\n".join(parts)[:chars]
    return MARKS.sub(" ", text) if shape == "unpunctuated" else text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 2, 5])
    parser.add_argument("--shapes", nargs="+", default=["prose", "unpunctuated"],
                        choices=["prose", "unpunctuated"])  # fmt: skip
    args = parser.parse_args()
    ex = Extractor(None)
    for doc in corpus(6, 1, target_chars=2000):  # load every language's data before timing
        ex.extract(Document(text=doc.text, date="2026-02-20"))
    print(f"{'shape':>13} {'MB':>5} {'chars':>10} {'CPU s':>7} {'µs/char':>8} {'events':>7}")
    for shape in args.shapes:
        for mb in args.mb:
            text = document(int(mb * 1e6), shape)
            start = time.process_time()
            events = ex.extract(Document(text=text, date="2026-02-20")).events
            cpu = time.process_time() - start
            print(f"{shape:>13} {mb:>5g} {len(text):>10,} {cpu:>7.1f} "
                  f"{1e6 * cpu / len(text):>8.1f} {len(events):>7,}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
