"""What leaves the window: the clipboard, and the screen when the session locks.

* Text copied from a journal is marked private (Klipper's hint, the macOS concealed
  type) and cleared from the clipboard and the X11 selection after a timeout, on lock,
  and on quit — if it is still ours (KeePassXC does the same with passwords).
* The screen locking (``org.freedesktop.ScreenSaver`` / ``org.gnome.ScreenSaver``
  ``ActiveChanged(true)`` on the session bus, where there is one), systemd-logind
  locking this session or switching away from it (``Lock``, ``Active`` false on the
  system bus), Windows' session notifications (lock, console or remote disconnect) or
  the app being suspended lock the vault: a locked screen or a switched user never
  leaves a journal open behind it. macOS reports neither without extra bindings; there
  the idle lock covers it (docs/ARCHITECTURE.md says so).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QByteArray,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QClipboard, QGuiApplication

from twofold.ui.widgets import PRIVATE_HINT

CLEAR_AFTER_MS = 60_000
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


LOGIND = "org.freedesktop.login1"
LOGIND_SESSION = "org.freedesktop.login1.Session"
# Windows: WM_WTSSESSION_CHANGE and the reasons that take the person away from the screen.
WM_WTSSESSION_CHANGE = 0x02B1
WTS_LEAVING = {2: "console disconnect", 4: "remote disconnect", 7: "session lock"}


def logind_session_path(session_id: str) -> str:
    """The object path logind gives a session: bus-path escaping (sd_bus_path_encode),
    where anything but ASCII letters and digits — and a leading digit — is _xx hex."""
    out = []
    for i, ch in enumerate(session_id):
        if ch.isascii() and (ch.isalpha() or (ch.isdigit() and i > 0)):
            out.append(ch)
        else:
            out.extend(f"_{b:02x}" for b in ch.encode("utf-8"))
    return "/org/freedesktop/login1/session/" + ("".join(out) or "_")


def windows_message_locks(message: int, wparam: int) -> bool:
    return message == WM_WTSSESSION_CHANGE and wparam in WTS_LEAVING


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    def __init__(self, on_leave: Callable[[], None]) -> None:
        super().__init__()
        self._on_leave = on_leave

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == b"windows_generic_MSG":
            from ctypes import wintypes  # Windows only

            msg = wintypes.MSG.from_address(int(message))
            if windows_message_locks(msg.message, int(msg.wParam)):
                self._on_leave()
        return False, 0


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
            self._watch_logind(QDBusConnection.systemBus())
        self._windows_filter: _WindowsSessionFilter | None = None
        if sys.platform == "win32" and isinstance(app, QGuiApplication):
            self._windows_filter = _WindowsSessionFilter(self.screen_locked.emit)
            app.installNativeEventFilter(self._windows_filter)

    def _watch_logind(self, bus: object) -> None:
        """``loginctl lock-session`` and a switch to another user's session."""
        from PySide6.QtDBus import QDBusConnection

        session_id = os.environ.get("XDG_SESSION_ID", "")
        if not isinstance(bus, QDBusConnection) or not bus.isConnected() or not session_id:
            return
        path = logind_session_path(session_id)
        lock = SLOT("on_session_lock()")
        changed = SLOT("on_session_properties(QString,QVariantMap,QStringList)")
        if bus.connect(LOGIND, path, LOGIND_SESSION, "Lock", self, lock):  # type: ignore[call-overload]
            self.listening.append(LOGIND_SESSION)
        bus.connect(  # type: ignore[call-overload]
            LOGIND, path, "org.freedesktop.DBus.Properties", "PropertiesChanged", self, changed
        )

    def watch_windows_sessions(self, window_id: int) -> bool:
        """Ask Windows for session notifications for this window (WTSRegisterSessionNotification)."""
        if self._windows_filter is None:
            return False
        import ctypes

        wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
        return bool(wtsapi.WTSRegisterSessionNotification(window_id, 0))

    @Slot()
    def on_session_lock(self) -> None:
        self.screen_locked.emit()

    @Slot(str, "QVariantMap", "QStringList")
    def on_session_properties(
        self, interface: str, changed: dict[str, object], _: list[str]
    ) -> None:
        if interface == LOGIND_SESSION and changed.get("Active") is False:
            self.screen_locked.emit()  # switched to another user's session

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.screen_locked.emit()
