"""Check results as text lines, GitHub workflow annotations or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from actionplan.i18n import _, ngettext
from actionplan.present.safe import inert
from actionplan.problems import Problem


def severity_word(problem: Problem) -> str:
    # The words stay English: `path:line:col: error APnnn …` is a format tools parse.
    return problem.severity.value


def as_text(problems: Sequence[Problem]) -> list[str]:
    """``path:line:col: error APnnn message``, one per problem, already sorted."""
    return [
        f"{inert(p.location())}: {severity_word(p)} {p.code} {inert(p.message())}" for p in problems
    ]


def _github_escape(text: str, *, property_value: bool = False) -> str:
    # Workflow-command escaping, so that a message can never end the annotation early
    # or start a command of its own on a new line.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(problems: Sequence[Problem]) -> list[str]:
    """``::error file=…,line=…,col=…::message`` (the location repeated in the message)."""
    lines = []
    for p in problems:
        props = [f"file={_github_escape(p.path, property_value=True)}"]
        if p.line > 0:
            props += [f"line={p.line}", f"col={p.col}"]
        props.append(f"title={p.code}")
        message = f"{p.location()}: {p.code} {p.message()}"
        kind = "error" if p.is_error else "warning"
        lines.append(f"::{kind} {','.join(props)}::{_github_escape(inert(message))}")
    return lines


def as_json(problems: Sequence[Problem]) -> str:
    return json.dumps(
        {
            "problems": [
                {
                    "path": p.path,
                    "line": p.line,
                    "col": p.col,
                    "code": p.code,
                    "severity": p.severity.value,
                    "message": p.message(),
                }
                for p in problems
            ],
            "errors": sum(p.is_error for p in problems),
            "warnings": sum(not p.is_error for p in problems),
        },
        ensure_ascii=False,
        indent=2,
    )


def summary(problems: Sequence[Problem], files: int) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    checked = ngettext("{n} file checked", "{n} files checked", files).format(n=files)
    if not problems:
        return _("No problems found ({checked}).").format(checked=checked)
    return _("{errors}, {warnings} ({checked}).").format(
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        checked=checked,
    )
