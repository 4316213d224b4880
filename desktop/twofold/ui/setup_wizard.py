"""First run: explain, name the partners, choose passphrases, create, recovery sheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
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

from twofold.domain.passphrase import same_passphrase
from twofold.services.session import CreatedVault, create_vault
from twofold.ui import recovery_sheet
from twofold.ui.i18n import QT_TRANSLATE_NOOP
from twofold.ui.passphrase_fields import NewPassphrase
from twofold.ui.widgets import error_text, named, note
from twofold.ui.worker import run_in_background

PRIVATE_AND_SHARED = QT_TRANSLATE_NOOP(
    "SetupWizard",
    "<p><b>Your private journal</b> is yours alone. Your partner cannot open it, search "
    "it, or see when you wrote or what you plan to share. Not even Twofold can, without "
    "your passphrase or your recovery code.</p>"
    "<p><b>The shared ledger</b> holds only what you both choose to put there: the "
    "reflections you decide to share, in the version you write for your partner. Every "
    "shared item is signed by its author, and you can retract what you shared.</p>"
    "<p><b>What anyone with this computer can see</b>: your two display names (the "
    "unlock screen shows them, so a nickname or an initial is fine), and the size of "
    "the files. Nothing is ever sent over a network.</p>",
)
GONE_WARNING = QT_TRANSLATE_NOOP(
    "SetupWizard",
    "If you forget your passphrase <b>and</b> lose your recovery code, your private "
    "journal is gone for good: nobody can open it. The shared ledger stays open to "
    "your partner.",
)


class WelcomePage(QWizardPage):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Twofold"))
        self.setSubTitle(
            self.tr("A private journal for each of you, and a shared ledger you build together.")
        )
        self.folder = folder
        self.explanation = text = QLabel(
            QCoreApplication.translate("SetupWizard", PRIVATE_AND_SHARED)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.location = named(QLabel(str(folder)), "vaultLocation", self.tr("Vault folder"))
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = named(
            QPushButton(self.tr("Change…")),
            "changeLocation",
            self.tr("Choose another vault folder"),
        )
        change.setAutoDefault(False)  # Enter goes on (Next), it never opens the chooser
        change.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("The vault will live in:")))
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
            note(self.tr("Set this up together: each of you will choose a passphrase in turn."))
        )

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose where the vault lives"))
        if chosen:
            self.folder = Path(chosen) / self.tr("Twofold vault")
            self.location.setText(str(self.folder))


class PartnerPage(QWizardPage):
    def __init__(self, number: int, other: PartnerPage | None = None) -> None:
        super().__init__()
        self.number = number
        self.other = other
        self.setTitle(self.tr("Partner {number}").format(number=number))
        self.setSubTitle(
            self.tr(
                "The other partner looks away while you type. Choose a passphrase only you know."
            )
        )
        self.name = named(
            QLineEdit(),
            f"partner{number}Name",
            self.tr("Partner {number} display name").format(number=number),
        )
        self.name.setPlaceholderText(self.tr("A first name, nickname or initial"))
        self.name.setMaxLength(40)
        self.fields = NewPassphrase(f"partner{number}")
        self.problem = named(QLabel(), f"partner{number}Problem", self.tr("Problem with this page"))
        self.problem.setObjectName("errorLabel")
        warning = QLabel(QCoreApplication.translate("SetupWizard", GONE_WARNING))
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Display name (shown on the unlock screen)")))
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
        same_secret = (
            self.other is not None
            and bool(self.fields.value())
            and same_passphrase(self.fields.value(), self.other.fields.value())
        )
        if same and self.name.text():
            self.problem.setText(self.tr("The two partners need different names."))
        elif same_secret:
            self.problem.setText(
                self.tr(
                    "Each of you needs your own passphrase: with one secret, either of you "
                    "could open the other's journal and sign as the other. Choose another."
                )
            )
        else:
            self.problem.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        name = self.name.text().strip()
        if not name or self.problem.text():
            return False
        return self.fields.acceptable

    def initializePage(self) -> None:
        self.name.setFocus()


class RolesPage(QWizardPage):
    """Optional: who was hurt, in the couple's own words, or not at all (issue 12).
    Both are here: it is signed by both when the vault is created."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Who was hurt (optional)"))
        self.setSubTitle(
            self.tr(
                "You may say who was hurt, in words you both choose, or leave it unsaid. "
                "Where one of you is named, the pace of your reviews and what comes first "
                "in a joint session follow that partner's choice. Twofold never labels a "
                "person, and you can change this later in Settings, together."
            )
        )
        self.boxes: list[QCheckBox] = []
        self.row = QHBoxLayout()
        self.words = named(QLineEdit(), "setupRolesWords", self.tr("In your own words"))
        self.words.setPlaceholderText(self.tr("Optional"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.row)
        layout.addWidget(self.words)
        layout.addStretch(1)

    def initializePage(self) -> None:
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        for page in (self._wizard.first, self._wizard.second):
            name = page.name.text().strip()
            box = named(QCheckBox(self.tr("{who} was hurt").format(who=name)), "hurtBox", name)
            box.setProperty("label", name)
            self.boxes.append(box)
            self.row.addWidget(box)

    def chosen(self) -> tuple[list[str], str] | None:
        hurt = [str(b.property("label")) for b in self.boxes if b.isChecked()]
        words = self.words.text().strip()
        return (hurt, words) if hurt or words else None


class CreatePage(QWizardPage):
    created = Signal(object)

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Creating your vault"))
        self.setSubTitle(
            self.tr("Making the keys takes a few seconds on purpose: it slows down guessing.")
        )
        self.progress = named(QProgressBar(), "createProgress", self.tr("Creating the vault"))
        self.progress.setRange(0, 0)
        self.status = named(QLabel(self.tr("Preparing…")), "createStatus", self.tr("Status"))
        self.status.setWordWrap(True)
        self.retry = named(
            QPushButton(self.tr("Try again")), "retryCreate", self.tr("Try creating again")
        )
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
        roles = w.roles.chosen()
        self.retry.hide()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Deriving keys and creating the encrypted files…"))
        run_in_background(
            lambda: create_vault(
                folder,
                partners,
                hurt=None if roles is None else roles[0],
                words="" if roles is None else roles[1],
            ),
            self._done,
            self._failed,
        )

    def _done(self, result: CreatedVault) -> None:
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("Your vault is ready."))
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


