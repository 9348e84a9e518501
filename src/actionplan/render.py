"""The Jinja environment every rendered document uses (reports, reminders).

Templates are the only presentation of documents (no HTML or Markdown assembled in
Python). The environment is strict: autoescaping for HTML, ``StrictUndefined`` so a
misspelt variable fails instead of printing an empty cell, gettext for every label,
and filters for the Vietnamese way of writing dates and numbers.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from actionplan.i18n import _, get_language, translations
from actionplan.present.fmt import short_date, undated_label
from actionplan.present.safe import one_line
from actionplan.problems import ActionplanError
from actionplan.statuses import flag_label, status_label

TEMPLATES_ENV = "ACTIONPLAN_TEMPLATES"
PACKAGED = Path(__file__).parent / "templates"  # inside an installed wheel
REPOSITORY = Path(__file__).resolve().parents[2] / "templates"  # editable install / checkout


def templates_dir(
    option: Path | None, data_dir: Path | None = None, needs: str = "report.md.j2"
) -> Path:
    """``--templates DIR``, else ``$ACTIONPLAN_TEMPLATES``, else the ``templates/`` folder
    beside the data folder (the repository's, which the secretariat restyles), else the
    copy shipped with the tool; the first of the last three that holds ``needs``."""
    chosen = option or (Path(os.environ[TEMPLATES_ENV]) if os.environ.get(TEMPLATES_ENV) else None)
    if chosen is not None:
        if not chosen.is_dir():
            raise ActionplanError(_("Templates folder {path} not found.").format(path=chosen))
        return chosen
    candidates = [data_dir.resolve().parent / "templates"] if data_dir else []
    for candidate in [*candidates, PACKAGED, REPOSITORY]:
        if (candidate / needs).is_file():
            return candidate
    raise ActionplanError(_("No report templates found; pass --templates DIR."))


def vietnamese_date(day: date | datetime | None) -> str:
    """'ngày 3 tháng 12 năm 2026' in Vietnamese, '3 December 2026' in English."""
    if day is None:
        return ""
    if get_language() == "vi":
        return f"ngày {day.day} tháng {day.month} năm {day.year}"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def percent(value: float | None, digits: int = 0) -> str:
    """A share as a percentage ('66 %' style of each language), '—' when undefined."""
    if value is None:
        return "—"
    text = f"{value * 100:.{digits}f}"
    if get_language() == "vi":
        return text.replace(".", ",") + "%"
    return text + "%"


_MD_SPECIAL = re.compile(r"[\\`*_\[\]|~]")
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(value: object) -> str:
    """Staff text as literal Markdown (also inside a table cell): on one line, invisible
    and control characters shown as escapes, '&', '<', '>' as entities so no HTML in a
    note ever becomes live, and the characters that start Markdown markup escaped."""
    flat = one_line(str(value))
    flat = re.sub(r"[&<>]", lambda m: _MD_ENTITIES[m.group()], flat)
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(), flat)


def _flatten(eval_ctx: Any, value: Any) -> Any:
    """In HTML, every value from the data stays on the template's line: a note typed over
    several lines must not start a line of its own, where '::add-mask::…' would be read
    as a CI workflow command if the document is printed in a CI log (HTML shows the line
    break as a space anyway). Markup the template built (macros, blocks) is left alone;
    Markdown and text templates flatten data with the ``md`` and ``oneline`` filters."""
    from markupsafe import Markup

    if not eval_ctx.autoescape or isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _LINE_BREAK.sub(" ", value)


_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x85]+")


def make_environment(folder: Path) -> Any:
    """A Jinja environment over ``folder`` in the active language."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "html.j2", "svg.j2"), default_for_string=True, default=False
        ),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=jinja2.pass_eval_context(_flatten),
    )
    env.install_gettext_translations(translations(get_language()), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        vn_date=vietnamese_date,
        short_date=short_date,
        percent=percent,
        md=markdown_text,
        oneline=one_line,
        status_label=status_label,
        flag_label=flag_label,
        undated_label=undated_label,
    )
    env.globals.update(lang=get_language())
    return env


def render(folder: Path, name: str, context: dict[str, Any]) -> str:
    """Render template ``name``; a template error becomes a plain message, not a traceback."""
    import jinja2

    env = make_environment(folder)
    try:
        return str(env.get_template(name).render(**context))
    except jinja2.TemplateNotFound as exc:
        raise ActionplanError(
            _("Template {name} not found in {folder}.").format(name=exc.name, folder=folder)
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise ActionplanError(
            _("Template {name}, line {line}: {detail}").format(
                name=exc.filename or name, line=exc.lineno, detail=exc.message
            )
        ) from exc
    except jinja2.UndefinedError as exc:
        raise ActionplanError(
            _("Template {name}: {detail}").format(name=name, detail=exc.message)
        ) from exc
