"""Settings: idle lock, theme, passphrase, backups, where the vault lives."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from twofold.ui import i18n, ops
from twofold.ui.basics import IDLE_KEY as IDLE_KEY
from twofold.ui.basics import THEME_KEY as THEME_KEY
from twofold.ui.basics import VAULT_KEY as VAULT_KEY
from twofold.ui.widgets import error_text, named
from twofold.ui.worker import run_in_background

# The window reads ``idle_minutes`` from here once the unlock screen painted; the dialog's
# own needs (the session, backups, the passphrase dialog and its printable sheet)
# are imported when it is used, not before the unlock screen can paint.
if TYPE_CHECKING:
    from twofold.services.session import Session
    from twofold.ui.key_change import KeyChangeDialog

DEFAULT_IDLE_MINUTES = 5


def idle_minutes(settings: QSettings) -> int:
    value = settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES)
    try:
        return max(1, min(int(str(value)), 240))
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def __getattr__(name: str) -> type[KeyChangeDialog]:
    """``ChangePassphraseDialog``: changing the passphrase and renewing the code share
    one dialog (a new journal key), imported on first use."""
    if name == "ChangePassphraseDialog":
        from twofold.ui.key_change import KeyChangeDialog

        return KeyChangeDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SettingsDialog(QDialog):
    theme_changed = Signal(str)
    idle_changed = Signal(int)

    def __init__(
        self,
        settings: QSettings,
        session: Session | None,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Settings"))
        self.settings, self.session, self.folder = settings, session, folder

        self.idle = named(
            QSpinBox(),
            "idleMinutes",
            QCoreApplication.translate("SettingsDialog", "Lock after this many idle minutes"),
        )
        self.idle.setRange(1, 240)
        self.idle.setSuffix(" min")
        self.idle.setValue(idle_minutes(settings))
        self.idle.valueChanged.connect(self._idle_changed)
        self.theme = named(
            QComboBox(), "themeChoice", QCoreApplication.translate("SettingsDialog", "Theme")
        )
        for label, value in (
            (QCoreApplication.translate("SettingsDialog", "Follow the system"), "system"),
            (QCoreApplication.translate("SettingsDialog", "Light"), "light"),
            (QCoreApplication.translate("SettingsDialog", "Dark"), "dark"),
        ):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.value(THEME_KEY, "system")), 0))
        self.theme.currentIndexChanged.connect(self._theme_changed)
        privacy = QGroupBox(QCoreApplication.translate("SettingsDialog", "Privacy"))
        form = QFormLayout(privacy)
        form.addRow(QCoreApplication.translate("SettingsDialog", "Lock when idle for"), self.idle)
        form.addRow(QCoreApplication.translate("SettingsDialog", "Theme"), self.theme)
        self.language = named(QComboBox(), "languageChoice", self.tr("Language"))
        self.language.addItem(self.tr("System default"), i18n.SYSTEM)
        for code, endonym in i18n.ENDONYMS.items():
            self.language.addItem(endonym, code)
        chosen = i18n.chosen_language(settings)
        self.language.setCurrentIndex(max(self.language.findData(chosen), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        language_row = QVBoxLayout()
        language_row.addWidget(self.language)
        language_row.addWidget(self.language_note)
        form.addRow(self.tr("Language"), language_row)
        self.change_passphrase = named(
            QPushButton(QCoreApplication.translate("SettingsDialog", "Change passphrase…")),
            "changePassphrase",
            QCoreApplication.translate("SettingsDialog", "Change your passphrase"),
        )
        self.change_passphrase.clicked.connect(self._change_passphrase)
        own = session is not None and not session.is_shared_session
        self.change_passphrase.setEnabled(own)
        self.renew_code = named(
            QPushButton(self.tr("Renew recovery code…")),
            "renewRecovery",
            self.tr("Renew your recovery code"),
        )
        self.renew_code.clicked.connect(self._renew_code)
        self.renew_code.setEnabled(own)
        keys_row = QHBoxLayout()
        keys_row.addWidget(self.change_passphrase)
        keys_row.addWidget(self.renew_code)
        keys_row.addStretch(1)
        form.addRow(QCoreApplication.translate("SettingsDialog", "Your keys"), keys_row)

        backup_box = QGroupBox(QCoreApplication.translate("SettingsDialog", "Backups"))
        backup_form = QFormLayout(backup_box)
        folder_text = (
            str(session.backup_folder())
            if session
            else QCoreApplication.translate("SettingsDialog", "Unlock to see")
        )
        self.backup_folder = named(
            QLabel(folder_text),
            "backupFolder",
            QCoreApplication.translate("SettingsDialog", "Daily backups folder"),
        )
        self.backup_folder.setWordWrap(True)
        choose = named(
            QPushButton(QCoreApplication.translate("SettingsDialog", "Choose…")),
            "chooseBackupFolder",
            QCoreApplication.translate("SettingsDialog", "Choose the daily backups folder"),
        )
        choose.clicked.connect(self._choose_backup_folder)
        choose.setEnabled(own)  # a change is made by one partner, and told to the other
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        backup_form.addRow(
            QCoreApplication.translate("SettingsDialog", "Daily backups (last 10 kept)"), row
        )
        if session is not None and session.is_shared_session:
            # a change is told to the other partner by what their journal remembers
            self.backup_note = named(
                QLabel(
                    QCoreApplication.translate(
                        "SettingsDialog",
                        "Each of you can change the backup folder when unlocked alone; "
                        "the other is told at their next unlock.",
                    )
                ),
                "backupFolderNote",
                QCoreApplication.translate("SettingsDialog", "Whose backup folder"),
            )
            self.backup_note.setWordWrap(True)
            backup_form.addRow(self.backup_note)
        self.backup_now = named(
            QPushButton(QCoreApplication.translate("SettingsDialog", "Back up now…")),
            "backupNow",
            QCoreApplication.translate("SettingsDialog", "Back up now to a file"),
        )
        self.restore = named(
            QPushButton(QCoreApplication.translate("SettingsDialog", "Restore a backup…")),
            "restoreBackup",
            QCoreApplication.translate("SettingsDialog", "Restore a backup into a new folder"),
        )
        self.backup_now.clicked.connect(self._backup_now)
        self.restore.clicked.connect(self._restore)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now)
        buttons.addWidget(self.restore)
        buttons.addStretch(1)
        backup_form.addRow(buttons)
        self.progress = named(
            QProgressBar(),
            "backupProgress",
            QCoreApplication.translate("SettingsDialog", "Backup progress"),
        )
        self.progress.hide()
        self.status = named(
            QLabel(), "backupStatus", QCoreApplication.translate("SettingsDialog", "Backup status")
        )
        self.status.setWordWrap(True)
        backup_form.addRow(self.progress)
        backup_form.addRow(self.status)

        vault_box = QGroupBox(QCoreApplication.translate("SettingsDialog", "Vault"))
        vault_form = QFormLayout(vault_box)
        self.location = named(
            QLabel(str(folder)),
            "vaultFolder",
            QCoreApplication.translate("SettingsDialog", "Vault folder"),
        )
        self.location.setWordWrap(True)
        open_folder = named(
            QPushButton(QCoreApplication.translate("SettingsDialog", "Show in file manager")),
            "openVaultFolder",
            QCoreApplication.translate("SettingsDialog", "Show the vault folder"),
        )
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        other = named(
            QPushButton(
                QCoreApplication.translate("SettingsDialog", "Use another vault next time…")
            ),
            "otherVault",
            QCoreApplication.translate("SettingsDialog", "Choose the vault used at next start"),
        )
        other.clicked.connect(self._other_vault)
        vault_form.addRow(QCoreApplication.translate("SettingsDialog", "Lives in"), self.location)
        vault_row = QHBoxLayout()
        vault_row.addWidget(open_folder)
        vault_row.addWidget(other)
        vault_row.addStretch(1)
        vault_form.addRow(vault_row)

        together_box = QGroupBox(self.tr("Together"))
        together_row = QHBoxLayout(together_box)
        self.roles_button = named(
            QPushButton(self.tr("Who was hurt, and our pace…")),
            "openRoles",
            QCoreApplication.translate("SettingsDialog", "Who was hurt, and our pace"),
        )
        self.roles_button.clicked.connect(self._open_roles)
        self.roles_button.setEnabled(session is not None)
        together_row.addWidget(self.roles_button)
        together_row.addStretch(1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(together_box)
        layout.addWidget(privacy)
        layout.addWidget(backup_box)
        layout.addWidget(vault_box)
        layout.addWidget(close)
        self.setMinimumWidth(560)

    def _open_roles(self) -> None:
        if self.session is None:
            return
        from twofold.ui.roles_dialog import RolesDialog

        RolesDialog(self.session, self).exec()

    def _idle_changed(self, minutes: int) -> None:
        self.settings.setValue(IDLE_KEY, minutes)
        self.idle_changed.emit(minutes)

    def _theme_changed(self) -> None:
        choice = str(self.theme.currentData())
        self.settings.setValue(THEME_KEY, choice)
        self.settings.sync()  # on disk now: a choice must survive whatever comes next
        # Restyling re-polishes every widget, the combo box too: do it once the combo
        # has finished handling the click that chose the theme, not inside it.
        QTimer.singleShot(0, self, lambda: self.theme_changed.emit(choice))

    def _language_changed(self) -> None:
        self.settings.setValue(i18n.LANGUAGE_KEY, str(self.language.currentData()))
        self.settings.sync()
        self.language_note.setText(self.tr("The new language applies when Twofold next starts."))

    def _change_passphrase(self) -> None:
        if self.session is None:
            return
        from twofold.ui.key_change import KeyChangeDialog

        dialog = KeyChangeDialog(self.session, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(
                self.tr("Your passphrase was changed. Use the new one from now on.")
            )

    def _renew_code(self) -> None:
        if self.session is None:
            return
        from twofold.ui.key_change import KeyChangeDialog

        dialog = KeyChangeDialog(self.session, renew=True, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(
                self.tr("Your recovery code was renewed; the old one no longer works.")
            )

    def _choose_backup_folder(self) -> None:
        if self.session is None:
            return
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Where should daily backups go?"))
        if chosen:
            session = self.session
            ops.run_op(
                self,
                self.tr("The backup folder was not changed"),
                lambda: session.set_backup_folder(Path(chosen)),
                action="settings.backup_folder",
                on_success=lambda _: self.backup_folder.setText(str(session.backup_folder())),
                changed=[ops.SETTINGS],
            )

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.backup_now.setEnabled(not busy)
        self.restore.setEnabled(not busy)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def start_backup(self, target: Path) -> None:
        from twofold.services import backups

        folder = self.folder
        self._busy(True)
        self.status.setText(self.tr("Backing up…"))
        run_in_background(
            lambda progress: backups.backup_now(folder, target, progress),
            lambda path: self._finished(
                self.tr("Backup written and checked: {path}").format(path=path)
            ),
            lambda exc: self._finished(error_text(exc)),
            self._progress,
            owner=self,
        )

    def _finished(self, message: str) -> None:
        self._busy(False)
        self.status.setText(message)

    def _backup_now(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up to"),
            str(Path.home() / self.tr("Twofold.twofold-backup")),
            self.tr("Twofold backup (*.twofold-backup)"),
        )
        if name:
            self.start_backup(Path(name))

    def start_restore(self, source: Path, into: Path) -> None:
        from twofold.services import backups

        self._busy(True)
        self.status.setText(self.tr("Restoring…"))
        run_in_background(
            lambda progress: backups.restore(source, into, progress),
            lambda _: self._finished(
                self.tr(
                    "Restored into {into}. Choose “Use another vault next time…” to open it."
                ).format(into=into)
            ),
            lambda exc: self._finished(error_text(exc)),
            self._progress,
            owner=self,
        )

    def _restore(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore which backup?"),
            str(Path.home()),
            self.tr("Twofold backup (*.twofold-backup)"),
        )
        if not source:
            return
        parent = QFileDialog.getExistingDirectory(
            self, self.tr("Restore into a new folder inside…")
        )
        if parent:
            self.start_restore(
                Path(source),
                Path(parent) / self.tr("Restored {value}").format(value=Path(source).stem),
            )

    def _other_vault(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Which vault folder should Twofold open next time?")
        )
        if chosen:
            self.settings.setValue(VAULT_KEY, chosen)
            self.status.setText(
                self.tr("Twofold will open {chosen} at next start.").format(chosen=chosen)
            )
