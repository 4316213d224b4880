"""Commitments: what each of us promised, how it is going, and checking off a day.

Nothing binds a partner without their signature (issue 12): a commitment for the
other, or for both, shows as proposed until each owner accepts it (or declines it with
a reason); only its owner checks a day off, the partner acknowledges or adds a concern
beside it; new terms are proposed and take effect once the other accepts them."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
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

from twofold.domain.agreement import Change
from twofold.domain.commitments import BOTH, WEEKDAYS, Cadence, CadenceKind, Commitment, Outcome
from twofold.domain.consent import CommitmentState
from twofold.domain.errors import TwofoldError
from twofold.services.commitments import CommitmentStatus, CommitmentView, local_today
from twofold.services.session import Session
from twofold.ui import i18n, ops, theme
from twofold.ui.i18n import QT_TRANSLATE_NOOP
from twofold.ui.labels import cadence_text, label
from twofold.ui.models import ItemRole, ListModel
from twofold.ui.review import review_signed, reviewer
from twofold.ui.widgets import LazyPage, ask_text, error_label, error_text, heading, named, note

Index = QModelIndex | QPersistentModelIndex
CADENCES = (
    (QT_TRANSLATE_NOOP("Labels", "Every day"), CadenceKind.DAILY),
    (QT_TRANSLATE_NOOP("Labels", "Once a week"), CadenceKind.WEEKLY),
    (QT_TRANSLATE_NOOP("Labels", "On certain days"), CadenceKind.DAYS),
    (QT_TRANSLATE_NOOP("Labels", "Once, by a date"), CadenceKind.ONCE),
)


@dataclass(frozen=True, slots=True)
class Row:
    """One commitment on the page: its consent view, and its numbers once it counts."""

    view: CommitmentView
    status: CommitmentStatus | None
    mine_to_answer: bool  # a proposal or new terms waiting for my signature

    @property
    def commitment(self) -> Commitment:
        return self.view.commitment

    @property
    def owner_label(self) -> str:
        return self.view.owner_label

    @property
    def today(self) -> Outcome | None:
        """This period's outcome so far, once the commitment counts."""
        return None if self.status is None else self.status.today


def consent_line(view: CommitmentView) -> str:
    """What consent says about a commitment, in one line (no blame, who signed)."""
    if view.state == CommitmentState.PROPOSED:
        return QCoreApplication.translate(
            "commitments_page", "Proposed — waiting for {names} to accept"
        ).format(
            names=QCoreApplication.translate("commitments_page", " and ").join(view.waiting_for)
        )
    if view.state == CommitmentState.DECLINED:
        who, reason = view.declined[0]
        return QCoreApplication.translate("commitments_page", "Declined by {who}").format(
            who=who
        ) + (f": “{reason}”" if reason else "")
    if view.state == CommitmentState.ENDED_BY_ONE:
        return QCoreApplication.translate("commitments_page", "Ended by {names} alone").format(
            names=QCoreApplication.translate("commitments_page", " and ").join(view.ended_by)
        )
    if view.state == CommitmentState.ENDED:
        return QCoreApplication.translate("commitments_page", "Ended together")
    if view.pending_terms is not None:
        return QCoreApplication.translate(
            "commitments_page", "New terms proposed — waiting for an answer"
        )
    if view.ended_by:
        return QCoreApplication.translate("commitments_page", "{names} asked to end it").format(
            names=QCoreApplication.translate("commitments_page", " and ").join(view.ended_by)
        )
    return ""


def today_text(row: Row) -> str:
    """Where today stands (the card's right-hand word)."""
    status = row.status
    if row.view.pending_terms is not None:
        return QCoreApplication.translate("CommitmentDelegate", "New terms proposed")
    if status is not None and status.today:
        return label(status.today)
    if status is not None and status.due_today:
        return QCoreApplication.translate("CommitmentDelegate", "Not checked off yet")
    return QCoreApplication.translate("CommitmentDelegate", "Not due today")


