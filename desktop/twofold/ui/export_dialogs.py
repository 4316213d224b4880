"""Out and in (issue 15): the report for a therapist, your journal as files, and
imports into your journal. Slow work (the other partner's KDF, laying out the PDF,
writing files, parsing and importing) runs in the thread pool on its own connection
(``Session.detached``); the dialogs show progress and say plainly that what leaves
the vault is not encrypted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.errors import TwofoldError, VaultDamaged
from twofold.domain.ledger import VerifyReport
from twofold.domain.records import JournalFormat
from twofold.domain.report import ReportFormat, ReportRequest, ReportSection
from twofold.services.imports import ImportPreview, ImportResult, read_source
from twofold.services.journal_export import JournalExportResult
from twofold.services.report import ExportResult
from twofold.services.session import Session
from twofold.ui import i18n
from twofold.ui.labels import label
from twofold.ui.passphrase_fields import secret_field
from twofold.ui.widgets import error_label, error_text, named, note, say
from twofold.ui.worker import run_in_background

T = TypeVar("T")
Progress = Callable[[int, int], None]


def detached_with_progress(
    session: Session, fn: Callable[[Session, Progress], T]
) -> Callable[[Progress], T]:
    """``fn`` on its own connection in the thread pool, given the task's progress
    signal (``run_in_background`` passes it when ``on_progress`` is set)."""
    emit: list[Progress] = []
    run = session.detached(lambda s: fn(s, lambda done, total: emit[0](done, total)))

    def job(progress: Progress) -> T:
        emit.append(progress)
        return run()

    return job


def _progress_bar(object_name: str, accessible: str) -> QProgressBar:
    bar = named(QProgressBar(), object_name, accessible)
    bar.setRange(0, 1)
    bar.hide()
    return bar


def _warning(text: str, object_name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("warningNote")
    label.setProperty("role", object_name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #8a4b00; font-weight: 600;")
    return label


class ReportDialog(QDialog):
    """Choose the range, the parts, the format and (only your own) private entries;
    the other partner agrees by typing their passphrase; then choose where to save."""

    exported = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Report for a therapist"))
        self.session = session
        # after the other partner left: made alone, no second signature (issue 15)
        self.departed = session.reports.departure()
        self.other = (
            self.departed.label if self.departed is not None else session.reports.other_label()
        )
        today = date.today()
        self.start = named(QDateEdit(), "reportFrom", self.tr("First day"))
        self.end = named(QDateEdit(), "reportTo", self.tr("Last day"))
        for edit, day in ((self.start, today - timedelta(days=90)), (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(self.tr("dd MMM yyyy"))
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.dateChanged.connect(self._range_changed)
        self.format = named(QComboBox(), "reportFormat", self.tr("Format"))
        for fmt in ReportFormat:
            self.format.addItem(label(fmt), fmt.value)
        self.sections: dict[ReportSection, QCheckBox] = {}
        parts = QGroupBox(self.tr("What to include"))
        parts_layout = QVBoxLayout(parts)
        for section in ReportSection:
            box = named(QCheckBox(label(section)), f"section_{section.value}", label(section))
            box.setChecked(True)
            self.sections[section] = box
            parts_layout.addWidget(box)
        self.private = named(
            QListWidget(), "privateEntries", self.tr("Your private entries to include")
        )
        private_box = QGroupBox(self.tr("Your own private entries (none unless you tick them)"))
        private_layout = QVBoxLayout(private_box)
        if session.is_shared_session:
            private_layout.addWidget(
                note(
                    self.tr(
                        "Private entries can be added only by their author, unlocked with "
                        "their own passphrase. This is a shared session."
                    )
                )
            )
            self.private.hide()
        private_layout.addWidget(self.private)
        self.passphrase = secret_field(
            "reportConsent",
            self.tr("%s's passphrase") % self.other,
            self.tr("%s types their own passphrase") % self.other,
        )
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Format"), self.format)
        if self.departed is None:
            form.addRow(self.tr("%s agrees") % self.other, self.passphrase)
        else:
            self.passphrase.hide()
        self.progress = _progress_bar("reportProgress", self.tr("Making the report"))
        self.message = error_label("reportMessage", self.tr("Report status"))
        self.save = named(
            QPushButton(self.tr("Save as…")), "reportSave", self.tr("Save the report")
        )
        self.save.setDefault(True)
        self.save.clicked.connect(self._choose_file)
        close = named(QPushButton(self.tr("Close")), "reportClose", self.tr("Close"))
        close.clicked.connect(self.reject)
        self.close_button = close
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        if self.departed is None:
            intro = self.tr(
                "A report of your shared history for someone you both trust. Both of you "
                "sign it: %s confirms with their own passphrase, and the export is written "
                "to the ledger you both see (what, which range, which format)."
            ) % (self.other,)
        else:
            intro = self.tr(
                "A report of your shared history. %s left the vault on %s, so no second "
                "signature is possible: you make it alone, and the report and its ledger "
                "event say so. Nothing from %s's private journal is in it."
            ) % (self.other, f"{self.departed.at.astimezone():%d %B %Y}", self.other)
        layout.addWidget(note(intro))
        layout.addLayout(form)
        columns = QHBoxLayout()
        columns.addWidget(parts)
        columns.addWidget(private_box, 1)
        layout.addLayout(columns)
        layout.addWidget(
            _warning(
                self.tr(
                    "The saved file is NOT encrypted: anyone who can open it can read it. "
                    "Keep it safe and delete it when it is no longer needed."
                ),
                "reportWarning",
            )
        )
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 560)
        self._range_changed()
        self._export_started = False
        self._exporting = False  # from Save until its result has been said
        self._delete_when_done = False
        self._check_first()

    def delete_when_idle(self) -> None:
        """Closed: gone now, or as soon as a running export ends (its result, the
        timeline's refresh, still arrives). Kept hidden instead, every opening left a
        dialog holding the typed passphrase and private entries' titles until the
        window itself went."""
        if self._exporting:
            self._delete_when_done = True
        else:
            self.deleteLater()

    def _check_first(self) -> None:
        """Check the shared ledger now, while the range is chosen and the passphrase
        typed: Save then need not wait for it (seconds on a vault years old), and a
        ledger edited behind your back is said before anyone types a passphrase."""

        def checked(report: VerifyReport) -> None:
            if report.ok or self._export_started:
                return
            problem = next((detail for _, passed, detail in report.checks if not passed), "")
            self._refuse()
            say(
                self.message,
                self.tr(
                    "No report can be made now: the shared ledger does not match what you "
                    "both signed (%s). A report could carry words neither of you wrote. The "
                    "timeline's banner and 'twofold verify' say what changed; restore "
                    "shared.db from a backup first."
                )
                % problem,
            )

        run_in_background(
            self.session.detached_report_check(),
            checked,
            lambda _exc: None,  # the export checks again, and says what it finds
            owner=self,
            low_priority=True,
        )

    def _refuse(self) -> None:
        """A ledger that does not verify makes no report: Save is off (no partner is
        asked for a passphrase only to be refused), and Enter closes the dialog."""
        self.save.setEnabled(False)
        self.save.setDefault(False)
        self.close_button.setDefault(True)
        if self.focusWidget() is None or not self.focusWidget().isEnabled():
            self.close_button.setFocus()

    def _range(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def _range_changed(self) -> None:
        if self.session.is_shared_session:
            return
        chosen = set(self.chosen_private())
        self.private.clear()
        start, end = self._range()
        if end < start:
            return
        for record_id, when, title in self.session.reports.private_candidates(start, end):
            item = QListWidgetItem(
                f"{i18n.date_text(when.astimezone(), '%d %b %Y')}  {title or self.tr('(no text)')}"
            )
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if record_id in chosen else Qt.CheckState.Unchecked
            )
            self.private.addItem(item)

    def chosen_private(self) -> list[int]:
        return [
            int(self.private.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.private.count())
            if self.private.item(i).checkState() == Qt.CheckState.Checked
        ]

    def request(self) -> ReportRequest:
        start, end = self._range()
        return ReportRequest(
            start,
            end,
            tuple(s for s, box in self.sections.items() if box.isChecked()),
            ReportFormat(self.format.currentData()),
            tuple(self.chosen_private()),
        )

    def _choose_file(self) -> None:
        try:
            request = self.request()
        except TwofoldError as exc:
            self.message.setText(error_text(exc))
            return
        suggested = Path.home() / (
            f"twofold-report-{request.start:%Y-%m-%d}-{request.end:%Y-%m-%d}{request.format.suffix}"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report (not encrypted)"), str(suggested)
        )
        if path:
            self.start_export(Path(path), overwrite=True)

    def start_export(self, target: Path, *, overwrite: bool = False) -> None:
        try:
            request = self.request()
        except TwofoldError as exc:
            self.message.setText(error_text(exc))
            return
        passphrase = self.passphrase.text()
        pdf = None
        if request.format == ReportFormat.PDF:
            from twofold.ui.report_pdf import render_pdf

            pdf = render_pdf
        verified = self.session.verified  # what the window's full check proved, if it ended
        work = detached_with_progress(
            self.session,
            lambda s, progress: s.reports.export(
                request,
                target,
                passphrase,
                pdf=pdf,
                overwrite=overwrite,
                progress=progress,
                verified=verified,
            ),
        )
        self.save.setEnabled(False)
        self._export_started = True
        self._exporting = True
        self.progress.setRange(0, 0)
        self.progress.show()
        say(  # a screen reader hears what the wait is for, not silence
            self.message,
            self.tr("Checking the shared ledger against your signatures, then making the report…")
            if self.departed is not None
            else self.tr(
                "Checking %s's passphrase and the shared ledger against your signatures, "
                "then making the report…"
            )
            % self.other,
        )
        self._task = run_in_background(work, self._done, self._failed, self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: ExportResult) -> None:
        self._exporting = False
        self.passphrase.clear()
        self.progress.hide()
        self.save.setEnabled(True)
        if self.departed is None:
            done = self.tr(
                "Saved to %s. It is not encrypted. The export is on your shared timeline, "
                "signed by both of you."
            ) % (result.path,)
        else:
            done = self.tr(
                "Saved to %s. It is not encrypted. The export is on your shared timeline, "
                "made by you alone after %s left."
            ) % (result.path, self.other)
        say(self.message, done)
        self.exported.emit(result)
        if self._delete_when_done:
            self.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        self._exporting = False
        self.passphrase.selectAll()
        self.progress.hide()
        if isinstance(exc, VaultDamaged):
            self._refuse()  # trying again cannot help until shared.db is restored
        else:
            self.save.setEnabled(True)
        say(self.message, error_text(exc))
        if self._delete_when_done:
            self.deleteLater()


class JournalExportDialog(QDialog):
    """Your own journal as Markdown or JSON files, with a clear not-encrypted warning."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalExportDialog")
        self.setWindowTitle(self.tr("Export my journal"))
        self.session = session
        self._cancel = False
        self.format = named(QComboBox(), "journalFormat", self.tr("Format"))
        for fmt in JournalFormat:
            self.format.addItem(label(fmt), fmt.value)
        self.history = named(
            QCheckBox(self.tr("Include earlier versions of edited entries")),
            "journalHistory",
            self.tr("Include edit history"),
        )
        self.progress = _progress_bar("journalExportProgress", self.tr("Exporting"))
        self.message = error_label("journalExportMessage", self.tr("Export status"))
        self.choose = named(
            QPushButton(self.tr("Choose a new folder…")), "journalExportChoose", self.tr("Export")
        )
        self.choose.setDefault(True)
        self.choose.clicked.connect(self._choose_folder)
        self.cancel = named(
            QPushButton(self.tr("Cancel")), "journalExportCancel", self.tr("Cancel")
        )
        self.cancel.clicked.connect(self._cancel_or_close)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.history)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "Your private journal, only yours, as plain files you can open anywhere. "
                    "Nothing from the shared ledger or from %s is included."
                )
                % session.reports.other_name()
            )
        )
        layout.addLayout(form)
        layout.addWidget(
            _warning(
                self.tr(
                    "These files are NOT encrypted. Anyone with access to the folder can read "
                    "every entry. Choose a place only you can reach, and delete the files "
                    "when you no longer need them."
                ),
                "journalExportWarning",
            )
        )
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 300)

    def _choose_folder(self) -> None:
        parent = QFileDialog.getExistingDirectory(
            self, self.tr("Where to create the export folder"), str(Path.home())
        )
        if parent:
            self.start_export(Path(parent) / f"twofold-journal-{date.today():%Y-%m-%d}")

    def start_export(self, target: Path) -> None:
        fmt = JournalFormat(self.format.currentData())
        history = self.history.isChecked()
        self._cancel = False
        work = detached_with_progress(
            self.session,
            lambda s, progress: s.export_journal(
                target,
                fmt,
                with_history=history,
                progress=progress,
                cancelled=lambda: self._cancel,
            ),
        )
        self.choose.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(self.tr("Writing the files…"))
        self._task = run_in_background(work, self._done, self._failed, self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _cancel_or_close(self) -> None:
        if not self.choose.isEnabled():
            self._cancel = True
        else:
            self.reject()

    def _done(self, result: JournalExportResult) -> None:
        self.progress.hide()
        self.choose.setEnabled(True)
        self.message.setText(
            self.tr(
                "%n entries written to {folder}. These files are not encrypted.",
                None,
                result.entries,
            ).format(folder=result.folder)
        )

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.choose.setEnabled(True)
        self.message.setText(error_text(exc))


class ImportDialog(QDialog):
    """Choose a file or folder; see what will be imported and skipped; import all or
    nothing, with progress and cancel."""

    imported = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import into my journal"))
        self.session = session
        self.preview: ImportPreview | None = None
        self._cancel = False
        self.choose_file = named(
            QPushButton(self.tr("Choose a file…")), "importChooseFile", self.tr("Choose a file")
        )
        self.choose_folder = named(
            QPushButton(self.tr("Choose a folder…")),
            "importChooseFolder",
            self.tr("Choose a folder"),
        )
        self.choose_file.clicked.connect(self._pick_file)
        self.choose_folder.clicked.connect(self._pick_folder)
        self.summary = QLabel()  # its text is what a screen reader reads
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel()
        self.details.setObjectName("importDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = _progress_bar("importProgress", self.tr("Importing"))
        self.message = error_label("importMessage", self.tr("Import status"))
        self.go = named(QPushButton(self.tr("Import")), "importGo", self.tr("Import"))
        self.go.setEnabled(False)
        self.go.clicked.connect(self.start_import)
        self.cancel = named(QPushButton(self.tr("Close")), "importCancel", self.tr("Close"))
        self.cancel.clicked.connect(self._cancel_or_close)
        pick = QHBoxLayout()
        pick.addWidget(self.choose_file)
        pick.addWidget(self.choose_folder)
        pick.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "Bring entries from Day One (its JSON export .zip), jrnl (--export json, "
                    "or its text file), or a folder of Markdown and text files into your "
                    "private journal. You see what will be imported before anything is "
                    "written; importing the same file again adds nothing."
                )
            )
        )
        layout.addLayout(pick)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(600, 360)

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose an export"),
            str(Path.home()),
            self.tr("Journal exports (*.zip *.json *.txt *.md *.markdown);;All files (*)"),
        )
        if path:
            self.load(Path(path))

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder of Markdown or text files"), str(Path.home())
        )
        if path:
            self.load(Path(path))

    def load(self, source: Path) -> None:
        """Parse in the background, then show the preview. Nothing is written."""
        self.preview = None
        self.go.setEnabled(False)
        self.summary.setText(self.tr("Reading %s…") % source.name)
        self.details.clear()
        self.message.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        work = self.session.detached(
            lambda s: s.imports.preview(source, read_source(source))  # type: ignore[union-attr]
        )
        self._task = run_in_background(work, self._previewed, self._failed)

    def _previewed(self, preview: ImportPreview) -> None:
        self.progress.hide()
        self.preview = preview
        self.summary.setText(preview.summary() + ".")
        lines = [self.tr("Will be skipped: %s") % line for line in preview.skipped()]
        lines += list(preview.parsed.notes)
        self.details.setText("\n".join(lines))
        self.go.setText(self.tr("Import %n entries", None, len(preview.new)))
        self.go.setEnabled(bool(preview.new))
        if not preview.new:
            self.message.setText(self.tr("Nothing new to import."))

    def start_import(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self._cancel = False
        work = detached_with_progress(
            self.session,
            lambda s, progress: s.imports.run(  # type: ignore[union-attr]
                preview, progress, lambda: self._cancel
            ),
        )
        self.go.setEnabled(False)
        self.choose_file.setEnabled(False)
        self.choose_folder.setEnabled(False)
        self.cancel.setText(self.tr("Cancel"))
        self.progress.setRange(0, max(len(preview.new), 1))
        self.progress.setValue(0)
        self.progress.show()
        self._task = run_in_background(work, self._done, self._failed, self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _cancel_or_close(self) -> None:
        if self.progress.isVisible() and not self.go.isEnabled() and self.preview is not None:
            self._cancel = True
        else:
            self.reject()

    def _finish(self) -> None:
        self.progress.hide()
        self.choose_file.setEnabled(True)
        self.choose_folder.setEnabled(True)
        self.cancel.setText(self.tr("Close"))

    def _done(self, result: ImportResult) -> None:
        self._finish()
        self.preview = None
        self.message.setText(self.tr("Imported %n entries into your journal.", None, result.added))
        self.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if self.preview is not None:
            self.go.setEnabled(True)
        self.message.setText(error_text(exc))
        if self.preview is None:
            self.summary.clear()
