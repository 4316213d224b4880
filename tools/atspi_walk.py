"""The accessibility walk as a screen reader (Orca) meets it: over AT-SPI, under Xvfb.

Two halves in one file, run by two interpreters:

* ``--walk PID`` (the system's python3, which has pyatspi): walks the AT-SPI tree of
  the application with that process id and prints, as JSON, every interactive element
  on screen with the name a screen reader would say (a combo box is named only by a
  label's relation: on Linux its own name is its value).
* ``--app FOLDER`` (Twofold's venv, under Xvfb with a D-Bus session and
  QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1): drives the app through setup → unlock → write
  → add to share → confirm → timeline → lock, runs the walker at each step while it
  keeps answering AT-SPI, and prints the totals as JSON on its last line.

tests/gui/test_atspi_walk.py starts it: xvfb-run -a dbus-run-session -- python
tools/atspi_walk.py --app DIR (it skips where Xvfb, D-Bus or pyatspi are missing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SYSTEM_PYTHON = "/usr/bin/python3"
INTERACTIVE_ROLES = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "spin button",
    "slider",
    "list",
    "list item",
    "table",
    "table cell",
    "tree",
    "tree item",
    "tree table",
    "page tab",
    "link",
}
ITEMS = {"list item", "table cell", "tree item"}


# --- the walker (system python3 + pyatspi) ----------------------------------------


def walk(pid: int) -> dict[str, Any]:
    import pyatspi  # type: ignore[import-not-found]  # the system's, not the venv's

    desktop = pyatspi.Registry.getDesktop(0)
    apps = [a for a in desktop if a is not None and _pid(a) == pid]
    seen: dict[str, str] = {}
    for app in apps:
        _visit(pyatspi, app, "app", 0, seen)
    return {
        "found_app": bool(apps),
        "seen": seen,
        "apps": [f"{a.name}:{_pid(a)}" for a in desktop if a is not None],
    }


def _pid(acc: Any) -> int:
    try:
        return int(acc.get_process_id())
    except Exception:
        return -1


def _visit(pyatspi: Any, acc: Any, place: str, depth: int, seen: dict[str, str]) -> None:
    if acc is None or depth > 40:
        return
    try:
        states = acc.getState()
        role = acc.getRoleName()
        name = acc.name or ""
        ident = acc.accessibleId or ""
    except Exception:
        return
    if depth > 1 and not states.contains(pyatspi.STATE_SHOWING):
        return
    here = f"{place}/{ident.rsplit('.', 1)[-1] or role}"
    if role in INTERACTIVE_ROLES and states.contains(pyatspi.STATE_SENSITIVE):
        editable = role not in ("text", "entry") or states.contains(pyatspi.STATE_EDITABLE)
        if editable:
            if role in ITEMS:
                here = f"{place}/{role}[{acc.getIndexInParent()}]"
            spoken = name
            if role == "combo box":
                labelled = [
                    r
                    for r in acc.getRelationSet()
                    if r.getRelationType() == pyatspi.RELATION_LABELLED_BY
                ]
                spoken = name if labelled else ""
            seen[here] = spoken
    if role in ITEMS:
        return
    try:
        count = min(acc.childCount, 300)
    except Exception:
        return
    for index in range(count):
        try:
            child = acc.getChildAtIndex(index)
        except Exception:  # noqa: S112 - a child gone meanwhile is not on screen
            continue
        _visit(pyatspi, child, here, depth + 1, seen)


# --- the app driver (Twofold's venv, under Xvfb) ----------------------------------


class Driver:
    def __init__(self, folder: Path) -> None:
        from PySide6.QtCore import QSettings

        from twofold.services.kdf import use_weak_kdf_for_tests_only
        from twofold.ui import i18n, theme
        from twofold.ui.app import make_application
        from twofold.ui.main_window import MainWindow

        use_weak_kdf_for_tests_only()  # a test vault; the walk is about the screens
        # Start the AT-SPI registry first: Qt registers with it only at start-up.
        subprocess.run([SYSTEM_PYTHON, __file__, "--wake"], check=True, timeout=60)
        self.app = make_application()
        i18n.install(self.app, "en")
        theme.apply(self.app, "light")
        settings = QSettings(str(folder.parent / "settings.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(folder, settings)
        self.window.resize(1280, 800)
        self.window.show()
        self.seen: dict[str, str] = {}
        self.steps: dict[str, int] = {}
        self.walk_seconds = 0.0

    def pump(self, seconds: float = 0.2) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.005)

    def wait_for(self, predicate: Any, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > end:
                raise TimeoutError("the screen did not appear")
            self.app.processEvents()
            time.sleep(0.005)

    def visit(self, step: str) -> None:
        """Run the walker while this process keeps answering AT-SPI."""
        self.pump(float(os.environ.get("WALK_PUMP", "0.3")))
        started = time.monotonic()
        proc = subprocess.Popen(
            [SYSTEM_PYTHON, __file__, "--walk", str(os.getpid())],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        while proc.poll() is None:
            self.app.processEvents()
            time.sleep(0.005)
        out, err = proc.communicate()
        self.walk_seconds += time.monotonic() - started
        if proc.returncode != 0:
            raise RuntimeError(f"walker failed at {step}: {err[-2000:]}")
        result = json.loads(out)
        if not result["found_app"]:
            raise RuntimeError(f"the app is not on the AT-SPI bus at {step}: {result['apps']}")
        self.steps[step] = len(result["seen"])
        for place, name in result["seen"].items():
            self.seen[place] = self.seen.get(place) or name

    def run(self) -> dict[str, Any]:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QDialog, QWizard

        from twofold.ui.main_window import OUTBOX, TIMELINE

        left = Qt.MouseButton.LeftButton
        window = self.window
        wizard = window.wizard
        assert wizard is not None
        self.wait_for(lambda: wizard.isVisible())
        self.visit("welcome")
        QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), left)
        secrets = ("amber lantern orbit velvet", "cedar meadow quartz harbor")
        for page, name, secret in (
            (wizard.first, "Alex", secrets[0]),
            (wizard.second, "Sam", secrets[1]),
        ):
            QTest.keyClicks(page.name, name)
            QTest.keyClicks(page.fields.passphrase, secret)
            QTest.keyClicks(page.fields.confirm, secret)
            self.visit(f"partner {name}")
            QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), left)
        self.wait_for(lambda: wizard.currentPage() is wizard.roles)
        QTest.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), left)
        self.wait_for(lambda: wizard.currentPage() is wizard.hand_over[0])
        for turn in (0, 1):
            self.visit(f"hand-over {turn}")
            QTest.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), left)
            self.visit(f"own code {turn}")
            wizard.own_code[turn].stored.setChecked(True)
            last = QWizard.WizardButton.FinishButton if turn else QWizard.WizardButton.CommitButton
            QTest.mouseClick(wizard.button(last), left)
        self.wait_for(lambda: window.stack.currentWidget() is window.unlock_page)

        page = window.unlock_page
        QTest.mouseClick(page.choice("Alex"), left)
        self.visit("unlock")
        QTest.keyClicks(page.passphrase, secrets[0])
        QTest.mouseClick(page.unlock_button, left)
        self.wait_for(lambda: window.session is not None)
        self.visit("journal")
        QTest.mouseClick(window.journal.new_button, left)
        QTest.keyClicks(window.journal.editor.text, "Tonight I noticed I wanted to hide.")
        self.visit("writing")
        QTest.mouseClick(window.journal.editor.share_button, left)
        window.go(OUTBOX)
        self.visit("outbox")

        from twofold.ui.outbox_page import ConfirmShareDialog

        original_exec = ConfirmShareDialog.exec

        def exec_and_walk(dialog: QDialog) -> int:
            dialog.show()
            self.wait_for(dialog.isVisible)
            self.visit("confirm")
            dialog.accept()
            return int(QDialog.DialogCode.Accepted.value)

        ConfirmShareDialog.exec = exec_and_walk  # type: ignore[method-assign,assignment]
        try:
            QTest.mouseClick(window.outbox.share_all, left)
            self.wait_for(lambda: window.current_page() == TIMELINE)
        finally:
            ConfirmShareDialog.exec = original_exec  # type: ignore[method-assign]
        self.visit("timeline")
        window.lock()
        self.visit("locked")
        unnamed = sorted(place for place, name in self.seen.items() if not name.strip())
        return {
            "interactive": len(self.seen),
            "unnamed": unnamed,
            "steps": self.steps,
            "walk_seconds": round(self.walk_seconds, 1),
        }


def main() -> int:
    if sys.argv[1:2] == ["--wake"]:
        import pyatspi

        return 0 if pyatspi.Registry.getDesktop(0).childCount >= 0 else 1
    if sys.argv[1:2] == ["--walk"]:
        print(json.dumps(walk(int(sys.argv[2]))))
        return 0
    if sys.argv[1:2] == ["--app"]:
        driver = Driver(Path(sys.argv[2]))
        result = driver.run()
        print(json.dumps(result))
        sys.stdout.flush()
        os._exit(0)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
