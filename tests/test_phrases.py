"""Deadline phrases, clause lines and dates of programme documents (actionplan.phrases)."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.phrases import (
    Due,
    find_document_date,
    find_period,
    first_quarter,
    interpret,
    read_clauses,
    split_agencies,
    split_clauses,
)
from actionplan.terms import parse_term

INTERPRETED = [
    # years
    ("Trong năm 2025", Due("2025")),
    ("Năm 2027", Due("2027")),
    ("trong năm 2026.", Due("2026")),
    ("Trong năm 2025 và theo định hướng, hướng dẫn của Trung ương", Due("2025")),
    # quarters, Roman and arabic
    ("Quý I/2026", Due("2026-Q1")),
    ("Quý II/2026", Due("2026-Q2")),
    ("Quý III/2026", Due("2026-Q3")),
    ("Quý IV/2026", Due("2026-Q4")),
    ("Quý 2/2026", Due("2026-Q2")),
    ("Trong quý IV năm 2027", Due("2027-Q4")),
    ("Quí III/2026", Due("2026-Q3")),
    # halves and months
    ("6 tháng đầu năm 2026", Due("2026-H1")),
    ("6 tháng cuối năm 2026", Due("2026-H2")),
    ("Tháng 9/2026", Due("2026-09")),
    ("Trong tháng 12/2025", Due("2025-12")),
    # days
    ("Trước ngày 30/6/2026", Due("2026-06-30")),
    ("Trước 30/6/2026", Due("2026-06-30")),
    ("Ngày 30/6/2026", Due("2026-06-30")),
    ("Ngày 05/01/2027", Due("2027-01-05")),
    # ranges
    ("Trong giai đoạn 2025 - 2030", Due("2025..2030")),
    ("Trong giai đoạn 2025-2030", Due("2025..2030")),
    ("2025-2030", Due("2025..2030")),
    ("2026 - 2028", Due("2026..2028")),
    ("Giai đoạn 2026 - 2030", Due("2026..2030")),
    ("Từ năm 2026 đến năm 2028", Due("2026..2028")),
    # recurring
    ("Thường xuyên, liên tục", Due("continuous")),
    ("Thường xuyên, liên tục theo định kỳ quy định", Due("continuous")),
    ("Thường xuyên, liên tục và theo định hướng, hướng dẫn của Trung ương", Due("continuous")),
    ("Thường xuyên", Due("continuous")),
    ("Hằng năm", Due("continuous")),
    ("Hàng năm", Due("continuous")),
    # set by the Central level, with and without a dated backstop
    ("Theo tiến độ Trung ương yêu cầu", Due("central")),
    ("Theo tiến độ yêu cầu của Trung ương", Due("central")),
    ("Theo yêu cầu tiến độ của Trung ương", Due("central")),
    ("Theo tiến độ của Trung ương", Due("central")),
    (
        "Theo tiến độ Trung ương yêu cầu. Hoàn thành trong giai đoạn 2025 - 2030",
        Due("central", "2025..2030"),
    ),
    ("Theo yêu cầu tiến độ của Trung ương. Hoàn thành trong năm 2026", Due("central", "2026")),
    ("Theo tiến độ của Trung ương. Hoàn thành trước ngày 30/6/2027", Due("central", "2027-06-30")),
    # set by a later assignment
    ("Theo kế hoạch được giao cụ thể", Due("assigned")),
    ("Trong giai đoạn 2025 - 2030 (có kế hoạch cụ thể sau)", Due("assigned", "2025..2030")),
    ("Quý III/2026 (có kế hoạch cụ thể sau)", Due("assigned", "2026-Q3")),
    ("(Có kế hoạch cụ thể sau)", Due("assigned")),
    # spacing and case do not matter
    ("  TRONG   NĂM  2025 ", Due("2025")),
]

UNREADABLE = [
    "",
    "Sau khi Bộ Xây dựng phê duyệt chủ trương",
    "Quý V/2026",  # no fifth quarter
    "Trước ngày 31/2/2026",  # no such day
    "Tháng 13/2026",
    "Trong giai đoạn 2030 - 2025",  # backwards
    "Theo tiến độ Trung ương yêu cầu. Khi có kinh phí",  # backstop without a date
    "Trong năm 2025. Trong năm 2026",  # two deadlines in one phrase
    "Thường xuyên (có kế hoạch cụ thể sau)",  # only dates can be backstops
    "Theo chỉ đạo của Tỉnh ủy",
]


@pytest.mark.parametrize(("phrase", "expected"), INTERPRETED)
def test_interpret(phrase: str, expected: Due) -> None:
    due = interpret(phrase)
    assert due == expected
    assert parse_term(due.due) is not None
    assert due.by is None or parse_term(due.by) is not None


@pytest.mark.parametrize("phrase", UNREADABLE)
def test_interpret_gives_up_rather_than_guess(phrase: str) -> None:
    assert interpret(phrase) is None


def test_split_clauses_keeps_labels_and_offsets() -> None:
    line = (
        "Cơ quan chủ trì tham mưu: Ban Tổ chức Tỉnh ủy; cơ quan phối hợp: Sở Nội vụ. "
        "Thời hạn hoàn thành Đề án: Trong năm 2025. Thời gian thực hiện: Thường xuyên, liên tục."
    )
    clauses = split_clauses(line)
    assert [(c.kind, c.text, c.body) for c in clauses] == [
        ("lead", "Cơ quan chủ trì tham mưu: Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
        ("supports", "cơ quan phối hợp: Sở Nội vụ", "Sở Nội vụ"),
        ("scheme", "Thời hạn hoàn thành Đề án: Trong năm 2025", "Trong năm 2025"),
        (
            "implementation",
            "Thời gian thực hiện: Thường xuyên, liên tục",
            "Thường xuyên, liên tục",
        ),
    ]
    assert [c.body_start for c in clauses] == [line.index(c.body) for c in clauses]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Thời hạn hoàn thành Đề án", "scheme"),
        ("Thời gian hoàn thành Đề án", "scheme"),
        ("Thời gian hoàn thành đề án", "scheme"),
        ("Thời gian hoàn thành đề xuất", "proposal"),
        ("Thời hạn hoàn thành", "completion"),
        ("Thời gian hoàn thành", "completion"),
        ("Thời gian thực hiện", "implementation"),
        ("Cơ quan chủ trì", "lead"),
        ("Cơ quan chủ trì tham mưu", "lead"),
        ("Cơ quan phối hợp", "supports"),
    ],
)
def test_label_kinds(label: str, kind: str) -> None:
    assert [c.kind for c in split_clauses(f"{label}: Năm 2027.")] == [kind]


def test_agencies_split_on_commas_never_on_va() -> None:
    assert split_agencies(" Văn phòng Tỉnh ủy,  Đảng ủy UBND tỉnh.") == [
        "Văn phòng Tỉnh ủy",
        "Đảng ủy UBND tỉnh",
    ]
    assert split_agencies("Ban Tuyên giáo và Dân vận Tỉnh ủy") == [
        "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    ]


def test_read_clauses_keeps_unreadable_milestones() -> None:
    said = read_clauses(
        [
            "Cơ quan chủ trì: Sở Tài chính. Thời hạn hoàn thành: Khi có vốn.",
            "Thời gian thực hiện: Hằng năm",
        ]
    )
    assert said.leads == ["Sở Tài chính"]
    assert said.supports == []
    assert said.milestones == [
        {"kind": "completion", "text": "Thời hạn hoàn thành: Khi có vốn", "due": "assigned"},
        {"kind": "implementation", "text": "Thời gian thực hiện: Hằng năm", "due": "continuous"},
    ]
    assert said.unread == [
        (0, len("Cơ quan chủ trì: Sở Tài chính. Thời hạn hoàn thành: "), "Khi có vốn")
    ]


def test_find_period_prefers_the_term_of_office() -> None:
    title = "CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết …, nhiệm kỳ 2025 - 2030"
    assert find_period(title, "giai đoạn 2026 - 2030") == "2025..2030"
    assert find_period("CHƯƠNG TRÌNH HÀNH ĐỘNG", "… Nhiệm kỳ 2020–2025 …") == "2020..2025"
    assert find_period("CHƯƠNG TRÌNH HÀNH ĐỘNG giai đoạn 2026 - 2030", "") == "2026..2030"
    assert find_period("CHƯƠNG TRÌNH HÀNH ĐỘNG", "giai đoạn 2026 - 2030") is None


def test_find_document_date_reads_the_dateline_only() -> None:
    header = "ĐẢNG CỘNG SẢN VIỆT NAM\n     Tuyên Quang, ngày 20 tháng 10 năm 2025\n"
    assert find_document_date(header) == date(2025, 10, 20)
    assert find_document_date("Kết luận số 12, ngày 5 tháng 3 năm 2024 của Bộ Chính trị") is None
    assert find_document_date("Hà Nội, ngày 31 tháng 2 năm 2025") is None
    assert find_document_date("Nghị quyết số 57-NQ/TW, ngày 22/12/2024") is None


def dues(*terms: str) -> list[dict[str, str]]:
    return [{"kind": "completion", "text": "…", "due": term} for term in terms]


def test_first_quarter() -> None:
    dated = "Phú Thọ, ngày 15 tháng 10 năm 2025"
    assert first_quarter(dated, dues("2025-Q1"), "2025..2030") == "2025-Q4"
    assert first_quarter("", dues("continuous", "2026-06-30", "2025", "central"), None) == "2025-Q4"
    assert first_quarter("", dues("2026-03", "2027"), None) == "2026-Q1"
    backstop = [{"kind": "completion", "text": "…", "due": "central", "by": "2026-H1"}]
    assert first_quarter("", backstop + dues("2027"), None) == "2026-Q2"
    assert first_quarter("", dues("continuous"), "2025..2030") == "2025-Q1"
    assert first_quarter("", [], None) is None
