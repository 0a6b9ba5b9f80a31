"""Roles across clauses: serial verbs, zero subjects, 'both sides', places, datelines, speech."""

from __future__ import annotations

import datetime as dt

from dualtrack.model import Document

D = dt.date


def _cats(res, ex):
    return {
        (e.date, ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events
    }


def test_serial_verbs_share_the_first_subject(run, ex) -> None:
    res = run("越南外交部5日召見中國駐越使館官員提出抗議。")
    assert (D(2026, 3, 5), "VNM", "ACCUSE", "CHN") in _cats(res, ex)
    assert not [e for e in res.events if ex.country(e.actor) == "CHN"]


def test_zero_subject_inherits_and_long_slot_does_not(run, ex) -> None:
    res = run("以軍戰機4日空襲敘利亞南部，摧毀兩處軍火庫。")
    actors = {ex.country(e.actor) for e in res.events if e.category.value == "ASSAULT"}
    assert actors == {"ISR"}
    res = run("伊朗4日宣布恢復談判，多位經濟學者則警告局勢惡化。")
    assert not [e for e in res.events if e.category.value == "THREATEN"]


def test_both_sides_refer_to_the_last_pair(run, ex) -> None:
    res = run("亞美尼亞與亞塞拜然4日在日內瓦舉行會談。雙方同意下週繼續磋商。")
    agree = {
        (ex.country(e.actor), ex.country(e.target))
        for e in res.events
        if e.category.value == "AGREE"
    }
    assert agree == {("ARM", "AZE"), ("AZE", "ARM")}
    (a, *_) = [e for e in res.events if e.category.value == "AGREE"]
    assert a.date == D(2026, 3, 4)  # the agreement, not the talks it plans for next week


def test_a_state_named_as_the_place_of_force_is_the_target(run, ex) -> None:
    res = run("解放軍1日在台灣周邊海空域展開聯合演習。")
    assert (D(2026, 3, 1), "CHN", "MOBILIZE", "TWN") in _cats(res, ex)
    res = run("北韓3日向朝鮮半島東面海域發射兩枚彈道飛彈。")
    assert (D(2026, 3, 3), "PRK", "MOBILIZE", None) in _cats(res, ex)


def test_dateline_dates_the_report_not_the_event(run, ex) -> None:
    res = run("SEOUL, March 5 (Reuters) - North Korea test-fired two missiles on Tuesday.")
    (e,) = [e for e in res.events if e.category.value == "MOBILIZE"]
    assert e.date == D(2026, 3, 3)


def test_reported_speech_takes_the_events_own_date(run, ex) -> None:
    res = run("Officials said on Wednesday that India and Pakistan met on Monday.")
    assert (D(2026, 3, 2), "IND", "CONSULT", "PAK") in _cats(res, ex)


def test_commentary_is_not_an_event(run) -> None:
    res = run("分析人士指出，美國可能對伊朗發動空襲。")
    assert not res.events


def test_agreed_ceasefire_is_retreat_both_ways(run, ex) -> None:
    res = run("Thailand and Cambodia agreed on Monday to an immediate ceasefire.")
    got = {(ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events}
    assert got == {("THA", "RETREAT", "KHM"), ("KHM", "RETREAT", "THA")}


def test_the_dateline_city_is_no_party(ex) -> None:
    """Where a dispatch was filed is not who acted: its city is no mention (a learned coder
    once filled a ceasefire's missing target with China from 某社北京…电), while the dispatch's
    bare ministry is still that city's state's."""
    zh = "某通讯社北京5月2日电 外交部发言人2日表示，以色列和黎巴嫩的停火协议已经生效。"
    en = "Manila, May 2 (Reuters) - Vietnam accused China of ramming one of its fishing boats."
    for text, city, kept in ((zh, "北京", {"CHN", "ISR", "LBN"}), (en, "Manila", {"VNM", "CHN"})):
        *_, view = ex.view(Document(text=text, date=D(2026, 5, 2), source="t"))
        at = view.text.index(city)
        assert not [m for m in view.mentions if m.start <= at < m.end]
        assert {ex.country(m.id) for m in view.mentions} == kept


def test_clause_opening_with_an_adverb_has_no_subject_of_its_own(coders) -> None:
    """并已依规定派遣兵力: an adverb only follows a subject, so a clause that opens with one
    inherits the last subject, however long the adjuncts before its verb."""
    ex = coders["rules"]

    def acts(text: str, cat: str) -> set[tuple]:
        res = ex.extract(Document(text=text, date=D(2026, 3, 5)))
        return {
            (ex.country(e.actor), ex.country(e.target))
            for e in res.events
            if e.category.value == cat
        }

    text = "台灣國防部4日譴責對岸的挑釁行為，並已依相關規定派遣適切兵力前往海峽應對。"
    assert {a for a, _ in acts(text, "MOBILIZE")} == {"TWN"}
    text = "胡塞武装控制了首都，并自去年11月起多次对红海的以色列船只发动无人机攻击。"
    assert acts(text, "ASSAULT") == {("YEM", "ISR")}
    # what the clause says is not the last subject's act (并称…遭到空袭)
    text = "以军4日发表声明，并称当地医院未被空袭波及。"
    assert not acts(text, "ASSAULT")
    # an adjunct that is no adverb keeps the slot its own (经济学者 is a subject)
    text = "伊朗4日宣布恢复谈判，多位经济学者在会上则警告局势恶化。"
    assert not acts(text, "THREATEN")
