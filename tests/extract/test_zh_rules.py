"""Chinese rules: joint clashes, conditional threats in reported speech, nouns made of triggers."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_a_clash_between_a_named_pair_goes_both_ways(run, tuples) -> None:
    got = tuples(run("印巴兩軍4日在邊境交火。"))
    assert got == {
        (D(2026, 3, 4), "IND", "ASSAULT", "PAK"),
        (D(2026, 3, 4), "PAK", "ASSAULT", "IND"),
    }
    got = tuples(run("泰国与柬埔寨军队3日爆发冲突。"))
    assert (D(2026, 3, 3), "KHM", "ASSAULT", "THA") in got
    assert (D(2026, 3, 3), "THA", "ASSAULT", "KHM") in got


def test_a_warning_with_a_condition_is_one_threat_at_the_acts_target(run, tuples) -> None:
    res = run("以色列防長4日警告，如果真主黨不撤離，以軍將對黎巴嫩發動更大規模打擊。")
    assert tuples(res) == {(D(2026, 3, 4), "ISR", "THREATEN", "LBN")}
    assert not res.events[0].flags.hypothetical
    # the condition's own act (不接受) is not an event either
    res = run("川普4日警告，如果伊朗不接受協議，美國將對伊朗發動攻擊。")
    assert tuples(res) == {(D(2026, 3, 4), "USA", "THREATEN", "IRN")}


def test_readiness_to_strike_is_a_threat_not_a_strike(run, tuples) -> None:
    res = run("以军4日称已准备对伊朗实施非常严厉的打击。")
    assert tuples(res) == {(D(2026, 3, 4), "ISR", "THREATEN", "IRN")}
    # readiness for something that is not force is no threat
    assert not any(e.category == "THREATEN" for e in run("伊朗4日已准备向美方提交新方案。").events)


def test_a_promised_retaliation_is_a_threat(run, tuples) -> None:
    got = tuples(run("伊朗官員4日表示，若遭到攻擊，將對美國基地進行報復。"))
    assert got == {(D(2026, 3, 4), "IRN", "THREATEN", "USA")}
    assert not tuples(run("欧盟委员会4日宣布推迟原定的反制措施。"))


def test_a_trigger_before_a_noun_it_modifies_is_not_an_event(run, tuples) -> None:
    assert not tuples(run("以方4日稱打擊目標均為軍事設施。"))
    assert not tuples(run("歐盟4日表示將討論對俄制裁方案。"))


def test_two_parties_of_a_ceasefire_or_signing_act_on_each_other(run, tuples) -> None:
    got = tuples(run("俄烏雙方4日同意停火。"))
    assert got == {
        (D(2026, 3, 4), "RUS", "RETREAT", "UKR"),
        (D(2026, 3, 4), "UKR", "RETREAT", "RUS"),
    }
    got = tuples(run("泰柬双方4日在吉隆坡举行会谈，同意即时停火。"))
    assert (D(2026, 3, 4), "KHM", "RETREAT", "THA") in got
    got = tuples(run("日本與菲律賓2日簽署互惠准入協定。"))
    assert got == {
        (D(2026, 3, 2), "JPN", "AGREE", "PHL"),
        (D(2026, 3, 2), "PHL", "AGREE", "JPN"),
    }


def test_a_relative_month_in_the_clause_beats_a_day_of_another_clause(run, ex) -> None:
    res = run("日本與菲律賓上月20日簽署協定，兩國本月將舉行聯合演習。")
    drills = [e for e in res.events if e.category.value == "COOPERATE"]
    assert drills and all(e.date == D(2026, 3, 1) and e.flags.hypothetical for e in drills)


def test_sanctioned_companies_are_entities(run) -> None:
    res = run("美國財政部4日宣布對伊朗15家企業實施制裁。")
    assert [(q.value, q.unit) for e in res.events for q in e.quantities] == [(15, "entity")]


def test_a_denial_of_the_accusation_rejects_the_accuser(run, tuples) -> None:
    res = run("印度4日指責巴基斯坦越境襲擊。巴基斯坦外交部同日否認有關指控。")
    assert (D(2026, 3, 4), "PAK", "REJECT", "IND") in tuples(res)
    assert not [e for e in res.events if e.flags.negated]


def test_both_sides_blaming_each_other_is_two_accusations(run, tuples) -> None:
    got = tuples(run("印巴兩軍4日交火，雙方互指對方先開火。"))
    assert (D(2026, 3, 4), "IND", "ACCUSE", "PAK") in got
    assert (D(2026, 3, 4), "PAK", "ACCUSE", "IND") in got


def test_will_not_accept_a_demand_is_a_refusal(run, tuples) -> None:
    res = run("烏克蘭總統4日表示，基輔不會接受俄方提出的割讓領土要求。")
    assert tuples(res) == {(D(2026, 3, 4), "UKR", "REJECT", "RUS")}
    assert not res.events[0].flags.negated


def test_restatements_and_adjunct_clauses(run, tuples) -> None:
    assert not tuples(run("這是解放軍今年以來第二度在台灣周邊舉行大規模軍演。"))
    got = tuples(run("美国财政部4日宣布，以协助伊朗规避制裁为由，将15家企业列入制裁名单。"))
    assert {a for _, a, c, _ in got if c == "SANCTION"} == {"USA"}


def test_an_events_summary_is_its_readable_clause(run) -> None:
    res = run("以色列4日警告，若伊朗恢復濃縮鈾，以軍將打擊伊朗核設施。")
    assert res.events[0].summary == "以色列4日警告，若伊朗恢復濃縮鈾，以軍將打擊伊朗核設施"
    res = run("泰柬双方4日举行会谈，同意即时停火。")
    ceasefire = next(e for e in res.events if e.category.value == "RETREAT")
    assert ceasefire.summary.startswith("泰柬双方") and ceasefire.summary.endswith("停火")


def test_the_condition_of_a_threat_is_not_an_event(run, tuples) -> None:
    got = tuples(run("美國國務院4日表示，如朝鮮進行核試驗，美方將對朝鮮實施新的制裁。"))
    assert not [t for t in got if t[1] == "PRK"]
    got = tuples(run("以色列防長4日揚言，若黎巴嫩政府不解除真主黨武裝，以軍將擴大軍事行動。"))
    assert got == {(D(2026, 3, 4), "ISR", "THREATEN", "LBN")}


def test_abstract_objects_and_nouns_are_not_threats_or_ceasefires(run, tuples) -> None:
    got = tuples(run("南韓4日指北韓的挑釁行為嚴重威脅半島和平。"))
    assert not [t for t in got if t[2] == "THREATEN"]
    assert not tuples(run("以黎停火協議4日生效已近一年。"))


def test_accepting_the_other_sides_demand_is_a_concession(run, tuples) -> None:
    got = tuples(run("埃塞俄比亞4日宣布，埃方同意蘇丹提出的共享數據的要求。"))
    assert got == {(D(2026, 3, 4), "ETH", "CONCEDE", "SDN")}


def test_swaps_and_handovers(run, tuples) -> None:
    got = tuples(run("俄乌双方4日完成新一轮战俘交换。"))
    assert got == {
        (D(2026, 3, 4), "RUS", "RETREAT", "UKR"),
        (D(2026, 3, 4), "UKR", "RETREAT", "RUS"),
    }
    res = run("俄方4日向乌方移交1212具阵亡士兵遗体。")
    assert tuples(res) == {(D(2026, 3, 4), "RUS", "RETREAT", "UKR")}
    assert [(q.value, q.unit) for q in res.events[0].quantities] == [(1212, "person")]


def test_taiwan_press_names_for_the_pla(run, tuples) -> None:
    got = tuples(run("國防部4日表示，共機12架次逾越海峽中線。"))
    assert {a for _, a, _, _ in got} == {"CHN"}


def test_a_later_clause_inherits_the_speaker_not_a_name_in_what_was_said(run, tuples) -> None:
    got = tuples(run("中國外交部4日駁斥菲方說法，稱菲船非法闖入，並要求馬尼拉立即撤出。"))
    assert (D(2026, 3, 4), "CHN", "REQUEST", "PHL") in got
    got = tuples(run("中國外交部4日回應稱，菲方的指責毫無根據，要求菲方立即停止挑釁。"))
    assert (D(2026, 3, 4), "CHN", "REQUEST", "PHL") in got


def test_a_conditional_threat_is_aimed_at_the_conditions_actor(run, tuples) -> None:
    res = run("伊朗外長4日表示，若美國再次對伊朗核設施發動空襲，伊方將關閉荷莫茲海峽。")
    assert tuples(res) == {(D(2026, 3, 4), "IRN", "THREATEN", "USA")}


def test_protest_about_this_targets_the_actor_of_the_act(run, tuples) -> None:
    got = tuples(run("科索沃警方4日逮捕了3名塞尔维亚公民，塞尔维亚外交部对此提出强烈抗议。"))
    assert (D(2026, 3, 4), "SRB", "ACCUSE", "XKX") in got


def test_an_incursion_at_a_city_or_island_targets_its_state(run, tuples) -> None:
    got = tuples(run("海巡署4日表示，中國海警船4艘當天闖入金門限制水域。"))
    assert (D(2026, 3, 4), "CHN", "MOBILIZE", "TWN") in got


def test_an_offer_to_help_talks_is_agree_not_talks(run, tuples) -> None:
    got = tuples(run("卡塔爾外交部4日表示，願意為美伊重啟談判提供協助。"))
    assert got == {(D(2026, 3, 4), "QAT", "AGREE", "USA"), (D(2026, 3, 4), "QAT", "AGREE", "IRN")}


def test_last_month_before_the_verb_dates_it(run) -> None:
    res = run("原子能機構4日呼籲伊朗合作，但伊朗議會上月已通過法案，暫停與原子能機構的合作。")
    e = next(e for e in res.events if e.category.value == "SANCTION")
    assert e.date == D(2026, 2, 1) and e.date_precision.value == "month"


def test_an_undated_headline_is_not_an_extra_event(run, tuples) -> None:
    text = "美軍擊落伊朗無人機\n美國中央司令部3日表示，美軍戰機在波斯灣擊落了一架伊朗無人機。"
    assert tuples(run(text)) == {(D(2026, 3, 3), "USA", "ASSAULT", "IRN")}


def test_both_sides_after_hosted_talks_are_the_parties_not_the_host(run, tuples) -> None:
    text = (
        "俄羅斯與烏克蘭代表團3日在伊斯坦堡舉行談判，會談由土耳其外長主持，持續約三小時。"
        "雙方同意各自交換1000名戰俘。"
    )
    got = tuples(run(text))
    assert (D(2026, 3, 3), "RUS", "AGREE", "UKR") in got
    assert not [t for t in got if "TUR" in (t[1], t[3])]


def test_aid_teams_arriving_in_a_state_aid_it(run, tuples) -> None:
    got = tuples(run("中国国际救援队一行82人已于3日抵达缅甸仰光开展搜救。"))
    assert got == {(D(2026, 3, 3), "CHN", "AID", "MMR")}
    got = tuples(run("日本政府3日派遣一支由約70人組成的國際緊急救援隊前往緬甸。"))
    assert got == {(D(2026, 3, 3), "JPN", "AID", "MMR")}


def test_suspending_a_treaty_and_expelling_officials_are_sanctions(run, tuples) -> None:
    got = tuples(
        run("印方4日暫停執行《印度河河水條約》，並驅逐3名巴基斯坦駐印度高級專員公署官員。")
    )
    assert {(c, t) for _, a, c, t in got if a == "IND"} >= {("SANCTION", "PAK"), ("SANCTION", None)}
    got = tuples(run("巴國政府4日宣布暫停與印度的一切貿易往來。"))
    assert got == {(D(2026, 3, 4), "PAK", "SANCTION", "IND")}


def test_triggers_used_as_subjects_or_modifiers_are_not_events(run, tuples) -> None:
    assert not tuples(run("美伊4日重啟談判一事引發各國廣泛關注。"))
    assert not tuples(run("美國的制裁措施與軍事威懾4日形成施壓組合。"))
    assert not tuples(run("以色列總理4日稱，此次打擊的強度將遠超去年。"))


def test_a_bare_ministry_belongs_to_the_datelines_state(run, tuples) -> None:
    text = (
        "（中央社記者台北4日電）國防部今（4）日嚴厲譴責中共軍演。"
        "外交部同日透過國際組織向緬甸提供援助。"
    )
    got = tuples(run(text))
    assert (D(2026, 3, 4), "TWN", "ACCUSE", "CHN") in got
    assert (D(2026, 3, 4), "TWN", "AID", "MMR") in got
    # no dateline naming a state: a bare ministry stays unresolved
    assert not tuples(run("國防部4日嚴厲譴責中共軍演。"))


def test_counts_of_one_are_not_quantities_and_crew_are_persons(run) -> None:
    res = run("美軍戰機4日在波斯灣擊落了一架伊朗無人機。")
    assert [q for e in res.events for q in e.quantities] == []
    res = run("中國海警船4日向菲律賓補給船發射水砲，造成3名船員受傷。")
    assert [(e.category, q.value, q.unit) for e in res.events for q in e.quantities] == [
        ("COERCE", 3, "person")
    ]
    # the injured are the toll of the water cannon, not of the accusation that cites them
    res = run("菲律賓海巡署4日指控中國海警船發射水砲，造成3名船員受傷。")
    assert [(e.category, q) for e in res.events for q in e.quantities] == []
    assert {e.actor for e in res.events} == {"PHL"}  # 菲律賓海巡署: the Philippine coast guard


def test_a_short_toll_counts_people_and_marines_are_troops(run) -> None:
    res = run("以色列4日空襲加沙南部，造成12死30傷。")
    assert {(q.value, q.unit, q.what) for e in res.events for q in e.quantities} == {
        (12, "person", "killed"),
        (30, "person", "injured"),
    }
    res = run("美國4日宣布向加勒比海增派2200名海軍陸戰隊員。")
    assert [(q.value, q.what) for e in res.events for q in e.quantities] == [(2200, "troops")]


def test_a_denied_act_is_negated_and_a_protest_targets_what_it_opposes(run, tuples) -> None:
    res = run("烏克蘭軍方4日否認其部隊已撤出邊境村莊。")
    # the denial is the event, a REJECT (GUIDE: rebuttals are REJECT; as English "denied")
    assert [(e.category.value, e.flags.negated) for e in res.events] == [("REJECT", False)]
    got = tuples(run("約3000名民眾4日在貝爾格萊德舉行抗議集會，反對科索沃當局關閉塞族銀行。"))
    assert got == {(D(2026, 3, 4), "SRB", "PROTEST", "XKX")}


def test_an_accusation_is_dated_by_its_statement_not_the_act_it_names(run, tuples) -> None:
    text = (
        "亞美尼亞外交部4日發表聲明，指責阿塞拜疆軍隊前一天晚間炮擊邊境村莊。"
        "阿塞拜疆國防部當天予以否認。俄羅斯呼籲雙方通過談判解決分歧。"
    )
    got = tuples(run(text))
    assert (D(2026, 3, 4), "ARM", "ACCUSE", "AZE") in got
    assert (D(2026, 3, 4), "AZE", "REJECT", "ARM") in got  # 當天: the statement's day
    assert not [t for t in got if t[2] == "CONSULT"]  # 通過談判: through talks, not talks


def test_a_name_after_a_states_title_is_that_states_person(run, tuples) -> None:
    text = "俄烏代表團3日在伊斯坦堡會談，土耳其外長費丹主持會談。費丹4日呼籲雙方實現停火。"
    got = tuples(run(text))  # 呼籲雙方: a call on each of the two sides
    assert {(D(2026, 3, 4), "TUR", "REQUEST", c) for c in ("RUS", "UKR")} <= got


def test_a_promise_made_in_a_signing_is_part_of_it(run, tuples) -> None:
    text = "亞美尼亞總理帕希尼揚和阿塞拜疆總統阿利耶夫3日簽署聯合宣言，承諾永久結束衝突。"
    got = tuples(run(text))
    assert got == {
        (D(2026, 3, 3), "AZE", "AGREE", "ARM"),
        (D(2026, 3, 3), "ARM", "AGREE", "AZE"),
    }


def test_never_withdrawing_is_a_refusal_and_willing_to_settle_is_agree(run, tuples) -> None:
    res = run("柬埔寨總理4日表示，柬方絕不會從爭議地區撤軍，但願意透過國際法院解決爭端。")
    assert tuples(res) == {
        (D(2026, 3, 4), "KHM", "REJECT", None),
        (D(2026, 3, 4), "KHM", "AGREE", None),
    }
    assert not [e for e in res.events if e.flags.negated]


def test_concluding_talks_on_a_text_is_agreement(run, tuples) -> None:
    got = tuples(run("亞塞拜然與亞美尼亞4日宣布，雙方已就和平條約的全部條文完成談判。"))
    assert (D(2026, 3, 4), "AZE", "AGREE", "ARM") in got


def test_two_mentions_of_one_state_around_a_verb_stay_two(run, tuples) -> None:
    text = (
        "美國總統川普3日宣布對委內瑞拉加徵25%關稅，4月2日起生效。"
        "委內瑞拉外交部當天譴責此舉是對委國的侵略。"
    )
    got = tuples(run(text))
    assert (D(2026, 3, 3), "VEN", "ACCUSE", "USA") in got  # 當天: the 3rd, not the future 4月2日


def test_a_named_counterstrike_is_an_assault(run, tuples) -> None:
    got = tuples(run("巴基斯坦軍方4日凌晨對印度多處軍事設施發動代號為「鐵壁」的反擊行動。"))
    assert got == {(D(2026, 3, 4), "PAK", "ASSAULT", "IND")}


def test_advising_citizens_to_avoid_a_country_is_a_sanction_on_it(run, tuples) -> None:
    # a travel or study advisory is a sanction on the country named (benchmarks/real/GUIDE.md)
    got = tuples(run("中國外交部4日建議本國公民近期暫勿前往日本。"))
    assert got == {(D(2026, 3, 4), "CHN", "SANCTION", "JPN")}
    # an appeal to another state to avoid something stays a request
    got = tuples(run("中國4日呼籲日本避免採取挑釁行動。"))
    assert got == {(D(2026, 3, 4), "CHN", "REQUEST", "JPN")}


def test_a_ceasefire_announced_by_a_third_party_is_the_two_sides(run, tuples) -> None:
    got = tuples(run("美國總統4日宣布以黎雙方達成永久停火。"))
    assert got == {
        (D(2026, 3, 4), "ISR", "RETREAT", "LBN"),
        (D(2026, 3, 4), "LBN", "RETREAT", "ISR"),
    }


def test_lifting_restrictions_on_a_longer_object_is_easing(run, tuples) -> None:
    got = tuples(run("美國4日取消了對亞塞拜然與美方開展國防合作的限制。"))
    assert got == {(D(2026, 3, 4), "USA", "RETREAT", "AZE")}
