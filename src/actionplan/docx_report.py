"""The periodic report as a Word document in Party-document layout (issue 6, item 3).

``render_docx`` turns the same :class:`~actionplan.report.Report` the Markdown and HTML
reports render into a .docx that the Party Office edits, signs and sends: the heading
block of Hướng dẫn 36-HD/VPTW (issuing body and "*" and the number on the left, "ĐẢNG
CỘNG SẢN VIỆT NAM" and place and date on the right), "BÁO CÁO" and its summary line,
the report's sections (:mod:`actionplan.docx_sections`), a proposals section for staff
to write, and the recipients beside the signature block. Page and fonts are
:mod:`actionplan.docx_layout`'s.

Readings chosen where the guideline leaves room:

- the number ("Số      -BC/TU") and the date of issue stay blank ("ngày … tháng … năm …"):
  both are filled in when the report is signed and registered, often days after the
  figures' as-of day, which the first paragraph states;
- the period goes on its own line under the summary, exactly as the Markdown report
  names it, so the long programme title never runs into it;
- the proposals are left to staff: a highlighted placeholder paragraph in the body
  style, so typing over it gives a normal paragraph; the signer's position and name
  are highlighted placeholders too;
- "Nơi nhận:" and the signature share a borderless two-column table, the usual way
  Word documents keep them side by side on the last page.
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt

from actionplan.docx_layout import (
    CENTER,
    TEXT_WIDTH_CM,
    add_paragraph,
    add_row,
    add_run,
    add_table,
    cell_paragraph,
    document_bytes,
    new_document,
)
from actionplan.docx_sections import ROMAN, SECTIONS, heading
from actionplan.i18n import _, get_language
from actionplan.models import Programme
from actionplan.periods import ReportWindow
from actionplan.present.fmt import short_date
from actionplan.remind import title_in_sentence
from actionplan.render import vietnamese_date
from actionplan.report import Report

HEADER_WIDTHS = (6.5, TEXT_WIDTH_CM - 6.5)
CLOSING_WIDTHS = (9.0, TEXT_WIDTH_CM - 9.0)  # a recipient fits on one line at 12 pt
RECIPIENTS_PT = 12  # the list of recipients is set smaller than the body


def render_docx(report: Report, programme: Programme) -> bytes:
    """The report as .docx bytes, in the active language (:func:`actionplan.i18n._`).

    Pure apart from building the document in memory: the same report gives the same
    bytes (see :func:`actionplan.docx_layout.document_bytes`); the caller writes them.
    """
    head = programme.programme
    document = new_document(get_language())
    _heading_block(document, head.province)
    title = title_in_sentence(head.title, head.issuer)  # it follows "Kết quả thực hiện"
    _title(document, report, title)
    _introduction(document, report, title)
    for number, section in zip(ROMAN, (*SECTIONS, _proposals), strict=False):
        section(document, report, number)
    _closing(document, programme)
    properties = document.core_properties
    properties.title = f"{_('REPORT')}: {head.title}"
    properties.author = properties.last_modified_by = _issuing_body(head.province)
    properties.comments = _data_revision(report)
    return document_bytes(document, report.header.generated)


def _issuing_body(province: str) -> str:
    # The reminders' message, so the two documents name the issuer alike.
    return _("{province} PROVINCIAL PARTY COMMITTEE").format(province=province.upper())


def _data_revision(report: Report) -> str:
    rev = report.header.revision
    value = _("not in git") if rev is None else str(rev)
    return f"{_('Data revision')}: {value}"


def _heading_block(document: Document, province: str) -> None:
    table = add_table(document, HEADER_WIDTHS, grid=False)
    left, right = add_row(table, HEADER_WIDTHS).cells
    add_run(cell_paragraph(left, True), _issuing_body(province), bold=True)
    add_run(cell_paragraph(left, False), "*")
    add_run(cell_paragraph(left, False), _("No.      -BC/TU"))
    add_run(
        cell_paragraph(right, True),
        _("COMMUNIST PARTY OF VIET NAM"),
        bold=True,
        underline=True,
        size=15,
    )  # the guideline sets the Party heading at 15 pt
    place = _("{place}, dated ……………").format(place=province)
    add_run(cell_paragraph(right, False), place, italic=True)
    for par in (*left.paragraphs, *right.paragraphs):
        par.alignment = CENTER


def period_label(window: ReportWindow) -> str:
    """The period as the Markdown report's header names it ("Quý III năm 2026
    (01/07/2026 – 30/09/2026)"), or the days its changes cover without a period."""
    period = window.period
    if period is None:
        return f"{short_date(window.start)} – {short_date(window.as_of)}"
    if period.kind == "quarter":
        name = _("Quarter {number}, {year}").format(
            number=period.number, roman=ROMAN[period.number - 1], year=period.year
        )
    elif period.kind == "half" and period.number == 1:
        name = _("First half of {year}").format(year=period.year)
    elif period.kind == "half":
        name = _("Second half of {year}").format(year=period.year)
    else:
        name = _("Year {year}").format(year=period.year)
    return f"{name} ({short_date(period.start)} – {short_date(period.end)})"


