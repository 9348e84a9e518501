"""The gettext catalogs: complete in Vietnamese, compiled copies in step with their sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from actionplan.codes import CODES
from actionplan.i18n import LOCALE_DIR, set_language
from actionplan.statuses import STATUS_ORDER, status_label

REPO = Path(__file__).resolve().parent.parent


def catalog(lang: str, suffix: str) -> dict[object, object]:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"actionplan.{suffix}"
    with path.open("rb") as handle:
        messages = read_mo(handle) if suffix == "mo" else read_po(handle)

    def hashable(value: object) -> object:
        return tuple(value) if isinstance(value, list) else value

    return {hashable(m.id): hashable(m.string) for m in messages if m.id}


def is_translated(value: object) -> bool:
    return all(value) if isinstance(value, tuple) else bool(value)


def extracted_ids() -> set[str]:
    found = set()
    for source in (REPO / "src", REPO / "templates"):
        if not source.exists():
            continue
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(source),
            method_map=[("**.py", "python"), ("**.j2", "jinja2")],
            options_map={"**.j2": {"extensions": "jinja2.ext.i18n"}},
            keywords={"_": None, "N_": None, "ngettext": (1, 2)},
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_message_in_the_code_is_translated_to_vietnamese() -> None:
    po = catalog("vi", "po")
    translated = {
        (key[0] if isinstance(key, tuple) else key)
        for key, value in po.items()
        if is_translated(value)
    }
    missing = sorted(extracted_ids() - translated)
    assert missing == [], "run `make i18n` and translate these in the vi catalog"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compiled_catalogs_match_their_sources(lang: str) -> None:
    po = {k: v for k, v in catalog(lang, "po").items() if is_translated(v) and v != k}
    # Babel writes untranslated plurals as their msgids; those are not translations.
    mo = {k: v for k, v in catalog(lang, "mo").items() if k and v != k}
    assert mo == po, "run `make i18n` to recompile the .mo files"


def test_problem_messages_keep_their_placeholders_in_vietnamese() -> None:
    po = catalog("vi", "po")
    for code in CODES.values():
        template = code.template
        translated = po[template]
        assert isinstance(translated, str)
        for name in ("{value}", "{key}", "{path}", "{limit}", "{first_line}"):
            assert (name in template) == (name in translated), (template, name)


def test_status_labels_follow_design() -> None:
    expected = {
        "done_on_time": "Hoàn thành đúng hạn",
        "done_late": "Hoàn thành quá hạn",
        "done": "Đã hoàn thành",
        "overdue": "Quá hạn",
        "due_soon": "Sắp đến hạn",
        "on_track": "Đang thực hiện trong hạn",
        "not_started": "Chưa triển khai",
        "ongoing": "Đang thực hiện thường xuyên",
        "report_missing": "Chưa báo cáo",
        "awaiting_schedule": "Chưa xác định thời hạn",
    }
    set_language("vi")
    assert {s: status_label(s) for s in STATUS_ORDER} == expected
    set_language("en")
    assert status_label("overdue") == "Overdue"


def test_help_is_vietnamese_by_default_and_english_on_request() -> None:
    def help_text(*args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "actionplan", *args],
            capture_output=True,
            text=True,
            check=True,
            env={"PATH": "", "LC_ALL": "C.UTF-8"},
        ).stdout

    assert "Hiển thị trạng thái thời hạn" in help_text("--help")
    assert "Show every task's deadline status" in help_text("--lang", "en", "--help")
    assert "Evaluate as of this date" in help_text("status", "--lang", "en", "--help")


def test_catalog_is_not_empty() -> None:
    # guards the comparisons above: an empty catalog would make them vacuous
    assert len(catalog("vi", "mo")) > 50
