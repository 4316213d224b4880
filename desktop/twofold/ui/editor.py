"""The entry editor: rich text with Markdown round-trip, kind, feelings, tags,
prompts, the I-statement helper, autosave and crash-safe drafts.

Saving has two tiers: every keystroke pause writes a *draft* (durable, private,
offered back after a crash); every few seconds, on focus loss, on switching entries
and on lock the draft becomes the *record* (with one history version per editing
session, not one per autosave)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.records import JournalRecord, RecordKind
from twofold.services.content import feelings, prompt_for
from twofold.services.journal import JournalService
from twofold.ui import i18n, ops
from twofold.ui.istatement import IStatementHelper
from twofold.ui.labels import label
from twofold.ui.markdown import set_markdown, to_markdown
from twofold.ui.widgets import PrivateTextEdit, buddy, named

DRAFT_SLOT = "editor"
DRAFT_DELAY_MS = 800
AUTOSAVE_MS = 4000


class EntryEditor(QWidget):
    saved = Signal(int)  # record id, after it reached the disk
    status = Signal(str)
    share_requested = Signal(int, str)  # record id, selected passage ("" = whole entry)
    delete_requested = Signal(int)
    history_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.journal: JournalService | None = None
        self.record_id: int | None = None
        self.dirty = False
        self.failure: BaseException | None = None  # why the last save failed, until one works
        self._history_kept = False  # one history version per editing session
        self._loading = False

        self.kind = named(QComboBox(), "kindPicker", self.tr("Kind of entry"))
        for kind in RecordKind:
            self.kind.addItem(label(kind), kind.value)
        self.when = named(
            QLabel(self.tr("New entry")), "entryWhen", self.tr("When this entry was written")
        )
        self.when.setObjectName("note")
        self.save_state = named(QLabel(""), "saveState", self.tr("Save status"))
        self.save_state.setObjectName("note")

        self.feelings_button = named(QToolButton(), "feelingsPicker", self.tr("Feelings"))
        self.feelings_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.feelings_menu = QMenu(self.feelings_button)
        for feeling in feelings():
            action = self.feelings_menu.addAction(label(feeling))
            action.setData(feeling)  # stored in English; shown in the window's language
            action.setCheckable(True)
            action.toggled.connect(self._feelings_changed)
        self.feelings_button.setMenu(self.feelings_menu)
        self.tags = named(QLineEdit(), "tagsInput", self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))

        self.prompt = named(QLabel(), "promptLabel", self.tr("Writing prompt"))
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("note")
        self.another_prompt = named(
            QPushButton(self.tr("Another prompt")), "anotherPrompt", self.tr("Show another prompt")
        )
        self.another_prompt.setFlat(True)
        self.another_prompt.clicked.connect(self._show_prompt)

        self.text = named(PrivateTextEdit(), "entryText", self.tr("Entry text"))
        self.text.setAcceptRichText(True)
        self.text.setPlaceholderText(self.tr("Write freely. Only you can read this."))
        self.text.setTabChangesFocus(True)
        body_font = QFont(self.text.font())
        body_font.setPointSizeF(body_font.pointSizeF() + 1.5)
        self.text.setFont(body_font)

        self.toolbar = QToolBar(self.tr("Formatting"))
        self.toolbar.setObjectName("formatBar")
        self._format_action(self.tr("Bold"), "B", QKeySequence.StandardKey.Bold, self._bold)
        self._format_action(self.tr("Italic"), "I", QKeySequence.StandardKey.Italic, self._italic)
        self._format_action(
            self.tr("Bulleted list"), "•", QKeySequence("Ctrl+Shift+8"), self._bullets
        )
        self._format_action(self.tr("Heading"), "H", QKeySequence("Ctrl+Shift+H"), self._heading)

        self.helper = IStatementHelper(self.text)
        self.helper_text, self.helper_use = self.helper.hint, self.helper.use
        self.helper_dismiss = self.helper.dismiss

        self.share_button = named(
            QPushButton(self.tr("Add to outbox")),
            "addToShare",
            self.tr("Add this entry or the selected passage to your outbox"),
        )
        self.share_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.history_button = named(
            QPushButton(self.tr("History")),
            "historyButton",
            self.tr("Earlier versions of this entry"),
        )
        self.delete_button = named(
            QPushButton(self.tr("Delete…")), "deleteEntry", self.tr("Delete this entry")
        )
        self.share_button.clicked.connect(self._share)
        self.history_button.clicked.connect(
            lambda: self.record_id and self.history_requested.emit(self.record_id)
        )
        self.delete_button.clicked.connect(
            lambda: self.record_id and self.delete_requested.emit(self.record_id)
        )

        top = QHBoxLayout()
        top.addWidget(buddy(self.kind, self.tr("&Kind:")))
        top.addWidget(self.kind)
        top.addWidget(self.when, 1)
        top.addWidget(self.save_state)
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt, 1)
        prompt_row.addWidget(self.another_prompt)
        meta = QHBoxLayout()
        meta.addWidget(QLabel(self.tr("Feelings:")))
        meta.addWidget(self.feelings_button)
        meta.addSpacing(12)
        meta.addWidget(QLabel(self.tr("Tags:")))
        meta.addWidget(self.tags, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.share_button)
        bottom.addStretch(1)
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(prompt_row)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.helper)
        layout.addLayout(meta)
        layout.addLayout(bottom)
        self.setTabOrder(self.kind, self.text)
        self.setTabOrder(self.text, self.feelings_button)
        self.setTabOrder(self.feelings_button, self.tags)
        self.setTabOrder(self.tags, self.share_button)

        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._autosave = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.commit)
        self.text.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.tags.textEdited.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._show_prompt)
        self._update_feelings_label()
        self.setEnabled(False)

    # --- formatting --------------------------------------------------------------

    def _format_action(
        self, name: str, text: str, keys: QKeySequence | QKeySequence.StandardKey, slot: object
    ) -> None:
        action = QAction(text, self)
        action.setToolTip(
            f"{name} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)  # the shortcut works while typing in the text
        button = self.toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(name)
            button.setObjectName(f"format{name.replace(' ', '')}")

    def _bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.text.fontWeight() < QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.text.mergeCurrentCharFormat(fmt)

    def _italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.text.fontItalic())
        self.text.mergeCurrentCharFormat(fmt)

    def _bullets(self) -> None:
        self.text.textCursor().createList(QTextListFormat.Style.ListDisc)

    def _heading(self) -> None:
        cursor = self.text.textCursor()
        block = cursor.blockFormat()
        block.setHeadingLevel(0 if block.headingLevel() else 2)
        cursor.setBlockFormat(block)
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if block.headingLevel() else QFont.Weight.Normal)
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        cursor.mergeCharFormat(fmt)

    # --- content -----------------------------------------------------------------

    def markdown(self) -> str:
        # Not QTextDocument.toMarkdown: it wraps at 80 columns and loses line breaks,
        # empty paragraphs and literal markup characters (issue 14).
        return to_markdown(self.text.document())

    def plain_text(self) -> str:
        return self.text.toPlainText()

    def selected_feelings(self) -> list[str]:
        return [str(a.data()) for a in self.feelings_menu.actions() if a.isChecked()]

    def selected_tags(self) -> list[str]:
        return [t for t in (part.strip() for part in self.tags.text().split(",")) if t]

    def current_kind(self) -> RecordKind:
        return RecordKind(self.kind.currentData())

    def attach(self, journal: JournalService | None) -> None:
        self.journal = journal
        self.setEnabled(journal is not None)
        if journal is None:
            self._clear_fields()

    def load(self, record: JournalRecord | None, *, dirty: bool = False) -> None:
        """Show a record (or an empty new entry). Call ``commit()`` first."""
        self._loading = True
        try:
            self.record_id = record.id if record and record.id else None
            self._history_kept = False
            self.helper.reset()
            if record is None:
                self.kind.setCurrentIndex(0)
                self.text.clear()
                self.tags.clear()
                self._set_feelings(())
                self.when.setText(self.tr("New entry"))
            else:
                self.kind.setCurrentIndex(max(self.kind.findData(record.kind.value), 0))
                set_markdown(self.text.document(), record.body)
                self.tags.setText(", ".join(record.tags))
                self._set_feelings(record.feelings)
                if self.record_id is None:
                    self.when.setText(self.tr("Recovered, not yet saved"))
                else:
                    self.when.setText(self._when_text(record))
        finally:
            self._loading = False
        self.dirty = dirty
        self.failure = None
        self._plain_state()
        if dirty:
            self._autosave.start()
        self.save_state.setText(self.tr("Not saved yet") if dirty else "")
        self._show_prompt()
        self.helper.check()
        self._update_buttons()

    @staticmethod
    def _when_text(record: JournalRecord) -> str:
        created = record.created_at.astimezone()
        text = QCoreApplication.translate("EntryEditor", "Written {when}").format(
            when=i18n.date_text(created, "%a %d %b %Y, %H:%M")
        )
        if record.updated_at != record.created_at:
            text += QCoreApplication.translate("EntryEditor", " · edited {when}").format(
                when=i18n.date_text(record.updated_at.astimezone(), "%d %b, %H:%M")
            )
        if record.shared:
            text += QCoreApplication.translate("EntryEditor", " · shared")
        return text

    def _set_feelings(self, chosen: tuple[str, ...] | list[str]) -> None:
        for action in self.feelings_menu.actions():
            action.blockSignals(True)
            action.setChecked(str(action.data()) in chosen)
            action.blockSignals(False)
        self._update_feelings_label()

    def _feelings_changed(self) -> None:
        self._update_feelings_label()
        self._changed()

    def _update_feelings_label(self) -> None:
        chosen = self.selected_feelings()
        self.feelings_button.setText(
            ", ".join(label(f) for f in chosen) if chosen else self.tr("Choose…")
        )

    def _show_prompt(self) -> None:
        empty = not self.plain_text().strip()
        self.prompt.setVisible(empty)
        self.another_prompt.setVisible(empty)
        if empty:
            self.prompt.setText(label(prompt_for(self.current_kind())))

    def _update_buttons(self) -> None:
        has_record = self.record_id is not None
        self.history_button.setEnabled(has_record)
        self.delete_button.setEnabled(has_record)
        self.share_button.setEnabled(bool(self.plain_text().strip()))

    # --- saving ------------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading or self.journal is None:
            return
        self.dirty = True
        if self.failure is None:  # "Not saved: …" stays until a save succeeds
            self.save_state.setText(self.tr("Editing…"))
        # At most DRAFT_DELAY_MS of typing is ever only in memory: the timer is not
        # restarted by each key, so steady typing still keeps a draft (crash recovery).
        if not self._draft_timer.isActive():
            self._draft_timer.start()
        if not self._autosave.isActive():
            self._autosave.start()
        self.prompt.setVisible(not self.plain_text().strip())
        self.another_prompt.setVisible(not self.plain_text().strip())
        self._update_buttons()

    def save_draft(self) -> None:
        if self.journal is None or not self.dirty or not self.plain_text().strip():
            return
        journal = self.journal
        outcome = ops.attempt(
            "journal.draft",
            lambda: journal.save_draft(
                DRAFT_SLOT,
                self.record_id,
                self.markdown(),
                self.current_kind(),
                self.selected_feelings(),
                self.selected_tags(),
            ),
        )
        if outcome.error is not None:
            self._not_saved(outcome.error)
            return
        if self.failure is None:
            self.save_state.setText(self.tr("Draft kept"))

    def commit(self) -> bool:
        """Write the entry itself. Returns False when there was nothing to save or the
        save failed; then ``failure`` says why, the text stays marked unsaved, and the
        autosave keeps trying until a save succeeds."""
        self._draft_timer.stop()
        if self.journal is None or not self.dirty:
            self._autosave.stop()
            return False
        body = self.markdown()
        if not body:
            self._autosave.stop()
            return False
        outcome = ops.attempt("journal.save", lambda: self._write(body))
        if outcome.error is not None:
            self._not_saved(outcome.error)
            return False
        self.failure = None
        self.dirty = False
        self._autosave.stop()
        self.save_state.setText(
            self.tr("Saved {time}").format(time=f"{i18n.date_text(datetime.now(), '%H:%M')}")
        )
        assert self.record_id is not None
        self.when.setText(self._when_text(self.journal.get(self.record_id)))
        self._update_buttons()
        self.saved.emit(self.record_id)
        ops.announce([ops.JOURNAL])
        return True

    @property
    def unsaved(self) -> bool:
        """Text that is not on disk as the entry yet (it may be in a draft)."""
        return self.dirty and bool(self.plain_text().strip())

    def _write(self, body: str) -> None:
        assert self.journal is not None
        if self.record_id is None:
            self.record_id = self.journal.write(
                body,
                self.current_kind(),
                self.selected_feelings(),
                self.selected_tags(),
                draft=DRAFT_SLOT,
            )
            self._history_kept = True
        else:
            self.journal.edit(
                self.record_id,
                body,
                self.current_kind(),
                self.selected_feelings(),
                self.selected_tags(),
                keep_history=not self._history_kept,
                draft=DRAFT_SLOT,
            )
            self._history_kept = True

    def _not_saved(self, exc: BaseException) -> None:
        """Say so where the person is looking, keep the words marked unsaved, retry."""
        self.failure = exc
        self.save_state.setText(self.tr("Not saved: {reason}").format(reason=ops.short_reason(exc)))
        self.save_state.setObjectName("errorLabel")
        self.save_state.style().unpolish(self.save_state)
        self.save_state.style().polish(self.save_state)
        if not self._autosave.isActive():
            self._autosave.start()

    def _plain_state(self) -> None:
        if self.save_state.objectName() != "note":
            self.save_state.setObjectName("note")
            self.save_state.style().unpolish(self.save_state)
            self.save_state.style().polish(self.save_state)

    def _clear_fields(self) -> None:
        """On lock: nothing private stays in the widget."""
        self._draft_timer.stop()
        self._autosave.stop()
        self._loading = True
        self.text.clear()
        self.text.document().clearUndoRedoStacks()
        self.tags.clear()
        self._set_feelings(())
        self._loading = False
        self.record_id = None
        self.dirty = False
        self.failure = None
        self.helper.reset()
        self.save_state.clear()
        self._plain_state()
        self.when.setText("")

    # --- sharing -----------------------------------------------------------------

    def _share(self) -> None:
        self.commit()
        if self.record_id is None:
            return
        selected = self.text.textCursor().selectedText()
        passage = selected.replace("\u2029", "\n").replace("\u2028", "\n").strip()
        self.share_requested.emit(self.record_id, passage)
