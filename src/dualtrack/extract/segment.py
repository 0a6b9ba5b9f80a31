"""Sentences and clauses over normalised text, as spans (boundaries: `lang/*/text.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass

from dualtrack.extract.langdata import LangData

# The longest stretch coded as one sentence. Why: the coder's work for each verb grows with its
# sentence, so a document without sentence punctuation (a 5 MB paste of one "sentence") cost time
# quadratic in its length. Real sentences stay far below this; a longer run is cut at a space.
MAX_SENTENCE = 1_000


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    clauses: tuple[tuple[int, int], ...]


def sentences(text: str, lang: LangData) -> list[Sentence]:
    """Split into sentences (and each into clauses), skipping blank stretches."""
    out: list[Sentence] = []
    para = 0
    pos = 0
    for m in lang.sentence_re.finditer(text):
        if not lang.cjk and "\n" not in m.group() and _after_abbreviation(text, m.start(), lang):
            continue
        end = m.end() if m.group().strip() else m.start()
        _add(out, text, pos, end, para, lang)
        if "\n" in m.group():
            para += 1
        pos = m.end()
    _add(out, text, pos, len(text), para, lang)
    return out


def _after_abbreviation(text: str, pos: int, lang: LangData) -> bool:
    # `pos` is where the whitespace after a full stop starts; look at the word before it.
    k = pos
    while k > 0 and text[k - 1] in '"”’)]':
        k -= 1
    j = k
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j:k]
    return word in lang.abbreviations or (len(word) == 2 and word[0].isupper() and word[1] == ".")


def _add(out: list[Sentence], text: str, start: int, end: int, para: int, lang: LangData) -> None:
    """Add text[start:end] as sentences of at most `MAX_SENTENCE` characters."""
    while start < end and text[start].isspace():
        start += 1
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        space = max(text.rfind(" ", start + MAX_SENTENCE // 2, limit),
                    text.rfind("\n", start + MAX_SENTENCE // 2, limit))  # fmt: skip
        cut = space if space > start else limit
        _add_one(out, text, start, cut, para, lang)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    _add_one(out, text, start, end, para, lang)


def _add_one(
    out: list[Sentence], text: str, start: int, end: int, para: int, lang: LangData
) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    clauses: list[tuple[int, int]] = []
    pos = start
    for m in lang.clause_re.finditer(text, start, end):
        if m.start() > pos:
            clauses.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        clauses.append((pos, end))
    out.append(Sentence(start, end, para, tuple(clauses) or ((start, end),)))
