"""The therapist report as a PDF: a title page with the couple's names and the
range, one section per part, the long-arc figures as tables, and "page n of N" on
every page. Written by ``pdf_document`` (fast, one text operator per line) when all
its text needs no shaping, otherwise laid out by Qt (QTextDocument and QTextLayout
painted onto a QPdfWriter), which shapes every script; see ``render_pdf``.

This is presentation only: it turns a ``domain.report.Report`` into bytes. The
command line imports it lazily, and only for ``--format pdf``.
"""

from __future__ import annotations

import html
import os
import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
    QTextOption,
)

from twofold.domain.report import PLAINTEXT_WARNING, Report, ReportItem, ReportPart, ReportTable
from twofold.resources import resource
from twofold.ui.pdf_document import (
    SIMPLE,
    Composer,
    GlyphFont,
    GlyphLine,
    GlyphRun,
    PdfFont,
    Style,
    plain,
)

Progress = Callable[[int, int], None]

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
    """Part of a paged document (a title page, a part's heading and tables):
    ``top``..``bottom`` in its own coordinates, drawn at the top of page ``page``."""

    document: QTextDocument
    top: float
    bottom: float
    page: int

    def draw(self, painter: QPainter, width: float) -> None:
        painter.save()
        painter.translate(0, -self.top)
        self.document.drawContents(painter, QRectF(0, self.top, width, self.bottom - self.top))
        painter.restore()


_HEADING, _BODY, _DETAIL = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Para:
    """One paragraph of an item: its heading line, a line of its text, or a detail
    ("Label: value", the label in bold)."""

    text: str
    style: int
    label: int = 0  # a detail's label length, with its colon


@dataclass(frozen=True, slots=True)
class _Run:
    """Lines ``first``..``last`` (exclusive) of paragraph ``para`` at ``y`` on ``page``."""

    page: int
    y: float
    para: int
    first: int
    last: int


def _item_paras(item: ReportItem) -> list[_Para]:
    who = f" — {item.who}" if item.who else ""
    out = [_Para(f"{_when(item)}{who}: {item.title}", _HEADING)]
    if item.text:
        out += [_Para(line, _BODY) for line in item.text.split("\n")]
    for label, value in item.details:
        first, *rest = value.split("\n")
        out.append(_Para(f"{label}: {first}", _DETAIL, len(label) + 1))
        out += [_Para(line, _BODY) for line in rest]
    return out


def _lay_out(layout: QTextLayout, width: float) -> None:
    """Break ``layout`` into lines of ``width``, one below the other."""
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))  # Qt leaves every line at 0
        y += line.height()
    layout.endLayout()


