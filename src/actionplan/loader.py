"""Strict YAML loading: bytes → plain values (dict, list, str, None) with source positions.

Every scalar stays the text the user typed (``no``, ``1.10``, ``010``, ``12:30``,
``2026-03-31`` are all strings); only an empty plain value, ``~`` or ``null`` mean
"absent" (None). The models type the values later.

The tree is built from the parser's *event stream* in a loop, never by PyYAML's
recursive composer or constructor: depth is bounded while reading (the C composer
segfaults and the Python one raises RecursionError on deep nesting), and anchors,
aliases, tags, merge keys, duplicate keys and extra documents are refused as they
stream by. Positions are not kept on the fast path; :meth:`Document.locate`
re-reads the text once, tracking every path, when a problem needs a line and column.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actionplan.problems import Problem

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
# Scalars up to this length are interned: keys, ids, statuses and dates repeat in every
# entry, and sharing them keeps a national roll-up's memory in proportion.
_INTERN_MAX = 32

Pos = tuple[int, int]
PathKey = tuple[str | int, ...]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Git writes markers at the start of a line; indented ones are accepted too because a
# hand-resolved conflict inside a block scalar may have been re-indented.
_CONFLICT_MARKER = re.compile(
    r"^[ \t]*(?:(<{7}|>{7}|\|{7})(?:[ \t].*)?|(={7}))[ \t]*\r?$", re.MULTILINE
)
# C0/C1 controls except tab and line breaks; ESC sequences in notes must not reach
# a terminal, and YAML's "\e" escape can smuggle them past the reader.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_UTF16_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


@dataclass
class Document:
    """One loaded file: its plain data and, on demand, where each value came from."""

    path: str
    text: str
    data: Any
    _values: dict[PathKey, Pos] | None = field(default=None, repr=False)
    _keys: dict[PathKey, Pos] | None = field(default=None, repr=False)

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> Pos:
        """(line, col) of the value at ``loc`` (of its key when ``key``), 1-based.

        A path that does not exist (a missing key) falls back to its nearest
        existing ancestor, so every problem still points somewhere useful.
        """
        if self._values is None:
            builder = _Builder(self.path, track=True)
            builder.run(self.text)
            self._values, self._keys = builder.values, builder.keys
        assert self._values is not None and self._keys is not None
        path = tuple(loc)
        if key and path in self._keys:
            return self._keys[path]
        while path:
            if path in self._values:
                return self._values[path]
            path = path[:-1]
        return self._values.get((), (1, 1))


def load_file(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse ``path``; on any problem the document is None."""
    name = display if display is not None else str(path)
    raw, problems = read_file(path, name)
    if raw is None:
        return None, problems
    return load_bytes(raw, name)


