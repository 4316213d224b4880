"""Small helpers every screen uses: naming for accessibility and tests, messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QResizeEvent,
    QShowEvent,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.errors import TwofoldError
from twofold.domain.text import is_right_to_left
from twofold.ui.basics import StatusLabel as StatusLabel
from twofold.ui.basics import announce as announce
from twofold.ui.basics import announced as announced
from twofold.ui.basics import heading as heading
from twofold.ui.basics import named as named
from twofold.ui.basics import note as note
from twofold.ui.istatement import IStatementHelper
from twofold.ui.messages import translated

if TYPE_CHECKING:
    from twofold.services.session import Session

PRIVATE_HINT = "x-kde-passwordManagerHint"
# macOS pasteboard managers skip items of this type (nspasteboard.org), as KeePassXC
# sets it.
CONCEALED_TYPE = "application/x-nspasteboard-concealed-type"


def error_text(exc: BaseException) -> str:
    if isinstance(exc, TwofoldError):
        return translated(str(exc))
    return QCoreApplication.translate(
        "widgets",
        "Something unexpected went wrong ({value}). Nothing you saved was lost. "
        "Please report this.",
    ).format(value=type(exc).__name__)


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """The one failure dialog (see ``ops.show_failure``): the message of a
    ``TwofoldError``; "this is a bug" with a copyable report for anything else."""
    from twofold.ui import ops

    ops.show_failure(parent, title, exc)


class PrivateTextEdit(QTextEdit):
    """A text editor whose copies ask clipboard managers not to keep a history."""

    def createMimeDataFromSelection(self) -> QMimeData:
        # A fresh object: changes to the one Qt returns are lost across the binding.
        original = super().createMimeDataFromSelection()
        data = QMimeData()
        for fmt in original.formats():
            data.setData(fmt, original.data(fmt))
        mark_private(data)
        return data


def mark_private(data: QMimeData) -> None:
    # KDE/Klipper and several other clipboard managers honour this hint.
    data.setData(PRIVATE_HINT, b"secret")
    data.setData(CONCEALED_TYPE, b"")


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/Cancel question whose safe answer (Cancel) is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def two_panes(left: QWidget, right: QWidget, object_name: str, left_share: int = 1) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName(object_name)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, left_share)
    splitter.setStretchFactor(1, 3)
    splitter.setChildrenCollapsible(False)
    return splitter


def busy_bar(object_name: str, accessible: str) -> QProgressBar:
    """An indeterminate progress bar, hidden until work starts."""
    bar = named(QProgressBar(), object_name, accessible)
    bar.setRange(0, 0)
    bar.hide()
    return bar


def error_label(object_name: str, accessible: str = "") -> QLabel:
    """An inline message. Its text is what a screen reader reads (no fixed
    accessible name replaces it); ``say`` sets and announces a message."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    if accessible:
        label.setAccessibleDescription(accessible)
    return label


def say(label: QLabel, message: str) -> None:
    """Show a message in an inline label and announce it."""
    label.setText(message)
    if message:
        announce(label, message, assertive=label.objectName() == "errorLabel")


def refused_inline(label: QLabel) -> Callable[[BaseException], bool]:
    """``ops.run_op(on_failure=…)`` for a form: a refused input (a ``TwofoldError``)
    is said in ``label`` and announced; anything else goes to the bug dialog."""

    def refused(exc: BaseException) -> bool:
        if isinstance(exc, TwofoldError):
            say(label, error_text(exc))
            return True
        return False

    return refused


