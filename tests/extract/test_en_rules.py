"""English coding rules: leaders in the dictionary, conditional threats, one-way denials, dates
by month, talks by phone. Texts written for these tests."""

from __future__ import annotations

import datetime as dt


def test_heads_of_government_resolve_to_their_state(run, tuples) -> None:
    res = run("Prime Minister Anwar Ibrahim met Hun Manet in Kuala Lumpur on Tuesday.")
    assert (dt.date(2026, 3, 3), "MYS", "CONSULT", "KHM") in tuples(res)
    assert not res.unresolved


def test_congo_after_drc_is_the_drc(run, tuples) -> None:
    res = run("Rwanda accused Congo of shelling Gisenyi on Monday.")
    assert (dt.date(2026, 3, 2), "RWA", "ACCUSE", "COD") in tuples(res)


def test_conditional_act_in_reported_speech_is_one_threat(run, tuples) -> None:
    res = run("Erdogan said on Monday that Turkey would strike Syria if the attacks continued.")
    assert tuples(res) == {(dt.date(2026, 3, 2), "TUR", "THREATEN", "SYR")}
    threat = res.events[0]
    assert not threat.flags.hypothetical and threat.mode == "violence"


def test_warning_targets_the_other_state_not_the_speakers_own(run, tuples) -> None:
    res = run("Modi warned on Monday that India would strike Pakistan again if attacked.")
    assert tuples(res) == {(dt.date(2026, 3, 2), "IND", "THREATEN", "PAK")}


def test_denied_meeting_is_one_way(run, tuples) -> None:
    res = run("Seoul said on Wednesday its envoy had not met North Korean officials.")
    talks = [e for e in res.events if e.category.value == "CONSULT"]
    assert len(talks) == 1 and talks[0].flags.negated
    assert (dt.date(2026, 3, 4), "KOR", "CONSULT", "PRK") in tuples(res)


def test_hotline_call_is_mutual_consultation(run, tuples) -> None:
    res = run("The army chiefs of Thailand and Cambodia spoke by hotline on Monday.")
    assert {
        (dt.date(2026, 3, 2), "THA", "CONSULT", "KHM"),
        (dt.date(2026, 3, 2), "KHM", "CONSULT", "THA"),
    } <= tuples(res)


def test_month_dates(run) -> None:
    res = run("Japan imposed sanctions on Russia last June.")
    (e,) = res.events
    assert e.date == dt.date(2025, 6, 1) and e.date_precision.value == "month"
    res = run("China sanctioned ten Taiwanese firms in early February.")
    (e,) = res.events
    assert e.date == dt.date(2026, 2, 1) and e.date_precision.value == "month"


def test_lists_of_three_states_and_titled_pairs_expand(run, tuples) -> None:
    res = run("Brazil, Colombia and Mexico urged Washington and Caracas to talk on Friday.")
    got = {(a, t) for _, a, c, t in tuples(res) if c == "REQUEST"}
    assert got == {(a, t) for a in ("BRA", "COL", "MEX") for t in ("USA", "VEN")}
    res = run("Prime Minister Nikol Pashinyan and President Ilham Aliyev held talks on Monday.")
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= {(a, t) for _, a, c, t in tuples(res)}


def test_dateline_date_does_not_date_the_lead_event(run, tuples) -> None:
    res = run("MANILA, March 5 (Reuters) - China seized a Philippine boat on Tuesday.")
    assert tuples(res) == {(dt.date(2026, 3, 3), "CHN", "COERCE", "PHL")}


def test_modifiers_are_not_events(run) -> None:
    res = run("The army-backed government in Beirut said on Monday it would deploy 500 troops.")
    assert [e.category.value for e in res.events] == ["MOBILIZE"]
    res = run("Caracas accused Washington on Friday of preparing an invasion.")
    assert [e.category.value for e in res.events] == ["ACCUSE"]


