"""Run by tests/gui/test_fit.py in a fresh process (QT_FONT_DPI must be set before Qt
starts): opens the demo vault in a window of the given size, shows every page of the
private and the shared mode, and prints as JSON what does not fit: a page that makes
the window grow, a minimum size larger than the screen, a button off-screen or
narrower than its text."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QWidget

from twofold.services.demo import create_demo
from twofold.ui import i18n, theme
from twofold.ui.app import demo_hint, make_application
from twofold.ui.main_window import MainWindow


def pump(app: QApplication, seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def _scrolls(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area: scrolled into view when reached."""
    at = widget.parentWidget()
    while at is not None and at is not top:
        if isinstance(at, QAbstractScrollArea):
            return True
        at = at.parentWidget()
    return False


def problems(window: QWidget, width: int, height: int, where: str) -> list[str]:
    found = []
    if (window.width(), window.height()) != (width, height):
        found.append(f"{where}: the window became {window.width()}×{window.height()}")
    hint = window.minimumSizeHint()
    if hint.width() > width or hint.height() > height:
        found.append(f"{where}: minimum size {hint.width()}×{hint.height()}")
    for button in window.findChildren(QPushButton):
        if not button.isVisible() or not button.text() or _scrolls(button, window):
            continue
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if not QRect(0, 0, width, height).contains(rect):
            found.append(f"{where}: {button.text()!r} off-screen at {rect.getRect()}")
        elif button.width() < button.sizeHint().width():
            found.append(f"{where}: {button.text()!r} clipped")
    return found


def main() -> int:
    width, height = (int(n) for n in sys.argv[1].split("x"))
    language = sys.argv[2] if len(sys.argv) > 2 else "en"
    tmp = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "s"))
    app = make_application()
    i18n.install(app, language)
    theme.apply(app, "light")
    demo = create_demo(tmp / "demo")
    window = MainWindow(demo.folder, QSettings(), hint=demo_hint(demo))
    window.resize(width, height)
    window.show()
    pump(app)
    found = problems(window, width, height, "unlock")
    for who, mode in (("Alex", "private"), ("__shared__", "shared")):
        page = window.unlock_page
        page.choice(who).setChecked(True)
        pump(app)
        found += problems(window, width, height, f"unlock, {mode} chosen")
        page.passphrase.setText(demo.passphrases["Alex" if who == "Alex" else "Sam"])
        page.try_unlock()
        end = time.monotonic() + 60
        while window.session is None and time.monotonic() < end:
            app.processEvents()
        pump(app, 0.3)
        found += problems(window, width, height, f"{mode} after unlock")
        if mode == "private":
            from twofold.domain.checkins import CheckinKind
            from twofold.ui.main_window import CHECKINS

            window.go(CHECKINS)
            window.checkins.choose(CheckinKind.WEEKLY)  # the longest form
            pump(app)
            found += problems(window, width, height, f"{mode}/weekly check-in")
        for key in list(window.page_keys):
            window.go(key)
            pump(app)
            found += problems(window, width, height, f"{mode}/{key}")
            window.resize(width, height)  # the next page is judged on its own
            pump(app, 0.05)
        window.lock()
        pump(app)
    print(json.dumps({"problems": found, "font_pt": app.font().pointSizeF()}))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
