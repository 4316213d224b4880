"""The therapist report as a PDF, laid out by Qt (QTextDocument painted onto a
QPdfWriter): a title page with the couple's names and the range, one section per
part, the long-arc figures as tables, and "page n of N" on every page.

This is presentation only: it turns a ``domain.report.Report`` into bytes. The
command line imports it lazily, and only for ``--format pdf``.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from twofold.domain.report import PLAINTEXT_WARNING, Report, ReportItem, ReportPart, ReportTable

_CSS = """
body { font-family: sans-serif; font-size: 10.5pt; color: #222; }
h1 { font-size: 24pt; font-weight: 600; margin-top: 120px; }
h2 { font-size: 16pt; font-weight: 600; margin-top: 18px; color: #2f4858; }
h3 { font-size: 11pt; font-weight: 600; margin-top: 10px; margin-bottom: 2px; }
p.meta { font-size: 12pt; color: #444; }
p.intro { color: #555; font-style: italic; }
p.warn { color: #7a3b00; }
table { border-collapse: collapse; margin-top: 4px; margin-bottom: 10px; }
th { background-color: #e9eef2; font-weight: 600; padding: 3px; }
td { padding: 3px; }
p.caption { font-weight: 600; margin-top: 8px; margin-bottom: 2px; }
span.label { color: #555; font-weight: 600; }
p.detail { margin-top: 0px; margin-bottom: 2px; }
"""


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br/>")


def _when(item: ReportItem) -> str:
    from datetime import datetime

    if isinstance(item.when, datetime):
        return item.when.astimezone().strftime("%a %d %b %Y, %H:%M")
    return item.when.strftime("%a %d %b %Y")


def _table(table: ReportTable) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in table.headers)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_text(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    return (
        f"<p class='caption'>{html.escape(table.caption)}</p>"
        f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
        f"<tr>{head}</tr>{rows}</table>"
    )


def _item(item: ReportItem) -> str:
    who = f" — {html.escape(item.who)}" if item.who else ""
    out = f"<h3>{html.escape(_when(item))}{who}: {html.escape(item.title)}</h3>"
    if item.text:
        out += f"<p>{_text(item.text)}</p>"
    # label and value as a paragraph: a table per item made Qt's layout several
    # times slower for a ledger of thousands of items
    out += "".join(
        f"<p class='detail'><span class='label'>{html.escape(label)}:</span> {_text(value)}</p>"
        for label, value in item.details
    )
    return out


# Items per QTextDocument. Qt paints a page of a document by walking the document
# from its start to the page, so one document for a ten-year ledger (~5,000 pages)
# made painting quadratic: 289 s. The report is laid out as a flow of small
# documents instead, each one continuing on the page where the one before ended.
CHUNK_ITEMS = 40


def _head(part: ReportPart) -> str:
    out = f"<h2>{html.escape(part.title)}</h2>"
    if part.intro:
        out += f"<p class='intro'>{html.escape(part.intro)}</p>"
    out += "".join(_table(t) for t in part.tables)
    if not part.tables and not part.items:
        out += "<p class='intro'>Nothing in this period.</p>"
    return out


def _title_page(report: Report) -> str:
    made = report.made_at.astimezone().strftime("%d %B %Y, %H:%M")
    contents = "".join(f"<li>{html.escape(p.title)}</li>" for p in report.parts)
    return (
        f"<h1>{html.escape(report.title)}</h1>"
        f"<p class='meta'>{html.escape(report.range_text)}</p>"
        f"<p class='meta'>Made on {html.escape(made)} {html.escape(report.signed_text)}"
        + ("" if report.after_left else " (both signatures are in the couple's ledger)")
        + ".</p>"
        f"<p>Contents:</p><ul>{contents}</ul>"
        f"<p class='warn'>{html.escape(PLAINTEXT_WARNING)}</p>"
    )


def _page(body: str) -> str:
    return f"<html><head><style>{_CSS}</style></head><body>{body}</body></html>"


def report_html(report: Report) -> str:
    """The whole report as one HTML page (for previews; the PDF is laid out in pieces)."""
    body = _title_page(report)
    for part in report.parts:
        body += _head(part) + "".join(_item(i) for i in part.items)
    return _page(body)


@dataclass(frozen=True, slots=True)
class _Slice:
    """Part of a laid-out document (``top``..``bottom`` in its own coordinates) drawn at
    ``y`` on page ``page``."""

    document: QTextDocument
    top: float
    bottom: float
    page: int
    y: float
    flowed: bool = False  # drawn line by line (items), else by Qt's page painting

    def draw(self, painter: QPainter, width: float) -> None:
        if not self.flowed:
            painter.save()
            painter.translate(0, self.y - self.top)
            self.document.drawContents(painter, QRectF(0, self.top, width, self.bottom - self.top))
            painter.restore()
            return
        # Only the lines that start inside the slice. (Qt's own painting also writes
        # the line above its clip into the PDF: hidden by the clip, but still read by
        # pypdf, search and screen readers — each break would double a line.)
        shift = self.y - self.top
        block = self.document.begin()
        while block.isValid():
            layout = block.layout()
            origin = layout.position()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                if self.top <= origin.y() + line.y() < self.bottom:
                    line.draw(painter, QPointF(origin.x(), origin.y() + shift))
            block = block.next()


class _Flow:
    """Lays the report out page by page. Headings and tables are laid out by Qt as
    paged documents; the items (thousands over ten years) in small documents whose
    lines are placed on the pages here, so painting a page never walks the whole
    report (one document of ~5,000 pages made painting quadratic: 289 s)."""

    def __init__(self, writer: QPdfWriter, page: QSizeF) -> None:
        self.writer, self.page = writer, page
        self.slices: list[_Slice] = []
        self.number = -1  # the page being filled
        self.y = 0.0  # how much of it is used

    def _document(self, body: str, paged: bool) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.writer)
        document.setDefaultFont(QFont("sans-serif", 10))
        document.setDocumentMargin(0)
        if paged:
            document.setPageSize(self.page)  # before the content: laid out once
        else:
            document.setTextWidth(self.page.width())
        document.setHtml(_page(body))
        return document

    def new_section(self, body: str) -> None:
        """Start on a new page; Qt pages a heading, its tables and a title page."""
        document = self._document(body, paged=True)
        count = document.pageCount()
        height = self.page.height()
        for index in range(count):
            self.number += 1
            self.slices.append(
                _Slice(document, index * height, (index + 1) * height, self.number, 0.0)
            )
        last = document.documentLayout().blockBoundingRect(document.lastBlock())
        self.y = max(0.0, last.bottom() - (count - 1) * height)

    def flow(self, body: str) -> None:
        """Continue on the current page, breaking between lines."""
        document = self._document(body, paged=False)
        end = document.size().height()  # lays the whole piece out (Qt does it lazily)
        lines: list[tuple[float, float]] = []
        block = document.begin()
        while block.isValid():
            layout = block.layout()
            origin = layout.position().y()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                lines.append((origin + line.y(), origin + line.y() + line.height()))
            block = block.next()
        start = 0.0
        if self.y:
            self.y += self.page.height() / 120  # the space a heading has above it
        for top, bottom in lines:
            if self.y + (bottom - start) > self.page.height() and (top > start or self.y):
                if top > start:
                    self.slices.append(_Slice(document, start, top, self.number, self.y, True))
                self.number += 1
                self.y, start = 0.0, top
        self.slices.append(_Slice(document, start, end, self.number, self.y, True))
        self.y += end - start

    @property
    def pages(self) -> int:
        return self.number + 1


def render_pdf(report: Report) -> bytes:
    """The PDF's bytes. Needs a QGuiApplication (fonts); safe on a worker thread."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.title)
    writer.setCreator("Twofold")
    writer.setResolution(144)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = int(writer.resolution() * 0.35)
    page = QSizeF(area.width(), area.height() - footer)

    # every page is laid out first: the footer says "page n of N"
    flow = _Flow(writer, page)
    flow.new_section(_title_page(report))
    for part in report.parts:
        flow.new_section(_head(part))
        for start in range(0, len(part.items), CHUNK_ITEMS):
            flow.flow("".join(_item(i) for i in part.items[start : start + CHUNK_ITEMS]))

    painter = QPainter(writer)
    try:
        painter.setFont(QFont("sans-serif", 8))
        drawn = 0
        for piece in flow.slices:
            if piece.page != drawn:
                _footer(painter, report, page, footer, drawn, flow.pages)
                writer.newPage()
                drawn = piece.page
            piece.draw(painter, page.width())
        _footer(painter, report, page, footer, drawn, flow.pages)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _footer(
    painter: QPainter, report: Report, page: QSizeF, footer: int, index: int, pages: int
) -> None:
    painter.drawText(
        QRectF(0, page.height(), page.width(), footer),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        f"{report.title} · {report.range_text} · page {index + 1} of {pages}",
    )


def render_pdf_headless(report: Report) -> bytes:
    """For the command line: make an offscreen QGuiApplication if there is none."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["twofold"])
    return render_pdf(report)
