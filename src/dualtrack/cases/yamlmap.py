"""Read a YAML case file into plain data plus a map from each field's path to its line.

Errors found later (by pydantic or the cross-reference checks) name a path such as
`('positions', 3, 'salience')`; the map turns it back into the line a user should edit.
Dates stay strings here (no implicit YAML timestamps) so that an impossible date such as
`2026-02-30` becomes a field error with a line instead of a crash inside the YAML constructor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"

Path_ = tuple[str | int, ...]
# Aliases may repeat this many nodes in all: plenty for a case file that reuses an anchor, far
# below what a "billion laughs" file expands to (its line-map walk would never finish).
MAX_ALIAS_NODES = 100_000
MAX_INT_DIGITS = 30  # no case field needs more; Python refuses ints past 4,300 digits anyway


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader without implicit timestamps; dates are validated by the model."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_TIMESTAMP, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2 booleans only: `no`, `on`, `yes` stay strings (an alias or option `no` is not False).
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _short_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    if sum(ch.isdigit() for ch in str(node.value)) > MAX_INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"a {len(node.value):,}-digit number is not a usable value", node.start_mark
        )
    return yaml.SafeLoader.construct_yaml_int(loader, node)  # type: ignore[no-any-return]


_Loader.add_constructor("tag:yaml.org,2002:int", _short_int)


def _expanded_size(root: yaml.Node) -> int:
    """Nodes the tree has with every alias expanded, counted without expanding (memoised by
    node identity, so shared subtrees cost once)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        kids = _children(node)
        if done:
            sizes[id(node)] = 1 + sum(sizes[id(k)] for k in kids)
            continue
        stack.append((node, True))
        stack.extend((k, False) for k in kids if id(k) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _distinct(root: yaml.Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(_children(node))
    return len(seen)


def _check_aliases(root: yaml.Node) -> None:
    expanded, distinct = _expanded_size(root), _distinct(root)
    if expanded - distinct > MAX_ALIAS_NODES:
        raise yaml.composer.ComposerError(
            None,
            None,
            f"aliases expand the file to over {expanded:,} values (limit: "
            f"{MAX_ALIAS_NODES:,} repeated); write the values out or use fewer aliases",
            root.start_mark,
        )


@dataclass
class LineMap:
    """Line (1-based) of every mapping key and sequence item in the document."""

    lines: dict[Path_, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, int, int]] = field(default_factory=list)  # path, line, first

    def line_of(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest ancestor that the file has."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)


def _walk(node: yaml.Node, path: Path_, out: LineMap) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            child = (*path, key)
            line = key_node.start_mark.line + 1
            if child in out.lines:
                out.duplicate_keys.append((child, line, out.lines[child]))
            else:
                out.lines[child] = line
            _walk(value_node, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = (*path, i)
            out.lines[child] = item.start_mark.line + 1
            _walk(item, child, out)


def load_with_lines(text: str) -> tuple[Any, LineMap]:
    """Parse one YAML document; raises `yaml.MarkedYAMLError` (with a line) on bad syntax."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, LineMap()
        _check_aliases(node)
        lines = LineMap({(): node.start_mark.line + 1})
        _walk(node, (), lines)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return data, lines
