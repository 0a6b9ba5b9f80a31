"""Sentence splitting keeps each sentence short enough for the coder's per-verb work."""

from __future__ import annotations

from itertools import pairwise

import pytest

from dualtrack.extract.langdata import build
from dualtrack.extract.segment import MAX_SENTENCE, sentences

WORDS = [("en", "talks went on and on "), ("zh", "会谈持续进行")]


@pytest.mark.parametrize(("code", "word"), WORDS)
def test_text_without_punctuation_is_cut_into_bounded_sentences(code: str, word: str) -> None:
    """A long paste with no full stop (the probe's 5 MB document) would otherwise be one
    sentence, and coding it quadratic in its length; every character still lands in a sentence,
    in order, with cuts at spaces where there are any."""
    text = word * (12 * MAX_SENTENCE // len(word))
    got = sentences(text, build(code))
    assert len(got) >= 12
    assert all(s.end - s.start <= MAX_SENTENCE for s in got)
    assert got[0].start == 0 and got[-1].end == len(text.rstrip())
    for a, b in pairwise(got):
        assert a.end <= b.start and not text[a.end : b.start].strip()
    if code == "en":
        assert all(text[s.end] == " " for s in got[:-1])


def test_ordinary_sentences_are_untouched() -> None:
    text = "Oman hosted talks on Monday. Iran said it would attend.\n\nThe US agreed."
    got = [text[s.start : s.end] for s in sentences(text, build("en"))]
    assert got == ["Oman hosted talks on Monday.", "Iran said it would attend.", "The US agreed."]
