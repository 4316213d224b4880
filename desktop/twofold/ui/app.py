"""Starting the app: QApplication, settings, theme, the window; ``--demo`` builds a
demo vault in a temporary folder first (in the background, with progress shown)."""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

import twofold.ui.pyside_start  # noqa: F401  (before our other modules: see there)
from twofold import __version__
from twofold.resources import resource
from twofold.ui import theme
from twofold.ui.basics import THEME_KEY, VAULT_KEY

# The launch imports what the unlock screen shows (see ``main_window``): the crash log,
# the demo, the settings dialog and the rest are imported once that screen has painted.
if TYPE_CHECKING:
    from twofold.services.demo import DemoVault
    from twofold.ui.main_window import MainWindow

APP_ID = "io.github.twofold.Twofold"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fusion from the start through Qt's own option: the style object asked for
        # from Python brings QStyle's ~500 enum values into Python (~10 ms) before
        # the unlock screen can paint.
        app = QApplication([*(argv or sys.argv[:1]), "-style", "Fusion"])
        app.setProperty(theme.FUSION_SET, True)
    app.setOrganizationName("Twofold")
    app.setApplicationName("Twofold")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    # The style is chosen once, before any widget exists: replacing it under a live
    # QWizard and then changing the style sheet crashes Qt 6.12.
    theme.use_fusion(app)
    app.setWindowIcon(QIcon(str(resource("icons", "twofold.svg"))))
    return app


def demo_hint(demo: DemoVault) -> str:
    lines = [f"{label}: {passphrase}" for label, passphrase in demo.passphrases.items()]
    return QCoreApplication.translate("app", "Demo vault. Passphrases — {lines}").format(
        lines=" · ".join(lines)
    )


def open_window(
    folder: Path | None,
    settings: QSettings,
    *,
    demo: bool = False,
) -> MainWindow:
    from twofold.services.paths import default_vault_folder
    from twofold.ui.main_window import MainWindow

    chosen = folder or Path(str(settings.value(VAULT_KEY, "") or default_vault_folder()))
    if not demo:
        return MainWindow(chosen, settings)
    from twofold.services.demo import create_demo  # only the demo needs it
    from twofold.services.demo_folders import make_demo_root, remove_demo_root
    from twofold.ui.widgets import error_text
    from twofold.ui.worker import run_in_background, wait_for_all

    demo_root = make_demo_root()
    window = MainWindow(demo_root / "vault", settings)
    window.show_busy(QCoreApplication.translate("app", "Preparing a demo vault for Alex and Sam…"))

    def ready(made: DemoVault) -> None:
        window.hint = demo_hint(made)
        window.show_unlock()

    def failed(exc: BaseException) -> None:
        window.show_busy(
            QCoreApplication.translate(
                "app", "The demo vault could not be made: {error_text}"
            ).format(error_text=error_text(exc))
        )

    run_in_background(lambda: create_demo(demo_root / "vault"), ready, failed, owner=window)

    def remove() -> None:
        # today's backup of the demo vault may still be copying it on a worker: the
        # folder is removed once it is done (a folder filling up while it is removed
        # stays behind)
        wait_for_all(30_000)
        remove_demo_root(demo_root)

    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(remove)
    window.destroyed.connect(remove)
    return window


def show_bug(exc: BaseException, _report: str) -> None:
    """The crash handler's dialog: only on the GUI thread (a worker's uncaught error is
    logged and its report written; its task reports the failure to the GUI itself)."""
    from PySide6.QtCore import QThread

    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    from twofold.ui import ops

    ops.show_failure(QApplication.activeWindow(), "Twofold", exc)


def close_down(*windows: QWidget) -> None:
    """Delete the windows, and every dialog they own, while Qt still runs.

    Left to Python's shutdown, Qt objects are destroyed in whatever order the
    interpreter frees them; a dialog still parented to the window (the recovery dialog,
    once opened) then crashed the quit ("shared QObject was deleted directly", exit 139).
    """
    for window in windows:
        window.close()
    for widget in QApplication.topLevelWidgets():
        # Only windows nobody owns: an owned one (a dialog, a combo box's popup) goes
        # with its owner, and deleting it on its own leaves the owner a dangling pointer.
        if widget.parent() is None:
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def quit_on_signals(app: QApplication) -> QTimer:
    """SIGTERM (logout, shutdown) and SIGINT close the window the normal way, so the
    entry being written is saved and the vault locked. Python runs signal handlers only
    between bytecodes, so a timer wakes the interpreter now and then.

    Through ``_signal``, the C module behind ``signal``: the same calls, without the
    enums ``signal`` makes of every signal number at import (~3.5 M instructions
    before the first paint)."""
    import _signal

    for signum in (_signal.SIGTERM, _signal.SIGINT):
        _signal.signal(signum, lambda *_: (app.closeAllWindows(), app.quit()))
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(500)
    return wake


