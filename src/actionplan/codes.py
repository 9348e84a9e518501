"""The registry of problem codes: one stable code, one severity, one message each.

Codes never change meaning once released (CI jobs and users' notes refer to them).
Ranges (DESIGN §5): AP0xx file and YAML, AP1xx schema, AP2xx references and
permissions, AP3xx warnings. Messages are English msgids, translated through the
gettext catalogs; the README's table of codes is checked against this registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from actionplan.i18n import N_


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    severity: Severity
    template: str


def _e(template: str) -> Code:
    return Code(Severity.ERROR, template)


def _w(template: str) -> Code:
    return Code(Severity.WARNING, template)


# fmt: off
CODES: dict[str, Code] = {
    # AP0xx: reading the file and its YAML
    "AP001": _e(N_("Cannot read the file: {reason}.")),
    "AP002": _e(N_("The file is {size} bytes, over the limit of {limit} bytes; split it or remove unneeded content.")),
    "AP003": _e(N_("Byte {byte} is not valid UTF-8; re-save the file with UTF-8 encoding.")),
    "AP004": _e(N_("The file is encoded as {encoding}; re-save it with UTF-8 encoding.")),
    "AP005": _e(N_("The file is empty (or holds only comments).")),
    "AP006": _e(N_("Git merge-conflict marker '{marker}': resolve the conflict and remove the markers.")),
    "AP007": _e(N_("YAML syntax error: {detail}.")),
    "AP008": _e(N_("Tab character used for indentation; indent with spaces.")),
    "AP009": _e(N_("Nesting is deeper than {limit} levels.")),
    "AP010": _e(N_("Anchors and aliases (&, *) are not allowed; write the value out in full.")),
    "AP011": _e(N_("Explicit YAML tags ('{tag}') are not allowed; write plain values.")),
    "AP012": _e(N_("The file holds more than one YAML document ('---'); keep one document per file.")),
    "AP013": _e(N_("Duplicate key '{key}' (first at line {first_line}); keep only one.")),
    "AP014": _e(N_("Merge keys ('<<') are not allowed; write the keys out in full.")),
    "AP015": _e(N_("A key must be plain text, not a list or mapping.")),
    "AP016": _e(N_("Required file is missing: {name}.")),
    "AP017": _e(N_("Control character {char} is not allowed; remove it.")),
    # AP1xx: schema (one file's content)
    "AP101": _e(N_("Unknown key '{key}'.")),
    "AP102": _e(N_("Unknown key '{key}'; did you mean '{suggestion}'?")),
    "AP103": _e(N_("Missing required key '{key}'.")),
    "AP104": _e(N_("Expected a mapping of keys and values here.")),
    "AP105": _e(N_("Invalid value: {detail}.")),
    "AP106": _e(N_("'{value}' is not allowed here; use one of: {allowed}.")),
    "AP107": _e(N_("'{value}' is not a due term; use e.g. 2025, 2026-Q1, 2026-H1, 2026-06, 2026-06-15, 2025..2030, continuous, central or assigned.")),
    "AP108": _e(N_("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.")),
    "AP109": _e(N_("'{value}' is not a whole number.")),
    "AP110": _e(N_("'{value}' is not true or false.")),
    "AP111": _e(N_("This value must not be empty.")),
    "AP112": _e(N_("'{value}' is not a valid id: use {form}.")),
    "AP113": _e(N_("The number {value} is too large; the most allowed is {limit}.")),
    "AP114": _e(N_("Expected a list here (items starting with '- ', or [a, b]).")),
    "AP115": _e(N_("Expected text here, not a list or mapping.")),
    "AP116": _e(N_("'{value}' is not a dated term; use e.g. 2025, 2026-Q1, 2026-06-15 or 2025..2030.")),
    "AP117": _e(N_("At least one item is required here.")),
    "AP118": _e(N_("'{value}' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3.")),
    "AP119": _e(N_("A task reported 'done' needs the date it was done: add done_on: YYYY-MM-DD.")),
    "AP120": _e(N_("done_on is only for status 'done' (this entry is '{status}'); remove it or change the status.")),
    "AP121": _e(N_("Only http(s) and mailto links are allowed in text ('{link}').")),
    "AP122": _e(N_("The number {value} is too small; the least allowed is {limit}.")),
    # AP2xx: references across the data
    "AP201": _e(N_("Duplicate id '{id}' (first at line {first_line}); ids must be unique.")),
    "AP202": _e(N_("Unknown agency '{agency}'.")),
    "AP203": _e(N_("Task id '{id}' does not belong to section '{section}'; use '{section}.<n>'.")),
    "AP204": _e(N_("Section id '{id}' does not belong under section '{parent}'.")),
    "AP205": _e(N_("There must be exactly one secretariat agency; found {count}.")),
    "AP206": _e(N_("Task '{task}' has two milestones of kind '{kind}'; updates could not tell them apart.")),
    "AP207": _e(N_("The file is in folder '{folder}' but says agency '{agency}'; move it to updates/{agency}/ or correct the agency.")),
    "AP208": _e(N_("The file is named '{name}' but says period '{period}'; rename it to {period}.yaml or correct the period.")),
    "AP209": _e(N_("Folder '{folder}' is not an agency id; use one of: {known}.")),
    "AP210": _e(N_("Unknown task '{task}'.")),
    "AP211": _e(N_("Task '{task}' has no milestone '{kind}'; it has: {kinds}.")),
    "AP212": _e(N_("Agency '{agency}' does not lead task '{task}' (leads: {leads}); only the secretariat may report on other agencies' tasks.")),
    "AP213": _e(N_("A second entry for task '{task}', milestone '{kind}' (first at line {first_line}); keep one entry per milestone in a file.")),
    "AP214": _e(N_("Period {period} is before the programme's first reporting period {first}.")),
    "AP215": _e(N_("Submitted on {submitted}, before period {period} begins; check the period and the date.")),
    "AP216": _e(N_("'{name}' does not belong in the data folder; only programme.yaml, decisions.yaml, updates/ and source/ do.")),
    "AP217": _e(N_("'{name}' is not an update file name; name it after its period, e.g. 2026-Q3.yaml.")),
    "AP218": _e(N_("done_on {done_on} is after the file's submitted date {submitted}.")),
    "AP219": _e(N_("'{name}' is a symbolic link; commit the file itself.")),
    "AP220": _e(N_("'{name}' is a folder inside an agency folder; update files go directly in updates/<agency>/.")),
    "AP221": _e(N_("'{name}' is directly in updates/; put it in updates/<agency>/.")),
    "AP223": _e(N_("{name} belongs to period {period}, which closed on {closed}; closed reports are history: add a correction in the current period's file instead of changing this one.")),
    "AP224": _e(N_("{name} is deleted; update files are history and are never deleted: add a correction in the current period's file instead.")),
    "AP225": _e(N_("This pull request changes update files together with {others}; submit the agency's update in its own pull request.")),
    "AP227": _e(N_("Agency name '{name}' is already used by agency '{other}' (line {first_line}); one agency, one entry.")),
    "AP226": _e(N_("{name} was renamed from {old}; update files keep their names: add a new file for the new period instead.")),
    # AP3xx: warnings (fail only with --strict)
    "AP301": _w(N_("Text looks garbled by a wrong encoding ('{sample}'); re-type it or re-save the file as UTF-8.")),
    "AP302": _w(N_("Agency '{agency}' is not named by any task; remove it or check the spelling of its id.")),
    "AP303": _w(N_("Progress {progress} is lower than this agency's previous report ({previous}); correct it or explain why in the note.")),
    "AP304": _w(N_("This milestone was reported done before and is now '{status}' without a note saying why.")),
    "AP305": _w(N_("An entry reported done should not list obstacles; remove them or change the status.")),
    "AP306": _w(N_("done_on {done_on} differs from the date this agency reported before ({previous}); keep the first date unless it was wrong, and say so in the note.")),
    "AP307": _w(N_("This schedule ({due}) is later than the programme's own deadline ({by}); if the Standing Committee moved the deadline back, record it as action: extend so reports show the extension.")),
    # AP4xx: importing a programme document (actionplan import)
    "AP401": _e(N_("Cannot interpret the deadline phrase '{phrase}'; it is kept verbatim with due 'assigned'. Correct the source, or import with --allow-unparsed and record the deadline as a decision.")),
    "AP402": _e(N_("Task ({number}) has no lead agency ('Cơ quan chủ trì…').")),
    "AP403": _e(N_("No tasks found: expected numbered sections ('1.1.') holding items '(1)', '(2)'…")),
    "AP404": _w(N_("Footnote mark {mark} has no footnote text.")),
    "AP405": _w(N_("Footnote {mark} is not referenced by any task; it is attached to the task above it.")),
    "AP406": _e(N_("Task number ({number}) appears twice in section {section}.")),
    "AP407": _e(N_("Cannot find the programme title ('CHƯƠNG TRÌNH HÀNH ĐỘNG …').")),
    "AP408": _e(N_("Cannot tell the province from the text; pass --province.")),
    "AP409": _e(N_("Task ({number}) has no deadline ('Thời hạn…', 'Thời gian…').")),
}
# fmt: on