class _Pages:
    """Lays the report out page by page, then paints it.

    The title page and each part's heading, intro and tables are small HTML
    documents paged by Qt. The items — tens of thousands over ten years — are plain
    paragraphs, each laid out by its own QTextLayout and drawn line by line: no HTML
    to parse, no document to walk. Every page is planned first (the footer says
    "page n of N"), keeping only where each paragraph's lines go; the paragraphs are
    laid out again when their page is painted (keeping every layout of a ten-year
    report took ~700 MB)."""

    def __init__(self, writer: QPdfWriter, page: QSizeF) -> None:
        self.writer, self.page = writer, page
        self.slices: list[_Slice] = []
        self.paras: list[_Para] = []
        self.runs: list[_Run] = []
        self.number = -1  # the page being filled
        self.y = 0.0  # how much of it is used
        dpi = writer.resolution()
        body = QFont("sans-serif")
        body.setPointSizeF(10)
        heading = QFont(body)
        heading.setPointSizeF(10.5)
        heading.setWeight(QFont.Weight.DemiBold)
        self.fonts = (heading, body, body)
        self.label = QTextCharFormat()
        self.label.setFontWeight(QFont.Weight.DemiBold)
        self.label.setForeground(QColor("#555555"))
        self.option = QTextOption()
        self.option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.gap = dpi * 7 / 72  # above an item's heading (points to pixels)
        self.spacing = dpi * 1.5 / 72  # between paragraphs

    def layout(self, para: _Para) -> QTextLayout:
        layout = QTextLayout(para.text, self.fonts[para.style], self.writer)
        layout.setTextOption(self.option)
        if para.label:
            bold = QTextLayout.FormatRange()
            bold.start, bold.length, bold.format = 0, para.label, self.label
            layout.setFormats([bold])
        _lay_out(layout, self.page.width())
        return layout

    def new_section(self, body: str) -> None:
        """Start on a new page; Qt pages a heading, its tables and a title page."""
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.writer)
        document.setDefaultFont(QFont("sans-serif", 10))
        document.setDocumentMargin(0)
        document.setPageSize(self.page)  # before the content: laid out once
        document.setHtml(_page(body))
        count = document.pageCount()
        height = self.page.height()
        for index in range(count):
            self.number += 1
            self.slices.append(_Slice(document, index * height, (index + 1) * height, self.number))
        last = document.documentLayout().blockBoundingRect(document.lastBlock())
        self.y = max(0.0, last.bottom() - (count - 1) * height)

    def add(self, para: _Para) -> None:
        """Place a paragraph's lines after what is on the page, breaking between lines."""
        index = len(self.paras)
        self.paras.append(para)
        layout = self.layout(para)
        heights = [layout.lineAt(n).height() for n in range(layout.lineCount())]
        if para.style == _HEADING and self.y:
            self.y += self.gap
            # a heading keeps at least two lines below it on its page
            if self.y + 3 * heights[0] > self.page.height():
                self.number, self.y = self.number + 1, 0.0
        first, top = 0, self.y
        for n, height in enumerate(heights):
            if self.y + height > self.page.height() and self.y > 0:
                if n > first:
                    self.runs.append(_Run(self.number, top, index, first, n))
                self.number, self.y, first, top = self.number + 1, 0.0, n, 0.0
            self.y += height
        self.runs.append(_Run(self.number, top, index, first, len(heights)))
        self.y += self.spacing

    @property
    def pages(self) -> int:
        return self.number + 1


def render_pdf(report: Report, progress: Progress | None = None) -> bytes:
    """The PDF's bytes. Needs a QGuiApplication (fonts); safe on a worker thread.
    ``progress(done, total)`` goes from 0 to ``total``.

    A report whose every character is in a script that needs no shaping (Latin,
    Greek, Cyrillic and the common symbols; ``pdf_document.SIMPLE``) and in the
    bundled DejaVu fonts is written by ``pdf_document`` (one pass, one text operator
    per line). Any other — Arabic, Hebrew, Indic scripts, CJK, emoji, combining
    marks — is laid out by Qt, which shapes and orders every script, and takes
    longer (about 2 µs a glyph, see ``pdf_document``)."""
    fast = _fast_fonts(report)
    if fast is None:
        return render_pdf_with_qt(report, progress)
    reached = 0.0

    def tracked(done: int, total: int) -> None:
        nonlocal reached
        reached = done / max(total, 1)
        if progress is not None:
            progress(done, total)

    try:
        return _render_fast(report, fast, tracked)
    except _CannotShape:
        pass  # a font Qt chose for some script cannot be embedded by the writer

    def onwards(done: int, total: int) -> None:  # the bar does not go back
        if progress is not None:
            progress(round(1000 * (reached + (1 - reached) * done / max(total, 1))), 1000)

    return render_pdf_with_qt(report, onwards)


