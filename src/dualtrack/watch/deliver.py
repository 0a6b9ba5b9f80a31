"""Where an alert goes: a line on stdout, a line in a JSONL log, and optionally a webhook.

The alert is already stored in the workspace when it is delivered, so a webhook that is down
costs a warning, never a second alert on the next poll.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from dualtrack.watch.errors import WatchError

WEBHOOK_TIMEOUT = 10.0


class Delivery:
    def __init__(
        self,
        echo: Callable[[str], None],
        warn: Callable[[str], None],
        log: Path | None = None,
        webhook: str | None = None,
        timeout: float = WEBHOOK_TIMEOUT,
    ) -> None:
        if webhook is not None and not webhook.lower().startswith(("http://", "https://")):
            raise WatchError(f"--webhook {webhook!r}: not an http(s) URL")
        self.echo, self.warn, self.log, self.webhook, self.timeout = (
            echo, warn, log, webhook, timeout,
        )  # fmt: skip

    def check(self) -> None:
        """Fail before the first poll, not after it, when the log cannot be written."""
        if self.log is None:
            return
        try:
            self.log.parent.mkdir(parents=True, exist_ok=True)
            with self.log.open("a", encoding="utf-8"):
                pass
        except OSError as e:
            raise WatchError(f"--log {self.log}: cannot write: {e.strerror or e}") from e

    def __call__(self, alert: dict[str, Any]) -> None:
        events = ", ".join(alert["events"][:5]) or "none"
        self.echo(f"ALERT {alert['case']} [{alert['rule']}] {alert['message']} (events: {events})")
        line = json.dumps(alert, ensure_ascii=False, sort_keys=True)
        if self.log is not None:
            try:
                with self.log.open("a", encoding="utf-8") as fh:
                    fh.write(line + "\n")
            except OSError as e:
                self.warn(f"--log {self.log}: cannot write: {e.strerror or e}")
        if self.webhook is not None:
            try:
                resp = httpx.post(
                    self.webhook,
                    content=line.encode("utf-8"),
                    headers={"Content-Type": "application/json"},
                    timeout=self.timeout,
                )
                resp.raise_for_status()
            except httpx.HTTPError as e:
                self.warn(f"webhook {self.webhook}: alert {alert['id']} not delivered: {e}")
