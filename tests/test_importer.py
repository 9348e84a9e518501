"""Importing programme documents (actionplan.importer), on the real source and fixtures."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from actionplan.importer import ImportResult, import_programme, render_programme
from actionplan.loader import load_text
from actionplan.slugs import find_issuer, find_place, slugify

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "source" / "chuong-trinh-hanh-dong-phu-tho-2025-2030.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "import"
TUYEN_QUANG = FIXTURES / "tuyen-quang-programme.txt"
UNPARSED = FIXTURES / "unparsed-deadline.txt"


@cache
def imported(path: Path) -> ImportResult:
    return import_programme(path.read_text(encoding="utf-8"), source_name=path.name)


def tasks_of(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        task["id"]: task
        for pillar in data["sections"]
        for section in pillar["sections"]
        for task in section["tasks"]
    }


def milestones(task: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [(m["kind"], m["due"], m.get("by")) for m in task["milestones"]]


# --- the Phú Thọ programme (data/source) -------------------------------------------------

PHU_THO_AGENCIES = [
    ("ban-tuyen-giao-va-dan-van-tinh-uy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("uy-ban-kiem-tra-tinh-uy", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("ban-to-chuc-tinh-uy", "Ban Tổ chức Tỉnh ủy"),
    ("dang-uy-mat-tran-to-quoc-viet-nam-tinh", "Đảng ủy Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("ban-noi-chinh-tinh-uy", "Ban Nội chính Tỉnh ủy"),
    ("dang-uy-ubnd-tinh", "Đảng ủy UBND tỉnh"),
    ("van-phong-tinh-uy", "Văn phòng Tỉnh ủy"),
    ("dang-uy-quan-su-tinh", "Đảng ủy Quân sự tỉnh"),
    ("dang-uy-cong-an-tinh", "Đảng ủy Công an tỉnh"),
]
AGENCY_IDS = {name: agency_id for agency_id, name in PHU_THO_AGENCIES}

CONTINUOUS = ("implementation", "continuous", None)
# Every deadline sentence of the source, read by hand: (kind, due, by) per milestone.
PHU_THO_DEADLINES: dict[str, list[tuple[str, str, str | None]]] = {
    "Thời gian thực hiện: Thường xuyên, liên tục.": [CONTINUOUS],
    "Thời gian thực hiện: Thường xuyên, liên tục": [CONTINUOUS],
    "Thời gian thực hiện: Thường xuyên, liên tục theo định kỳ quy định.": [CONTINUOUS],
    "Thời gian thực hiện: Thường xuyên, liên tục và theo định hướng, hướng dẫn của Trung ương.": [
        CONTINUOUS
    ],
    "Thời gian thực hiện: Quý I/2026.": [("implementation", "2026-Q1", None)],
    "Thời gian thực hiện: Theo tiến độ yêu cầu của Trung ương.": [
        ("implementation", "central", None)
    ],
    "Thời gian thực hiện: Theo tiến độ yêu cầu của Trung ương. Hoàn thành trong giai đoạn "
    "2025 - 2030.": [("implementation", "central", "2025..2030")],
    "Thời hạn hoàn thành: Trong năm 2025.": [("completion", "2025", None)],
    "Thời hạn hoàn thành: Trong năm 2026.": [("completion", "2026", None)],
    "Thời hạn hoàn thành: Trong năm 2025 và theo định hướng, hướng dẫn của Trung ương.": [
        ("completion", "2025", None)
    ],
    "Thời hạn hoàn thành: Trong giai đoạn 2025 - 2030.": [("completion", "2025..2030", None)],
    "Thời hạn hoàn thành: Trong giai đoạn 2025-2030.": [("completion", "2025..2030", None)],
    "Thời hạn hoàn thành: Trong giai đoạn 2025 - 2030 (có kế hoạch cụ thể sau).": [
        ("completion", "assigned", "2025..2030")
    ],
    "Thời hạn hoàn thành: Theo kế hoạch được giao cụ thể.": [("completion", "assigned", None)],
    "Thời hạn hoàn thành: Theo tiến độ Trung ương yêu cầu. Hoàn thành trong giai đoạn "
    "2025 - 2030.": [("completion", "central", "2025..2030")],
    "Thời hạn hoàn thành: Theo tiến độ yêu cầu của Trung ương. Hoàn thành trong giai đoạn "
    "2025 - 2030.": [("completion", "central", "2025..2030")],
    "Thời hạn hoàn thành: Theo yêu cầu tiến độ của Trung ương. Hoàn thành trong năm 2026.": [
        ("completion", "central", "2026")
    ],
    "Thời gian hoàn thành: Trong năm 2026.": [("completion", "2026", None)],
    "Thời gian hoàn thành: Trong giai đoạn 2025 - 2030.": [("completion", "2025..2030", None)],
    "Thời gian hoàn thành: Theo tiến độ của Trung ương. Hoàn thành trong giai đoạn 2025 - 2030.": [
        ("completion", "central", "2025..2030")
    ],
    "Thời gian hoàn thành: Trong năm 2025. Thời gian thực hiện: Thường xuyên, liên tục.": [
        ("completion", "2025", None),
        CONTINUOUS,
    ],
    "Thời gian hoàn thành: Trong năm 2026. Thời gian thực hiện: Thường xuyên, liên tục.": [
        ("completion", "2026", None),
        CONTINUOUS,
    ],
    "Thời hạn hoàn thành Đề án: Trong năm 2025. Thời gian thực hiện: Thường xuyên, liên tục.": [
        ("scheme", "2025", None),
        CONTINUOUS,
    ],
    "Thời hạn hoàn thành Đề án: Trong năm 2026. Thời gian thực hiện: Thường xuyên, liên tục.": [
        ("scheme", "2026", None),
        CONTINUOUS,
    ],
    "Thời gian hoàn thành Đề án: Trong năm 2025. Thời gian thực hiện: Thường xuyên, liên tục.": [
        ("scheme", "2025", None),
        CONTINUOUS,
    ],
    "Thời gian hoàn thành Đề án: Trong năm 2026. Thời gian thực hiện: Thường xuyên, liên tục.": [
        ("scheme", "2026", None),
        CONTINUOUS,
    ],
    "Thời gian hoàn thành đề xuất: Trong năm 2025. Thời gian thực hiện: Thường xuyên, liên tục.": [
        ("proposal", "2025", None),
        CONTINUOUS,
    ],
}


@cache
def phu_tho_lines() -> dict[str, tuple[str, str, str]]:
    """Task id → (item text, lead agencies, deadline sentences), read straight off part II.

    Deliberately naive (it knows this file's one-line-per-paragraph layout) so that it
    shares nothing with the importer.
    """
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    part = lines[lines.index("II. NHIỆM VỤ CHỦ YẾU") : lines.index("III. TỔ CHỨC THỰC HIỆN")]
    found: dict[str, list[str]] = {}
    section = task = ""
    for line in part:
        if heading := re.match(r"(\d\.\d)\. ", line):
            section = heading[1]
        elif item := re.match(r"\((\d+)\) (.*)", line):
            task = f"{section}.{item[1]}"
            found[task] = [item[2], "", ""]
        elif lead := re.match(r"Cơ quan chủ trì tham mưu: (.*?)\. (Th.*)", line):
            found[task][1:] = [lead[1], lead[2]]
    return {task_id: (text, leads, due) for task_id, (text, leads, due) in found.items()}


def test_phu_tho_programme() -> None:
    assert imported(SOURCE).data["programme"] == {
        "id": "phu-tho-2025-2030",
        "title": "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH thực hiện Nghị quyết "
        "Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030",
        "issuer": "Ban Chấp hành Đảng bộ tỉnh",
        "province": "Phú Thọ",
        "period": "2025..2030",
        "first_period": "2025-Q4",  # undated document: the quarter of the first deadline
        "settings": {"early_warning_days": 30, "report_grace_days": 15},
    }
    assert list(imported(SOURCE).data) == ["programme", "agencies", "sections"]


def test_phu_tho_has_no_problems() -> None:
    assert imported(SOURCE).problems == []


def test_phu_tho_outline() -> None:
    pillars = imported(SOURCE).data["sections"]
    assert [p["id"] for p in pillars] == ["1", "2", "3", "4"]
    assert [len(p["sections"]) for p in pillars] == [7, 7, 4, 2]
    assert sum(len(s["tasks"]) for p in pillars for s in p["sections"]) == 112
    assert pillars[0]["title"].startswith("Xây dựng Đảng, xây dựng hệ thống chính trị")
    first = pillars[0]["sections"][0]
    assert list(pillars[0]) == ["id", "title", "sections"]
    assert list(first) == ["id", "title", "tasks"]
    assert (first["id"], first["title"]) == (
        "1.1",
        "Coi trọng xây dựng Đảng về chính trị, tư tưởng, đạo đức",
    )
    assert pillars[3]["sections"][1]["title"] == (
        "Nâng cao hiệu quả hoạt động đối ngoại; tích cực hội nhập quốc tế"
    )


def test_phu_tho_agencies() -> None:
    agencies = imported(SOURCE).data["agencies"]
    assert [(a["id"], a["name"]) for a in agencies] == PHU_THO_AGENCIES
    assert [a["id"] for a in agencies if a["secretariat"]] == ["van-phong-tinh-uy"]
    assert all(list(a) == ["id", "name", "secretariat", "owners"] for a in agencies)
    assert all(a["owners"] == [] for a in agencies)


def test_phu_tho_tasks_are_those_of_the_source() -> None:
    tasks = tasks_of(imported(SOURCE).data)
    assert list(tasks) == list(phu_tho_lines())
    for task_id, task in tasks.items():
        assert list(task) == ["id", "text", "leads", "supports", "milestones", "notes"]
        text, leads, _ = phu_tho_lines()[task_id]
        if task_id != "3.2.2":  # split in two in the source; checked on its own
            assert task["text"] == text, task_id
        assert task["leads"] == [AGENCY_IDS[name] for name in leads.split(", ")], task_id
        assert task["supports"] == []


def test_phu_tho_every_milestone_matches_the_expectation_table() -> None:
    tasks = tasks_of(imported(SOURCE).data)
    assert {due for _, _, due in phu_tho_lines().values()} == set(PHU_THO_DEADLINES)
    for task_id, (_, _, sentences) in phu_tho_lines().items():
        task = tasks[task_id]
        assert milestones(task) == PHU_THO_DEADLINES[sentences], task_id
        assert ". ".join(m["text"] for m in task["milestones"]) == sentences.rstrip("."), task_id
        assert all(list(m)[:3] == ["kind", "text", "due"] for m in task["milestones"])


def test_phu_tho_tasks_with_several_leads() -> None:
    tasks = tasks_of(imported(SOURCE).data)
    both = ["dang-uy-quan-su-tinh", "dang-uy-cong-an-tinh"]
    assert tasks["4.1.2"]["leads"] == both
    assert tasks["4.1.3"]["leads"] == both
    assert tasks["2.6.1"]["leads"] == ["van-phong-tinh-uy", "dang-uy-ubnd-tinh"]
    several = sorted(task_id for task_id, task in tasks.items() if len(task["leads"]) > 1)
    assert several == ["2.6.1", "4.1.2", "4.1.3"]


def test_phu_tho_footnotes_belong_to_2_1_6() -> None:
    tasks = tasks_of(imported(SOURCE).data)
    assert tasks["2.1.6"]["text"].endswith(
        "“nông trại công cộng”¹, “cánh đồng mẫu lớn ủy thác”², “thuê chuồng trại chăn nuôi”,..."
    )
    assert tasks["2.1.6"]["notes"] == [
        "¹ Là hình thức chủ nông trại huy động người tiêu dùng trở thành thành viên thông qua "
        "bán thẻ thành viên lấy vốn đầu tư; các thành viên được phân phối các sản phẩm theo "
        "thỏa thuận; có thể thường xuyên đến trang trại để trải nghiệm.",
        "² Mô hình cánh đồng mẫu lớn thực hiện ủy thác là hình thức người dân tự nguyện giao "
        "đất cho chính quyền địa phương để quản lý tập trung, sau đó cho các đơn vị sản xuất "
        "thuê lại và được hưởng lợi nhuận theo cam kết.",
    ]
    assert [t for t, task in tasks.items() if task["notes"]] == ["2.1.6"]


def test_phu_tho_split_paragraph_3_2_2_is_joined() -> None:
    task = tasks_of(imported(SOURCE).data)["3.2.2"]
    assert task["text"] == (
        "Triển khai miễn học phí từ mầm non đến phổ thông công lập, hỗ trợ học phí học sinh "
        "ngoài công lập; phổ cập giáo dục mầm non từ 3-5 tuổi; thực hiện dạy học 2 buổi/ngày "
        "ở cấp học phổ thông; xây dựng, triển khai Đề án đưa tiếng Anh thành ngôn ngữ thứ hai "
        "trong trường học giai đoạn 2025-2035, tầm nhìn đến năm 2045. Ứng dụng trí tuệ nhân "
        "tạo vào quản lý, giảng dạy và học tập."
    )
    assert task["milestones"] == [
        {
            "kind": "completion",
            "text": "Thời hạn hoàn thành: Trong giai đoạn 2025 - 2030 (có kế hoạch cụ thể sau)",
            "due": "assigned",
            "by": "2025..2030",
        }
    ]


def test_phu_tho_central_milestones() -> None:
    tasks = tasks_of(imported(SOURCE).data)
    assert tasks["1.6.5"]["milestones"] == [
        {
            "kind": "implementation",
            "text": "Thời gian thực hiện: Theo tiến độ yêu cầu của Trung ương",
            "due": "central",
        }
    ]
    assert tasks["2.7.4"]["milestones"] == [
        {
            "kind": "completion",
            "text": "Thời hạn hoàn thành: Theo yêu cầu tiến độ của Trung ương. "
            "Hoàn thành trong năm 2026",
            "due": "central",
            "by": "2026",
        }
    ]
    assert tasks["1.2.9"]["milestones"][0]["text"] == (
        "Thời hạn hoàn thành: Theo tiến độ Trung ương yêu cầu. "
        "Hoàn thành trong giai đoạn 2025 - 2030"
    )


# --- a differently worded programme (tests/fixtures/import/tuyen-quang-programme.txt) -----

# task id → (leads, supports, [(kind, milestone text, due, by)]), read off the fixture by hand.
TUYEN_QUANG_TASKS: dict[str, tuple[list[str], list[str], list[tuple[str, str, str, str | None]]]]
TUYEN_QUANG_TASKS = {
    "1.1.1": (
        ["ban-tuyen-giao-va-dan-van-tinh-uy"],
        [],
        [
            ("scheme", "Thời hạn hoàn thành Đề án: Trong năm 2025", "2025", None),
            ("implementation", "Thời gian thực hiện: Thường xuyên, liên tục", "continuous", None),
        ],
    ),
    "1.1.2": (
        ["ban-to-chuc-tinh-uy"],
        ["ban-tuyen-giao-va-dan-van-tinh-uy", "uy-ban-kiem-tra-tinh-uy"],
        [("scheme", "Thời gian hoàn thành Đề án: Năm 2027", "2027", None)],
    ),
    "1.1.3": (
        ["uy-ban-kiem-tra-tinh-uy"],
        [],
        [
            (
                "completion",
                "Thời hạn hoàn thành: Trong năm 2025 và theo định hướng, hướng dẫn của Trung ương",
                "2025",
                None,
            )
        ],
    ),
    "1.1.4": (
        ["ban-tuyen-giao-va-dan-van-tinh-uy"],
        [],
        [
            ("proposal", "Thời gian hoàn thành đề xuất: Quý I/2026", "2026-Q1", None),
            ("implementation", "Thời gian thực hiện: Hằng năm", "continuous", None),
        ],
    ),
    "1.2.1": (
        ["ban-to-chuc-tinh-uy", "dang-uy-ubnd-tinh"],
        ["so-noi-vu"],
        [("completion", "Thời gian hoàn thành: Quý II/2026", "2026-Q2", None)],
    ),
    "1.2.2": (
        ["ban-to-chuc-tinh-uy"],
        [],
        [("completion", "Thời hạn hoàn thành: Quý 2/2027", "2027-Q2", None)],
    ),
    "1.2.3": (
        ["ban-to-chuc-tinh-uy"],
        [],
        [("completion", "Thời hạn hoàn thành: Quý IV/2026", "2026-Q4", None)],
    ),
    "1.2.4": (
        ["ban-to-chuc-tinh-uy"],
        [],
        [("completion", "Thời hạn hoàn thành: 6 tháng đầu năm 2026", "2026-H1", None)],
    ),
    "1.2.5": (
        ["ban-to-chuc-tinh-uy"],
        [],
        [("completion", "Thời hạn hoàn thành: 6 tháng cuối năm 2026", "2026-H2", None)],
    ),
    "2.1.1": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("completion", "Thời hạn hoàn thành: Tháng 9/2026", "2026-09", None)],
    ),
    "2.1.2": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("completion", "Thời hạn hoàn thành: Trước ngày 30/6/2026", "2026-06-30", None)],
    ),
    "2.1.3": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("completion", "Thời hạn hoàn thành: Trước 31/3/2027", "2027-03-31", None)],
    ),
    "2.1.4": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("completion", "Thời hạn hoàn thành: Ngày 15/12/2025", "2025-12-15", None)],
    ),
    "2.1.5": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("completion", "Thời hạn hoàn thành: Trong giai đoạn 2025 - 2030", "2025..2030", None)],
    ),
    "2.1.6": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("completion", "Thời hạn hoàn thành: Trong giai đoạn 2025-2030", "2025..2030", None)],
    ),
    "2.1.7": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("completion", "Thời hạn hoàn thành: 2025-2030", "2025..2030", None)],
    ),
    "2.1.8": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("implementation", "Thời gian thực hiện: 2026 - 2028", "2026..2028", None)],
    ),
    "2.1.9": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("implementation", "Thời gian thực hiện: Giai đoạn 2026 - 2030", "2026..2030", None)],
    ),
    "2.2.1": (
        ["ban-tuyen-giao-va-dan-van-tinh-uy"],
        [],
        [
            (
                "implementation",
                "Thời gian thực hiện: Thường xuyên, liên tục theo định kỳ quy định",
                "continuous",
                None,
            )
        ],
    ),
    "2.2.2": (
        ["dang-uy-ubnd-tinh"],
        [],
        [
            (
                "implementation",
                "Thời gian thực hiện: Thường xuyên, liên tục và theo định hướng, hướng dẫn "
                "của Trung ương",
                "continuous",
                None,
            )
        ],
    ),
    "2.2.3": (
        ["dang-uy-quan-su-tinh", "dang-uy-cong-an-tinh"],
        [],
        [("implementation", "Thời gian thực hiện: Thường xuyên", "continuous", None)],
    ),
    "2.2.4": (
        ["dang-uy-ubnd-tinh"],
        [],
        [("implementation", "Thời gian thực hiện: Hàng năm", "continuous", None)],
    ),
    "2.2.5": (
        ["dang-uy-ubnd-tinh"],
        [],
        [
            (
                "completion",
                "Thời hạn hoàn thành: Theo kế hoạch được giao cụ thể",
                "assigned",
                None,
            )
        ],
    ),
    "2.2.6": (
        ["dang-uy-ubnd-tinh"],
        [],
        [
            (
                "completion",
                "Thời hạn hoàn thành: Trong giai đoạn 2025 - 2030 (có kế hoạch cụ thể sau)",
                "assigned",
                "2025..2030",
            )
        ],
    ),
    "2.2.7": (
        ["dang-uy-ubnd-tinh"],
        [],
        [
            (
                "completion",
                "Thời hạn hoàn thành: Quý III/2026 (có kế hoạch cụ thể sau)",
                "assigned",
                "2026-Q3",
            )
        ],
    ),
    "2.3.1": (
        ["dang-uy-ubnd-tinh"],
        [],
        [
            (
                "completion",
                "Thời hạn hoàn thành: Theo tiến độ Trung ương yêu cầu",
                "central",
                None,
            )
        ],
    ),
    "2.3.2": (
        ["dang-uy-ubnd-tinh"],
        [],
        [
            (
                "completion",
                "Thời hạn hoàn thành: Theo tiến độ yêu cầu của Trung ương. "
                "Hoàn thành trong giai đoạn 2025 - 2030",
                "central",
                "2025..2030",
            )
        ],
    ),
    "2.3.3": (
        ["dang-uy-ubnd-tinh"],
        [],
        [
            (
                "implementation",
                "Thời gian thực hiện: Theo yêu cầu tiến độ của Trung ương. "
                "Hoàn thành trong năm 2026",
                "central",
                "2026",
            )
        ],
    ),
    "2.3.4": (
        ["dang-uy-cong-an-tinh"],
        [],
        [("completion", "Thời gian hoàn thành: Theo tiến độ của Trung ương", "central", None)],
    ),
    "2.3.5": (
        ["dang-uy-ubnd-tinh"],
        [],
        [
            (
                "completion",
                "Thời hạn hoàn thành: Theo tiến độ Trung ương yêu cầu. Hoàn thành trong năm 2027",
                "central",
                "2027",
            )
        ],
    ),
}


def test_tuyen_quang_programme() -> None:
    result = imported(TUYEN_QUANG)
    assert result.problems == []
    assert result.data["programme"] == {
        "id": "tuyen-quang-2025-2030",
        "title": "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN THƯỜNG VỤ TỈNH ỦY thực hiện Nghị quyết Đại "
        "hội đại biểu Đảng bộ tỉnh Tuyên Quang lần thứ XVIII, nhiệm kỳ 2025 - 2030",
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "province": "Tuyên Quang",
        "period": "2025..2030",
        "first_period": "2025-Q3",  # "Tuyên Quang, ngày 28 tháng 9 năm 2025"
        "settings": {"early_warning_days": 30, "report_grace_days": 15},
    }


def test_tuyen_quang_agencies() -> None:
    agencies = imported(TUYEN_QUANG).data["agencies"]
    assert [(a["id"], a["name"], a["secretariat"]) for a in agencies] == [
        ("ban-tuyen-giao-va-dan-van-tinh-uy", "Ban Tuyên giáo và Dân vận Tỉnh ủy", False),
        ("ban-to-chuc-tinh-uy", "Ban Tổ chức Tỉnh ủy", False),
        # first written "Uỷ … uỷ" (old tone placement); "Ủy … ủy" later is the same agency
        ("uy-ban-kiem-tra-tinh-uy", "Uỷ ban Kiểm tra Tỉnh uỷ", False),
        ("dang-uy-ubnd-tinh", "Đảng ủy UBND tỉnh", False),
        ("so-noi-vu", "Sở Nội vụ", False),  # named only as a supporting agency
        ("dang-uy-quan-su-tinh", "Đảng ủy Quân sự tỉnh", False),
        ("dang-uy-cong-an-tinh", "Đảng ủy Công an tỉnh", False),
        # leads no task; part III names it, so it is added as the secretariat
        ("van-phong-tinh-uy", "Văn phòng Tỉnh ủy", True),
    ]


def test_tuyen_quang_outline_skips_parts_without_tasks() -> None:
    pillars = imported(TUYEN_QUANG).data["sections"]
    assert [(p["id"], p["title"]) for p in pillars] == [
        ("1", "Xây dựng Đảng và hệ thống chính trị"),
        ("2", "Phát triển kinh tế - xã hội nhanh và bền vững"),
    ]
    assert [(s["id"], s["title"]) for p in pillars for s in p["sections"]] == [
        ("1.1", "Công tác chính trị, tư tưởng và dân vận"),
        ("1.2", "Tổ chức bộ máy và cán bộ"),
        ("2.1", "Phát triển kinh tế"),
        ("2.2", "Văn hóa, xã hội, quốc phòng, an ninh"),
        ("2.3", "Chuyển đổi số"),  # "2.3 Chuyển đổi số": no dot after the number
    ]


@pytest.mark.parametrize("task_id", list(TUYEN_QUANG_TASKS))
def test_tuyen_quang_task(task_id: str) -> None:
    leads, supports, expected = TUYEN_QUANG_TASKS[task_id]
    task = tasks_of(imported(TUYEN_QUANG).data)[task_id]
    assert task["leads"] == leads
    assert task["supports"] == supports
    assert [(m["kind"], m["text"], m["due"], m.get("by")) for m in task["milestones"]] == expected


def test_tuyen_quang_has_exactly_the_tasks_of_the_table() -> None:
    assert list(tasks_of(imported(TUYEN_QUANG).data)) == list(TUYEN_QUANG_TASKS)


def test_tuyen_quang_texts_and_notes() -> None:
    tasks = tasks_of(imported(TUYEN_QUANG).data)
    # A paragraph after a blank line that starts in capitals is a second paragraph.
    assert tasks["2.1.1"]["text"] == (
        "Hoàn thành điều chỉnh Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.\n"
        "Tập trung thu hút đầu tư vào các khu công nghiệp Long Bình An, Sơn Nam."
    )
    # A hard-wrapped line continues the sentence.
    assert tasks["2.1.2"]["text"] == (
        "Phát triển du lịch sinh thái, du lịch cộng đồng gắn với Công viên địa chất toàn cầu "
        "Đồng Văn và Khu di tích quốc gia đặc biệt Tân Trào."
    )
    assert tasks["1.1.4"]["text"] == "Nhân rộng mô hình “Tổ tự quản số”¹ ở khu dân cư."
    assert tasks["1.1.4"]["notes"] == [
        "¹ Tổ tự quản số là tổ tự quản khu dân cư hoạt động trên nền tảng số."
    ]
    assert [t for t, task in tasks.items() if task["notes"]] == ["1.1.4"]


def test_line_endings_normalisation_and_bom_do_not_change_the_import() -> None:
    text = TUYEN_QUANG.read_text(encoding="utf-8")
    variant = "\ufeff" + unicodedata.normalize("NFD", text).replace("\n", "\r\n")
    result = import_programme(variant, source_name=TUYEN_QUANG.name)
    assert result.data == imported(TUYEN_QUANG).data
    assert result.problems == []


def test_arguments_override_the_text() -> None:
    result = import_programme(
        TUYEN_QUANG.read_text(encoding="utf-8"),
        source_name="x.txt",
        province="Hà Giang",
        first_period="2026-Q1",
    )
    programme = result.data["programme"]
    assert (programme["id"], programme["province"]) == ("ha-giang-2025-2030", "Hà Giang")
    assert programme["first_period"] == "2026-Q1"


# --- rendering --------------------------------------------------------------------------


def as_loaded(value: Any) -> Any:
    """What the loader gives back for ``value``: every scalar is text (DESIGN §3)."""
    if isinstance(value, dict):
        return {key: as_loaded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_loaded(item) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return value


@pytest.mark.parametrize("path", [SOURCE, TUYEN_QUANG], ids=["phu-tho", "tuyen-quang"])
def test_render_round_trip(path: Path) -> None:
    data = imported(path).data
    document, problems = load_text(render_programme(data, path.name), "programme.yaml")
    assert problems == []
    assert document is not None
    assert document.data == as_loaded(data)


def test_render_is_deterministic() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    first = render_programme(import_programme(text, source_name="a.txt").data, "a.txt")
    second = render_programme(import_programme(text, source_name="a.txt").data, "a.txt")
    assert first == second
    assert first.splitlines()[:5] == [
        "# Generated by `actionplan import a.txt`: do not edit by hand.",
        "# Correct the source document and import it again; record deadline changes in",
        "# data/decisions.yaml.",
        "programme:",
        "  id: phu-tho-2025-2030",
    ]


def test_render_header_has_no_absolute_path() -> None:
    rendered = render_programme({"programme": {}}, "/home/someone/programme.txt")
    assert rendered.splitlines()[0] == (
        "# Generated by `actionplan import programme.txt`: do not edit by hand."
    )


# --- problems -----------------------------------------------------------------------------

# Lines 1-10 of every small document below; its items start on line 11.
HEAD = [
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
    "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Cao Bằng lần thứ XX, nhiệm kỳ 2025 - 2030",
    "",
    "II. NHIỆM VỤ CHỦ YẾU",
    "",
    "1. Phát triển kinh tế",
    "",
    "1.1. Hạ tầng giao thông",
    "",
]
LEAD = "Cơ quan chủ trì: Sở Xây dựng. Thời hạn hoàn thành: Năm 2026."


def problems_of(lines: list[str], **options: str) -> list[tuple[str, int, int, dict[str, str]]]:
    result = import_programme("\n".join(lines) + "\n", source_name="p.txt", **options)
    assert all(p.path == "p.txt" for p in result.problems)
    return [(p.code, p.line, p.col, dict(p.args)) for p in result.problems]


def test_small_document_has_no_problems() -> None:
    assert problems_of([*HEAD, "(1) Mở rộng quốc lộ 3.", "", LEAD]) == []


def test_ap401_unreadable_deadline_is_kept_verbatim() -> None:
    result = imported(UNPARSED)
    line = UNPARSED.read_text(encoding="utf-8").splitlines()[12]
    assert line.index("Sau khi") + 1 == 67
    assert [(p.code, p.line, p.col, dict(p.args)) for p in result.problems] == [
        ("AP401", 13, 67, {"phrase": "Sau khi Bộ Xây dựng phê duyệt chủ trương"})
    ]
    task = tasks_of(result.data)["1.1.1"]
    assert task["milestones"] == [
        {
            "kind": "completion",
            "text": "Thời hạn hoàn thành: Sau khi Bộ Xây dựng phê duyệt chủ trương",
            "due": "assigned",
        },
        {
            "kind": "implementation",
            "text": "Thời gian thực hiện: Thường xuyên, liên tục",
            "due": "continuous",
        },
    ]
    assert result.problems[0].is_error


def test_ap401_on_a_wrapped_clause_line_points_at_the_phrase() -> None:
    lines = [
        *HEAD,
        "(1) Mở rộng quốc lộ 3.",
        "",
        "Cơ quan chủ trì: Sở Xây dựng.",
        "  Thời hạn hoàn thành: Khi có vốn.",
    ]
    assert problems_of(lines) == [("AP401", 14, 24, {"phrase": "Khi có vốn"})]


def test_ap402_task_without_lead() -> None:
    lines = [*HEAD, "(1) Mở rộng quốc lộ 3.", "", "Thời hạn hoàn thành: Năm 2026."]
    assert problems_of(lines) == [("AP402", 11, 1, {"number": "1"})]


def test_ap403_no_tasks() -> None:
    assert problems_of(HEAD) == [("AP403", 0, 0, {})]


def test_ap404_mark_without_footnote() -> None:
    lines = [*HEAD, "(1) Mở rộng quốc lộ 3².", "", LEAD]
    assert problems_of(lines) == [("AP404", 11, 22, {"mark": "²"})]
    result = import_programme("\n".join(lines), source_name="p.txt")
    assert not result.problems[0].is_error


def test_ap405_footnote_without_mark_is_attached_to_the_task_above() -> None:
    lines = [*HEAD, "(1) Mở rộng quốc lộ 3.", "", "³ Chú thích không có dấu.", "", LEAD]
    assert problems_of(lines) == [("AP405", 13, 1, {"mark": "³"})]
    result = import_programme("\n".join(lines), source_name="p.txt")
    assert tasks_of(result.data)["1.1.1"]["notes"] == ["³ Chú thích không có dấu."]


def test_footnotes_at_the_end_of_the_document_find_their_task() -> None:
    lines = [
        *HEAD,
        "(1) Mở rộng quốc lộ 3¹.",
        "",
        LEAD,
        "",
        "III. TỔ CHỨC THỰC HIỆN",
        "",
        "¹ Đoạn qua thành phố.",
    ]
    result = import_programme("\n".join(lines), source_name="p.txt")
    assert result.problems == []
    assert tasks_of(result.data)["1.1.1"]["notes"] == ["¹ Đoạn qua thành phố."]


def test_ap406_repeated_item_number() -> None:
    lines = [*HEAD, "(1) Mở rộng quốc lộ 3.", "", LEAD, "", "(1) Nâng cấp quốc lộ 4A.", "", LEAD]
    assert problems_of(lines) == [("AP406", 15, 1, {"number": "1", "section": "1.1"})]


def test_ap407_no_title() -> None:
    lines = ["KẾ HOẠCH", *HEAD[1:], "(1) Mở rộng quốc lộ 3.", "", LEAD]
    assert problems_of(lines) == [("AP407", 0, 0, {})]
    result = import_programme("\n".join(lines), source_name="p.txt")
    assert result.data["programme"]["title"] is None
    assert len(tasks_of(result.data)) == 1


def test_ap408_no_province() -> None:
    title = "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030"
    lines = [*HEAD[:2], title, *HEAD[3:], "(1) Mở rộng quốc lộ 3.", "", LEAD]
    assert problems_of(lines) == [("AP408", 1, 1, {})]
    assert problems_of(lines, province="Cao Bằng") == []
    result = import_programme("\n".join(lines), source_name="p.txt", province="Cao Bằng")
    assert result.data["programme"]["id"] == "cao-bang-2025-2030"


def test_ap409_task_without_deadline() -> None:
    lines = [*HEAD, "(1) Mở rộng quốc lộ 3.", "", "Cơ quan chủ trì: Sở Xây dựng."]
    assert problems_of(lines) == [("AP409", 11, 1, {"number": "1"})]


def test_problems_are_sorted_by_position() -> None:
    lines = [*HEAD, "(2) Không có gì.", "", "(1) Mở rộng quốc lộ 3⁴.", "", LEAD]
    assert [(code, line) for code, line, _, _ in problems_of(lines)] == [
        ("AP402", 11),
        ("AP409", 11),
        ("AP404", 13),
    ]


# --- names and ids ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Văn phòng Tỉnh ủy", "van-phong-tinh-uy"),
        ("Văn phòng Tỉnh uỷ", "van-phong-tinh-uy"),
        ("Đảng ủy UBND tỉnh", "dang-uy-ubnd-tinh"),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "ban-tuyen-giao-va-dan-van-tinh-uy"),
        ("Sở Khoa học & Công nghệ (KH&CN)", "so-khoa-hoc-cong-nghe-kh-cn"),
        ("Phú Thọ 2025 2030", "phu-tho-2025-2030"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert slugify(unicodedata.normalize("NFD", name)) == slug


def test_find_place() -> None:
    assert find_place("Đảng bộ tỉnh lần thứ I; du lịch tỉnh Phú Thọ mới") == "Phú Thọ"
    assert find_place("Ban Tuyên giáo Tỉnh ủy. TỈNH ỦY TUYÊN QUANG") is None
    assert find_place("Thành ủy; thành phố Hải Phòng; ") == "Hải Phòng"
    assert find_place("tỉnh Đắk Lắk và thành phố Huế") == "Đắk Lắk"


def test_find_issuer() -> None:
    body = "Ban Chấp hành Đảng bộ tỉnh ban hành Chương trình hành động"
    title = "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH thực hiện Nghị quyết"
    assert find_issuer(title, body) == "Ban Chấp hành Đảng bộ tỉnh"
    # the body names the committee without its place: the place keeps title case
    title = "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN THƯỜNG VỤ TỈNH ỦY CAO BẰNG THỰC HIỆN NGHỊ QUYẾT"
    assert find_issuer(title, "Ban Thường vụ Tỉnh ủy ban hành") == "Ban Thường vụ Tỉnh ủy Cao Bằng"
    assert find_issuer(title, "") == "Ban thường vụ tỉnh ủy cao bằng"
    assert find_issuer("CHƯƠNG TRÌNH HÀNH ĐỘNG", body) == "Ban Chấp hành Đảng bộ tỉnh"
    assert find_issuer("CHƯƠNG TRÌNH HÀNH ĐỘNG", "") is None
