"""Issue 14: where the partner-facing words are written, the I-statement helper
offers its suggestion as it does in the journal — a suggestion, never a rewrite."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import on_next_modal, unlock_as
from twofold.services.session import unlock
from twofold.ui.istatement import IStatementHelper
from twofold.ui.main_window import OUTBOX, MainWindow

LEFT = Qt.MouseButton.LeftButton
MakeWindow = Callable[[Path], MainWindow]


def test_the_outbox_version_gets_the_suggestion(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    record = alex.journal.write("A hard evening. I want to say something about dinner.")
    alex.sharing.add(record)
    alex.lock()
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(OUTBOX)
    outbox = window.outbox
    helper = outbox.version_helper
    helper.timer.setInterval(10)
    assert not helper.isVisible()
    outbox.version.selectAll()
    qtbot.keyClicks(outbox.version, "You never put your phone away at dinner.")
    qtbot.waitUntil(helper.isVisible, timeout=3000)
    assert "you never" in helper.hint.text().lower()
    qtbot.mouseClick(helper.use, LEFT)
    text = outbox.version.toPlainText()
    assert text.startswith("You never put your phone away at dinner.")  # never rewritten
    assert "I felt … when … because …" in text
    qtbot.waitUntil(lambda: not helper.isVisible(), timeout=3000)
    # dismissing one sentence keeps it quiet; another entry starts afresh
    qtbot.keyClicks(outbox.version, " You always check it.")
    qtbot.waitUntil(helper.isVisible, timeout=3000)
    qtbot.mouseClick(helper.dismiss, LEFT)
    assert not helper.isVisible()


BLAME = "You never listen when I talk about work."


def _suggests(qtbot: QtBot, helper: QWidget, field: QWidget) -> str:
    """Type a blaming sentence into ``field``; the helper beside it offers the
    I-statement. Returns its hint."""
    assert isinstance(helper, IStatementHelper)
    helper.timer.setInterval(10)
    assert not helper.isVisible()
    field.setFocus()
    qtbot.keyClicks(field, BLAME)
    qtbot.waitUntil(helper.isVisible, timeout=3000)
    return helper.hint.text()


def test_check_in_answers_get_the_suggestion(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.ui.main_window import CHECKINS

    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(CHECKINS)
    page = window.checkins
    assert page.helpers.keys() == page.fields.keys()  # every answer the partner reads
    prompt = next(iter(page.fields))
    assert "you never" in _suggests(qtbot, page.helpers[prompt], page.fields[prompt]).lower()


@pytest.mark.parametrize(
    ("page_key", "button"),
    [
        ("together", "appreciate"),
        ("wins", "record"),
        ("setbacks", "log"),
    ],
)
def test_dialogs_whose_words_the_partner_reads_get_the_suggestion(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, page_key: str, button: str
) -> None:
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(page_key)
    hints: list[str] = []

    def check(dialog: QWidget) -> None:
        try:
            helper = dialog.findChild(IStatementHelper)
            field = (
                dialog.findChild(QPlainTextEdit, "setbackImpact")
                if page_key == "setbacks"
                else dialog.findChild(QPlainTextEdit)
            )
            assert helper is not None and field is not None
            hints.append(_suggests(qtbot, helper, field))
        finally:
            dialog.reject()  # type: ignore[attr-defined]

    on_next_modal(check)
    page = getattr(window, page_key)
    qtbot.mouseClick(getattr(page, button), LEFT)
    assert len(hints) == 1 and "you never" in hints[0].lower()


def test_repair_notes_counter_measures_and_concerns_get_the_suggestion(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.setbacks.log("Late without a text")
    alex.lock()
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go("setbacks")
    hints: list[str] = []

    def check(dialog: QWidget) -> None:
        try:
            helper = dialog.findChild(IStatementHelper)
            field = dialog.findChild(QPlainTextEdit)
            assert helper is not None and field is not None
            hints.append(_suggests(qtbot, helper, field))
        finally:
            dialog.reject()  # type: ignore[attr-defined]

    for button in (window.setbacks.next_step, window.setbacks.countermeasure):
        on_next_modal(check)
        qtbot.mouseClick(button, LEFT)
    assert len(hints) == 2


def test_a_session_note_gets_the_suggestion_and_says_who_signs(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from tests.conftest import SAM_PASS
    from twofold.domain.dialogue import SessionKind
    from twofold.ui.main_window import JOINT
    from twofold.ui.unlock_page import SHARED

    window = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    assert window.session is not None
    window.session.joint.open(SessionKind.WEEKLY, ALEX_PASS)
    window.go(JOINT)
    page = window.joint
    page.reload()
    assert page.signer.text().startswith("Notes and outcomes are signed by Sam")
    assert "you never" in _suggests(qtbot, page.note_helper, page.note_input).lower()
    qtbot.mouseClick(page.note_helper.use, LEFT)
    assert page.note_input.text().startswith(BLAME)  # never rewritten, only added to
    assert "I felt" in page.note_input.text()


def test_the_suggestion_speaks_the_window_s_language(qtbot: QtBot) -> None:
    """The hint and the form it inserts are translated: a German window inserts the
    German form, not "I felt … when … because …" into German text."""
    from PySide6.QtWidgets import QApplication

    from twofold.ui import i18n

    app = QApplication.instance()
    assert app is not None
    i18n.install(app, "de")
    try:
        field = QPlainTextEdit()
        helper = IStatementHelper(field, "germanIstatement")
        qtbot.addWidget(field)
        qtbot.addWidget(helper)
        field.setPlainText(BLAME)
        helper.check()
        assert helper.suggestion is not None
        assert "I-statement" not in helper.hint.text() and "Ich-Botschaft" in helper.hint.text()
        helper._use()
        assert "I felt" not in field.toPlainText()
        assert "Ich habe mich … gefühlt, als … weil …" in field.toPlainText()
    finally:
        i18n.install(app, "en")
