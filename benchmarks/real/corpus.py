"""The real-article corpus: cache article texts outside the repository and check the annotations.

Texts never enter the repository. `add` writes one article's text (read from stdin) into the
cache (`$DUALTRACK_CORPUS`, default `$XDG_CACHE_HOME/dualtrack/corpus`) and appends the line that
identifies it to a shard's `docs.jsonl`; `check` verifies every line of `docs.jsonl` and
`gold.jsonl` against the schema in GUIDE.md and every cached text against its SHA-256, then prints
the counts the corpus is sized by. Standard library only, so an annotator can use it without the
coder.

    python benchmarks/real/corpus.py add --shard S --doc-id hant-thkh-001 --crisis thkh \
        --split test --lang zh-Hant --outlet udn.com --url URL --doc-date 2025-12-13 \
        --doc-date-source page --query "…" < text.txt
    python benchmarks/real/corpus.py check [--root DIR]
    python benchmarks/real/corpus.py anchor SNIPPETS.jsonl   # evidence offsets for gold events
    python benchmarks/real/corpus.py missing                 # texts absent from the cache
    python benchmarks/real/corpus.py restore DOC_ID < excerpt.txt

`overlap` looks for copied text: every committed text file of the repository against every
cached article and the seed article (`../shared/seed`): a run of 8 or more English words or of
12 or more Han characters (Traditional folded to Simplified when OpenCC is installed) shared with
a source is reported with file, line and source, and the exit code is 1. The `url` and `query`
fields of JSONL lines are skipped: they identify articles and are meant to match them.

`restore` puts back a text on a machine whose cache is empty: search the stored pages again with
the article's `query`, take the result whose url is the article's, and pipe its excerpt in. The
search tool's leading ` date YYYY-MM-DD` (or `YYYY-MM`) marker and surrounding whitespace are
dropped, as when the text was first cached; an excerpt that now runs past the recorded length is
cut there; the text is written only if its SHA-256 matches.

`anchor` reads lines `{"line": N, "snippet": "...", "occurrence": 1}` kept outside the repository
(N: the 1-based line of gold.jsonl), finds each snippet verbatim in that event's cached text and
stores only its offsets as the event's `evidence` ([[start, end], ...]); a snippet not found is
named and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = {"zh-Hant", "zh-Hans", "en"}
SPLITS = {"train", "dev", "test"}
DATE_SOURCES = {"page", "dateline", "url"}
PRECISIONS = {"day", "week", "month"}
CATEGORIES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
UNITS = {
    "entity",
    "person",
    "troops",
    "vessel",
    "warship",
    "aircraft",
    "missile",
    "vehicle",
    "km",
    "m",
    "kg",
    "tonne",
    "usd",
    "eur",
    "cny",
    "percent",
}
IGOS = {
    "UN",
    "EU",
    "NATO",
    "ASEAN",
    "AU",
    "GCC",
    "IAEA",
    "ARAB_LEAGUE",
    "OIC",
    "ICRC",
    "EAC",
    "SADC",
    "ECOWAS",
}
DOC_KEYS = {
    "doc_id",
    "crisis",
    "split",
    "lang",
    "outlet",
    "url",
    "doc_date",
    "doc_date_source",
    "query",
    "sha256",
    "chars",
}
GOLD_OPTIONAL = {"evidence"}
GOLD_KEYS = {
    "doc_id",
    "date",
    "date_precision",
    "actor",
    "target",
    "via",
    "category",
    "mode",
    "negated",
    "hypothetical",
    "quantities",
    "note",
}


def cache_dir() -> Path:
    """Where texts are cached: never inside the repository."""
    if os.environ.get("DUALTRACK_CORPUS"):
        return Path(os.environ["DUALTRACK_CORPUS"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dualtrack" / "corpus"


def crises(root: Path = HERE) -> list[dict]:
    """The lines of `root`/crises.yaml: each crisis's id, title, period, kind, split, and its
    `fold` and `fresh` mark where it has them."""
    import yaml

    return yaml.safe_load((root / "crises.yaml").read_text(encoding="utf-8"))


def fresh_crises(root: Path = HERE) -> frozenset[str]:
    """The dev crises marked `fresh: true`: annotated after the language data was written, by
    helpers who never saw the coder, and never read to write data or rules. Why kept apart: out
    of fold flatters the coder on the other crises (their misses taught the language data), so
    only these say what a crisis nobody read gets; scripts/train_coder.py never trains on or folds
    them and fits the confidence map on them, and the agreement sample never draws them."""
    return frozenset(r["id"] for r in crises(root) if r.get("fresh") and r["split"] == "dev")


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_text(row: dict, cache: Path | None = None) -> str | None:
    """The cached text of a docs.jsonl row, None where the cache lacks it; SystemExit naming the
    file where it does not match the recorded sha256 (a changed text is never scored or trained
    on). The one reader of cached texts for the scripts that score, train and time."""
    path = (cache or cache_dir()) / f"{row['doc_id']}.txt"
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    if text_sha(text) != row["sha256"]:
        raise SystemExit(f"{path}: text does not match its sha256")
    return text


def read_jsonl(path: Path) -> list[tuple[int, dict]]:
    rows = []
    if not path.exists():
        return rows
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append((no, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"error: {path}:{no}: not JSON ({exc.msg})") from None
    return rows


def jsonl_files(root: Path, name: str) -> list[Path]:
    """The merged file at the root, else every shard's file."""
    top = root / name
    return [top] if top.exists() else sorted(root.glob(f"shards/*/{name}"))


