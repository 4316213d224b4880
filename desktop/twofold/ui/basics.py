"""The few helpers the unlock screen needs, kept light to import.

The launch paints the unlock screen before the rest of the interface is imported
(``main_window.MainWindow._finish_start``, ``_warm_up``): this module touches only the
Qt classes that screen shows. ``widgets`` re-exports everything here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

W = TypeVar("W", bound=QWidget)
# The settings the start reads (the settings dialog changes them).
IDLE_KEY, THEME_KEY, VAULT_KEY = "ui/idle_minutes", "ui/theme", "vault/path"

# Qt's namespace of enums (``PySide6.QtCore.Qt``) costs 30-45 ms the first time it is
# used from Python: PySide makes all its 93 enum types at once. The unlock screen sets
# the two values it needs through Qt's property system instead, by number, and paints
# before anything needs ``Qt`` (test_launch checks that it is not made yet, and
# test_basics that the numbers are Qt's).
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
STRONG_FOCUS = 11  # Qt.FocusPolicy.StrongFocus


def set_by_value(target: QObject, name: str, value: int) -> None:
    """Set the enum property ``name`` (a Q_PROPERTY of the class) to ``value``."""
    if not target.setProperty(name, value):
        raise AttributeError(f"{type(target).__name__} has no property {name}")


def named(widget: W, object_name: str, accessible: str, tip: str = "") -> W:
    """Every control gets an objectName (tests, styles) and an accessible name.

    A label is the exception: its text is what it says (a recovery code, a countdown,
    a status), and a fixed accessible name would replace that text for a screen
    reader; what it is goes into its accessible description instead (issue 14)."""
    widget.setObjectName(object_name)
    # By class name: the text editors' Python classes are not needed to paint the
    # unlock screen (each Qt class brought into Python costs its enums).
    if widget.inherits("QPlainTextEdit") or widget.inherits("QTextEdit"):
        widget.setTabChangesFocus(True)  # type: ignore[attr-defined]  # Tab moves on
    if isinstance(widget, QLabel):
        widget.setAccessibleDescription(accessible)
    else:
        widget.setAccessibleName(accessible)
    if tip:
        widget.setToolTip(tip)
    return widget


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    label.setObjectName(f"heading{level}")
    label.setWordWrap(level > 2)  # page titles stay on one line
    return label


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("note")
    label.setWordWrap(True)
    set_by_value(label, "textFormat", PLAIN_TEXT)
    return label


def announce(widget: QWidget, message: str, *, assertive: bool = False) -> None:
    """Tell a screen reader about a message now (an error, a status), as a live
    region would: Qt >= 6.8 sends it to AT-SPI/UIA/NSAccessibility."""
    if not message:
        return
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    _announced.append(message)
    del _announced[:-50]


# The last messages announced, newest last (what tests read, as a screen reader hears).
_announced: list[str] = []


def announced() -> list[str]:
    return list(_announced)


class StatusLabel(QLabel):
    """The status line: every message is announced to a screen reader (a status
    bar is not read on its own), and a long one never widens the window: it ends
    in "…" at the edge (never a word cut off silently) and is whole in the tooltip
    and in what a screen reader reads (``text()`` stays whole; only the paint is
    shortened)."""

    def __init__(self) -> None:
        super().__init__()
        set_by_value(self, "textFormat", PLAIN_TEXT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        announce(self, text)

    def shown_text(self) -> str:
        """The text as painted: whole if it fits, else cut with "…"."""
        text, width = self.text(), max(self.contentsRect().width(), 1)
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(text) <= width:
            return text
        from PySide6.QtCore import Qt

        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)  # it fits: as any label
            return
        from PySide6.QtGui import QPainter  # (its enums only for a status that is cut)

        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
