"""The store: an embedded DuckDB workspace for documents, events, stances and runs.

from dualtrack.store import Workspace
with Workspace.open() as ws:          # --data-dir, else DUALTRACK_HOME, else user data dir
    ws.add_documents([doc])
    ws.add_events(events, case_id="us-iran-2026")
    ws.export_events("us-iran-2026", "events.parquet", "parquet")
    ws.add_correction("us-iran-2026", "ev_...", "reject", author="analyst", note="misread")
"""

from dualtrack.store.corrections import (
    Correction,
    CorrectionError,
    ReviewStatus,
    apply_corrections,
    check_fields,
    check_span,
    review_status,
)
from dualtrack.store.errors import StoreError, UpgradeNeeded
from dualtrack.store.export import ExportFormat, format_of, read_events_file, write_events
from dualtrack.store.paths import DB_FILE, ENV_VAR, workspace_dir
from dualtrack.store.schema import SCHEMA_VERSION
from dualtrack.store.workspace import RunRecord, Workspace

__all__ = [
    "DB_FILE",
    "ENV_VAR",
    "SCHEMA_VERSION",
    "Correction",
    "CorrectionError",
    "ExportFormat",
    "ReviewStatus",
    "RunRecord",
    "StoreError",
    "UpgradeNeeded",
    "Workspace",
    "apply_corrections",
    "check_fields",
    "check_span",
    "format_of",
    "read_events_file",
    "review_status",
    "workspace_dir",
    "write_events",
]
