"""Starting the app: QApplication, settings, theme, the window; ``--demo`` builds a
demo vault in a temporary folder first (in the background, with progress shown)."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QThread
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from twofold import __version__
from twofold.resources import resource
from twofold.services import diagnostics
from twofold.services.paths import default_vault_folder
from twofold.ui import theme
from twofold.ui.main_window import MainWindow
from twofold.ui.reminders import keep_in_tray
from twofold.ui.settings_dialog import THEME_KEY, VAULT_KEY
from twofold.ui.widgets import error_text
from twofold.ui.worker import run_in_background
from twofold.vault.crypto import KdfParams

if TYPE_CHECKING:
    from twofold.services.demo import DemoVault

APP_ID = "io.github.twofold.Twofold"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Twofold")
    app.setApplicationName("Twofold")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    # The style is chosen once, before any widget exists: replacing it under a live
    # QWizard and then changing the style sheet crashes Qt 6.12.
    if app.style().name().casefold() != "fusion":
        app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resource("icons", "twofold.svg"))))
    return app


def demo_hint(demo: DemoVault) -> str:
    lines = [f"{label}: {passphrase}" for label, passphrase in demo.passphrases.items()]
    return "Demo vault. Passphrases — " + " · ".join(lines)


def open_window(
    folder: Path | None,
    settings: QSettings,
    *,
    demo: bool = False,
    kdf: KdfParams | None = None,
) -> MainWindow:
    chosen = folder or Path(str(settings.value(VAULT_KEY, "") or default_vault_folder()))
    if not demo:
        return MainWindow(chosen, settings, kdf=kdf)
    from twofold.services.demo import create_demo  # only the demo needs it

    demo_root = Path(tempfile.mkdtemp(prefix="twofold-demo-"))
    window = MainWindow(demo_root / "vault", settings, kdf=kdf)
    window.show_busy("Preparing a demo vault for Alex and Sam…")

    def ready(made: DemoVault) -> None:
        window.hint = demo_hint(made)
        window.show_unlock()

    def failed(exc: BaseException) -> None:
        window.show_busy(f"The demo vault could not be made: {error_text(exc)}")

    run_in_background(lambda: create_demo(demo_root / "vault", kdf), ready, failed)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: shutil.rmtree(demo_root, ignore_errors=True))
    return window


def show_bug(exc: BaseException, _report: str) -> None:
    """The crash handler's dialog: only on the GUI thread (a worker's uncaught error is
    logged and its report written; its task reports the failure to the GUI itself)."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    from twofold.ui import ops

    ops.show_failure(QApplication.activeWindow(), "Twofold", exc)


def run_app(vault: Path | None = None, demo: bool = False, in_tray: bool = False) -> int:
    app = make_application()
    diagnostics.install_crash_handler(on_bug=show_bug)
    settings = QSettings()
    theme.apply(app, str(settings.value(THEME_KEY, "system")))
    window = open_window(vault, settings, demo=demo)
    if window.tray.available and keep_in_tray(settings):
        app.setQuitOnLastWindowClosed(False)  # closing the window keeps the tray
    if not (in_tray and window.tray.available):
        window.show()
    return app.exec()


def gui_self_check(report: Callable[[str], None], kdf: KdfParams | None = None) -> bool:
    """Open the real window on a fresh vault and render it (offscreen is fine)."""
    started = time.perf_counter()
    app = make_application()
    root = Path(tempfile.mkdtemp(prefix="twofold-selfcheck-gui-"))
    settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
    try:
        theme.apply(app, "system")
        window = MainWindow(root / "vault", settings, kdf=kdf)
        window.show()
        app.processEvents()
        frame = window.grab()
        shown = window.wizard is not None and frame.width() > 0
        window.close()
        report(
            f"{'ok  ' if shown else 'FAIL'}  the window opens ({frame.width()}x{frame.height()}, "
            f"Qt platform {app.platformName()}, {time.perf_counter() - started:.2f} s)"
        )
        return shown
    finally:
        shutil.rmtree(root, ignore_errors=True)
