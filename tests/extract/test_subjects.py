"""Who acts: anaphors (该组织, the group, 该国, 我们 in a quote) and officials as subjects."""

from __future__ import annotations

import datetime as dt

from dualtrack.extract.mentions import find_mentions

from .conftest import event_tuples

D = dt.date


def _mentions(ex, text: str, code: str) -> dict[str, tuple[str, ...]]:
    """The actor mentions of `text`, by their text."""
    return {text[m.start : m.end]: m.ids for m in find_mentions(text, ex._load(code), ex._country)}


def test_group_anaphor_acts_for_the_group_last_named(run, ex) -> None:
    res = run("真主黨4日發表聲明說，該組織當天向以色列北部發射火箭彈。")
    assert (D(2026, 3, 4), "LBN", "ASSAULT", "ISR") in event_tuples(ex, res)


def test_the_group_in_english(run, ex) -> None:
    res = run(
        "Hezbollah fighters held their positions. The group fired rockets at Haifa on Tuesday."
    )
    assert {(a, t) for _, a, _, t in event_tuples(ex, res)} == {("LBN", "ISR")}


def test_state_anaphor_takes_the_state_of_an_official(ex) -> None:
    found = _mentions(ex, "菲律宾国防部长特奥多罗表示，该国将加强巡逻。", "zh")
    assert found["该国"] == ("PHL",)


def test_should_before_a_country_word_is_no_anaphor(ex) -> None:
    assert not [w for w in _mentions(ex, "日本外务省表示，各方应该国际合作。", "zh") if "该" in w]


def test_the_military_as_a_modifier_is_no_anaphor(ex) -> None:
    text = "India said the military operations chiefs of the two countries spoke on Monday."
    assert "the military" not in _mentions(ex, text, "en")


def test_we_in_a_quote_is_the_speaker_named_before_it(run, ex) -> None:
    res = run("台灣外交部長林佳龍5日表示，北京持續施壓，「我們要支持日本」。")
    assert (D(2026, 3, 5), "TWN", "SUPPORT", "JPN") in event_tuples(ex, res)


def test_we_in_a_quote_is_the_speaker_named_right_after_it(ex) -> None:
    assert _mentions(ex, "「我们要支持日本」，林佳龙说。", "zh")["我们"] == ("TWN",)


def test_we_in_a_quote_with_no_speaker_is_left_alone(ex) -> None:
    assert "我们" not in _mentions(ex, "「我们要支持日本」。", "zh")


def test_we_in_a_later_sentence_of_the_quote_is_the_paragraph_speaker(ex) -> None:
    text = "菲律宾外交部发言人回应称，日前，外国军机多次抵近。“此事令人遗憾。我们要求对方停止。”"
    assert _mentions(ex, text, "zh")["我们"] == ("PHL",)


def test_we_after_a_speaker_with_a_long_title(ex) -> None:
    text = "菲律宾海军新闻发言人某某海军上校同日回应称，日前，外国军机抵近。“我们要求对方停止。”"
    assert _mentions(ex, text, "zh")["我们"] == ("PHL",)


def test_we_in_an_english_quote_is_the_speaker_said_after_it(ex) -> None:
    text = "“It is a grave act, and we demanded an apology,” said Philippine President Marcos."
    assert _mentions(ex, text, "en")["we"] == ("PHL",)


def test_we_in_a_quote_said_by_a_pronoun_is_the_person_named_before_it(ex) -> None:
    text = "Philippine President Marcos visited troops.\n\n“We will defend our waters,” he said."
    assert _mentions(ex, text, "en")["We"] == ("PHL",)
    text = "菲律宾总统马科斯视察部队。“我们将捍卫领海，”他说。"
    assert _mentions(ex, text, "zh")["我们"] == ("PHL",)


def test_we_in_a_quote_said_by_a_pronoun_with_no_person_named_is_left_alone(ex) -> None:
    text = "The Philippines protested.\n\n“We will defend our waters,” he said."
    assert "We" not in _mentions(ex, text, "en")


def test_its_forces_are_the_state_last_named(ex) -> None:
    found = _mentions(ex, "埃及发动空袭，并表示其军队已经进入边境地区。", "zh")
    assert found["其"] == ("EGY",)


def test_the_two_countries_before_any_pair_event_are_the_two_named_together(run, ex) -> None:
    res = run("泰国和柬埔寨的外长5日抵达吉隆坡。两国预计6日签署和平协议。")
    assert {(a, c, t) for _, a, c, t in event_tuples(ex, res)} >= {
        ("THA", "AGREE", "KHM"),
        ("KHM", "AGREE", "THA"),
    }


