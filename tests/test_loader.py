"""The strict loader: values stay as typed, and every refusal is located and explained."""

from __future__ import annotations

import pytest

from actionplan import loader
from actionplan.loader import load_bytes, load_text

pytestmark = pytest.mark.usefixtures("en")


def problems_of(content: str | bytes) -> list[tuple[int, int, str, str]]:
    if isinstance(content, bytes):
        doc, problems = load_bytes(content, "f.yaml")
    else:
        doc, problems = load_text(content, "f.yaml")
    assert (doc is None) == bool(problems)
    return [(p.line, p.col, p.code, p.message()) for p in problems]


def test_every_scalar_stays_text() -> None:
    doc, problems = load_text(
        "a: no\nb: 1.10\nc: 010\nd: 12:30\ne: 2026-03-31\nf: yes\ng: 0x1F\nh: 1_000\n"
        "i: .inf\nj: 1e3\nk: true\nl: 2026-03-31T10:00:00\n",
        "f.yaml",
    )
    assert problems == []
    assert doc is not None
    assert doc.data == {
        "a": "no",
        "b": "1.10",
        "c": "010",
        "d": "12:30",
        "e": "2026-03-31",
        "f": "yes",
        "g": "0x1F",
        "h": "1_000",
        "i": ".inf",
        "j": "1e3",
        "k": "true",
        "l": "2026-03-31T10:00:00",
    }


def test_only_empty_tilde_and_null_are_absent() -> None:
    doc, _ = load_text("a:\nb: ~\nc: null\nd: NULL\ne: ''\nf: 'null'\ng: \"~\"\n", "f.yaml")
    assert doc is not None
    assert doc.data == {"a": None, "b": None, "c": None, "d": None, "e": "", "f": "null", "g": "~"}


def test_text_is_nfc_normalised() -> None:
    decomposed = "Vie\u0302\u0323t Nam"
    doc, _ = load_text(f"name: {decomposed}\n", "f.yaml")
    assert doc is not None
    assert doc.data["name"] == "Việt Nam"


def test_utf8_bom_is_accepted() -> None:
    doc, problems = load_bytes("\ufeffa: Việt\n".encode(), "f.yaml")
    assert problems == []
    assert doc is not None
    assert doc.data == {"a": "Việt"}


REJECTIONS = [
    (
        "duplicate key",
        "a: 1\nb: 2\na: 3\n",
        [(3, 1, "AP013", "Duplicate key 'a' (first at line 1); keep only one.")],
    ),
    (
        "duplicate after NFC",
        "Vie\u0302\u0323t: 1\nVi\u1ec7t: 2\n",
        [(2, 1, "AP013", "Duplicate key 'Việt' (first at line 1); keep only one.")],
    ),
    (
        "nested duplicate",
        "x:\n  - k: 1\n    k: 2\n",
        [(3, 5, "AP013", "Duplicate key 'k' (first at line 2); keep only one.")],
    ),
    (
        "anchor and alias",
        "a: &x 1\nb: *x\n",
        [
            (
                1,
                4,
                "AP010",
                "Anchors and aliases (&, *) are not allowed; write the value out in full.",
            ),
            (
                2,
                4,
                "AP010",
                "Anchors and aliases (&, *) are not allowed; write the value out in full.",
            ),
        ],
    ),
    (
        "merge key",
        "base: {a: 1}\nother:\n  <<: {b: 2}\n",
        [(3, 3, "AP014", "Merge keys ('<<') are not allowed; write the keys out in full.")],
    ),
    (
        "explicit tag",
        "a: !!python/object/apply:os.system ['ls']\n",
        [
            (
                1,
                4,
                "AP011",
                "Explicit YAML tags ('tag:yaml.org,2002:python/object/apply:os.system') "
                "are not allowed; write plain values.",
            )
        ],
    ),
    (
        "str tag",
        "a: !!str 10\n",
        [
            (
                1,
                4,
                "AP011",
                "Explicit YAML tags ('tag:yaml.org,2002:str') are not allowed; write plain values.",
            )
        ],
    ),
    (
        "several documents",
        "a: 1\n---\nb: 2\n",
        [
            (
                2,
                1,
                "AP012",
                "The file holds more than one YAML document ('---'); keep one document per file.",
            )
        ],
    ),
    ("empty file", "", [(0, 0, "AP005", "The file is empty (or holds only comments).")]),
    (
        "comments only",
        "# nothing\n\n# here\n",
        [(0, 0, "AP005", "The file is empty (or holds only comments).")],
    ),
    (
        "only a document marker",
        "---\n",
        [(0, 0, "AP005", "The file is empty (or holds only comments).")],
    ),
    (
        "conflict markers",
        "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> theirs\n",
        [
            (
                2,
                1,
                "AP006",
                "Git merge-conflict marker '<<<<<<<': resolve the conflict and remove the markers.",
            ),
            (
                4,
                1,
                "AP006",
                "Git merge-conflict marker '=======': resolve the conflict and remove the markers.",
            ),
            (
                6,
                1,
                "AP006",
                "Git merge-conflict marker '>>>>>>>': resolve the conflict and remove the markers.",
            ),
        ],
    ),
    (
        "conflict inside a block scalar",
        "note: |\n  first\n<<<<<<< ours\n  second\n",
        [
            (
                3,
                1,
                "AP006",
                "Git merge-conflict marker '<<<<<<<': resolve the conflict and remove the markers.",
            )
        ],
    ),
    (
        "tab indentation",
        "a:\n\tb: 1\n",
        [(2, 1, "AP008", "Tab character used for indentation; indent with spaces.")],
    ),
    (
        "syntax error",
        "a: [1, 2\nb: 3\n",
        [
            (
                2,
                2,
                "AP007",
                "YAML syntax error: did not find expected ',' or ']' (while parsing "
                "a flow sequence).",
            )
        ],
    ),
    (
        "complex key",
        "? [a, b]\n: 1\n",
        [(1, 3, "AP015", "A key must be plain text, not a list or mapping.")],
    ),
    (
        "escape sequence smuggled",
        'note: "red \\e[31m text"\n',
        [(1, 7, "AP017", "Control character U+001B is not allowed; remove it.")],
    ),
    (
        "raw control character",
        "note: bell\x07\n",
        [(1, 11, "AP017", "Control character U+0007 is not allowed; remove it.")],
    ),
]


