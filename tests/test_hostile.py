"""The hostile corpus: one file per case in tests/hostile/, each with its exact outcome.

Each case file is put into a copy of the mini data folder — as
``updates/ubnd/2026-Q3.yaml``, or as ``programme.yaml`` when its name starts with
``programme-`` — and ``actionplan check`` runs on it. Every case states the exit code and
every line printed; none may print a traceback or write anything.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan import loader
from actionplan.cli import app
from actionplan.dataset import load_dataset

HOSTILE = Path(__file__).parent / "hostile"
MINI = Path(__file__).parent / "fixtures" / "mini"
UPDATE = "data/updates/ubnd/2026-Q3.yaml"
PROGRAMME = "data/programme.yaml"
runner = CliRunner()


def e(where: str, line: int, col: int, code: str, message: str, level: str = "error") -> str:
    location = f"{where}:{line}:{col}" if line else where
    return f"{location}: {level} {code} {message}"


ANCHOR = "Anchors and aliases (&, *) are not allowed; write the value out in full."
CONFLICT = "Git merge-conflict marker '{}': resolve the conflict and remove the markers."
NOT_UTF8 = "Byte {} is not valid UTF-8; re-save the file with UTF-8 encoding."
DATE = "'{}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31."
NUMBER = "'{}' is not a whole number."
EMPTY = "The file is empty (or holds only comments)."

# case → (exit code, problem lines); the summary line is checked separately
CASES: dict[str, tuple[int, list[str]]] = {
    "duplicate-key.yaml": (
        1,
        [e(UPDATE, 3, 1, "AP013", "Duplicate key 'period' (first at line 2); keep only one.")],
    ),
    "union-merge.yaml": (
        1,
        [e(UPDATE, 4, 1, "AP013", "Duplicate key 'submitted' (first at line 3); keep only one.")],
    ),
    "union-merge-entries.yaml": (
        1,
        [
            e(
                UPDATE,
                8,
                5,
                "AP213",
                "A second entry for task "
                "'1.1.4', milestone 'completion' (first at line 5); "
                "keep one entry per milestone in a file.",
            )
        ],
    ),
    "no-as-text.yaml": (0, []),
    "yes-as-status.yaml": (
        1,
        [
            e(
                UPDATE,
                6,
                13,
                "AP106",
                "'yes' is not allowed here; use one of: 'not_started', 'in_progress' or 'done'.",
            )
        ],
    ),
    "programme-yes-as-bool.yaml": (
        1,
        [e(PROGRAMME, 11, 18, "AP110", "'yes' is not true or false.")],
    ),
    "programme-on-as-text.yaml": (0, []),
    "id-1.10.yaml": (1, [e(UPDATE, 5, 11, "AP210", "Unknown task '1.10'.")]),
    "number-010.yaml": (1, [e(UPDATE, 7, 15, "AP109", NUMBER.format("010"))]),
    "number-hex.yaml": (1, [e(UPDATE, 7, 15, "AP109", NUMBER.format("0x1F"))]),
    "number-underscore.yaml": (1, [e(UPDATE, 7, 15, "AP109", NUMBER.format("1_000"))]),
    "number-sexagesimal.yaml": (1, [e(UPDATE, 7, 15, "AP109", NUMBER.format("12:30"))]),
    "number-inf.yaml": (1, [e(UPDATE, 7, 15, "AP109", NUMBER.format(".inf"))]),
    "date-feb-30.yaml": (1, [e(UPDATE, 3, 12, "AP108", DATE.format("2026-02-30"))]),
    "date-unpadded.yaml": (1, [e(UPDATE, 3, 12, "AP108", DATE.format("2026-3-31"))]),
    "date-slashes.yaml": (1, [e(UPDATE, 3, 12, "AP108", DATE.format("03/04/2026"))]),
    "date-time.yaml": (1, [e(UPDATE, 3, 12, "AP108", DATE.format("2026-10-05T10:00:00"))]),
    "null-required.yaml": (1, [e(UPDATE, 6, 5, "AP103", "Missing required key 'status'.")]),
    "empty-required.yaml": (1, [e(UPDATE, 3, 1, "AP103", "Missing required key 'submitted'.")]),
    "empty.yaml": (1, [e(UPDATE, 0, 0, "AP005", EMPTY)]),
    "comments-only.yaml": (1, [e(UPDATE, 0, 0, "AP005", EMPTY)]),
    "unknown-key.yaml": (
        1,
        [e(UPDATE, 7, 5, "AP102", "Unknown key 'progres'; did you mean 'progress'?")],
    ),
    "anchor-alias.yaml": (1, [e(UPDATE, 5, 5, "AP010", ANCHOR), e(UPDATE, 8, 5, "AP010", ANCHOR)]),
    "billion-laughs.yaml": (
        1,
        [
            e(UPDATE, 1, 4, "AP010", ANCHOR),
            e(UPDATE, 2, 4, "AP010", ANCHOR),
            e(UPDATE, 2, 8, "AP010", ANCHOR),
        ],
    ),
    "python-tag.yaml": (
        1,
        [
            e(
                UPDATE,
                5,
                11,
                "AP011",
                "Explicit YAML tags ('tag:yaml.org,"
                "2002:python/object/apply:os.system') are not allowed; write "
                "plain values.",
            )
        ],
    ),
    "several-documents.yaml": (
        1,
        [
            e(
                UPDATE,
                7,
                1,
                "AP012",
                "The file holds more than one YAML document ('---'); keep one document per file.",
            )
        ],
    ),
    "deep-nesting.yaml": (1, [e(UPDATE, 1, 1008, "AP009", "Nesting is deeper than 64 levels.")]),
    "tab-indent.yaml": (
        1,
        [e(UPDATE, 6, 1, "AP008", "Tab character used for indentation; indent with spaces.")],
    ),
    "bom.yaml": (0, []),
    "utf16.yaml": (
        1,
        [
            e(
                UPDATE,
                1,
                1,
                "AP004",
                "The file is encoded as UTF-16; re-save it with UTF-8 encoding.",
            )
        ],
    ),
    "windows-1258.yaml": (1, [e(UPDATE, 7, 13, "AP003", NOT_UTF8.format("0xF4"))]),
    "tcvn3.yaml": (1, [e(UPDATE, 7, 13, "AP003", NOT_UTF8.format("0xE9"))]),
    "vni.yaml": (1, [e(UPDATE, 7, 14, "AP003", NOT_UTF8.format("0xE4"))]),
    "mojibake.yaml": (
        0,
        [
            e(
                UPDATE,
                7,
                12,
                "AP301",
                "Text looks garbled by a wrong encoding "
                "('Bá»™ TÃ i chÃ\xadnh đã có ý'); re-type it or re-save the file "
                "as UTF-8.",
                level="warning",
            )
        ],
    ),
    "programme-nfd-agency.yaml": (
        1,
        [
            e(
                PROGRAMME,
                15,
                11,
                "AP227",
                "Agency name 'Đảng ủy "
                "UBND tỉnh' is already used by agency 'ubnd' (line "
                "13); one agency, one entry.",
            )
        ],
    ),
    "zero-width-id.yaml": (
        1,
        [e(UPDATE, 5, 11, "AP112", "'1.1.4\\u200b' is not a valid id: use 1, 1.2, 1.2.3.")],
    ),
    "bidi-override-id.yaml": (
        1,
        [e(UPDATE, 1, 9, "AP112", "'ub\\u202end' is not a valid id: use a-z, 0-9, -.")],
    ),
    "control-character.yaml": (
        1,
        [e(UPDATE, 7, 16, "AP017", "Control character U+0007 is not allowed; remove it.")],
    ),
    "escape-sequence.yaml": (
        1,
        [e(UPDATE, 7, 11, "AP017", "Control character U+001B is not allowed; remove it.")],
    ),
    "conflict-top-level.yaml": (
        1,
        [
            e(UPDATE, 5, 1, "AP006", CONFLICT.format("<<<<<<<")),
            e(UPDATE, 8, 1, "AP006", CONFLICT.format("=======")),
            e(UPDATE, 12, 1, "AP006", CONFLICT.format(">>>>>>>")),
        ],
    ),
    "conflict-in-block-scalar.yaml": (
        1,
        [
            e(UPDATE, 9, 1, "AP006", CONFLICT.format("<<<<<<<")),
            e(UPDATE, 11, 1, "AP006", CONFLICT.format("=======")),
            e(UPDATE, 13, 1, "AP006", CONFLICT.format(">>>>>>>")),
        ],
    ),
    "crlf.yaml": (0, []),
    "cr.yaml": (0, []),
    "rich-markup-note.yaml": (0, []),
    "workflow-command-note.yaml": (0, []),
    "workflow-command-key.yaml": (
        1,
        [e(UPDATE, 4, 1, "AP101", "Unknown key '::add-mask::secret\\n::error file=x::pwned'.")],
    ),
}


def data_with(case: Path, root: Path) -> Path:
    data = root / "data"
    shutil.copytree(MINI, data)
    if case.name.startswith("programme-"):
        shutil.copy(case, data / "programme.yaml")
    else:
        (data / "updates" / "ubnd").mkdir(parents=True)
        shutil.copy(case, data / "updates" / "ubnd" / "2026-Q3.yaml")
    return data


def tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_every_case_file_has_an_expected_outcome() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, lines = CASES[name]
    data = data_with(HOSTILE / name, tmp_path)
    monkeypatch.chdir(tmp_path)
    before = tree(tmp_path)
    result = runner.invoke(app, ["check", "--data", "data", "--lang", "en"])
    assert result.exit_code == code, result.output
    printed = result.stdout.splitlines()
    files = 1 if name.startswith("programme-") else 2
    checked = f"({files} file{'s' if files > 1 else ''} checked)."
    assert printed[:-1] == lines
    assert printed[-1].endswith(checked)
    assert printed[-1].startswith("No problems found") == (not lines)
    assert "Traceback" not in result.output
    assert tree(tmp_path) == before  # nothing written
    assert data.exists()


def test_values_that_look_like_booleans_stay_text(tmp_path: Path) -> None:
    dataset = load_dataset(data_with(HOSTILE / "no-as-text.yaml", tmp_path))
    [entry] = dataset.updates[0].updates
    assert (entry.note, entry.obstacles, entry.blocked) == ("no", "off", True)
    programme = load_dataset(
        data_with(HOSTILE / "programme-on-as-text.yaml", tmp_path / "b")
    ).programme
    assert programme is not None
    assert programme.sections[0].sections[0].title == "on"


def test_line_endings_do_not_change_values(tmp_path: Path) -> None:
    values = []
    for name in ("crlf.yaml", "cr.yaml", "bom.yaml"):
        dataset = load_dataset(data_with(HOSTILE / name, tmp_path / name))
        values.append(dataset.updates[0].model_dump())
    assert values[0] == values[1] == values[2]


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    data = data_with(HOSTILE / "bom.yaml", tmp_path)
    big = data / "updates" / "ubnd" / "2026-Q3.yaml"
    big.write_bytes(b"agency: ubnd\nnote: " + b"x" * loader.MAX_BYTES + b"\n")
    result = runner.invoke(app, ["check", "--data", str(data), "--lang", "en"])
    assert result.exit_code == 1
    size = big.stat().st_size
    assert result.stdout.splitlines()[0] == (
        f"{big.as_posix()}: error AP002 The file is {size} bytes, over the limit of "
        f"{loader.MAX_BYTES} bytes; split it or remove unneeded content."
    )


@pytest.mark.parametrize(
    "name", ["deep-nesting.yaml", "billion-laughs.yaml", "python-tag.yaml", "utf16.yaml"]
)
def test_crash_prone_cases_in_a_fresh_process(name: str, tmp_path: Path) -> None:
    data = data_with(HOSTILE / name, tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "actionplan", "check", "--data", str(data)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert not Path("/tmp/pwned").exists() or name != "python-tag.yaml"


@pytest.mark.parametrize(
    ("name", "annotations"),
    [
        ("workflow-command-key.yaml", 1),
        ("workflow-command-note.yaml", 0),
        ("rich-markup-note.yaml", 0),
    ],
)
def test_github_output_cannot_be_hijacked(name: str, annotations: int, tmp_path: Path) -> None:
    """User text never starts a line, so it can never be read as a workflow command."""
    data = data_with(HOSTILE / name, tmp_path)
    result = runner.invoke(app, ["check", "--data", str(data), "--format", "github"])
    lines = result.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert all(line.startswith(("::error file=", "::warning file=")) for line in commands)
    assert len(commands) == annotations
    assert not any(line.lstrip().startswith(("::add-mask", "::error file=x")) for line in lines)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("rich-markup-note.yaml", "[bold red]KHẨN[/]"),
        ("workflow-command-note.yaml", "::add-mask::secret"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        ["show", "1.1.4"],
        ["alerts", "--format", "table"],
        ["alerts", "--format", "md"],
        ["report", "--format", "md"],
        ["report", "--format", "html"],
    ],
    ids="-".join,
)
def test_hostile_notes_are_inert_in_every_output(
    name: str, shown: str, command: list[str], tmp_path: Path
) -> None:
    data = data_with(HOSTILE / name, tmp_path)
    args = [*command, "--data", str(data), "--as-of", "2026-12-03", "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    out = result.stdout
    # The note is there as text (the Markdown escaper adds backslashes before [ and ]).
    visible = out.replace("\\[", "[").replace("\\]", "]")
    if command[0] != "alerts" or "1.1.4" in out:
        assert shown in visible or shown in " ".join(visible.split())
    assert not [line for line in out.splitlines() if line.lstrip().startswith("::")]
    assert "\x1b" not in out
