"""What an editor shows when hovering a key of a data file: Vietnamese, then English.

Kept apart from :mod:`actionplan.schema` because it is content, not logic. These are
constants rather than gettext messages on purpose: the generated ``schema/*.json`` are
committed and compared byte for byte with the generator, whatever language is active,
and a staff member's editor shows both languages. ``tests/test_schema.py`` checks that
every key of every model has a text here.
"""

from __future__ import annotations


def _both(vi: str, en: str) -> str:
    return f"{vi}\n{en}"


_KIND = _both(
    "Loại mốc: scheme (Đề án), completion (hoàn thành), implementation (thực hiện), "
    "proposal (đề xuất). Bỏ trống: mốc đầu tiên của nhiệm vụ.",
    "Milestone kind: scheme, completion, implementation or proposal. "
    "Left out: the task's first milestone.",
)
_TASK = _both('Số hiệu nhiệm vụ, ví dụ "1.2.3".', 'Task id, e.g. "1.2.3".')
_DUE = _both(
    "Thời hạn: 2025, 2026-Q1, 2026-H1, 2026-06, 2026-06-15, 2025..2030; "
    "hoặc continuous (thường xuyên), central (theo Trung ương), assigned (theo giao).",
    "Due term: 2025, 2026-Q1, 2026-H1, 2026-06, 2026-06-15, 2025..2030; "
    "or continuous, central, assigned.",
)
_DATED_DUE = _both(
    "Thời hạn cụ thể: 2027, 2027-Q2, 2027-H1, 2027-06, 2027-06-30 hoặc 2025..2030.",
    "A dated term: 2027, 2027-Q2, 2027-H1, 2027-06, 2027-06-30 or 2025..2030.",
)

MODEL_TEXT: dict[str, str] = {
    "UpdateFile": _both(
        "Báo cáo quý của một cơ quan: data/updates/<mã cơ quan>/<YYYY-Qn>.yaml.",
        "An agency's quarterly update: data/updates/<agency id>/<YYYY-Qn>.yaml.",
    ),
    "Entry": _both(
        "Tình hình một mốc của một nhiệm vụ cơ quan chủ trì.",
        "The state of one milestone of a task the agency leads.",
    ),
    "Decisions": _both(
        "Kết luận của Ban Thường vụ Tỉnh ủy về thời hạn: data/decisions.yaml.",
        "The Standing Committee's decisions on deadlines: data/decisions.yaml.",
    ),
    "Decision": _both(
        "Gia hạn (extend) hoặc giao thời hạn (schedule) cho một mốc.",
        "Extend a milestone's deadline, or schedule one that had none.",
    ),
    "Programme": _both(
        "Chương trình hành động: data/programme.yaml (tạo bằng actionplan import).",
        "The action programme: data/programme.yaml (made by actionplan import).",
    ),
    "Header": _both("Thông tin chung của chương trình.", "The programme's particulars."),
    "Settings": _both("Tham số cảnh báo và báo cáo.", "Warning and reporting settings."),
    "Agency": _both("Một cơ quan chủ trì hoặc phối hợp.", "A lead or supporting agency."),
    "Section": _both("Một trụ cột hoặc mục của chương trình.", "A pillar or section."),
    "Task": _both("Một nhiệm vụ của chương trình.", "One task of the programme."),
    "Milestone": _both(
        "Một mốc thời hạn của nhiệm vụ, giữ nguyên văn câu gốc.",
        "One deadline of a task, with its phrase verbatim.",
    ),
}

