"""One way to build the extractor every command uses, whichever coder it runs:
`make_extractor(case, coder="learned"|"rules"|"llm", llm=LLMSettings(...))` (default learned).

Why one factory: `extract`, `ingest`, `watch` and `case new` take the same `--coder` and
`--llm-*` options, and where the LLM's answers are cached (the workspace, else the user cache
dir) and how its progress is shown must not differ between them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dualtrack.extract.llm import LLMCoder, LLMError, LLMSettings, Meter
from dualtrack.extract.llm.cache import CACHE_DIR, user_cache
from dualtrack.extract.pipeline import CODERS, DEFAULT_CODER, Extractor
from dualtrack.model import Case


def make_extractor(
    case: Case | None = None,
    *,
    lang: str = "auto",
    coder: str = DEFAULT_CODER,
    llm: LLMSettings | None = None,
    workspace: Path | None = None,
    on_progress: Callable[[Meter], None] | None = None,
) -> Extractor:
    """The extractor for `coder`. With `coder="llm"`, `llm` says which server and model
    (default: `LLMSettings.from_env()`); answers are cached under `workspace` (a workspace
    directory) or, without one, in the user cache directory. Raises `LLMError` naming the URL
    when the server cannot be reached, `ValueError` for an unknown coder or language."""
    if coder not in CODERS:
        raise ValueError(f"--coder must be one of {', '.join(CODERS)}; not {coder!r}")
    if coder != "llm":
        return Extractor(case, lang=lang, coder=coder)
    settings = llm or LLMSettings.from_env()
    root = Path(workspace) / CACHE_DIR if workspace is not None else user_cache()
    coder_ = LLMCoder(settings, case, cache_root=root, on_progress=on_progress)
    return Extractor(case, lang=lang, coder="llm", llm=coder_)


__all__ = ["LLMError", "LLMSettings", "make_extractor"]
