"""Check results as text lines, GitHub workflow annotations, a job-summary table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from actionplan.i18n import _, ngettext
from actionplan.present.safe import inert, one_line
from actionplan.problems import Problem
from actionplan.render import markdown_text

# GitHub shows at most this many error and this many warning annotations per step and
# silently drops the rest; past it, problems go to the log as text and the job summary.
ANNOTATIONS_PER_SEVERITY = 10


def severity_word(problem: Problem) -> str:
    # The words stay English: `path:line:col: error APnnn …` is a format tools parse.
    return problem.severity.value


def as_text(problems: Sequence[Problem]) -> list[str]:
    """``path:line:col: error APnnn message``, one per problem, already sorted."""
    return [
        f"{_line_start(inert(p.location()))}: {severity_word(p)} {p.code} {inert(p.message())}"
        for p in problems
    ]


def _line_start(location: str) -> str:
    # A file named "::stop-commands::x" would start a workflow command in a CI log;
    # "./" keeps the path the same file and the line inert.
    return "./" + location if location.startswith((":", "#")) else location


def _github_escape(text: str, *, property_value: bool = False) -> str:
    # Workflow-command escaping, so that a message can never end the annotation early
    # or start a command of its own on a new line.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(problems: Sequence[Problem]) -> list[str]:
    """``::error file=…,line=…,col=…::message`` (the location repeated in the message) for
    the first :data:`ANNOTATIONS_PER_SEVERITY` errors and warnings; the others as text
    lines, then a line saying where to find them all."""
    lines = []
    shown = {True: 0, False: 0}  # annotations so far, by is_error
    for p in problems:
        if shown[p.is_error] >= ANNOTATIONS_PER_SEVERITY:
            lines += as_text([p])
            continue
        shown[p.is_error] += 1
        props = [f"file={_github_escape(p.path, property_value=True)}"]
        if p.line > 0:
            props += [f"line={p.line}", f"col={p.col}"]
        props.append(f"title={p.code}")
        message = f"{p.location()}: {p.code} {p.message()}"
        kind = "error" if p.is_error else "warning"
        lines.append(f"::{kind} {','.join(props)}::{_github_escape(inert(message))}")
    hidden = len(problems) - shown[True] - shown[False]
    if hidden:
        lines.append(
            ngettext(
                "{n} more problem is listed as text, not annotated (GitHub shows at most "
                "{limit} errors and {limit} warnings per step); the job summary lists all.",
                "{n} more problems are listed as text, not annotated (GitHub shows at most "
                "{limit} errors and {limit} warnings per step); the job summary lists all.",
                hidden,
            ).format(n=hidden, limit=ANNOTATIONS_PER_SEVERITY)
        )
    return lines


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, inert, no markup, no HTML."""
    return markdown_text(one_line(text))


def as_step_summary(problems: Sequence[Problem], files: int) -> str:
    """A Markdown section for ``$GITHUB_STEP_SUMMARY``: the summary line and every problem
    in a table (GitHub renders it on the run's page; there is no limit there)."""
    lines = [f"### actionplan check: {_cell(summary(problems, files))}", ""]
    if problems:
        headers = [_("Location"), _("Severity"), _("Code"), _("Message")]
        lines += ["| " + " | ".join(headers) + " |", "|---|---|---|---|"]
        lines += [
            f"| {_cell(p.location())} | {severity_word(p)} | {p.code} | {_cell(p.message())} |"
            for p in problems
        ]
        lines.append("")
    return "\n".join(lines) + "\n"


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
