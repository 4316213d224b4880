"""Issue 14: text is readable in both themes (contrast ≥ 4.5:1, edges of inputs
≥ 3:1, sampled from the palette and from rendered widgets), focus is visible on
combo boxes and lists, sizes follow the system font, and the window fits 1024×640."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.ui import theme
from twofold.ui.main_window import MainWindow
from twofold.ui.widgets import announced

TEXT_ON = ("window", "base", "alt", "card")
TEXT = ("text", "muted", "accent", "private", "shared", "warning", "ok")


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor | str, b: QColor | str) -> float:
    la, lb = _luminance(QColor(a)), _luminance(QColor(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def rendered_contrast(image: QImage) -> float:
    """The contrast of the strongest ink against the most common colour (the
    background) of a rendered widget."""
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = QColor(pixels.most_common(1)[0][0])
    return max(contrast(QColor(p), background) for p in pixels)


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_every_text_colour_reads_on_every_background(colours: theme.Colours) -> None:
    for fg in TEXT:
        for bg in TEXT_ON:
            ratio = contrast(getattr(colours, fg), getattr(colours, bg))
            assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}"
    assert contrast(colours.accent_text, colours.accent) >= 4.5  # selected rows, primary
    for bg in ("window", "base"):
        assert contrast(colours.field_border, getattr(colours, bg)) >= 3.0


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_strength_words_and_notes_are_readable_as_drawn(qtbot: QtBot, choice: str) -> None:
    from twofold.ui.app import make_application
    from twofold.ui.passphrase_fields import NewPassphrase

    app = make_application()
    theme.apply(app, choice)
    try:
        fields = NewPassphrase("look")
        qtbot.addWidget(fields)
        fields.resize(420, 200)
        fields.show()
        fields.passphrase.setText("amber lantern orbit velvet quartz")
        qtbot.waitExposed(fields)
        assert fields.meter.format() == "Strong"
        meter = fields.meter.grab().toImage()
        assert rendered_contrast(meter) >= 4.5
        assert rendered_contrast(fields.feedback.grab().toImage()) >= 4.5
    finally:
        theme.apply(app, "light")


def test_the_empty_strength_meter_is_not_drawn_as_a_text_field(qtbot: QtBot) -> None:
    """Before anything is typed there is nothing to measure: no empty box that looks
    like a second passphrase field; the meter appears in space kept for it."""
    from twofold.ui.passphrase_fields import NewPassphrase

    fields = NewPassphrase("empty")
    qtbot.addWidget(fields)
    fields.resize(420, 200)
    fields.show()
    qtbot.waitExposed(fields)
    assert not fields.meter.isVisible()
    kept = fields.meter.geometry()
    assert kept.height() > 0  # its place is kept while it is hidden
    fields.passphrase.setText("amber")
    assert fields.meter.isVisible()
    assert fields.meter.geometry().height() == kept.height()
    fields.passphrase.clear()
    assert not fields.meter.isVisible()


def _focus_ring_shows(qtbot: QtBot, widget: QWidget, other: QWidget) -> bool:
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other)
    before = widget.grab().toImage()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    after = widget.grab().toImage()
    return before != after


def test_focus_is_visible_on_combo_boxes_lists_and_the_sidebar(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    window.resize(1280, 800)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    search = window.journal.search
    for widget in (window.journal.editor.kind, window.journal.list, window.nav):
        assert _focus_ring_shows(qtbot, widget, search), widget.objectName()


@pytest.mark.parametrize("choice", ["light", "dark"])
@pytest.mark.parametrize("focused", [False, True], ids=["resting", "focused"])
def test_the_combo_box_arrow_leaves_the_rounded_corner_clean(
    qtbot: QtBot, choice: str, focused: bool
) -> None:
    """Fusion's own drop-down drew a square sunken frame (grey and near-black lines) inside
    the sheet's rounded field border: a dark broken corner on every combo box. Inside the
    border, the right edge and the bottom row beside the arrow are the field's own colour."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout

    from twofold.ui.app import make_application

    app = make_application()
    colours = theme.apply(app, choice)
    try:
        host = QWidget()
        qtbot.addWidget(host)
        layout = QVBoxLayout(host)
        combo, other = QComboBox(), QLineEdit()
        combo.addItems(["System", "Light", "Dark"])
        layout.addWidget(combo)
        layout.addWidget(other)
        host.resize(240, 120)
        host.show()
        qtbot.waitExposed(host)
        (combo if focused else other).setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is (combo if focused else other))
        image = combo.grab().toImage()
        width, height = image.width(), image.height()
        inside = 3  # within the 1 px resting and 2 px focused border, past its rounding
        edge = {image.pixelColor(width - inside, y).name() for y in range(7, height - 7)}
        bottom = {image.pixelColor(x, height - inside).name() for x in range(width - 28, width - 7)}
        assert edge == {colours.base}, edge
        assert bottom == {colours.base}, bottom
    finally:
        theme.apply(app, "light")


