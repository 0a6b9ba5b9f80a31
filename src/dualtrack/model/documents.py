"""Documents: the articles events are read from, keyed by the SHA-256 of their text."""

from __future__ import annotations

import datetime as dt
import hashlib

from pydantic import BaseModel, ConfigDict, model_validator


def text_id(text: str) -> str:
    """The id of a text: SHA-256 of its UTF-8 bytes, so the same article is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str = ""
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet or file path
    date: dt.date | None = None  # publication date, the anchor for relative dates
    lang: str | None = None  # "en", "zh-Hant", "zh-Hans"

    @model_validator(mode="after")
    def _derive_id(self) -> Document:
        expected = text_id(self.text)
        if self.id and self.id != expected:
            raise ValueError("document id must be the SHA-256 of its text")
        self.id = expected
        return self
