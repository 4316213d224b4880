"""The therapist report as a PDF: laid out by Qt, its text read back with pypdf."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.unit.test_report import make_history, request
from twofold.domain.report import Report, ReportFormat, ReportItem, ReportPart, ReportTable
from twofold.services.session import unlock
from twofold.ui.report_pdf import render_pdf


@pytest.fixture
def history(vault_dir: Path) -> dict[str, int]:
    return make_history(vault_dir)


def pdf_text(path: Path) -> tuple[int, list[str]]:
    reader = PdfReader(path)
    return len(reader.pages), [page.extract_text() for page in reader.pages]


def test_pdf_has_title_page_sections_page_numbers_and_only_the_range(
    qtbot: QtBot,
    vault_dir: Path,
    history: dict[str, int],
    tmp_path: Path,
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        target = tmp_path / "report.pdf"
        alex.reports.export(
            request(ReportFormat.PDF, private=(history["chosen"],)),
            target,
            SAM_PASS,
            pdf=render_pdf,
        )
    finally:
        alex.lock()
    assert target.read_bytes().startswith(b"%PDF")
    count, pages = pdf_text(target)
    assert count >= 3
    title = " ".join(pages[0].split())
    assert "Twofold — Alex & Sam" in title and "01 March 2026 – 31 March 2026" in title
    assert "agreed by Sam" in title and "not encrypted" in title
    assert "SHARED-IN-RANGE" not in pages[0]  # the title page is only a title page
    text = " ".join(" ".join(pages).split())
    for index in range(count):
        assert f"page {index + 1} of {count}" in " ".join(pages[index].split())
    for present in (
        "Shared timeline",
        "SHARED-IN-RANGE",
        "SAM-SHARED-IN-MARCH",
        "Evening walk together",
        "CHECKIN-IN-RANGE",
        "ALEX-CHOSEN-PRIVATE",
        "From Alex's private journal",
    ):
        assert present in text
    for absent in (
        "SHARED-BEFORE-RANGE",
        "SHARED-AFTER-RANGE",
        "ALEX-UNCHOSEN-CANARY",
        "ALEX-OUT-OF-RANGE-CANARY",
        "SAM-PRIVATE-CANARY",
        "private draft behind",
    ):
        assert absent not in text


def test_pdf_without_private_entries_has_none(
    qtbot: QtBot,
    vault_dir: Path,
    history: dict[str, int],
    tmp_path: Path,
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        alex.reports.export(request(ReportFormat.PDF), tmp_path / "r.pdf", SAM_PASS, pdf=render_pdf)
    finally:
        alex.lock()
    _, pages = pdf_text(tmp_path / "r.pdf")
    text = " ".join(pages)
    assert "ALEX-CHOSEN-PRIVATE" not in text and "private journal" not in text
    assert "SHARED-IN-RANGE" in text


def test_cli_makes_the_pdf_with_both_signatures(
    qtbot: QtBot, vault_dir: Path, history: dict[str, int], tmp_path: Path
) -> None:
    import io

    from twofold.cli import Console, run
    from twofold.ui.report_pdf import render_pdf_headless

    alex = tmp_path / "alex.pass"
    alex.write_text(ALEX_PASS + "\n")
    sam = tmp_path / "sam.pass"
    sam.write_text(SAM_PASS + "\n")
    argv = [
        str(a)
        for a in (
            "export", "report", "--vault", vault_dir, "--as", "Alex", "--passphrase-file", alex,
            "--partner-passphrase-file", sam, "--from", "2026-03-01", "--to", "2026-03-31",
            "--private", history["chosen"], "--out", tmp_path / "r.pdf",
        )
    ]  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    without_qt = run(argv, console=Console(out, err))
    assert without_qt == 2 and "choose --format markdown" in err.getvalue()
    code = run(argv, console=Console(out, err), pdf=render_pdf_headless)
    assert code == 0, err.getvalue()
    _, pages = pdf_text(tmp_path / "r.pdf")
    text = " ".join(pages)
    assert "ALEX-CHOSEN-PRIVATE" in text and "ALEX-UNCHOSEN-CANARY" not in text


@pytest.mark.parametrize("renderer", ["render_pdf", "render_pdf_with_qt"])
def test_a_long_report_flows_over_many_pages_with_every_line_once_in_order(
    qtbot: QtBot, tmp_path: Path, renderer: str
) -> None:
    """The items are laid out paragraph by paragraph and placed page after page (one
    document for ten years made painting quadratic): no line may be lost, doubled or
    moved at a paragraph's edge or a page's; progress goes forward to its end. Both
    ways: the fast writer (this report is Latin) and Qt's (for scripts that need
    shaping)."""
    from datetime import UTC, date, datetime, timedelta

    from twofold.ui import report_pdf

    start = datetime(2020, 1, 1, 9, 0, tzinfo=UTC)
    items = tuple(
        ReportItem(
            start + timedelta(hours=n),
            "Alex" if n % 2 else "Sam",
            f"Shared reflection ITEM{n:04d}",
            " ".join(f"w{n:04d}x{k:02d}" for k in range(12 + n % 40)),
            (("Request", f"REQ{n:04d} " + "longer words " * (n % 9)),) if n % 3 == 0 else (),
        )
        for n in range(127)
    )
    table = ReportTable("Weeks", ("week", "kept"), tuple((f"W{n}", f"{n}") for n in range(60)))
    report = Report(
        partners=("Alex", "Sam"),
        start=date(2020, 1, 1),
        end=date(2020, 12, 31),
        made_at=start,
        made_by="Alex",
        consented_by="Sam",
        parts=(
            ReportPart("timeline", "Shared timeline", "intro", items=items),
            ReportPart("commitments", "Commitments", "", tables=(table,)),
            ReportPart("wins", "Wins", ""),
        ),
    )
    path = tmp_path / "long.pdf"
    seen: list[tuple[int, int]] = []
    render = getattr(report_pdf, renderer)
    path.write_bytes(render(report, lambda d, t: seen.append((d, t))))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    count, pages = pdf_text(path)
    assert count > 10
    # read as laid out on the page (by position, not by drawing order): lines drawn
    # over each other would mix their words
    pages = [page.extract_text(extraction_mode="layout") for page in PdfReader(path).pages]
    words = " ".join(pages).split()
    tokens = [w.rstrip(".,") for w in words if w.startswith(("ITEM", "w0", "REQ"))]
    expected = []
    for n, item in enumerate(items):
        expected.append(f"ITEM{n:04d}")
        expected += item.text.split()
        if item.details:
            expected.append(f"REQ{n:04d}")
    assert tokens == expected
    for index, text in enumerate(pages):
        assert f"page {index + 1} of {count}" in " ".join(text.split())
    # each part starts on its own page; the empty part says so
    starts = [i for i, t in enumerate(pages) if "Commitments" in t.split("\n")[0]]
    assert starts and "W59" in " ".join(pages[starts[0] :])
    assert "Nothing in this period" in " ".join(pages[-1].split())


def _one_part_report(texts: list[str], table: ReportTable | None = None) -> Report:
    from datetime import UTC, date, datetime, timedelta

    start = datetime(2021, 5, 1, 9, 0, tzinfo=UTC)
    items = tuple(
        ReportItem(start + timedelta(hours=n), "Alex", f"Shared reflection {n}", text)
        for n, text in enumerate(texts)
    )
    return Report(
        partners=("Alex", "Sam"),
        start=date(2021, 1, 1),
        end=date(2021, 12, 31),
        made_at=start,
        made_by="Alex",
        consented_by="Sam",
        parts=(
            ReportPart(
                "timeline",
                "Shared timeline",
                "intro",
                tables=(table,) if table else (),
                items=items,
            ),
        ),
    )


def _pdf(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def _reads(data: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(_pdf(data)).pages)


def test_latin_greek_and_cyrillic_take_the_fast_writer_with_embedded_fonts_and_read_back(
    qtbot: QtBot,
) -> None:
    """Characters whose UTF-16 bytes are PDF's delimiters (č = 01 0D, Ĩ ĩ = 01 28 / 01 29,
    Ŝ = 01 5C) and the delimiters themselves come back exactly; both fonts are embedded."""
    import io

    from twofold.ui import report_pdf
    from twofold.ui.pdf_document import plain

    texts = [
        "naïve café Straße — “quoted” (brackets) back\\slash 100 % & more",
        "Ωμέγα αλφα Привет мир ŠTEVO-ČĨĩŜ-CANARY",
        "TAB-CANARY\tafter a tab\r\nWINDOWS-LINE-END",
    ]
    report = _one_part_report(texts)
    fast = report_pdf._fast_fonts(report)
    assert fast is not None and not any(fast.shaping.search(plain(t)) for t in texts)
    data = report_pdf.render_pdf(report)
    text = " ".join(_reads(data).split())
    for expected in texts[:2]:
        assert expected in text
    assert "TAB-CANARY after a tab WINDOWS-LINE-END" in text
    reader = PdfReader(io.BytesIO(data))
    resources: Any = reader.pages[1]["/Resources"]
    fonts = resources["/Font"]
    assert len(fonts) == 2
    for ref in fonts.values():
        (descendant,) = ref.get_object()["/DescendantFonts"]
        descriptor = descendant.get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor and descriptor["/FontName"].startswith("/DejaVuSans")


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("HEBREW-CANARY שלום עולם", "שלוםעולם"),
        ("ARABIC-CANARY مرحبا بالعالم", "مرحبابالعالم"),
        ("MARK-CANARY e\u0301te\u0301", "e\u0301te\u0301"),
        ("CJK-CANARY 日本語の日記", "日本語の日記"),
        ("EMPTY-LINE-CANARY שלום\n\nעולם", "שלום"),
    ],
)
def test_items_that_need_shaping_are_shaped_by_qt_and_read_back(
    qtbot: QtBot, text: str, letters: str
) -> None:
    """The writer cannot join, reorder or stack characters: such a paragraph is laid
    out by Qt and drawn glyph by glyph in the fonts Qt chose (embedded); its letters
    come back (right-to-left ones in the order they are drawn, so either way round),
    not boxes or missing glyphs. The other paragraphs stay on the fast path."""
    import io
    import unicodedata

    from twofold.ui import report_pdf

    report = _one_part_report(["plain words first", text])
    fast = report_pdf._fast_fonts(report)
    assert fast is not None and fast.shaping.search(text)
    assert not fast.shaping.search("plain words first")
    data = report_pdf.render_pdf(report)
    read = unicodedata.normalize("NFKC", _reads(data))
    squeezed = "".join(read.split())
    want = unicodedata.normalize("NFKC", letters)
    assert text.split()[0] in read and "plain words first" in read
    assert want in squeezed or want[::-1] in squeezed
    resources: Any = PdfReader(io.BytesIO(data)).pages[1]["/Resources"]
    fonts = resources["/Font"]
    assert "/G0" in fonts  # a font of Qt's choosing, embedded
    (descendant,) = fonts["/G0"].get_object()["/DescendantFonts"]
    assert "/FontFile2" in descendant.get_object()["/FontDescriptor"].get_object()


def test_a_right_to_left_name_on_the_title_page_sends_the_whole_report_to_qt(
    qtbot: QtBot,
) -> None:
    import dataclasses

    from twofold.ui import report_pdf

    report = dataclasses.replace(_one_part_report(["plain words"]), partners=("Alex", "נועה"))
    assert report_pdf._fast_fonts(report) is None
    read = "".join(_reads(report_pdf.render_pdf(report)).split())
    assert "נועה" in read or "נועה"[::-1] in read
    assert "plainwords" in read


def test_a_long_right_to_left_report_keeps_every_word_across_pages(qtbot: QtBot) -> None:
    """Shaped paragraphs are placed and broken across pages like the others."""
    from collections import Counter

    from twofold.ui import report_pdf

    texts = [" ".join(f"שלום T{n:03d}x{k:02d} עולם" for k in range(8 + n % 30)) for n in range(90)]
    pages = [
        p.extract_text()
        for p in PdfReader(_pdf(report_pdf.render_pdf(_one_part_report(texts)))).pages
    ]
    assert len(pages) > 3
    seen = Counter(w for w in " ".join(pages).split() if w.startswith("T") and "x" in w)
    expected = Counter(w for t in texts for w in t.split() if w.startswith("T"))
    assert seen == expected
    for index, page in enumerate(pages):
        assert f"page {index + 1} of {len(pages)}" in " ".join(page.split())


def test_a_table_longer_than_a_page_repeats_its_header_and_keeps_every_row(
    qtbot: QtBot,
) -> None:
    import io

    from twofold.ui import report_pdf

    rows = tuple((f"ROW{n:03d}", f"{n} kept", "a longer cell " * (n % 7)) for n in range(150))
    table = ReportTable("Kept, month by month", ("Month", "Kept", "Note"), rows)
    data = report_pdf.render_pdf(_one_part_report([], table))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages][1:]
    assert len(pages) >= 3
    for page in pages:
        assert "Month Kept Note" in " ".join(page.split())
    seen = [w for w in " ".join(pages).split() if w.startswith("ROW")]
    assert seen == [f"ROW{n:03d}" for n in range(150)]


def test_lines_are_broken_at_spaces_within_the_width_and_keep_every_word(
    qtbot: QtBot,
) -> None:
    from twofold.ui import report_pdf
    from twofold.ui.pdf_document import Composer, Style

    words = [f"w{n}" * (1 + n % 5) for n in range(400)] + ["X" * 300, "end"]
    text = " ".join(words)
    report = _one_part_report([text])
    fast = report_pdf._fast_fonts(report)
    assert fast is not None
    pages = Composer(fast.fonts)
    style = Style(0, 10)
    lines = pages.lines(text, style, 200.0)
    assert len(lines) > 10
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    broken = [line for line in lines if line.startswith("X")]  # a word wider than a line
    assert len(broken) > 5 and "".join(broken).removesuffix(" end") == "X" * 300
    for line in lines:
        assert pages.text_width(line, 0, 10) <= 200.0 + 1e-6
        assert not line.startswith(" ") and not line.endswith(" ")


def test_a_font_rebuilt_from_qts_tables_is_the_same_font(qtbot: QtBot) -> None:
    """The shaped path embeds the font Qt chose, put back together from its tables:
    it loads, and gives the same glyphs and advances as the original."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QRawFont

    from twofold.resources import resource
    from twofold.ui import report_pdf

    original = QRawFont(str(resource("fonts", "DejaVuSans.ttf")), 50)
    data = report_pdf._sfnt(original)
    assert data is not None
    rebuilt = QRawFont(QByteArray(data), 50)
    assert rebuilt.isValid() and rebuilt.familyName() == "DejaVu Sans"
    text = "שלום مرحبا Ωμέγα"
    glyphs = original.glyphIndexesForString(text)
    assert rebuilt.glyphIndexesForString(text) == glyphs
    assert [p.x() for p in rebuilt.advancesForGlyphIndexes(glyphs)] == [
        p.x() for p in original.advancesForGlyphIndexes(glyphs)
    ]


def test_when_qts_font_cannot_be_embedded_the_report_is_laid_out_by_qt_and_progress_goes_on(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from twofold.ui import report_pdf

    monkeypatch.setattr(report_pdf, "_sfnt", lambda raw: None)  # as for CFF outlines
    texts = [f"plain paragraph {n}" for n in range(1200)] + ["HEBREW-LATE שלום עולם"]
    seen: list[float] = []
    data = report_pdf.render_pdf(_one_part_report(texts), lambda d, t: seen.append(d / t))
    read = " ".join(_reads(data).split())
    assert "HEBREW-LATE" in read and "plain paragraph 1199" in read
    assert "/G0" not in data.decode("latin-1")  # Qt's own PDF, not the writer's
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 3
