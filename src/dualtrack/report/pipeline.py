"""From a case's one event set (`dualtrack.app`) to a finished `Brief`.

`dualtrack brief`, `dualtrack demo` and Python users all go through `brief_parts`: the same
picture, the same forecasts, the same brief, whichever command asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from dualtrack.analyze import SituationPicture, build_picture
from dualtrack.app import CaseData, load_case_data
from dualtrack.model import Case
from dualtrack.report.brief import Brief, build_brief
from dualtrack.report.evidence import default_source_dirs, read_source_dirs
from dualtrack.report.outlook import Outlook, compute_outlook

Step = Callable[[str], None]


@dataclass
class BriefParts:
    """What a brief is built from, kept for callers that show more than the brief (the demo)."""

    picture: SituationPicture
    outlook: Outlook
    brief: Brief


def brief_parts(
    data: CaseData,
    *,
    lang: str = "en",
    sources: Iterable[Path] = (),
    since: dt.date | None = None,
    runs: int = 4000,
    draws: int = 500,
    seed: int = 0,
    step: Step | None = None,
) -> BriefParts:
    """The picture, both forecasts and the brief of `data` as of its date; the charts start at
    `since` (default: the picture's 30-day window)."""
    say = step or (lambda _: None)
    docs = dict(data.documents)
    docs.update(read_source_dirs(list(sources) or default_source_dirs()))
    say("build the situation picture")
    picture = build_picture(data.case, asof=data.asof, start=since)
    say("run the bargaining models and the forecast")
    outlook = compute_outlook(data.case, picture.asof, runs=runs, draws=draws, seed=seed)
    say("write the brief")
    history = [(p.asof, p.horizons) for p in data.probabilities]
    brief = build_brief(
        data.case, picture, lang=lang, documents=docs, outlook=outlook, history=history
    )
    return BriefParts(picture=picture, outlook=outlook, brief=brief)


def make_brief(
    case: Case | str | Path,
    *,
    asof: dt.date | None = None,
    lang: str = "en",
    data_dir: Path | str | None = None,
    use_store: bool = True,
    sources: Iterable[Path] = (),
    since: dt.date | None = None,
    runs: int = 4000,
    draws: int = 500,
    seed: int = 0,
    step: Step | None = None,
) -> Brief:
    """The brief of `case` as of `asof`, with the workspace's events (unless `use_store` is
    False), source texts from `sources` folders (default: $DUALTRACK_SOURCES), and both
    forecasts run with `seed`."""
    if step:
        step("read the case and the workspace")
    data = load_case_data(case, data_dir, asof=asof, use_store=use_store)
    parts = brief_parts(
        data, lang=lang, sources=sources, since=since, runs=runs, draws=draws, seed=seed, step=step
    )
    return parts.brief
