"""Event coding: categories, roles, modality, mediation, quantities and deduplication."""

from __future__ import annotations

import datetime as dt

from dualtrack.model import Document

D = dt.date


def _one(res, category):
    found = [e for e in res.events if e.category.value == category]
    assert found, f"no {category} in {[(e.actor, e.category.value) for e in res.events]}"
    return found[0]


def test_threat_is_threaten_not_the_threatened_act(run, ex) -> None:
    res = run("川普3日警告，若談判破裂將對委內瑞拉實施全面制裁。")
    cats = {e.category.value for e in res.events}
    assert "THREATEN" in cats and "SANCTION" not in cats
    e = _one(res, "THREATEN")
    assert ex.country(e.actor) == "USA" and e.target == "VEN" and e.mode == "restrict"
    assert e.flags.threatened and not e.flags.hypothetical
    res = run("Israel threatened on Monday to strike Hezbollah positions.")
    assert {x.category.value for x in res.events} == {"THREATEN"}
    assert _one(res, "THREATEN").mode == "violence"


def test_refusal_is_reject(run, ex, tuples) -> None:
    res = run("Tehran on Sunday refused to accept zero enrichment, an official said.")
    e = _one(res, "REJECT")
    assert ex.country(e.actor) == "IRN"
    assert "AGREE" not in {x.category.value for x in res.events}
    res = run("朝鲜4日拒绝接受美方提出的无核化要求。")
    assert ("2026-03-04", "PRK", "REJECT", "USA") in {
        (str(d), a, c, t) for d, a, c, t in tuples(res)
    }


def test_plans_and_rumours_are_hypothetical_or_unconfirmed(run) -> None:
    e = _one(run("Iran plans to hold talks with the IAEA next week."), "CONSULT")
    assert e.flags.hypothetical and e.date_precision.value == "week"
    e = _one(run("据传沙特将于下周与伊朗举行会谈，消息未经证实。"), "CONSULT")
    assert e.flags.unconfirmed and e.flags.hypothetical
    e = _one(run("If talks fail, Washington would impose new sanctions on Tehran."), "SANCTION")
    assert e.flags.hypothetical and e.flags.conditional


def test_negation(run) -> None:
    e = _one(run("以色列5日並未空襲黎巴嫩。"), "ASSAULT")
    assert e.flags.negated
    e = _one(run("Russia did not deploy troops to the border on Friday."), "MOBILIZE")
    assert e.flags.negated
    e = _one(run("Russia deployed troops to the border on Friday."), "MOBILIZE")
    assert not e.flags.negated


def test_shuttle_mediation_sets_via(run, ex) -> None:
    res = run("卡達外交大臣2日往返斡旋，以色列與哈馬斯在多哈舉行間接談判。")
    talks = [e for e in res.events if e.category.value == "CONSULT"]
    assert {(ex.country(e.actor), ex.country(e.target)) for e in talks} >= {("ISR", "PSE")}
    assert all(ex.country(e.via) == "QAT" for e in talks)
    assert not [e for e in talks if ex.country(e.actor) == "QAT"]  # no separate mediator event
    res = run("Egypt mediated talks between Israel and Hamas in Cairo on Feb. 2.")
    t = _one(res, "CONSULT")
    assert t.via == "EGY" and t.mode == "mediated"
    assert {(e.actor, e.target) for e in res.events} >= {("ISR", "PSE.hamas")}


def test_passive_swaps_actor_and_target(run, ex) -> None:
    e = _one(run("一架俄羅斯無人機6日被波蘭軍方擊落。"), "ASSAULT")
    assert (ex.country(e.actor), e.target) == ("POL", "RUS")
    e = _one(run("An Iranian drone was shot down by a U.S. destroyer on Monday."), "ASSAULT")
    assert (ex.country(e.actor), ex.country(e.target)) == ("USA", "IRN")


def test_quantities_are_tied_to_their_event(run) -> None:
    e = _one(run("美國財政部4日宣布對二十個實體、三名個人及八艘油輪實施制裁。"), "SANCTION")
    got = {(q.value, q.unit, q.what) for q in e.quantities}
    assert got == {(20, "entity", None), (3, "person", "individual"), (8, "vessel", "tanker")}
    e = _one(
        run("The Pentagon deployed at least 12 warships and 150 aircraft to the Gulf."), "MOBILIZE"
    )
    got = {(q.value, q.unit, q.what, q.qualifier) for q in e.quantities}
    assert (12, "vessel", "warship", "at_least") in got and (150, "aircraft", None, None) in got
    e = _one(run("朝鮮3日試射一枚導彈，射程達1200公里，飛行速度12馬赫，誤差50米以內。"), "MOBILIZE")
    got = {(q.value, q.unit, q.what, q.qualifier) for q in e.quantities}
    assert {
        (1200, "km", "range", None),
        (12, "mach", "speed", None),
        (50, "m", "accuracy", "at_most"),
    } <= got


def test_dedup_within_and_across_documents(ex) -> None:
    a = Document(
        text="印度4日對巴基斯坦發動空襲。印度當天空襲巴基斯坦境內目標。", date=D(2026, 3, 5)
    )
    res = ex.extract(a)
    strikes = [e for e in res.events if e.category.value == "ASSAULT"]
    assert len(strikes) == 1 and len(strikes[0].evidence) == 2
    b = Document(text="Indian warplanes bombed Pakistan on Wednesday.", date=D(2026, 3, 5))
    both = ex.extract_many([a, b])
    strikes = [e for e in both.events if e.category.value == "ASSAULT"]
    assert len(strikes) == 1
    assert {ev.doc_id for ev in strikes[0].evidence} == {a.id, b.id}


def test_evidence_points_into_the_original_text(run) -> None:
    text = "美國國務院六日宣佈對伊朗實施新一輪制裁。"
    res = run(text)
    e = _one(res, "SANCTION")
    ev = e.evidence[0]
    assert text[ev.start : ev.end] == ev.text and "制裁" in ev.text
    assert e.date == D(2026, 3, 6)


def test_undated_without_document_date(run) -> None:
    res = run("伊朗昨日拒絕了美方的要求。", date=None)
    e = _one(res, "REJECT")
    assert e.date is None and e.date_precision.value == "unknown"


def test_support_and_request_by_several_actors(run, ex) -> None:
    res = run("沙烏地阿拉伯、卡達和土耳其7日均表示支持談判，並呼籲美伊保持克制。")
    sup = {ex.country(e.actor) for e in res.events if e.category.value == "SUPPORT"}
    assert sup == {"SAU", "QAT", "TUR"}
    req = {(ex.country(e.actor), e.target) for e in res.events if e.category.value == "REQUEST"}
    assert ("SAU", "USA") in req and ("TUR", "IRN") in req
