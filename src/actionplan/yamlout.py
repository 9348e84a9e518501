"""A small deterministic YAML writer for the files the tool generates.

PyYAML's emitter folds long lines and picks quoting by heuristics that change between
versions; generated files must be byte-identical on re-import and read the same by
any YAML tool. So: block style, keys in the order given, every string double-quoted
unless it is a plain slug that no YAML 1.1 reader could take for anything but text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_PLAIN_SAFE = re.compile(r"[a-z][a-z0-9_-]*\Z")
# Words YAML 1.1 resolvers read as booleans or null even in lower case.
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]')

Value = str | int | bool | None | Mapping[str, "Value"] | Sequence["Value"]


def quote(text: str) -> str:
    """A YAML double-quoted scalar for ``text`` (non-ASCII letters kept as they are)."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _ESCAPES.get(char) or f"\\u{ord(char):04x}"

    return '"' + _NEEDS_ESCAPE.sub(escape, text) + '"'


def scalar(value: str | int | bool | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if _PLAIN_SAFE.match(value) and value not in _YAML11_WORDS:
        return value
    return quote(value)


def dump(value: Mapping[str, Value], header: str = "") -> str:
    """The document for a top-level mapping, with an optional comment header."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    _mapping(value, 0, lines)
    return "\n".join(lines) + "\n"


def _mapping(value: Mapping[str, Value], indent: int, lines: list[str], first: str = "") -> None:
    pad = " " * indent
    for i, (key, item) in enumerate(value.items()):
        lead = first if i == 0 and first else pad
        _entry(f"{lead}{scalar(key)}:", item, indent, lines)


def _entry(prefix: str, item: Value, indent: int, lines: list[str]) -> None:
    if isinstance(item, Mapping):
        if not item:
            lines.append(f"{prefix} {{}}")
        else:
            lines.append(prefix)
            _mapping(item, indent + 2, lines)
    elif isinstance(item, str | int | bool) or item is None:
        lines.append(f"{prefix} {scalar(item)}")
    elif all(isinstance(x, str | int | bool) or x is None for x in item):
        # Short lists of scalars (leads, evidence) read best on one line.
        items = [scalar(x) for x in item if isinstance(x, str | int | bool) or x is None]
        lines.append(f"{prefix} [" + ", ".join(items) + "]")
    else:
        lines.append(prefix)
        _sequence(item, indent + 2, lines)


def _sequence(value: Sequence[Value], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in value:
        if isinstance(item, Mapping) and item:
            _mapping(item, indent + 2, lines, first=f"{pad}- ")
        elif isinstance(item, str | int | bool) or item is None:
            lines.append(f"{pad}- {scalar(item)}")
        elif isinstance(item, Mapping):
            lines.append(f"{pad}- {{}}")
        elif not item:
            lines.append(f"{pad}- []")
        else:
            lines.append(f"{pad}-")
            _sequence(item, indent + 2, lines)
