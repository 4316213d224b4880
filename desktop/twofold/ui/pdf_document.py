"""A small PDF writer for the therapist report: pages of left-aligned lines in
embedded TrueType fonts, one text operator per line, tables with ruled cells.

Why it exists (issue 15's budget: a ten-year report of ~9 million characters in
≤ 10 s): Qt's PDF engine writes every glyph as its own ``x y Td <gid> Tj`` (about
2 µs a glyph with its compression), and the PDF libraries for Python (reportlab,
fpdf2) map every character to a font subset in a Python loop (~1 µs a character);
both cost more than the budget for the text alone. Here a character's code in the
PDF *is* its Unicode code point (a CID font whose ``CIDToGIDMap`` sends each code
point to the font's glyph), so a line is encoded by ``str.encode("utf-16-be")`` in
C, and lines are broken with cached word widths and ``bisect`` over running sums.

What it cannot do is shaping: no ligatures, no kerning, no joining or reordering of
right-to-left scripts, no combining marks. ``report_pdf`` uses it only when every
character of a report is in ``SIMPLE`` and in the fonts, and otherwise lays the
report out with Qt, which shapes every script. No PySide6 here: the fonts' metrics
come in as plain numbers (``PdfFont``).
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

# Scripts written left to right whose characters need no shaping: Latin (with its
# extensions and IPA), Greek, Cyrillic, general punctuation, currency, letter-like
# symbols, arrows, mathematical operators, box drawing, shapes and miscellaneous
# symbols. Left out: combining marks (U+0300–036F), the soft hyphen, the zero-width
# and direction controls (U+200B–200F, U+2028–202E, U+2060–206F), control
# characters but the line end (``plain`` turns tabs and carriage returns into spaces
# and line ends first) and everything else.
SIMPLE = re.compile(
    "[^\n\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff"
    "\u2010-\u2027\u2030-\u205f\u2070-\u209f\u20a0-\u20cf\u2100-\u214f"
    "\u2190-\u23ff\u2460-\u24ff\u2500-\u27bf]"
)

Color = tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class PdfFont:
    """A TrueType font to embed whole, with the metrics of the characters it will
    draw: ``glyphs`` maps a character to its glyph id, ``widths`` to its advance in
    em (1.0 = the font's size). Lengths are in font units (``units`` to the em)."""

    name: str
    data: bytes
    units: int
    ascent: float
    descent: float  # positive, below the baseline
    bbox: tuple[int, int, int, int]
    glyphs: dict[str, int]
    widths: dict[str, float]


class GlyphFont:
    """A TrueType font that lines shaped elsewhere (by Qt) draw by glyph id: embedded
    whole, codes = glyph ids, ``text`` maps a glyph back to its characters."""

    def __init__(
        self,
        name: str,
        data: bytes,
        units: int,
        ascent: float,
        descent: float,
        bbox: tuple[int, int, int, int],
    ) -> None:
        self.name, self.data, self.units = name, data, units
        self.ascent, self.descent, self.bbox = ascent, descent, bbox
        self.widths: dict[int, float] = {}  # glyph → advance in em
        self.text: dict[int, str] = {}  # glyph → the characters it shows


@dataclass(frozen=True, slots=True)
class GlyphRun:
    """Glyphs of one font and size, each at ``(x, y)``: points from the left of the
    text area and down from the top of its line."""

    font: GlyphFont
    size: float
    glyphs: Sequence[int]
    positions: Sequence[tuple[float, float]]


@dataclass(frozen=True, slots=True)
class GlyphLine:
    height: float
    runs: Sequence[GlyphRun]


class _WordWidths(dict[str, float]):
    """A word's advance in em, measured once per word and font."""

    def __init__(self, widths: dict[str, float]) -> None:
        super().__init__()
        self.widths = widths

    def __missing__(self, word: str) -> float:
        width = sum(map(self.widths.__getitem__, word))
        self[word] = width
        return width


@dataclass(frozen=True, slots=True)
class Style:
    """How a paragraph looks: ``font`` indexes the document's fonts; lengths are in
    points. ``keep``: lines of the following paragraph kept on the same page."""

    font: int
    size: float
    color: Color = (0.133, 0.133, 0.133)
    before: float = 0.0
    after: float = 1.5
    indent: float = 0.0
    slant: bool = False  # oblique, drawn by shearing the upright font
    keep: int = 0


def plain(text: str) -> str:
    """Line ends as ``\n`` and tabs as spaces (to the next fourth column)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.expandtabs(4) if "\t" in text else text


def _escape(text: str) -> bytes:
    return (
        text.encode("utf-16-be")
        .replace(b"\\", b"\\\\")
        .replace(b"(", b"\\(")
        .replace(b")", b"\\)")
        .replace(b"\r", b"\\r")
    )


def _pdf_text(text: str) -> bytes:
    """A text string for the document's information (UTF-16 with its mark)."""
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


def _num(value: float) -> bytes:
    return (b"%.2f" % value).rstrip(b"0").rstrip(b".") or b"0"


class _Writer:
    """Objects, streams and the cross-reference table."""

    def __init__(self) -> None:
        self.objects: list[bytes | None] = [None]

    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects) - 1

    def put(self, number: int, body: bytes) -> int:
        self.objects[number] = body
        return number

    def add(self, body: bytes) -> int:
        return self.put(self.reserve(), body)

    def stream(self, data: bytes, entries: bytes = b"", level: int = 6) -> int:
        packed = zlib.compress(data, level)
        return self.add(
            b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), entries)
            + packed
            + b"\nendstream"
        )

    def finish(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects[1:], start=1):
            assert body is not None, number
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % len(self.objects)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (
            len(self.objects),
            root,
            info,
        )
        out += b"startxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def _font_objects(writer: _Writer, font: PdfFont) -> int:
    """A Type 0 font whose codes are Unicode code points (two bytes, Identity-H),
    mapped to glyphs by CIDToGIDMap and back to text by ToUnicode."""
    codes = sorted(ord(c) for c in font.glyphs)
    gid_map = bytearray(2 * (codes[-1] + 1 if codes else 1))
    for code in codes:
        gid = font.glyphs[chr(code)]
        gid_map[2 * code : 2 * code + 2] = gid.to_bytes(2, "big")
    return _type0(
        writer,
        font,
        [(c, font.widths[chr(c)]) for c in codes],
        [(c, b"%04X" % c) for c in codes],
        b"%d 0 R" % writer.stream(bytes(gid_map)),
    )


