"""The private journal: list (model/view), search as you type, the editor."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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

from twofold.domain.errors import TwofoldError
from twofold.domain.journal_filter import JournalFilter
from twofold.domain.records import JournalRecord, RecordKind
from twofold.domain.search import Source
from twofold.services.session import Session
from twofold.ui import i18n, ops
from twofold.ui.delegates import JournalDelegate, SearchDelegate
from twofold.ui.editor import DRAFT_SLOT, EntryEditor
from twofold.ui.i18n import QT_TRANSLATE_NOOP
from twofold.ui.labels import label, unsearched_lines
from twofold.ui.models import JournalModel, SearchModel
from twofold.ui.widgets import announce, buddy, confirm, named, note, two_panes

SEARCH_DELAY_MS = 150
SEARCH_SHOWN = 200  # a search lists the newest this many; the count says when there are more


class JournalPage(QWidget):
    outbox_changed = Signal()
    removed = Signal()  # an entry was deleted for good
    open_shared = Signal(str)  # event id, from a search hit

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        ops.changes().changed.connect(self._announced)
        self.model = JournalModel()
        self.search_model = SearchModel()

        self.search = named(
            QLineEdit(), "journalSearch", self.tr("Search your journal and the shared ledger")
        )
        self.search.setPlaceholderText(self.tr("Search journal and shared ledger (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.new_button = named(
            QPushButton(self.tr("New entry")), "primary", self.tr("New entry (Ctrl+N)")
        )
        # not the name again: a screen reader says the tooltip after the name
        self.new_button.setToolTip(self.tr("Start a new private entry (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_entry)
        self.list = named(QListView(), "journalList", self.tr("Your entries, newest first"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(JournalDelegate(self.list))
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results = named(QListView(), "searchResults", self.tr("Search results"))
        self.results.setModel(self.search_model)
        self.results.setItemDelegate(SearchDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_results = note(self.tr("No matches."))
        self.lists = QStackedWidget()
        self.lists.addWidget(self.list)
        self.lists.addWidget(self.results)
        self.count = note("")
        self.count.setObjectName("journalCount")
        self.filters = JournalFilterBar()
        self.filters.changed.connect(self._apply_filter)
        self.look_back = LookBackBanner()
        self.look_back.chosen.connect(self._look_back_to)

        self.recovered = QFrame()
        self.recovered.setObjectName("hintBanner")
        self.recovered_text = named(QLabel(), "recoveredText", self.tr("Recovered draft"))
        self.recovered_text.setWordWrap(True)
        restore = named(
            QPushButton(self.tr("Restore")), "restoreDraft", self.tr("Restore the unsaved text")
        )
        discard = named(
            QPushButton(self.tr("Discard")), "discardDraft", self.tr("Discard the unsaved text")
        )
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
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.look_back)
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
            self.filters.reset([], [])
            self.look_back.show_days([])
            return
        self.filters.reset(*journal.labels())
        self._load_list()
        try:
            self.look_back.show_days(journal.on_this_day())
        except TwofoldError:
            self.look_back.show_days([])
        self.editor.load(None)
        draft = journal.draft(DRAFT_SLOT)
        if draft is not None:
            record_id, record = draft
            saved = record.updated_at.astimezone()
            target = (
                self.tr("entry #{record_id}").format(record_id=record_id)
                if record_id
                else self.tr("a new entry")
            )
            self.recovered_text.setText(
                self.tr(
                    "Twofold kept text you had not saved ({target}, {when}). Restore it?"
                ).format(target=target, when=i18n.date_text(saved, "%d %b %H:%M"))
            )
            self.recovered.show()
        else:
            self.recovered.hide()

    def _load_list(self) -> None:
        journal = self.session.journal if self.session else None
        if journal is None:
            return
        flt = self.filters.current()
        self.model.load(
            lambda o, n, last: journal.listing(o, n, last, flt).records,
            lambda: journal.count(flt),
        )
        self._update_count()

    def _apply_filter(self) -> None:
        self.commit()
        self.search.clear()
        self.lists.setCurrentIndex(0)
        self._load_list()

    def _look_back_to(self, day: object) -> None:
        assert isinstance(day, date)
        self.filters.show_day(day)

    def _searching(self) -> bool:
        return self.lists.currentIndex() == 1 and bool(self.search.text().strip())

    def _update_count(self) -> None:
        if self._searching():
            return  # the line describes the search results on screen, not the journal
        n = self.model.total
        flt = self.filters.current()
        entries = self.tr("%n entries", None, n)
        if flt.empty or self.session is None or self.session.journal is None:
            self.count.setText(self.tr("{entries} · private to you").format(entries=entries))
            return
        by_kind = self.session.journal.count_by_kind(flt)
        kinds = ", ".join(
            f"{count} × {label(kind)}"
            for kind, count in sorted(
                by_kind.items(), key=lambda kv: (-kv[1], list(RecordKind).index(kv[0]))
            )
        )
        self.count.setText(
            self.tr("{entries} match this filter{kinds} · private to you").format(
                entries=entries, kinds=f": {kinds}" if kinds and flt.kind is None else ""
            )
        )

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

    def _announced(self, kinds: frozenset[str]) -> None:
        # Sharing and retracting change an entry's "Shared" mark (they announce the
        # journal and the timeline together; a save announces the journal alone and
        # updates its own row).
        if self.session is not None and {ops.JOURNAL, ops.TIMELINE} <= kinds:
            self.model.reload()

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
        if self.session is not None and self.session.journal is not None:
            self.filters.refresh_labels(*self.session.journal.labels())
        self.model.reload()
        self._update_count()
        self._select(record_id)

    # --- search ----------------------------------------------------------------

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text or self.session is None:
            self.lists.setCurrentIndex(0)
            self._update_count()  # back to the journal: the line says so again
            return
        session = self.session
        shown = SEARCH_SHOWN
        outcome = ops.run_op(
            self,
            self.tr("Search failed"),
            lambda: session.search(text, limit=shown),
            action="journal.search",
        )
        if outcome is None or outcome.value is None:
            return
        hits = outcome.value
        self.search_model.set_hits(hits)
        self.lists.setCurrentIndex(1)
        if len(hits) >= shown:
            # the search stops at a screenful: never call the newest 200 "200 matches"
            count = self.tr(
                "The newest %n matches for “{text}”; add a word to narrow the search", None, shown
            )
        else:
            count = self.tr("%n matches for “{text}”", None, len(hits))
        count = "\n".join([count.format(text=text), *unsearched_lines(hits.unsearched)])
        self.count.setText(count)
        if hits.unsearched:
            announce(self.count, count)

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
        what = self.tr("The selected passage") if passage else self.tr("This entry")
        self.editor.save_state.setText(self.tr("{what} is in your outbox").format(what=what))
        self.model.reload()
        self._select(record_id)
        self.outbox_changed.emit()

    def _delete(self, record_id: int) -> None:
        if self.session is None or self.session.journal is None:
            return
        if not confirm(
            self,
            self.tr("Delete this entry?"),
            self.tr(
                "The entry, its earlier versions and anything of it waiting in your outbox are "
                "erased for good. What you already shared stays shared (you can retract it on "
                "the timeline)."
            ),
        ):
            return
        journal = self.session.journal

        def delete() -> None:
            journal.delete(record_id, draft=DRAFT_SLOT)

        def deleted(_: None) -> None:
            self.editor.dirty = False
            self.editor.load(None)
            self.model.reload()
            if self._searching():
                self._run_search()  # the erased entry must not stay among the results
            self._update_count()
            self.outbox_changed.emit()
            self.removed.emit()

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


PERIODS = (
    (QT_TRANSLATE_NOOP("JournalFilterBar", "Any time"), None),
    (QT_TRANSLATE_NOOP("JournalFilterBar", "Last 7 days"), 7),
    (QT_TRANSLATE_NOOP("JournalFilterBar", "Last 30 days"), 30),
    (QT_TRANSLATE_NOOP("JournalFilterBar", "Last 3 months"), 91),
    (QT_TRANSLATE_NOOP("JournalFilterBar", "Last year"), 365),
    (QT_TRANSLATE_NOOP("JournalFilterBar", "Between…"), -1),
)


class JournalFilterBar(QWidget):
    """Kind, feeling, tag and dates: which entries the journal list shows.

    Signals: changed()
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.kind = named(QComboBox(), "filterKind", self.tr("Show entries of kind"))
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in RecordKind:
            self.kind.addItem(label(kind), kind.value)
        self.feeling = named(QComboBox(), "filterFeeling", self.tr("Show entries with feeling"))
        self.tag = named(QComboBox(), "filterTag", self.tr("Show entries with tag"))
        self.period = named(QComboBox(), "filterPeriod", self.tr("Show entries written"))
        for period, days in PERIODS:
            self.period.addItem(self.tr(period), days)
        today = QDate.currentDate()
        self.since = named(QDateEdit(today.addMonths(-1)), "filterSince", self.tr("From"))
        self.until = named(QDateEdit(today), "filterUntil", self.tr("Until"))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(self.tr("d MMM yyyy"))
            edit.hide()
            edit.dateChanged.connect(self._changed)
        self.clear = named(
            QPushButton(self.tr("Clear")), "filterClear", self.tr("Show all entries")
        )
        self.clear.clicked.connect(self.clear_all)
        for combo in (self.kind, self.feeling, self.tag, self.period):
            combo.currentIndexChanged.connect(self._changed)
        self._quiet = False
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.feeling, self.tag):
            row.addWidget(buddy(widget, widget.accessibleName(), shown=False))
            row.addWidget(widget, 1)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(buddy(self.period, self.period.accessibleName(), shown=False))
        dates.addWidget(self.period, 1)
        dates.addWidget(self.since)
        dates.addWidget(self.until)
        dates.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(dates)
        self.reset([], [])

    def _fill(self, combo: QComboBox, first: str, values: list[str]) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(first, "")
        for value in values:  # feelings are stored in English and shown translated
            combo.addItem(label(value) if combo is self.feeling else value, value)
        index = combo.findData(chosen) if chosen else 0
        combo.setCurrentIndex(max(index, 0))

    def reset(self, feelings: list[str], tags: list[str]) -> None:
        """A fresh session: no filter, and its journal's feelings and tags to choose."""
        self._quiet = True
        self.kind.setCurrentIndex(0)
        self.period.setCurrentIndex(0)
        self.feeling.clear()
        self.tag.clear()
        self._fill(self.feeling, self.tr("Any feeling"), feelings)
        self._fill(self.tag, self.tr("Any tag"), tags)
        self._quiet = False
        self._show_dates()

    def refresh_labels(self, feelings: list[str], tags: list[str]) -> None:
        self._quiet = True
        self._fill(self.feeling, self.tr("Any feeling"), feelings)
        self._fill(self.tag, self.tr("Any tag"), tags)
        self._quiet = False

    def clear_all(self) -> None:
        self._quiet = True
        for combo in (self.kind, self.feeling, self.tag, self.period):
            combo.setCurrentIndex(0)
        self._quiet = False
        self._changed()

    def show_day(self, day: date) -> None:
        """Just the entries of one day (from "on this day")."""
        self._quiet = True
        self.period.setCurrentIndex(self.period.findData(-1))
        self.since.setDate(QDate(day.year, day.month, day.day))
        self.until.setDate(QDate(day.year, day.month, day.day))
        self._quiet = False
        self._changed()

    def _show_dates(self) -> None:
        between = self.period.currentData() == -1
        self.since.setVisible(between)
        self.until.setVisible(between)

    def _changed(self) -> None:
        self._show_dates()
        if not self._quiet:
            self.changed.emit()

    def current(self) -> JournalFilter:
        kind = self.kind.currentData()
        days = self.period.currentData()
        since: date | None = None
        until: date | None = None
        if days == -1:
            first = date.fromisoformat(self.since.date().toString("yyyy-MM-dd"))
            last = date.fromisoformat(self.until.date().toString("yyyy-MM-dd"))
            since, until = min(first, last), max(first, last)
        elif days:
            until = date.today()
            since = until - timedelta(days=int(days) - 1)
        return JournalFilter(
            RecordKind(kind) if kind else None,
            str(self.feeling.currentData() or ""),
            str(self.tag.currentData() or ""),
            since,
            until,
        )