def render_pdf_with_qt(report: Report, progress: Progress | None = None) -> bytes:
    """The PDF laid out and painted by Qt (QTextLayout onto a QPdfWriter): every
    script shaped. ``progress``: laying out is the first half, painting the second."""
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

    # every page is planned first: the footer says "page n of N"
    pages = _Pages(writer, page)
    total = 2 * sum(len(part.items) for part in report.parts) or 1
    done = 0
    pages.new_section(_title_page(report))
    for part in report.parts:
        pages.new_section(_head(part))
        for item in part.items:
            for para in _item_paras(item):
                pages.add(para)
            done += 1
            if progress is not None and done % 500 == 0:
                progress(done, total)

    painter = QPainter(writer)
    try:
        painter.setPen(QColor("#222222"))
        slices, runs = iter(pages.slices), iter(pages.runs)
        next_slice, next_run = next(slices, None), next(runs, None)
        cached: tuple[int, QTextLayout | None] = (-1, None)
        painted = 0
        for number in range(pages.pages):
            if number:
                writer.newPage()
            while next_slice is not None and next_slice.page == number:
                next_slice.draw(painter, page.width())
                next_slice = next(slices, None)
            while next_run is not None and next_run.page == number:
                run = next_run
                if cached[0] != run.para:
                    cached = (run.para, pages.layout(pages.paras[run.para]))
                layout = cached[1]
                assert layout is not None
                shift = run.y - layout.lineAt(run.first).y()
                for n in range(run.first, run.last):
                    layout.lineAt(n).draw(painter, QPointF(0, shift))
                next_run = next(runs, None)
                painted += 1
            _footer(painter, report, page, footer, number, pages.pages)
            if progress is not None and number % 50 == 0:
                share = painted * (total - done) // max(len(pages.runs), 1)
                progress(done + share, total)
    finally:
        painter.end()
    buffer.close()
    if progress is not None:
        progress(total, total)
    return bytes(data.data())


def _footer(
    painter: QPainter, report: Report, page: QSizeF, footer: int, index: int, pages: int
) -> None:
    painter.drawText(
        QRectF(0, page.height(), page.width(), footer),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        f"{report.title} · {report.range_text} · page {index + 1} of {pages}",
    )


def render_pdf_headless(report: Report, progress: Progress | None = None) -> bytes:
    """For the command line: make an offscreen QGuiApplication if there is none."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["twofold"])
    return render_pdf(report, progress)


# --- the fast path: pdf_document, for text that needs no shaping ----------------------

_FONT_FILES = (("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"))
# drawn whatever the report holds: the footer, the contents list, the empty part
_ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "•—–·“”’"


def _frame_strings(report: Report) -> Iterable[str]:
    """What the fast writer draws itself whatever the text: the title page, the
    parts' headings and intros, the tables, the footer."""
    yield report.title
    yield report.range_text
    yield report.signed_text
    yield report.after_left
    yield PLAINTEXT_WARNING
    for part in report.parts:
        yield part.title
        yield part.intro
        for table in part.tables:
            yield table.caption
            yield from table.headers
            for row in table.rows:
                yield from row


def _item_strings(report: Report) -> Iterable[str]:
    for part in report.parts:
        for item in part.items:
            yield item.who
            yield item.title
            yield item.text
            for label, value in item.details:
                yield label
                yield value


def _characters(report: Report) -> set[str]:
    chars = set(_ALWAYS)
    for text in _frame_strings(report):
        chars.update(text)
    for text in _item_strings(report):
        chars.update(text)
    chars.difference_update("\n\r\t")  # pdf_document.plain: line ends and spaces
    chars.update(_when_sample())
    return chars


def _when_sample() -> str:
    """The characters of dates and times as this locale writes them."""
    return "".join(
        datetime(2026, month, 1 + month, 13, 5).astimezone().strftime("%a %A %d %b %B %Y, %H:%M")
        for month in range(1, 13)
    )