def test_a_ministry_in_a_capital_acts_for_its_state(run, tuples) -> None:
    res = run("The foreign ministry in Beijing on Thursday urged Hanoi to release the fishermen.")
    assert {(a, c, t) for _, a, c, t in tuples(res)} == {("CHN", "REQUEST", "VNM")}


def test_hyphenated_words_inside_verb_phrases(run) -> None:
    res = run("North Korea fired 2 ballistic missiles of short range into the sea on Tuesday.")
    (e,) = res.events
    assert e.category.value == "MOBILIZE" and [q.value for q in e.quantities] == [2]


def test_response_to_an_earlier_act_targets_its_actor(run, tuples) -> None:
    res = run(
        "Russia accused Estonia on Monday of seizing a tanker. Moscow's envoy later said "
        "Tallinn had acted illegally. Estonia rejected the accusation on Tuesday."
    )
    assert (dt.date(2026, 3, 3), "EST", "REJECT", "RUS") in tuples(res)


def test_and_starts_a_new_predicate_not_content(run, tuples) -> None:
    res = run("Baku denied the claim on Monday and accused Armenian troops of opening fire.")
    assert ("AZE", "ACCUSE", "ARM") in {(a, c, t) for _, a, c, t in tuples(res)}


def test_mediator_after_by_is_not_a_target_and_swaps_are_mutual(run, ex) -> None:
    res = run(
        "Russia and Ukraine exchanged 150 prisoners on Thursday in a swap mediated by "
        "the United Arab Emirates."
    )
    swaps = [e for e in res.events if e.category.value == "RETREAT"]
    assert {(ex.country(e.actor), ex.country(e.target)) for e in swaps} == {
        ("RUS", "UKR"),
        ("UKR", "RUS"),
    }
    assert all(ex.country(e.via) == "ARE" for e in swaps)
    assert not [e for e in res.events if e.category.value == "CONSULT"]


def test_city_inside_a_state_is_the_target(run, tuples) -> None:
    res = run("Russian drones struck Kharkiv overnight, killing 2 people.")
    assert (dt.date(2026, 3, 5), "RUS", "ASSAULT", "UKR") in tuples(res)


def test_shuttle_between_two_capitals_is_their_talks_via_the_shuttler(run, ex) -> None:
    res = run("Qatar's prime minister shuttled between Kigali and Kinshasa on Monday.")
    talks = [e for e in res.events if e.category.value == "CONSULT"]
    # one meeting of the two, not one each way round (CONSULT is symmetric)
    assert [{ex.country(e.actor), ex.country(e.target)} for e in talks] == [{"RWA", "COD"}]
    assert all(ex.country(e.via) == "QAT" for e in talks)


def test_denied_report_is_the_act_negated_not_a_rejection(run, tuples) -> None:
    res = run(
        "Ethiopia has massed troops at the border, a report the Ethiopian government "
        "denied on Thursday."
    )
    assert [(e.category.value, e.flags.negated) for e in res.events] == [("MOBILIZE", True)]
    assert res.events[0].date == dt.date(2026, 3, 5)


def test_talks_in_an_after_clause_mediated_by_a_titled_leader(run, ex) -> None:
    res = run(
        "Thailand and Cambodia agreed on Monday to a ceasefire, after talks in Malaysia "
        "mediated by Prime Minister Anwar Ibrahim."
    )
    talks = [e for e in res.events if e.category.value == "CONSULT"]
    # one meeting of the two, not one each way round (CONSULT is symmetric)
    assert [{ex.country(e.actor), ex.country(e.target)} for e in talks] == [{"THA", "KHM"}]
    assert all(ex.country(e.via) == "MYS" for e in talks)


def test_money_after_a_currency_sign_and_no_durations(run) -> None:
    res = run("Japan handed over 5 patrol vessels worth $400 million to the Philippines on Monday.")
    (e,) = [e for e in res.events if e.category.value == "AID"]
    assert {(q.value, q.unit) for q in e.quantities} == {(5, "vessel"), (400_000_000, "USD")}
    res = run("Iran held talks with Oman on Monday after 8 hours of travel.")
    assert all(not e.quantities for e in res.events)


