"""Run by test_soak: drive the real window as a person would, for a while.

``soak_child.py VAULT PASSPHRASE SECONDS [--type-only]``. The window is the app's own
(`MainWindow`, the app's style and theme). The loop switches pages, types entries and
lets autosave work, locks and unlocks, opens and closes every dialog (settings with a
theme switch through the combo's popup, safety plan, about, history, forgot
passphrase), then quits through the Quit action. Every word typed is printed as
``W word`` once it is in the editor; ``clean`` is printed after the event loop ended
and every window was deleted. With ``--type-only`` it only types (for kill -9 tests).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from twofold.services.kdf import use_weak_kdf_for_tests_only
from twofold.ui import app as app_module
from twofold.ui import theme
from twofold.ui.main_window import MainWindow

WORD_PAUSE_MS = 40


def say(line: str) -> None:
    print(line, flush=True)


def wait_until(condition: Callable[[], bool], timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QTest.qWait(20)


def on_next_modal(action: Callable[[QWidget], None]) -> None:
    def handler() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, handler)
            return
        action(dialog)

    QTimer.singleShot(0, handler)


class Soak:
    def __init__(self, window: MainWindow, passphrase: str, rng: random.Random) -> None:
        self.window, self.passphrase, self.rng = window, passphrase, rng
        self.n = 0

    def unlock(self) -> None:
        page = self.window.unlock_page
        wait_until(lambda: page.isVisible())
        QTest.mouseClick(page.choice("Alex"), Qt.MouseButton.LeftButton)
        page.passphrase.clear()
        QTest.keyClicks(page.passphrase, self.passphrase)
        QTest.keyClick(page.passphrase, Qt.Key.Key_Return)
        wait_until(lambda: self.window.session is not None)

    def shortcut(self, keys: str) -> None:
        """What the shortcut does: its action (key events to an offscreen window are
        not delivered reliably when no window is active)."""
        for action in self.window.actions():
            if action.shortcut().toString() == keys and action.isEnabled():
                action.trigger()
                break
        else:
            raise AssertionError(f"no enabled action for {keys}")
        QTest.qWait(30)

    def type_entry(self, words: int) -> None:
        self.shortcut("Ctrl+1")
        self.shortcut("Ctrl+N")
        editor = self.window.journal.editor.text
        editor.setFocus()
        for _ in range(words):
            self.n += 1
            word = f"soakword{self.n:05d}"
            QTest.keyClicks(editor, word + " ")
            say(f"W {word}")
            QTest.qWait(WORD_PAUSE_MS)

    def switch_pages(self) -> None:
        nav = self.window.nav
        for _ in range(6):
            nav.setCurrentRow(self.rng.randrange(nav.count()))
            QTest.qWait(40)

    def lock_and_unlock(self) -> None:
        self.shortcut("Ctrl+L")
        wait_until(lambda: self.window.session is None)
        self.forgot_dialog()
        self.unlock()

    def forgot_dialog(self) -> None:
        page = self.window.unlock_page
        QTest.mouseClick(page.choice("Alex"), Qt.MouseButton.LeftButton)
        on_next_modal(lambda d: QTimer.singleShot(150, d.close))
        QTest.mouseClick(page.forgot_button, Qt.MouseButton.LeftButton)
        QTest.qWait(50)

    def settings_and_theme(self) -> None:
        dialog = self.window.open_settings()
        wait_until(dialog.isVisible)
        combo: QComboBox = dialog.theme
        combo.showPopup()
        QTest.qWait(80)
        view = combo.view()
        row = (combo.currentIndex() + 1) % combo.count()
        rect = view.visualRect(view.model().index(row, 0))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.qWait(120)
        dialog.close()
        QTest.qWait(30)

    def modal(self, open_it: Callable[[], None]) -> None:
        on_next_modal(lambda d: QTimer.singleShot(100, d.close))
        open_it()
        QTest.qWait(30)

    def dialogs(self) -> None:
        self.modal(lambda: self.shortcut("F1"))
        self.modal(self.window._about)
        self.shortcut("Ctrl+1")
        history = self.window.journal.editor.history_button
        if history.isEnabled():
            self.modal(lambda: QTest.mouseClick(history, Qt.MouseButton.LeftButton))

    def round(self) -> None:
        self.type_entry(self.rng.randint(4, 12))
        QTest.qWait(self.rng.choice((100, 900, 1500)))  # let the draft and autosave run
        step = self.rng.randrange(4)
        if step == 0:
            self.switch_pages()
        elif step == 1:
            self.settings_and_theme()
        elif step == 2:
            self.dialogs()
        else:
            self.lock_and_unlock()


def main(folder: str, passphrase: str, seconds: float, type_only: bool) -> int:
    app = app_module.make_application()
    # beside the vault, in the test's tmp_path: a child killed mid-soak (--type-only)
    # cleans nothing up, and the system's temp folder kept one folder per run
    settings_root = Path(tempfile.mkdtemp(prefix="soak-settings-", dir=Path(folder).parent))
    settings = QSettings(str(settings_root / "settings.ini"), QSettings.Format.IniFormat)
    theme.apply(app, "light")
    use_weak_kdf_for_tests_only()  # the soak vault uses the test-only KDF
    window = MainWindow(Path(folder), settings)
    window.show()
    soak = Soak(window, passphrase, random.Random(int(os.environ.get("SOAK_SEED", "7"))))

    def drive() -> None:
        try:
            soak.unlock()
            say("ready")
            deadline = time.monotonic() + seconds
            if type_only:  # one long entry, typed steadily, until killed
                soak.type_entry(1_000_000)
            while time.monotonic() < deadline:
                soak.round()
            say(f"theme {settings.value('ui/theme')}")
            QTest.qWait(200)
            window.quit_action.trigger()
        except BaseException as exc:  # reported, then the exit code says it failed
            import traceback

            say(f"error {type(exc).__name__}: {exc}")
            traceback.print_exc()  # to stderr: the test shows it
            app.exit(3)

    QTimer.singleShot(0, drive)
    code = app.exec()
    app_module.close_down(window)
    say("clean")
    return code


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(args[0], args[1], float(args[2]), "--type-only" in sys.argv))