FIELD_TEXT: dict[tuple[str, str], str] = {
    ("UpdateFile", "agency"): _both(
        "Mã cơ quan báo cáo; trùng với tên thư mục chứa tệp.",
        "Id of the reporting agency; equals the name of the file's folder.",
    ),
    ("UpdateFile", "period"): _both(
        "Kỳ báo cáo (quý) dạng YYYY-Qn, ví dụ 2026-Q3; trùng với tên tệp.",
        "Reporting quarter, YYYY-Qn, e.g. 2026-Q3; equals the file name.",
    ),
    ("UpdateFile", "submitted"): _both(
        "Ngày gửi báo cáo, dạng YYYY-MM-DD.", "Date of submission, YYYY-MM-DD."
    ),
    ("UpdateFile", "contact"): _both(
        "Người liên hệ (không bắt buộc).", "Contact person (optional)."
    ),
    ("UpdateFile", "updates"): _both(
        "Mỗi mục: một mốc của một nhiệm vụ do cơ quan chủ trì.",
        "One item per milestone of a task the agency leads.",
    ),
    ("Entry", "task"): _TASK,
    ("Entry", "milestone"): _KIND,
    ("Entry", "status"): _both(
        "not_started (chưa triển khai), in_progress (đang thực hiện), done (đã hoàn thành).",
        "not_started, in_progress or done.",
    ),
    ("Entry", "done_on"): _both(
        "Ngày hoàn thành (YYYY-MM-DD): bắt buộc khi status là done, chỉ khi đó; "
        "không sau ngày gửi.",
        "Date done (YYYY-MM-DD): required when status is done, and only then; "
        "not after the submission.",
    ),
    ("Entry", "progress"): _both("Tiến độ, 0–100 (%).", "Progress, 0–100 (%)."),
    ("Entry", "resources"): _both(
        "Nguồn lực: sufficient (đủ) hoặc insufficient (thiếu).",
        "Resources: sufficient or insufficient.",
    ),
    ("Entry", "obstacles"): _both(
        "Khó khăn, vướng mắc; có nội dung nghĩa là nhiệm vụ đang bị vướng.",
        "Obstacles; any text marks the task as blocked.",
    ),
    ("Entry", "evidence"): _both(
        "Văn bản, kết quả làm căn cứ (số, ký hiệu, ngày).",
        "Documents or results that show the progress (number, date).",
    ),
    ("Entry", "note"): _both("Ghi chú.", "Note."),
    ("Decisions", "decisions"): _both("Danh sách quyết định.", "The decisions."),
    ("Decision", "task"): _TASK,
    ("Decision", "milestone"): _KIND,
    ("Decision", "action"): _both(
        "extend (gia hạn) hoặc schedule (giao thời hạn cho mốc chưa có hạn).",
        "extend (a deadline) or schedule (a milestone without one).",
    ),
    ("Decision", "due"): _DATED_DUE,
    ("Decision", "ref"): _both("Số, ký hiệu, ngày của văn bản.", "The document's reference."),
    ("Decision", "date"): _both(
        "Ngày ban hành (YYYY-MM-DD); có hiệu lực từ ngày này.",
        "Date issued (YYYY-MM-DD); applies from that day.",
    ),
    ("Programme", "programme"): _both("Thông tin chung.", "Particulars."),
    ("Programme", "agencies"): _both("Các cơ quan.", "The agencies."),
    ("Programme", "sections"): _both("Các trụ cột.", "The pillars."),
    ("Header", "id"): _both("Mã chương trình.", "Programme id."),
    ("Header", "title"): _both("Tên văn bản, nguyên văn.", "Title, verbatim."),
    ("Header", "issuer"): _both("Cơ quan ban hành, nguyên văn.", "Issuer, verbatim."),
    ("Header", "province"): _both("Tên tỉnh.", "Province."),
    ("Header", "period"): _both("Giai đoạn, ví dụ 2025..2030.", "Period, e.g. 2025..2030."),
    ("Header", "first_period"): _both(
        "Quý đầu tiên phải báo cáo, dạng YYYY-Qn.", "First quarter that needs reports, YYYY-Qn."
    ),
    ("Header", "settings"): _both("Tham số.", "Settings."),
    ("Settings", "early_warning_days"): _both(
        "Cảnh báo sắp đến hạn trước bao nhiêu ngày.", "Days before a deadline to warn."
    ),
    ("Settings", "report_grace_days"): _both(
        "Số ngày sau khi hết quý để gửi báo cáo.", "Days after a quarter's end to report."
    ),
    ("Agency", "id"): _both("Mã cơ quan (a-z, 0-9, -).", "Agency id (a-z, 0-9, -)."),
    ("Agency", "name"): _both("Tên cơ quan.", "Name."),
    ("Agency", "secretariat"): _both(
        "Cơ quan tham mưu tổng hợp (được báo cáo mọi nhiệm vụ).",
        "The secretariat (may report on any task).",
    ),
    ("Agency", "owners"): _both(
        "Tài khoản duyệt thay đổi của cơ quan (CODEOWNERS), ví dụ @ten-tai-khoan.",
        "Code-host handles that review the agency's changes (CODEOWNERS).",
    ),
    ("Section", "id"): _both('Số hiệu, ví dụ "1" hoặc "1.2".', 'Id, e.g. "1" or "1.2".'),
    ("Section", "title"): _both("Tiêu đề, nguyên văn.", "Title, verbatim."),
    ("Section", "sections"): _both("Các mục con.", "Subsections."),
    ("Section", "tasks"): _both("Các nhiệm vụ.", "Tasks."),
    ("Task", "id"): _TASK,
    ("Task", "text"): _both("Nội dung nhiệm vụ, nguyên văn.", "The task's text, verbatim."),
    ("Task", "leads"): _both("Cơ quan chủ trì tham mưu.", "Lead agencies."),
    ("Task", "supports"): _both("Cơ quan phối hợp.", "Supporting agencies."),
    ("Task", "milestones"): _both("Các mốc thời hạn.", "Deadlines."),
    ("Task", "notes"): _both("Chú thích, nguyên văn.", "Footnotes, verbatim."),
    ("Milestone", "kind"): _both(
        "scheme (Đề án), completion (hoàn thành), implementation (thực hiện), proposal (đề xuất).",
        "scheme, completion, implementation or proposal.",
    ),
    ("Milestone", "text"): _both("Câu thời hạn, nguyên văn.", "The deadline phrase, verbatim."),
    ("Milestone", "due"): _DUE,
    ("Milestone", "by"): _both(
        "Hạn cuối dự phòng cho central/assigned, ví dụ 2025..2030.",
        "Dated backstop for central/assigned, e.g. 2025..2030.",
    ),
}
