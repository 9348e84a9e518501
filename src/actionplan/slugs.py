"""Names read from a programme document (title, issuer, province, agencies) and their ids.

Ids must be stable, ascii and typeable (they name folders under ``data/updates/``), so
they drop Vietnamese diacritics: "Ban Tổ chức Tỉnh ủy" → ``ban-to-chuc-tinh-uy``. Spelling
variants of one name ("Uỷ ban"/"Ủy ban") give the same id, which is what lets the
importer treat them as one agency.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

Lines = list[tuple[int, str]]  # (1-based line number, text)

_TITLE_START = "CHƯƠNG TRÌNH HÀNH ĐỘNG"
# The party office of a province (Tỉnh ủy) or a centrally-run city (Thành ủy); "uỷ" and
# "ủy" are both in use.
_SECRETARIAT = re.compile(r"Văn\s+phòng\s+(?:Tỉnh|Thành)\s+(?:ủy|uỷ)", re.IGNORECASE)
# Words that follow "tỉnh"/"Tỉnh" in capitals without being a place name.
_NOT_PLACES = frozenset({"ủy", "uỷ"})
_WORD = re.compile(r"\w+")
# Capitalised title words that no longer name the issuer ("… TỈNH ỦY THỰC HIỆN NGHỊ QUYẾT").
_AFTER_ISSUER = frozenset({"THỰC", "TRIỂN", "VỀ", "NHẰM", "NHIỆM"})
_ISSUER_IN_TEXT = re.compile(r"(Ban\s+(?:Chấp\s+hành|Thường\s+vụ)\b[^,.;:\n]*?)\s+ban\s+hành")


def split_title(lines: Lines) -> tuple[str, int, Lines]:
    """The title, the line it starts on (0 if none) and the body lines after it.

    The title block runs from "CHƯƠNG TRÌNH HÀNH ĐỘNG" to the next blank line; its lines
    are joined by single spaces. Lines before it (issuing body, number, place and date)
    are no part of the body; without a title, the whole text is body.
    """
    starts = (i for i, (_, raw) in enumerate(lines) if raw.strip().startswith(_TITLE_START))
    start = next(starts, None)
    if start is None:
        return "", 0, lines
    ends = (i for i in range(start, len(lines)) if not lines[i][1].strip())
    end = next(ends, len(lines))
    # Decorative rules ("-----") under a title are layout, not words.
    words = [raw.strip() for _, raw in lines[start:end] if any(c.isalnum() for c in raw)]
    return " ".join(words), lines[start][0], lines[end:]


def slugify(text: str) -> str:
    """Lowercase ascii words joined by '-': diacritics dropped, "Đ/đ" → "d"."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


def programme_id(province: str, period: str) -> str:
    """The programme id: "Phú Thọ" and "2025..2030" → ``phu-tho-2025-2030``."""
    return slugify(f"{province} {period.replace('..', ' ')}")


def is_secretariat(name: str) -> bool:
    """Whether an agency name is the party office ("Văn phòng Tỉnh ủy" / "Thành ủy")."""
    return _SECRETARIAT.fullmatch(name) is not None


def agency_records(names: dict[str, str], text: str) -> list[dict[str, Any]]:
    """The agencies (id → name, in order) as records, with one secretariat (DESIGN §3).

    The first party office named among them is the secretariat; when none leads or
    supports a task but ``text`` names the office (part III gives it the monitoring job),
    it is added at the end.
    """
    office = next((i for i, name in names.items() if is_secretariat(name)), None)
    named = _SECRETARIAT.search(text)
    if office is None and named is not None:
        office = slugify(named.group())
        names = {**names, office: " ".join(named.group().split())}
    return [
        {"id": i, "name": name, "secretariat": i == office, "owners": []}
        for i, name in names.items()
    ]


def find_place(text: str) -> str | None:
    """The first "tỉnh X" in ``text`` (else "thành phố X"), X a capitalised name."""
    for unit in ("tỉnh", "thành phố"):
        pattern = r"(?<!\w)" + unit.replace(" ", r"\s+") + r"\s+"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            name = _capitalised_words(text, match.end())
            if name:
                return name
    return None


def _capitalised_words(text: str, start: int) -> str:
    """The run of Title-case words from ``start`` ("Phú Thọ mới" → "Phú Thọ")."""
    words: list[str] = []
    position = start
    while True:
        match = _WORD.match(text, position)
        if match is None or not _is_name_word(match.group()):
            break
        words.append(match.group())
        gap = re.match(r"[ \t]+", text[match.end() :])
        if gap is None:
            break
        position = match.end() + gap.end()
    return " ".join(words)


def _is_name_word(word: str) -> bool:
    return word.istitle() and word.isalpha() and word.lower() not in _NOT_PLACES


def find_issuer(title: str, body: str) -> str | None:
    """Who issued the programme, as the body text spells it (the title is in capitals).

    "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH thực hiện…" names the issuer in
    the words after "CỦA" up to the first word not in capitals.
    """
    match = re.search(r"\bCỦA\s+(.*)", title)
    words: list[str] = []
    for word in match[1].split() if match else []:
        if word != word.upper() or word in _AFTER_ISSUER:
            break
        words.append(word)
    if words:
        return _issuer_in_body(words, body)
    found = _ISSUER_IN_TEXT.search(body)
    return " ".join(found[1].split()) if found else None


def _issuer_in_body(words: list[str], body: str) -> str:
    """The issuer in the casing the body text uses.

    Titles are set in capitals ("CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"); the body names the same
    body in normal casing ("Ban Chấp hành Đảng bộ tỉnh ban hành…"). When the body does not
    repeat the full name, the longest repeated beginning is used and the rest (usually the
    place name) is title-cased; with no match at all, the name is put in sentence case.
    """
    for size in range(len(words), 2, -1):
        pattern = r"\s+".join(re.escape(word) for word in words[:size]) + r"(?!\w)"
        for match in re.finditer(pattern, body, re.IGNORECASE):
            found = match.group()
            if found != found.upper():
                rest = " ".join(word.title() for word in words[size:])
                return " ".join([" ".join(found.split()), rest]).strip()
    text = " ".join(words).lower()
    return text[:1].upper() + text[1:]
