"""The private journal: list (model/view), search as you type, the editor."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.records import JournalRecord
from twofold.domain.search import Source
from twofold.services.session import Session
from twofold.ui import ops
from twofold.ui.delegates import JournalDelegate, SearchDelegate
from twofold.ui.editor import DRAFT_SLOT, EntryEditor
from twofold.ui.models import JournalModel, SearchModel
from twofold.ui.widgets import confirm, named, note, two_panes

SEARCH_DELAY_MS = 150


class JournalPage(QWidget):
    outbox_changed = Signal()
    open_shared = Signal(str)  # event id, from a search hit

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.model = JournalModel()
        self.search_model = SearchModel()

        self.search = named(
            QLineEdit(), "journalSearch", "Search your journal and the shared ledger"
        )
        self.search.setPlaceholderText("Search journal and shared ledger (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.new_button = named(QPushButton("New entry"), "primary", "New entry (Ctrl+N)")
        self.new_button.setToolTip("New entry (Ctrl+N)")
        self.new_button.clicked.connect(self.new_entry)
        self.list = named(QListView(), "journalList", "Your entries, newest first")
        self.list.setModel(self.model)
        self.list.setItemDelegate(JournalDelegate(self.list))
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results = named(QListView(), "searchResults", "Search results")
        self.results.setModel(self.search_model)
        self.results.setItemDelegate(SearchDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_results = note("No matches.")
        self.lists = QStackedWidget()
        self.lists.addWidget(self.list)
        self.lists.addWidget(self.results)
        self.count = note("")

        self.recovered = QFrame()
        self.recovered.setObjectName("hintBanner")
        self.recovered_text = named(QLabel(), "recoveredText", "Recovered draft")
        self.recovered_text.setWordWrap(True)
        restore = named(QPushButton("Restore"), "restoreDraft", "Restore the unsaved text")
        discard = named(QPushButton("Discard"), "discardDraft", "Discard the unsaved text")
        restore.clicked.connect(self._restore_draft)
        discard.clicked.connect(self._discard_draft)
        banner = QHBoxLayout(self.recovered)
        banner.addWidget(self.recovered_text, 1)
        banner.addWidget(restore)
        banner.addWidget(discard)
        self.recovered.hide()

        self.editor = EntryEditor()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.lists, 1)
        left_layout.addWidget(self.count)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.recovered)
        right_layout.addWidget(self.editor, 1)
        self.splitter = two_panes(left, right, "journalSplitter", left_share=2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda: self._search_timer.start())
        self.list.selectionModel().currentChanged.connect(self._open_index)
        self.results.clicked.connect(self._open_hit)
        self.results.activated.connect(self._open_hit)
        self.editor.saved.connect(self._after_save)
        self.editor.share_requested.connect(self._add_to_share)
        self.editor.delete_requested.connect(self._delete)
        self.editor.history_requested.connect(self._history)

    # --- session -----------------------------------------------------------------

    def attach(self, session: Session | None) -> None:
        self.session = session
        journal = session.journal if session else None
        self.editor.attach(journal)
        self.search.clear()
        self.lists.setCurrentIndex(0)
        if journal is None:
            self.model.clear()
            self.search_model.set_hits([])
            self.recovered.hide()
            self.count.clear()
            return
        self.model.load(lambda o, n, last: journal.listing(o, n, last).records, journal.count)
        self._update_count()
        self.editor.load(None)
        draft = journal.draft(DRAFT_SLOT)
        if draft is not None:
            record_id, record = draft
            saved = record.updated_at.astimezone()
            target = f"entry #{record_id}" if record_id else "a new entry"
            self.recovered_text.setText(
                f"Twofold kept text you had not saved ({target}, {saved:%d %b %H:%M}). Restore it?"
            )
            self.recovered.show()
        else:
            self.recovered.hide()

    def _update_count(self) -> None:
        n = self.model.total
        self.count.setText(f"{n} entr{'y' if n == 1 else 'ies'} · private to you")

    # --- list and editor -----------------------------------------------------------

    def commit(self, *, tell: bool = True) -> bool:
        """Save what is in the editor. True when nothing unsaved remains; on a failure
        the editor keeps the words (and says why) and, if ``tell``, a dialog says so."""
        self.editor.commit()
        if self.editor.unsaved and self.editor.failure is not None:
            if tell:
                ops.show_failure(self, self.tr("Your entry was not saved"), self.editor.failure)
            return False
        return True

    def new_entry(self) -> None:
        if self.session is None or self.session.journal is None:
            return
        if not self.commit():
            return  # the unsaved words stay in the editor
        self.list.clearSelection()
        self.editor.load(None)
        self.editor.text.setFocus()

    def _open_index(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.session is None or self.session.journal is None:
            return
        record = self.model.item(current.row())
        if record.id == self.editor.record_id:
            return
        if not self.commit():
            if self.editor.record_id is not None:
                self._select(self.editor.record_id)
            return
        journal = self.session.journal
        ops.run_op(
            self,
            self.tr("The entry could not be opened"),
            lambda: journal.get(record.id),
            action="journal.open",
            on_success=lambda loaded: self._show_record(loaded, record.id),
        )

    def open_record(self, record_id: int) -> None:
        if self.session is None or self.session.journal is None:
            return
        if not self.commit():
            return
        journal = self.session.journal
        ops.run_op(
            self,
            self.tr("The entry could not be opened"),
            lambda: journal.get(record_id),
            action="journal.open",
            on_success=lambda loaded: self._show_record(loaded, record_id),
        )

    def _show_record(self, record: JournalRecord, record_id: int) -> None:
        self.editor.load(record)
        self._select(record_id)

    def _select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            index = self.model.index(row)
            self.list.selectionModel().blockSignals(True)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.list.selectionModel().blockSignals(False)
            self.list.scrollTo(index)

    def _after_save(self, record_id: int) -> None:
        self.model.reload()
        self._update_count()
        self._select(record_id)

    # --- search ----------------------------------------------------------------

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text or self.session is None:
            self.lists.setCurrentIndex(0)
            return
        session = self.session
        outcome = ops.run_op(
            self, self.tr("Search failed"), lambda: session.search(text), action="journal.search"
        )
        if outcome is None or outcome.value is None:
            return
        hits = outcome.value
        self.search_model.set_hits(hits)
        self.lists.setCurrentIndex(1)
        self.count.setText(f"{len(hits)} match{'es' if len(hits) != 1 else ''} for “{text}”")

    def _open_hit(self, index: QModelIndex) -> None:
        hit = self.search_model.item(index.row())
        if hit.source == Source.PRIVATE:
            self.open_record(int(hit.ref))
        else:
            self.open_shared.emit(hit.ref)

    # --- actions from the editor ---------------------------------------------------

    def _add_to_share(self, record_id: int, passage: str) -> None:
        if self.session is None or self.session.sharing is None:
            return
        sharing = self.session.sharing
        outcome = ops.run_op(
            self,
            self.tr("Not added to your outbox"),
            lambda: sharing.add(record_id, passage or None),
            action="outbox.add",
            changed=[ops.OUTBOX],
        )
        if outcome is None or not outcome.ok:
            return
        what = "The selected passage" if passage else "This entry"
        self.editor.save_state.setText(f"{what} is in your outbox")
        self.model.reload()
        self._select(record_id)
        self.outbox_changed.emit()

    def _delete(self, record_id: int) -> None:
        if self.session is None or self.session.journal is None:
            return
        if not confirm(
            self,
            "Delete this entry?",
            "The entry, its earlier versions and anything of it waiting in your outbox are "
            "erased for good. What you already shared stays shared (you can retract it on "
            "the timeline).",
        ):
            return
        journal = self.session.journal

        def delete() -> None:
            journal.delete(record_id)
            journal.discard_draft(DRAFT_SLOT)

        def deleted(_: None) -> None:
            self.editor.dirty = False
            self.editor.load(None)
            self.model.reload()
            self._update_count()
            self.outbox_changed.emit()

        ops.run_op(
            self,
            self.tr("The entry was not deleted"),
            delete,
            action="journal.delete",
            on_success=deleted,
            changed=[ops.JOURNAL, ops.OUTBOX],
        )

    def _history(self, record_id: int) -> None:
        if self.session is None or self.session.journal is None:
            return
        if not self.commit():
            return
        HistoryDialog(self.session, record_id, self).exec()

    def _restore_draft(self) -> None:
        if self.session is None or self.session.journal is None:
            return
        journal = self.session.journal
        outcome = ops.run_op(
            self,
            self.tr("The kept text could not be restored"),
            lambda: journal.draft(DRAFT_SLOT),
            action="journal.restore_draft",
        )
        if outcome is None or not outcome.ok:
            return  # the banner stays: the kept text is still there to try again
        self.recovered.hide()
        if outcome.value is None:
            return
        record_id, record = outcome.value
        if record_id is not None:
            self._select(record_id)
        self.editor.load(record, dirty=True)
        if record_id is not None:
            self.editor.record_id = record_id
        self.commit()

    def _discard_draft(self) -> None:
        if self.session is not None and self.session.journal is not None:
            journal = self.session.journal
            outcome = ops.run_op(
                self,
                self.tr("The kept text could not be discarded"),
                lambda: journal.discard_draft(DRAFT_SLOT),
                action="journal.discard_draft",
            )
            if outcome is None or not outcome.ok:
                return
        self.recovered.hide()


class HistoryDialog(QDialog):
    def __init__(self, session: Session, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("Earlier versions")
        assert session.journal is not None
        current = session.journal.get(record_id)
        self.versions = [(f"Now ({current.updated_at.astimezone():%d %b %Y, %H:%M})", current.body)]
        self.versions += [
            (f"Before {v.edited_at.astimezone():%d %b %Y, %H:%M}", v.body)
            for v in session.journal.history(record_id)
        ]
        self.list = named(QListWidget(), "historyList", "Versions")
        self.list.addItems([label for label, _ in self.versions])
        self.view = named(QTextBrowser(), "historyText", "Version text")
        self.list.currentRowChanged.connect(
            lambda row: self.view.setMarkdown(self.versions[row][1])
        )
        self.list.setCurrentRow(0)
        close = named(QPushButton("Close"), "closeHistory", "Close")
        close.clicked.connect(self.accept)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        if len(self.versions) == 1:
            layout.addWidget(
                note("No earlier versions: this entry was not edited after it was first saved.")
            )
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(720, 440)
