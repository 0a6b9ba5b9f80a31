"""Event summaries trimmed to their length limit keep whole words at both ends."""

from __future__ import annotations

import re

TEXT = (
    "Following many hours of overnight consultations among officials in several capitals and a "
    "flurry of calls, Norway and Sweden held talks on Friday in Geneva, the Swiss foreign minister "
    "carrying messages between the two delegations who never met face to face at all."
)


def test_a_trimmed_summary_neither_starts_nor_ends_mid_word(run) -> None:
    res = run(TEXT)
    assert res.events
    words = set(re.findall(r"[\w'-]+", TEXT))
    for e in res.events:
        assert e.summary and len(e.summary) <= 120
        got = re.findall(r"[\w'-]+", e.summary)
        assert got[0] in words and got[-1] in words, e.summary