def _load_font(name: str, path: Path, chars: str) -> tuple[PdfFont, set[str]] | None:
    """The font with the metrics of those of ``chars`` it has, and those it has not."""
    raw = QRawFont(str(path), 1000, QFont.HintingPreference.PreferNoHinting)
    if not raw.isValid():
        return None
    glyphs = raw.glyphIndexesForString(chars)
    if len(glyphs) != len(chars):
        return None
    advances = raw.advancesForGlyphIndexes(glyphs, QRawFont.LayoutFlag.UseDesignMetrics)
    units = raw.unitsPerEm()
    head = bytes(raw.fontTable("head").data())
    bbox = struct.unpack(">4h", head[36:44])
    have = [(c, g, a.x() / 1000) for c, g, a in zip(chars, glyphs, advances, strict=True) if g]
    font = PdfFont(
        name=name,
        data=path.read_bytes(),
        units=int(units),
        ascent=raw.ascent() * units / 1000,
        descent=raw.descent() * units / 1000,
        bbox=(bbox[0], bbox[1], bbox[2], bbox[3]),
        glyphs={c: g for c, g, _ in have},
        widths={c: w for c, _, w in have},
    )
    return font, {c for c, g in zip(chars, glyphs, strict=True) if not g}


@dataclass(frozen=True, slots=True)
class _Fast:
    """The bundled fonts with the metrics of the report's characters, and which
    text they cannot draw alone: it needs shaping, or has a character they lack."""

    fonts: list[PdfFont]
    shaping: re.Pattern[str]


def _fast_fonts(report: Report) -> _Fast | None:
    """None when the title page, a heading, a table or the footer needs shaping or
    a character the bundled fonts lack (then Qt lays the whole report out); items
    that do are shaped by Qt paragraph by paragraph (``_Shaper``)."""
    chars = "".join(sorted(c for c in _characters(report) if not SIMPLE.match(c)))
    fonts, missing = [], set()
    for name, file in _FONT_FILES:
        try:
            path = resource("fonts", file)
        except FileNotFoundError:
            return None
        loaded = _load_font(name, path, chars)
        if loaded is None:
            return None
        fonts.append(loaded[0])
        missing |= loaded[1]
    pattern = SIMPLE.pattern
    if missing:
        pattern += "|[" + "".join(re.escape(c) for c in sorted(missing)) + "]"
    shaping = re.compile(pattern)
    if any(shaping.search(plain(text)) for text in _frame_strings(report)):
        return None
    return _Fast(fonts, shaping)


_SCALE = 100  # Qt lays shaped text out in hundredths of a point (pixel sizes are whole)
_TABLES = (
    "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name",
    "OS/2", "post", "prep",
)  # fmt: skip


def _sfnt(raw: QRawFont) -> bytes | None:
    """The font file of a font Qt chose (TrueType outlines only), from its tables."""
    tables = {tag: bytes(raw.fontTable(tag).data()) for tag in _TABLES}
    tables = {tag: data for tag, data in tables.items() if data}
    if not {"glyf", "loca", "head", "hhea", "hmtx", "maxp"} <= tables.keys():
        return None
    count = len(tables)
    power = 1 << (count.bit_length() - 1)
    out = bytearray(
        struct.pack(
            ">IHHHH", 0x00010000, count, 16 * power, power.bit_length() - 1, 16 * (count - power)
        )
    )
    offset = 12 + 16 * count
    body = bytearray()
    for tag in sorted(tables):
        data = tables[tag] + b"\0" * (-len(tables[tag]) % 4)
        checksum = sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF
        out += struct.pack(
            ">4sIII", tag.encode("latin-1"), checksum, offset + len(body), len(tables[tag])
        )
        body += data
    return bytes(out + body)


class _CannotShape(Exception):
    """Qt chose a font that cannot be embedded this way (not TrueType outlines)."""


