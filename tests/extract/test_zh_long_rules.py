"""Chinese rules from long articles (Taiwan, Hong Kong and mainland outlets): variant characters,
security commitments, joint exercises, refusals, reserved rights, protests of an act, background
paragraphs after commentary. Texts written for these tests (document date 2026-03-05)."""

from __future__ import annotations

import datetime as dt

D = dt.date


def test_taiwan_variant_characters_fold_to_the_standard_form(run, tuples) -> None:
    got = tuples(run("中國海警船4日對一艘菲律賓船隻發射水砲。"))
    assert got == {(D(2026, 3, 4), "CHN", "COERCE", "PHL")}


def test_a_security_commitment_is_support_not_an_agreement(run, tuples) -> None:
    got = tuples(run("美國國務院4日重申美國對菲律賓的共同防禦承諾。"))
    assert got == {(D(2026, 3, 4), "USA", "SUPPORT", "PHL")}
    got = tuples(run("美國4日稱美國對南韓和日本的安全承諾「堅如磐石」。"))
    assert got == {
        (D(2026, 3, 4), "USA", "SUPPORT", "KOR"),
        (D(2026, 3, 4), "USA", "SUPPORT", "JPN"),
    }


def test_a_joint_exercise_with_forces_named_by_abbreviation(run, tuples) -> None:
    res = run("菲軍將在下週與美軍舉行聯合海上演習，出動4艘軍艦。他說，演習是年度例行安排。")
    week = D(2026, 3, 9)
    assert tuples(res) == {(week, "PHL", "COOPERATE", "USA"), (week, "USA", "COOPERATE", "PHL")}
    assert all(e.flags.hypothetical for e in res.events)
    # the pair's exercise (美菲軍演) keeps both states
    got = tuples(run("中國外交部4日批評美菲軍演。"))
    assert got == {(D(2026, 3, 4), "CHN", "ACCUSE", "USA"), (D(2026, 3, 4), "CHN", "ACCUSE", "PHL")}
    got = tuples(run("美韓兩軍4日舉行為期11日的聯合演習。"))
    assert (D(2026, 3, 4), "USA", "COOPERATE", "KOR") in got


def test_refusing_to_give_in_or_to_agree_is_a_refusal(run, tuples) -> None:
    got = tuples(run("烏克蘭4日表示，烏克蘭不會在砲火下接受任何割讓領土的要求。"))
    assert got == {(D(2026, 3, 4), "UKR", "REJECT", None)}
    got = tuples(run("以色列4日表示，以方不会同意永久停火。"))
    assert got == {(D(2026, 3, 4), "ISR", "REJECT", None)}
    got = tuples(run("委内瑞拉4日表示不会屈服于任何讹诈，但愿意与美国对话。"))
    assert got == {(D(2026, 3, 4), "VEN", "REJECT", None), (D(2026, 3, 4), "VEN", "AGREE", "USA")}


def test_being_open_to_talks_is_agreeing(run, tuples) -> None:
    got = tuples(run("克里姆林宮4日表示，莫斯科仍對談判持開放態度。"))
    assert got == {(D(2026, 3, 4), "RUS", "AGREE", None)}


def test_reserving_the_right_to_act_is_a_threat_folded_into_a_targeted_one(run, tuples) -> None:
    got = tuples(run("巴基斯坦4日表示，巴方保留采取进一步行动的权利。"))
    assert got == {(D(2026, 3, 4), "PAK", "THREATEN", None)}
    res = run("巴國總理4日表示，巴國保留報復的權利，警告將對印度以牙還牙。")
    assert tuples(res) == {(D(2026, 3, 4), "PAK", "THREATEN", "IND")}
    assert len(res.events[0].evidence) >= 1


def test_protesting_an_act_is_an_accusation_not_a_demonstration(run, tuples) -> None:
    got = tuples(run("英國外交部4日召見俄羅斯大使，抗議這次空襲。"))
    assert got == {(D(2026, 3, 4), "GBR", "ACCUSE", "RUS")}


def test_what_is_alleged_is_not_an_event(run, tuples) -> None:
    got = tuples(run("菲律賓4日指控中國海警船對菲方補給船發射水砲。"))
    assert got == {(D(2026, 3, 4), "PHL", "ACCUSE", "CHN")}