def test_a_hub_with_each_of_two_does_not_become_the_pair(run, ex) -> None:
    res = run("泰国与柬埔寨5日同意停火。日本分别与两国签署援助协议。两国6日再度交火。")
    got = {(a, c, t) for _, a, c, t in event_tuples(ex, res) if c == "ASSAULT"}
    assert got == {("THA", "ASSAULT", "KHM"), ("KHM", "ASSAULT", "THA")}


def test_a_subject_carried_over_a_consequence_word(run, ex) -> None:
    res = run("中国海警5日表示，菲方提前告知，中方现场确认物资无误，遂予以放行。")
    assert any(c == "RETREAT" and a == "CHN" for _, a, c, _ in event_tuples(ex, res))


def test_a_spokesperson_named_alone_acts_for_the_state(run, ex) -> None:
    res = run("甘羽5日批評菲律賓船隻蓄意衝撞。")
    assert (D(2026, 3, 5), "CHN", "ACCUSE", "PHL") in event_tuples(ex, res)


def test_a_clause_without_our_verb_passes_on_the_name_that_opens_it(run, ex) -> None:
    res = run("大陸4日照會南韓外交部，將停止進口南韓牛肉。")
    assert {ex.country(e.actor) for e in res.events} == {"CHN"}


def test_the_mediator_of_a_frame_is_not_the_subject(run, ex) -> None:
    res = run("亞美尼亞和亞塞拜然領導人在美國總統川普斡旋下，4日在白宮出席儀式，簽署和平協議。")
    got = {(a, c, t) for _, a, c, t in event_tuples(ex, res)}
    assert ("ARM", "AGREE", "AZE") in got or ("AZE", "AGREE", "ARM") in got
    assert not [e for e in res.events if ex.country(e.actor) == "USA"]


def test_both_leaders_act_on_the_party_they_praise(run, ex) -> None:
    res = run("亞美尼亞與亞塞拜然4日簽署和平協議。兩國領導人其後皆讚揚川普的貢獻。")
    support = {(a, t) for _, a, c, t in event_tuples(ex, res) if c == "SUPPORT"}
    assert support == {("ARM", "USA"), ("AZE", "USA")}


def test_a_demonym_on_the_act_noun_is_its_actor(run, ex) -> None:
    res = run("Bombs made in America fell during the Israeli strike on Nasrallah on Friday.")
    assert (D(2026, 2, 27), "ISR", "ASSAULT", "LBN") in event_tuples(ex, res)


def test_the_learned_roles_see_the_paragraphs_last_subject(ex) -> None:
    from dualtrack.extract.learned import carried_subject, role_candidates
    from dualtrack.model import Document

    text = (
        "Japan protested to China on Monday over the radar lock.\n\n"
        "Tokyo lodged a second protest on Tuesday. Officials there also voiced concern. "
        "The statement added that talks would go on."
    )
    _, view = ex.analyse(Document(text=text, date=D(2026, 3, 5)))
    units = view.units()
    k = max(i for i, u in enumerate(units) if view.sents[u.sent].paragraph == 1)
    got = carried_subject(view, units[k])
    assert got is not None and view.text[got.start : got.end] == "Tokyo"
    assert got in role_candidates(view, units, k)
    first = carried_subject(view, units[0])
    assert first is None  # nothing before the first sentence


def test_with_both_sides_after_a_preposition_is_each_party(run, ex) -> None:
    res = run("亞美尼亞與亞塞拜然4日簽署和平協議。美國同日也分別與兩國簽署了能源協議。")
    usa = {(a, t) for _, a, c, t in event_tuples(ex, res) if c == "AGREE" and "USA" in (a, t)}
    assert {frozenset(p) for p in usa} == {frozenset({"USA", "ARM"}), frozenset({"USA", "AZE"})}


def test_a_bare_ministry_is_the_other_party_of_the_state_it_addresses(run, ex) -> None:
    res = run("泰国与柬埔寨军队5日在边境交火。柬方指责泰国。外交部5日批评柬方违反停火。")
    assert (D(2026, 3, 5), "THA", "ACCUSE", "KHM") in event_tuples(ex, res)


def test_a_bare_ministry_addressing_no_party_is_left_alone(ex) -> None:
    found = _mentions(ex, "泰国与柬埔寨军队交火。柬方指责泰国。外交部表示关切。", "zh")
    assert "外交部" not in found


