"""Which triggers the nominal cues (modality `nominal_after` / `nominal_before`) kill over the
train and dev articles, and whether a gold event of the trigger's category stood there.

Why: a cue that reads a trigger as a noun drops it silently (违反协议 coded nothing until its
rule took the agreement with the verb, s44a); this counts, by language, side and cue word and by
category, the triggers each cue suppressed in the rule coder's reading, how many had a gold event
of their category in their sentence ("sent") and how many inside that event's evidence ("at").
`--list` prints each suppressed trigger with the words around it (train and dev only; the test
split is never read)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_coder as tc

from dualtrack.extract import Extractor
from dualtrack.extract import events as ev
from dualtrack.model import Document


def cue_of(coder: ev.Coder, t: ev.Trigger) -> tuple[str, str]:
    """The side and the words of the cue that read `t` as a noun."""
    after = coder.mod.get("nominal_after_re")
    m = after.match(coder.text, t.end) if after is not None else None
    if m is not None:
        return "after", m.group()
    rx = coder.mod.get("nominal_before_re")
    reach = 3 if coder.lang.cjk else 24
    b = ev._last(rx.finditer(coder.text, max(0, t.start - reach), t.start)) if rx else None
    return "before", b.group().strip() if b is not None else "?"


def suppressed(ex: Extractor, doc: tc.Doc) -> list[tuple]:
    """(trigger span, category, side, cue, sentence span), raw offsets, of `doc`'s suppressed
    triggers, each once."""
    found: dict[tuple, tuple] = {}
    sent: list = [None]
    code, nominal = ev.Coder.code_sentence, ev.Coder._nominal

    def coding(self, s, *a, **k):
        sent[0] = s
        return code(self, s, *a, **k)

    def noun(self, t):
        out = nominal(self, t)
        if out and sent[0] is not None:
            side, cue = cue_of(self, t)
            found.setdefault((t.start, t.end), (t.rule.category.value, side, cue, sent[0]))
        return out

    ev.Coder.code_sentence, ev.Coder._nominal = coding, noun
    try:
        norm, _ = ex.analyse(Document(text=doc.text, date=doc.date, source=doc.id))
    finally:
        ev.Coder.code_sentence, ev.Coder._nominal = code, nominal
    return [
        (norm.span(s, e), cat, side, cue, norm.span(st.start, st.end))
        for (s, e), (cat, side, cue, st) in found.items()
    ]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="each suppressed trigger in context")
    args = ap.parse_args(argv)
    ex = Extractor(case=None, lang="auto")
    by_cue: Counter = Counter()
    by_cat: Counter = Counter()
    for doc in tc.load_split("train") + tc.load_split("dev"):
        for (ts, te), cat, side, cue, (ss, se) in suppressed(ex, doc):
            spans = [(a, b) for g in doc.gold if g["category"] == cat for a, b in g["evidence"]]
            in_sent = any(a < se and ss < b for a, b in spans)
            at = any(a < te and ts < b for a, b in spans)
            for key, n in (((doc.lang[:2], side, cue), by_cue), ((cat,), by_cat)):
                n[(*key, "n")] += 1
                n[(*key, "sent")] += in_sent
                n[(*key, "at")] += at
            if args.list:
                around = doc.text[max(0, ts - 24) : te + 12].replace("\n", " ")
                print(f"{doc.id} {cat} {side} {cue} {'S' if in_sent else '-'}"
                      f"{'T' if at else '-'} | {around}")  # fmt: skip
    for title, n in (("language side cue", by_cue), ("category", by_cat)):
        print(f"\n{title}: suppressed, gold of its category in the sentence, at the trigger")
        keys = sorted({k[:-1] for k in n}, key=lambda k: -n[(*k, "n")])
        for k in keys:
            print(f"{' '.join(k):<28} {n[(*k, 'n')]:>4} {n[(*k, 'sent')]:>4} {n[(*k, 'at')]:>4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