def test_durations_are_not_dates_or_quantities(run, tuples) -> None:
    res = run("印巴两国4日爆发了持续4天的军事冲突。")
    assert (D(2026, 3, 4), "IND", "ASSAULT", "PAK") in tuples(res)
    assert all(q.unit != "day" for e in res.events for q in e.quantities)


def test_state_media_and_leaders(run, tuples) -> None:
    res = run("朝中社4日報道，金正恩3日視察了試射。他警告，若美韓繼續軍演，北韓將採取反制行動。")
    got = tuples(res)
    assert (D(2026, 3, 3), "PRK", "MOBILIZE", None) in got
    assert (D(2026, 3, 3), "PRK", "THREATEN", "USA") in got
    assert not any(a == "CHN" for _, a, _, _ in got)


def test_a_phone_call_is_no_dateline_and_its_date_is_next_week(run, tuples) -> None:
    got = tuples(run("美國國務卿將於下周與南韓外長通電話。"))
    week = D(2026, 3, 9)
    assert got == {(week, "USA", "CONSULT", "KOR"), (week, "KOR", "CONSULT", "USA")}


def test_a_dated_background_sentence_after_commentary_is_coded(run, tuples) -> None:
    res = run("分析人士認為，北韓意在施壓。今年2月，美韓兩軍在南韓各地舉行聯合演習。")
    assert tuples(res) == {
        (D(2026, 2, 1), "USA", "COOPERATE", "KOR"),
        (D(2026, 2, 1), "KOR", "COOPERATE", "USA"),
    }
    assert not tuples(run("分析人士認為，北韓意在施壓。美韓兩軍將舉行聯合演習。"))


def test_last_years_month_and_the_same_months_day(run, tuples) -> None:
    res = run("泰柬兩國去年7月曾在邊境爆發衝突。兩國於同月28日達成停火協議。")
    got = tuples(res)
    assert (D(2025, 7, 1), "THA", "ASSAULT", "KHM") in got
    assert (D(2025, 7, 28), "THA", "RETREAT", "KHM") in got
    assert (D(2025, 7, 28), "KHM", "RETREAT", "THA") in got


def test_the_first_named_mediator_is_via_and_its_meetings_are_no_talks(run, ex) -> None:
    res = run(
        "埃及和卡塔尔斡旋下，以色列与哈马斯14日在开罗恢复间接谈判。"
        "埃及官员当天分别会见了以方和哈马斯代表团。"
    )
    got = [(ex.country(e.actor), ex.country(e.target), ex.country(e.via)) for e in res.events]
    assert len(got) == 1 and {got[0][0], got[0][1]} == {"ISR", "PSE"} and got[0][2] == "EGY"


def test_hong_kong_and_taiwan_press_wording(run, tuples) -> None:
    # 駁火 (an exchange of fire), 反指 (counter-accuses), 亦表示 after a spokesman
    got = tuples(run("泰國與柬埔寨軍隊4日在邊境爆發駁火。"))
    assert (D(2026, 3, 4), "THA", "ASSAULT", "KHM") in got
    assert (D(2026, 3, 4), "KHM", "ASSAULT", "THA") in got
    got = tuples(run("柬埔寨國防部4日反指泰軍越境挑釁。"))
    assert got == {(D(2026, 3, 4), "KHM", "ACCUSE", "THA")}
    got = tuples(run("中國外交部發言人4日亦表示，希望泰柬雙方保持克制。"))
    assert got == {
        (D(2026, 3, 4), "CHN", "REQUEST", "THA"),
        (D(2026, 3, 4), "CHN", "REQUEST", "KHM"),
    }
    got = tuples(run("中國國台辦4日警告民進黨當局不要玩火。"))
    assert got == {(D(2026, 3, 4), "CHN", "THREATEN", "TWN")}


def test_accepting_a_named_mediators_mediation_is_agreeing(run, tuples) -> None:
    got = tuples(run("柬埔寨4日表示，柬方願意接受馬來西亞總理的調解。"))
    assert (D(2026, 3, 4), "KHM", "AGREE", "MYS") in got


def test_a_live_report_byline_names_the_home_state(run, tuples) -> None:
    text = (
        "2026-03-05 10:20 聯合報／記者王明／台北即時報導\n\n總統府4日發表聲明，譴責中共的軍事挑釁。"
    )
    assert tuples(run(text)) == {(D(2026, 3, 4), "TWN", "ACCUSE", "CHN")}


