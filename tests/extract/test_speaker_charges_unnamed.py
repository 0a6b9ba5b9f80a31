"""The speaker's act on another party (`speaker_acts`) where the rules found no speaker or no
party before (s61z): a speaker named after a topic clause (对于…，X表示，Y违反协议: the 对 of
对于 is a target preposition, and the speaker search stopped there). Sentences written for
these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor

from .conftest import triples

DAY = dt.date(2026, 4, 9)

# (text, speaker, charged or asked, category)
AFTER_TOPIC = [
    ("对于边境再起冲突，印度外交部9日表示，巴基斯坦违反了停火协议。", "IND", "PAK", "ACCUSE"),
    ("针对近日的冲突，希腊外长9日称，土耳其公然违反协议。", "GRC", "TUR", "ACCUSE"),
]


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(case=None, lang="auto", coder="rules")


@pytest.mark.parametrize(("text", "speaker", "other", "category"), AFTER_TOPIC)
def test_a_speaker_after_a_topic_clause_is_found(rules, text, speaker, other, category) -> None:
    events = triples(rules, text, DAY)
    assert (speaker, category, other) in events
    assert not [e for e in events if e[0] == other]
