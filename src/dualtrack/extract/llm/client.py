"""An OpenAI-compatible chat completions client: one for llama.cpp, Ollama, vLLM, LM Studio and
hosted models alike, with timeouts, retries with backoff and one clear error per failure.

Why no SDK: the protocol is two endpoints (`/models`, `/chat/completions`) and httpx is already
a dependency; the client needs only what every server implements, plus `response_format` where
it is accepted (a server that refuses it is asked again without, and the tolerant parser reads
the answer).
"""

from __future__ import annotations

import ipaddress
import os
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from dualtrack.errors import DualtrackError

DEFAULT_URL = "http://127.0.0.1:8080/v1"


class LLMError(DualtrackError):
    """The LLM server cannot be used: the message names its URL and what went wrong."""


class DocumentFailed(LLMError):
    """One request failed after its retries (a timeout, a server error, an unreadable answer);
    other documents may still be coded."""


class FormatRefused(DocumentFailed):
    """The server does not take this `response_format` (llama-cpp-python answers HTTP 500)."""


@dataclass(frozen=True)
class LLMSettings:
    """Where the model is and how patiently to ask it. `from_env` fills the gaps from
    `$DUALTRACK_LLM_URL`, `$DUALTRACK_LLM_MODEL` and `$DUALTRACK_LLM_KEY`."""

    url: str = DEFAULT_URL
    model: str | None = None  # None: the first model the server lists
    key: str | None = None
    timeout: float = 300.0  # seconds per request: a CPU model writes slowly
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    concurrency: int = 2
    max_tokens: int = 1500
    chunk_chars: int = 6000  # longer articles are coded in pieces cut at paragraph breaks

    @classmethod
    def from_env(cls, url: str | None = None, model: str | None = None, **kw: Any) -> LLMSettings:
        env = os.environ
        return cls(
            url=(url or env.get("DUALTRACK_LLM_URL") or DEFAULT_URL).rstrip("/"),
            model=model or env.get("DUALTRACK_LLM_MODEL") or None,
            key=env.get("DUALTRACK_LLM_KEY") or None,
            **kw,
        )

    def check(self) -> None:
        parsed = urlparse(self.url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise LLMError(f"--llm-url must be an http(s) URL, not {self.url!r}")
        for name in ("timeout", "concurrency", "max_tokens", "chunk_chars"):
            if getattr(self, name) <= 0:
                raise LLMError(f"LLM setting {name} must be positive, not {getattr(self, name)}")

    @property
    def local(self) -> bool:
        """Whether the server is on this machine (then no text leaves it)."""
        host = urlparse(self.url).hostname or ""
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False


@dataclass
class Reply:
    content: str
    tokens: int  # completion tokens the server reports (0 if it does not)
    prompt_tokens: int


class ChatClient:
    """Thread-safe: one httpx client shared by the coder's worker threads."""

    def __init__(self, settings: LLMSettings) -> None:
        import httpx  # here, not at import: every command imports the extractor

        settings.check()
        self.s = settings
        headers = {"Authorization": f"Bearer {settings.key}"} if settings.key else {}
        self._http = httpx.Client(
            base_url=settings.url,
            headers=headers,
            timeout=httpx.Timeout(settings.timeout, connect=min(10.0, settings.timeout)),
            limits=httpx.Limits(max_connections=settings.concurrency),
        )
        self._formats: list[str | None] = ["json_schema", "json_object", None]  # see chat
        self._lock = threading.Lock()

    @property
    def schema_ok(self) -> bool:
        """Whether answers are held to the schema by the server (else only by the parser)."""
        return self._formats[0] is not None

    def close(self) -> None:
        self._http.close()

    def model(self) -> str:
        """The model to ask: the one set, else the first the server lists. Also the check that
        the server is there at all, before any document is read."""
        reply = self._request("GET", "/models", None)
        if self.s.model:
            return self.s.model
        try:
            return str(reply["data"][0]["id"])
        except (KeyError, IndexError, TypeError):
            raise LLMError(
                f"LLM server {self.s.url}: /models lists no model; give --llm-model"
            ) from None

    def chat(self, model: str, messages: list[dict[str, str]], schema: dict[str, Any]) -> Reply:
        body: dict[str, Any] = {
            "model": model,
            "messages": messages,
            "temperature": 0,
            "seed": 0,
            "max_tokens": self.s.max_tokens,
        }
        while True:
            kind = self._formats[0]
            if kind == "json_schema":  # OpenAI, vLLM, llama.cpp's own server, LM Studio
                body["response_format"] = {
                    "type": kind,
                    "json_schema": {"name": "events", "schema": schema, "strict": True},
                }
            elif kind == "json_object":  # llama-cpp-python, Ollama: a schema beside the type
                body["response_format"] = {"type": kind, "schema": schema}
            else:
                body.pop("response_format", None)
            try:
                reply = self._request("POST", "/chat/completions", body)
                break
            except FormatRefused:
                if kind is None:
                    raise
                with self._lock:
                    if self._formats[0] == kind:
                        self._formats.pop(0)
        try:
            content = reply["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError):
            raise DocumentFailed(
                f"LLM server {self.s.url}: the answer has no choices[0].message.content"
            ) from None
        usage = reply.get("usage") or {}
        return Reply(
            str(content),
            int(usage.get("completion_tokens") or 0),
            int(usage.get("prompt_tokens") or 0),
        )

    def _request(self, method: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        """One call with retries: connection failures and timeouts, 429 and 5xx are retried
        with exponential backoff; a server that cannot be reached at all is an `LLMError` (the
        run stops), anything else a `DocumentFailed`."""
        import httpx

        where = f"LLM server {self.s.url}"
        last, unreachable = "", False
        for attempt in range(self.s.retries + 1):
            if attempt:
                time.sleep(self.s.backoff * 2 ** (attempt - 1))
            try:
                r = self._http.request(method, path.lstrip("/"), json=body)
            except httpx.ConnectError as exc:
                last, unreachable = f"cannot connect ({exc})", True
                continue
            except httpx.TimeoutException:
                last, unreachable = f"no answer within {self.s.timeout:g} s", False
                continue
            except httpx.HTTPError as exc:
                last, unreachable = f"{type(exc).__name__}: {exc}", False
                continue
            if r.status_code >= 400 and body and "response_format" in body:
                said = r.text[:2000]
                if "response_format" in said or "json_schema" in said:
                    raise FormatRefused(f"{where}: HTTP {r.status_code}: {said[:200]}")
            if r.status_code == 429 or r.status_code >= 500:
                last, unreachable = f"HTTP {r.status_code} on {path}", False
                continue
            if r.status_code >= 400:
                raise DocumentFailed(f"{where}: HTTP {r.status_code} on {path}: {r.text[:200]}")
            try:
                data = r.json()
            except ValueError:
                raise DocumentFailed(f"{where}: {path} did not answer JSON") from None
            if not isinstance(data, dict):
                kind = type(data).__name__
                raise DocumentFailed(f"{where}: {path} answered {kind}, not an object")
            return data
        tries = f"{self.s.retries + 1} attempt(s)"
        if unreachable:
            raise LLMError(f"{where}: {last}; gave up after {tries}")
        raise DocumentFailed(f"{where}: {last}; gave up after {tries}")
