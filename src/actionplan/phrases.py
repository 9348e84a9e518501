"""The formulas of a task's clause lines: who leads, who supports, and when (DESIGN §3).

Programme documents of this family state a task's agencies and deadlines in a few fixed
Vietnamese formulas ("Cơ quan chủ trì tham mưu: …", "Thời hạn hoàn thành Đề án: Trong năm
2025", "Theo tiến độ Trung ương yêu cầu. Hoàn thành trong giai đoạn 2025 - 2030").
:func:`read_clauses` reads a task's clause lines; :func:`interpret` turns a deadline phrase
into a due term. Wording differs between provinces, so the patterns accept
the variants seen in published programmes, and whatever they cannot read is reported by
the importer rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from actionplan.terms import Quarter, parse_term

# Order matters: the more specific milestone labels come before "thời hạn hoàn thành".
_LABELS: tuple[tuple[str, str], ...] = (
    ("lead", r"cơ quan chủ trì(?:,? tham mưu)?"),
    ("supports", r"cơ quan phối hợp"),
    ("scheme", r"thời (?:hạn|gian) hoàn thành (?:các )?đề án"),
    ("proposal", r"thời (?:hạn|gian) hoàn thành đề xuất"),
    ("completion", r"thời (?:hạn|gian) hoàn thành"),
    ("implementation", r"thời (?:hạn|gian) thực hiện"),
)
# A label opens the line or follows a full stop, semicolon or comma ("…Tỉnh ủy. Thời hạn…",
# "…tỉnh; cơ quan phối hợp:").
_LABEL = re.compile(
    r"(?:^|(?<=[.;,])\s*)(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _LABELS).replace(" ", r"\s+")
    + r")\s*:\s*",
    re.IGNORECASE,
)
_TRAILING = " \t.;"


@dataclass(frozen=True)
class Clause:
    """One labelled clause of a line; offsets index into that line."""

    kind: str  # "lead", "supports" or a milestone kind (scheme, proposal, …)
    text: str  # label and body, trailing full stop removed: the milestone's verbatim text
    body: str  # what follows the colon
    body_start: int


@dataclass
class TaskClauses:
    """What a task's clause lines say; agencies by name, in the order written."""

    leads: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    milestones: list[dict[str, str]] = field(default_factory=list)
    # (index of the line, offset of the phrase in it, phrase) for each phrase not understood
    unread: list[tuple[int, int, str]] = field(default_factory=list)


def starts_with_label(line: str) -> bool:
    """Whether ``line`` opens with a lead, supports or deadline label."""
    return _LABEL.match(line) is not None


def read_clauses(lines: list[str]) -> TaskClauses:
    """Leads, supports and milestones (DESIGN §3) from a task's clause lines.

    A phrase that cannot be interpreted still gives a milestone, with its verbatim text and
    due ``assigned``, and is listed in ``unread`` for the importer to report.
    """
    result = TaskClauses()
    for index, line in enumerate(lines):
        for clause in split_clauses(line):
            if clause.kind == "lead":
                result.leads += split_agencies(clause.body)
            elif clause.kind == "supports":
                result.supports += split_agencies(clause.body)
            else:
                due = interpret(clause.body)
                if due is None:
                    result.unread.append((index, clause.body_start, clause.body))
                    due = Due("assigned")
                milestone = {"kind": clause.kind, "text": clause.text, "due": due.due}
                if due.by is not None:
                    milestone["by"] = due.by
                result.milestones.append(milestone)
    return result


def split_clauses(line: str) -> list[Clause]:
    """The labelled clauses of ``line`` in order; text before the first label is ignored."""
    matches = list(_LABEL.finditer(line))
    clauses = []
    for i, match in enumerate(matches):
        kind = match.lastgroup
        assert kind is not None
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        text = line[match.start(kind) : end].rstrip(_TRAILING)
        body = line[match.end() : end].rstrip(_TRAILING)
        clauses.append(Clause(kind, text, body, match.end()))
    return clauses


def split_agencies(body: str) -> list[str]:
    """Agency names of a lead or supports clause.

    Names are separated by commas only: "và" belongs to names such as "Ban Tuyên giáo và
    Dân vận Tỉnh ủy".
    """
    names = (" ".join(part.split()).strip(_TRAILING) for part in body.split(","))
    return [name for name in names if name]


@dataclass(frozen=True)
class Due:
    """A deadline phrase read as a due term, with a dated backstop when the text gives one."""

    due: str
    by: str | None = None


def interpret(phrase: str) -> Due | None:
    """The due term of a deadline phrase (without its label), or None if it cannot be read."""
    text = " ".join(phrase.split()).rstrip(_TRAILING).lower()
    later = _LATER_PLAN.fullmatch(text)
    if later is not None:
        # "… (có kế hoạch cụ thể sau)": the real schedule comes with a later plan, so the
        # date the text does give is only a backstop.
        inner = later["inner"]
        if not inner:
            return Due("assigned")
        backstop = _dated(inner)
        return Due("assigned", backstop) if backstop else None
    first, *rest = re.split(r"\.\s+", text)
    if _is_central(first):
        if not rest:
            return Due("central")
        backstop = _backstop(rest[0]) if len(rest) == 1 else None
        return Due("central", backstop) if backstop else None
    if rest:
        return None
    if _CONTINUOUS.match(first):
        return Due("continuous")
    if _ASSIGNED.fullmatch(first):
        return Due("assigned")
    term = _dated(first)
    return Due(term) if term else None


