"""scripts/nominal_audit.py: which cue read a trigger as a noun (菲方的指责: 的 before it;
打击目标: 目标 after it), on sentences written for this test; what it wraps is left as it was."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

from dualtrack.extract import Extractor
from dualtrack.extract import events as ev


def test_the_audit_names_the_cue_that_suppressed_a_trigger(train_coder) -> None:
    path = Path(__file__).resolve().parents[2] / "scripts" / "nominal_audit.py"
    spec = importlib.util.spec_from_file_location("nominal_audit", path)
    assert spec and spec.loader
    audit = importlib.util.module_from_spec(spec)
    sys.modules["nominal_audit"] = audit
    spec.loader.exec_module(audit)
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
