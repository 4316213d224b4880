"""Issue 17: the unlock window paints before the ledger, journal and practice modules
are imported, and is fully usable when it does: the passphrase field has the focus and
names itself, the names to choose from are there (read from the signed key slots),
and typing the passphrase unlocks.

Run in a fresh interpreter: what a test process imported before would hide it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.ui.main_window import JOURNAL, TIMELINE, MainWindow
from twofold.ui.pages import PAGES

SCRIPT = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path

from twofold.services.kdf import use_weak_kdf_for_tests_only

use_weak_kdf_for_tests_only()  # the test vault's key slots use the test-only KDF

import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from twofold.ui import theme
from twofold.ui.app import make_application
from twofold.ui.main_window import MainWindow

UNLOCKED_ONLY = (
    "twofold.services.session",
    "twofold.services.backups",
    "twofold.vault.vault",
    "twofold.vault.ledger_store",
    "twofold.vault.journal_store",
    "twofold.domain.events",
    "twofold.services.content",  # the strength check of a new passphrase
)
# Not needed to paint the unlock screen either (session 22): the crash log, the rest of
# the interface's helpers, the window's watchers, reminders, tray and actions.
AFTER_THE_PAINT = (
    "twofold.domain.ledger",  # the key slots' encoding is in domain.canonical
    "twofold.services.diagnostics",
    "twofold.ui.widgets",
    "twofold.ui.ops",
    "twofold.ui.messages",
    "twofold.ui.worker",
    "twofold.ui.i18n",
    "twofold.ui.pages",
    "twofold.ui.settings_dialog",
    "twofold.ui.exposure",
    "twofold.ui.idle",
    "twofold.ui.reminders",
)
app = make_application()
theme.apply(app, "light")  # chosen (not "system": asking the desktop needs Qt's enums)
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(Path(sys.argv[1]), settings)
seen = {}


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            page = window.unlock_page
            focus = window.focusWidget()
            seen.update(
                imported=[m for m in UNLOCKED_ONLY if m in sys.modules],
                imported_early=[m for m in AFTER_THE_PAINT if m in sys.modules],
                started=getattr(window, "is_started", True),
                qt_namespace=vars(PySide6.QtCore).get("Qt") is not None,
                menus=[a.text() for a in window.menuBar().actions()],
                focus_is_passphrase=focus is page.passphrase,
                focus_name=focus.accessibleName() if focus is not None else "",
                choices=[b.accessibleName() for b in page.who_group.buttons()],
                enabled=page.passphrase.isEnabled() and page.unlock_button.isEnabled(),
            )
        return False


watcher = Painted()
window.unlock_page.installEventFilter(watcher)
window.show()
window.activateWindow()
while not seen:
    app.processEvents()
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

QTest.keyClicks(window.unlock_page.passphrase, sys.argv[3])
QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
for _ in range(3000):
    if window.session is not None:
        break
    app.processEvents()
    QTest.qWait(10)
seen["unlocked_as"] = window.session.partner_label if window.session else ""
seen["page"] = window.current_page()
seen["missing_after"] = [m for m in AFTER_THE_PAINT if m not in sys.modules]
seen["go_menu"] = len(window.menuBar().actions()[1].menu().actions())
window.lock()
print(json.dumps(seen), flush=True)
# Out without Python tearing Qt down in whatever order it frees objects (the app
# itself closes its windows first: ui/app.close_down).
os._exit(0)
"""


def test_the_unlock_window_paints_usable_before_the_ledger_is_imported(
    vault_dir: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(vault_dir), str(tmp_path / "s.ini"), ALEX_PASS],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["imported"] == []  # none of them was needed to paint
    assert seen["imported_early"] == []
    assert not seen["started"]  # the window's other parts come after the paint
    assert not seen["qt_namespace"]  # nor Qt's 93 enum types (ui/basics.py)
    assert seen["menus"] == ["&File", "&Go", "&Help"]  # but its menus are on screen
    assert seen["focus_is_passphrase"] and seen["focus_name"] == "Passphrase"
    assert seen["choices"] == ["I am Alex", "I am Sam", "Shared session (together)"]
    assert seen["enabled"]
    # and the window they paint unlocks: the session modules come when needed
    assert seen["unlocked_as"] == "Alex"
    assert seen["page"] == "journal"
    # typed and unlocked at once, while the rest was not built yet: built on the way
    assert seen["missing_after"] == []
    assert seen["go_menu"] > 10


