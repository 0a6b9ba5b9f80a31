"""Mention spans: what follows a title is a name only if it looks like one, and two parties of
one state joined by a conjunction, a preposition or a speech verb stay two mentions."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract.mentions import find_mentions
from dualtrack.extract.normalize import normalize
from dualtrack.model.documents import Document


def _mentions(ex, text: str) -> list[tuple[str, tuple[str, ...]]]:
    lang = ex._load("zh")
    n = normalize(text, chinese=lang.cjk, units=lang.unit_chars)
    return [(n.text[m.start : m.end], m.ids) for m in find_mentions(n.text, lang, ex._country)]


def test_word_after_title_is_no_name(ex) -> None:
    """挪威总理没有…: 没有 is no name, so its later uses name nobody."""
    got = _mentions(ex, "挪威总理没有说明理由。瑞典方面没有回应。")
    assert [t for t, _ in got if "没有" in t] == []


def test_name_after_title_ends_before_time_word(ex) -> None:
    """智利外长罗德里本月…: the name is 罗德里, and later 罗德里 alone is Chile's."""
    got = _mentions(ex, "智利外长罗德里本月访问秘鲁。罗德里表示愿意合作。")
    assert [ex.country(i[0]) for t, i in got if t == "罗德里"] == ["CHL"]
    assert not any(t.endswith("本月") for t, _ in got)


def test_conjunction_keeps_two_parties(ex) -> None:
    """The army and an armed group of the same state, joined by 和: two parties."""
    got = _mentions(ex, "缅军昨晚和果敢同盟军同意在山区停火。")
    ids = [i for _, i in got]
    assert len(ids) == 2 and ex.country(ids[0][0]) == "MMR" and ids[1] != ids[0]


def test_speech_verb_keeps_two_parties(ex) -> None:
    """The state speaks about its breakaway region: two mentions."""
    got = _mentions(ex, "索马里再次表示索马里兰无权与外国签约。")
    assert len(got) == 2


def test_title_between_state_and_person_still_merges(ex) -> None:
    """A title between a state and its known envoy: one mention."""
    got = _mentions(ex, "印度前任特别代表多瓦尔抵达开罗。")
    assert got[0][0] == "印度前任特别代表多瓦尔"


def test_no_name_read_across_a_day(ex) -> None:
    """日 ends a day and is Japan's short name: 9日中午 names neither Japan nor China."""
    doc = Document(text="越南外交部9日中午宣布召见菲律宾大使。", date=dt.date(2025, 4, 10))
    _, _, _, view = ex.view(doc)
    assert [ex.country(m.id) for m in view.mentions] == ["VNM", "PHL"]


def test_a_title_before_a_weekday_names_no_one(ex) -> None:
    """智利外长周三…: the minister is Chile's; the weekday is a date, not his name."""
    doc = Document(text="智利外长周三表示将向秘鲁提出抗议。", date=dt.date(2025, 3, 6))
    _, _, _, view = ex.view(doc)
    assert [(view.text[m.start : m.end], ex.country(m.id)) for m in view.mentions] == [
        ("智利外长", "CHL"),
        ("秘鲁", "PER"),
    ]


def test_mention_id_follows_its_ids() -> None:
    """`Mention.id` is stored, not computed: a copy with a new span keeps the first id, and
    the stored copy plays no part in equality."""
    from dataclasses import replace

    from dualtrack.extract.mentions import Mention

    m = Mention(0, 2, ("CHN", "TWN"))
    assert m.id == "CHN"
    assert replace(m, end=1).id == "CHN"
    assert replace(m, ids=("USA",)).id == "USA"
    assert m == Mention(0, 2, ("CHN", "TWN"))