def _glyph_font_objects(writer: _Writer, font: GlyphFont) -> int:
    """A Type 0 font whose codes are the glyph ids Qt's shaping chose (CIDToGIDMap
    /Identity), back to text by the characters each glyph stands for."""
    glyphs = sorted(font.widths)
    return _type0(
        writer,
        font,
        [(g, font.widths[g]) for g in glyphs],
        [
            (g, font.text[g].encode("utf-16-be").hex().upper().encode())
            for g in glyphs
            if font.text.get(g)
        ],
        b"/Identity",
    )


def _type0(
    writer: _Writer,
    font: PdfFont | GlyphFont,
    widths: list[tuple[int, float]],
    text: list[tuple[int, bytes]],
    cid_to_gid: bytes,
) -> int:
    """The objects of an embedded TrueType font as a Type 0 font with two-byte codes:
    ``widths`` (code, advance in em), ``text`` (code, the UTF-16 hex it reads back as)."""
    scale = 1000 / font.units
    blocks = [text[i : i + 100] for i in range(0, len(text), 100)]
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + b"".join(
            b"%d beginbfchar\n" % len(block)
            + b"".join(b"<%04X> <%s>\n" % (code, hex_text) for code, hex_text in block)
            + b"endbfchar\n"
            for block in blocks
        )
        + b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    file = writer.stream(font.data, b"/Length1 %d " % len(font.data))
    x0, y0, x1, y1 = (round(v * scale) for v in font.bbox)
    name = font.name.encode()
    descriptor = writer.add(
        b"<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d] "
        b"/ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %d 0 R >>"
        % (
            name,
            x0,
            y0,
            x1,
            y1,
            round(font.ascent * scale),
            -round(font.descent * scale),
            round(font.ascent * scale * 0.75),
            file,
        )
    )
    advances = b" ".join(b"%d [%s]" % (code, _num(width * 1000)) for code, width in widths)
    cid = writer.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap %s >>"
        % (name, descriptor, advances, cid_to_gid)
    )
    return writer.add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (name, cid, writer.stream(cmap))
    )


@dataclass(slots=True)
class _Page:
    ops: list[bytes] = field(default_factory=list)
    font: tuple[int, float] | None = None
    color: Color | None = None
    text: bool = False  # inside BT … ET


