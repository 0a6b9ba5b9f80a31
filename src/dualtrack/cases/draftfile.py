"""The commented YAML of a drafted case (`dualtrack case new`).

Comments carry what the YAML cannot: the articles read, how often each actor appears, the
reports behind each proposed role and position, the names no dictionary resolved, and which
values are defaults for the analyst to check. Scalars are written as JSON, which YAML reads
as written (quotes, Chinese, colons), so the file always parses; the layout follows the
template of `case init` (`templates/case.yaml`), whose conventions the header points to.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dualtrack.cases.draft import AGENDA, CaseDraft, SeenActor
from dualtrack.extract.pipeline import detect_lang
from dualtrack.outputs import check_out, write_text
from dualtrack.simulate.forces import force_kinds

CANDIDATES_LISTED = 20


def _j(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(draft: CaseDraft, today: dt.date | None = None) -> str:
    """The case file text for `draft`."""
    lines = _header(draft, today or dt.date.today())
    lines += [
        f"id: {draft.case_id}",
        f"title: {_j(draft.title)}",
        "description: " + _j(
            f"Drafted from {len(draft.documents)} article(s); replace with two or three "
            "sentences: who confronts whom over what, who mediates, where things stand."
        ),
        f"asof: {draft.asof}",
        "",
        "actors:",
    ]  # fmt: skip
    for a in draft.actors:
        lines += _actor(draft, a)
    if draft.options:
        lines += [
            "",
            "issues:",
            "  # Agenda items the articles' stances name; add scale issues (e.g. who holds the",
            "  # disputed area, 0-100) as `case init`'s template shows.",
            f"  - id: {AGENDA}",
            "    name: Scope of the talks",
            "    kind: set",
            f"    options: {_j(draft.options)}",
        ]
        lines += _positions(draft)
    lines += ["", *_parameters(draft)]
    return "\n".join(lines) + "\n"


def _header(draft: CaseDraft, today: dt.date) -> list[str]:
    out = [
        f"# {draft.case_id}: drafted by `dualtrack case new` on {today} from "
        f"{len(draft.documents)} article(s).",
        "# Each proposal says which reports suggested it; values marked 'analyst: check' are",
        "# defaults the articles do not decide. Conventions: `dualtrack case init` writes the",
        "# commented template. Check with `dualtrack case validate FILE`; then",
        "# `dualtrack ingest ARTICLES --case FILE` stores the articles' events under this case.",
        "#",
        "# Articles read (doc id, date, script, title):",
    ]
    for d in draft.documents:
        lang = d.lang or detect_lang(d.text)
        out.append(f"#   {d.id[:8]}  {d.date or 'undated'}  {lang}  {d.title or ''}")
    if draft.candidates:
        out += ["#", "# Names no dictionary resolved (candidates; add any that is an actor):"]
        common = draft.candidates.most_common(CANDIDATES_LISTED)
        out.append("#   " + ", ".join(f"{n} ({k})" for n, k in common))
    return [*(line.rstrip() for line in out), ""]


def _actor(draft: CaseDraft, a: SeenActor) -> list[str]:
    role = draft.role_of(a.id)
    origin = "proposed from the articles (names, kind: analyst: check)" if a.new else (
        "built-in dictionaries"
    )  # fmt: skip
    out = ["", f"  # {a.id}: in {a.count} event(s) or stance(s); {origin}"]
    proposal = next((p for p in draft.roles if p.actor == a.id), None)
    if proposal is not None:
        out.append(f"  # proposed {proposal.role.value}, from:")
        out += [f"  #   {line}" for line in dict.fromkeys(proposal.evidence)]
    out += [f"  - id: {a.id}", f"    kind: {a.kind}", f"    country: {a.country}"]
    if role is not None:
        out.append(f"    role: {role.value}")
    if a.names:
        out.append(f"    names: {_j(a.names)}")
    if any(a.aliases.values()):
        out.append(f"    aliases: {_j({k: v for k, v in a.aliases.items() if v})}")
    return out


def _positions(draft: CaseDraft) -> list[str]:
    if not any(items for items, _ in draft.positions.values()):
        return []
    out = ["", "positions:"]
    for party, (items, why) in draft.positions.items():
        if not items:
            continue
        out += [
            f"  # {party}: latest stated agenda, {why}",
            f"  - actor: {party}",
            f"    issue: {AGENDA}",
            f"    items: {_j(items)}",
            "    salience: 0.5",
            "    salience_range: [0.3, 0.8]",
            "    capability: 1.0",
            "    capability_range: [0.5, 1.0]",
            f"    as_of: {draft.asof}",
            "    source: "
            + _j(f"items as stated ({why.split(':')[0]}); salience, capability: analyst: check"),
        ]
    return out


def _parameters(draft: CaseDraft) -> list[str]:
    out = [
        "parameters:",
        "  # Inputs of the forecast, each with its range and source. ICB features use the ICB",
        "  # codebook's terms (dualtrack.calibrate.CrisisFeatures).",
        "  icb_features:",
    ]
    for name, f in draft.features.items():
        note = "" if f.decided else "  # analyst: check"
        out += [
            f"    {name}:{note}",
            f"      value: {_j(f.value)}",
            f"      range: {_j(f.range)}",
            f"      source: {_j(f.source)}",
        ]
    out += _forces(draft)
    spoilers = [p.actor for p in draft.roles if p.role.value == "spoiler"]
    if spoilers:
        out.append("  spoiler_restraint:")
        for s in spoilers:
            out += [
                f"    {s}:  # analyst: check",
                "      value: medium",
                '      range: ["low", "high"]',
                '      source: "default: low, medium or high; analyst: check"',
            ]
    return out


def _forces(draft: CaseDraft) -> list[str]:
    if not draft.forces:
        return [
            "  # forces_in_proximity: no deployment with a count in the reports; give naval, air",
            "  # or ground forces in contact as `case init`'s template shows (analyst: check)",
        ]
    out = [
        "  forces_in_proximity:",
        "    # Each party's latest deployment report of a kind, summed (simulate/forces.yaml",
        "    # has the units); reports count what was sent, not what stood there: analyst: check.",
    ]
    kinds = force_kinds()
    for kind, (value, cites) in draft.forces.items():
        out += [f"    {kind}:", *(f"      # {c}" for c in cites)]
        out += [
            f"      value: {value:g}",
            f"      range: [{round(value * 0.5, 2):g}, {round(value * 1.5, 2):g}]",
            f"      unit: {_j(kinds[kind].unit)}",
            "      source: " + _j(f"deployments in {len(cites)} report(s); analyst: check"),
        ]
    return out


def write_draft(draft: CaseDraft, out: Path | None = None, *, force: bool = False) -> Path:
    """Write the draft to `out` (default `./<case_id>.yaml`), whole or not at all; an existing
    file is an OutputError unless `force`."""
    path = check_out(out if out is not None else Path(f"{draft.case_id}.yaml"), force=force)
    return write_text(path, render(draft))
