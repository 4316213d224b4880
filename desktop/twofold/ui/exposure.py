"""What leaves the window: the clipboard, and the screen when the session locks.

* Text copied from a journal is marked private (Klipper's hint, the macOS concealed
  type) and cleared from the clipboard and the X11 selection after a timeout, on lock,
  and on quit — if it is still ours (KeePassXC does the same with passwords).
* The screen locking (``org.freedesktop.ScreenSaver`` / ``org.gnome.ScreenSaver``
  ``ActiveChanged(true)`` on the session bus, where there is one) or the app being
  suspended locks the vault: a locked screen or a switched user never leaves a journal
  open behind it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import SLOT, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

from twofold.ui.widgets import PRIVATE_HINT

CLEAR_AFTER_MS = 60_000
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


def _modes() -> list[QClipboard.Mode]:
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    return modes


class ClipboardGuard(QObject):
    """Clears private copies after ``CLEAR_AFTER_MS``, and at once on ``clear_now``."""

    def __init__(self, parent: QObject | None = None, after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=after_ms)
        self.timer.timeout.connect(self.clear_now)
        QGuiApplication.clipboard().changed.connect(self._changed)

    def _ours(self, mode: QClipboard.Mode) -> bool:
        clipboard = QGuiApplication.clipboard()
        data = clipboard.mimeData(mode)
        return data is not None and data.hasFormat(PRIVATE_HINT)

    def _changed(self, mode: QClipboard.Mode) -> None:
        if self._ours(mode):
            self.timer.start()

    def clear_now(self) -> None:
        self.timer.stop()
        clipboard = QGuiApplication.clipboard()
        for mode in _modes():
            if self._ours(mode):
                clipboard.clear(mode)


class ScreenLockWatcher(QObject):
    """Emits ``screen_locked`` when the desktop reports a locked screen."""

    screen_locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state)
        with contextlib.suppress(ImportError):
            from PySide6.QtDBus import QDBusConnection

            bus = QDBusConnection.sessionBus()
            if bus.isConnected():
                for interface, path in SCREENSAVERS:
                    slot = SLOT("on_active_changed(bool)")
                    # SLOT() gives the str the binding expects; its stubs say bytes
                    if bus.connect("", path, interface, "ActiveChanged", self, slot):  # type: ignore[call-overload]
                        self.listening.append(interface)

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.screen_locked.emit()
