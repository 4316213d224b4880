"""Lock after a period without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


# The input filter is installed this long after unlocking (see ``IdleWatcher.start``).
WATCH_INPUT_AFTER_MS = 1000


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int) -> None:
        super().__init__()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self._installed = False
        self._install_later = QTimer(self, singleShot=True)
        self._install_later.setInterval(WATCH_INPUT_AFTER_MS)
        self._install_later.timeout.connect(self._install)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Watch input only while unlocked: a Python event filter on every event
        costs time, and while locked there is nothing to protect.

        The countdown starts now; the filter that restarts it on input is installed a
        second later, so the unlock's own burst of events (~2,000 as the workspace is
        laid out and painted, each a call into Python) does not pass through it. Input
        in that second does not count: the lock can only come up to a second early,
        never late."""
        self._timer.start()
        if not self._installed and not self._install_later.isActive():
            self._install_later.start()

    def _install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed and self._timer.isActive():
            app.installEventFilter(self)
            self._installed = True

    def stop(self) -> None:
        self._timer.stop()
        self._install_later.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    @property
    def watching_input(self) -> bool:
        return self._installed

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False