class Composer:
    """Flows paragraphs and tables down A4 pages (points; the origin at the top left
    of the text area), then writes the PDF with a footer on every page."""

    def __init__(
        self,
        fonts: Sequence[PdfFont],
        page: tuple[float, float] = (595.28, 841.89),
        margins: tuple[float, float, float, float] = (51.02, 51.02, 51.02, 39.69),
        footer: float = 25.2,
    ) -> None:
        self.fonts = fonts
        self.words = [_WordWidths(font.widths) for font in fonts]
        self.page_size = page
        left, top, right, bottom = margins
        self.left, self.top = left, top
        self.width = page[0] - left - right
        self.height = page[1] - top - bottom - footer
        self.footer_height = footer
        self.writer = _Writer()
        self.pages_object = self.writer.reserve()
        self.resources = self.writer.reserve()
        self.contents: list[int] = []  # each page's body stream
        self.page: _Page | None = None
        self.y = 0.0  # how much of the page is used
        self.glyph_fonts: dict[int, int] = {}  # id(GlyphFont) → its number, /G<n>
        self.glyph_font_list: list[GlyphFont] = []

    # --- pages ---------------------------------------------------------------------

    def new_page(self) -> None:
        self._close_page()
        self.page = _Page()
        self.y = 0.0

    def _close_page(self) -> None:
        if self.page is None:
            return
        if self.page.text:
            self.page.ops.append(b"ET")
        self.contents.append(self.writer.stream(b"\n".join(self.page.ops), level=5))
        self.page = None

    @property
    def page_count(self) -> int:
        return len(self.contents) + (self.page is not None)

    def _current(self) -> _Page:
        if self.page is None:
            self.new_page()
        assert self.page is not None
        return self.page

    # --- drawing -------------------------------------------------------------------

    def _text_state(self, page: _Page, font: int, size: float, color: Color) -> None:
        if not page.text:
            page.ops.append(b"BT")
            page.text = True
        if page.font != (font, size):
            page.ops.append(b"/F%d %s Tf" % (font, _num(size)))
            page.font = (font, size)
        if page.color != color:
            page.ops.append(b"%.3f %.3f %.3f rg" % color)
            page.color = color

    def _graphics(self, page: _Page) -> None:
        if page.text:
            page.ops.append(b"ET")
            page.text = False

    def _show(self, page: _Page, x: float, baseline: float, text: str, slant: bool) -> None:
        """``text`` with its left end at ``x`` and its baseline ``baseline`` points
        below the top of the text area."""
        page.ops.append(
            b"1 0 %s 1 %.2f %.2f Tm (%s) Tj"
            % (
                b"0.2" if slant else b"0",
                self.left + x,
                self.page_size[1] - self.top - baseline,
                _escape(text),
            )
        )

    def _rect(self, x: float, y: float, w: float, h: float, op: bytes) -> bytes:
        return b"%s %s %s %s re %s" % (
            _num(self.left + x),
            _num(self.page_size[1] - self.top - y - h),
            _num(w),
            _num(h),
            op,
        )

    # --- measuring -----------------------------------------------------------------

    def leading(self, style: Style) -> float:
        font = self.fonts[style.font]
        return (font.ascent + font.descent) / font.units * style.size

    def ascent(self, style: Style) -> float:
        font = self.fonts[style.font]
        return font.ascent / font.units * style.size

    def text_width(self, text: str, font: int, size: float) -> float:
        return (
            sum(map(self.words[font].__getitem__, text.split(" "))) * size
            + max(0, text.count(" ")) * self.fonts[font].widths[" "] * size
        )

    def lines(self, text: str, style: Style, width: float, bold: int = 0) -> list[str]:
        """``text`` (one paragraph, no line breaks) broken into lines at spaces, a
        word longer than a line broken anywhere. The first ``bold`` characters are
        measured in font 1 (a label)."""
        limit = width / style.size + 1e-9
        words = text.split(" ")
        sizes = list(map(self.words[style.font].__getitem__, words))
        if bold:
            labelled = text[:bold].count(" ") + 1
            sizes[:labelled] = map(self.words[1].__getitem__, words[:labelled])
        space = self.fonts[style.font].widths[" "]
        if sum(sizes) + space * (len(sizes) - 1) <= limit:
            return [text]
        ends = list(accumulate(map(space.__add__, sizes)))
        out: list[str] = []
        first, base = 0, 0.0
        count = len(words)
        while first < count:
            last = bisect_right(ends, base + limit + space, first) - 1
            if last < first:  # one word wider than the line
                out += self._split_word(words[first], style.font, limit)
                last = first
            else:
                out.append(" ".join(words[first : last + 1]))
            base = ends[last]
            first = last + 1
        return out

    def _split_word(self, word: str, font: int, limit: float) -> list[str]:
        widths = self.fonts[font].widths
        out, start, used = [], 0, 0.0
        for index, char in enumerate(word):
            if used + widths[char] > limit and index > start:
                out.append(word[start:index])
                start, used = index, 0.0
            used += widths[char]
        out.append(word[start:])
        return out

    # --- flowing -------------------------------------------------------------------

    def paragraph(
        self,
        text: str,
        style: Style,
        *,
        label: int = 0,
        label_color: Color = (0.333, 0.333, 0.333),
        keep_next: float = 0.0,
    ) -> None:
        """One paragraph (``\\n`` starts a new line), placed after what is on the
        page and broken between lines across pages. The first ``label`` characters
        are drawn bold in ``label_color``. ``keep_next``: room, below this
        paragraph's first line, that must be left on its page."""
        page = self._current()
        leading = self.leading(style)
        if self.y:
            self.y += style.before
        width = self.width - style.indent
        lines: list[str] = []
        for piece in plain(text).split("\n"):
            lines += self.lines(piece, style, width, label if not lines else 0)
        if self.y and self.y + leading + keep_next > self.height:
            self.new_page()
            page = self._current()
        ascent = self.ascent(style)
        remaining = label
        for line in lines:
            if self.y + leading > self.height and self.y > 0:
                self.new_page()
                page = self._current()
            baseline = self.y + ascent
            if remaining > 0:
                head = line[:remaining]
                self._text_state(page, 1, style.size, label_color)
                self._show(page, style.indent, baseline, head, style.slant)
                rest = line[remaining:]
                remaining -= len(line) + 1
                if rest:
                    self._text_state(page, style.font, style.size, style.color)
                    page.ops.append(b"(%s) Tj" % _escape(rest))
            else:
                self._text_state(page, style.font, style.size, style.color)
                self._show(page, style.indent, baseline, line, style.slant)
            self.y += leading
        self.y += style.after

    def shaped(self, lines: Sequence[GlyphLine], style: Style, *, keep_next: float = 0.0) -> None:
        """A paragraph shaped elsewhere (right-to-left, joined or stacked scripts),
        placed like ``paragraph`` places its lines; glyph by glyph, as Qt would."""
        if not lines:
            return
        page = self._current()
        if self.y:
            self.y += style.before
        if self.y and self.y + lines[0].height + keep_next > self.height:
            self.new_page()
            page = self._current()
        top = self.page_size[1] - self.top
        for line in lines:
            if self.y + line.height > self.height and self.y > 0:
                self.new_page()
                page = self._current()
            for run in line.runs:
                number = self.glyph_fonts.get(id(run.font))
                if number is None:
                    number = self.glyph_fonts[id(run.font)] = len(self.glyph_font_list)
                    self.glyph_font_list.append(run.font)
                if not page.text:
                    page.ops.append(b"BT")
                    page.text = True
                page.ops.append(b"/G%d %s Tf" % (number, _num(run.size)))
                page.font = None
                if page.color != style.color:
                    page.ops.append(b"%.3f %.3f %.3f rg" % style.color)
                    page.color = style.color
                page.ops += [
                    b"1 0 0 1 %.2f %.2f Tm <%04x> Tj"
                    % (self.left + x + style.indent, top - self.y - y, glyph)
                    for glyph, (x, y) in zip(run.glyphs, run.positions, strict=True)
                ]
            self.y += line.height
        self.y += style.after

    def space(self, points: float) -> None:
        if self.y:
            self.y = min(self.height, self.y + points)

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[str]],
        style: Style,
        head_style: Style,
        *,
        padding: float = 3.0,
        shade: Color = (0.914, 0.933, 0.949),
        rule: Color = (0.55, 0.55, 0.55),
    ) -> None:
        """A table the width of the text area, its columns sized to their content;
        rows are not split, and the header row is repeated on every page."""
        rows = [list(row) for row in rows]
        count = len(headers)

        def natural(cell: str, cell_style: Style) -> tuple[float, float]:
            """The cell's widest line unbroken, and its widest word."""
            pieces = plain(cell).split("\n")
            words = [w for piece in pieces for w in piece.split(" ")]
            size, font = cell_style.size, cell_style.font
            return (
                max(self.text_width(p, font, size) for p in pieces),
                max(self.words[font][w] for w in words) * size,
            )

        most, least = [0.0] * count, [0.0] * count
        for row, row_style in [(headers, head_style)] + [(row, style) for row in rows]:
            for index, cell in enumerate(row):
                wide, narrow = natural(cell, row_style)
                most[index] = max(most[index], wide + 2 * padding + 1)
                least[index] = max(least[index], narrow + 2 * padding + 1)
        # as HTML's automatic table layout: every column gets its widest word, and
        # what is left goes to the columns in proportion to what more they want
        if sum(most) <= self.width:
            widths = [w + (self.width - sum(most)) * w / sum(most) for w in most]
        elif sum(least) <= self.width:
            spare, wants = self.width - sum(least), sum(most) - sum(least)
            widths = [lo + spare * (hi - lo) / wants for lo, hi in zip(least, most, strict=True)]
        else:
            widths = [w * self.width / sum(least) for w in least]

        def cells(row: Sequence[str], cell_style: Style) -> list[list[str]]:
            return [
                [
                    line
                    for piece in plain(cell).split("\n")
                    for line in self.lines(piece, cell_style, width - 2 * padding)
                ]
                for cell, width in zip(row, widths, strict=False)
            ]

        def height(laid: list[list[str]], cell_style: Style) -> float:
            return max(len(c) for c in laid) * self.leading(cell_style) + 2 * padding

        def draw(laid: list[list[str]], cell_style: Style, fill: bool) -> None:
            page = self._current()
            tall = height(laid, cell_style)
            self._graphics(page)
            x = 0.0
            ops = [b"q", b"0.5 w", b"%.3f %.3f %.3f RG" % rule]
            if fill:
                ops.append(b"%.3f %.3f %.3f rg" % shade)
                ops.append(self._rect(0, self.y, self.width, tall, b"f"))
            for width in widths:
                ops.append(self._rect(x, self.y, width, tall, b"S"))
                x += width
            page.ops += [*ops, b"Q"]
            page.color = None
            font = self.fonts[cell_style.font]
            ascent = font.ascent / font.units * cell_style.size
            x = 0.0
            for lines, width in zip(laid, widths, strict=False):
                for n, line in enumerate(lines):
                    self._text_state(page, cell_style.font, cell_style.size, cell_style.color)
                    baseline = self.y + padding + n * self.leading(cell_style) + ascent
                    self._show(page, x + padding, baseline, line, False)
                x += width
            self.y += tall

        head = cells(headers, head_style)
        self._current()
        if self.y + height(head, head_style) * 2 > self.height:
            self.new_page()
        draw(head, head_style, True)
        for row in rows:
            laid = cells(row, style)
            if self.y + height(laid, style) > self.height:
                self.new_page()
                draw(head, head_style, True)
            draw(laid, style, False)
        self.y += style.after

    # --- writing -------------------------------------------------------------------

    def finish(
        self, footer: Callable[[int, int], str], style: Style, title: str, creator: str
    ) -> bytes:
        """The whole file; ``footer(index, count)`` is drawn right-aligned on each page."""
        self._close_page()
        writer, count = self.writer, len(self.contents)
        font = self.fonts[style.font]
        # bottom-aligned in the footer's band below the text area
        baseline = self.height + self.footer_height - font.descent / font.units * style.size
        pages = []
        for index, body in enumerate(self.contents):
            text = footer(index, count)
            page = _Page()
            self._text_state(page, style.font, style.size, style.color)
            x = self.width - self.text_width(text, style.font, style.size)
            self._show(page, x, baseline, text, False)
            page.ops.append(b"ET")
            foot = writer.stream(b"\n".join(page.ops))
            pages.append(
                writer.add(
                    b"<< /Type /Page /Parent %d 0 R /Resources %d 0 R /Contents [%d 0 R %d 0 R] >>"
                    % (self.pages_object, self.resources, body, foot)
                )
            )
        fonts = b" ".join(
            [
                b"/F%d %d 0 R" % (index, _font_objects(writer, font))
                for index, font in enumerate(self.fonts)
            ]
            + [
                b"/G%d %d 0 R" % (index, _glyph_font_objects(writer, font))
                for index, font in enumerate(self.glyph_font_list)
            ]
        )
        writer.put(self.resources, b"<< /Font << %s >> /ProcSet [/PDF /Text] >>" % fonts)
        writer.put(
            self.pages_object,
            b"<< /Type /Pages /MediaBox [0 0 %s %s] /Count %d /Kids [%s] >>"
            % (
                _num(self.page_size[0]),
                _num(self.page_size[1]),
                count,
                b" ".join(b"%d 0 R" % p for p in pages),
            ),
        )
        root = writer.add(b"<< /Type /Catalog /Pages %d 0 R >>" % self.pages_object)
        info = writer.add(
            b"<< /Title %s /Creator %s /Producer %s >>"
            % (_pdf_text(title), _pdf_text(creator), _pdf_text(creator))
        )
        return writer.finish(root, info)