def read_file(path: Path, name: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of ``path`` (refused beyond :data:`MAX_BYTES`), or the reason why not.

    Plain system calls (open, fstat, read): file objects cost more than the read itself
    when a national roll-up reads thousands of small files on every run."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            size = os.fstat(fd).st_size
            if size > MAX_BYTES:
                return None, [Problem.at(name, (0, 0), "AP002", size=size, limit=MAX_BYTES)]
            chunks: list[bytes] = []  # until EOF: a read may be short, a file may grow
            while chunk := os.read(fd, size + 1 if not chunks else 1 << 20):
                chunks.append(chunk)
            return b"".join(chunks), []
        finally:
            os.close(fd)
    except OSError as exc:
        return None, [Problem.at(name, (0, 0), "AP001", reason=exc.strerror or exc)]


def load_bytes(raw: bytes, name: str) -> tuple[Document | None, list[Problem]]:
    """Decode, screen and parse one file's bytes."""
    if len(raw) > MAX_BYTES:
        return None, [Problem.at(name, (0, 0), "AP002", size=len(raw), limit=MAX_BYTES)]
    text, problem = decode(raw, name)
    if problem is not None:
        return None, [problem]
    assert text is not None
    return load_text(text, name)


def load_text(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    """Parse already-decoded text (used directly by tests and git revisions)."""
    problems = list(_screen(text, name))
    if problems:
        return None, problems
    builder = _Builder(name, track=False)
    data = builder.run(text)
    if builder.problems:
        return None, sorted(builder.problems)
    if builder.empty or data is None:
        return None, [Problem.at(name, (0, 0), "AP005")]
    return Document(name, text, data), []


def decode(raw: bytes, name: str) -> tuple[str | None, Problem | None]:
    """UTF-8 (a BOM is fine) or a located problem telling the user to re-save as UTF-8."""
    for bom, encoding in _UTF16_BOMS.items():
        if raw.startswith(bom):
            return None, Problem.at(name, (1, 1), "AP004", encoding=encoding)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif _looks_utf16(raw):
        return None, Problem.at(name, (1, 1), "AP004", encoding="UTF-16")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        return None, Problem.at(name, (line, col), "AP003", byte=f"0x{raw[exc.start]:02X}")
    return text, None


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII text with a NUL beside nearly every character."""
    head = raw[:200]
    return len(head) >= 4 and head.count(0) * 3 >= len(head)


def _screen(text: str, name: str) -> Iterator[Problem]:
    """Checks on the raw text that the parser would not make (or would make badly)."""
    for match in _CONFLICT_MARKER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield Problem.at(name, (line, 1), "AP006", marker=match.group(1) or match.group(2))
    for match in _CONTROL.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text.count("\n", 0, match.start()) + 1
        yield Problem.at(
            name,
            (line, match.start() - line_start + 1),
            "AP017",
            char=f"U+{ord(match.group()):04X}",
        )


class _Stop(Exception):
    """A problem after which the rest of the file cannot be read sensibly."""


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    path: PathKey  # only kept when tracking positions
    is_map: bool
    key: str | None = None  # mapping: the key waiting for its value
    key_pos: Pos = (0, 0)
    key_lines: dict[str, int] = field(default_factory=dict)
    key_ok: bool = True  # False when the pending key was refused (value is dropped)


def _pos(event: Any) -> Pos:
    """1-based (line, column) where an event starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """Turns a YAML event stream into plain values, refusing what the format forbids."""

    def __init__(self, name: str, *, track: bool) -> None:
        self.name = name
        self.track = track
        self.problems: list[Problem] = []
        self.values: dict[PathKey, Pos] = {}
        self.keys: dict[PathKey, Pos] = {}
        self.empty = True

    def run(self, text: str) -> Any:
        import yaml

        loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        loader = loader_cls(text)
        try:
            return self._walk(loader, yaml)
        except _Stop:
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            pos = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            problem = exc.problem or str(exc)
            if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
                self.problems.append(Problem.at(self.name, pos, "AP008"))
            elif "maximum nesting depth" in problem:
                self.problems.append(Problem.at(self.name, pos, "AP009", limit=MAX_DEPTH))
            else:
                detail = problem + (f" ({exc.context})" if exc.context else "")
                self.problems.append(Problem.at(self.name, pos, "AP007", detail=detail))
            return None
        except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
            self.problems.append(self._reader_problem(text, exc))
            return None
        finally:
            loader.dispose()

    def _reader_problem(self, text: str, exc: Exception) -> Problem:
        index = getattr(exc, "position", 0)
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        char = getattr(exc, "character", None)
        if isinstance(char, str):
            char = f"U+{ord(char):04X}"
        elif isinstance(char, int):
            char = f"U+{char:04X}"
        return Problem.at(self.name, (line, col), "AP017", char=char or "?")

    def _walk(self, loader: Any, yaml: Any) -> Any:
        # The hot loop of every command: one pass per event, positions computed only
        # when tracking or reporting (see :meth:`Document.locate`).
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        document_start = yaml.DocumentStartEvent
        check_event, get_event = loader.check_event, loader.get_event
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        while check_event():
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    self._refuse_anchor_or_tag(event)
                value: Any = event.value
                plain = not event.style  # "" from the C parser, None from the Python one
                if plain and value in _NULLS:
                    value = None
                else:
                    if not value.isascii():
                        value = _nfc(value)
                    if len(value) <= _INTERN_MAX:  # ids, statuses, dates, keys repeat a lot
                        value = sys.intern(value)
                    if event.style == '"':  # only escapes can smuggle controls past the screen
                        self._refuse_controls(value, event)
                    if plain and value == "<<" and stack:
                        top = stack[-1]
                        if top.is_map and top.key is None:
                            self.problems.append(Problem.at(self.name, _pos(event), "AP014"))
                root = self._add(stack, value, event, root)
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    self._refuse_anchor_or_tag(event)
                if len(stack) >= MAX_DEPTH:
                    self.problems.append(
                        Problem.at(self.name, _pos(event), "AP009", limit=MAX_DEPTH)
                    )
                    raise _Stop
                is_map = kind is mapping_start
                container: dict[str, Any] | list[Any] = {} if is_map else []
                root = self._add(stack, container, event, root)
                path: PathKey = ()
                if self.track and stack:
                    path = stack[-1].path + (self._child_key(stack),)
                stack.append(_Frame(container, path, is_map))
            elif kind is mapping_end or kind is sequence_end:
                stack.pop()
                if stack and stack[-1].is_map:
                    stack[-1].key = None
            elif kind is alias_event:
                self.problems.append(Problem.at(self.name, _pos(event), "AP010"))
                raise _Stop
            elif kind is document_start:
                documents += 1
                if documents > 1:
                    self.problems.append(Problem.at(self.name, _pos(event), "AP012"))
                    raise _Stop
                self.empty = False
        return root

    def _refuse_anchor_or_tag(self, event: Any) -> None:
        if event.anchor is not None:
            self.problems.append(Problem.at(self.name, _pos(event), "AP010"))
        if event.tag is not None and event.tag != "!":
            self.problems.append(Problem.at(self.name, _pos(event), "AP011", tag=event.tag))

    def _refuse_controls(self, value: str, event: Any) -> None:
        match = _CONTROL.search(value)
        if match:
            self.problems.append(
                Problem.at(self.name, _pos(event), "AP017", char=f"U+{ord(match.group()):04X}")
            )

    def _child_key(self, stack: list[_Frame]) -> str | int:
        """Path component of the node now being added to the top frame."""
        top = stack[-1]
        if isinstance(top.container, list):
            return len(top.container) - 1
        assert top.key is not None
        return top.key

    def _add(self, stack: list[_Frame], value: Any, event: Any, root: Any) -> Any:
        if not stack:
            if self.track:
                self.values[()] = _pos(event)
            return value
        top = stack[-1]
        container = top.container
        if not top.is_map:
            assert isinstance(container, list)
            container.append(value)
            if self.track:
                self.values[top.path + (len(container) - 1,)] = _pos(event)
            return root
        assert isinstance(container, dict)
        if top.key is None:  # this node is a key
            if not isinstance(value, str):
                if value is None:
                    value = ""
                else:
                    self.problems.append(Problem.at(self.name, _pos(event), "AP015"))
                    raise _Stop
            first = top.key_lines.get(value)
            if first is not None:
                self.problems.append(
                    Problem.at(self.name, _pos(event), "AP013", key=value, first_line=first)
                )
                top.key_ok = False
            else:
                top.key_lines[value] = event.start_mark.line + 1
                top.key_ok = True
            top.key = value
            if self.track:
                top.key_pos = _pos(event)
            return root
        if top.key_ok:
            container[top.key] = value
            if self.track:
                self.values[top.path + (top.key,)] = _pos(event)
                self.keys[top.path + (top.key,)] = top.key_pos
        if not isinstance(value, dict | list):
            top.key = None
        return root


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based (line, column), or '' past the end."""
    lines = text.splitlines()
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _nfc(text: str) -> str:
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else unicodedata.normalize("NFC", text)
    )
