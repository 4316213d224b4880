"""Issue 17: the unlock window paints before the ledger, journal and practice modules
are imported, and is fully usable when it does: the passphrase field has the focus and
names itself, the names to choose from are there (read from the signed key slots),
and typing the passphrase unlocks.

Run in a fresh interpreter: what a test process imported before would hide it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.ui.main_window import JOURNAL, TIMELINE, MainWindow
from twofold.ui.pages import PAGES

SCRIPT = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path

from twofold.services.kdf import use_weak_kdf_for_tests_only

use_weak_kdf_for_tests_only()  # the test vault's key slots use the test-only KDF

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

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
app = make_application()
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
QTest.keyClicks(window.unlock_page.passphrase, sys.argv[3])
QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
for _ in range(3000):
    if window.session is not None:
        break
    app.processEvents()
    QTest.qWait(10)
seen["unlocked_as"] = window.session.partner_label if window.session else ""
seen["page"] = window.current_page()
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
    assert seen["focus_is_passphrase"] and seen["focus_name"] == "Passphrase"
    assert seen["choices"] == ["I am Alex", "I am Sam", "Shared session (together)"]
    assert seen["enabled"]
    # and the window they paint unlocks: the session modules come when needed
    assert seen["unlocked_as"] == "Alex"
    assert seen["page"] == "journal"


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
