"""Compile many literal strings into one fast regular expression (a trie, longest match first).

A plain alternation of a thousand aliases makes `re` try every branch at every position; the
trie form shares prefixes, so a position that starts no alias fails after one character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of `words`, preferring the longest at each position."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _emit(trie) if trie else r"(?!x)x"


def _emit(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in node.items() if ch != ""]
    if not branches:
        return ""
    # Longer continuations first so the greedy engine takes the longest alias.
    branches.sort(key=len, reverse=True)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body
