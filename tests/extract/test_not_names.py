"""Words holding a state's name that name no actor (actors.yaml `not_names`, places whose names
hold a state's) and later parts of a transliterated name after its joining dot: out of fold
(s42p) such readings gave parties no gold event names (Chad from 理查德, Haiti from 沿海地区,
Mali from 马里乌波尔 and from Taiwan's 索马利兰, Lebanon's premier from another man's surname)."""

from __future__ import annotations

import pytest

from dualtrack.extract import Extractor, LangDataError
from dualtrack.extract.langdata import build
from dualtrack.extract.mentions import find_mentions
from dualtrack.extract.normalize import normalize

from .conftest import triples


def _ids(ex: Extractor, text: str) -> list[str]:
    lang = ex._load("zh")
    n = normalize(text, chinese=True, units=lang.unit_chars)
    return [m.id for m in find_mentions(n.text, lang, ex._country)]


def _countries(ex: Extractor, text: str) -> set[str | None]:
    return {ex.country(i) for i in _ids(ex, text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("委内瑞拉外长表示愿与美方特使理查德会面。", "TCD"),
        ("美军近日在加勒比海地区增派舰艇。", "HTI"),
        ("风暴过后，沿海地区的渔民暂停出海。", "HTI"),
        ("俄军称已完全控制马里乌波尔港口。", "MLI"),
        ("美军战机空袭了马里布省一处营地。", "MLI"),
        ("索馬利蘭當局宣布與衣索比亞簽署備忘錄。", "MLI"),
        ("武装组织发言人阿卜杜勒·萨拉姆称将继续谈判。", "LBN"),
        ("叛军领导人阿卜杜勒·马利克发表讲话。", "MLI"),
    ],
)
def test_name_inside_a_longer_word_is_no_party(ex, text, absent) -> None:
    assert absent not in _countries(ex, text)


@pytest.mark.parametrize(
    "text",
    [
        "要点：\n•美国宣布对伊朗实施新制裁。",
        "•美国宣布对伊朗实施新制裁。",
        "要点：·美国宣布对伊朗实施新制裁。",
    ],
)
def test_a_dot_opening_a_list_item_is_a_bullet_not_part_of_a_name(ex, text) -> None:
    assert "USA" in _countries(ex, text)


def test_taiwan_spelling_of_somaliland_names_the_region(ex) -> None:
    assert "SOM.somaliland" in _ids(ex, "索馬利蘭當局宣布與衣索比亞簽署備忘錄。")


def test_the_states_themselves_are_still_read(ex) -> None:
    assert {"TCD", "HTI", "MLI"} <= _countries(ex, "查德、海地和马里的代表出席会议。")
    # a full name in the data is matched from its first part, dot and all
    assert "AUS" in _countries(ex, "澳大利亚防长理查德·马尔斯访问日本。")


def test_not_names_must_be_a_list_of_words(tmp_path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "actors.yaml").write_text("not_names: {理查德: 1}\n", encoding="utf-8")
    with pytest.raises(LangDataError, match="not_names"):
        build("zh", extra=[tmp_path])


def test_officials_assembling_is_no_protest(ex) -> None:
    got = triples(ex, "西非多国参谋长本周在塞内加尔首都集会，讨论马里局势。")
    assert not any(c == "PROTEST" for _, c, _ in got)


def test_a_ministry_protesting_to_a_state_accuses_it(ex) -> None:
    got = triples(ex, "越南外交部6日向中方抗议，称其船只在争议海域作业。")
    assert ("VNM", "ACCUSE", "CHN") in got
    assert not any(c == "PROTEST" for _, c, _ in got)


def test_a_rally_is_still_a_protest_word(ex) -> None:
    lang = ex._load("zh")
    m = lang.verb_re.search("数千民众在首都举行抗议集会")
    assert m is not None and lang.verb_rules[m.lastgroup].category.value == "PROTEST"
