"""Synthetic but valid data folders for the benchmark, at a chosen scale factor.

Scale 1 has the shape of the real programme (``data/programme.yaml``): 112 tasks in 4
pillars and 20 sections, 9 agencies of which one is the secretariat, 126 milestones
with the real mix of due terms. Scale *k* repeats that shape *k* times (``112·k`` tasks,
``9·k`` agencies, still one secretariat), as a national office rolling up provinces
would. Every lead agency files one update per quarter for 20 quarters (2025-Q4 to
2030-Q3) on each of its milestones until the milestone is done; decisions schedule the
"central"/"assigned" milestones and extend some late ones.

The data is deterministic (a seeded random generator) and passes ``actionplan check``
with no problem at all: progress never goes down, a done milestone is never reopened,
``done_on`` never follows the submission date.

Run ``python benchmarks/generate.py --scale 10 -o /tmp/bench`` to write
``/tmp/bench/data``; the YAML is written as text (no YAML library needed).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

TASKS_PER_COPY = 112
QUARTERS = 20
FIRST_QUARTER = (2025, 4)
# The real programme's agencies, heaviest lead first, with how many tasks each leads.
AGENCIES: tuple[tuple[str, str, int], ...] = (
    ("dang-uy-ubnd-tinh", "Đảng ủy UBND tỉnh", 75),
    ("ban-to-chuc-tinh-uy", "Ban Tổ chức Tỉnh ủy", 11),
    ("uy-ban-kiem-tra-tinh-uy", "Ủy ban Kiểm tra Tỉnh ủy", 8),
    ("ban-tuyen-giao-va-dan-van-tinh-uy", "Ban Tuyên giáo và Dân vận Tỉnh ủy", 6),
    ("van-phong-tinh-uy", "Văn phòng Tỉnh ủy", 4),
    ("dang-uy-mat-tran-to-quoc-viet-nam-tinh", "Đảng ủy Mặt trận Tổ quốc Việt Nam tỉnh", 3),
    ("dang-uy-quan-su-tinh", "Đảng ủy Quân sự tỉnh", 3),
    ("dang-uy-cong-an-tinh", "Đảng ủy Công an tỉnh", 3),
    ("ban-noi-chinh-tinh-uy", "Ban Nội chính Tỉnh ủy", 2),
)
SECRETARIAT = "van-phong-tinh-uy"
# Due terms of the real programme's 126 milestones, with their counts.
DUE_MIX: tuple[tuple[str, int], ...] = (
    ("continuous", 77),
    ("2025", 24),
    ("2025..2030", 9),
    ("central", 6),
    ("2026", 6),
    ("assigned", 3),
    ("2026-Q1", 1),
)
PILLARS = (
    "Xây dựng Đảng, xây dựng hệ thống chính trị trong sạch, vững mạnh toàn diện",
    "Phát triển kinh tế nhanh, bền vững; đẩy mạnh chuyển đổi số",
    "Phát triển văn hóa, xã hội; nâng cao đời sống vật chất, tinh thần của Nhân dân",
    "Bảo đảm quốc phòng, an ninh; nâng cao hiệu quả công tác đối ngoại",
)
VERBS = ("Xây dựng, thực hiện Đề án", "Triển khai hiệu quả", "Nâng cao chất lượng", "Đổi mới")
TOPICS = (
    "công tác chính trị, tư tưởng, tuyên truyền vận động trên không gian mạng",
    "chuyển đổi số trong cơ quan đảng, chính quyền địa phương 2 cấp",
    "thu hút đầu tư vào các khu công nghiệp, cụm công nghiệp của tỉnh",
    "phát triển du lịch xanh gắn với bảo tồn di sản văn hóa",
    "đào tạo, bồi dưỡng đội ngũ cán bộ cấp xã sau sắp xếp",
    "phòng, chống tham nhũng, lãng phí, tiêu cực",
)


@dataclass
class Milestone:
    kind: str
    text: str
    due: str
    by: str | None = None
    done_quarter: int | None = None  # index of the quarter in which it is reported done


@dataclass
class Task:
    id: str
    text: str
    leads: list[str]
    milestones: list[Milestone] = field(default_factory=list)


@dataclass
class Programme:
    agencies: list[tuple[str, str]]
    sections: list[tuple[str, str, list[tuple[str, str, list[Task]]]]]

    @property
    def tasks(self) -> list[Task]:
        return [t for _p, _t, subs in self.sections for _s, _st, ts in subs for t in ts]


def _quarter(index: int) -> tuple[int, int]:
    """The ``index``-th reporting quarter (0 = 2025-Q4) as (year, number)."""
    months = FIRST_QUARTER[0] * 4 + FIRST_QUARTER[1] - 1 + index
    return months // 4, months % 4 + 1


def _quarter_end(year: int, number: int) -> date:
    return date(year + number // 4, number % 4 * 3 + 1, 1) - timedelta(days=1)


def _term_end(term: str) -> date | None:
    if term in ("continuous", "central", "assigned"):
        return None
    if ".." in term:
        return date(int(term.split("..")[1]), 12, 31)
    if "-Q" in term:
        year, number = term.split("-Q")
        return _quarter_end(int(year), int(number))
    return date(int(term), 12, 31)


def _agency_id(base: str, copy: int) -> str:
    return base if copy == 1 else f"{base}-{copy}"


def _agency_name(name: str, copy: int) -> str:
    return name if copy == 1 else f"{name} (đơn vị {copy})"


def build_programme(scale: int, rng: random.Random) -> Programme:
    """The programme at ``scale``: ``scale`` copies of the real programme's shape."""
    agencies: list[tuple[str, str]] = []
    for copy in range(1, scale + 1):
        for base, name, _count in AGENCIES:
            if base == SECRETARIAT and copy > 1:
                continue  # exactly one secretariat (AP205)
            agencies.append((_agency_id(base, copy), _agency_name(name, copy)))
    dues = [term for term, count in DUE_MIX for _ in range(count)]
    leads_pool = [base for base, _name, count in AGENCIES for _ in range(count)]
    sections: list[tuple[str, str, list[tuple[str, str, list[Task]]]]] = []
    for p, pillar in enumerate(PILLARS, start=1):
        subs: list[tuple[str, str, list[Task]]] = []
        for copy in range(1, scale + 1):
            for j in range(5):
                number = (copy - 1) * 5 + j + 1
                section_id = f"{p}.{number}"
                title = f"{pillar} (nhóm nhiệm vụ {number})"
                size = 6 if (p - 1) * 5 + j < 12 else 5  # 12 × 6 + 8 × 5 = 112 per copy
                subs.append((section_id, title, []))
                for k in range(1, size + 1):
                    task = _task(f"{section_id}.{k}", copy, leads_pool, dues, rng)
                    subs[-1][2].append(task)
        sections.append((str(p), pillar, subs))
    programme = Programme(agencies, sections)
    _every_agency_leads(programme, scale)
    return programme


