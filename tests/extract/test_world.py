"""The world gazetteer (lang/*/world.yaml): demonyms, capitals, leaders, armed groups and blocs
of crises the corpus does not cover are parties, loaded between countries.yaml and actors.yaml,
and never repeating a name the hand-tuned files give. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from dualtrack.extract import Extractor
from dualtrack.extract.langdata import LangDataError, build
from dualtrack.model import Document

LANG = Path(__file__).resolve().parents[2] / "src" / "dualtrack" / "extract" / "lang"


def _actors(code: str, name: str) -> dict[str, dict]:
    return yaml.safe_load((LANG / code / f"{name}.yaml").read_text(encoding="utf-8"))["actors"]


@pytest.mark.parametrize("code", ["en", "zh"])
def test_world_repeats_no_name_of_the_other_files(code: str) -> None:
    """An alias actors.yaml or countries.yaml already gives (to the same actor or another) stays
    there: the gazetteer only adds."""
    given: dict[str, str] = {}
    for name in ("countries", "actors"):
        for aid, spec in _actors(code, name).items():
            for alias in spec["names"]:
                given.setdefault(str(alias), aid)
    seen: dict[str, str] = {}
    for aid, spec in _actors(code, "world").items():
        for alias in map(str, spec["names"]):
            assert alias not in given, f"{code} {aid}: {alias!r} is given to {given[alias]}"
            assert alias not in seen, f"{code} {aid}: {alias!r} repeats {seen[alias]}"
            seen[alias] = aid


@pytest.mark.parametrize("code", ["en", "zh"])
def test_world_is_broad(code: str) -> None:
    """At least 60 states with named officials and 60 armed groups in English, each group
    fighting in a known state."""
    world = _actors(code, "world")
    states = set(_actors(code, "countries")) | {"XKX"}
    groups = {a: s for a, s in world.items() if s["kind"] == "armed_group"}
    assert all(s["country"] in states for s in groups.values())
    people = {a.split(".")[0] for a, s in world.items() if s["kind"] == "person"}
    if code == "en":
        assert len(groups) >= 60 and len(people & states) >= 60


def test_world_loads_between_countries_and_actors(tmp_path: Path) -> None:
    """A name in a world.yaml is an alias; actors.yaml's keys win over world.yaml's."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "world.yaml").write_text(
        "actors:\n  XKA.front: {kind: agency, country: XKA, names: [Xanadu Front]}\n"
    )
    (tmp_path / "en" / "actors.yaml").write_text(
        "actors:\n  XKA.front: {kind: armed_group, country: XKA, names: [XKA Front]}\n"
    )
    lang = build("en", extra=[tmp_path])
    assert lang.alias_ids["Xanadu Front"] == ("XKA.front",)
    assert lang.actors["XKA.front"].kind == "armed_group"


def test_world_keys_are_checked(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "world.yaml").write_text(
        "actors:\n  XKA: {kind: state, names: [Xanadu]}\n  XKB: {kind: state, nmes: [Y]}\n"
    )
    with pytest.raises(LangDataError, match=r"world\.yaml:3: unknown actor key 'nmes'"):
        build("en", extra=[tmp_path])


# (text, an event (actor country, category, target country) both coders must find): a leader, a
# capital, a demonym, an armed group and a bloc of crises outside the corpus.
CASES = [
    ("Assimi Goïta accused Algeria of arming terrorists.", ("MLI", "ACCUSE", "DZA")),
    ("Nouakchott condemned Bamako over the killing of herders.", ("MRT", "ACCUSE", "MLI")),
    ("Ivorian officials accused Burkina Faso of holding two gendarmes.", ("CIV", "ACCUSE", "BFA")),
    ("Boko Haram fighters attacked a Chadian army base on Monday.", ("NGA", "ASSAULT", "TCD")),
    ("ECOWAS imposed sanctions on Niger.", ("ECOWAS", "SANCTION", "NER")),
    ("戈伊塔4日指责阿尔及利亚向恐怖分子提供武器。", ("MLI", "ACCUSE", "DZA")),
    ("阿布贾4日谴责尼亚美关闭边境。", ("NGA", "ACCUSE", "NER")),
    ("博科圣地武装分子4日袭击了乍得军队的一处基地。", ("NGA", "ASSAULT", "TCD")),
    ("西共体4日宣布对尼日尔实施制裁。", ("ECOWAS", "SANCTION", "NER")),
    ("西非經濟共同體5日宣布對尼日實施新一輪制裁。", ("ECOWAS", "SANCTION", "NER")),
]


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(("text", "event"), CASES)
def test_a_party_named_by_the_gazetteer_is_coded(
    coders: dict[str, Extractor], coder: str, text: str, event: tuple[str, str, str]
) -> None:
    ex = coders[coder]
    res = ex.extract(Document(text=text, date=dt.date(2026, 3, 5)))
    got = {(ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events}
    assert event in got, got