def catch_early_crashes(on_bug: Callable[[BaseException, str], None]) -> None:
    """Until the crash handler is installed (once the unlock screen has painted), an
    uncaught error installs it and is handled by it: logged, its report written, the
    dialog shown, as later. A native crash meanwhile goes to stderr (faulthandler),
    from then on also to the log folder's faults.log."""
    import faulthandler

    faulthandler.enable()

    def install() -> None:
        from twofold.services import diagnostics

        diagnostics.install_crash_handler(on_bug=on_bug)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        install()
        sys.excepthook(kind, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        install()
        threading.excepthook(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def after_first_paint() -> None:
    """What the start does once the window is on screen: the crash handler (see
    ``catch_early_crashes``) and the sweep of demo folders left by a crash; then the
    cyclic garbage collector resumes if the start paused it (``__main__``)."""
    from twofold.services import diagnostics
    from twofold.services.demo_folders import sweep_stale_demo_roots

    diagnostics.install_crash_handler(on_bug=show_bug)
    sweep_stale_demo_roots()
    resume_collector()


def resume_collector() -> None:
    """The start imports and builds what lives as long as the process (Qt's and
    Twofold's modules, the window): the cyclic collector, paused for it, would walk it
    all at each collection for nothing (~60 collections before the first paint). Those
    objects are moved out of its sight (``gc.freeze``), and it collects from here on.
    Nothing to do when the collector was running (a test calling ``run_app``)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def keep_running_in_tray(app: QApplication, settings: QSettings) -> bool:
    """With a system tray and the setting on, closing the window keeps the app in the
    tray (``MainWindow.closeEvent``); True when there is a tray to start hidden in."""
    from PySide6.QtWidgets import QSystemTrayIcon

    tray = QSystemTrayIcon.isSystemTrayAvailable()  # what window.tray will find
    from twofold.ui.reminders import keep_in_tray

    if tray and keep_in_tray(settings):
        app.setQuitOnLastWindowClosed(False)  # closing the window keeps the tray
    return tray


def run_app(vault: Path | None = None, demo: bool = False, in_tray: bool = False) -> int:
    from twofold.ui import binding_check, i18n

    app = make_application()
    # Before any window: strings are translated as the widgets are made.
    i18n.apply(app, QSettings())
    problem = binding_check.problem()  # first: it opens nothing and writes nothing
    if problem is not None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, app.translate("app", "Twofold cannot start safely"), problem)
        return 1
    catch_early_crashes(show_bug)
    settings = QSettings()
    theme.apply(app, str(settings.value(THEME_KEY, "system")))
    window = open_window(vault, settings, demo=demo)
    # Starting hidden needs to know now whether there is a tray to hide in; a window
    # that shows asks once it has painted (the tray itself is made then: finish_start).
    hidden = in_tray and keep_running_in_tray(app, settings)

    def started() -> None:
        if not hidden:
            keep_running_in_tray(app, settings)
        after_first_paint()

    if window.is_started:  # (the setup wizard is built whole, at once)
        started()
    else:
        window.started.connect(started)  # once the window has painted
    if not hidden:
        window.show()
    else:
        window.finish_start()  # hidden in the tray: nothing to paint first
    wake = quit_on_signals(app)
    code = app.exec()
    wake.stop()
    close_down(window)
    return code


def gui_self_check(report: Callable[[str], None]) -> bool:
    """Open the real window on a fresh vault and render it (offscreen is fine)."""
    import shutil
    import tempfile

    from twofold.ui.main_window import MainWindow

    started = time.perf_counter()
    app = make_application()
    root = Path(tempfile.mkdtemp(prefix="twofold-selfcheck-gui-"))
    settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
    try:
        theme.apply(app, "system")
        window = MainWindow(root / "vault", settings)
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