def _task(
    task_id: str, copy: int, leads_pool: list[str], dues: list[str], rng: random.Random
) -> Task:
    lead = rng.choice(leads_pool)
    leads = [lead]
    if rng.random() < 0.03:  # 3 of 112 real tasks have two leads
        other = rng.choice([base for base, _n, _c in AGENCIES if base != lead])
        leads.append(other)
    text = f"{rng.choice(VERBS)} “{rng.choice(TOPICS)}” giai đoạn 2026 - 2030 ({task_id})."
    task = Task(task_id, text, [_lead_id(base, copy) for base in leads])
    kinds = ["implementation"] if rng.random() < 0.875 else ["scheme", "implementation"]
    for first_kind in kinds:
        due = (
            "continuous" if len(kinds) == 2 and first_kind == "implementation" else rng.choice(dues)
        )
        kind = first_kind
        if kind == "implementation" and due != "continuous" and rng.random() < 0.4:
            kind = "completion"  # a dated deliverable rather than ongoing work
        task.milestones.append(_milestone(kind, due, rng))
    return task


def _lead_id(base: str, copy: int) -> str:
    # The one secretariat serves every copy.
    return SECRETARIAT if base == SECRETARIAT else _agency_id(base, copy)


def _milestone(kind: str, due: str, rng: random.Random) -> Milestone:
    phrases = {
        "scheme": "Thời hạn hoàn thành Đề án",
        "completion": "Thời gian hoàn thành",
        "implementation": "Thời gian thực hiện",
    }
    if due == "continuous":
        text = f"{phrases[kind]}: Thường xuyên, liên tục"
    elif due == "central":
        text = f"{phrases[kind]}: Theo tiến độ yêu cầu của Trung ương"
    elif due == "assigned":
        text = f"{phrases[kind]}: Theo kế hoạch được giao"
    else:
        text = f"{phrases[kind]}: {due.replace('..', ' - ')}"
    by = "2025..2030" if due == "central" and rng.random() < 0.5 else None
    milestone = Milestone(kind, text, due, by)
    if due != "continuous":
        # Most dated work gets done within the 20 quarters, some late, some never.
        milestone.done_quarter = rng.randrange(1, QUARTERS + 6)
        if milestone.done_quarter >= QUARTERS:
            milestone.done_quarter = None
    return milestone