def test_people_and_vehicles_are_counted(run) -> None:
    res = run("Brazil moved 20 armoured vehicles to its border on Friday.")
    assert [(q.value, q.unit) for e in res.events for q in e.quantities] == [(20, "vehicle")]


def test_a_toll_belongs_to_the_strike_not_to_the_accusation_citing_it(run) -> None:
    res = run("Pakistan on Monday accused India of killing seven civilians in the raid.")
    assert [e.category.value for e in res.events] == ["ACCUSE"]
    assert all(not e.quantities for e in res.events)
    res = run("Indian missiles hit a village on Monday, killing seven civilians, Pakistan said.")
    assert [(e.category.value, q.value, q.unit) for e in res.events for q in e.quantities] == [
        ("ASSAULT", 7, "person")
    ]


def test_plans_dated_to_when_planned_and_months_relative_to_a_month(run) -> None:
    res = run("Syria and Turkey plan to resume talks in April.")
    assert {(e.date, e.date_precision.value) for e in res.events} == {
        (dt.date(2026, 4, 1), "month")
    }
    res = run(
        "In January, Turkey pledged $5 million in aid to Syria. Damascus thanked Ankara "
        "the following month."
    )
    thanks = [e for e in res.events if e.category.value == "SUPPORT"]
    assert [(e.date, e.date_precision.value) for e in thanks] == [(dt.date(2026, 2, 1), "month")]


def test_new_subject_after_comma_and_is_not_the_governors_content(run, tuples) -> None:
    res = run("Kabul condemned the strikes on Monday, and Qatar offered to mediate.")
    assert (dt.date(2026, 3, 2), "QAT", "AGREE", None) in tuples(res)


def test_accepting_a_proposal_for_a_truce_is_agreement_and_possessive_nouns_are_not_events(
    run, tuples
) -> None:
    res = run("Ukraine said on Tuesday it was ready to accept an American proposal for a truce.")
    assert tuples(res) == {(dt.date(2026, 3, 3), "UKR", "AGREE", "USA")}
    res = run(
        "China imposed sanctions on U.S. firms over Washington's latest arms sales to Taiwan."
    )
    assert {c for _, _, c, _ in tuples(res)} == {"SANCTION"}


def test_de_escalation_and_cultural_cancellations(run, tuples) -> None:
    res = run("South Korea switched off its loudspeakers at the border on Wednesday.")
    assert {c for _, _, c, _ in tuples(res)} == {"RETREAT"}
    res = run("Azerbaijan cancelled all Russian cultural events on Sunday.")
    assert (dt.date(2026, 3, 1), "AZE", "SANCTION", "RUS") in tuples(res)


def test_and_warned_keeps_the_speaker_as_subject(run, ex) -> None:
    res = run("Peskov said on Wednesday the EU measures were illegal and warned of a response.")
    assert {ex.country(e.actor) for e in res.events if e.category.value == "THREATEN"} == {"RUS"}


def test_report_source_pair_actors_and_protest_crowds(run, tuples) -> None:
    res = run("North Korea fired 2 missiles into the sea on Tuesday, South Korea's military said.")
    assert {c for _, _, c, _ in tuples(res)} == {"MOBILIZE"}
    res = run(
        "Egypt's foreign minister met his Sudanese counterpart on Thursday, and the two "
        "ministers accused Ethiopia of flooding farmland."
    )
    assert {("EGY", "ETH"), ("SDN", "ETH")} <= {
        (a, t) for _, a, c, t in tuples(res) if c == "ACCUSE"
    }
    res = run("Hundreds of protesters rallied outside Hungary's embassy in Kyiv on Saturday.")
    assert (dt.date(2026, 2, 28), "UKR", "PROTEST", "HUN") in tuples(res)


