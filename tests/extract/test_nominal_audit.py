"""scripts/nominal_audit.py: which cue read a trigger as a noun (菲方的指责: 的 before it;
打击目标: 目标 after it), on sentences written for this test; what it wraps is left as it was."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract import Extractor
from dualtrack.extract import events as ev

from .conftest import load_script


def test_the_audit_names_the_cue_that_suppressed_a_trigger(train_coder) -> None:
    audit = load_script("nominal_audit")
    before = (ev.Coder.code_sentence, ev.Coder._nominal)
    text = "菲律宾4日回应了中方的指责。以色列4日公布了打击目标名单。"
    doc = train_coder.Doc("zh-test", "zh-Hans", dt.date(2026, 3, 5), text, [])
    got = {
        (text[s:e], cat, side, cue)
        for (s, e), cat, side, cue, _ in audit.suppressed(Extractor(case=None), doc)
    }
    assert ("指责", "ACCUSE", "before", "的") in got
    assert ("打击", "ASSAULT", "after", "目标") in got
    assert (ev.Coder.code_sentence, ev.Coder._nominal) == before
