"""Throughput of the event coder: articles per second on one core, and where the time goes.

Why: bulk ingestion of an outlet's archive must not be the slow step. The corpus is synthetic
but realistic in shape: ~2,000-character articles in Traditional Chinese, Simplified Chinese and
English, assembled (seeded) from news-style sentences written for this benchmark, with varying
actors, dates and numbers. One process, one core (no Ray), language data loaded once.

    .venv/bin/python benchmarks/extract_speed.py [--articles 1200] [--seed 7] [--profile] [--json]
    .venv/bin/python benchmarks/extract_speed.py --real [--coder learned] [--rounds 3]

`--real` times the real-article corpus instead (benchmarks/real/, texts from the cache outside
the repository; the train and dev splits only, since nobody reads the test texts while
developing), cycled up to --articles; it skips with the reason when the cache is absent. Each
timing is the median of --rounds passes, because a shared machine inflates single runs; the CPU
time of the process is reported beside the wall clock, since other jobs on a shared machine
inflate the latter more. `digest` is a SHA-256 of every event and stance extracted from each
distinct article: a change meant only to make the coder faster must leave it as it was.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import importlib.util
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from dualtrack.extract import Extractor
from dualtrack.model import Document

STATES_HANT = [
    "美國",
    "伊朗",
    "以色列",
    "阿曼",
    "沙烏地阿拉伯",
    "卡達",
    "俄羅斯",
    "烏克蘭",
    "中國",
    "日本",
]
STATES_HANS = [
    "美国",
    "伊朗",
    "以色列",
    "阿曼",
    "沙特",
    "卡塔尔",
    "俄罗斯",
    "乌克兰",
    "中国",
    "日本",
]
STATES_EN = ["the United States", "Iran", "Israel", "Oman", "Saudi Arabia", "Qatar", "Russia",
             "Ukraine", "China", "Japan"]  # fmt: skip

HANT = [
    "{a}外長{d}日表示，{b}必須停止威脅，否則將採取一切必要措施。",
    "{a}國防部{d}日宣布對{b}實施新一輪制裁，涉及{n}個實體和{m}名個人。",
    "據悉，{a}與{b}{d}日在第三國舉行間接會談，由{c}外交大臣往返斡旋，歷時數小時。",
    "{a}軍方{d}日晚間將戰備等級提升至最高一級，並在沿海部署至少{n}艘軍艦。",
    "{a}總統{d}日警告，若談判破裂，將對{b}發動更嚴厲的打擊。",
    "{a}外交部發言人{d}日強烈譴責{b}的挑釁行為，並呼籲國際社會保持克制。",
    "分析人士指出，雙方在議題範圍上的分歧短期內難以彌合，局勢仍存在不確定性。",
    "{a}當天還拒絕了{b}提出的全部要求，稱其為不可接受的條件。",
    "前一日{a}試射一款新飛彈，據稱射程{k}公里，彈頭重{w}公斤。",
    "{c}、{a}等國均公開支持恢復對話，認為動武解決不了雙方的分歧。",
]
HANS = [
    "{a}外长{d}日表示，{b}必须停止威胁，否则将采取一切必要措施。",
    "{a}财政部{d}日宣布对{b}实施新一轮制裁，涉及{n}个实体和{m}名个人。",
    "据悉，{a}与{b}{d}日在第三国举行间接会谈，由{c}外交大臣往返斡旋，历时数小时。",
    "{a}军方{d}日晚间将战备等级提升至最高一级，并在沿海部署至少{n}艘军舰。",
    "{a}总统{d}日警告，若谈判破裂，将对{b}发动更严厉的打击。",
    "{a}外交部发言人{d}日强烈谴责{b}的挑衅行为，并呼吁国际社会保持克制。",
    "分析人士指出，双方在议题范围上的分歧短期内难以弥合，局势仍存在不确定性。",
    "{a}当天还拒绝了{b}提出的全部要求，称其为不可接受的条件。",
    "前一日{a}试射一款新导弹，据称射程{k}公里，弹头重{w}公斤。",
    "{c}、{a}等国均公开支持恢复对话，认为动武解决不了双方的分歧。",
]
EN = [
    "{A}'s foreign minister said on Feb. {d} that {b} must stop its threats or face consequences.",
    "The Treasury of {a} imposed sanctions on {n} entities and {m} individuals linked to {b} on "
    "Feb. {d}, officials said.",
    "{A} and {b} held indirect talks on Feb. {d}, with {c}'s foreign minister shuttling between "
    "the two delegations for several hours.",
    "The military of {a} was put on the highest state of alert on Feb. {d} and deployed at least "
    "{n} warships along the coast.",
    "The president of {a} warned on Feb. {d} that if talks collapse {a} would strike {b} harder.",
    "A spokesman for {a} condemned {b} on Feb. {d} and urged restraint from all sides.",
    "Analysts said the gap over the scope of the agenda would be hard to close in the short term.",
    "{A} also rejected all of the demands put forward by {b}, calling them unacceptable.",
    "A day earlier, {a} test-fired a new missile with a range of {k} km and a {w}-kg warhead.",
    "{C} and {a} publicly backed a return to dialogue, saying force could not settle the dispute.",
]


def corpus(n: int, seed: int, target_chars: int = 2000) -> list[Document]:
    """`n` articles of about `target_chars` characters, a third in each script."""
    rng = np.random.default_rng(seed)
    docs = []
    for i in range(n):
        script = i % 3
        templates, states = ((HANT, STATES_HANT), (HANS, STATES_HANS), (EN, STATES_EN))[script]
        parts: list[str] = []
        size = 0
        while size < target_chars:
            a, b, c = rng.choice(len(states), size=3, replace=False)
            t = templates[int(rng.integers(len(templates)))]
            s = t.format(
                a=states[a], b=states[b], c=states[c],
                A=states[a][0].upper() + states[a][1:], C=states[c][0].upper() + states[c][1:],
                d=int(rng.integers(1, 28)), n=int(rng.integers(2, 40)), m=int(rng.integers(2, 9)),
                k=int(rng.integers(300, 3000)), w=int(rng.integers(200, 1800)),
            )  # fmt: skip
            parts.append(s)
            size += len(s) + 1
            if rng.random() < 0.25:
                parts.append("\n")
        sep = "" if script < 2 else " "
        docs.append(Document(text=sep.join(parts), date=dt.date(2026, 2, 28)))
    return docs


REAL_DIR = Path(__file__).resolve().parent / "real"


def real_corpus(n: int) -> list[Document]:
    """The cached train and dev articles, checked against their hashes, cycled up to `n`."""
    spec = importlib.util.spec_from_file_location("real_corpus", REAL_DIR / "corpus.py")
    assert spec and spec.loader
    rc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rc)
    cache = rc.cache_dir()
    if not cache.is_dir():
        raise SystemExit(f"extract_speed: skipped: the corpus cache {cache} is absent")
    docs = []
    for path in rc.jsonl_files(REAL_DIR, "docs.jsonl"):
        for _, row in rc.read_jsonl(path):
            text = rc.cached_text(row, cache) if row["split"] in ("train", "dev") else None
            if text is None:
                continue
            date = dt.date.fromisoformat(row["doc_date"]) if row["doc_date"] else None
            docs.append(Document(text=text, date=date, source=row["doc_id"]))
    if not docs:
        raise SystemExit(f"extract_speed: skipped: no cached train/dev texts in {cache}")
    docs.sort(key=lambda d: d.source or "")
    return [docs[i % len(docs)] for i in range(n)]


STAGES = {
    "normalize (t2s, width, numerals)": "normalize.py:normalize",
    "sentences and clauses": "segment.py:sentences",
    "dates": "dates.py:find_dates",
    "actor mentions": "mentions.py:find_mentions",
    "triggers": "events.py:find_triggers",
    "quantities": "quantities.py:find",
    "event coding (roles, modality)": "events.py:code_sentence",
    "  of which unknown names (jieba)": "mentions.py:candidate_names",
    "learned components (--coder learned)": "learned.py:propose",
    "  of which scoring (NumPy)": "learned.py:scores_many",
    "stances": "stances.py:find_stances",
    "Event objects (pydantic)": "pipeline.py:_events",
    "deduplication": "dedup.py:merge_events",
}


def profile(ex: Extractor, docs: list[Document]) -> dict[str, float]:
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        ex.extract(d)
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[3] for k, v in stats.stats.items() if k[2] == "extract" and "pipeline" in k[0])
    out: dict[str, float] = {}
    for label, key in STAGES.items():
        fname, func = key.split(":")
        cum = sum(v[3] for k, v in stats.stats.items() if k[0].endswith(fname) and k[2] == func)
        out[label] = cum / total if total else 0.0
    return out


def digest(ex: Extractor, docs: list[Document]) -> str:
    """SHA-256 of the events and stances of each distinct document, in order."""
    h = hashlib.sha256()
    seen: set[int] = set()
    for d in docs:
        if id(d) in seen:
            continue
        seen.add(id(d))
        res = ex.extract(d)
        for item in [*res.events, *res.stances]:
            h.update(item.model_dump_json().encode())
        h.update(b"\n")
    return h.hexdigest()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=1200)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--profile", action="store_true", help="also report the share of each stage")
    p.add_argument("--json", action="store_true")
    p.add_argument("--coder", choices=("rules", "learned"), default=None, help="Extractor's coder")
    p.add_argument("--real", action="store_true", help="cached real train/dev articles")
    p.add_argument("--rounds", type=int, default=3, help="passes; the median is reported")
    args = p.parse_args()
    if args.rounds < 1:
        print("extract_speed: --rounds must be at least 1", file=sys.stderr)
        raise SystemExit(1)

    t0 = time.perf_counter()
    ex = Extractor(coder=args.coder) if args.coder else Extractor()
    load = time.perf_counter() - t0
    docs = real_corpus(args.articles) if args.real else corpus(args.articles, args.seed)
    chars = sum(len(d.text) for d in docs)
    ex.warm()  # jieba's tagger: docs[0] has no name candidate, so it loaded inside the timing
    ex.extract(docs[0])  # and what the first article builds (the models' prefix tables)
    passes, cpu = [], []
    for _ in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        events = 0
        for d in docs:
            events += len(ex.extract(d).events)
        passes.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    el, el_cpu = statistics.median(passes), statistics.median(cpu)
    t1 = time.perf_counter()
    many = ex.extract_many(docs)
    el_many = time.perf_counter() - t1
    result = {
        "corpus": "real (train+dev, cycled)" if args.real else "synthetic",
        "coder": ex.coder,
        "rounds": args.rounds,
        "articles": len(docs),
        "mean_chars": round(chars / len(docs)),
        "load_seconds": round(load, 3),
        "seconds": round(el, 3),
        "articles_per_s": round(len(docs) / el, 1),
        "chars_per_s": round(chars / el),
        "cpu_seconds": round(el_cpu, 3),
        "articles_per_cpu_s": round(len(docs) / el_cpu, 1),
        "events": events,
        "extract_many_seconds": round(el_many, 3),
        "events_after_cross_document_dedup": len(many.events),
        "digest": digest(ex, docs),
    }
    if args.profile:
        result["share_of_time"] = {k: round(v, 3) for k, v in profile(ex, docs[:300]).items()}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(
        f"{result['corpus']} corpus, coder {result['coder']}: {result['articles']} articles, "
        f"mean {result['mean_chars']} characters, one core, median of {args.rounds} passes"
    )
    print(f"language data loaded in {result['load_seconds']} s")
    print(
        f"extract: {result['seconds']} s -> {result['articles_per_s']} articles/s "
        f"({result['chars_per_s']:,} chars/s), {events} events"
    )
    print(
        f"CPU time: {result['cpu_seconds']} s -> {result['articles_per_cpu_s']} articles per "
        "CPU second"
    )
    print(
        f"extract_many (with cross-document dedup): {result['extract_many_seconds']} s, "
        f"{result['events_after_cross_document_dedup']} events"
    )
    print(f"digest of the events and stances: {result['digest']}")
    if args.profile:
        print("share of extract() time by stage (cProfile, cumulative, 300 articles):")
        for k, v in result["share_of_time"].items():
            print(f"  {k:36s} {v:6.1%}")


if __name__ == "__main__":
    main()
