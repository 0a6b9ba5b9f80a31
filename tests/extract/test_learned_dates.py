"""The date model's cues (`learned.slot_features`): tense and aspect words of the sentence and
the clause's wording, on self-written text."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor, learned
from dualtrack.model import Document


def _cues(lang: str, text: str, category: str) -> set[str]:
    """The date model's cues for the first rule draft of `category` in `text`."""
    ex = Extractor(lang=lang, coder="learned")
    _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 12)))
    units = view.units()
    lasts = learned.last_dates(view, units, learned.news_day(view))
    starts = [u.start for u in units]
    d = next(d for d in view.drafts if d.category.value == category)
    k = learned.unit_of(starts, d)
    slots = learned.date_slots(view, units[k], d.date, lasts[k])
    return set(learned.slot_features(view, units[k], category, d, slots))


@pytest.mark.parametrize(
    ("lang", "text", "cue"),
    [
        ("en", "Norway has accused Sweden of breaking the fishing accord.", "tnw:has"),
        ("en", "Norway recently accused Sweden of breaking the fishing accord.", "tnw:recently"),
        ("zh", "挪威近日指责瑞典违反渔业协定。", "tnw:近日"),
        ("zh", "挪威已经多次指责瑞典违反渔业协定。", "tnw:多次"),
    ],
)
def test_tense_and_aspect_words_are_date_cues(lang: str, text: str, cue: str) -> None:
    """Perfect and iterative aspect (has accused, 多次, 近日) mark events recalled rather than
    reported as the day's news, which the GUIDE leaves undated: modality.yaml `tense`, read
    apart from the background cues (last year, 此前)."""
    cues = _cues(lang, text, "ACCUSE")
    assert {cue, "tn:before"} <= cues
    assert not any(c.startswith("bg") for c in cues)


def test_the_date_model_reads_the_clauses_wording() -> None:
    """With 1,493 training events the clause's words help out of fold; the actors are masked."""
    cues = _cues("en", "Norway accused Sweden on Monday of breaking the fishing accord.", "ACCUSE")
    words = {c for c in cues if c.startswith("w:")}
    assert {"w:accused", "w:fishing"} <= words
    assert not any("norway" in c or "sweden" in c for c in words)
    assert not any(c.startswith(("bg", "tn")) for c in cues)