def test_the_pages_are_built_while_the_unlock_screen_waits_and_it_stays_usable(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    page = window.unlock_page
    qtbot.waitUntil(
        lambda: hasattr(window, "page_widgets") and len(window.page_widgets) == len(PAGES)
    )
    # Built, not shown: the unlock screen is all there is, and it kept the focus.
    assert window.stack.currentWidget() is page
    assert not any(p.isVisible() for p in window.page_widgets.values())
    assert window.focusWidget() is page.passphrase
    built = dict(window.page_widgets)
    # Typing and unlocking work as before, on the pages already built.
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.page_widgets == built
    assert window.current_page() == JOURNAL and window.journal.isVisible()
    window.lock()


def test_unlocking_before_the_pages_are_built_builds_the_rest_at_once(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    # Enter pressed at once (a password manager types fast): whatever the warm-up
    # had not built yet is built while the key derivation runs.
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert set(window.page_widgets) == {spec.key for spec in PAGES}
    assert window.current_page() == JOURNAL
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == TIMELINE and window.timeline.isVisible()
    window.lock()


def test_a_shortcut_pressed_before_the_window_finished_starting_is_not_lost(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    assert not window.is_started  # shown, not painted yet: no actions made
    qtbot.keyClick(window, Qt.Key.Key_F1)  # the safety plan, without unlocking
    qtbot.waitUntil(
        lambda: any(
            type(w).__name__ == "LockedSafetyPlanDialog" and w.isVisible()
            for w in QApplication.topLevelWidgets()
        ),
        timeout=5000,
    )
    assert window.is_started and window.safety_action.isEnabled()
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "LockedSafetyPlanDialog":
            widget.close()


def test_the_window_finishes_starting_once_the_unlock_screen_has_painted(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass  # no unlock, no key: the paint alone leads to it
    assert window.unlock_page._painted
    assert window.tray is not None and window.idle is not None
    assert window.lock_action.isEnabled() is False and window.safety_action.isEnabled()
    assert window.focusWidget() is window.unlock_page.passphrase  # focus kept


CRASH_SCRIPT = r"""
import sys
from twofold.ui.app import catch_early_crashes

shown = []
catch_early_crashes(lambda exc, report: shown.append(type(exc).__name__))
assert "twofold.services.diagnostics" not in sys.modules  # not needed until a crash
try:
    raise ValueError("private words")
except ValueError as exc:
    sys.excepthook(type(exc), exc, exc.__traceback__)
print(shown)
"""


def test_an_error_before_the_crash_handler_is_installed_is_reported_by_it(
    tmp_path: Path,
) -> None:
    logs = tmp_path / "logs"
    done = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TWOFOLD_LOG_DIR": str(logs)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['ValueError']"  # the app's dialog was asked for
    reports = list(logs.glob("crash-*.txt"))
    assert len(reports) == 1
    report = reports[0].read_text()
    assert "ValueError" in report and "private words" not in report
    assert "uncaught" in (logs / "twofold.log").read_text()


APP_SCRIPT = r"""
import sys
from pathlib import Path

from twofold.services.kdf import use_weak_kdf_for_tests_only

use_weak_kdf_for_tests_only()  # the test vault's key slots use the test-only KDF
from twofold.ui.app import run_app

sys.exit(run_app(vault=Path(sys.argv[1])))
"""


def test_the_app_starts_installs_its_crash_log_once_painted_and_quits_on_sigterm(
    vault_dir: Path, tmp_path: Path
) -> None:
    import signal
    import time

    logs = tmp_path / "logs"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TWOFOLD_LOG_DIR": str(logs),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    with subprocess.Popen(
        [sys.executable, "-c", APP_SCRIPT, str(vault_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as app:
        try:
            deadline = time.monotonic() + 60
            while not (logs / "twofold.log").exists() and time.monotonic() < deadline:
                assert app.poll() is None  # still running
                time.sleep(0.05)
            assert "start version=" in (logs / "twofold.log").read_text()
            app.send_signal(signal.SIGTERM)  # logout: closed the normal way
            assert app.wait(60) == 0
        finally:
            if app.poll() is None:
                app.kill()


def test_the_choices_can_be_clicked_as_soon_as_the_window_is_shown(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.ui.unlock_page import SHARED

    window: MainWindow = make_window(vault_dir)  # shown; the event loop has not run
    page = window.unlock_page
    shared = page.choice(SHARED)
    assert shared.height() > 0  # laid out with the choices (it was 0 px high)
    qtbot.mouseClick(shared, Qt.MouseButton.LeftButton)
    assert page._who() == SHARED and shared.isChecked()


# The start a person makes: ``twofold --vault DIR`` through the entry point, with the
# settings of a German user who kept the default theme ("system").
REAL_START_SCRIPT = r"""
import gc, json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from twofold.services.kdf import use_weak_kdf_for_tests_only

use_weak_kdf_for_tests_only()  # the test vault's key slots use the test-only KDF
import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject, QTimer

import twofold.ui.app as app_module

if sys.argv[3] == "tray":  # a desktop with a tray, without one under offscreen
    from PySide6.QtWidgets import QSystemTrayIcon

    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)
seen = {}
opened = app_module.open_window


def open_window(*args, **kwargs):
    window = opened(*args, **kwargs)
    seen["window"] = window
    window.unlock_page.installEventFilter(watcher)
    window.started.connect(lambda: QTimer.singleShot(0, started))
    return window


def at_first_paint():
    window = seen["window"]
    page = window.unlock_page
    focus = window.focusWidget()
    seen["paint"] = dict(
        cli=[m for m in ("twofold.cli", "twofold.services.session") if m in sys.modules],
        dataclasses="dataclasses" in sys.modules,
        datetime="datetime" in sys.modules,
        signal_enums="signal" in sys.modules,  # (the handlers are set: see the SIGTERM test)
        qt_namespace=vars(PySide6.QtCore).get("Qt") is not None,
        collecting=gc.isenabled(),
        started=window.is_started,
        title=window.windowTitle(),
        texts=[page.unlock_button.text(), page.unlock_button.accessibleName()],
        choices=[b.text() for b in page.who_group.buttons()],
        focus_is_passphrase=focus is page.passphrase,
        theme=PySide6.QtWidgets.QApplication.instance().property("twofoldTheme"),
        message=page.message.text(),
        can_type=page.passphrase.isEnabled(),
    )


def started():
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = seen["window"]
    seen["started"] = dict(
        collecting=gc.isenabled(),
        crash_log="twofold.services.diagnostics" in sys.modules,
        quit_on_close=QApplication.instance().quitOnLastWindowClosed(),
        visible=window.isVisible(),
    )
    if sys.argv[3] in ("tray", "held"):
        report()
    QTest.keyClicks(window.unlock_page.passphrase, sys.argv[2])
    QTest.keyClick(window.unlock_page.passphrase, PySide6.QtCore.Qt.Key.Key_Return)
    wait_for_unlock()


def wait_for_unlock():
    window = seen["window"]
    if window.session is None:
        QTimer.singleShot(20, wait_for_unlock)
        return
    seen["unlocked_as"] = window.session.partner_label
    window.lock()
    report()


def report():
    seen.pop("window")
    print(json.dumps(seen), flush=True)
    os._exit(0)


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in seen:
            at_first_paint()
        return False


watcher = Painted()
app_module.open_window = open_window
from twofold.__main__ import main

line = ["--vault", sys.argv[1]] + (["--in-tray"] if sys.argv[3] == "tray" else [])
sys.exit(main(line))
"""


def _start_for_real(vault_dir: Path, tmp_path: Path, how: str) -> dict[str, Any]:
    config = tmp_path / "config"
    (config / "Twofold").mkdir(parents=True)
    (config / "Twofold" / "Twofold.conf").write_text("[ui]\nlanguage=de\n")
    done = subprocess.run(
        [sys.executable, "-c", REAL_START_SCRIPT, str(vault_dir), ALEX_PASS, how],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "XDG_CONFIG_HOME": str(config), "TWOFOLD_LOG_DIR": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


def test_the_real_start_paints_the_unlock_screen_in_german_before_the_command_line(
    vault_dir: Path, tmp_path: Path
) -> None:
    seen = _start_for_real(vault_dir, tmp_path, "window")
    paint = seen["paint"]
    # ``twofold --vault DIR`` opens the window without the command line's modules (the
    # session, the ledger, argparse), nor Qt's namespace of enums for the "system" theme
    assert paint["cli"] == []
    assert not paint["qt_namespace"]
    assert not paint["dataclasses"]  # (the theme's colours are a value class)
    assert not paint["datetime"]  # (the key slots, the translators: see ui/i18n.py)
    assert not paint["signal_enums"]  # (ui/app.quit_on_signals)
    assert paint["theme"] == "light"  # what the (offscreen) desktop asks for
    # and with everything the person needs before the first key: German, the focus
    assert paint["texts"] == ["Entsperren", "Entsperren"]
    assert paint["choices"] == ["Ich bin Alex", "Ich bin Sam", "Gemeinsame Sitzung (zusammen)"]
    assert paint["focus_is_passphrase"]
    assert paint["title"] == "Twofold"
    # the collector is paused for the start and resumes once the window has painted,
    # with the crash log installed
    assert not paint["collecting"] and not paint["started"]
    assert seen["started"]["collecting"] and seen["started"]["crash_log"]
    assert seen["started"]["quit_on_close"]  # no tray here: closing the window quits
    assert paint["message"] == "" and paint["can_type"]
    assert seen["unlocked_as"] == "Alex"


def test_a_second_start_is_told_at_once_that_the_vault_is_open_elsewhere(
    vault_dir: Path, tmp_path: Path
) -> None:
    from twofold.services.session import unlock

    with unlock(vault_dir, "Sam", SAM_PASS):  # the first window holds the vault
        seen = _start_for_real(vault_dir, tmp_path, "held")
    paint = seen["paint"]
    assert paint["message"] == (
        "Dieser Tresor ist schon in einem anderen Twofold-Fenster geöffnet. Wechsle zu "
        "diesem Fenster, oder schließ es und starte Twofold neu."
    )
    assert not paint["can_type"]  # nothing typed that would be lost
    assert paint["cli"] == [] and not paint["qt_namespace"]


def test_the_real_start_in_the_tray_keeps_running_when_the_window_closes(
    vault_dir: Path, tmp_path: Path
) -> None:
    seen = _start_for_real(vault_dir, tmp_path, "tray")
    assert "paint" not in seen  # started hidden in the tray: nothing painted
    assert seen["started"] == {
        "collecting": True,
        "crash_log": True,
        "quit_on_close": False,
        "visible": False,
    }
