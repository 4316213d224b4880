"""Reminders that arrive while the window is closed and the vault locked: a clock
that reads the plain schedule from the settings (times and kinds only) and a tray icon
that shows fixed, content-free notifications (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from twofold.domain.reminders import ReminderKind, Schedule, due_between

GROUP = "reminders"
KEEP_IN_TRAY_KEY = "tray/keepRunning"
TICK_MS = 30_000


def load_schedule(settings: QSettings) -> Schedule:
    settings.beginGroup(GROUP)
    try:
        values = {key: str(settings.value(key, "")) for key in settings.childKeys()}
    finally:
        settings.endGroup()
    return Schedule.from_settings(values)


def save_schedule(settings: QSettings, schedule: Schedule) -> None:
    settings.beginGroup(GROUP)
    try:
        for key, value in schedule.to_settings().items():
            settings.setValue(key, value)
    finally:
        settings.endGroup()
    settings.sync()


def keep_in_tray(settings: QSettings) -> bool:
    return str(settings.value(KEEP_IN_TRAY_KEY, "true")).lower() in ("true", "1")


class ReminderClock(QObject):
    """Ticks every 30 s, locked or not, and emits what became due since the last tick.

    ``clock`` returns naive local time; tests pass a fake one and call ``tick()``.

    Signals: fired(ReminderKind value)
    """

    fired = Signal(str)

    def __init__(
        self,
        settings: QSettings,
        clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.clock = clock
        self._last = clock()
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        """Another clock (tests: a fake one); nothing before its present is due."""
        self.clock = clock
        self._last = clock()

    def start(self) -> None:
        self._last = self.clock()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def tick(self) -> list[ReminderKind]:
        now = self.clock()
        due = due_between(load_schedule(self.settings), self._last, now)
        self._last = now
        for kind in due:
            self.fired.emit(kind.value)
        return due


class Tray(QObject):
    """The tray icon (where the desktop has a tray): open, lock, quit, notifications.
    Where there is none, notifications go to ``fallback`` (the window's status bar).

    Signals: open_requested(page key or ""), quit_requested(), lock_requested()
    """

    open_requested = Signal(str)
    quit_requested = Signal()
    lock_requested = Signal()

    def __init__(self, icon: QIcon, fallback: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._fallback = fallback
        self.last_message: tuple[str, str] | None = None  # (text, page): what was shown
        self._page = ""
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.setToolTip("Twofold")  # never anything private
            menu = QMenu(parent)
            menu.setObjectName("trayMenu")
            for text, slot in (
                (self.tr("Open Twofold"), lambda: self.open_requested.emit("")),
                (self.tr("Lock"), self.lock_requested.emit),
                (self.tr("Quit"), self.quit_requested.emit),
            ):
                action = QAction(text, menu)
                action.triggered.connect(slot)
                menu.addAction(action)
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self.message_clicked)
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def notify(self, kind: ReminderKind) -> None:
        """Show the reminder's fixed text; a click opens its page (after unlocking)."""
        self.last_message = (kind.text, kind.page)
        self._page = kind.page
        if self.icon is not None:
            self.icon.showMessage("Twofold", kind.text, QSystemTrayIcon.MessageIcon.Information)
        self._fallback(kind.text)

    def message_clicked(self) -> None:
        self.open_requested.emit(self._page)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit("")

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
