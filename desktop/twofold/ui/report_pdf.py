"""The therapist report as a PDF, laid out by Qt (QTextDocument painted onto a
QPdfWriter): a title page with the couple's names and the range, one section per
part, the long-arc figures as tables, and "page n of N" on every page.

This is presentation only: it turns a ``domain.report.Report`` into bytes. The
command line imports it lazily, and only for ``--format pdf``.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
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
td.label { color: #555; font-weight: 600; }
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
    if item.details:
        out += (
            "<table cellspacing='0' cellpadding='2'>"
            + "".join(
                f"<tr><td class='label' valign='top'>{html.escape(label)}</td>"
                f"<td>{_text(value)}</td></tr>"
                for label, value in item.details
            )
            + "</table>"
        )
    return out


def _part(part: ReportPart, first: bool) -> str:
    style = "" if first else " style='page-break-before: always'"
    out = f"<h2{style}>{html.escape(part.title)}</h2>"
    if part.intro:
        out += f"<p class='intro'>{html.escape(part.intro)}</p>"
    out += "".join(_table(t) for t in part.tables)
    out += "".join(_item(i) for i in part.items)
    if not part.tables and not part.items:
        out += "<p class='intro'>Nothing in this period.</p>"
    return out


def report_html(report: Report) -> str:
    made = report.made_at.astimezone().strftime("%d %B %Y, %H:%M")
    contents = "".join(f"<li>{html.escape(p.title)}</li>" for p in report.parts)
    title_page = (
        f"<h1>{html.escape(report.title)}</h1>"
        f"<p class='meta'>{html.escape(report.range_text)}</p>"
        f"<p class='meta'>Made on {html.escape(made)} {html.escape(report.signed_text)}"
        + ("" if report.after_left else " (both signatures are in the couple's ledger)")
        + ".</p>"
        f"<p>Contents:</p><ul>{contents}</ul>"
        f"<p class='warn'>{html.escape(PLAINTEXT_WARNING)}</p>"
    )
    parts = "".join(_part(p, False) for p in report.parts)
    return f"<html><head><style>{_CSS}</style></head><body>{title_page}{parts}</body></html>"


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
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(QFont("sans-serif", 10))
    document.setHtml(report_html(report))
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = int(writer.resolution() * 0.35)
    page = QSizeF(area.width(), area.height() - footer)
    document.setPageSize(page)
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        painter.setFont(QFont("sans-serif", 8))
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(
                painter, QRectF(0, index * page.height(), page.width(), page.height())
            )
            painter.restore()
            painter.drawText(
                QRectF(0, page.height(), page.width(), footer),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"{report.title} · {report.range_text} · page {index + 1} of {pages}",
            )
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def render_pdf_headless(report: Report) -> bytes:
    """For the command line: make an offscreen QGuiApplication if there is none."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["twofold"])
    return render_pdf(report)
