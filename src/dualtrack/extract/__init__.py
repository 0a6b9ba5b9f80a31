"""Bilingual (Chinese Traditional/Simplified, English) event coder: articles → dated events,
quantities and stances with evidence spans in the original text.

    ex = Extractor(case)                      # loads the language data files once
    for item in read_paths(["articles/"]):    # Documents, or ReadErrors for bad inputs
        ...
    res = ex.extract(doc)                     # res.events, res.stances, res.unresolved
"""

from dualtrack.extract.events import Candidate
from dualtrack.extract.langdata import LangDataError
from dualtrack.extract.normalize import Normalized, normalize
from dualtrack.extract.pipeline import Extraction, Extractor, detect_lang
from dualtrack.extract.reader import ReadError, decode, read_paths
from dualtrack.extract.records import event_record

__all__ = [
    "Candidate",
    "Extraction",
    "Extractor",
    "LangDataError",
    "Normalized",
    "ReadError",
    "decode",
    "detect_lang",
    "event_record",
    "normalize",
    "read_paths",
]