def rows(root: Path, name: str) -> list[dict]:
    """The rows of the corpus file `name` (docs.jsonl, gold.jsonl) at `root`, merged or sharded."""
    return [r for p in jsonl_files(root, name) for _, r in read_jsonl(p)]


def gold_by_doc(root: Path = HERE) -> dict[str, list[dict]]:
    """The gold rows of each document, in file order: the one grouping of gold that the scripts
    that score, train and measure the ladder read."""
    out: dict[str, list[dict]] = {}
    for g in rows(root, "gold.jsonl"):
        out.setdefault(g["doc_id"], []).append(g)
    return out


def cmd_add(args: argparse.Namespace) -> int:
    text = sys.stdin.read().strip()
    if len(text) < 200:
        raise SystemExit(f"error: {args.doc_id}: text has {len(text)} characters; too short")
    shard = Path(args.root) / "shards" / args.shard
    shard.mkdir(parents=True, exist_ok=True)
    seen = [r for p in jsonl_files(Path(args.root), "docs.jsonl") for _, r in read_jsonl(p)]
    for row in seen:
        if row.get("doc_id") == args.doc_id or row.get("url") == args.url:
            raise SystemExit(f"error: {args.doc_id}: doc_id or url already in the corpus")
    dt.date.fromisoformat(args.doc_date)
    row = {
        "doc_id": args.doc_id,
        "crisis": args.crisis,
        "split": args.split,
        "lang": args.lang,
        "outlet": args.outlet,
        "url": args.url,
        "doc_date": args.doc_date,
        "doc_date_source": args.doc_date_source,
        "query": args.query,
        "sha256": text_sha(text),
        "chars": len(text),
    }
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    (cache / f"{args.doc_id}.txt").write_text(text, encoding="utf-8")
    with (shard / "docs.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"cached {args.doc_id}: {len(text)} chars, sha256 {row['sha256'][:12]}…")
    return 0


WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
HAN = re.compile(r"[\u3400-\u9fff]")
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".yml", ".json", ".jsonl", ".txt", ".toml", ".html", ".cfg"}
SKIPPED_FIELDS = ("url", "query")
DATE_MARKER = re.compile(r"\A\s*date \d{4}(?:-\d{2}){0,2}\s")
"""The search tool's mark of a page's date, in front of its excerpt: not part of the article."""


def _folder():
    """Traditional → Simplified, so a copy is found whichever script it was written in."""
    try:
        import opencc
    except ImportError:
        return lambda text: text
    return opencc.OpenCC("t2s").convert


def _shingles(text: str, words: int, han: int) -> list[tuple[int, str]]:
    """(start offset, key) of every run of `words` words and of `han` Han characters."""
    found = []
    toks = [(m.start(), m.group().lower()) for m in WORD.finditer(text)]
    for i in range(len(toks) - words + 1):
        found.append((toks[i][0], " ".join(t for _, t in toks[i : i + words])))
    chars = [(m.start(), m.group()) for m in HAN.finditer(text)]
    for i in range(len(chars) - han + 1):
        found.append((chars[i][0], "".join(c for _, c in chars[i : i + han])))
    return found


