"""Update files, decisions and the data folder's layout: each rule located and explained."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from actionplan.dataset import load_dataset

MINI = Path(__file__).parent / "fixtures" / "mini"
pytestmark = pytest.mark.usefixtures("en")

GOOD = """\
agency: ubnd
period: 2026-Q3
submitted: 2026-10-05
updates:
  - task: "1.1.1"
    milestone: scheme
    status: in_progress
    progress: 60
  - task: "1.1.4"
    status: done
    done_on: 2026-09-30
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(MINI, root)
    return root


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems(root: Path) -> list[tuple[str, int, int, str, str]]:
    dataset = load_dataset(root)
    return [(Path(p.path).name, p.line, p.col, p.code, p.message()) for p in dataset.problems]


def test_a_good_update_file_is_clean(data: Path) -> None:
    write(data, "updates/ubnd/2026-Q3.yaml", GOOD)
    assert problems(data) == []
    assert len(load_dataset(data).updates) == 1


CASES = [
    (
        "folder is not the agency",
        "updates/van-phong/2026-Q3.yaml",
        GOOD.replace('task: "1.1.4"', 'task: "1.1.2"'),
        [
            (
                "2026-Q3.yaml",
                1,
                9,
                "AP207",
                "The file is in folder 'van-phong' but says agency "
                "'ubnd'; move it to updates/ubnd/ or correct the agency.",
            )
        ],
    ),
    (
        "file name is not the period",
        "updates/ubnd/2026-Q2.yaml",
        GOOD,
        [
            (
                "2026-Q2.yaml",
                2,
                9,
                "AP208",
                "The file is named '2026-Q2.yaml' but says period "
                "'2026-Q3'; rename it to 2026-Q3.yaml or correct the period.",
            )
        ],
    ),
    (
        "unknown task",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace('"1.1.4"', '"1.1.9"'),
        [("2026-Q3.yaml", 9, 11, "AP210", "Unknown task '1.1.9'.")],
    ),
    (
        "unknown milestone",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("milestone: scheme", "milestone: proposal"),
        [
            (
                "2026-Q3.yaml",
                6,
                16,
                "AP211",
                "Task '1.1.1' has no milestone 'proposal'; it has: scheme, implementation.",
            )
        ],
    ),
    (
        "not the agency's task",
        "updates/van-phong/2026-Q3.yaml",
        GOOD.replace("agency: ubnd", "agency: van-phong"),
        [],
    ),  # the secretariat may
    (
        "agency outside its lane",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("submitted: 2026-10-05", "submitted: 2026-10-05").replace(
            "agency: ubnd", "agency: ubnd"
        ),
        [],
    ),
    (
        "two entries for one milestone",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace('"1.1.4"', '"1.1.1"\n    milestone: scheme'),
        [
            (
                "2026-Q3.yaml",
                9,
                5,
                "AP213",
                "A second entry for task '1.1.1', milestone 'scheme' "
                "(first at line 5); keep one entry per milestone in a file.",
            )
        ],
    ),
    (
        "period before the first period",
        "updates/ubnd/2025-Q3.yaml",
        GOOD.replace("period: 2026-Q3", "period: 2025-Q3").replace("2026-09-30", "2025-09-30"),
        [
            (
                "2025-Q3.yaml",
                2,
                9,
                "AP214",
                "Period 2025-Q3 is before the programme's first reporting period 2025-Q4.",
            )
        ],
    ),
    (
        "submitted before the period starts",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("submitted: 2026-10-05", "submitted: 2026-06-30").replace(
            "2026-09-30", "2026-06-01"
        ),
        [
            (
                "2026-Q3.yaml",
                3,
                12,
                "AP215",
                "Submitted on 2026-06-30, before period 2026-Q3 "
                "begins; check the period and the date.",
            )
        ],
    ),
    (
        "done after submission",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("done_on: 2026-09-30", "done_on: 2026-10-06"),
        [
            (
                "2026-Q3.yaml",
                11,
                14,
                "AP218",
                "done_on 2026-10-06 is after the file's submitted date 2026-10-05.",
            )
        ],
    ),
    (
        "done without a date",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("    done_on: 2026-09-30\n", ""),
        [
            (
                "2026-Q3.yaml",
                9,
                5,
                "AP119",
                "A task reported 'done' needs the date it was done: add done_on: YYYY-MM-DD.",
            )
        ],
    ),
    (
        "a date that is not ISO",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("2026-10-05", "05/10/2026"),
        [
            (
                "2026-Q3.yaml",
                3,
                12,
                "AP108",
                "'05/10/2026' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.",
            )
        ],
    ),
    (
        "an impossible date",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("2026-09-30", "2026-02-30"),
        [
            (
                "2026-Q3.yaml",
                11,
                14,
                "AP108",
                "'2026-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.",
            )
        ],
    ),
    (
        "progress out of range",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("progress: 60", "progress: 160"),
        [("2026-Q3.yaml", 8, 15, "AP113", "The number 160 is too large; the most allowed is 100.")],
    ),
    (
        "status unknown",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("status: in_progress", "status: started"),
        [
            (
                "2026-Q3.yaml",
                7,
                13,
                "AP106",
                "'started' is not allowed here; use one of: "
                "'not_started', 'in_progress' or 'done'.",
            )
        ],
    ),
    (
        "a javascript link",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("progress: 60", 'progress: 60\n    note: "[x](javascript:alert(1))"'),
        [
            (
                "2026-Q3.yaml",
                9,
                11,
                "AP121",
                "Only http(s) and mailto links are allowed in text ('javascript:').",
            )
        ],
    ),
    (
        "evidence must be a list",
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("progress: 60", 'progress: 60\n    evidence: "Tờ trình số 1"'),
        [
            (
                "2026-Q3.yaml",
                9,
                15,
                "AP114",
                "Expected a list here (items starting with '- ', or [a, b]).",
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("relative", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_update_problem(
    data: Path, relative: str, text: str, expected: list[tuple[str, int, int, str, str]]
) -> None:
    write(data, relative, text)
    assert problems(data) == expected


def test_agency_reporting_on_a_task_it_does_not_lead(data: Path) -> None:
    programme = data / "programme.yaml"
    programme.write_text(
        programme.read_text(encoding="utf-8").replace(
            "agencies:\n", 'agencies:\n  - id: ban\n    name: "Ban X"\n'
        ),
        encoding="utf-8",
    )
    programme.write_text(
        programme.read_text(encoding="utf-8").replace(
            'leads: [ubnd]\n            milestones:\n              - {kind: completion, text: "x", '
            'due: "2026-Q4"}',
            "leads: [ban]\n            milestones:\n              - {kind: "
            'completion, text: "x", due: "2026-Q4"}',
        ),
        encoding="utf-8",
    )
    write(data, "updates/ubnd/2026-Q3.yaml", GOOD)
    assert problems(data) == [
        (
            "2026-Q3.yaml",
            9,
            11,
            "AP212",
            "Agency 'ubnd' does not lead task '1.1.4' (leads: "
            "ban); only the secretariat may report on other agencies' tasks.",
        )
    ]


def test_history_warnings(data: Path) -> None:
    write(
        data,
        "updates/ubnd/2026-Q2.yaml",
        GOOD.replace("2026-Q3", "2026-Q2")
        .replace("2026-10-05", "2026-07-05")
        .replace("progress: 60", "progress: 80")
        .replace("2026-09-30", "2026-06-30"),
    )
    write(
        data,
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace(
            "status: done\n    done_on: 2026-09-30", 'status: in_progress\n    obstacles: ""'
        ),
    )
    assert problems(data) == [
        (
            "2026-Q3.yaml",
            8,
            15,
            "AP303",
            "Progress 60 is lower than this agency's previous "
            "report (80); correct it or explain why in the note.",
        ),
        (
            "2026-Q3.yaml",
            10,
            13,
            "AP304",
            "This milestone was reported done before and is now "
            "'in_progress' without a note saying why.",
        ),
    ]
    write(
        data,
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace(
            "status: done\n    done_on: 2026-09-30", 'status: in_progress\n    note: "Mở lại"'
        ),
    )
    assert [p[3] for p in problems(data)] == ["AP303"]


def test_obstacles_on_a_done_entry_is_a_warning(data: Path) -> None:
    write(data, "updates/ubnd/2026-Q3.yaml", GOOD + '    obstacles: "Thiếu kinh phí"\n')
    assert problems(data) == [
        (
            "2026-Q3.yaml",
            12,
            16,
            "AP305",
            "An entry reported done should not list obstacles; remove them or change the status.",
        )
    ]


def test_decisions_name_known_tasks_and_dated_terms(data: Path) -> None:
    write(
        data,
        "decisions.yaml",
        """\
decisions:
  - task: "1.1.9"
    action: extend
    due: 2027-Q2
    ref: "Thông báo số 45-TB/TU"
    date: 2026-11-10
  - task: "1.1.3"
    action: schedule
    due: central
    ref: "Thông báo số 46-TB/TU"
    date: 2026-11-10
""",
    )
    assert problems(data) == [
        ("decisions.yaml", 2, 11, "AP210", "Unknown task '1.1.9'."),
        (
            "decisions.yaml",
            9,
            10,
            "AP116",
            "'central' is not a dated term; use e.g. 2025, 2026-Q1, 2026-06-15 or 2025..2030.",
        ),
    ]


def test_files_that_do_not_belong(data: Path) -> None:
    write(data, "updates/ubnd/2026-Q3.yml", GOOD)
    write(data, "updates/ubnd/old/2026-Q2.yaml", GOOD)
    write(data, "updates/nobody/2026-Q3.yaml", GOOD.replace("ubnd", "nobody"))
    write(data, "updates/stray.yaml", GOOD)
    write(data, "decision.yaml", "decisions: []\n")
    write(data, "updates/ubnd/.gitkeep", "")
    write(data, "README.md", "notes\n")
    (data / "updates" / "ubnd" / "2026-Q1.yaml").symlink_to(data / "programme.yaml")
    assert problems(data) == [
        (
            "decision.yaml",
            0,
            0,
            "AP216",
            "'decision.yaml' does not belong in the data folder; "
            "only programme.yaml, decisions.yaml, updates/ and source/ do.",
        ),
        (
            "nobody",
            0,
            0,
            "AP209",
            "Folder 'nobody' is not an agency id; use one of: ubnd, van-phong.",
        ),
        ("2026-Q3.yaml", 1, 9, "AP202", "Unknown agency 'nobody'."),
        (
            "stray.yaml",
            0,
            0,
            "AP221",
            "'stray.yaml' is directly in updates/; put it in updates/<agency>/.",
        ),
        (
            "2026-Q1.yaml",
            0,
            0,
            "AP219",
            "'2026-Q1.yaml' is a symbolic link; commit the file itself.",
        ),
        (
            "2026-Q3.yml",
            0,
            0,
            "AP217",
            "'2026-Q3.yml' is not an update file name; name it "
            "after its period, e.g. 2026-Q3.yaml.",
        ),
        (
            "old",
            0,
            0,
            "AP220",
            "'old' is a folder inside an agency folder; update files go "
            "directly in updates/<agency>/.",
        ),
    ]


def test_garbled_text_is_a_warning(data: Path) -> None:
    write(
        data,
        "updates/ubnd/2026-Q3.yaml",
        GOOD.replace("progress: 60", 'progress: 60\n    note: "Bá»™ TÃ i chÃ­nh"'),
    )
    assert problems(data) == [
        (
            "2026-Q3.yaml",
            9,
            12,
            "AP301",
            "Text looks garbled by a wrong encoding ('Bá»™ TÃ i "
            "chÃ\xadnh'); re-type it or re-save the file as UTF-8.",
        )
    ]


def test_schedule_later_than_the_backstop_is_a_warning(data: Path) -> None:
    write(
        data,
        "decisions.yaml",
        """\
decisions:
  - task: "1.1.2"
    action: schedule
    due: 2031-Q2
    ref: "Thông báo số 50-TB/TU"
    date: 2026-11-10
  - task: "1.1.2"
    action: schedule
    due: 2027-Q2
    ref: "Thông báo số 51-TB/TU"
    date: 2026-11-11
""",
    )
    assert problems(data) == [
        (
            "decisions.yaml",
            3,
            13,
            "AP307",
            "This schedule (2031-Q2) is later than the "
            "programme's own deadline (2025..2030); if the Standing Committee moved the deadline "
            "back, record it as action: extend so reports show the extension.",
        ),
    ]
