"""Actor mentions: states in three scripts, role phrases, persons, pairs, candidates."""

from __future__ import annotations

import pytest

from dualtrack.extract.mentions import find_mentions
from dualtrack.extract.normalize import normalize


def _ids(ex, text, code):
    lang = ex._load(code)
    n = normalize(text, chinese=lang.cjk, units=lang.unit_chars)
    return [m.ids for m in find_mentions(n.text, lang, ex._country) if not m.locative]


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("伊朗外長", "IRN"),
        ("美國國務院", "USA"),
        ("以軍", "ISR"),
        ("革命衛隊", "IRN"),
        ("川普", "USA"),
        ("特朗普", "USA"),
        ("魯比歐", "USA"),
        ("鲁比奥", "USA"),
        ("內塔尼亞胡", "ISR"),
        ("納坦雅胡", "ISR"),
        ("衣索比亞", "ETH"),
        ("埃塞俄比亚", "ETH"),
        ("海合會", "GCC"),
        ("民族解放軍", "COL"),  # Colombia's ELN, not the PLA (解放军) inside its name
        ("克伦民族解放军", "MMR"),
    ],
)
def test_chinese_names_resolve_to_their_state(ex, phrase, country) -> None:
    ids = _ids(ex, f"{phrase}表示反對", "zh")
    assert len(ids) == 1 and ex.country(ids[0][0]) == country


@pytest.mark.parametrize("name", ["埃塞奎博", "埃塞基博"])
def test_a_region_whose_name_opens_with_a_state_abbreviation_names_no_state(ex, name) -> None:
    """埃塞 alone is Ethiopia; Essequibo (Guyana's region claimed by Venezuela) is a place."""
    ids = _ids(ex, f"委内瑞拉再次声称对{name}地区拥有主权", "zh")
    assert [ex.country(i[0]) for i in ids] == ["VEN"]


def test_person_after_role_phrase_is_one_mention(ex) -> None:
    ids = _ids(ex, "伊朗外長阿拉格齊週二表示", "zh")
    assert ids == [("IRN.araghchi",)]
    assert ex.country("IRN.araghchi") == "IRN"
    ids = _ids(ex, "Iranian Foreign Minister Abbas Araghchi said", "en")
    assert ids == [("IRN.araghchi",)]


def test_english_role_phrases(ex) -> None:
    assert _ids(ex, "Iran's foreign minister said", "en") == [("IRN",)]
    assert _ids(ex, "The State Department said", "en") == [("USA",)]
    assert _ids(ex, "the Revolutionary Guards said", "en") == [("IRN.irgc",)]


def test_pairs_and_longest_match(ex) -> None:
    assert _ids(ex, "美伊重啟談判", "zh") == [("USA", "IRN")]
    # 其中美國: 美國, not the pair 中美
    assert _ids(ex, "其中美國派出軍艦", "zh") == [("USA",)]
    # pairs come from one-character abbreviations; a longer name starting inside wins
    assert _ids(ex, "韓美聯合軍演", "zh") == [("KOR", "USA")]
    assert _ids(ex, "6日美國宣布", "zh") == [("USA",)]
    assert _ids(ex, "以巴衝突", "zh") == [("ISR", "PSE")]
    # a pair followed by the preposition 以 (by means of) is not read as the pair 伊以
    assert _ids(ex, "呼籲美伊以和平方式化解矛盾", "zh") == [("USA", "IRN")]


def test_places_after_locative_prepositions_are_not_parties(ex) -> None:
    assert _ids(ex, "雙方在阿曼舉行會談", "zh") == []
    assert _ids(ex, "talks were held in Oman", "en") == []


def test_unknown_names_become_candidates(run) -> None:
    res = run("Zanzibari Liberation Front fighters attacked the port on Monday.")
    assert any("Zanzibari" in c.text for c in res.unresolved)
    assert not res.events  # an unknown actor is reported, not replaced by a guess