def test_the_combo_box_arrow_image_is_a_shipped_resource() -> None:
    """The arrow is loaded by the style sheet from resources/ (shipped by the wheel's
    force-include and the frozen app's datas): a missing file would draw no arrow at all."""
    import re

    for colours in (theme.LIGHT, theme.DARK):
        urls = re.findall(r'image: url\("([^"]+)"\)', theme.stylesheet(colours))
        assert urls and all(Path(url).is_file() for url in urls), urls
        assert all("/resources/icons/arrow-down-" in url for url in urls)
    assert theme.stylesheet(theme.LIGHT) != theme.stylesheet(theme.DARK)


def test_style_sheet_sizes_follow_the_system_font() -> None:
    small, large = theme.stylesheet(theme.LIGHT, 9.0), theme.stylesheet(theme.LIGHT, 14.0)
    assert small != large
    assert "font-size: 20pt" not in theme.stylesheet(theme.LIGHT, 14.0)
    assert "font-size: 25.2pt" in large  # heading1 = 1.8 × the system font


def test_the_window_fits_1024_by_640_in_every_page(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    from twofold.ui.main_window import PAGE_MIN_WIDTH

    window.resize(1024, 640)
    widths = {}
    for key in window.page_keys:
        window.go(key)
        QApplication.processEvents()
        widths[key] = window.page_widgets[key].minimumSizeHint().width()
        assert window.width() == 1024, key
    too_wide = {key: width for key, width in widths.items() if width > PAGE_MIN_WIDTH}
    assert too_wide == {}
    assert window.minimumSizeHint().width() <= 1024
    # A long status message (the milestones found at unlock) neither widens the
    # window nor goes unheard.
    message = "★ 7 days of every commitment kept · " * 12
    window.status.setText(message)
    assert window.minimumSizeHint().width() <= 1024
    assert announced()[-1] == message and window.status.toolTip() == message
    window.resize(1024, 640)
    QApplication.processEvents()
    assert window.width() == 1024
    # What is painted ends in "…" inside the line; the label's text stays whole.
    shown = window.status.shown_text()
    assert shown.endswith("…") and message.startswith(shown[:-1])
    assert window.status.fontMetrics().horizontalAdvance(shown) <= window.status.width()
    assert window.status.text() == message


def test_a_60_character_name_does_not_widen_the_sidebar(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    from tests.conftest import TEST_KDF
    from twofold.services.session import create_vault

    long_name = "Alexandrina Maximiliana Konstantinopoulou-Wolfeschlegelstein"[:60]
    folder = tmp_path / "long"
    create_vault(folder, [(long_name, ALEX_PASS), ("Sam", "cedar meadow quartz harbor")], TEST_KDF)
    window: MainWindow = make_window(folder)
    window.resize(1024, 640)
    unlock_as(qtbot, window, long_name, ALEX_PASS)
    QApplication.processEvents()
    sidebar = window.findChild(QWidget, "sidebar")
    assert sidebar is not None and sidebar.width() <= 220
    assert window.minimumSizeHint().width() <= 1024 and window.width() == 1024


def test_the_window_keeps_its_size_between_modes(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from tests.conftest import SAM_PASS
    from twofold.ui.unlock_page import SHARED

    window: MainWindow = make_window(vault_dir)
    window.resize(1100, 700)
    QApplication.processEvents()
    size = window.size()
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    QApplication.processEvents()
    assert window.size() == size
    window.lock()
    QApplication.processEvents()
    assert window.size() == size
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    QApplication.processEvents()
    assert window.size() == size


def test_the_verified_line_wraps_beside_the_title_instead_of_widening_the_timeline(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """Ten years of events and "checking everything in the background…" made the line
    wider than the timeline at 1024 px: the page scrolled sideways."""
    from twofold.domain.ledger import VerifyReport
    from twofold.services.verify import CHAIN
    from twofold.ui.main_window import PAGE_MIN_WIDTH

    window: MainWindow = make_window(vault_dir)
    window.resize(1024, 640)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go("timeline")
    report = VerifyReport()
    report.add(CHAIN, [], "41,923 new events since you last looked, all signed and chained")
    window.timeline.verification.show_report(report, quick=True)
    QApplication.processEvents()
    label = window.timeline.verification.ok_label
    assert "checking everything in the background" in label.text()
    assert window.page_widgets["timeline"].minimumSizeHint().width() <= PAGE_MIN_WIDTH
    holder = window.page_holders["timeline"]
    assert holder.horizontalScrollBar().maximum() == 0
    assert label.visibleRegion().boundingRect().width() == label.width()  # not cut off
    assert window.width() == 1024
