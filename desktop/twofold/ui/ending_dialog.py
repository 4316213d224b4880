"""Leaving, and ending (issue 15): delete your private journal for good, or leave
the vault. Each is final, so each needs the words typed out; the dialog says what
every remaining copy still holds. The work itself runs after the window has let go
of the session (``MainWindow.end_with``), in the thread pool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.report import ReportFormat
from twofold.services.ending import CONFIRM_LEAVE, CONFIRM_SHRED
from twofold.services.session import Session
from twofold.ui.export_dialogs import JournalExportDialog, _warning
from twofold.ui.labels import label
from twofold.ui.passphrase_fields import secret_field
from twofold.ui.widgets import named, note

Ending = Callable[[Session], str]  # on a worker; what to tell the user


class LeaveDialog(QDialog):
    """Signals: ``chosen(object)`` with the ``Ending`` to run once the window has let
    go of the session."""

    chosen = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leaveDialog")
        self.setWindowTitle(self.tr("Leave or end"))
        self.session = session
        self.me = session.partner_label
        self.other = session.reports.other_label()
        self.tabs = named(QTabWidget(), "leaveTabs", self.tr("What to end"))
        self.tabs.addTab(self._shred_tab(), self.tr("Delete my journal"))
        self.tabs.addTab(self._leave_tab(), self.tr("Leave the vault"))
        close = named(QPushButton(self.tr("Close")), "leaveClose", self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        self.resize(680, 560)

    # --- delete my journal ------------------------------------------------------------

    def _shred_tab(self) -> QWidget:
        tab = QWidget()
        self.shred_passphrase = secret_field(
            "shredPassphrase", self.tr("Your passphrase"), self.tr("Your passphrase, again")
        )
        self.shred_confirm = named(QLineEdit(), "shredConfirm", self.tr("Typed confirmation"))
        self.shred_phrase = self.tr("delete my journal")  # typed in the window's language
        self.shred_confirm.setPlaceholderText(self.shred_phrase)
        self.shred_button = named(
            QPushButton(self.tr("Delete my journal for good")),
            "shredGo",
            self.tr("Delete my journal for good"),
        )
        self.shred_button.setEnabled(False)
        self.shred_confirm.textChanged.connect(self._update)
        self.shred_button.clicked.connect(self._shred)
        export_first = named(
            QPushButton(self.tr("Export my journal first…")),
            "shredExportFirst",
            self.tr("Export my journal first"),
        )
        export_first.clicked.connect(lambda: JournalExportDialog(self.session, self).open())
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.shred_passphrase)
        form.addRow(self.tr('Type "%s"') % self.shred_phrase, self.shred_confirm)
        layout = QVBoxLayout(tab)
        layout.addWidget(
            note(
                self.tr(
                    "Every entry, its history, drafts and outbox are destroyed: your journal "
                    "gets a new key, the old file is overwritten, and your passphrase and "
                    "recovery code are set up anew, so no passphrase, code or leftover "
                    "file in this folder opens the old journal. You "
                    "stay in the vault with an empty journal and get a new recovery code. "
                    "What you already shared stays in the shared ledger."
                )
            )
        )
        layout.addWidget(
            _warning(
                self.tr(
                    "Backups made before today (the automatic ones and any copy you made) "
                    "still hold the old journal, readable with your old passphrase: delete "
                    "them too if it must be gone from them."
                ),
                "shredWarning",
            )
        )
        layout.addWidget(export_first)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.shred_button)
        return tab

    # --- leave the vault --------------------------------------------------------------

    def _leave_tab(self) -> QWidget:
        tab = QWidget()
        self.copy = named(
            QCheckBox(self.tr("Take a read-only copy of our shared history up to today")),
            "leaveCopy",
            self.tr("Take a copy of the shared history"),
        )
        self.copy_format = named(QComboBox(), "leaveCopyFormat", self.tr("Format of the copy"))
        for fmt in ReportFormat:
            self.copy_format.addItem(label(fmt), fmt.value)
        self.copy_path = named(QLineEdit(), "leaveCopyPath", self.tr("Where to save the copy"))
        self.copy_path.setText(str(Path.home() / "twofold-shared-history.pdf"))
        choose = named(QPushButton(self.tr("Choose…")), "leaveCopyChoose", self.tr("Choose"))
        choose.clicked.connect(self._choose_copy)
        where = QHBoxLayout()
        where.addWidget(self.copy_path, 1)
        where.addWidget(choose)
        self.leave_passphrase = secret_field(
            "leaveOtherPassphrase",
            self.tr("%s's passphrase") % self.other,
            self.tr("%s types their own passphrase") % self.other,
        )
        self.leave_confirm = named(QLineEdit(), "leaveConfirm", self.tr("Typed confirmation"))
        self.leave_phrase = self.tr("leave")  # typed in the window's language
        self.leave_confirm.setPlaceholderText(self.leave_phrase)
        self.leave_button = named(
            QPushButton(self.tr("Leave the vault")), "leaveGo", self.tr("Leave the vault")
        )
        self.leave_button.setEnabled(False)
        self.leave_confirm.textChanged.connect(self._update)
        self.leave_button.clicked.connect(self._leave)
        form = QFormLayout()
        form.addRow("", self.copy)
        form.addRow(self.tr("Format"), self.copy_format)
        form.addRow(self.tr("Save to"), where)
        form.addRow(self.tr("%s agrees") % self.other, self.leave_passphrase)
        form.addRow(self.tr('Type "%s"') % self.leave_phrase, self.leave_confirm)
        layout = QVBoxLayout(tab)
        layout.addWidget(
            note(
                self.tr(
                    "%(me)s signs a “left” event that %(other)s will see. Then the shared "
                    "ledger gets a new key that only %(other)s holds: nothing written after "
                    "today opens with %(me)s's key. %(me)s's keys and private journal "
                    "are removed from this folder (export your journal first if you want "
                    "to keep it). %(other)s is here and types their passphrase, and gets a "
                    "new recovery code, shown once, to them only."
                )
                % {"me": self.me, "other": self.other}
            )
        )
        layout.addWidget(
            note(
                self.tr(
                    "What each copy still holds: the read-only copy, if taken, holds the "
                    "whole shared history up to today, unencrypted. Backups made before "
                    "today still open with %(me)s's old passphrase and hold the shared "
                    "history up to the day they were made and %(me)s's old journal."
                )
                % {"me": self.me}
            )
        )
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.leave_button)
        return tab

    def _choose_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the copy (not encrypted)"), self.copy_path.text()
        )
        if path:
            self.copy_path.setText(path)

    def _update(self) -> None:
        typed = " ".join(self.shred_confirm.text().strip().casefold().split())
        self.shred_button.setEnabled(typed in (CONFIRM_SHRED, self.shred_phrase.casefold()))
        typed = " ".join(self.leave_confirm.text().strip().casefold().split())
        self.leave_button.setEnabled(typed in (CONFIRM_LEAVE, self.leave_phrase.casefold()))

    def _shred(self) -> None:
        confirmation = _as_typed(self.shred_confirm.text(), self.shred_phrase, CONFIRM_SHRED)
        passphrase = self.shred_passphrase.text()
        ok_text = self.tr(
            "Your private journal was deleted for good. A new, empty one is ready.\n\n"
            "Your new recovery code (write it down now; the old one no longer works):\n\n%s"
        )

        def work(session: Session) -> str:
            return ok_text % session.shred_journal(confirmation, passphrase)

        self.chosen.emit(work)
        self.accept()

    def _leave(self) -> None:
        confirmation = _as_typed(self.leave_confirm.text(), self.leave_phrase, CONFIRM_LEAVE)
        passphrase = self.leave_passphrase.text()
        copy_to = Path(self.copy_path.text()).expanduser() if self.copy.isChecked() else None
        fmt = ReportFormat(self.copy_format.currentData())
        pdf = None
        if copy_to is not None and fmt == ReportFormat.PDF:
            from twofold.ui.report_pdf import render_pdf

            pdf = render_pdf
        other = self.other
        text = self.tr(
            "%(me)s has left the vault. The shared ledger has a new key that only "
            "%(other)s holds.%(copy)s\n\n%(other)s, only you should read on: your new "
            "recovery code (the old one no longer works):\n\n%(code)s"
        )
        me = self.me

        def work(session: Session) -> str:
            outcome = session.leave(
                confirmation, passphrase, copy_to=copy_to, copy_format=fmt, pdf=pdf
            )
            copy = (
                self.tr(" The read-only copy (not encrypted) is at {path}.").format(
                    path=outcome.copy.path
                )
                if outcome.copy
                else ""
            )
            return text % {
                "me": me,
                "other": other,
                "copy": copy,
                "code": outcome.remaining_recovery_code,
            }

        self.chosen.emit(work)
        self.accept()


def _as_typed(typed: str, phrase: str, confirmation: str) -> str:
    """The confirmation the service checks: the words typed in the window's language
    (``phrase``) stand for its English ``confirmation``."""
    if " ".join(typed.strip().casefold().split()) == phrase.casefold():
        return confirmation
    return typed