def test_act_inside_a_denied_allegation_is_the_accusation(run, tuples) -> None:
    res = run(
        "Serbia said on Monday that Kosovo police had raided 3 Serb villages, an allegation "
        "Pristina denied the same day."
    )
    assert tuples(res) == {
        (dt.date(2026, 3, 2), "SRB", "ACCUSE", "XKX"),
        (dt.date(2026, 3, 2), "XKX", "REJECT", "SRB"),
    }


def test_response_targets_every_author_of_the_act_and_adjunct_subjects(run, tuples) -> None:
    res = run(
        "Britain, France and Germany triggered the return of U.N. sanctions on Iran on "
        "Thursday. Iran called the move unjustified."
    )
    got = tuples(res)
    assert {a for _, a, c, _ in got if c == "SANCTION"} == {"GBR", "FRA", "DEU"}
    assert {t for _, a, c, t in got if c == "ACCUSE" and a == "IRN"} == {"GBR", "FRA", "DEU"}
    res = run(
        "Mali recalled its ambassador to Algeria on Sunday after the Algerian army shot "
        "down a Malian drone."
    )
    assert (dt.date(2026, 3, 1), "DZA", "ASSAULT", "MLI") in tuples(res)


def test_denied_report_content_appositions_and_modifier_names(run, tuples) -> None:
    res = run("Venezuela denied on Thursday reports that its navy had seized a Guyanese boat.")
    assert [(e.category.value, e.flags.negated) for e in res.events] == [("COERCE", True)]
    res = run("Burkina Faso and Niger, Mali's allies, recalled their ambassadors on Monday.")
    assert {a for _, a, c, _ in tuples(res) if c == "SANCTION"} == {"BFA", "NER"}
    res = run("Britain triggered the return of U.N. sanctions on Iran on Thursday.")
    assert tuples(res) == {(dt.date(2026, 3, 5), "GBR", "SANCTION", "IRN")}


def test_talks_between_the_two_governments_and_welcoming_them(run, tuples) -> None:
    res = run(
        "Congo accused Rwanda on Saturday of backing rebels. Qatar hosted talks between the "
        "two governments on Monday, and U.S. officials welcomed the talks."
    )
    got = tuples(res)
    assert {("COD", "RWA"), ("RWA", "COD")} <= {(a, t) for _, a, c, t in got if c == "CONSULT"}
    assert {t for _, a, c, t in got if c == "SUPPORT" and a == "USA"} == {"COD", "RWA"}
    res = run("Tokyo lodged a protest via its diplomats on Monday.")
    assert tuples(res) == {(dt.date(2026, 3, 2), "JPN", "ACCUSE", None)}


def test_future_dated_talks_are_hypothetical_and_messages_through_mediators(run, ex) -> None:
    res = run("The talks between Armenia and Azerbaijan are expected to resume next week.")
    assert res.events and all(e.flags.hypothetical for e in res.events)
    res = run(
        "Iranian and U.S. negotiators did not sit at the same table on Saturday but "
        "exchanged messages through Omani mediators."
    )
    talks = [e for e in res.events if e.category.value == "CONSULT"]
    # one meeting of the two, not one each way round (CONSULT is symmetric)
    assert [{ex.country(e.actor), ex.country(e.target)} for e in talks] == [{"IRN", "USA"}]
    assert all(ex.country(e.via) == "OMN" and not e.flags.negated for e in talks)


def test_a_breach_told_by_a_speaker_is_the_speakers_charge(run, tuples) -> None:
    res = run("Hanoi said on Monday that Chinese vessels had violated the fishing accord.")
    assert {(a, c, t) for _, a, c, t in tuples(res)} == {("VNM", "ACCUSE", "CHN")}
    res = run("Manila said on Monday that Beijing had broken the truce.")
    assert {(a, c, t) for _, a, c, t in tuples(res)} == {("PHL", "ACCUSE", "CHN")}


def test_ground_taken_by_force_is_an_assault_on_its_side(run, tuples) -> None:
    res = run("Armenian troops captured three Azerbaijani outposts on Tuesday.")
    assert {(a, c, t) for _, a, c, t in tuples(res)} == {("ARM", "ASSAULT", "AZE")}