class HandOverPage(QWizardPage):
    """The machine passes to one partner before their own code is shown."""

    def __init__(self, wizard: SetupWizard, index: int) -> None:
        super().__init__()
        self._wizard, self.index = wizard, index
        self.setObjectName(f"handOver{index}")
        self.text = named(QLabel(), f"handOverText{index}", self.tr("Hand-over"))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        font = self.text.font()
        font.setPointSize(font.pointSize() + 3)
        self.text.setFont(font)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addStretch(2)
        self.setCommitPage(True)  # once a code was shown, there is no way back to it
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Show my code"))

    def initializePage(self) -> None:
        owner, other = self._wizard.code_owner(self.index), self._wizard.code_owner(1 - self.index)
        self.setTitle(self.tr("{owner}'s recovery code").format(owner=owner))
        self.setSubTitle(self.tr("Each code is shown only to its owner, once."))
        self.text.setText(
            self.tr(
                "<p><b>{other}, please look away</b> (or leave the room for a minute).</p>"
                "<p>{owner}: press <i>Show my code</i> when only you can see the screen. "
                "Your code lets anyone who has it reset your passphrase and read your "
                "private journal, so it is for your eyes only.</p>"
            ).format(other=other, owner=owner)
        )


class OwnCodePage(QWizardPage):
    """One partner's code and their own printable sheet; never both codes on a screen."""

    def __init__(self, wizard: SetupWizard, index: int) -> None:
        super().__init__()
        self._wizard, self.index = wizard, index
        self.code: str = ""
        self.owner: str = ""
        self.folder: Path = Path()
        self.setObjectName(f"ownCode{index}")
        self.code_label = named(QLabel(), f"recoveryCode{index}", self.tr("Your recovery code"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(15)
        self.code_label.setFont(mono)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = named(
            QPushButton(self.tr("Print my sheet…")),
            f"printSheet{index}",
            self.tr("Print your recovery sheet"),
        )
        self.save_button = named(
            QPushButton(self.tr("Save my sheet as PDF…")),
            f"saveSheet{index}",
            self.tr("Save your recovery sheet as PDF"),
        )
        self.print_button.clicked.connect(
            lambda: recovery_sheet.print_sheet(self, self.owner, self.code, self.folder)
        )
        self.save_button.clicked.connect(
            lambda: recovery_sheet.ask_and_save_pdf(self, self.owner, self.code, self.folder)
        )
        self.stored = named(
            QCheckBox(
                self.tr(
                    "I have printed or saved my sheet and will keep it where only I can reach it"
                )
            ),
            f"codeStored{index}",
            self.tr("Recovery sheet stored"),
        )
        self.stored.toggled.connect(self.completeChanged)
        warning = QLabel(QCoreApplication.translate("SetupWizard", GONE_WARNING))
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_label)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(warning)
        layout.addWidget(self.stored)
        if index == 0:
            self.setCommitPage(True)
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Next"))

    def initializePage(self) -> None:
        result = self._wizard.create_page.result
        assert result is not None
        self.owner, self.code = list(result.recovery_codes.items())[self.index]
        self.folder = result.folder
        self.setTitle(self.tr("{owner}, this is your recovery code").format(owner=self.owner))
        self.setSubTitle(self.tr("Shown only now. Print it or save it, then keep it safe."))
        self.code_label.setText(self.code)

    def validatePage(self) -> bool:
        # The code leaves the screen before the machine is handed over.
        self.code_label.clear()
        self.code = ""
        return True

    def isComplete(self) -> bool:
        return self.stored.isChecked()


class SetupWizard(QWizard):
    """Emits ``finished_with(folder)`` once the vault exists and the codes were seen."""

    finished_with = Signal(object)

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up Twofold"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.welcome = WelcomePage(folder)
        self.first = PartnerPage(1)
        self.second = PartnerPage(2, other=self.first)
        self.roles = RolesPage(self)
        self.create_page = CreatePage(self)
        self.hand_over = [HandOverPage(self, 0), HandOverPage(self, 1)]
        self.own_code = [OwnCodePage(self, 0), OwnCodePage(self, 1)]
        for page in (
            self.welcome,
            self.first,
            self.second,
            self.roles,
            self.create_page,
            self.hand_over[0],
            self.own_code[0],
            self.hand_over[1],
            self.own_code[1],
        ):
            self.addPage(page)
        self.roles.setCommitPage(True)  # no way back once the keys exist
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the vault"))
        self.accepted.connect(self._finish)
        self.setMinimumSize(680, 560)

    def code_owner(self, index: int) -> str:
        result = self.create_page.result
        if result is None:
            return ""
        return list(result.recovery_codes)[index]

    def _finish(self) -> None:
        self.own_code[1].validatePage()
        self.finished_with.emit(self.welcome.folder)
