"""One way to run a user action (as Anki's ``CollectionOp``/``QueryOp``).

``run_op`` calls the work — on the GUI thread, or in the thread pool when it may be
slow — then either hands the result to ``on_success`` and announces what changed, or
handles the failure:

* a ``TwofoldError`` (the disk is full, the vault is read-only, a bad input) is shown
  in a clear dialog under the action's title, unless ``on_failure`` handled it;
* anything else is a bug in Twofold: the dialog says so, and its report (types and
  code locations only) can be copied into a bug report.

Every failure is logged (types and codes, never words). ``announce(kinds)`` tells
every page what changed (``"journal"``, ``"outbox"``, ``"timeline"``, ``"practice"``,
``"settings"``), so each page refreshes itself instead of the window doing it by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from twofold.domain.errors import DiskFull, TwofoldError, VaultDamaged, VaultReadOnly
from twofold.services import diagnostics
from twofold.ui.messages import translated
from twofold.ui.worker import run_in_background

T = TypeVar("T")

JOURNAL, OUTBOX, TIMELINE, PRACTICE, SETTINGS = (
    "journal",
    "outbox",
    "timeline",
    "practice",
    "settings",
)


class Changes(QObject):
    """The one place that says what changed; pages listen and refresh themselves."""

    changed = Signal(object)  # frozenset[str]
    left_out = Signal()  # a page left out rows it could not read (edited shared.db)


_changes: Changes | None = None


def changes() -> Changes:
    global _changes
    if _changes is None:
        _changes = Changes()
    return _changes


def announce(kinds: Iterable[str]) -> None:
    chosen = frozenset(kinds)
    if chosen:
        changes().changed.emit(chosen)


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def bug(self) -> bool:
        return self.error is not None and not isinstance(self.error, TwofoldError)


def attempt(action: str, work: Callable[[], T]) -> Outcome[T]:
    """Run ``work`` and log a failure; no dialog (the caller shows it its own way)."""
    try:
        return Outcome(work())
    except Exception as exc:
        diagnostics.log_failure(action, exc, bug=not isinstance(exc, TwofoldError))
        return Outcome(error=exc)


def short_reason(exc: BaseException) -> str:
    """A few words for a status line: "the disk is full"."""
    if isinstance(exc, DiskFull):
        return QCoreApplication.translate("ops", "the disk is full")
    if isinstance(exc, VaultReadOnly):
        return QCoreApplication.translate("ops", "the vault folder is read-only")
    if isinstance(exc, VaultDamaged):
        return QCoreApplication.translate("ops", "the vault is damaged")
    if isinstance(exc, TwofoldError):
        return translated(str(exc)).split(". ")[0].rstrip(".")
    return QCoreApplication.translate("ops", "an unexpected error (a bug in Twofold)")


def show_failure(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    """The dialog: the message for a ``TwofoldError``; the bug report for the rest."""
    if isinstance(exc, TwofoldError):
        box = QMessageBox(QMessageBox.Icon.Warning, title, translated(str(exc)), parent=parent)
        box.setObjectName("errorDialog")
    else:
        report = diagnostics.crash_report(exc)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            title,
            QCoreApplication.translate(
                "ops",
                "This is a bug in Twofold — please report it. Nothing you saved was lost. "
                "The report below holds no words of yours: only versions and where in "
                "Twofold's code it happened.",
            ),
            parent=parent,
        )
        box.setObjectName("bugDialog")
        box.setDetailedText(report)
        copy = QPushButton(
            QCoreApplication.translate("ops", "Copy report"), box
        )  # parented: the binding would free it
        copy.setObjectName("copyReport")
        copy.setAccessibleName(QCoreApplication.translate("ops", "Copy the bug report"))
        box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()  # keep the dialog open after copying
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        box.addButton(QMessageBox.StandardButton.Close)
    if parent is None:  # nothing else holds a parentless dialog: keep it until closed
        _open_boxes.add(box)
        box.finished.connect(lambda _: _open_boxes.discard(box))
    box.open()
    return box


_open_boxes: set[QMessageBox] = set()


def run_inline(
    parent: QWidget,
    message: QLabel,
    work: Callable[[], object],
    *,
    action: str,
    changed: Iterable[str] = (),
) -> bool:
    """For a dialog that keeps what was typed when saving fails: an expected error
    (``TwofoldError``) is said in the dialog's own message label; anything else is a
    bug and gets the bug dialog. True when the work succeeded (and the change was
    announced)."""
    outcome = attempt(action, work)
    if outcome.error is None:
        message.clear()
        announce(changed)
        return True
    if outcome.bug:
        show_failure(parent, QCoreApplication.translate("ops", "Not saved"), outcome.error)
    else:
        message.setText(str(outcome.error))
    return False


def report_failure(parent: QWidget | None, title: str, exc: BaseException, *, action: str) -> None:
    """For a failure caught where ``run_op`` cannot wrap the work (a dialog loop):
    log it and show it the one way."""
    diagnostics.log_failure(action, exc, bug=not isinstance(exc, TwofoldError))
    show_failure(parent, title, exc)


def run_op(
    parent: QWidget | None,
    title: str,
    work: Callable[[], T],
    *,
    action: str = "",
    on_success: Callable[[T], object] | None = None,
    on_failure: Callable[[BaseException], bool] | None = None,
    changed: Iterable[str] = (),
    background: bool = False,
) -> Outcome[T] | None:
    """Run one user action. ``title`` heads the failure dialog ("Not saved");
    ``action`` is the log's fixed name for it. ``on_failure`` returns True when it
    showed the failure itself. In the background, returns None and reports later."""
    name = action or title
    kinds = tuple(changed)

    def succeeded(value: T) -> None:
        if on_success is not None:
            on_success(value)
        announce(kinds)

    def failed(exc: BaseException) -> None:
        if on_failure is not None and on_failure(exc):
            return
        show_failure(parent, title, exc)

    if background:

        def done(value: object) -> None:
            succeeded(value)  # type: ignore[arg-type]

        def error(exc: BaseException) -> None:
            if not isinstance(exc, Exception):
                raise exc
            diagnostics.log_failure(name, exc, bug=not isinstance(exc, TwofoldError))
            failed(exc)

        run_in_background(work, done, error, owner=parent)
        return None
    outcome = attempt(name, work)
    if outcome.error is None:
        succeeded(outcome.value)  # type: ignore[arg-type]
    else:
        failed(outcome.error)
    return outcome