@pytest.mark.parametrize(
    ("content", "expected"), [c[1:] for c in REJECTIONS], ids=[c[0] for c in REJECTIONS]
)
def test_rejections_are_located_and_explained(
    content: str, expected: list[tuple[int, int, str, str]]
) -> None:
    assert problems_of(content) == expected


def test_block_nesting_deeper_than_the_limit() -> None:
    content = "".join("  " * i + f"k{i}:\n" for i in range(loader.MAX_DEPTH + 5))
    limit = loader.MAX_DEPTH
    assert problems_of(content) == [
        (limit + 1, 2 * limit + 1, "AP009", f"Nesting is deeper than {limit} levels.")
    ]


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_flow_nesting_100000_deep_does_not_crash(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    content = "a: " + opener * 100_000 + closer * 100_000 + "\n"
    [(line, _col, code, _message)] = problems_of(content)
    assert (line, code) == (1, "AP009")


def test_file_over_the_size_limit(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "big.yaml"  # type: ignore[operator]
    path.write_bytes(b"a: " + b"x" * loader.MAX_BYTES + b"\n")
    doc, problems = loader.load_file(path, "big.yaml")
    assert doc is None
    size = loader.MAX_BYTES + 4
    assert [(p.line, p.col, p.code, p.message()) for p in problems] == [
        (
            0,
            0,
            "AP002",
            f"The file is {size} bytes, over the limit of {loader.MAX_BYTES} "
            "bytes; split it or remove unneeded content.",
        )
    ]


BAD_BYTES = [
    (
        "windows-1258",
        "a: ok\nb: Vi\u00ea\u0323t\n".encode("cp1258"),
        (2, 6, "AP003", "Byte 0xEA is not valid UTF-8; re-save the file with UTF-8 encoding."),
    ),
    (
        "latin-1 in a later line",
        b"a: 1\nbb: caf\xe9\n",
        (2, 8, "AP003", "Byte 0xE9 is not valid UTF-8; re-save the file with UTF-8 encoding."),
    ),
    (
        "utf-16 with bom",
        "a: 1\n".encode("utf-16"),
        (1, 1, "AP004", "The file is encoded as UTF-16; re-save it with UTF-8 encoding."),
    ),
    (
        "utf-16 without bom",
        "agency: x\n".encode("utf-16-le"),
        (1, 1, "AP004", "The file is encoded as UTF-16; re-save it with UTF-8 encoding."),
    ),
    (
        "utf-32",
        "a: 1\n".encode("utf-32"),
        (1, 1, "AP004", "The file is encoded as UTF-32; re-save it with UTF-8 encoding."),
    ),
]


@pytest.mark.parametrize(
    ("raw", "expected"), [c[1:] for c in BAD_BYTES], ids=[c[0] for c in BAD_BYTES]
)
def test_bytes_that_are_not_utf8(raw: bytes, expected: tuple[int, int, str, str]) -> None:
    assert problems_of(raw) == [expected]


def test_locate_points_at_values_keys_and_nearest_parent() -> None:
    doc, _ = load_text("tasks:\n  - id: '1'\n    leads: [a, b]\n  - id: x\n", "f.yaml")
    assert doc is not None
    assert doc.locate(("tasks", 1, "id")) == (4, 9)
    assert doc.locate(("tasks", 0, "leads", 1)) == (3, 16)
    assert doc.locate(("tasks", 0, "leads"), key=True) == (3, 5)
    assert doc.locate(("tasks", 0, "missing")) == (2, 5)
    assert doc.locate(()) == (1, 1)


def test_crlf_and_cr_line_endings_read_like_lf() -> None:
    for text in ("a: 1\r\nb: x\r\n", "a: 1\rb: x\r"):
        doc, problems = load_text(text, "f.yaml")
        assert problems == []
        assert doc is not None
        assert doc.data == {"a": "1", "b": "x"}