def test_a_bare_ministry_in_a_text_written_from_taiwan_is_taiwans(run, ex) -> None:
    text = "共机周一起在海峡周边演习。国防部谴责中方挑衅,国军已派遣兵力监控。"
    assert _mentions(ex, text, "zh")["国防部"] == ("TWN",)
    res = run("共軍4日在台灣周邊舉行軍演。國防部4日譴責中共挑釁，國軍已派遣兵力應對。")
    assert any(a == "TWN" and c == "ACCUSE" for _, a, c, _ in event_tuples(ex, res))
    assert not any(a == "CHN" and c == "ACCUSE" for _, a, c, _ in event_tuples(ex, res))


def test_words_that_only_contain_a_home_mark_name_no_home(ex) -> None:
    # 两国军队, 中共军演 and 公共机构 hold 国军, 共军 and 共机 but are no words of Taiwan's press
    found = _mentions(ex, "两国军队在边境对峙,公共机构关闭。国防部表示关切。", "zh")
    assert "国防部" not in found
    assert "国防部" not in _mentions(ex, "国防部批评中共军演。", "zh")


def test_a_speech_verb_after_the_content_resumes_the_speaker(run, ex) -> None:
    res = run("泰国军方5日反驳指,柬埔寨士兵无视警告,越过边界,强调将坚决回击柬方挑衅。")
    assert (D(2026, 3, 5), "THA", "THREATEN", "KHM") in event_tuples(ex, res)


def test_government_troops_are_the_state_of_the_group_they_fight(ex) -> None:
    found = _mentions(ex, "果敢同盟军周一再度对政府军发动攻势,军政府表示将反击。", "zh")
    assert found["政府军"] == ("MMR",) and found["军政府"] == ("MMR",)
    en = _mentions(ex, "The MNDAA said its fighters attacked government troops on Monday.", "en")
    assert en["government troops"] == ("MMR",)


def test_no_armed_group_before_leaves_government_troops_alone(ex) -> None:
    assert "government troops" not in _mentions(ex, "Iran said government troops left.", "en")


def test_the_rebels_are_the_armed_group_last_named(ex) -> None:
    found = _mentions(ex, "土耳其军方称，库尔德工人党周一撤出据点，叛军已向伊拉克北部转移。", "zh")
    assert found["叛军"] == ("TUR.pkk",)


def test_a_noun_right_after_a_name_is_that_names_not_an_anaphor(ex) -> None:
    found = _mentions(ex, "The MNDAA fought on. Houthi rebels fired at Myanmar's junta.", "en")
    assert "rebels" not in found and "junta" not in found
    assert "军政府" not in _mentions(ex, "果敢同盟军称，缅甸军政府拒绝谈判。", "zh")


def test_the_groups_offensive_on_government_troops_targets_its_own_state(run, ex) -> None:
    res = run("缅甸民族民主同盟军3日再度对政府军发动攻势。")
    assert (D(2026, 3, 3), "MMR", "ASSAULT", "MMR") in event_tuples(ex, res)


def test_a_states_own_groups_and_communities_are_their_own_ids(ex) -> None:
    found = _mentions(ex, "以色列称将保护德鲁兹人，科索沃阿尔巴尼亚裔与科索沃塞族对峙。", "zh")
    assert found["德鲁兹人"] == ("SYR.druze",) and found["科索沃塞族"] == ("XKX.serbs",)
    assert found["科索沃阿尔巴尼亚裔"] == ("XKX",)  # Kosovo's Albanians, not Albania
    assert "塞裔" not in _mentions(ex, "波黑塞裔领导人拒绝出席。", "zh")  # Serbs of any country
    en = _mentions(ex, "Kosovo Serbs blocked roads; Serb gunmen later fled.", "en")
    assert en["Kosovo Serbs"] == ("XKX.serbs",) and en["Serb gunmen"] == ("XKX.radoicic",)


def _pairs(res) -> set[tuple]:
    return {(e.actor, e.category.value, e.target) for e in res.events}


def test_a_threat_against_the_states_own_armed_group_keeps_its_target(run) -> None:
    res = run("土耳其总统警告称，土耳其将继续打击库尔德工人党。")
    assert ("TUR", "THREATEN", "TUR.pkk") in _pairs(res)


def test_a_state_urging_both_sides_of_its_own_war_urges_the_group(run) -> None:
    res = run(
        "The Syrian government urged both sides to respect the truce after Druze fighters "
        "clashed with Syrian troops."
    )
    assert ("SYR", "REQUEST", "SYR.druze") in _pairs(res)
