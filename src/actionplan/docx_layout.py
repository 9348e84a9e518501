"""Page, fonts and building blocks of a Word document in Party-document layout.

Hướng dẫn 36-HD/VPTW fixes the look of Party documents: A4, margins 2 cm top and
bottom, 3 cm left and 1.5 cm right (the guideline allows 1.5–2 cm; the narrower one
leaves the per-agency table more room), Times New Roman, body text at 14 pt, page
numbers at the top centre from the second page. :mod:`actionplan.docx_report` says
*what* the report contains; this module only says how a paragraph, a table or the page
looks, so another document (a reminder, a decision) can reuse it.

Body formatting lives in the Normal style rather than on each paragraph: staff edit
and extend the report in Word, and a paragraph they add by pressing Enter should come
out in the same layout without any work.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import docx
from docx.document import Document
from docx.enum.table import (
    WD_CELL_VERTICAL_ALIGNMENT,
    WD_TABLE_ALIGNMENT,
)
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12  # 14 pt does not fit seven columns on 16.5 cm; 12 pt stays legible
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGINS_CM = {"top": 2.0, "bottom": 2.0, "left": 3.0, "right": 1.5}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGINS_CM["left"] - MARGINS_CM["right"]
FIRST_LINE_INDENT_CM = 1.0
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-GB"}

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

# Characters XML 1.0 cannot carry (python-docx refuses them): the loader already
# rejects controls in data files, this keeps a report built some other way printable.
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Theme font attributes win over the named fonts in Word, so they must go, or Word
# shows Calibri/Cambria (and a substitute East-Asian font) despite "Times New Roman".
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_ATTRS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def set_font(rpr: BaseOxmlElement, size: float | None = None) -> None:
    """Times New Roman for every script on a run-properties element (w:rPr)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in _FONT_ATTRS:
        fonts.set(qn(attr), FONT)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)
            element.set(qn("w:val"), str(round(size * 2)))  # half-points


def new_document(lang: str) -> Document:
    """An empty A4 document with the guideline's margins, fonts and body style."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    section.header_distance = section.footer_distance = Cm(1.0)
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = defaults.find(qn("w:rPr"))
    set_font(rpr, BODY_PT)
    language = rpr.find(qn("w:lang"))
    language.set(qn("w:val"), LANGUAGE_TAGS.get(lang, "vi-VN"))  # spelling check language
    normal = document.styles["Normal"]
    set_font(normal.element.get_or_add_rPr(), BODY_PT)
    body = normal.paragraph_format
    body.alignment = JUSTIFY
    body.first_line_indent = Cm(FIRST_LINE_INDENT_CM)
    body.space_before, body.space_after = Pt(0), Pt(6)
    body.line_spacing = 1.0
    for name in ("Heading 1", "Heading 2"):
        _plain_heading(document.styles[name])
    _page_numbers(section)
    return document


def _plain_heading(style: ParagraphStyle) -> None:
    """A heading that looks like the body's bold headings (black, 14 pt, no theme
    font) but keeps its outline level, so Word's navigation pane lists the sections."""
    rpr = style.element.get_or_add_rPr()
    set_font(rpr, BODY_PT)
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)
    style.font.bold, style.font.italic = True, False
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(6), Pt(6)
    fmt.first_line_indent = Cm(FIRST_LINE_INDENT_CM)
    fmt.alignment = JUSTIFY


def _page_numbers(section: Section) -> None:
    """The page number at the top centre, none on the first page (the guideline)."""
    section.different_first_page_header_footer = True
    par = section.header.paragraphs[0]
    par.alignment = CENTER
    par.paragraph_format.first_line_indent = Cm(0)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    set_font(run.get_or_add_rPr(), BODY_PT)
    text = OxmlElement("w:t")
    text.text = "2"  # Word recalculates the field; this is what a viewer shows without it
    run.append(text)
    field.append(run)
    par._p.append(field)  # python-docx has no API for fields


def add_run(
    par: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    highlight: bool = False,
) -> Run:
    """A run in Times New Roman set on the run itself too, so copying it into another
    document keeps the font; ``highlight`` marks text staff must replace."""
    run = par.add_run(_XML_UNSAFE.sub("", text))
    set_font(run._r.get_or_add_rPr(), size)
    run.bold = bold or None
    run.italic = italic or None
    run.underline = underline or None
    if highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def add_paragraph(
    container: Document | _Cell,
    text: str = "",
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = True,
    space_after: float | None = None,
    style: str | None = None,
    **run_format: Any,
) -> Paragraph:
    """A paragraph in ``container`` (the document or a table cell) with one run;
    ``indent=False`` drops the first-line indent (centred lines, table cells)."""
    par = container.add_paragraph(style=style)
    fmt = par.paragraph_format
    if align is not None:
        fmt.alignment = align
    if not indent:
        fmt.first_line_indent = Cm(0)
    if space_after is not None:
        fmt.space_after = Pt(space_after)
    if text:
        add_run(par, text, **run_format)
    return par


def cell_paragraph(cell: _Cell, first: bool) -> Paragraph:
    """The cell's next paragraph: the empty one a new cell has, then new ones."""
    par: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    par.paragraph_format.first_line_indent = Cm(0)
    par.paragraph_format.space_after = Pt(0)
    return par


def add_table(document: Document, widths_cm: Sequence[float], *, grid: bool) -> Table:
    """A table of fixed column widths; ``grid`` draws the borders (a data table),
    otherwise none (the layout tables of the header and the closing block)."""
    table: Table = document.add_table(rows=0, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if grid:
        table.style = document.styles["Table Grid"]
    else:
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            line = OxmlElement(f"w:{edge}")
            line.set(qn("w:val"), "nil")
            borders.append(line)
        table._tbl.tblPr.append(borders)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    return table


def add_row(
    table: Table, widths_cm: Sequence[float], *, header: bool = False, middle: bool = False
) -> _Row:
    """A row whose cells carry their widths (Word reads the cells', not the grid's);
    a header row repeats on every page, no row breaks across pages, and ``middle``
    centres the cells vertically (a data table: figures beside a wrapped name)."""
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]  # unannotated upstream
    for cell, width in zip(row.cells, widths_cm, strict=True):
        cell.width = Cm(width)
        if middle:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))
    return row


def document_bytes(document: Document, moment: datetime) -> bytes:
    """The .docx file, byte for byte the same for the same content and ``moment``:
    python-docx stamps every zip entry with the current time, so the entries are
    written again with ``moment`` (the report's generation time, which honours
    ``SOURCE_DATE_EPOCH``)."""
    properties = document.core_properties
    # Core properties are written as UTC ("…Z") from a naive datetime.
    utc = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
    properties.created = properties.modified = utc
    properties.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()