def facts_text(status: CommitmentStatus) -> str:
    """Streak, how much was kept and the strength, as the card shows them."""
    rate = "—" if status.reliability is None else f"{status.reliability:.0%}"
    return QCoreApplication.translate(
        "CommitmentDelegate", "Streak {streak} · kept {rate} · strength {strength}"
    ).format(streak=status.streak, rate=rate, strength=f"{status.strength:.0%}")


def _describe(row: Row) -> tuple[str, str]:
    """The card's text, and all of it for a screen reader: what, whose, how often,
    today's state, streak, kept %, strength, and what consent says (issue 14)."""
    c = row.view.commitment
    state = consent_line(row.view)
    parts = [c.title, row.view.owner_label, cadence_text(c.cadence)]
    if c.hard_day:
        parts.append(
            QCoreApplication.translate("CommitmentDelegate", " · hard-day version: {hard_day}")
            .format(hard_day=c.hard_day)
            .strip(" ·")
        )
    if row.status is not None:
        parts += [today_text(row), facts_text(row.status)]
    if state:
        parts.append(state)
    return c.title, ", ".join(parts)


def diff_html(changes: tuple[Change, ...] | list[Change]) -> str:
    c = theme.current()
    spans = []
    for change in changes:
        text = html.escape(change.text)
        if change.kind == "added":
            spans.append(f'<span style="background:{c.ok}; color:white">{text}</span>')
        elif change.kind == "removed":
            spans.append(
                f'<span style="color:{c.warning}; text-decoration:line-through">{text}</span>'
            )
        else:
            spans.append(text)
    return "".join(spans)


class CommitmentDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(option.rect.width(), line * 4 + 30)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: Row = index.data(ItemRole)
        if row.status is None:
            self._paint_proposal(painter, option, row)
            return
        status = row.status
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
        today = today_text(row)
        painter.setFont(option.font)
        kept = status.today and status.today.counts_as_kept
        painter.setPen(QColor(c.accent if row.view.pending_terms else (c.ok if kept else c.muted)))
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, today)
        painter.setPen(QColor(c.muted))
        meta = f"{status.owner_label} · {cadence_text(commitment.cadence)}"
        if commitment.hard_day:
            meta += self.tr(" · hard-day version: {hard_day}").format(hard_day=commitment.hard_day)
        painter.drawText(
            QRect(inner.left(), inner.top() + line + 2, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            QFontMetrics(option.font).elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
        )
        facts = facts_text(status)
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

    def _paint_proposal(self, painter: QPainter, option: QStyleOptionViewItem, row: Row) -> None:
        """A proposal (or a declined or ended one): no numbers, it counts nowhere."""
        c = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pen = QPen(QColor(c.accent if selected else c.border), 2 if selected else 1)
        pen.setStyle(Qt.PenStyle.DashLine)  # not (yet) a commitment: a dashed card
        painter.setPen(pen)
        painter.setBrush(QColor(c.base))
        painter.drawRoundedRect(rect, 8, 8)
        inner = rect.adjusted(12, 8, -12, -8)
        line = QFontMetrics(option.font).height()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(QColor(c.text))
        commitment = row.view.commitment
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            QFontMetrics(bold).elidedText(
                commitment.title, Qt.TextElideMode.ElideRight, inner.width() - 200
            ),
        )
        painter.setFont(option.font)
        painter.setPen(QColor(c.accent if row.mine_to_answer else c.muted))
        badge = self.tr("Waiting for you") if row.mine_to_answer else label(row.view.state)
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, badge)
        painter.setPen(QColor(c.muted))
        meta = f"{row.view.owner_label} · {cadence_text(commitment.cadence)}"
        if commitment.hard_day:
            meta += self.tr(" · hard-day version: {hard_day}").format(hard_day=commitment.hard_day)
        metrics = QFontMetrics(option.font)
        painter.drawText(
            QRect(inner.left(), inner.top() + line + 2, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.drawText(
            QRect(inner.left(), inner.top() + 2 * line + 6, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(
                consent_line(row.view) + self.tr(" · counts nowhere until accepted")
                if row.view.state == CommitmentState.PROPOSED
                else consent_line(row.view),
                Qt.TextElideMode.ElideRight,
                inner.width(),
            ),
        )
        painter.restore()


class CommitmentDialog(QDialog):
    """New commitment, or new terms for one (renegotiation)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        renegotiate: Row | None = None,
        cosign: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentDialog")
        self.setWindowTitle(
            self.tr("Propose new terms") if renegotiate else self.tr("New commitment")
        )
        self.title = named(
            QLineEdit(),
            "commitmentTitle",
            QCoreApplication.translate("CommitmentDialog", "What you commit to"),
        )
        self.title.setPlaceholderText(
            QCoreApplication.translate(
                "CommitmentDialog", "Something the other can observe, e.g. “Text if I'll be late”"
            )
        )
        self.detail = named(
            QPlainTextEdit(),
            "commitmentDetail",
            QCoreApplication.translate("CommitmentDialog", "Details"),
        )
        self.detail.setMaximumHeight(70)
        self.owner = named(
            QComboBox(),
            "commitmentOwner",
            QCoreApplication.translate("CommitmentDialog", "Whose commitment"),
        )
        for partner_id, name in session.partner_labels.items():
            self.owner.addItem(name, partner_id)
        self.owner.addItem(QCoreApplication.translate("CommitmentDialog", "Both of us"), BOTH)
        self.owner.setCurrentIndex(self.owner.findData(session.partner_id))
        self.cadence = named(
            QComboBox(),
            "commitmentCadence",
            QCoreApplication.translate("CommitmentDialog", "How often"),
        )
        for cadence, kind in CADENCES:
            self.cadence.addItem(label(cadence), kind.value)
        self.days = QWidget()
        days_row = QHBoxLayout(self.days)
        days_row.setContentsMargins(0, 0, 0, 0)
        self.day_boxes = [
            named(QCheckBox(name), f"weekday{i}", name) for i, name in enumerate(WEEKDAYS)
        ]
        for box in self.day_boxes:
            days_row.addWidget(box)
        self.due = named(
            QDateEdit(QDate.currentDate().addDays(7)),
            "commitmentDue",
            QCoreApplication.translate("CommitmentDialog", "Due date"),
        )
        self.due.setCalendarPopup(True)
        self.hard_day = named(
            QLineEdit(),
            "commitmentHardDay",
            QCoreApplication.translate("CommitmentDialog", "Hard-day version"),
        )
        self.hard_day.setPlaceholderText(
            QCoreApplication.translate(
                "CommitmentDialog", "The simplest form that still counts, for overwhelming days"
            )
        )
        self.start = named(
            QDateEdit(QDate.currentDate()),
            "commitmentStart",
            QCoreApplication.translate("CommitmentDialog", "Starts on"),
        )
        self.start.setCalendarPopup(True)
        self.reason = named(
            QLineEdit(),
            "renegotiateReason",
            QCoreApplication.translate("CommitmentDialog", "Why the terms change"),
        )
        self.message = error_label(
            "commitmentMessage", QCoreApplication.translate("CommitmentDialog", "Problem")
        )
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("CommitmentDialog", "Commitment"), self.title)
        form.addRow(QCoreApplication.translate("CommitmentDialog", "Details"), self.detail)
        form.addRow(QCoreApplication.translate("CommitmentDialog", "Whose"), self.owner)
        form.addRow(QCoreApplication.translate("CommitmentDialog", "How often"), self.cadence)
        form.addRow(QCoreApplication.translate("CommitmentDialog", "Which days"), self.days)
        form.addRow(QCoreApplication.translate("CommitmentDialog", "Due by"), self.due)
        form.addRow(
            QCoreApplication.translate("CommitmentDialog", "Hard-day version"), self.hard_day
        )
        form.addRow(QCoreApplication.translate("CommitmentDialog", "Starts"), self.start)
        self.cosign = named(
            QLineEdit(),
            "cosignPassphrase",
            QCoreApplication.translate("CommitmentDialog", "Your partner's passphrase"),
        )
        self.cosign.setEchoMode(QLineEdit.EchoMode.Password)
        other = next(
            (label for pid, label in session.partner_labels.items() if pid != session.partner_id),
            "",
        )
        if cosign:
            self.cosign.setPlaceholderText(
                self.tr("{other} accepts now (optional; else it waits as a proposal)").format(
                    other=other
                )
            )
            form.addRow(self.tr("{other}'s passphrase").format(other=other), self.cosign)
        else:
            self.cosign.hide()
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
            form.addRow(QCoreApplication.translate("CommitmentDialog", "Why"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Propose new terms") if renegotiate else self.tr("Make this commitment"))
        ok.setObjectName("saveCommitment")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                QCoreApplication.translate(
                    "CommitmentDialog",
                    "Concrete and observable works best: what, when, and what counts as done.",
                )
            )
        )
        self.consent_note = note(
            self.tr(
                "New terms take effect once your partner accepts them; until then the old "
                "terms stand."
            )
            if renegotiate
            else self.tr(
                "A commitment for your partner, or for both of you, is a proposal until "
                "they accept it with their own passphrase; until then it counts nowhere."
            )
        )
        self.consent_note.setObjectName("consentNote")
        layout.addWidget(self.consent_note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.cadence.currentIndexChanged.connect(self._cadence_changed)
        self._cadence_changed()
        self.setMinimumWidth(520)

    def cosign_passphrase(self) -> str | None:
        return self.cosign.text() or None if self.cosign.isVisibleTo(self) else None

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
            self.message.setText(error_text(exc))
            return
        if not self.title.text().strip():
            self.message.setText(self.tr("Say what you commit to."))
            return
        self.accept()


class CommitmentsPage(LazyPage):
    """Signals: checked(outcome value) after a check-off was recorded."""

    refresh_on = frozenset({"practice", "timeline"})

    checked = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.model: ListModel[Row] = ListModel(_describe)
        self.list = named(QListView(), "commitmentList", self.tr("Commitments"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(CommitmentDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new = named(
            QPushButton(self.tr("New commitment…")), "primary", self.tr("New commitment")
        )
        self.new.clicked.connect(self._new)
        self.buttons: dict[Outcome, QPushButton] = {}
        row = QHBoxLayout()
        for outcome in (Outcome.KEPT, Outcome.KEPT_HARD_DAY, Outcome.MISSED):
            button = named(
                QPushButton(self.tr("{label} today").format(label=label(outcome))),
                f"check{outcome.value}",
                self.tr("{label} today").format(label=label(outcome)),
            )
            button.clicked.connect(lambda _=False, o=outcome: self._check(o))
            self.buttons[outcome] = button
            row.addWidget(button)
        self.renegotiate = named(
            QPushButton(self.tr("Propose new terms…")), "renegotiate", self.tr("Propose new terms")
        )
        self.renegotiate.clicked.connect(self._renegotiate)
        self.acknowledge = named(
            QPushButton(self.tr("Acknowledge")),
            "acknowledge",
            self.tr("Acknowledge your partner's latest check-off"),
        )
        self.acknowledge.clicked.connect(self._acknowledge)
        self.concern = named(
            QPushButton(self.tr("Add a concern…")),
            "addConcern",
            self.tr("Add a concern beside your partner's latest check-off"),
        )
        self.concern.clicked.connect(self._concern)
        self.end = named(
            QPushButton(self.tr("End…")), "endCommitment", self.tr("End this commitment")
        )
        self.end.clicked.connect(self._end)
        row.addStretch(1)
        # the partner's responses and changes on a second row: one row of seven buttons
        # did not fit a 1024-pixel window
        responses = QHBoxLayout()
        responses.addWidget(self.acknowledge)
        responses.addWidget(self.concern)
        responses.addStretch(1)
        responses.addWidget(self.renegotiate)
        responses.addWidget(self.end)
        # consent: a proposal or new terms waiting for my signature
        self.consent = QLabel()  # carries information: its text is what a reader hears
        self.consent.setObjectName("consentDetail")
        self.consent.setWordWrap(True)
        self.consent.setTextFormat(Qt.TextFormat.RichText)
        self.accept_button = named(
            QPushButton(self.tr("Accept — it's my commitment")),
            "acceptCommitment",
            self.tr("Accept"),
        )
        self.accept_button.clicked.connect(self._accept)
        self.decline_button = named(
            QPushButton(self.tr("Decline…")), "declineCommitment", self.tr("Decline, with a reason")
        )
        self.decline_button.clicked.connect(self._decline)
        self.accept_terms = named(
            QPushButton(self.tr("Accept the new terms")),
            "acceptTerms",
            self.tr("Accept the new terms"),
        )
        self.accept_terms.clicked.connect(lambda: self._answer_terms(True))
        self.decline_terms = named(
            QPushButton(self.tr("Keep the old terms…")),
            "declineTerms",
            self.tr("Decline the new terms"),
        )
        self.decline_terms.clicked.connect(lambda: self._answer_terms(False))
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent, 1)
        for button in (
            self.accept_button,
            self.decline_button,
            self.accept_terms,
            self.decline_terms,
        ):
            consent_row.addWidget(button)
        self.weekly = named(QLabel(), "weeklyReliability", self.tr("Kept per week"))
        self.weekly.setObjectName("note")
        self.empty = note(
            self.tr(
                "No commitments yet. Make one together: concrete, observable, with a "
                "hard-day version for the days when everything is too much."
            )
        )
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Commitments"), 2))
        top.addStretch(1)
        top.addWidget(self.new)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(consent_row)
        layout.addLayout(row)
        layout.addLayout(responses)
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
        session = self.session
        statuses = {s.commitment.id: s for s in session.commitments.statuses()}
        me = session.partner_label
        rows = []
        for view in session.commitments.views():
            if view.state in (CommitmentState.ENDED, CommitmentState.WITHDRAWN):
                continue
            mine = (view.is_proposal and me in view.waiting_for) or (
                view.pending_terms is not None and view.pending_terms.proposer != session.partner_id
            )
            rows.append(Row(view, statuses.get(view.commitment.id), mine))
        # what waits for my signature first, then what counts, then the rest
        rows.sort(key=lambda r: (not r.mine_to_answer, r.status is None))
        self.model.set_items(rows)
        self.empty.setVisible(not rows)
        at = [i for i, r in enumerate(rows) if r.commitment.id == keep] or ([0] if rows else [])
        if at:
            self.list.setCurrentIndex(self.model.index(at[0]))
        weeks = session.commitments.weekly(weeks=8)
        self.weekly.setText(
            self.tr("Kept per week (oldest → this week): {weeks}").format(
                weeks="  ".join("—" if rate is None else f"{rate:.0%}" for _, rate in weeks)
            )
        )
        self._update_buttons()

    def _selected(self) -> Row | None:
        index = self.list.currentIndex()
        return (
            self.model.item(index.row())
            if index.isValid() and index.row() < len(self.model.items)
            else None
        )

    def _partner_checks(self) -> list[tuple[int, bool]]:
        """(seq, acknowledged) of the partner's check-offs on the selected commitment."""
        row = self._selected()
        if row is None or self.session is None:
            return []
        return [
            (seq, bool(check.acknowledged_by))
            for seq, check in self.session.commitments.check_offs(row.commitment.id)
            if check.author != self.session.partner_id
        ]

    def _pending_ack(self) -> int | None:
        pending = [seq for seq, acked in self._partner_checks() if not acked]
        return pending[-1] if pending else None

    def _owns(self, row: Row) -> bool:
        return self.session is not None and row.commitment.owner in (
            BOTH,
            self.session.partner_id,
        )

    def _update_buttons(self) -> None:
        row = self._selected()
        session = self.session
        counts = row is not None and row.status is not None
        for button in self.buttons.values():
            button.setEnabled(
                counts
                and row is not None
                and row.status is not None
                and row.status.due_today
                and self._owns(row)
            )
        view = row.view if row else None
        waiting_me = bool(
            view and session and view.is_proposal and session.partner_label in view.waiting_for
        )
        terms_for_me = bool(
            view
            and session
            and view.pending_terms is not None
            and view.pending_terms.proposer != session.partner_id
        )
        self.accept_button.setVisible(waiting_me)
        self.decline_button.setVisible(waiting_me)
        self.accept_terms.setVisible(terms_for_me)
        self.decline_terms.setVisible(terms_for_me)
        self.renegotiate.setEnabled(counts and view is not None and view.pending_terms is None)
        self.end.setEnabled(
            view is not None
            and session is not None
            and (
                view.state in (CommitmentState.ACCEPTED, CommitmentState.ENDED_BY_ONE)
                or (view.is_proposal and view.proposer == session.partner_id)
            )
        )
        self.acknowledge.setEnabled(self._pending_ack() is not None)
        self.concern.setEnabled(bool(self._partner_checks()))
        self.consent.setText(self._consent_html(row))
        self.consent.setVisible(bool(self.consent.text()))

    def _consent_html(self, row: Row | None) -> str:
        if row is None or self.session is None:
            return ""
        view = row.view
        labels = self.session.partner_labels
        parts = []
        line = consent_line(view)
        if view.state == CommitmentState.PROPOSED:
            me = self.session.partner_label
            you_by, you_waiting = (
                self.tr("you", "proposed by you"),
                self.tr("you", "waiting for you"),
            )
            by = (
                you_by
                if view.proposer == self.session.partner_id
                else labels.get(view.proposer, "?")
            )
            waiting = [(you_waiting if w == me else w) for w in view.waiting_for]
            line = self.tr("Proposed by {by} — waiting for {names}").format(
                by=by, names=self.tr(" and ").join(waiting)
            )
            if you_waiting in waiting:
                line += self.tr(" to accept or decline")
        if line:
            parts.append(f"<b>{html.escape(line)}</b>")
        if view.pending_terms is not None:
            by = labels.get(view.pending_terms.proposer, "?")
            reason = view.pending_terms.reason
            parts.append(
                html.escape(self.tr("{by} proposes: ").format(by=by))
                + diff_html(view.pending_diff)
                + (f"<br><i>{html.escape(reason)}</i>" if reason else "")
            )
        concerns = self.session.commitments.concerns()
        for seq, check in self.session.commitments.check_offs(row.commitment.id)[-5:]:
            for author, text in concerns.get(seq, []):
                parts.append(
                    html.escape(
                        self.tr("{get}'s concern beside “{label}” on {when}: {text}").format(
                            get=labels.get(author, "?"),
                            label=label(check.outcome),
                            when=i18n.date_text(check.day, "%a %d %b"),
                            text=text,
                        )
                    )
                )
        return "<br>".join(parts)

    def _new(self) -> None:
        if self.session is None:
            return
        dialog = CommitmentDialog(self.session, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        session = self.session
        self.act(
            self.tr("Not saved"),
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
        row = self._selected()
        if row is None or self.session is None:
            return
        session = self.session

        def check() -> None:
            session.commitments.check(row.commitment.id, outcome, local_today())
            self.checked.emit(outcome.value)

        self.act(self.tr("Not checked off"), check)

    def _accept(self) -> None:
        row = self._selected()
        if row is None or self.session is None:
            return
        session = self.session
        c = row.commitment
        # accepting binds you: see the terms you sign, as with every signed response
        if not self._review_terms(
            self.tr("You accept: {title}").format(title=c.title),
            c.owner,
            c.title,
            c.cadence,
            c.detail,
            c.hard_day,
        ):
            return
        self.act(self.tr("Not accepted"), lambda: session.commitments.accept(c.id))

    def _decline(self) -> None:
        row = self._selected()
        if row is None or self.session is None:
            return
        session = self.session
        self._ask_signed(
            "declineDialog",
            self.tr("Decline this proposal?"),
            self.tr("Why? (your partner sees this; optional)"),
            lambda reason: session.commitments.decline(row.commitment.id, reason),
            self.tr("You decline: {title}").format(title=row.commitment.title),
            self.tr("Sign: decline"),
        )

    def _answer_terms(self, accept: bool) -> None:
        row = self._selected()
        if row is None or self.session is None or row.view.pending_terms is None:
            return
        proposal = row.view.pending_terms.proposal_id
        session = self.session
        if accept:
            terms = row.view.pending_terms.terms
            if not self._review_terms(
                self.tr("You accept the new terms of: {title}").format(title=row.commitment.title),
                row.commitment.owner,
                terms.title,
                terms.cadence,
                terms.detail,
                terms.hard_day,
            ):
                return
            self.act(
                self.tr("Not answered"),
                lambda: session.commitments.answer_terms(proposal, True, ""),
            )
            return
        self._ask_signed(
            "keepTermsDialog",
            self.tr("Keep the old terms?"),
            self.tr("Why? (your partner sees this; optional)"),
            lambda reason: session.commitments.answer_terms(proposal, False, reason),
            self.tr("You keep the old terms of: {title}").format(title=row.commitment.title),
            self.tr("Sign: keep the old terms"),
        )

    def _renegotiate(self) -> None:
        row = self._selected()
        if row is None or self.session is None:
            return
        dialog = CommitmentDialog(self.session, self, renegotiate=row)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        session = self.session
        self.act(
            self.tr("Not proposed"),
            lambda: session.commitments.renegotiate(
                row.commitment.id,
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
            self.act(self.tr("Not acknowledged"), lambda: session.commitments.acknowledge(seq))

    def _concern(self) -> None:
        checks = self._partner_checks()
        if not checks or self.session is None:
            return
        seq = checks[-1][0]
        session = self.session
        self._ask_signed(
            "concernDialog",
            self.tr("Add a concern"),
            self.tr("Shown beside the check-off, never replacing it:"),
            lambda text: session.commitments.concern(seq, text),
            self.tr("Your concern"),
            self.tr("Sign and add it"),
            text=self.tr("I didn't see this happen"),
            required=True,
        )

    def _end(self) -> None:
        row = self._selected()
        if row is None or self.session is None:
            return
        session = self.session
        self._ask_signed(
            "endCommitmentDialog",
            self.tr("End this commitment?"),
            self.tr(
                "Ending early needs both of you; until your partner agrees it shows as "
                "ended by you alone. What changed? (optional)"
            ),
            lambda reason: session.commitments.end(row.commitment.id, reason),
            self.tr("You end: {title}").format(title=row.commitment.title),
            self.tr("Sign: end it"),
        )

    def _review_terms(
        self, what: str, owner_id: str, title: str, cadence: Cadence, detail: str, hard_day: str
    ) -> bool:
        """The terms a partner is about to bind themselves to, and who signs."""
        if self.session is None:
            return False
        owner = (
            self.tr("Both of us")
            if owner_id == BOTH
            else self.session.partner_labels.get(owner_id, "?")
        )
        return review_signed(
            self,
            self.session,
            what,
            [
                (self.tr("Commitment"), title),
                (self.tr("Whose"), owner),
                (self.tr("How often"), cadence_text(cadence)),
                (self.tr("Details"), detail),
                (self.tr("Hard-day version"), hard_day),
            ],
            self.tr("Sign: accept"),
            required=False,
        )

    def _ask_signed(
        self,
        object_name: str,
        title: str,
        caption: str,
        action: Callable[[str], object],
        what: str,
        confirm_text: str,
        *,
        text: str = "",
        required: bool = False,
    ) -> None:
        """A response the partner reads: a proper dialog that keeps its words on a
        refusal, the I-statement helper, and the review of what will be signed."""
        if self.session is None:
            return
        ask_text(
            self,
            object_name,
            title,
            caption,
            action,
            accept_text=self.tr("Review…"),
            changed=(ops.PRACTICE, ops.TIMELINE),
            multiline=True,
            text=text,
            helper=True,
            review=reviewer(
                self.session, what, self.tr("In your words"), confirm_text, required=required
            ),
        )
