"""The sharing step: write the version your partner reads, preview it exactly as they
will see it, and confirm in one atomic action (DESIGN §5)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.ledger import EventKind, TimelineItem
from twofold.domain.sharing import OutboxItem, SharePreview
from twofold.services.session import Session
from twofold.ui import ops
from twofold.ui.delegates import TimelineDelegate
from twofold.ui.istatement import IStatementHelper
from twofold.ui.models import PreviewModel
from twofold.ui.review import SignedReviewDialog, names
from twofold.ui.widgets import (
    ElidedList,
    follow_text_direction,
    heading,
    named,
    note,
    two_panes,
)

EDIT_DELAY_MS = 500
Index = QModelIndex | QPersistentModelIndex


def as_partner_sees(
    session: Session, items: list[OutboxItem] | tuple[OutboxItem, ...]
) -> list[TimelineItem]:
    """The timeline items the partner will see, built the way the ledger builds them."""
    now = datetime.now(UTC)
    return [
        TimelineItem(
            seq=0,
            event_id=f"preview-{item.id}",
            kind=EventKind.REFLECTION_SHARED,
            author_id=session.partner_id,
            author_label=session.partner_label,
            occurred_at=now,
            body=item.shared_text.strip(),
            request=item.request.strip(),
            retracted=False,
        )
        for item in items
    ]


def preview_view(model: PreviewModel, object_name: str) -> QListView:
    view = named(
        QListView(),
        object_name,
        QCoreApplication.translate("outbox_page", "Preview: exactly what your partner will see"),
    )
    view.setModel(model)
    delegate = TimelineDelegate(view)
    view.setItemDelegate(delegate)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QListView.SelectionMode.NoSelection)
    view.setWordWrap(True)
    return view


class ConfirmShareDialog(SignedReviewDialog):
    """The sharing step's review: the practices' review step is the same dialog."""

    def __init__(
        self, session: Session, preview: SharePreview, parent: QWidget | None = None
    ) -> None:
        model = PreviewModel()
        model.set_items(as_partner_sees(session, preview.items))
        signer, _ = names(session)
        super().__init__(
            parent,
            object_name="confirmShareDialog",
            title=QCoreApplication.translate("ConfirmShareDialog", "Share with {partner}").format(
                partner=preview.partner_label
            ),
            summary=preview.summary,
            signer=signer,
            partner=preview.partner_label,
            explanation=QCoreApplication.translate(
                "ConfirmShareDialog",
                "This is exactly what your partner will read. It is signed with your key and "
                "joins the shared ledger. Your private originals stay private. You can retract "
                "a shared reflection later; a note that you retracted it stays.",
            ),
            body=preview_view(model, "confirmPreview"),
            confirm_text=QCoreApplication.translate("ConfirmShareDialog", "Share now"),
            back_text=QCoreApplication.translate("ConfirmShareDialog", "Cancel, share nothing"),
        )
        self.model = model
        self.share = self.confirm
        self.resize(640, 520)


class OutboxPage(QWidget):
    shared = Signal(int)  # how many were shared
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.items: list[OutboxItem] = []
        self.list = named(ElidedList(3), "outboxList", self.tr("Waiting to be shared"))
        self.list.setSpacing(4)
        self.original = named(QTextBrowser(), "outboxOriginal", self.tr("Your private original"))
        self.version = named(
            QPlainTextEdit(), "outboxVersion", self.tr("The version your partner will read")
        )
        # The words the partner reads get the journal's I-statement suggestion too.
        self.version_helper = IStatementHelper(self.version, "outboxIstatement")
        follow_text_direction(self.version)
        self.version.setTabChangesFocus(True)  # a Tab never types into what the partner reads
        self.version.setPlaceholderText(
            self.tr("Write what your partner will read. It may differ from your private words.")
        )
        self.request = named(QLineEdit(), "outboxRequest", self.tr("Your request (optional)"))
        self.request.setPlaceholderText(self.tr("I'd like us to talk about…"))
        self.preview_model = PreviewModel()
        self.preview = preview_view(self.preview_model, "outboxPreview")
        self.remove = named(
            QPushButton(self.tr("Remove from outbox")),
            "removeFromOutbox",
            self.tr("Remove this item from your outbox"),
        )
        self.share_all = named(
            QPushButton(self.tr("Review and share…")),
            "primary",
            self.tr("Review and share everything in your outbox"),
        )
        self.share_all.setToolTip(self.tr("Review and share (Ctrl+Return)"))
        self.share_all.setShortcut("Ctrl+Return")
        self.remove.clicked.connect(self._remove)
        self.share_all.clicked.connect(self.review_and_share)

        # The one screen that explains the sharing step: it gets the width of the pane
        # (a word-wrapped label given a layout alignment was squeezed to its hint and
        # clipped to a sliver), at most a readable line length, centred.
        empty = QWidget()
        empty.setObjectName("outboxEmpty")
        empty_title = heading(self.tr("Your outbox is empty"), 2)
        empty_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        empty_title.setWordWrap(True)
        self.empty_note = note(
            self.tr(
                "In your journal, choose “Add to outbox” on an entry, or select a passage "
                "first. It waits here, private, until you write the version to share and "
                "confirm."
            )
        )
        self.empty_note.setObjectName("outboxEmptyNote")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column = QVBoxLayout()
        column.addWidget(empty_title)
        column.addWidget(self.empty_note)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(column, 8)
        centred.addStretch(1)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addLayout(centred)
        empty_layout.addStretch(2)
        readable = self.empty_note.fontMetrics().averageCharWidth() * 60
        for label in (empty_title, self.empty_note):
            label.setMaximumWidth(readable)

        editor = QWidget()
        grid = QGridLayout(editor)
        grid.addWidget(heading(self.tr("Your private original"), 3), 0, 0)
        grid.addWidget(heading(self.tr("What your partner will read"), 3), 0, 1)
        grid.addWidget(self.original, 1, 0)
        grid.addWidget(self.version, 1, 1)
        grid.addWidget(self.version_helper, 2, 1)
        grid.addWidget(QLabel(self.tr("Request (optional)")), 3, 0)
        grid.addWidget(self.request, 3, 1)
        grid.addWidget(
            heading(self.tr("Preview, exactly as your partner will see it"), 3), 4, 0, 1, 2
        )
        grid.addWidget(self.preview, 5, 0, 1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(5, 2)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(self.tr("Outbox"), 2))
        left_layout.addWidget(note(self.tr("Private until you confirm.")))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.remove)
        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(editor)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        self.summary = note("")
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.share_all)
        right_layout.addLayout(bottom)
        self.splitter = two_panes(left, right, "outboxSplitter")
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._save_timer = QTimer(self, singleShot=True, interval=EDIT_DELAY_MS)
        self._save_timer.timeout.connect(self.save_current)
        self.version.textChanged.connect(self._edited)
        self.request.textEdited.connect(self._edited)
        self.list.currentRowChanged.connect(self._show)

    def attach(self, session: Session | None) -> None:
        self._save_timer.stop()
        self.session = session
        if session is None or session.sharing is None:
            self.items = []
            self.list.clear()
            self.original.clear()
            self.version.blockSignals(True)
            self.version.clear()
            self.version.blockSignals(False)
            self.request.clear()
            self.preview_model.set_items([])
            return
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        if self.session is None or self.session.sharing is None:
            return
        self.items = self.session.sharing.outbox()
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            first = (
                item.shared_text.strip().splitlines()[0]
                if item.shared_text.strip()
                else self.tr("(no text yet)")
            )
            self.list.add_text(first)
        self.list.blockSignals(False)
        self.stack.setCurrentIndex(1 if self.items else 0)
        self.remove.setEnabled(bool(self.items))
        self.share_all.setEnabled(bool(self.items))
        count = len(self.items)
        self.summary.setText(
            self.tr("%n waiting to be shared with {partner_label}", None, count).format(
                partner_label=self.session.sharing.partner_label
            )
            if count
            else ""
        )
        if self.items:
            ids = [i.id for i in self.items]
            row = ids.index(keep) if keep in ids else 0
            self.list.setCurrentRow(row)
            self._show(row)

    def _current(self) -> OutboxItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        # The passage is plain text as the author selected it (older items: Markdown,
        # which reads the same apart from its marks).
        self.original.setPlainText(item.passage)
        self.version.blockSignals(True)
        self.version_helper.reset()
        self.version.setPlainText(item.shared_text)
        self.version.blockSignals(False)
        self.version_helper.check()
        self.request.setText(item.request)
        self._refresh_preview()

    def _edited(self) -> None:
        self._refresh_preview()
        self._save_timer.start()

    def _refresh_preview(self) -> None:
        item = self._current()
        if item is None or self.session is None:
            self.preview_model.set_items([])
            return
        draft = OutboxItem(
            item.id,
            item.record_id,
            item.passage,
            self.version.toPlainText(),
            self.request.text(),
            item.added_at,
        )
        self.preview_model.set_items(as_partner_sees(self.session, [draft]))

    def save_current(self) -> None:
        self._save_timer.stop()
        item = self._current()
        if item is None or self.session is None or self.session.sharing is None:
            return
        text, request = self.version.toPlainText(), self.request.text()
        if (text.strip(), request.strip()) == (item.shared_text, item.request):
            return
        sharing = self.session.sharing
        outcome = ops.run_op(
            self,
            self.tr("Your edit was not saved"),
            lambda: sharing.update(item.id, text, request),
            action="outbox.update",
            changed=[ops.OUTBOX],
        )
        if outcome is None or not outcome.ok:
            return
        self.items = self.session.sharing.outbox()
        current = self.list.currentItem()
        if current is not None:
            first = text.strip().splitlines()[0] if text.strip() else self.tr("(no text yet)")
            self.list.set_text(current, first)

    def _remove(self) -> None:
        item = self._current()
        if item is None or self.session is None or self.session.sharing is None:
            return
        sharing = self.session.sharing
        outcome = ops.run_op(
            self,
            self.tr("Not removed from your outbox"),
            lambda: sharing.remove(item.id),
            action="outbox.remove",
            changed=[ops.OUTBOX],
        )
        if outcome is not None and outcome.ok:
            self.reload()
            self.changed.emit()

    def review_and_share(self) -> None:
        if self.session is None or self.session.sharing is None:
            return
        self.save_current()
        sharing = self.session.sharing
        previewed = ops.run_op(
            self, self.tr("Not ready to share"), sharing.preview, action="outbox.preview"
        )
        if previewed is None or previewed.value is None:
            return
        preview = previewed.value
        dialog = ConfirmShareDialog(self.session, preview, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        shared = ops.run_op(
            self,
            self.tr("Nothing was shared"),
            lambda: sharing.confirm(preview),
            action="outbox.confirm",
            changed=[ops.OUTBOX, ops.TIMELINE, ops.JOURNAL],
        )
        if shared is None or shared.value is None:
            return
        event_ids = shared.value
        self.reload()
        self.changed.emit()
        self.shared.emit(len(event_ids))
