"""First run: explain, name the partners, choose passphrases, create, recovery sheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from twofold.services.session import CreatedVault, create_vault
from twofold.ui import recovery_sheet
from twofold.ui.passphrase_fields import NewPassphrase
from twofold.ui.widgets import error_text, named, note
from twofold.ui.worker import run_in_background
from twofold.vault.crypto import KdfParams

PRIVATE_AND_SHARED = (
    "<p><b>Your private journal</b> is yours alone. Your partner cannot open it, search "
    "it, or see when you wrote or what you plan to share. Not even Twofold can, without "
    "your passphrase or your recovery code.</p>"
    "<p><b>The shared ledger</b> holds only what you both choose to put there: the "
    "reflections you decide to share, in the version you write for your partner. Every "
    "shared item is signed by its author, and you can retract what you shared.</p>"
    "<p><b>What anyone with this computer can see</b>: your two display names (the "
    "unlock screen shows them, so a nickname or an initial is fine), and the size of "
    "the files. Nothing is ever sent over a network.</p>"
)
GONE_WARNING = (
    "If you forget your passphrase <b>and</b> lose your recovery code, your private "
    "journal is gone for good: nobody can open it. The shared ledger stays open to "
    "your partner."
)


class WelcomePage(QWizardPage):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setTitle("Welcome to Twofold")
        self.setSubTitle(
            "A private journal for each of you, and a shared ledger you build together."
        )
        self.folder = folder
        self.explanation = text = QLabel(PRIVATE_AND_SHARED)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.location = named(QLabel(str(folder)), "vaultLocation", "Vault folder")
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = named(QPushButton("Change…"), "changeLocation", "Choose another vault folder")
        change.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(QLabel("The vault will live in:"))
        row.addWidget(self.location, 1)
        row.addWidget(change)
        self.keep_in_tray = named(
            QCheckBox(
                self.tr(
                    "Keep Twofold in the tray when the window is closed, so check-in reminders "
                    "arrive (it stays locked; a reminder never shows what you wrote)"
                )
            ),
            "setupKeepInTray",
            "",
        )
        self.keep_in_tray.setChecked(True)
        self.start_at_login = named(
            QCheckBox(self.tr("Start Twofold in the tray when I log in")), "setupStartAtLogin", ""
        )
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(self.keep_in_tray)
        layout.addWidget(self.start_at_login)
        layout.addLayout(row)
        layout.addWidget(
            note("Set this up together: each of you will choose a passphrase in turn.")
        )

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Choose where the vault lives")
        if chosen:
            self.folder = Path(chosen) / "Twofold vault"
            self.location.setText(str(self.folder))


class PartnerPage(QWizardPage):
    def __init__(self, number: int, other: PartnerPage | None = None) -> None:
        super().__init__()
        self.number = number
        self.other = other
        self.setTitle(f"Partner {number}")
        self.setSubTitle(
            "The other partner looks away while you type. Choose a passphrase only you know."
        )
        self.name = named(QLineEdit(), f"partner{number}Name", f"Partner {number} display name")
        self.name.setPlaceholderText("A first name, nickname or initial")
        self.name.setMaxLength(40)
        self.fields = NewPassphrase(f"partner{number}")
        self.problem = named(QLabel(), f"partner{number}Problem", "Problem with this page")
        self.problem.setObjectName("errorLabel")
        warning = QLabel(GONE_WARNING)
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Display name (shown on the unlock screen)"))
        layout.addWidget(self.name)
        layout.addWidget(self.fields)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(warning)
        self.name.textChanged.connect(self._changed)
        self.fields.changed.connect(self._changed)

    def _changed(self) -> None:
        self.fields.names = (self.name.text().strip(),)
        same = self.other is not None and (
            self.name.text().strip().casefold() == self.other.name.text().strip().casefold()
        )
        self.problem.setText(
            "The two partners need different names." if same and self.name.text() else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        name = self.name.text().strip()
        if not name or self.problem.text():
            return False
        return self.fields.acceptable

    def initializePage(self) -> None:
        self.name.setFocus()


class CreatePage(QWizardPage):
    created = Signal(object)

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Creating your vault")
        self.setSubTitle("Making the keys takes a few seconds on purpose: it slows down guessing.")
        self.progress = named(QProgressBar(), "createProgress", "Creating the vault")
        self.progress.setRange(0, 0)
        self.status = named(QLabel("Preparing…"), "createStatus", "Status")
        self.status.setWordWrap(True)
        self.retry = named(QPushButton("Try again"), "retryCreate", "Try creating again")
        self.retry.hide()
        self.retry.clicked.connect(self._start)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.retry)
        layout.addStretch(2)
        self.result: CreatedVault | None = None

    def initializePage(self) -> None:
        if self.result is None:
            self._start()

    def _start(self) -> None:
        w = self._wizard
        partners = [(page.name.text().strip(), page.fields.value()) for page in (w.first, w.second)]
        folder = w.welcome.folder
        kdf = w.kdf
        self.retry.hide()
        self.progress.setRange(0, 0)
        self.status.setText("Deriving keys and creating the encrypted files…")
        run_in_background(lambda: create_vault(folder, partners, kdf), self._done, self._failed)

    def _done(self, result: CreatedVault) -> None:
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText("Your vault is ready.")
        for page in (self._wizard.first, self._wizard.second):
            page.fields.clear()  # passphrases leave memory as soon as they are used
        self.completeChanged.emit()
        self.created.emit(result)
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(error_text(exc))
        self.retry.show()

    def isComplete(self) -> bool:
        return self.result is not None


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Your recovery codes")
        self.setSubTitle("Each code is shown only now. Print it or save it, then keep it safe.")
        self.grid = QGridLayout()
        self.stored = named(
            QCheckBox("We have each printed or saved our recovery sheet and will keep it safe"),
            "codesStored",
            "Recovery sheets stored",
        )
        self.stored.toggled.connect(self.completeChanged)
        warning = QLabel(GONE_WARNING)
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addWidget(warning)
        layout.addWidget(self.stored)

    def initializePage(self) -> None:
        result = self._wizard.create_page.result
        assert result is not None
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(13)
        for row, (label, code) in enumerate(result.recovery_codes.items()):
            name = QLabel(f"<b>{label}</b>")
            shown = named(QLabel(code), f"recoveryCode{row}", f"Recovery code for {label}")
            shown.setFont(mono)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            print_button = named(
                QPushButton("Print…"), f"printSheet{row}", f"Print {label}'s recovery sheet"
            )
            save_button = named(
                QPushButton("Save as PDF…"),
                f"saveSheet{row}",
                f"Save {label}'s recovery sheet as PDF",
            )
            print_button.clicked.connect(
                lambda _=False, who=label, c=code: recovery_sheet.print_sheet(
                    self, who, c, result.folder
                )
            )
            save_button.clicked.connect(
                lambda _=False, who=label, c=code: recovery_sheet.ask_and_save_pdf(
                    self, who, c, result.folder
                )
            )
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(shown, row, 1)
            self.grid.addWidget(print_button, row, 2)
            self.grid.addWidget(save_button, row, 3)

    def isComplete(self) -> bool:
        return self.stored.isChecked()


class SetupWizard(QWizard):
    """Emits ``finished_with(folder)`` once the vault exists and the codes were seen."""

    finished_with = Signal(object)

    def __init__(
        self, folder: Path, kdf: KdfParams | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle("Set up Twofold")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.kdf = kdf  # test-only override; None means calibrated, strong defaults
        self.welcome = WelcomePage(folder)
        self.first = PartnerPage(1)
        self.second = PartnerPage(2, other=self.first)
        self.create_page = CreatePage(self)
        self.recovery = RecoveryPage(self)
        for page in (self.welcome, self.first, self.second, self.create_page, self.recovery):
            self.addPage(page)
        self.second.setCommitPage(True)  # no way back once the keys exist
        self.setButtonText(QWizard.WizardButton.CommitButton, "Create the vault")
        self.accepted.connect(lambda: self.finished_with.emit(self.welcome.folder))
        self.setMinimumSize(680, 560)
