"""`dualtrack case init`: a blank, commented case file with one example of each part.

The template is data (`templates/case.yaml`) so it can be read and edited as the YAML a user gets;
only the case id, the file name and the date are filled in. The file is created exclusively, so an
existing file is never overwritten, not even by a race between two writers.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path

CASE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_TEMPLATE = resources.files("dualtrack.cases") / "templates" / "case.yaml"


def template_text(case_id: str, file: str, today: dt.date) -> str:
    """The template for `case_id`, naming `file` in its header and dated `today`."""
    if not CASE_ID.match(case_id):
        raise ValueError(
            f"case id {case_id!r}: use lower-case letters, digits and hyphens, e.g. 'border-2026'"
        )
    text = _TEMPLATE.read_text(encoding="utf-8")
    return text.replace("__ID__", case_id).replace("__FILE__", file).replace("__DATE__", str(today))


def write_template(case_id: str, out: Path | None = None, today: dt.date | None = None) -> Path:
    """Write the template for `case_id` to `out` (default `./<case_id>.yaml`) and return the path.

    Raises ValueError for a bad id, FileExistsError when `out` exists (nothing is written) and
    OSError when the file cannot be created.
    """
    path = Path(out) if out is not None else Path(f"{case_id}.yaml")
    text = template_text(case_id, str(path), today or dt.date.today())
    with path.open("x", encoding="utf-8") as f:
        f.write(text)
    return path