def _every_agency_leads(programme: Programme, scale: int) -> None:
    """AP302: an agency no task names looks like a typo, so each agency leads a task.

    Copy *c*'s agencies take over the lead of one of copy *c*'s tasks each (task ids
    are spread over the pillars so that no section loses all its usual leads)."""
    tasks = programme.tasks
    for copy in range(1, scale + 1):
        own = [t for t in tasks if _copy_of(t.id) == copy]
        for i, (base, _name, _count) in enumerate(AGENCIES):
            if base == SECRETARIAT:
                continue
            own[(i * 13) % len(own)].leads = [_agency_id(base, copy)]


def _copy_of(task_id: str) -> int:
    """Which copy of the programme a task belongs to (5 sections per pillar per copy)."""
    section_number = int(task_id.split(".")[1])
    return (section_number - 1) // 5 + 1


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def programme_yaml(programme: Programme) -> str:
    lines = [
        "# Synthetic benchmark data (benchmarks/generate.py): not a real programme.",
        "programme:",
        "  id: bench-programme",
        f"  title: {_q('Chương trình hành động (dữ liệu tổng hợp để đo hiệu năng)')}",
        f"  issuer: {_q('Ban Chấp hành Đảng bộ tỉnh')}",
        f"  province: {_q('Tỉnh Mẫu')}",
        '  period: "2025..2030"',
        '  first_period: "2025-Q4"',
        "  settings: {early_warning_days: 30, report_grace_days: 15}",
        "agencies:",
    ]
    for agency_id, name in programme.agencies:
        secretariat = "true" if agency_id == SECRETARIAT else "false"
        lines += [
            f"  - id: {agency_id}",
            f"    name: {_q(name)}",
            f"    secretariat: {secretariat}",
            "    owners: []",
        ]
    lines.append("sections:")
    for pillar_id, pillar, subs in programme.sections:
        lines += [f'  - id: "{pillar_id}"', f"    title: {_q(pillar)}", "    sections:"]
        for section_id, title, tasks in subs:
            lines += [
                f'      - id: "{section_id}"',
                f"        title: {_q(title)}",
                "        tasks:",
            ]
            for task in tasks:
                lines += _task_lines(task)
    return "\n".join(lines) + "\n"


def _task_lines(task: Task) -> list[str]:
    lines = [
        f'          - id: "{task.id}"',
        f"            text: {_q(task.text)}",
        f"            leads: [{', '.join(task.leads)}]",
        "            supports: []",
        "            milestones:",
    ]
    for m in task.milestones:
        lines += [
            f"              - kind: {m.kind}",
            f"                text: {_q(m.text)}",
            f'                due: "{m.due}"',
        ]
        if m.by:
            lines.append(f'                by: "{m.by}"')
    lines.append("            notes: []")
    return lines


def update_files(programme: Programme, rng: random.Random) -> dict[tuple[str, str], str]:
    """(agency id, period) → the YAML text of that agency's update for that quarter."""
    led: dict[str, list[tuple[Task, Milestone]]] = {}
    for task in programme.tasks:
        for lead in task.leads:
            for m in task.milestones:
                led.setdefault(lead, []).append((task, m))
    files: dict[tuple[str, str], str] = {}
    for agency_id, _name in programme.agencies:
        pairs = led.get(agency_id, [])
        if not pairs:
            continue
        for index in range(QUARTERS):
            year, number = _quarter(index)
            period = f"{year}-Q{number}"
            submitted = _quarter_end(year, number) + timedelta(days=rng.randrange(3, 15))
            files[(agency_id, period)] = _update_yaml(
                agency_id, period, submitted, index, pairs, rng
            )
    return files


