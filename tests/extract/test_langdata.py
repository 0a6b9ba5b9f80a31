"""Language knowledge lives in YAML: users extend it without touching Python."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dualtrack.extract import Extractor, LangDataError
from dualtrack.model import Document


def test_extra_language_folder_adds_actors_and_verbs(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "actors.yaml").write_text(
        "actors:\n  XFR: {kind: armed_group, country: SDN, names: [Rapid Shield Force]}\n",
        encoding="utf-8",
    )
    (tmp_path / "en" / "verbs.yaml").write_text(
        "rules:\n  - {category: COERCE, mode: seize, patterns: ['commandeered']}\n",
        encoding="utf-8",
    )
    doc = Document(
        text="The Rapid Shield Force commandeered a UN convoy on Monday.", date=dt.date(2026, 3, 5)
    )
    plain = Extractor(lang="en").extract(doc)
    assert not [e for e in plain.events if e.category.value == "COERCE"]
    ex = Extractor(lang="en", lang_dirs=[tmp_path])
    (e,) = [e for e in ex.extract(doc).events if e.category.value == "COERCE"]
    assert e.actor == "XFR" and ex.country("XFR") == "SDN" and e.target == "UN"


def test_malformed_language_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "verbs.yaml").write_text(
        "rules:\n  - {category: BLOCKADE, patterns: ['封港']}\n", encoding="utf-8"
    )
    with pytest.raises(LangDataError, match=r"lang/zh/verbs.yaml: rule \d+"):
        Extractor(lang="zh", lang_dirs=[tmp_path])
    (tmp_path / "zh" / "verbs.yaml").write_text(
        "rules:\n  - {category: COERCE, patterns: ['封港(']}\n", encoding="utf-8"
    )
    with pytest.raises(LangDataError, match="bad regular expression"):
        Extractor(lang="zh", lang_dirs=[tmp_path])


def test_a_misspelt_category_in_modality_names_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "modality.yaml").write_text("reacted_acts: [ASSUALT]\n", encoding="utf-8")
    with pytest.raises(LangDataError, match=r"lang/en/modality.yaml: reacted_acts: .*ASSUALT"):
        Extractor(lang="en", lang_dirs=[tmp_path])


def test_case_aliases_are_used(tmp_path: Path) -> None:
    from dualtrack.cases import load_case

    case = load_case("us-iran-2026")
    ex = Extractor(case)
    res = ex.extract(
        Document(text="美國海軍5日在荷莫茲海峽部署兩艘驅逐艦。", date=dt.date(2026, 2, 8))
    )
    (e,) = [e for e in res.events if e.category.value == "MOBILIZE"]
    assert ex.country(e.actor) == "USA"


def test_misspelt_key_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "verbs.yaml").write_text(
        "rules:\n  - category: COERCE\n    patterns: ['commandeered']\n"
        "  - category: ASSAULT\n    patern: ['shelled']\n",
        encoding="utf-8",
    )
    with pytest.raises(LangDataError, match=r"en/verbs.yaml:5: unknown verb rule key 'patern'"):
        Extractor(lang="en", lang_dirs=[tmp_path])
    (tmp_path / "en" / "verbs.yaml").unlink()
    (tmp_path / "en" / "modality.yaml").write_text(
        "negation: ['not']\nnegaton: ['never']\n", encoding="utf-8"
    )
    with pytest.raises(LangDataError, match=r"en/modality.yaml:2: unknown key 'negaton'"):
        Extractor(lang="en", lang_dirs=[tmp_path])


def test_background_cues_are_language_data(tmp_path: Path) -> None:
    """modality.yaml `background` (此前, "last year"): compiled with the rest, and a misspelt key
    is an error naming the file and the line."""
    ex = Extractor(lang="en")
    rx = ex._langs["en"].mod["background_re"]
    assert rx.search("a truce agreed last year") and not rx.search("a truce agreed today")
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "modality.yaml").write_text(
        "negation: ['未']\nbackgroud: ['此前']\n", encoding="utf-8"
    )
    with pytest.raises(LangDataError, match=r"zh/modality.yaml:2: unknown key 'backgroud'"):
        Extractor(lang="zh", lang_dirs=[tmp_path])