class _Shaper:
    """Paragraphs that need shaping, laid out by Qt's QTextLayout (the bundled DejaVu
    first, the system's fonts for what it lacks) and handed to the writer as glyphs
    at their positions: right-to-left text reordered, Arabic joined, marks placed."""

    _registered = False

    def __init__(self) -> None:
        if not _Shaper._registered:
            for _, file in _FONT_FILES:
                QFontDatabase.addApplicationFont(str(resource("fonts", file)))
            _Shaper._registered = True
        self.fonts: dict[tuple[str, str, int, int], GlyphFont] = {}
        self.option = QTextOption()
        self.option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.option.setUseDesignMetrics(True)

    def qfont(self, style: Style, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPixelSize(round(style.size * _SCALE))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setWeight(QFont.Weight.Bold if bold or style.font == 1 else QFont.Weight.Normal)
        return font

    def glyph_font(self, raw: QRawFont) -> GlyphFont:
        key = (raw.familyName(), raw.styleName(), int(raw.weight()), int(raw.style().value))
        font = self.fonts.get(key)
        if font is None:
            data = _sfnt(raw)
            if data is None:
                raise _CannotShape(raw.familyName())
            units, size = raw.unitsPerEm(), raw.pixelSize()
            head = data[data.index(b"head") :]
            offset = struct.unpack(">I", head[8:12])[0]
            bbox = struct.unpack(">4h", data[offset + 36 : offset + 44])
            name = "".join(
                c for c in f"{raw.familyName()}-{raw.styleName()}" if c.isalnum() or c == "-"
            )
            font = GlyphFont(
                name or "Font",
                data,
                int(units),
                raw.ascent() * units / size,
                raw.descent() * units / size,
                (bbox[0], bbox[1], bbox[2], bbox[3]),
            )
            self.fonts[key] = font
        return font

    def lines(self, text: str, style: Style, width: float, label: int = 0) -> list[GlyphLine]:
        out: list[GlyphLine] = []
        for piece in plain(text).split("\n"):
            out += self._piece(piece, style, width, label if not out else 0)
        return out

    def _piece(self, text: str, style: Style, width: float, label: int) -> list[GlyphLine]:
        layout = QTextLayout(text, self.qfont(style))
        layout.setTextOption(self.option)
        if label:
            bold = QTextLayout.FormatRange()
            strong = QTextCharFormat()
            strong.setFont(self.qfont(style, bold=True))
            bold.start, bold.length, bold.format = 0, label, strong
            layout.setFormats([bold])
        _lay_out(layout, width * _SCALE)
        out = []
        flags = QTextLayout.GlyphRunRetrievalFlag.RetrieveAll
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            runs = line.glyphRuns(-1, -1, flags)
            # a glyph shows the characters from its index to the next glyph's
            starts = sorted({i for run in runs for i in run.stringIndexes()})
            end = line.textStart() + line.textLength()
            after = dict(zip(starts, [*starts[1:], end], strict=False))  # none on an empty line
            glyph_runs = []
            for run in runs:
                raw = run.rawFont()
                font = self.glyph_font(raw)
                glyphs = list(run.glyphIndexes())
                # a glyph the font's own table gives for a character shows that
                # character (Qt gives a lone space between fonts a wrong index)
                direct = raw.glyphIndexesForString(text)
                if len(direct) == len(text):
                    for glyph, char in zip(direct, text, strict=True):
                        if glyph and font.text.get(glyph) != char:
                            font.text[glyph] = char
                new = [g for g in dict.fromkeys(glyphs) if g not in font.widths]
                if new:
                    advances = raw.advancesForGlyphIndexes(
                        new, QRawFont.LayoutFlag.UseDesignMetrics
                    )
                    for glyph, advance in zip(new, advances, strict=True):
                        font.widths[glyph] = advance.x() / raw.pixelSize()
                for glyph, index in zip(glyphs, run.stringIndexes(), strict=True):
                    if glyph not in font.text:
                        font.text[glyph] = text[index : max(index + 1, after.get(index, index + 1))]
                top = line.y()
                glyph_runs.append(
                    GlyphRun(
                        font,
                        raw.pixelSize() / _SCALE,
                        glyphs,
                        [(p.x() / _SCALE, (p.y() - top) / _SCALE) for p in run.positions()],
                    )
                )
            out.append(GlyphLine(line.height() / _SCALE, glyph_runs))
        return out


_FAST_BODY = Style(0, 10)
_FAST_HEADING = Style(1, 10.5, before=7)
_FAST_H1 = Style(1, 24, after=14)
_FAST_META = Style(0, 12, (0.267, 0.267, 0.267), after=8)
_FAST_TEXT = Style(0, 10.5, after=6)
_FAST_ITEM = Style(0, 10, after=1.5, indent=26)
_FAST_WARN = Style(0, 10.5, (0.478, 0.231, 0.0), before=10)
_FAST_H2 = Style(1, 16, (0.184, 0.282, 0.345), after=8)
_FAST_INTRO = Style(0, 10.5, (0.333, 0.333, 0.333), slant=True, after=6)
_FAST_CAPTION = Style(1, 10.5, before=8, after=3)
_FAST_CELL = Style(0, 10, after=10)
_FAST_HEAD_CELL = Style(1, 10)
_FAST_FOOTER = Style(0, 8)


def _fast_title_page(pages: Composer, report: Report) -> None:
    made = report.made_at.astimezone().strftime("%d %B %Y, %H:%M")
    pages.new_page()
    pages.paragraph(report.title, _FAST_H1)
    pages.paragraph(report.range_text, _FAST_META)
    signed = "" if report.after_left else " (both signatures are in the couple's ledger)"
    pages.paragraph(f"Made on {made} {report.signed_text}{signed}.", _FAST_META)
    pages.paragraph("Contents:", _FAST_TEXT)
    for part in report.parts:
        pages.paragraph(f"•  {part.title}", _FAST_ITEM)
    pages.paragraph(PLAINTEXT_WARNING, _FAST_WARN)


def _fast_head(pages: Composer, part: ReportPart) -> None:
    pages.new_page()
    pages.paragraph(part.title, _FAST_H2)
    if part.intro:
        pages.paragraph(part.intro, _FAST_INTRO)
    for table in part.tables:
        pages.paragraph(table.caption, _FAST_CAPTION, keep_next=3 * pages.leading(_FAST_CELL))
        pages.table(table.headers, table.rows, _FAST_CELL, _FAST_HEAD_CELL)
    if not part.tables and not part.items:
        pages.paragraph("Nothing in this period.", _FAST_INTRO)


def _render_fast(report: Report, fast: _Fast, progress: Progress | None) -> bytes:
    pages = Composer(fast.fonts)
    shaper: _Shaper | None = None

    def paragraph(text: str, style: Style, label: int = 0, keep_next: float = 0.0) -> None:
        nonlocal shaper
        text = plain(text)
        if not fast.shaping.search(text):
            pages.paragraph(text, style, label=label, keep_next=keep_next)
            return
        if shaper is None:
            shaper = _Shaper()
        lines = shaper.lines(text, style, pages.width - style.indent, label)
        pages.shaped(lines, style, keep_next=keep_next)

    items = sum(len(part.items) for part in report.parts)
    total = items + items // 20 + 1  # the last twentieth: footers, fonts, the file
    done = 0
    keep = 2 * pages.leading(_FAST_BODY)  # a heading keeps two lines below it
    _fast_title_page(pages, report)
    for part in report.parts:
        _fast_head(pages, part)
        for item in part.items:
            who = f" — {item.who}" if item.who else ""
            paragraph(f"{_when(item)}{who}: {item.title}", _FAST_HEADING, keep_next=keep)
            if item.text:
                paragraph(item.text, _FAST_BODY)
            for label, value in item.details:
                paragraph(f"{label}: {value}", _FAST_BODY, label=len(label) + 1)
            done += 1
            if progress is not None and done % 500 == 0:
                progress(done, total)
    if progress is not None:
        progress(items, total)
    data = pages.finish(
        lambda index, count: f"{report.title} · {report.range_text} · page {index + 1} of {count}",
        _FAST_FOOTER,
        report.title,
        "Twofold",
    )
    if progress is not None:
        progress(total, total)
    return data
