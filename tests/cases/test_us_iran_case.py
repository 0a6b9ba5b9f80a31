"""The built-in us-iran-2026 case: complete, consistent, and tied to its source by offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import opencc
import pytest

from dualtrack.cases import builtin_ids, case_path, load_case, validate_case_file
from dualtrack.model import Case, Event, Role, text_id
from dualtrack.ontology import Category

SEED_NAME = "000_a99ee787700533d8.txt"


@pytest.fixture(scope="module")
def case() -> Case:
    return load_case("us-iran-2026")


@pytest.fixture(scope="module")
def seed_text(shared_dir: Path) -> str:
    path = shared_dir / "seed" / SEED_NAME
    if not path.is_file():
        pytest.skip(f"seed article {path} is absent")
    return path.read_text(encoding="utf-8")


def _one(case: Case, **match: object) -> Event:
    hits = [e for e in case.events if all(getattr(e, k) == v for k, v in match.items())]
    assert len(hits) == 1, f"{len(hits)} events match {match}"
    return hits[0]


def test_builtin_case_validates_cleanly(case: Case) -> None:
    assert "us-iran-2026" in builtin_ids()
    assert validate_case_file(case_path("us-iran-2026")) == []
    assert case.asof == dt.date(2026, 2, 8)


def test_parameters_is_the_last_top_level_key() -> None:
    text = case_path("us-iran-2026").read_text(encoding="utf-8")
    top = [ln.split(":")[0] for ln in text.splitlines() if ln and ln[0].isalpha()]
    assert top[-1] == "parameters"


def test_required_actors_and_roles(case: Case) -> None:
    ids = {a.id for a in case.actors}
    required = {
        "USA", "IRN", "OMN", "ISR", "SAU", "QAT", "TUR", "ARE", "BHR", "KWT", "UN", "GCC",
        "IAEA", "USA.trump", "USA.rubio", "USA.witkoff", "USA.kushner", "USA.state_dept",
        "USA.centcom", "USA.navy", "IRN.araghchi", "IRN.irgc", "IRN.armed_forces", "IRN.fars",
        "OMN.albusaidi", "ISR.netanyahu", "ISR.idf", "ISR.security_cabinet", "UN.guterres",
        "OMN.muscat", "PLACE.hormuz", "PLACE.arabian_sea", "PLACE.persian_gulf",
    }  # fmt: skip
    assert required <= ids
    roles = {r: {a.id for a in case.with_role(r)} for r in Role}
    assert roles[Role.PARTY] == {"USA", "IRN"}
    assert roles[Role.MEDIATOR] == {"OMN"}
    assert roles[Role.SUPPORTER] == {"UN", "SAU", "QAT", "TUR", "GCC"}
    assert roles[Role.SPOILER] == {"ISR"}
    for a in case.actors:
        assert a.names.get("en"), a.id
        if not a.id.startswith("PLACE."):  # waters and regions act for no one
            assert a.country in ids, f"{a.id} acts for an unknown actor {a.country}"


ALIASES = {
    "USA.trump": ["特朗普", "川普"],
    "IRN.araghchi": ["阿拉格齊", "阿拉奇", "阿拉格奇", "阿拉齊", "阿拉格齐", "阿拉齐"],
    "USA.rubio": ["魯比奧", "魯比歐", "鲁比奥", "鲁比欧"],
    "OMN.albusaidi": ["巴德爾", "阿布塞迪", "布沙迪", "賽義德·巴德爾", "巴德尔", "赛义德·巴德尔"],
    "ISR.netanyahu": ["內塔尼亞胡", "納坦雅胡", "尼坦雅胡", "内塔尼亚胡", "纳坦雅胡"],
    "OMN.muscat": ["馬斯喀特", "馬斯開特", "马斯喀特", "马斯开特"],
    "PLACE.hormuz": ["霍爾木茲", "荷莫茲", "霍尔木兹", "荷莫兹"],
    "USA.witkoff": ["威特科夫", "魏科夫", "威科夫"],
    "USA.kushner": ["庫什納", "庫希納", "庫許納", "库什纳", "库希纳", "库许纳"],
    "USA.centcom": ["CENTCOM", "中央司令部"],
    "IRN.irgc": ["IRGC", "革命衛隊", "革命卫队"],
    "IAEA": ["國際原子能機構", "国际原子能机构", "IAEA"],
    "GCC": ["海合會", "海合会", "GCC"],
}


def test_every_listed_alias_resolves_to_its_actor(case: Case) -> None:
    owner = {name: a.id for a in case.actors for name in a.all_names()}
    for actor_id, names in ALIASES.items():
        for name in names:
            assert owner.get(name) == actor_id, f"{name!r} -> {owner.get(name)!r}, not {actor_id}"


def test_simplified_forms_cover_every_traditional_name(case: Case) -> None:
    t2s = opencc.OpenCC("t2s")
    for a in case.actors:
        simplified = set(a.all_names("zh-Hans"))
        for name in a.all_names("zh-Hant"):
            assert t2s.convert(name) in simplified, f"{a.id}: no zh-Hans form of {name!r}"


def test_issues_scales_and_positions(case: Case) -> None:
    assert {i.id for i in case.issues} == {
        "agenda_scope",
        "enrichment",
        "heu_stockpile",
        "sanctions_relief",
        "threats_precondition",
    }
    agenda = case.issue("agenda_scope")
    assert agenda.options == [
        "nuclear",
        "ballistic_missiles",
        "regional_proxies",
        "internal_affairs",
    ]
    anchors = {a.value: a.label for a in case.issue("enrichment").anchors}
    assert anchors[0].startswith("zero enrichment") and anchors[100].startswith("unrestricted")
    for party in ("USA", "IRN"):
        on = {p.issue for p in case.positions if p.actor == party}
        assert on == {i.id for i in case.issues}, party
    iran = {p.issue: p for p in case.positions if p.actor == "IRN"}
    us = {p.issue: p for p in case.positions if p.actor == "USA"}
    assert iran["agenda_scope"].items == ["nuclear"] and iran["agenda_scope"].red_line
    assert us["agenda_scope"].items == agenda.options and us["agenda_scope"].red_line
    assert {k for k, p in iran.items() if p.red_line} == {
        "agenda_scope",
        "enrichment",
        "heu_stockpile",
        "threats_precondition",
    }
    assert iran["enrichment"].value > 0 and us["enrichment"].value == 0
    assert "assumption" in (us["sanctions_relief"].source or "")
    for p in case.positions:
        assert p.source, f"{p.actor} on {p.issue} has no source"
        if p.value_range is not None and p.value is not None:
            assert p.value_range[0] <= p.value <= p.value_range[1]


def test_quantities_and_flags(case: Case) -> None:
    sanction = _one(case, category=Category.SANCTION)
    assert sanction.actor == "USA.state_dept" and sanction.mode == "economic"
    assert {(q.value, q.unit) for q in sanction.quantities} == {
        (15, "entity"),
        (2, "individual"),
        (14, "vessel"),
    }
    fleet = _one(case, category=Category.MOBILIZE, actor="USA.navy")
    by_what = {q.what: q for q in fleet.quantities}
    assert by_what["warship"].value == 10 and by_what["warship"].qualifier == "at_least"
    assert [
        by_what[w].value for w in ("aircraft carrier", "destroyer", "littoral combat ship")
    ] == [
        1,
        6,
        3,
    ]
    missile = _one(case, category=Category.MOBILIZE, mode="weapons")
    assert sorted((q.value, q.unit) for q in missile.quantities) == [
        (8, "mach"),
        (16, "mach"),
        (30, "m"),
        (1500, "kg"),
        (2000, "km"),
    ]
    drone = _one(case, category=Category.ASSAULT)
    assert drone.mode == "intercept" and drone.date == dt.date(2026, 2, 3)
    talks = _one(case, category=Category.CONSULT, date=dt.date(2026, 2, 6))
    assert talks.via == "OMN.albusaidi" and talks.location == "OMN.muscat"
    rumour = _one(case, category=Category.CONSULT, date=dt.date(2026, 2, 8))
    assert rumour.flags.unconfirmed and not rumour.flags.negated
    silent = _one(case, actor="USA", category=Category.SUPPORT)
    assert silent.flags.negated
    tariff = _one(case, category=Category.THREATEN, mode="restrict")
    assert tariff.actor == "USA.trump" and tariff.flags.threatened
    assert _one(case, actor="ISR.netanyahu", category=Category.THREATEN).mode == "violence"
    assert 20 <= len(case.events) <= 40
    assert all(e.date is not None and e.date <= case.asof for e in case.events)


# What each event's evidence span must mention, keyed by (date, actor, category, mode).
KEYWORDS = {
    ("2026-02-06", "USA", "CONSULT", "mediated"): "背靠背",
    ("2026-02-06", "IRN.araghchi", "AGREE", None): "阿拉格齊",
    ("2026-02-06", "IRN.araghchi", "REJECT", "change"): "彈道導彈",
    ("2026-02-06", "IRN.araghchi", "REQUEST", "change"): "停止威脅",
    ("2026-02-06", "IRN", "REJECT", "yield"): "鈾濃縮",
    ("2026-02-06", "USA", "SUPPORT", None): "未在",
    ("2026-02-06", "USA.trump", "SUPPORT", None): "非常好",
    ("2026-02-06", "USA.trump", "AGREE", None): "下周",
    ("2026-02-05", "USA.rubio", "REQUEST", "change"): "魯比奧",
    ("2026-02-08", "USA", "CONSULT", "mediated"): "未得到證實",
    ("2026-02-06", "OMN", "REQUEST", "appeal"): "靈活性",
    ("2026-02-06", "UN.guterres", "SUPPORT", None): "古特雷斯",
    ("2026-02-06", "UN.guterres", "REQUEST", "appeal"): "和平方式",
    ("2026-02-06", "SAU", "SUPPORT", None): "沙特",
    ("2026-02-06", "QAT", "SUPPORT", None): "卡塔爾",
    ("2026-02-06", "TUR", "SUPPORT", None): "土耳其",
    ("2026-02-06", "GCC", "SUPPORT", None): "海合會",
    ("2026-01-29", "USA.navy", "MOBILIZE", "troops"): "10艘",
    ("2026-02-03", "USA.navy.lincoln", "ASSAULT", "intercept"): "無人機",
    ("2026-02-05", "IRN", "MOBILIZE", "weapons"): "2000公里",
    ("2026-02-05", "ISR.netanyahu", "THREATEN", "violence"): "打擊",
    ("2026-02-05", "ISR.security_cabinet", "MOBILIZE", None): "安全內閣",
    ("2026-02-05", "ISR.netanyahu", "CONSULT", None): "密切溝通",
    ("2026-02-06", "USA.state_dept", "SANCTION", "economic"): "15個實體",
    ("2026-02-06", "USA.trump", "THREATEN", "restrict"): "關稅",
    ("2026-02-06", "USA.trump", "THREATEN", "violence"): "艦隊",
    ("2026-02-06", "IRN.armed_forces", "MOBILIZE", "alert"): "最高級別戒備",
    ("2026-02-06", "IRN.irgc", "MOBILIZE", "alert"): "革命衛隊",
    ("2026-02-08", "USA.military", "MOBILIZE", "troops"): "HC-130J",
}


def test_source_is_the_seed_article(case: Case, seed_text: str) -> None:
    (src,) = case.sources
    assert src.id == text_id(seed_text)
    assert src.lang == "zh-Hant" and src.date == dt.date(2026, 2, 8)
    assert "網易號" in (src.outlet or "")


def test_event_evidence_spans_point_at_their_facts(case: Case, seed_text: str) -> None:
    seen = set()
    for ev in case.events:
        key = (str(ev.date), ev.actor, ev.category.value, ev.mode)
        assert key in KEYWORDS, f"event {key} has no expected keyword in this test"
        seen.add(key)
        assert ev.evidence, key
        for span in ev.evidence:
            assert span.doc_id == text_id(seed_text)
            assert span.text is None  # offsets only: the article's text stays out of the case
            assert 0 <= span.start < span.end <= len(seed_text)
            assert KEYWORDS[key] in seed_text[span.start : span.end], key
    assert seen == set(KEYWORDS)


STANCE_KEYWORDS = {
    ("IRN.araghchi", "agenda_scope"): "核問題",
    ("IRN.araghchi", "threats_precondition"): "停止威脅",
    ("IRN", "enrichment"): "終止鈾濃縮",
    ("IRN", "heu_stockpile"): "境外",
    ("USA.rubio", "agenda_scope"): "魯比奧",
    ("USA", "enrichment"): "核心訴求",
}


def test_stance_evidence_spans(case: Case, seed_text: str) -> None:
    assert {(s.actor, s.issue) for s in case.stances} == set(STANCE_KEYWORDS)
    for st in case.stances:
        (span,) = st.evidence
        assert 0 <= span.start < span.end <= len(seed_text)
        assert STANCE_KEYWORDS[(st.actor, st.issue)] in seed_text[span.start : span.end]
