"""Normalisation keeps an exact map back to the original text."""

from __future__ import annotations

from dualtrack.extract import normalize
from dualtrack.extract.normalize import numeral_value, to_simplified

UNITS = frozenset("名艘架个枚")


def test_traditional_to_simplified_keeps_offsets() -> None:
    text = "國務院宣佈對兩艘油輪實施制裁，飛彈部隊進入戒備。"
    n = normalize(text, units=UNITS)
    assert "国务院" in n.text and "飞弹部队" in n.text
    i = n.text.index("飞弹部队")
    assert n.original_text(i, i + 4) == "飛彈部隊"


def test_full_width_folds_to_half_width() -> None:
    n = normalize("截至１月２９日，ＵＳＡ（美國）", units=UNITS)
    assert "1月29日,USA(美国)" in n.text
    assert n.original_text(0, len(n.text)) == "截至１月２９日，ＵＳＡ（美國）"


def test_numerals_become_digits_and_spans_round_trip() -> None:
    text = "共有一千二百名士兵，兩名個人和十五個實體被列入，另有三艘軍艦。"
    n = normalize(text, units=UNITS)
    assert "1200名士兵" in n.text
    assert "2名个人" in n.text and "15个实体" in n.text and "3艘军舰" in n.text
    for word, orig in (("1200名", "一千二百名"), ("2名", "兩名"), ("15个", "十五個")):
        i = n.text.index(word)
        assert n.original_text(i, i + len(word)) == orig
    # every normalised position maps inside the original, in order
    assert n.starts == sorted(n.starts)
    assert all(0 <= s < e <= len(text) for s, e in zip(n.starts, n.ends, strict=True))


def test_thousands_commas_drop_and_spans_round_trip() -> None:
    """2,000 reads as one word (a trigger's gap of words, a Chinese gap without commas); a
    comma between a day and a year, or in a list of small numbers, stays."""
    text = "Poland sent 2,000 soldiers and 1,250,000 rounds on May 7, 2025 (items 1,2)."
    n = normalize(text)
    assert "sent 2000 soldiers and 1250000 rounds on May 7, 2025 (items 1,2)" in n.text
    i = n.text.index("1250000")
    assert n.original_text(i, i + 7) == "1,250,000"
    assert normalize("波兰派遣2,000名士兵", units=UNITS).text == "波兰派遣2000名士兵"


def test_numerals_inside_words_stay() -> None:
    n = normalize("一边谈判一边施压，统一立场", units=UNITS)
    assert n.text == "一边谈判一边施压,统一立场"


def test_dates_in_chinese_numerals() -> None:
    n = normalize("二〇二六年二月六日", units=UNITS)
    assert n.text == "2026年2月6日"


def test_twenty_and_thirty_written_as_one_character() -> None:
    """廿 and 卅 (twenty, thirty) in a date are read: 三月廿八日 is the 28th, not the 8th."""
    n = normalize("外長三月廿八日表示，部隊廿四小時內撤出，卅日再談。", units=UNITS)
    assert "3月28日" in n.text and "24小时" in n.text and "30日" in n.text
    i = n.text.index("28日")
    assert n.original_text(i, i + 3) == "廿八日"
    assert numeral_value("廿七") == 27 and numeral_value("卅一") == 31


def test_numeral_values() -> None:
    assert numeral_value("一千二百") == 1200
    assert numeral_value("两万") == 20000
    assert numeral_value("十五") == 15
    assert numeral_value("不是数字") is None


def test_english_text_is_untouched() -> None:
    text = "Iran fired two missiles."
    n = normalize(text)
    assert n.text == text and n.span(5, 10) == (5, 10)


def test_to_simplified_is_length_preserving() -> None:
    for s in ("臺灣海峽", "於是瞭解", "川普與內塔尼亞胡"):
        assert len(to_simplified(s)) == len(s)


def test_digits_after_wan_are_one_number() -> None:
    from dualtrack.extract.normalize import normalize

    n = normalize("約1萬4000名兵力參加")
    assert "14000" in n.text
    start = n.text.index("14000")
    assert n.original_text(start, start + 5) == "1萬4000"


def test_spaced_dates_are_joined_and_map_back() -> None:
    text = "2025 年 3 月 4 日雙方會談，6 日再談，3 天後簽約。"
    n = normalize(text, units=UNITS)
    assert n.text.startswith("2025年3月4日双方会谈,6日再谈,3 天后")  # a count keeps its space
    i = n.text.index("3月4日")
    assert n.original_text(i, i + 4) == "3 月 4 日"
    j = n.text.index("6日")
    assert n.original_text(j, j + 2) == "6 日"