def _title(document: Document, report: Report, title: str) -> None:
    kind = add_paragraph(
        document, _("REPORT"), align=CENTER, indent=False, space_after=0, bold=True, size=16
    )  # the guideline: 15–16 pt for the kind
    kind.paragraph_format.space_before = Pt(12)
    summary = add_paragraph(document, align=CENTER, indent=False, space_after=0)
    add_run(summary, _("Results of implementing {title}").format(title=title), bold=True)
    add_run(summary, "\n" + period_label(report.header.window), bold=True)
    add_paragraph(document, "-----", align=CENTER, indent=False, space_after=12)


def _introduction(document: Document, report: Report, title: str) -> None:
    window = report.header.window
    add_paragraph(
        document,
        _(
            "From the updates the agencies have submitted, the results of implementing "
            "{title} as of {date} (compared with {baseline}) are as follows:"
        ).format(
            title=title,
            date=vietnamese_date(window.as_of),
            baseline=vietnamese_date(window.baseline),
        ),
    )


def _proposals(document: Document, report: Report, number: str) -> None:
    del report  # every section takes the report; this one is written by staff
    heading(document, number, _("Proposals and recommendations"))
    placeholder = add_paragraph(
        document,
        _(
            "[To be written by the drafting office: proposals and recommendations to the "
            "Standing Committee of the Provincial Party Committee.]"
        ),
        italic=True,
        highlight=True,
    )
    # The signature must not stand alone on the last page: the closing text goes with it.
    placeholder.paragraph_format.keep_with_next = True


def _closing(document: Document, programme: Programme) -> None:
    """Recipients on the left, the signature on the right (the guideline's places)."""
    add_paragraph(document, space_after=0).paragraph_format.keep_with_next = True
    table = add_table(document, CLOSING_WIDTHS, grid=False)
    left, right = add_row(table, CLOSING_WIDTHS).cells
    add_run(cell_paragraph(left, True), _("Recipients:"), bold=True, italic=True)
    office = next((a.name for a in programme.agencies if a.secretariat), None)
    recipients = [
        _("Standing Board of the Provincial Party Committee (to report),"),
        _("Members of the Standing Committee of the Provincial Party Committee,"),
        _("File: {office}.").format(office=office) if office else _("File copy."),
    ]
    for line in recipients:
        add_run(cell_paragraph(left, False), f"- {line}", size=RECIPIENTS_PT)
    signature = (
        (_("ON BEHALF OF THE STANDING COMMITTEE"), False),
        (_("[POSITION]"), True),
        *(("", False),) * 4,  # room for the signature and the seal
        (_("[Full name]"), True),
    )
    for index, (text, placeholder) in enumerate(signature):
        par = cell_paragraph(right, index == 0)
        par.alignment = CENTER
        if text:
            add_run(par, text, bold=True, highlight=placeholder)