class FormDialog(QDialog):
    """A dialog whose OK runs its action and closes only when it succeeded: a
    refused input (a ``TwofoldError``) is said inline, under the fields, and every
    word typed stays where it was (issue 14). A bug is reported and the dialog stays.

    Subclasses (or callers) set ``action``; ``changed`` is what it announces. Where
    the action signs words onto the shared ledger, ``review`` (``review.review_signed``)
    shows exactly what will be written, who signs it and who will read it first; its
    way back returns to the fields with every word kept."""

    def __init__(
        self,
        parent: QWidget | None,
        object_name: str,
        title: str,
        accept_text: str,
        *,
        failure_title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.action: Callable[[], object] | None = None
        self.review: Callable[[], bool] | None = None
        self.changed: tuple[str, ...] = ()
        self.failure_title = failure_title or title
        self.message = error_label(f"{object_name}Message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(accept_text)
        self.ok_button.setObjectName(f"{object_name}Accept")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.value: object = None

    def finish_layout(self, layout: QBoxLayout) -> None:
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if self.action is None:
            super().accept()
            return
        from twofold.ui import ops

        refused = refused_inline(self.message)
        say(self.message, "")
        if self.review is not None:
            asked = ops.run_op(
                self,
                self.failure_title,
                self.review,
                action=f"{self.objectName()}.review",
                on_failure=refused,
            )
            if asked is None or not asked.value:
                return  # back to edit: every word stays
        outcome = ops.run_op(
            self,
            self.failure_title,
            self.action,
            action=f"{self.objectName()}.accept",
            on_failure=refused,
            changed=self.changed,
        )
        if outcome is not None and outcome.ok:
            self.value = outcome.value
            super().accept()


def ask_text(
    parent: QWidget,
    object_name: str,
    title: str,
    label: str,
    action: Callable[[str], object],
    *,
    accept_text: str = "OK",
    changed: tuple[str, ...] = (),
    multiline: bool = False,
    text: str = "",
    review: Callable[[QWidget, str], bool] | None = None,
    helper: bool = False,
) -> bool:
    """A one-field dialog that keeps the text on a refusal (QInputDialog closes and
    loses it). ``review`` (``review.reviewer``) shows what will be signed before the
    action runs; ``helper`` adds the I-statement helper where the partner reads the
    words. Returns whether the action succeeded."""
    dialog = FormDialog(parent, object_name, title, accept_text)
    field: QLineEdit | QPlainTextEdit
    if multiline:
        field = QPlainTextEdit(text)
        field.setTabChangesFocus(True)
        follow_text_direction(field)
    else:
        field = QLineEdit(text)
    field.setObjectName(f"{object_name}Text")
    field.setAccessibleName(label)
    caption = QLabel(label)
    caption.setWordWrap(True)
    caption.setBuddy(field)
    layout = QVBoxLayout(dialog)
    layout.addWidget(caption)
    layout.addWidget(field)
    if helper and isinstance(field, QPlainTextEdit):
        layout.addWidget(IStatementHelper(field, f"{object_name}Istatement"))
    dialog.finish_layout(layout)
    dialog.setMinimumWidth(460)

    def value() -> str:
        return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()

    def run() -> object:
        return action(value())

    dialog.action = run
    if review is not None:
        ask = review
        dialog.review = lambda: ask(dialog, value())
    dialog.changed = changed
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class LazyPage(QWidget):
    """A page that works out its content when it is shown, not at unlock: unlocking
    stays fast however much history the page would read."""

    # What this page shows, in the kinds ``ops.announce`` uses: an announced change
    # of one of them makes the page refresh itself (now if shown, else when shown).
    refresh_on: frozenset[str] = frozenset()

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self._stale = False
        from twofold.ui import ops

        ops.changes().changed.connect(self._announced)

    def attach(self, session: Session | None) -> None:
        self.session = session
        self._stale = True
        if session is None or self.isVisible():
            self._safe_reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._safe_reload()

    def _announced(self, kinds: frozenset[str]) -> None:
        if self.session is None or not (kinds & self.refresh_on):
            return
        self._stale = True
        if self.isVisible():
            self._safe_reload()

    def _safe_reload(self) -> None:
        from twofold.ui import ops

        ops.run_op(
            self,
            self.tr("This page could not be shown"),
            self.reload,
            action=f"{type(self).__name__}.reload",
        )
        if self.session is not None and self.session.rows_left_out():
            ops.changes().left_out.emit()

    def reload(self) -> None:
        """Subclasses fill the page from ``self.session`` (or clear it when None)."""
        self._stale = False

    def act(self, title: str, action: Callable[[], object]) -> None:
        """Do one user action through ``ops.run_op`` (a failure is shown under
        ``title``), announce that the shared practice changed, then refresh."""
        from twofold.ui import ops

        kinds = (ops.PRACTICE, ops.TIMELINE)
        outcome = ops.run_op(
            self, title, action, action=f"{type(self).__name__}.act", changed=kinds
        )
        if outcome is not None and (not outcome.ok or not self.refresh_on & set(kinds)):
            self._safe_reload()  # else the announcement refreshed this page already


def follow_text_direction(edit: QPlainTextEdit) -> None:
    """Align a plain-text field by the direction of what is written in it, as a rich
    text field does by itself (QPlainTextEdit leaves right-to-left text on the left)."""

    def update() -> None:
        rtl = is_right_to_left(edit.toPlainText())
        document = edit.document()
        option = document.defaultTextOption()
        alignment = (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        ) | Qt.AlignmentFlag.AlignAbsolute
        if option.alignment() == alignment:
            return
        option.setAlignment(alignment)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        document.setDefaultTextOption(option)

    edit.textChanged.connect(update)
    update()


def buddy(widget: QWidget, text: str, *, shown: bool = True) -> QLabel:
    """A label for a control (QLabel.setBuddy): what a screen reader says the control
    is (on Linux a combo box's own name is its value; the label reaches AT-SPI as
    its "labelled by" relation), and Alt+letter focus when the text has a "&".
    Add it to the same layout as the control; ``shown=False`` keeps it off screen
    where the choices speak for themselves ("All kinds", "Any feeling")."""
    label = QLabel(text)
    label.setBuddy(widget)
    label.setObjectName("buddyLabel" if shown else "hiddenBuddyLabel")
    if not shown:
        label.setVisible(False)
    return label


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """The text as it fits in ``lines`` word-wrapped lines of ``width`` pixels: whole
    if it fits, else the last line cut with "…" (QFontMetrics.elidedText)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[int] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1))
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= lines:
        return text
    last = starts[lines - 1]
    rest = QFontMetrics(font).elidedText(
        " ".join(text[last:].split()), Qt.TextElideMode.ElideRight, max(width, 1)
    )
    return text[:last] + rest


class ElidedList(QListWidget):
    """A list whose items show at most ``lines`` wrapped lines, a cut one ending in
    "…" (never a word cut off silently), the whole text in the tooltip and for a
    screen reader; re-cut when the list is resized."""

    FULL = Qt.ItemDataRole.UserRole + 1

    def __init__(self, lines: int = 3) -> None:
        super().__init__()
        self.lines = lines
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def add_text(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem()
        self.addItem(item)
        self.set_text(item, text)
        return item

    def set_text(self, item: QListWidgetItem, text: str) -> None:
        item.setData(self.FULL, text)
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        item.setText(elide_lines(text, self.font(), self._text_width(), self.lines))

    def _text_width(self) -> int:
        # the viewport less the item's spacing and the style's text margins
        return self.viewport().width() - 2 * self.spacing() - 12

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for row in range(self.count()):
            item = self.item(row)
            full = item.data(self.FULL)
            if isinstance(full, str):
                shown = elide_lines(full, self.font(), self._text_width(), self.lines)
                if shown != item.text():
                    item.setText(shown)
