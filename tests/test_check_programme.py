"""Schema and cross-record problems in programme.yaml, each located and explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.dataset import load_dataset

MINI = Path(__file__).parent / "fixtures" / "mini" / "programme.yaml"
pytestmark = pytest.mark.usefixtures("en")


def problems_after(tmp_path: Path, old: str, new: str) -> list[tuple[int, int, str, str]]:
    text = MINI.read_text(encoding="utf-8")
    assert old in text, old
    (tmp_path / "programme.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    dataset = load_dataset(tmp_path)
    return [(p.line, p.col, p.code, p.message()) for p in dataset.problems]


def test_the_fixture_itself_is_clean(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "id: test", "id: test") == []


CASES = [
    (
        "unknown key with a hint",
        '    name: "Đảng ủy UBND tỉnh"',
        '    name: "Đảng ủy UBND tỉnh"\n    secretaria: false',
        [(14, 5, "AP102", "Unknown key 'secretaria'; did you mean 'secretariat'?")],
    ),
    (
        "unknown key without a hint",
        "  issuer:",
        "  zzz: 1\n  issuer:",
        [(4, 3, "AP101", "Unknown key 'zzz'.")],
    ),
    (
        "missing required key",
        '  issuer: "Ban Chấp hành"\n',
        "",
        [(2, 3, "AP103", "Missing required key 'issuer'.")],
    ),
    (
        "empty value counts as absent",
        '  issuer: "Ban Chấp hành"',
        "  issuer:",
        [(4, 3, "AP103", "Missing required key 'issuer'.")],
    ),
    (
        "bad due term",
        'due: "2026-Q4"',
        'due: "Q4/2026"',
        [
            (
                41,
                52,
                "AP107",
                "'Q4/2026' is not a due term; use e.g. 2025, 2026-Q1, 2026-H1, "
                "2026-06, 2026-06-15, 2025..2030, continuous, central or assigned.",
            )
        ],
    ),
    (
        "by must be dated",
        'by: "2025..2030"',
        "by: continuous",
        [
            (
                31,
                65,
                "AP116",
                "'continuous' is not a dated term; use e.g. 2025, 2026-Q1, "
                "2026-06-15 or 2025..2030.",
            )
        ],
    ),
    (
        "yes is not a boolean",
        "secretariat: true",
        "secretariat: yes",
        [(11, 18, "AP110", "'yes' is not true or false.")],
    ),
    (
        "unknown milestone kind",
        'kind: completion, text: "x", due: assigned',
        'kind: deadline, text: "x", due: assigned',
        [
            (
                36,
                24,
                "AP106",
                "'deadline' is not allowed here; use one of: 'scheme', 'completion', "
                "'implementation' or 'proposal'.",
            )
        ],
    ),
    (
        "list expected",
        "leads: [ubnd]\n            milestones:\n              - {kind: completion, "
        'text: "x", due: assigned}',
        "leads: ubnd\n            milestones:\n              - "
        '{kind: completion, text: "x", due: assigned}',
        [(34, 20, "AP114", "Expected a list here (items starting with '- ', or [a, b]).")],
    ),
    (
        "text expected",
        'title: "Mục"',
        "title: [a, b]",
        [(19, 16, "AP115", "Expected text here, not a list or mapping.")],
    ),
    (
        "mapping expected",
        '  province: "Phú Thọ"\n  period:',
        '  province: "Phú Thọ"\n  settings: 30\n  period:',
        [(6, 13, "AP104", "Expected a mapping of keys and values here.")],
    ),
    (
        "number not guessed",
        '  first_period: "2025-Q4"',
        '  first_period: "2025-Q4"\n  settings: {early_warning_days: 030}',
        [(8, 34, "AP109", "'030' is not a whole number.")],
    ),
    (
        "bad id",
        'id: "1.1.3"',
        'id: "1.1.x"',
        [(32, 17, "AP112", "'1.1.x' is not a valid id: use 1, 1.2, 1.2.3.")],
    ),
    (
        "empty text",
        'text: "Việc ba"',
        'text: "  "',
        [(33, 19, "AP111", "This value must not be empty.")],
    ),
    (
        "no milestones",
        'milestones:\n              - {kind: completion, text: "x", due: "2026-Q4"}',
        "milestones: []",
        [(40, 25, "AP117", "At least one item is required here.")],
    ),
    (
        "duplicate task id",
        'id: "1.1.3"',
        'id: "1.1.2"',
        [(32, 17, "AP201", "Duplicate id '1.1.2' (first at line 27); ids must be unique.")],
    ),
    (
        "unknown agency",
        "leads: [ubnd, van-phong]",
        "leads: [ubnd, van-phong, ubdn]",
        [
            (29, 38, "AP202", "Unknown agency 'ubdn'."),
        ],
    ),
    (
        "task outside its section",
        'id: "1.1.4"',
        'id: "1.2.4"',
        [(37, 17, "AP203", "Task id '1.2.4' does not belong to section '1.1'; use '1.1.<n>'.")],
    ),
    (
        "section outside its pillar",
        'id: "1.1"',
        'id: "2.1"',
        [
            (18, 13, "AP204", "Section id '2.1' does not belong under section '1'."),
            (21, 17, "AP203", "Task id '1.1.1' does not belong to section '2.1'; use '2.1.<n>'."),
            (27, 17, "AP203", "Task id '1.1.2' does not belong to section '2.1'; use '2.1.<n>'."),
            (32, 17, "AP203", "Task id '1.1.3' does not belong to section '2.1'; use '2.1.<n>'."),
            (37, 17, "AP203", "Task id '1.1.4' does not belong to section '2.1'; use '2.1.<n>'."),
        ],
    ),
    (
        "no secretariat",
        "secretariat: true",
        "secretariat: false",
        [(9, 3, "AP205", "There must be exactly one secretariat agency; found 0.")],
    ),
    (
        "two milestones of one kind",
        'kind: implementation, text: "Thường xuyên"',
        'kind: scheme, text: "Thường xuyên"',
        [
            (
                26,
                24,
                "AP206",
                "Task '1.1.1' has two milestones of kind 'scheme'; updates could not "
                "tell them apart.",
            )
        ],
    ),
    (
        "agency nobody names",
        "agencies:\n",
        'agencies:\n  - id: idle\n    name: "Ban X"\n',
        [
            (
                9,
                9,
                "AP302",
                "Agency 'idle' is not named by any task; remove it or check the "
                "spelling of its id.",
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_problem(
    tmp_path: Path, old: str, new: str, expected: list[tuple[int, int, str, str]]
) -> None:
    assert problems_after(tmp_path, old, new) == expected


def test_missing_programme_file(tmp_path: Path) -> None:
    dataset = load_dataset(tmp_path)
    [problem] = dataset.problems
    assert (problem.code, problem.message()) == (
        "AP016",
        "Required file is missing: programme.yaml.",
    )
    assert problem.path.endswith("programme.yaml")
