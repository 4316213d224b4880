"""Forgot passphrase: the recovery code sets a new passphrase and is replaced."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from twofold.services.session import Session, reset_passphrase
from twofold.ui import recovery_sheet
from twofold.ui.passphrase_fields import NewPassphrase
from twofold.ui.widgets import (
    announce,
    busy_bar,
    error_label,
    error_text,
    heading,
    named,
    note,
    say,
)
from twofold.ui.worker import run_in_background


class RecoveryDialog(QDialog):
    """On success ``session`` holds the unlocked session and ``new_code`` the new code."""

    def __init__(self, folder: Path, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Reset your passphrase"))
        self.folder, self.who = folder, who
        self.session: Session | None = None
        self.new_code = ""
        self.pages = QStackedWidget()

        form = QWidget()
        self.code = named(QLineEdit(), "recoveryCodeInput", self.tr("Recovery code"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.fields = NewPassphrase("reset", (who,))
        self.fields.changed.connect(self._update)
        self.code.textChanged.connect(self._update)
        self.progress = busy_bar("resetProgress", self.tr("Resetting"))
        self.message = error_label("resetMessage", self.tr("Reset message"))
        self.reset = named(
            QPushButton(self.tr("Set new passphrase")), "primary", self.tr("Set new passphrase")
        )
        self.reset.clicked.connect(self._reset)
        cancel = named(QPushButton(self.tr("Cancel")), "cancelReset", self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        # Enter sets the new passphrase (when it can), never a silent Cancel.
        cancel.setAutoDefault(False)
        self.reset.setDefault(True)
        layout = QVBoxLayout(form)
        layout.addWidget(heading(self.tr("Reset {who}'s passphrase").format(who=who), 2))
        layout.addWidget(
            note(
                self.tr(
                    "Type the recovery code from your recovery sheet. Letters or digits "
                    "that look alike (O and 0, I and 1) are read the same way."
                )
            )
        )
        layout.addWidget(self.code)
        layout.addWidget(self.fields)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.reset)
        layout.addLayout(row)

        done = QWidget()
        self.code_label = named(QLabel(), "newRecoveryCode", self.tr("Your new recovery code"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(13)
        self.code_label.setFont(mono)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        print_button = named(
            QPushButton(self.tr("Print…")), "printNewSheet", self.tr("Print the new recovery sheet")
        )
        save_button = named(
            QPushButton(self.tr("Save as PDF…")),
            "saveNewSheet",
            self.tr("Save the new recovery sheet"),
        )
        print_button.clicked.connect(
            lambda: recovery_sheet.print_sheet(self, who, self.new_code, folder)
        )
        save_button.clicked.connect(
            lambda: recovery_sheet.ask_and_save_pdf(self, who, self.new_code, folder)
        )
        go_on = named(
            QPushButton(self.tr("Open my journal")), "primary", self.tr("Open my journal")
        )
        go_on.clicked.connect(self.accept)
        self.go_on = go_on
        for button in (print_button, save_button):
            button.setAutoDefault(False)
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(heading(self.tr("Your new passphrase is set"), 2))
        done_layout.addWidget(
            note(
                self.tr(
                    "The old recovery code no longer works. This is your new one; "
                    "it is shown only now. Print it or save it before you go on."
                )
            )
        )
        done_layout.addWidget(self.code_label)
        row2 = QHBoxLayout()
        row2.addWidget(print_button)
        row2.addWidget(save_button)
        row2.addStretch(1)
        row2.addWidget(go_on)
        done_layout.addLayout(row2)

        self.pages.addWidget(form)
        self.pages.addWidget(done)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        self.setMinimumWidth(520)
        self._update()

    def _update(self) -> None:
        self.reset.setEnabled(bool(self.code.text().strip()) and self.fields.acceptable)

    def _reset(self) -> None:
        code, new, folder, who = self.code.text(), self.fields.value(), self.folder, self.who
        self.progress.show()
        self.reset.setEnabled(False)
        say(self.message, "")
        run_in_background(
            lambda: reset_passphrase(folder, who, code, new), self._done, self._failed
        )

    def _done(self, result: tuple[Session, str]) -> None:
        self.session, self.new_code = result
        self.progress.hide()
        self.fields.clear()
        self.code.clear()
        self.code_label.setText(self.new_code)
        self.pages.setCurrentIndex(1)
        self.reset.setDefault(False)
        self.go_on.setDefault(True)
        self.code_label.setFocus()
        announce(
            self.code_label, self.tr("Your new recovery code: {code}").format(code=self.new_code)
        )

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._update()
        say(self.message, error_text(exc))
