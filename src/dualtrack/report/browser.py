"""Render a brief in the system's headless Chromium over the DevTools protocol: check its layout,
take screenshots. Used by the browser tests and by `scripts/screenshot_brief.py`.

Only an installed Chromium is used (Debian's `chromium`, or `$DUALTRACK_CHROMIUM`); nothing is
ever downloaded. The page is opened from a file:// URL with background networking off, so the
check also proves the brief needs no network. Needs `websocket-client` (the `dev` extra).
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

from dualtrack.errors import DualtrackError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Elements whose content is wider than their box, anything reaching past the viewport's right
# edge, and SVG labels that leave their chart's viewBox: each is text that does not fit.
OVERFLOW_JS = r"""
(() => {
  const bad = [];
  const vw = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
  if (document.documentElement.scrollWidth > vw + 1)
    bad.push({what: 'page', width: document.documentElement.scrollWidth, box: vw});
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg')) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1)
      bad.push({what: name(el), right: r.right, box: vw, text: el.textContent.slice(0, 60)});
    if (cs.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      bad.push({what: name(el), width: el.scrollWidth, box: el.clientWidth,
                text: el.textContent.slice(0, 60)});
  }
  for (const svg of document.querySelectorAll('svg')) {
    const vb = svg.viewBox.baseVal;
    if (!vb || !vb.width) continue;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < vb.x - 1 || b.x + b.width > vb.x + vb.width + 1 ||
          b.y < vb.y - 1 || b.y + b.height > vb.y + vb.height + 1)
        bad.push({what: 'svg text', text: t.textContent, x: b.x, width: b.width, box: vb.width});
    }
  }
  return bad;
})()
"""

INVENTORY_JS = r"""
(() => ({
  sections: [...document.querySelectorAll('section[data-section]')].map(s => ({
    id: s.dataset.section, heading: (s.querySelector('h2') || {}).textContent || '',
    visible: s.getBoundingClientRect().height > 20})),
  charts: [...document.querySelectorAll('figure[data-chart]')].map(f => {
    const svg = [...f.querySelectorAll('svg')].find(s => s.getBoundingClientRect().width > 0);
    const r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    return {id: f.dataset.chart, width: r.width, height: r.height,
            texts: svg ? svg.querySelectorAll('text').length : 0,
            marks: svg ? svg.querySelectorAll('polyline, path, rect, circle').length : 0};
  }),
  scripts: document.querySelectorAll('script').length,
  external: [...document.querySelectorAll('[src], link[href]')].map(e => e.src || e.href),
  title: document.title,
}))()
"""


class BrowserError(DualtrackError, RuntimeError):
    pass


def find_chromium() -> str | None:
    """The path of an installed Chromium/Chrome, or None."""
    env = os.environ.get("DUALTRACK_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium with one page, driven over the DevTools protocol."""

    def __init__(self, executable: str | None = None, timeout: float = 30.0) -> None:
        exe = executable or find_chromium()
        if exe is None:
            raise BrowserError("no Chromium found (install Debian's `chromium` package)")
        try:
            import websocket  # websocket-client
        except ImportError as e:
            raise BrowserError("websocket-client is needed: pip install 'dualtrack[dev]'") from e
        self._ws_mod = websocket
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="dualtrack-chromium-")
        self._proc = subprocess.Popen(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-extensions",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                f"--user-data-dir={self._profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._ids = itertools.count(1)
        try:
            self._ws = self._connect()
            self.call("Page.enable")
            self.call("Runtime.enable")
        except BaseException:
            self.close()
            raise

    def _connect(self) -> Any:
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while not port_file.exists() or not port_file.read_text().strip():
            if self._proc.poll() is not None:
                raise BrowserError(f"Chromium exited with code {self._proc.returncode}")
            if time.monotonic() > deadline:
                raise BrowserError("Chromium did not open its DevTools port in time")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            targets = json.load(r)
        page = next(t for t in targets if t.get("type") == "page")
        return self._ws_mod.create_connection(
            page["webSocketDebuggerUrl"], timeout=self.timeout, suppress_origin=True
        )

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        msg_id = next(self._ids)
        self._ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self._ws.recv())
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise BrowserError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def _wait_event(self, name: str) -> None:
        while True:
            msg = json.loads(self._ws.recv())
            if msg.get("method") == name:
                return

    def open(self, path: Path | str, width: int, height: int = 900) -> None:
        """Load a local file (or an http:// URL, e.g. the dashboard) at a viewport `width` px wide
        (mobile emulation below 600 px)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        web = isinstance(path, str) and path.startswith(("http://", "https://"))
        self.call("Page.navigate", url=path if web else Path(path).resolve().as_uri())
        self._wait_event("Page.loadEventFired")
        self.evaluate("document.fonts.ready.then(() => true)", await_promise=True)

    def evaluate(self, expression: str, await_promise: bool = False) -> Any:
        res = self.call(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=await_promise,
        )
        if "exceptionDetails" in res:
            raise BrowserError(f"script failed: {res['exceptionDetails']}")
        return res["result"].get("value")

    def overflows(self) -> list[dict[str, Any]]:
        return self.evaluate(OVERFLOW_JS)

    def inventory(self) -> dict[str, Any]:
        return self.evaluate(INVENTORY_JS)

    def screenshot(self, out: Path | str, width: int, max_height: int | None = None) -> Path:
        """A PNG of the page (its top `max_height` px, or all of it) at the viewport width."""
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        if max_height is not None:
            height = min(height, max_height)
        shot = self.call(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        )
        out = Path(out)
        out.write_bytes(base64.b64decode(shot["data"]))
        return out

    def close(self) -> None:
        ws = getattr(self, "_ws", None)
        if ws is not None:
            ws.close()
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
