"""After a key change: the new recovery code for its owner only, with its own sheet, and
the offer to replace the automatic backups (which still open with the old secrets)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.errors import TwofoldError
from twofold.services.session import Session
from twofold.ui import recovery_sheet
from twofold.ui.passphrase_fields import NewPassphrase, secret_field
from twofold.ui.widgets import busy_bar, error_label, error_text, heading, named, note
from twofold.ui.worker import run_in_background


def code_font() -> QFont:
    mono = QFont("monospace")
    mono.setStyleHint(QFont.StyleHint.Monospace)
    mono.setPointSize(13)
    return mono


class NewCodePanel(QWidget):
    """One partner's new recovery code, its printable sheet, and the backups offer."""

    def __init__(self, session: Session, title: str) -> None:
        super().__init__()
        self.session = session
        self.code = ""
        self.title = heading(title, 2)
        self.code_label = named(QLabel(), "newRecoveryCode", self.tr("Your new recovery code"))
        self.code_label.setFont(code_font())
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        who, folder = session.partner_label, session.folder
        print_button = named(
            QPushButton(self.tr("Print…")), "printNewSheet", self.tr("Print the new recovery sheet")
        )
        save_button = named(
            QPushButton(self.tr("Save as PDF…")),
            "saveNewSheet",
            self.tr("Save the new recovery sheet"),
        )
        print_button.clicked.connect(
            lambda: recovery_sheet.print_sheet(self, who, self.code, folder)
        )
        save_button.clicked.connect(
            lambda: recovery_sheet.ask_and_save_pdf(self, who, self.code, folder)
        )
        self.replace = named(
            QPushButton(self.tr("Replace the automatic backups")),
            "replaceBackups",
            self.tr("Replace the automatic backups with one made now"),
        )
        self.replace.clicked.connect(self._replace)
        self.replace_status = named(QLabel(), "replaceStatus", self.tr("Backups"))
        self.replace_status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(
            note(
                self.tr(
                    "Your journal now has a new key: the old passphrase and the old recovery "
                    "code open nothing current. This is your new recovery code; it is shown "
                    "only now. Print it or save it before you go on."
                )
            )
        )
        layout.addWidget(self.code_label)
        row = QHBoxLayout()
        row.addWidget(print_button)
        row.addWidget(save_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(
            note(
                self.tr(
                    "Backups made before this change still open with the old passphrase or "
                    "code, showing your journal as it was then. Replace the automatic "
                    "backups with one made now; delete copies you keep elsewhere yourself."
                )
            )
        )
        layout.addWidget(self.replace)
        layout.addWidget(self.replace_status)

    def show_code(self, code: str) -> None:
        self.code = code
        self.code_label.setText(code)

    def _replace(self) -> None:
        session = self.session
        self.replace.setEnabled(False)
        self.replace_status.setText(self.tr("Replacing the automatic backups…"))
        try:
            work = session.backup_replacer()
        except TwofoldError as exc:
            self._replace_failed(exc)
            return
        run_in_background(
            work,
            lambda result: self.replace_status.setText(
                self.tr(
                    "Done: {count} older automatic backup(s) were overwritten and deleted; "
                    "today's backup was made with the new keys."
                ).format(count=len(result.replaced))
            ),
            self._replace_failed,
            owner=self,
        )

    def _replace_failed(self, exc: BaseException) -> None:
        self.replace_status.setText(error_text(exc))
        self.replace.setEnabled(True)


class KeyChangeDialog(QDialog):
    """Change the passphrase (``renew=False``) or renew the recovery code (``renew=True``);
    both give a new journal key and a new code, shown on the second page."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        renew: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session, self.renew = session, renew
        self.setObjectName("renewRecoveryDialog" if renew else "changePassphraseDialog")
        self.setWindowTitle(
            self.tr("Renew your recovery code") if renew else self.tr("Change your passphrase")
        )
        self.pages = QStackedWidget()
        form = QWidget()
        self.fields = NewPassphrase("change", (session.partner_label,))
        self.current = secret_field(
            "currentPassphrase", self.tr("Your current passphrase"), self.tr("Your passphrase")
        )
        self.progress = busy_bar("changeProgress", self.tr("Changing keys"))
        self.message = error_label("changeMessage", self.tr("Key change message"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Renew my code") if renew else self.tr("Change passphrase"))
        self.ok.setObjectName("confirmChange")
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(form)
        if renew:
            layout.addWidget(
                note(
                    self.tr(
                        "A new recovery code replaces yours; the old one stops working. Your "
                        "journal gets a new key, so type your passphrase to confirm."
                    )
                )
            )
            layout.addWidget(self.current)
            self.fields.hide()
            self.current.textChanged.connect(lambda text: self.ok.setEnabled(bool(text)))
        else:
            layout.addWidget(
                note(
                    self.tr(
                        "Your journal gets a new key and you get a new recovery code: the old "
                        "passphrase and the old code will open nothing current."
                    )
                )
            )
            layout.addWidget(self.fields)
            self.fields.changed.connect(lambda: self.ok.setEnabled(self.fields.acceptable))
        self.ok.setEnabled(False)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.done_panel = NewCodePanel(
            session,
            self.tr("Your new recovery code") if renew else self.tr("Your new passphrase is set"),
        )
        finish = named(QPushButton(self.tr("Done")), "primary", self.tr("Done"))
        finish.clicked.connect(self.accept)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(self.done_panel)
        done_layout.addWidget(finish, 0, Qt.AlignmentFlag.AlignRight)
        self.pages.addWidget(form)
        self.pages.addWidget(done)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        self.setMinimumWidth(540)

    def _change(self) -> None:
        session = self.session
        self.progress.show()
        self.ok.setEnabled(False)
        self.message.clear()
        if self.renew:
            current = self.current.text()
            work = lambda: session.renew_recovery_code(current)  # noqa: E731
        else:
            new = self.fields.value()
            work = lambda: session.change_passphrase(new)  # noqa: E731
        run_in_background(work, self._done, self._failed)

    def _done(self, code: object) -> None:
        self.progress.hide()
        self.fields.clear()
        self.current.clear()
        self.done_panel.show_code(str(code))
        self.pages.setCurrentIndex(1)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.message.setText(error_text(exc))
        self.ok.setEnabled(bool(self.current.text()) if self.renew else self.fields.acceptable)