def test_a_past_date_inside_what_is_urged_or_alleged_dates_only_the_content(run, tuples) -> None:
    res = run("美國4日發表聲明。美方敦促盧旺達履行1月在華盛頓簽署的協議。")
    assert (D(2026, 3, 4), "USA", "REQUEST", "RWA") in tuples(res)
    res = run("俄羅斯4日發表聲明。俄方指控烏軍上週對俄羅斯的無人機攻擊造成傷亡。")
    assert tuples(res) == {(D(2026, 3, 4), "RUS", "ACCUSE", "UKR")}


def test_threat_idioms_and_phrases_that_are_not_threats_or_talks(run, tuples) -> None:
    got = tuples(run("中國國防部4日表示，如果日方武力介入，解放軍必將迎頭痛擊。"))
    assert {(c, a) for _, a, c, _ in got} == {("THREATEN", "CHN")}
    assert not tuples(run("日本駐華大使4日表示將向國內轉達中方立場。"))
    assert not tuples(run("以色列4日表示不會讓叙利亞南部成為威脅以色列的前沿陣地。"))


def test_an_outlet_without_a_dateline_city_names_the_home_state(run, tuples) -> None:
    text = "环球网报道 记者 王明\n外交部副部长4日召见日本驻华大使，提出严正交涉。"
    assert (D(2026, 3, 4), "CHN", "ACCUSE", "JPN") in tuples(run(text))
    # with no outlet or dateline, a bare ministry stays unresolved
    assert not any(a == "CHN" for _, a, _, _ in tuples(run("外交部4日召见日本驻华大使。")))


def test_topics_of_talks_and_protests_are_not_events(run, tuples) -> None:
    res = run("以色列与哈马斯4日在开罗举行间接谈判。双方就释放10名被扣押人员等问题交换了意见。")
    got = tuples(res)
    assert {c for _, _, c, _ in got} == {"CONSULT"}
    got = tuples(run("外交部副部长4日召见日本驻华大使，就日本领导人涉台言论提出严正交涉。", None))
    assert not any(a == "JPN" for _, a, _, _ in got)


def test_an_air_defence_unit_acts_for_the_state_that_reports_it(run, tuples) -> None:
    got = tuples(run("烏克蘭空軍4日表示，防空部隊擊落350架無人機。"))
    assert got == {(D(2026, 3, 4), "UKR", "ASSAULT", None)}


def test_the_channel_a_protest_goes_through_is_not_its_author(run, tuples) -> None:
    got = tuples(run("日方4日已透過北京的外交渠道向北韓提出抗議。"))
    assert got == {(D(2026, 3, 4), "JPN", "ACCUSE", "PRK")}


def test_a_war_breaking_out_and_an_army_claiming(run, tuples) -> None:
    got = tuples(run("衣索比亞與厄利垂亞曾在1998年5月爆發邊境戰爭。"))
    assert got == {
        (D(1998, 5, 1), "ETH", "ASSAULT", "ERI"),
        (D(1998, 5, 1), "ERI", "ASSAULT", "ETH"),
    }
    got = tuples(run("泰國陸軍4日指柬軍先向泰方陣地發射火箭彈。"))
    assert got == {(D(2026, 3, 4), "THA", "ACCUSE", "KHM")}


def test_pushing_the_un_to_sanction_is_a_request_to_the_un(run, tuples) -> None:
    got = tuples(run("美方4日表示將推動聯合國對朝制裁。"))
    assert got == {(D(2026, 3, 4), "USA", "REQUEST", "UN")}


def test_a_summary_starts_after_the_dateline(run) -> None:
    res = run("新华社北京3月4日电 美国4日宣布对伊朗实施制裁。")
    assert [e.summary for e in res.events] == ["美国4日宣布对伊朗实施制裁"]
    res = run("（中央社記者王明馬尼拉4日專電）菲律賓外交部4日召見中國大使。")
    assert [e.summary for e in res.events] == ["菲律賓外交部4日召見中國大使"]


def test_a_verb_inside_an_organisations_name_is_no_trigger(run, tuples) -> None:
    got = tuples(run("海湾阿拉伯国家合作委员会秘书长4日发表声明，谴责以色列。"))
    assert got == {(D(2026, 3, 4), "GCC", "ACCUSE", "ISR")}
