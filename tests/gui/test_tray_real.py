"""Issue 16, with a real system tray: under Xvfb with an XEmbed tray (trayer), the
window closes to the tray locked, a reminder arrives as the desktop's balloon with
only its fixed words, and a click on it opens the unlock screen, then its page.
Offscreen has no tray, so the other reminder tests cover the status-bar fallback;
this one runs where Xvfb and trayer are installed (skipped elsewhere)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("trayer") is None,
    reason="needs Xvfb and an XEmbed tray (trayer) to have a real system tray",
)

CANARY = "TRAYCANARY5521 the words only Alex wrote"

CHILD = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon
    from tests.conftest import ALEX_PASS
    from twofold.domain.reminders import ReminderKind
    from twofold.services.session import unlock
    from twofold.ui.app import make_application
    from twofold.ui.main_window import MainWindow

    app = make_application()
    folder = Path(sys.argv[1])
    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    settings.setValue("tray/keepRunning", "true")
    window = MainWindow(folder, settings)
    window.show()
    session = unlock(folder, "Alex", ALEX_PASS)
    session.journal.write({CANARY!r})
    window._unlocked(session)
    print("tray", QSystemTrayIcon.isSystemTrayAvailable(), window.tray.available, flush=True)

    def balloon_texts():
        return [
            " ".join(label.text() for label in w.findChildren(__import__("PySide6.QtWidgets",
                     fromlist=["QLabel"]).QLabel))
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.metaObject().className() == "QBalloonTip"
        ]

    def closed():
        window.close()
        print("closed", window.isVisible(), window.session is None, flush=True)
        window.tray.notify(ReminderKind.WEEKLY_REVIEW)
        QTimer.singleShot(500, shown)

    def shown():
        print("balloon", "|".join(balloon_texts()), flush=True)
        window.tray.icon.messageClicked.emit()
        QTimer.singleShot(300, opened)

    def opened():
        print("opened", window.isVisible(), window.stack.currentWidget() is window.unlock_page,
              window._pending_page or "None", flush=True)
        app.quit()

    QTimer.singleShot(800, closed)
    QTimer.singleShot(20_000, app.quit)
    app.exec()
    """
)


def test_a_real_tray_keeps_the_app_locked_and_its_balloon_says_nothing_private(
    vault_dir: Path, tmp_path: Path
) -> None:
    display = ":" + str(90 + os.getpid() % 100)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1024x700x24"])  # noqa: S607
    procs = [xvfb]
    try:
        time.sleep(1.0)
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PYTHONPATH": str(Path.cwd()),
        }
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # the XEmbed tray, not a D-Bus one
        procs.append(
            subprocess.Popen(
                ["trayer", "--edge", "top", "--align", "right", "--width", "10"],  # noqa: S607
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        time.sleep(1.0)
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(vault_dir), str(tmp_path / "s.ini")],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
        assert lines["tray"] == "True True", done.stdout + done.stderr
        assert lines["closed"] == "False True"  # hidden in the tray, and locked
        assert "Time for your weekly review." in lines["balloon"]
        assert "TRAYCANARY5521" not in done.stdout + done.stderr
        assert lines["opened"].startswith("True True")  # the unlock screen first…
        assert lines["opened"].split()[-1] != "None"  # …then the reminder's page
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=30)