_LATER_PLAN = re.compile(r"(?P<inner>.*?)\s*\(\s*có kế hoạch cụ thể sau\s*\)")
_CONTINUOUS = re.compile(r"(?:thường xuyên|hằng năm|hàng năm)\b")
_ASSIGNED = re.compile(r"theo kế hoạch(?: (?:được|giao|cụ thể))*")
# "… và theo định hướng, hướng dẫn của Trung ương" adds guidance, not another deadline.
_GUIDANCE_TAIL = re.compile(r"\s+và\s+theo\b.*")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _is_central(sentence: str) -> bool:
    """Whether a sentence says "Theo tiến độ … Trung ương …", in any word order."""
    return (
        sentence.startswith("theo ")
        and "trung ương" in sentence
        and ("tiến độ" in sentence or "lộ trình" in sentence)
    )


def _backstop(sentence: str) -> str | None:
    """The dated term of "Hoàn thành trong giai đoạn 2025 - 2030" and the like."""
    match = re.fullmatch(r"hoàn thành (?P<rest>.+)", sentence)
    return _dated(match["rest"]) if match else None


_DATED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("year", r"(?:(?:trong|đến hết|hết) )?năm (?P<y>[0-9]{4})"),
        ("quarter", r"(?:trong )?qu[ýí] (?P<q>iv|i{1,3}|[1-4]) ?(?:/|năm) ?(?P<y>[0-9]{4})"),
        ("half", r"(?:trong )?(?:6|sáu) tháng (?P<h>đầu|cuối) năm (?P<y>[0-9]{4})"),
        ("month", r"(?:trong )?tháng (?P<m>[0-9]{1,2}) ?(?:/|năm) ?(?P<y>[0-9]{4})"),
        (
            "date",
            r"(?:(?:trước|đến|chậm nhất) )?(?:ngày )?"
            r"(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})",
        ),
        ("range", r"(?:(?:trong )?giai đoạn )?(?P<y>[0-9]{4}) ?[-–—] ?(?P<y2>[0-9]{4})"),
        (
            "range",
            r"(?:(?:trong )?giai đoạn )?(?:từ )?năm (?P<y>[0-9]{4}) đến (?:năm )?(?P<y2>[0-9]{4})",
        ),
    )
)


def _dated(sentence: str) -> str | None:
    """A dated due term for a time phrase, validated by :func:`parse_term`."""
    sentence = _GUIDANCE_TAIL.sub("", sentence)
    for kind, pattern in _DATED:
        match = pattern.fullmatch(sentence)
        if match is None:
            continue
        term = _term(kind, match)
        return term if parse_term(term) is not None else None
    return None


def _term(kind: str, match: re.Match[str]) -> str:
    year = match["y"]
    if kind == "quarter":
        quarter = match["q"]
        return f"{year}-Q{_ROMAN.get(quarter, quarter)}"
    if kind == "half":
        return f"{year}-H{1 if match['h'] == 'đầu' else 2}"
    if kind == "month":
        return f"{year}-{int(match['m']):02d}"
    if kind == "date":
        return f"{year}-{int(match['m']):02d}-{int(match['d']):02d}"
    if kind == "range":
        return f"{year}..{match['y2']}"
    return year


_TERM_OF_OFFICE = re.compile(r"nhiệm\s+kỳ\s+([0-9]{4})\s*[-–—]\s*([0-9]{4})", re.IGNORECASE)
_STAGE = re.compile(r"giai\s+đoạn\s+([0-9]{4})\s*[-–—]\s*([0-9]{4})", re.IGNORECASE)
# "Tuyên Quang, ngày 20 tháng 10 năm 2025": the place and date line of the document header.
_DATELINE = re.compile(r"(\w+),\s*ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})")


def find_period(title: str, text: str) -> str | None:
    """The programme's period as a range term, from "nhiệm kỳ 2025 - 2030" and the like.

    The title is asked first (it names the term of office the programme implements), then
    the whole text; a "giai đoạn" in the title is the last resort, as body text is full of
    other periods ("giai đoạn 2026 - 2030" of each scheme).
    """
    for pattern, where in ((_TERM_OF_OFFICE, title), (_TERM_OF_OFFICE, text), (_STAGE, title)):
        match = pattern.search(where)
        if match is not None:
            term = f"{match[1]}..{match[2]}"
            if parse_term(term) is not None:
                return term
    return None


def find_document_date(text: str) -> date | None:
    """The date of the dateline "<Place>, ngày d tháng m năm yyyy", if the text has one."""
    for match in _DATELINE.finditer(text):
        if not match[1].istitle():  # "…số 12, ngày…" cites another document
            continue
        try:
            return date(int(match[4]), int(match[3]), int(match[2]))
        except ValueError:
            continue
    return None


def first_quarter(text: str, milestones: list[dict[str, str]], period: str | None) -> str | None:
    """The first quarter that needs reports.

    The quarter of the document's date; without one, the quarter of the earliest dated
    deadline (``due`` or ``by``) of the milestones, as no report is due before something
    can be late; else the first quarter of the period.
    """
    issued = find_document_date(text)
    if issued is not None:
        return str(Quarter.containing(issued))
    terms = (parse_term(m[key]) for m in milestones for key in ("due", "by") if key in m)
    ends = [term.end for term in terms if term is not None and term.end is not None]
    if ends:
        return str(Quarter.containing(min(ends)))
    return f"{period[:4]}-Q1" if period else None
