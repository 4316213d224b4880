"""Issue 14, part 1: text is never lost or mangled. What the author writes —
paragraphs, line breaks, literal marks, passages of any length, right-to-left
text — is what the outbox starts from and what the partner reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, confirm_review, on_next_modal, unlock_as
from twofold.ui.delegates import PAD
from twofold.ui.main_window import OUTBOX, MainWindow
from twofold.ui.widgets import announced

LEFT = Qt.MouseButton.LeftButton
PARAGRAPH = (
    "Today I noticed how tense I get when the phone buzzes late in the evening, and "
    "I want to say it plainly instead of hiding it from you_or_me * again."
)
SECOND = "The second paragraph stays its own paragraph."
ARABIC = "أريد أن أقول لك بصراحة كيف شعرت اليوم عندما تأخرت في الرد على رسالتي"


def _write(qtbot: QtBot, window: MainWindow, parts: list[str]) -> int:
    """Type the parts, each followed by Enter (an empty part is an empty line)."""
    editor = window.journal.editor
    qtbot.mouseClick(window.journal.new_button, LEFT)
    for number, part in enumerate(parts):
        if number:
            qtbot.keyClick(editor.text, Qt.Key.Key_Return)
        editor.text.insertPlainText(part)  # as typed (keyClicks are slow for 200 chars)
    assert editor.commit()
    assert editor.record_id is not None
    return editor.record_id


def test_paragraphs_reach_the_outbox_exactly_as_written_and_reload_unchanged(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    record_id = _write(qtbot, window, [PARAGRAPH, "", SECOND])
    written = f"{PARAGRAPH}\n\n{SECOND}"
    session = window.session
    assert session is not None and session.journal is not None and session.sharing is not None
    stored = session.journal.get(record_id).body
    # One paragraph, one line: nothing hard-wrapped at 80 columns.
    assert PARAGRAPH.replace("_", "\\_").replace("*", "\\*") in stored.splitlines()

    qtbot.mouseClick(window.journal.editor.share_button, LEFT)
    [item] = session.sharing.outbox()
    assert item.shared_text == written
    window.go(OUTBOX)
    assert window.outbox.version.toPlainText() == written
    assert window.outbox.preview_model.items[0].body == written

    window.journal.editor.load(None)
    window.journal.open_record(record_id)
    assert window.journal.editor.plain_text() == written


def test_a_selected_passage_longer_than_80_characters_goes_to_the_outbox(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    _write(qtbot, window, [PARAGRAPH, SECOND])
    editor = window.journal.editor
    start = PARAGRAPH.index("when the phone")
    passage = PARAGRAPH[start:] + "\n" + SECOND[:10]
    assert len(passage) > 80
    cursor = editor.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    editor.text.setTextCursor(cursor)
    qtbot.mouseClick(editor.share_button, LEFT)
    assert "selected passage is in your outbox" in editor.save_state.text()
    assert window.session is not None and window.session.sharing is not None
    [item] = window.session.sharing.outbox()
    assert item.passage == item.shared_text == passage


def _ink_columns(window: MainWindow) -> tuple[int, int, int]:
    """The leftmost and rightmost column with text ink in the body line of the first
    preview card, and the card's width."""
    view = window.outbox.preview
    rect: QRect = view.visualRect(window.outbox.preview_model.index(0, 0))
    image = view.viewport().grab().toImage()
    font = view.font()
    meta_h = QFontMetrics(font).height()  # the small meta line is no taller than this
    top = rect.top() + PAD - 2 + meta_h + 8
    line = QFontMetrics(font).height()
    background = QColor(image.pixel(rect.left() + 20, top + line // 2)).lightness()
    columns = [
        x
        for x in range(rect.left() + PAD + 6, rect.right() - PAD - 6)
        for y in range(top, top + line)
        if abs(QColor(image.pixel(x, y)).lightness() - background) > 80
    ]
    return min(columns), max(columns), rect.width()


def test_right_to_left_text_is_aligned_by_its_direction_in_the_version_and_preview(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    window.resize(1400, 900)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    _write(qtbot, window, [ARABIC])
    qtbot.mouseClick(window.journal.editor.share_button, LEFT)
    window.go(OUTBOX)
    outbox = window.outbox
    qtbot.waitUntil(lambda: outbox.version.toPlainText() == ARABIC)
    outbox.version.moveCursor(QTextCursor.MoveOperation.Start)
    # The first letter sits at the right edge of the field, as in the editor.
    assert outbox.version.cursorRect().x() > outbox.version.viewport().width() * 0.8
    left, right, width = _ink_columns(window)
    assert left > width * 0.3 and right > width * 0.85

    outbox.version.selectAll()
    qtbot.keyClicks(outbox.version, "Plain left to right words")
    outbox.version.moveCursor(QTextCursor.MoveOperation.Start)
    assert outbox.version.cursorRect().x() < outbox.version.viewport().width() * 0.2
    left, right, width = _ink_columns(window)
    assert left < width * 0.1 and right < width * 0.7


def test_a_refused_setback_keeps_every_word_and_says_why_inline(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.ui.main_window import SETBACKS
    from twofold.ui.setbacks_page import LogSetbackDialog

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(SETBACKS)
    page = window.setbacks
    impact = "I felt the evening slip away.\nAnd then I stopped waiting."
    seen: list[str] = []

    def log(dialog: QWidget) -> None:
        assert isinstance(dialog, LogSetbackDialog)
        qtbot.keyClicks(dialog.trigger, "Stayed late")
        dialog.impact.setPlainText(impact)
        qtbot.keyClick(dialog.impact, Qt.Key.Key_Tab)  # Tab leaves the field
        assert dialog.impact.toPlainText() == impact
        dialog.ok_button.click()  # "What happened" is empty: refused
        assert dialog.isVisible(), "the dialog stays open"
        assert (dialog.trigger.text(), dialog.impact.toPlainText()) == ("Stayed late", impact)
        seen.append(dialog.message.text())
        assert dialog.message.isVisible()
        assert announced()[-1] == dialog.message.text()
        assert QApplication.activeModalWidget() is dialog  # no second, modal error box
        qtbot.keyClicks(dialog.what, "Missed Thursday without a message")
        confirm_review()
        dialog.ok_button.click()

    on_next_modal(log)
    qtbot.mouseClick(page.log, LEFT)
    assert seen == ["Say what happened, plainly and without a verdict."]
    assert window.session is not None
    [setback] = window.session.setbacks.all()
    assert (setback.what, setback.trigger, setback.impact) == (
        "Missed Thursday without a message",
        "Stayed late",
        impact,
    )


def test_an_empty_win_or_counter_measure_is_refused_inline_and_the_dialog_stays(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.ui.main_window import WINS
    from twofold.ui.widgets import FormDialog

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(WINS)
    said: list[str] = []

    def record(dialog: QWidget) -> None:
        assert isinstance(dialog, FormDialog)
        field = dialog.findChild(QPlainTextEdit, "recordWinDialogText")
        assert field is not None
        field.setPlainText("   ")
        dialog.ok_button.click()
        said.append(dialog.message.text())
        assert dialog.isVisible()
        field.setPlainText("We laughed at dinner")
        confirm_review()
        dialog.ok_button.click()

    on_next_modal(record)
    qtbot.mouseClick(window.wins.record, LEFT)
    assert said == ["Say what went well."]
    assert window.wins.list.item(0).text().startswith("We laughed at dinner")