class LookBackBanner(QFrame):
    """On this day: what you wrote a month, three months and a year ago.

    Signals: chosen(date) to show that day's entries
    """

    chosen = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("hintBanner")
        self.text = named(QLabel(), "lookBackText", self.tr("On this day"))
        self.text.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.text, 1)
        self.hide()

    def show_days(self, found: list[tuple[str, list[JournalRecord]]]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        found = [(when, records) for when, records in found if records]
        if not found:
            self.hide()
            return
        self.text.setText(self.tr("On this day"))
        for when, records in found:
            day = records[0].created_at.astimezone().date()
            button = named(
                QPushButton(f"{label(when)} ({len(records)})"),
                f"lookBack{len(self.buttons)}",
                self.tr("Show what you wrote {when}").format(when=label(when.lower())),
            )
            button.setToolTip(f"{i18n.date_text(day, '%d %b %Y')}")
            button.clicked.connect(lambda _=False, d=day: self.chosen.emit(d))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.show()


class HistoryDialog(QDialog):
    def __init__(self, session: Session, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Earlier versions"))
        assert session.journal is not None
        current = session.journal.get(record_id)
        self.versions = [
            (
                self.tr("Now ({when})").format(
                    when=i18n.date_text(current.updated_at.astimezone(), "%d %b %Y, %H:%M")
                ),
                current.body,
            )
        ]
        self.versions += [
            (
                self.tr("Before {when}").format(
                    when=i18n.date_text(v.edited_at.astimezone(), "%d %b %Y, %H:%M")
                ),
                v.body,
            )
            for v in session.journal.history(record_id)
        ]
        self.list = named(QListWidget(), "historyList", self.tr("Versions"))
        self.list.addItems([text for text, _ in self.versions])
        self.view = named(QTextBrowser(), "historyText", self.tr("Version text"))
        self.list.currentRowChanged.connect(
            lambda row: self.view.setMarkdown(self.versions[row][1])
        )
        self.list.setCurrentRow(0)
        close = named(QPushButton(self.tr("Close")), "closeHistory", self.tr("Close"))
        close.clicked.connect(self.accept)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        if len(self.versions) == 1:
            layout.addWidget(
                note(
                    self.tr(
                        "No earlier versions: this entry was not edited after it was first saved."
                    )
                )
            )
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(720, 440)
