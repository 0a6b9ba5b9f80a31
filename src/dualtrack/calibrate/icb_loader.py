"""Read the ICB v14 CSVs (system + actor level) into typed crisis rows with features and outcomes.

The data stay where the user keeps them (the loader takes a path); nothing is copied. Every cell
the models use is checked against the codebook's codes, so a shifted column or a new code fails
loudly with the file, line and column instead of becoming a silent category.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from dualtrack.calibrate import icb_codes as codes
from dualtrack.calibrate.features import ACTIVITY_LEVELS, CrisisFeatures
from dualtrack.errors import DualtrackError


class IcbDataError(DualtrackError, ValueError):
    """The ICB files are missing, malformed or hold a code the codebook does not define."""


class IcbCrisis(BaseModel):
    """One ICB crisis: early features (None when a needed code is missing) and its outcomes."""

    model_config = ConfigDict(frozen=True)

    crisno: int
    name: str
    year: int | None
    features: CrisisFeatures | None
    missing: tuple[str, ...] = ()
    """Columns whose missing value kept `features` from being built."""
    outcome: str | None
    """One of icb_codes.OUTCOME_CLASSES (from FOROUT), None if not coded."""
    violence: str | None
    """One of icb_codes.VIOLENCE_CLASSES (from VIOL), None if not coded."""
    duration_days: int | None
    """ICB1 BREXIT: days from the crisis trigger to its termination."""


def _resolve(path: Path) -> tuple[Path, Path]:
    path = Path(path)
    if not path.exists():
        raise IcbDataError(
            f"{path}: no such file or folder (expected the folder holding "
            f"{codes.SYSTEM_FILE} and {codes.ACTOR_FILE}, or one of them)"
        )
    folder = path if path.is_dir() else path.parent
    if path.is_file() and path.name not in (codes.SYSTEM_FILE, codes.ACTOR_FILE):
        raise IcbDataError(
            f"{path}: not an ICB v14 file (expected {codes.SYSTEM_FILE} or {codes.ACTOR_FILE})"
        )
    system, actor = folder / codes.SYSTEM_FILE, folder / codes.ACTOR_FILE
    for f in (system, actor):
        if not f.is_file():
            raise IcbDataError(
                f"{f}: file not found (ICB v14 needs both {codes.SYSTEM_FILE} "
                f"and {codes.ACTOR_FILE} in {folder})"
            )
    return system, actor


def _read(path: Path, columns: dict[str, frozenset[int] | None]) -> list[dict[str, int | None]]:
    """Rows of `path` with the wanted columns parsed to int codes (None = blank)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IcbDataError(f"{path}: cannot read ({exc})") from exc
    reader = csv.DictReader(text.splitlines())
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    for col in columns:
        if col not in header:
            raise IcbDataError(f"{path}: missing column '{col}'")
    reader.fieldnames = header
    out: list[dict[str, int | None]] = []
    for line_no, raw in enumerate(reader, start=2):
        row: dict[str, int | None] = {}
        for col, allowed in columns.items():
            cell = (raw.get(col) or "").strip()
            if not cell:
                row[col] = None
                continue
            try:
                value = int(cell)
            except ValueError:
                raise IcbDataError(
                    f"{path}, line {line_no}, column '{col}': {cell!r} is not an integer code"
                ) from None
            if allowed is not None and value not in allowed:
                raise IcbDataError(
                    f"{path}, line {line_no}, column '{col}': code {value} is not in the ICB "
                    f"codebook (allowed: {sorted(allowed)})"
                )
            if allowed is None and value < 0:
                raise IcbDataError(
                    f"{path}, line {line_no}, column '{col}': {value} must not be negative"
                )
            row[col] = value
        row["_line"] = line_no
        row["_name"] = raw.get("crisname", "").strip()  # type: ignore[assignment]
        out.append(row)
    return out


def _activity(code: int) -> str:
    return ACTIVITY_LEVELS[code - 1]


def _crisis(row: dict, nuclear_actors: int) -> IcbCrisis:
    missing: list[str] = []
    gravity = row["gravcr"]
    if gravity is None or gravity == 7:
        missing.append("gravcr")
    for col in ("mediate", "usinv", "suinv", "protrac", "noactr", "break"):
        if row[col] is None:
            missing.append(col)
    if row["noactr"] == 0:
        missing.append("noactr")
    features = None
    if not missing:
        mediated = row["mediate"] == codes.MEDIATION_OCCURRED
        style = row["medstyle"]
        features = CrisisFeatures(
            gravity=gravity,
            mediation=mediated,
            mediation_style=codes.MEDSTYLE[style] if mediated and style and style > 1 else None,
            great_power_involvement=_activity(max(row["usinv"], row["suinv"])),
            us_involvement=_activity(row["usinv"]),
            protracted=row["protrac"] in (2, 3),
            nuclear_actors=nuclear_actors,
            power_discrepancy=row["powdissy"],
            n_actors=row["noactr"],
            violent_trigger=row["break"] in codes.VIOLENT_TRIGGERS,
            military_trigger=row["break"] == codes.MILITARY_TRIGGER,
        )
    forout, viol, brexit = row["forout"], row["viol"], row["brexit"]
    return IcbCrisis(
        crisno=row["crisno"],
        name=row["_name"],
        year=row["yrtrig"],
        features=features,
        missing=tuple(missing),
        outcome=codes.FOROUT_TO_OUTCOME[forout] if forout is not None else None,
        violence=codes.VIOL_TO_VIOLENCE[viol] if viol is not None else None,
        duration_days=brexit if brexit is not None and brexit > 0 else None,
    )


def load_icb(path: str | Path) -> list[IcbCrisis]:
    """Load ICB v14 from a folder holding icb1v14.csv and icb2v14.csv (or from one of them).

    Raises IcbDataError naming the file, line and column for anything that is not ICB v14.
    """
    system_path, actor_path = _resolve(Path(path))
    system = _read(system_path, codes.SYSTEM_COLUMNS)
    actors = _read(actor_path, codes.ACTOR_COLUMNS)
    nuclear: dict[int, int] = defaultdict(int)
    for a in actors:
        if a["crisno"] is not None and a["nuclear"] in codes.NUCLEAR_ARMED:
            nuclear[a["crisno"]] += 1
    crises = []
    for row in system:
        if row["crisno"] is None:
            raise IcbDataError(f"{system_path}, line {row['_line']}, column 'crisno': blank")
        crises.append(_crisis(row, nuclear[row["crisno"]]))
    if not crises:
        raise IcbDataError(f"{system_path}: no crisis rows")
    return crises
