"""GUI fixtures: real windows on real vaults, offscreen, with isolated settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from twofold.ui import i18n
from twofold.ui.app import make_application
from twofold.ui.main_window import MainWindow
from twofold.ui.worker import busy


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


MakeWindow = Callable[[Path], MainWindow]  # the make_window fixture, for annotations


@pytest.fixture
def make_window(qtbot: QtBot, settings: QSettings) -> Iterator[MakeWindow]:
    # English, whatever the machine's locale (German is switched on by its own tests).
    i18n.install(make_application(), "en")
    windows: list[MainWindow] = []

    def make(folder: Path) -> MainWindow:
        window = MainWindow(folder, settings)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    # Lock first: pytest-qt has already scheduled the windows' deletion, and waiting
    # below runs the event loop (a background verification may still be running).
    for window in windows:
        window.lock()
        window.close()
        window.deleteLater()
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)
    # Let Qt delete what was scheduled, so no half-closed window outlives its test.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def unlock_as(qtbot: QtBot, window: MainWindow, who: str, passphrase: str) -> None:
    """Choose who is here, type the passphrase and press Enter, as a person would."""
    page = window.unlock_page
    qtbot.mouseClick(page.choice(who), Qt.MouseButton.LeftButton)
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None, timeout=30_000)


_TEST = [0]  # which test is running: a handler left by an earlier test stops


@pytest.fixture(autouse=True)
def _modal_handlers_end_with_their_test() -> Iterator[None]:
    """A handler waiting for a dialog that never came must not act on the next test's
    dialogs (a confirm_review left by one test signed the next test's review)."""
    yield
    _TEST[0] += 1


def still_this_test() -> Callable[[], bool]:
    """For polling handlers: True while the test that made it is running."""
    test = _TEST[0]
    return lambda: _TEST[0] == test


def on_next_modal(action: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog once it is open (it blocks the test otherwise)."""
    alive = still_this_test()

    def handler() -> None:
        if not alive():
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, handler)
            return
        action(dialog)

    QTimer.singleShot(0, handler)


def confirm_review(tries: int = 250) -> None:
    """Sign at the next review before signing (issue 14) once it is open, as a person
    who read it would (gives up after ``tries`` × 20 ms)."""
    from twofold.ui.review import SignedReviewDialog

    alive = still_this_test()

    def handler(left: int) -> None:
        if not alive():
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignedReviewDialog) and dialog.isVisible():
            dialog.confirm.click()
        elif left:
            QTimer.singleShot(20, lambda: handler(left - 1))

    QTimer.singleShot(0, lambda: handler(tries))


def answer_input(text: str) -> Callable[[QWidget], None]:
    """Type ``text`` into the next one-field dialog (``widgets.ask_text`` or a
    QInputDialog) and accept it, signing at its review where it has one."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit, QPlainTextEdit

    from twofold.ui.widgets import FormDialog

    def answer(dialog: QWidget) -> None:
        if isinstance(dialog, FormDialog):  # the dialogs that keep text (issue 14)
            field = dialog.findChild(QWidget, f"{dialog.objectName()}Text")
            assert isinstance(field, QLineEdit | QPlainTextEdit)
            field.setPlainText(text) if isinstance(field, QPlainTextEdit) else field.setText(text)
            if dialog.review is not None:
                confirm_review()
            dialog.accept()
            return
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(text)
        dialog.accept()

    return answer


@pytest.fixture
def german() -> Iterator[None]:
    """German for one test (after make_window, which sets English), English again after."""
    app = make_application()
    i18n.install(app, "de")
    yield
    i18n.install(app, "en")
