"""Commitments: what each of us promised, how it is going, and checking off a day."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.commitments import BOTH, WEEKDAYS, Cadence, CadenceKind, Outcome
from twofold.domain.errors import TwofoldError
from twofold.services.commitments import CommitmentStatus, local_today
from twofold.services.session import Session
from twofold.ui import theme
from twofold.ui.models import ItemRole, ListModel
from twofold.ui.widgets import LazyPage, error_label, heading, named, note

Index = QModelIndex | QPersistentModelIndex
CADENCES = (
    ("Every day", CadenceKind.DAILY),
    ("Once a week", CadenceKind.WEEKLY),
    ("On certain days", CadenceKind.DAYS),
    ("Once, by a date", CadenceKind.ONCE),
)


def _describe(status: CommitmentStatus) -> tuple[str, str]:
    c = status.commitment
    return (
        c.title,
        f"{c.title}, {status.owner_label}, {c.cadence.describe()}, streak {status.streak}",
    )


class CommitmentDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(option.rect.width(), line * 4 + 30)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        status: CommitmentStatus = index.data(ItemRole)
        c = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor(c.accent if selected else c.border), 2 if selected else 1))
        painter.setBrush(QColor(c.card))
        painter.drawRoundedRect(rect, 8, 8)
        inner = rect.adjusted(12, 8, -12, -8)
        line = QFontMetrics(option.font).height()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(QColor(c.text))
        commitment = status.commitment
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            QFontMetrics(bold).elidedText(
                commitment.title, Qt.TextElideMode.ElideRight, inner.width() - 160
            ),
        )
        if status.today:
            today = status.today.label
        else:
            today = "Not checked off yet" if status.due_today else "Not due today"
        painter.setFont(option.font)
        painter.setPen(QColor(c.ok if status.today and status.today.counts_as_kept else c.muted))
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, today)
        painter.setPen(QColor(c.muted))
        meta = f"{status.owner_label} · {commitment.cadence.describe()}"
        if commitment.hard_day:
            meta += f" · hard-day version: {commitment.hard_day}"
        painter.drawText(
            QRect(inner.left(), inner.top() + line + 2, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            QFontMetrics(option.font).elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
        )
        rate = "—" if status.reliability is None else f"{status.reliability:.0%}"
        facts = f"Streak {status.streak} · kept {rate} · strength {status.strength:.0%}"
        painter.drawText(
            QRect(inner.left(), inner.top() + 2 * line + 6, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            facts,
        )
        bar = QRect(inner.left(), inner.top() + 3 * line + 10, min(inner.width(), 320), 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.border))
        painter.drawRoundedRect(bar, 3, 3)
        painter.setBrush(QColor(c.accent))
        painter.drawRoundedRect(
            QRect(bar.left(), bar.top(), int(bar.width() * status.strength), 6), 3, 3
        )
        painter.restore()


class CommitmentDialog(QDialog):
    """New commitment, or new terms for one (renegotiation)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        renegotiate: CommitmentStatus | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentDialog")
        self.setWindowTitle("Renegotiate" if renegotiate else "New commitment")
        self.title = named(QLineEdit(), "commitmentTitle", "What you commit to")
        self.title.setPlaceholderText(
            "Something the other can observe, e.g. “Text if I'll be late”"
        )
        self.detail = named(QPlainTextEdit(), "commitmentDetail", "Details")
        self.detail.setMaximumHeight(70)
        self.owner = named(QComboBox(), "commitmentOwner", "Whose commitment")
        for partner_id, label in session.partner_labels.items():
            self.owner.addItem(label, partner_id)
        self.owner.addItem("Both of us", BOTH)
        self.owner.setCurrentIndex(self.owner.findData(session.partner_id))
        self.cadence = named(QComboBox(), "commitmentCadence", "How often")
        for label, kind in CADENCES:
            self.cadence.addItem(label, kind.value)
        self.days = QWidget()
        days_row = QHBoxLayout(self.days)
        days_row.setContentsMargins(0, 0, 0, 0)
        self.day_boxes = [
            named(QCheckBox(name), f"weekday{i}", name) for i, name in enumerate(WEEKDAYS)
        ]
        for box in self.day_boxes:
            days_row.addWidget(box)
        self.due = named(QDateEdit(QDate.currentDate().addDays(7)), "commitmentDue", "Due date")
        self.due.setCalendarPopup(True)
        self.hard_day = named(QLineEdit(), "commitmentHardDay", "Hard-day version")
        self.hard_day.setPlaceholderText(
            "The simplest form that still counts, for overwhelming days"
        )
        self.start = named(QDateEdit(QDate.currentDate()), "commitmentStart", "Starts on")
        self.start.setCalendarPopup(True)
        self.reason = named(QLineEdit(), "renegotiateReason", "Why the terms change")
        self.message = error_label("commitmentMessage", "Problem")
        form = QFormLayout()
        form.addRow("Commitment", self.title)
        form.addRow("Details", self.detail)
        form.addRow("Whose", self.owner)
        form.addRow("How often", self.cadence)
        form.addRow("Which days", self.days)
        form.addRow("Due by", self.due)
        form.addRow("Hard-day version", self.hard_day)
        form.addRow("Starts", self.start)
        if renegotiate is not None:
            c = renegotiate.commitment
            self.title.setText(c.title)
            self.detail.setPlainText(c.detail)
            self.hard_day.setText(c.hard_day)
            self.cadence.setCurrentIndex(self.cadence.findData(c.cadence.kind.value))
            for i, box in enumerate(self.day_boxes):
                box.setChecked(i in c.cadence.weekdays)
            self.owner.setEnabled(False)
            self.start.setEnabled(False)
            form.addRow("Why", self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Agree to new terms" if renegotiate else "Make this commitment")
        ok.setObjectName("saveCommitment")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note("Concrete and observable works best: what, when, and what counts as done.")
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.cadence.currentIndexChanged.connect(self._cadence_changed)
        self._cadence_changed()
        self.setMinimumWidth(520)

    def _cadence_changed(self) -> None:
        kind = CadenceKind(self.cadence.currentData())
        self.days.setEnabled(kind == CadenceKind.DAYS)
        self.due.setEnabled(kind == CadenceKind.ONCE)

    def cadence_value(self) -> Cadence:
        kind = CadenceKind(self.cadence.currentData())
        weekdays = tuple(i for i, box in enumerate(self.day_boxes) if box.isChecked())
        due = self.due.date().toPython() if kind == CadenceKind.ONCE else None
        return Cadence(kind, weekdays if kind == CadenceKind.DAYS else (), due)  # type: ignore[arg-type]

    def _check(self) -> None:
        try:
            self.cadence_value()
        except TwofoldError as exc:
            self.message.setText(str(exc))
            return
        if not self.title.text().strip():
            self.message.setText("Say what you commit to.")
            return
        self.accept()


class CommitmentsPage(LazyPage):
    """Signals: checked(outcome value) after a check-off was recorded."""

    refresh_on = frozenset({"practice", "timeline"})

    checked = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.model: ListModel[CommitmentStatus] = ListModel(_describe)
        self.list = named(QListView(), "commitmentList", "Commitments")
        self.list.setModel(self.model)
        self.list.setItemDelegate(CommitmentDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new = named(QPushButton("New commitment…"), "primary", "New commitment")
        self.new.clicked.connect(self._new)
        self.buttons: dict[Outcome, QPushButton] = {}
        row = QHBoxLayout()
        for outcome in (Outcome.KEPT, Outcome.KEPT_HARD_DAY, Outcome.MISSED):
            button = named(
                QPushButton(f"{outcome.label} today"),
                f"check{outcome.value}",
                f"{outcome.label} today",
            )
            button.clicked.connect(lambda _=False, o=outcome: self._check(o))
            self.buttons[outcome] = button
            row.addWidget(button)
        self.renegotiate = named(
            QPushButton("Renegotiate…"), "renegotiate", "Renegotiate the terms"
        )
        self.renegotiate.clicked.connect(self._renegotiate)
        self.acknowledge = named(
            QPushButton("Acknowledge"), "acknowledge", "Acknowledge your partner's latest check-off"
        )
        self.acknowledge.clicked.connect(self._acknowledge)
        self.end = named(QPushButton("End…"), "endCommitment", "End this commitment")
        self.end.clicked.connect(self._end)
        row.addStretch(1)
        row.addWidget(self.acknowledge)
        row.addWidget(self.renegotiate)
        row.addWidget(self.end)
        self.weekly = named(QLabel(), "weeklyReliability", "Kept per week")
        self.weekly.setObjectName("note")
        self.empty = note(
            "No commitments yet. Make one together: concrete, observable, with a "
            "hard-day version for the days when everything is too much."
        )
        top = QHBoxLayout()
        top.addWidget(heading("Commitments", 2))
        top.addStretch(1)
        top.addWidget(self.new)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.weekly)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

    def reload(self) -> None:
        self._stale = False
        current = self._selected()
        keep = current.commitment.id if current else None
        if self.session is None:
            self.model.set_items([])
            self.weekly.clear()
            return
        statuses = self.session.commitments.statuses()
        self.model.set_items(statuses)
        self.empty.setVisible(not statuses)
        rows = [i for i, s in enumerate(statuses) if s.commitment.id == keep] or (
            [0] if statuses else []
        )
        if rows:
            self.list.setCurrentIndex(self.model.index(rows[0]))
        weeks = self.session.commitments.weekly(weeks=8)
        self.weekly.setText(
            "Kept per week (oldest → this week): "
            + "  ".join("—" if rate is None else f"{rate:.0%}" for _, rate in weeks)
        )
        self._update_buttons()

    def _selected(self) -> CommitmentStatus | None:
        index = self.list.currentIndex()
        return (
            self.model.item(index.row())
            if index.isValid() and index.row() < len(self.model.items)
            else None
        )

    def _pending_ack(self) -> int | None:
        status = self._selected()
        if status is None or self.session is None:
            return None
        for seq, check in reversed(self.session.commitments.check_offs(status.commitment.id)):
            if check.author != self.session.partner_id and not check.acknowledged_by:
                return seq
        return None

    def _update_buttons(self) -> None:
        status = self._selected()
        for button in self.buttons.values():
            button.setEnabled(status is not None and status.due_today)
        for button in (self.renegotiate, self.end):
            button.setEnabled(status is not None)
        self.acknowledge.setEnabled(self._pending_ack() is not None)

    def _new(self) -> None:
        if self.session is None:
            return
        dialog = CommitmentDialog(self.session, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        session = self.session
        self.act(
            "Not saved",
            lambda: session.commitments.make(
                dialog.title.text(),
                dialog.cadence_value(),
                owner=str(dialog.owner.currentData()),
                detail=dialog.detail.toPlainText(),
                hard_day=dialog.hard_day.text(),
                start=dialog.start.date().toPython(),  # type: ignore[arg-type]
            ),
        )

    def _check(self, outcome: Outcome) -> None:
        status = self._selected()
        if status is None or self.session is None:
            return
        session = self.session

        def check() -> None:
            session.commitments.check(status.commitment.id, outcome, local_today())
            self.checked.emit(outcome.value)

        self.act("Not checked off", check)

    def _renegotiate(self) -> None:
        status = self._selected()
        if status is None or self.session is None:
            return
        dialog = CommitmentDialog(self.session, self, renegotiate=status)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        session = self.session
        self.act(
            "Not renegotiated",
            lambda: session.commitments.renegotiate(
                status.commitment.id,
                dialog.title.text(),
                dialog.cadence_value(),
                dialog.hard_day.text(),
                dialog.reason.text(),
            ),
        )

    def _acknowledge(self) -> None:
        seq = self._pending_ack()
        if seq is not None and self.session is not None:
            session = self.session
            self.act("Not acknowledged", lambda: session.commitments.acknowledge(seq))

    def _end(self) -> None:
        status = self._selected()
        if status is None or self.session is None:
            return
        reason, ok = QInputDialog.getText(self, "End this commitment?", "What changed? (optional)")
        if not ok:
            return
        session = self.session
        self.act("Not ended", lambda: session.commitments.end(status.commitment.id, reason))
