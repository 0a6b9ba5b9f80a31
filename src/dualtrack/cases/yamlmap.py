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
        lines = LineMap({(): node.start_mark.line + 1})
        _walk(node, (), lines)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return data, lines