def _update_yaml(
    agency_id: str,
    period: str,
    submitted: date,
    index: int,
    pairs: list[tuple[Task, Milestone]],
    rng: random.Random,
) -> str:
    lines = [
        "# Synthetic benchmark data (benchmarks/generate.py): not a real report.",
        f"agency: {agency_id}",
        f"period: {period}",
        f"submitted: {submitted.isoformat()}",
        f"contact: {_q('Chuyên viên tổng hợp, theo dõi Chương trình hành động')}",
        "updates:",
    ]
    for task, m in pairs:
        if m.done_quarter is not None and index > m.done_quarter:
            continue  # done earlier: nothing more to report
        lines.append(f'  - task: "{task.id}"')
        if len(task.milestones) > 1:
            lines.append(f"    milestone: {m.kind}")
        if m.done_quarter == index:
            done_on = submitted - timedelta(days=rng.randrange(5, 60))
            lines += ["    status: done", f"    done_on: {done_on.isoformat()}"]
        elif m.done_quarter is not None:
            # Progress grows with time, never down (AP303).
            progress = min(95, 5 + 90 * index // max(1, m.done_quarter))
            lines += ["    status: in_progress", f"    progress: {progress}"]
            if rng.random() < 0.1:
                lines.append("    resources: insufficient")
            if rng.random() < 0.05:
                lines.append(f"    obstacles: {_q('Chưa bố trí được kinh phí thực hiện')}")
        else:
            lines.append("    status: in_progress")
        number = rng.randrange(10, 999)
        lines += [
            "    evidence:",
            f"      - {_q(f'Báo cáo số {number}-BC/TU ngày {submitted.day}/{submitted.month}')}",
            f"    note: {_q('Tiếp tục triển khai theo kế hoạch; đã sơ kết, đánh giá kết quả.')}",
        ]
    return "\n".join(lines) + "\n"


def decisions_yaml(programme: Programme, rng: random.Random) -> str:
    lines = [
        "# Synthetic benchmark data (benchmarks/generate.py): not real decisions.",
        "decisions:",
    ]
    number = 0
    for task in programme.tasks:
        for m in task.milestones:
            if m.due in ("central", "assigned"):
                action, due = "schedule", rng.choice(("2027", "2027-Q4", "2028-H1"))
            elif m.due == "2025" and rng.random() < 0.3:
                action, due = "extend", rng.choice(("2026-Q2", "2026-H2", "2027-Q2"))
            else:
                continue
            number += 1
            day = date(2026, 1, 15) + timedelta(days=rng.randrange(0, 400))
            ref = f"Thông báo số {number}-TB/TU ngày {day.day}/{day.month}/{day.year}"
            lines += [
                f'  - task: "{task.id}"',
                f"    milestone: {m.kind}",
                f"    action: {action}",
                f'    due: "{due}"',
                f"    ref: {_q(ref)}",
                f"    date: {day.isoformat()}",
            ]
    if len(lines) == 2:
        lines[-1] = "decisions: []"
    return "\n".join(lines) + "\n"


def generate(scale: int, out: Path, seed: int = 2025) -> Path:
    """Write the data folder for ``scale`` under ``out`` (``out/data``) and return it."""
    rng = random.Random(seed * 1000 + scale)  # noqa: S311 - reproducible data, not secrets
    programme = build_programme(scale, rng)
    data = out / "data"
    (data / "updates").mkdir(parents=True, exist_ok=True)
    (data / "programme.yaml").write_text(programme_yaml(programme), encoding="utf-8")
    (data / "decisions.yaml").write_text(decisions_yaml(programme, rng), encoding="utf-8")
    for (agency_id, period), text in update_files(programme, rng).items():
        folder = data / "updates" / agency_id
        folder.mkdir(exist_ok=True)
        (folder / f"{period}.yaml").write_text(text, encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=int, default=1, help="scale factor (1 = the real size)")
    parser.add_argument("-o", "--out", type=Path, required=True, help="folder to write data/ in")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    data = generate(args.scale, args.out, args.seed)
    print(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