def _committed_text(path: Path) -> str:
    """The file's text, with the identifying fields of JSONL lines blanked (same length)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".jsonl":
        return text
    for field in SKIPPED_FIELDS:
        text = re.sub(rf'"{field}": "(?:[^"\\]|\\.)*"', lambda m: " " * len(m.group()), text)
    return text


def find_overlaps(
    files: list[Path], sources: dict[str, str], words: int = 8, han: int = 12
) -> list[str]:
    """One line per copied passage: 'file:line: shared with SOURCE: the run (folded)'."""
    fold = _folder()
    index: dict[str, str] = {}
    for name, text in sources.items():
        for _, key in _shingles(fold(text), words, han):
            index.setdefault(key, name)
    found = []
    for path in files:
        try:
            text = fold(_committed_text(path))
        except (UnicodeDecodeError, OSError):
            continue
        hits: list[list] = []
        for start, key in _shingles(text, words, han):
            if key not in index:
                continue
            if hits and start <= hits[-1][1]:
                hits[-1][1] = max(hits[-1][1], start + len(key))
            else:
                hits.append([start, start + len(key), index[key]])
        for start, end, name in hits:
            line = text.count("\n", 0, start) + 1
            found.append(f"{path}:{line}: shared with {name}: {text[start:end][:60]!r}")
    return found


def cmd_overlap(args: argparse.Namespace) -> int:
    repo = Path(args.repo)
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    files = [repo / f for f in listed if f and Path(f).suffix in TEXT_SUFFIXES]
    sources = {}
    for folder, pattern in ((Path(args.cache), "*.txt"), (Path(args.seed), "*.txt")):
        for f in sorted(folder.glob(pattern)) if folder.is_dir() else []:
            text = f.read_text(encoding="utf-8")
            sources[f.name] = (
                DATE_MARKER.sub("", text, count=1) if folder == Path(args.seed) else text
            )
    if not sources:
        print(f"skipped: no cached texts in {args.cache} and no seed in {args.seed}")
        return 0
    found = find_overlaps(files, sources, args.words, args.han)
    for line in found:
        print(line)
    print(
        f"{len(found)} copied passages in {len({x.split(':', 1)[0] for x in found})} files "
        f"({len(files)} files against {len(sources)} sources)"
    )
    return 1 if found else 0


def cmd_missing(args: argparse.Namespace) -> int:
    cache = cache_dir()
    for path in jsonl_files(Path(args.root), "docs.jsonl"):
        for _, row in read_jsonl(path):
            if not (cache / f"{row['doc_id']}.txt").exists():
                print(
                    json.dumps({k: row[k] for k in ("doc_id", "url", "query")}, ensure_ascii=False)
                )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    rows = {
        r["doc_id"]: r for p in jsonl_files(Path(args.root), "docs.jsonl") for _, r in read_jsonl(p)
    }
    if args.doc_id not in rows:
        raise SystemExit(f"error: {args.doc_id}: not in docs.jsonl")
    row = rows[args.doc_id]
    text = DATE_MARKER.sub("", sys.stdin.read(), count=1).strip()
    if text_sha(text) != row["sha256"] and len(text) > row["chars"]:
        text = text[: row["chars"]]  # the stored page's excerpt now runs past where it was cut
    if text_sha(text) != row["sha256"]:
        print(
            f"error: {args.doc_id}: text ({len(text)} chars) does not match the recorded sha256 "
            f"({row['chars']} chars); nothing written",
            file=sys.stderr,
        )
        return 1
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    (cache / f"{args.doc_id}.txt").write_text(text, encoding="utf-8")
    print(f"restored {args.doc_id}: {len(text)} chars")
    return 0


def _check_id(value: object, field: str, where: str, problems: list[str], nullable: bool) -> None:
    if value is None:
        if not nullable:
            problems.append(f"{where}: {field}: must not be null")
        return
    head = str(value).split(".")[0]
    ok = (len(head) == 3 and head.isupper() and head.isalpha()) or head in IGOS
    if not ok:
        problems.append(f"{where}: {field}: {value!r} is not ISO3, an IGO code or ISO3.group")


def _is_span(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
        and 0 <= value[0] < value[1]
    )


def cmd_anchor(args: argparse.Namespace) -> int:
    """Offsets of verbatim snippets, written into gold.jsonl as `evidence` (all or nothing)."""
    gold_path = Path(args.root) / "gold.jsonl"
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    problems, texts = [], {}
    for no, item in read_jsonl(Path(args.snippets)):
        line = int(item["line"])
        if not 1 <= line <= len(lines):
            problems.append(f"{args.snippets}:{no}: line {line} is not in {gold_path}")
            continue
        row = json.loads(lines[line - 1])
        doc = row["doc_id"]
        if doc not in texts:
            texts[doc] = (cache_dir() / f"{doc}.txt").read_text(encoding="utf-8")
        start, k = -1, int(item.get("occurrence", 1))
        for _ in range(k):
            start = texts[doc].find(item["snippet"], start + 1)
        if start < 0:
            problems.append(f"{args.snippets}:{no}: snippet not found in {doc}")
            continue
        span = [start, start + len(item["snippet"])]
        row["evidence"] = sorted({*map(tuple, row.get("evidence", [])), tuple(span)})
        row["evidence"] = [list(x) for x in row["evidence"]]
        lines[line - 1] = json.dumps(row, ensure_ascii=False)
    for p in problems:
        print(f"error: {p}")
    if problems:
        return 1
    gold_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"anchored snippets into {gold_path}")
    return 0


def check_doc(row: dict, where: str, problems: list[str]) -> None:
    if set(row) != DOC_KEYS:
        problems.append(f"{where}: keys differ from the schema: {sorted(set(row) ^ DOC_KEYS)}")
    if row.get("lang") not in LANGS:
        problems.append(f"{where}: lang: {row.get('lang')!r} not in {sorted(LANGS)}")
    if row.get("split") not in SPLITS:
        problems.append(f"{where}: split: {row.get('split')!r} not in {sorted(SPLITS)}")
    if row.get("doc_date_source") not in DATE_SOURCES:
        problems.append(f"{where}: doc_date_source: not in {sorted(DATE_SOURCES)}")
    try:
        dt.date.fromisoformat(str(row.get("doc_date")))
    except ValueError:
        problems.append(f"{where}: doc_date: {row.get('doc_date')!r} is not YYYY-MM-DD")


def check_gold(row: dict, where: str, docs: dict, problems: list[str]) -> None:
    if not GOLD_KEYS <= set(row) <= GOLD_KEYS | GOLD_OPTIONAL:
        odd = sorted((set(row) ^ GOLD_KEYS) - GOLD_OPTIONAL)
        problems.append(f"{where}: keys differ from the schema: {odd}")
    spans = row.get("evidence", [])
    if not (isinstance(spans, list) and all(_is_span(x) for x in spans)):
        problems.append(f"{where}: evidence: must be a list of [start, end] offsets")
    if row.get("doc_id") not in docs:
        problems.append(f"{where}: doc_id: {row.get('doc_id')!r} is not in docs.jsonl")
    if row.get("category") not in CATEGORIES:
        problems.append(f"{where}: category: {row.get('category')!r} is not a PLOVER category")
    if row.get("date") is not None:
        try:
            dt.date.fromisoformat(str(row["date"]))
        except ValueError:
            problems.append(f"{where}: date: {row['date']!r} is not YYYY-MM-DD or null")
    if row.get("date_precision") not in PRECISIONS:
        problems.append(f"{where}: date_precision: not in {sorted(PRECISIONS)}")
    _check_id(row.get("actor"), "actor", where, problems, nullable=False)
    _check_id(row.get("target"), "target", where, problems, nullable=True)
    _check_id(row.get("via"), "via", where, problems, nullable=True)
    for flag in ("negated", "hypothetical"):
        if not isinstance(row.get(flag), bool):
            problems.append(f"{where}: {flag}: must be true or false")
    for q in row.get("quantities") or []:
        if not isinstance(q, dict) or q.get("unit") not in UNITS:
            problems.append(f"{where}: quantities: {q!r} needs a unit from {sorted(UNITS)}")
    if len(str(row.get("note") or "").split()) > 25:
        problems.append(f"{where}: note: keep it a short paraphrase (≤ 25 words)")


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    problems: list[str] = []
    docs: dict[str, dict] = {}
    for path in jsonl_files(root, "docs.jsonl"):
        for no, row in read_jsonl(path):
            check_doc(row, f"{path}:{no}", problems)
            if row.get("doc_id") in docs:
                problems.append(f"{path}:{no}: doc_id {row.get('doc_id')!r} repeated")
            docs[row.get("doc_id")] = row
    gold = []
    for path in jsonl_files(root, "gold.jsonl"):
        for no, row in read_jsonl(path):
            check_gold(row, f"{path}:{no}", docs, problems)
            chars = docs.get(row.get("doc_id"), {}).get("chars", 0)
            if any(_is_span(x) and x[1] > chars for x in row.get("evidence", [])):
                problems.append(f"{path}:{no}: evidence: an offset lies past the text's end")
            gold.append(row)
    cache, missing = cache_dir(), 0
    for doc_id, row in docs.items():
        f = cache / f"{doc_id}.txt"
        if not f.exists():
            missing += 1
        elif text_sha(f.read_text(encoding="utf-8")) != row.get("sha256"):
            problems.append(f"{f}: text does not match the sha256 in docs.jsonl")
    for p in problems:
        print(p)
    _print_counts(docs, gold, missing, cache)
    return 1 if problems else 0


def _print_counts(docs: dict, gold: list[dict], missing: int, cache: Path) -> None:
    lang_of = {d: r.get("lang") for d, r in docs.items()}
    split_of = {d: r.get("split") for d, r in docs.items()}
    print(f"{len(docs)} articles, {len(gold)} gold events; {missing} texts absent from {cache}")
    print("articles per language:", dict(Counter(lang_of.values())))
    print("articles per split:", dict(Counter(split_of.values())))
    print("articles per crisis:", dict(Counter(r.get("crisis") for r in docs.values())))
    print("events per language:", dict(Counter(lang_of.get(g.get("doc_id")) for g in gold)))
    print("events per split:", dict(Counter(split_of.get(g.get("doc_id")) for g in gold)))
    print("events per category:", dict(Counter(g.get("category") for g in gold).most_common()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(HERE), help="folder holding docs/gold (and shards/)")
    sub = parser.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add", help="cache one article (text on stdin) and record it")
    for name in ("shard", "doc-id", "crisis", "outlet", "url", "doc-date", "query"):
        add.add_argument(f"--{name}", required=True)
    add.add_argument("--split", required=True, choices=sorted(SPLITS))
    add.add_argument("--lang", required=True, choices=sorted(LANGS))
    add.add_argument("--doc-date-source", required=True, choices=sorted(DATE_SOURCES))
    sub.add_parser("check", help="check docs.jsonl, gold.jsonl and the cached texts")
    anchor = sub.add_parser("anchor", help="store evidence offsets of verbatim snippets")
    anchor.add_argument("snippets", help="JSONL of {line, snippet[, occurrence]}")
    overlap = sub.add_parser("overlap", help="find article or seed text copied into the repository")
    overlap.add_argument("--repo", default=str(HERE.parents[1]))
    overlap.add_argument("--cache", default=None, help="cached texts (default: the corpus cache)")
    overlap.add_argument("--seed", default=str(HERE.parents[1].parent / "shared" / "seed"))
    overlap.add_argument(
        "--words", type=int, default=8, help="shortest shared run of English words"
    )
    overlap.add_argument(
        "--han", type=int, default=12, help="shortest shared run of Han characters"
    )
    sub.add_parser("missing", help="list the articles whose text is not cached (id, url, query)")
    restore = sub.add_parser("restore", help="put back one cached text (excerpt on stdin)")
    restore.add_argument("doc_id")
    args = parser.parse_args(argv)
    if args.cmd == "overlap" and args.cache is None:
        args.cache = str(cache_dir())
    commands = {"add": cmd_add, "check": cmd_check, "anchor": cmd_anchor}
    commands |= {"missing": cmd_missing, "restore": cmd_restore, "overlap": cmd_overlap}
    return commands[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
