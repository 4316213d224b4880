"""Check-ins: answer apart, reveal together (issue 12). Your answers are sealed (only
a salted hash joins the shared ledger) until you have both answered the period or it
has ended; your own sealed answers are shown to you from your private journal."""

from __future__ import annotations

import html
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.checkins import CheckinKind, check_answers
from twofold.domain.consent import WeekLine, WeekSummary
from twofold.services.commitments import local_today
from twofold.ui import i18n, ops
from twofold.ui.i18n import QT_TRANSLATE_NOOP
from twofold.ui.istatement import IStatementHelper
from twofold.ui.labels import label
from twofold.ui.review import review_signed
from twofold.ui.widgets import (
    LazyPage,
    confirm,
    error_label,
    heading,
    named,
    note,
    refused_inline,
    two_panes,
)

KIND_LABELS = {
    CheckinKind.DAILY: QT_TRANSLATE_NOOP("Labels", "Daily check-in"),
    CheckinKind.WEEKLY: QT_TRANSLATE_NOOP("Labels", "Weekly review"),
    CheckinKind.MONTHLY: QT_TRANSLATE_NOOP("Labels", "Monthly progress review"),
}


def missed_text(kinds: list[CheckinKind]) -> str:
    names = {
        CheckinKind.DAILY: QCoreApplication.translate("checkins_page", "yesterday's check-in"),
        CheckinKind.WEEKLY: QCoreApplication.translate("checkins_page", "last week's review"),
        CheckinKind.MONTHLY: QCoreApplication.translate("checkins_page", "last month's review"),
    }
    listed = " and ".join(names[k] for k in kinds)
    return QCoreApplication.translate(
        "checkins_page",
        "You skipped {listed}. No streak is lost; the next one counts just as much.",
    ).format(listed=listed)


def _still_hard(line: WeekLine) -> str:
    parts = []
    if line.hard_days:
        parts.append(
            QCoreApplication.translate("checkins_page", "hard-day form {hard_days}×").format(
                hard_days=line.hard_days
            )
        )
    if line.missed:
        parts.append(
            QCoreApplication.translate("checkins_page", "missed {missed}×").format(
                missed=line.missed
            )
        )
    return ", ".join(parts) or "—"


def week_html(summary: WeekSummary) -> str:
    """The weekly review's data: what was promised, delivered, and what is still hard."""
    e = html.escape
    if not summary.lines:
        return QCoreApplication.translate(
            "checkins_page", "<p><i>No commitment was due this week.</i></p>"
        )
    rows = "".join(
        f"<tr><td>{e(line.title)} <small>({e(line.owner_label)})</small></td>"
        f"<td align='right'>{line.promised}</td><td align='right'>{line.delivered}</td>"
        f"<td>{e(_still_hard(line))}</td></tr>"
        for line in summary.lines
    )
    return QCoreApplication.translate(
        "checkins_page",
        "<p><b>This week ({when} – {when2}): "
        "{delivered} of {promised} kept.</b></p>"
        "<table cellspacing='4'><tr><th align='left'>Commitment</th>"
        "<th align='right'>promised</th><th align='right'>delivered</th>"
        "<th align='left'>still hard</th></tr>{rows}</table>"
        "<p><a href='agreement'>Open our agreement</a></p>",
    ).format(
        when=i18n.date_text(summary.first, "%d %b"),
        when2=i18n.date_text(summary.last, "%d %b"),
        delivered=summary.delivered,
        promised=summary.promised,
        rows=rows,
    )


class CheckinsPage(LazyPage):
    """Signals: ``open_agreement`` when the weekly review's link to the agreement is used."""

    open_agreement = Signal()

    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.week = QLabel()  # the weekly review's data; exposes its text
        self.week.setObjectName("weekSummary")
        self.week.setWordWrap(True)
        self.week.setTextFormat(Qt.TextFormat.RichText)
        self.week.linkActivated.connect(lambda _: self.open_agreement.emit())
        self.kind = named(QComboBox(), "checkinKind", self.tr("Which check-in"))
        for kind, title in KIND_LABELS.items():
            self.kind.addItem(label(title), kind.value)
        self.about = note("")
        self.state = named(QLabel(), "checkinState", self.tr("Check-in state"))
        self.state.setObjectName("sharedBadge")
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # questions above answers
        self.form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QPlainTextEdit] = {}
        self.helpers: dict[str, IStatementHelper] = {}
        self.submit = named(
            QPushButton(self.tr("Review and seal…")),
            "primary",
            self.tr("Review and seal my answers"),
        )
        self.submit.clicked.connect(self._submit)
        self.message = error_label("checkinMessage", self.tr("Problem"))
        self.history = named(QTextBrowser(), "checkinHistory", self.tr("Recent check-ins"))
        self.period = QLabel()  # "Sam has answered — answer yours to see both."
        self.period.setObjectName("checkinPeriod")
        self.period.setWordWrap(True)
        self.withdraw = named(
            QComboBox(), "withdrawCheckin", self.tr("One of your check-ins to withdraw")
        )
        self.withdraw_button = named(
            QPushButton(self.tr("Withdraw…")),
            "withdrawCheckinButton",
            self.tr("Withdraw this check-in"),
        )
        self.withdraw_button.clicked.connect(self._withdraw)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.kind)
        left_layout.addWidget(self.about)
        left_layout.addWidget(self.week)
        left_layout.addWidget(self.form_box)
        left_layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.submit)
        left_layout.addLayout(row)
        left_layout.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(heading(self.tr("Recent check-ins from both of you"), 3))
        right_layout.addWidget(self.period)
        right_layout.addWidget(self.history, 1)
        withdraw_row = QHBoxLayout()
        withdraw_row.addWidget(self.withdraw, 1)
        withdraw_row.addWidget(self.withdraw_button)
        right_layout.addLayout(withdraw_row)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Check-ins"), 2))
        layout.addWidget(
            note(
                self.tr(
                    "Answer apart, see both together. Until you have both answered (or the "
                    "day, week or month is over) your answers stay in your private journal; "
                    "the shared ledger holds only a sealed fingerprint of them, so they "
                    "cannot be changed after you see your partner's. What is a promise of "
                    "the app, not of encryption: your answers are revealed by your own "
                    "Twofold the next time you open it, once it is time."
                )
            )
        )
        layout.addWidget(two_panes(left, right, "checkinsSplitter", left_share=3), 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def current_kind(self) -> CheckinKind:
        return CheckinKind(self.kind.currentData())

    def choose(self, kind: CheckinKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def _kind_changed(self) -> None:
        self._build_form()
        self._update_state()

    def _build_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        self.helpers = {}
        if self.session is None:
            self.about.clear()
            return
        prompts = self.session.checkins.prompts(self.current_kind())
        self.about.setText(label(prompts.about))
        for prompt in prompts.prompts:
            field = named(QPlainTextEdit(), f"answer_{prompt.id}", label(prompt.text))
            field.setMaximumHeight(70)
            self.fields[prompt.id] = field
            question = QLabel(label(prompt.text))
            question.setWordWrap(True)
            question.setBuddy(field)
            # each on its own full-width row: the question above its answer
            self.form.addRow(question)
            self.form.addRow(field)
            # the partner reads these answers: the I-statement helper, as in the journal
            self.helpers[prompt.id] = IStatementHelper(field, f"answer_{prompt.id}Istatement")
            self.form.addRow(self.helpers[prompt.id])

    def reload(self) -> None:
        self._stale = False
        self.message.clear()
        self._build_form()
        self._update_state()
        self._fill_history()

    def _update_state(self) -> None:
        if self.session is None:
            self.state.clear()
            self.period.clear()
            self.week.clear()
            return
        weekly = self.current_kind() == CheckinKind.WEEKLY
        if weekly:
            today = local_today()
            monday = today - timedelta(days=today.weekday())
            self.week.setText(week_html(self.session.commitments.week_summary(monday)))
        self.week.setVisible(weekly)
        due = self.current_kind() in self.session.checkins.due_today()
        self.state.setText(
            self.tr("Not done yet") if due else self.tr("✓ Done for now. You can add another.")
        )
        self.period.setText(self.session.checkins.period(self.current_kind()).message)
        self.period.setVisible(bool(self.period.text()))

    def _fill_history(self) -> None:
        if self.session is None:
            self.history.clear()
            return
        labels = self.session.partner_labels
        blocks = []
        self.withdraw.clear()
        sealed = self.session.checkins.my_sealed()
        for checkin in sealed:
            answers = "".join(
                f"<p><i>{html.escape(q)}</i><br>{html.escape(a)}</p>"
                for q, a in checkin.answers
                if a
            )
            sealed_note = html.escape(
                self.tr("Sealed: only you see these until you have both answered")
            )
            blocks.append(
                f"<h4>{label(KIND_LABELS[checkin.kind])} · {labels.get(checkin.author, '?')} · "
                f"{i18n.date_text(checkin.day, '%a %d %b %Y')}</h4><p><b>{sealed_note}</b></p>{answers}"
            )
            self.withdraw.addItem(
                self.tr("{value}, {when} (sealed)").format(
                    value=label(KIND_LABELS[checkin.kind]),
                    when=i18n.date_text(checkin.day, "%d %b"),
                ),
                checkin.seq,
            )
        for checkin in self.session.checkins.recent(limit=30):
            if checkin.author == self.session.partner_id:
                self.withdraw.addItem(
                    f"{label(KIND_LABELS[checkin.kind])}, {i18n.date_text(checkin.day, '%d %b')}",
                    checkin.seq,
                )
            answers = "".join(
                f"<p><i>{html.escape(q)}</i><br>{html.escape(a)}</p>"
                for q, a in checkin.answers
                if a
            )
            blocks.append(
                f"<h4>{label(KIND_LABELS[checkin.kind])} · {labels.get(checkin.author, '?')} · "
                f"{i18n.date_text(checkin.day, '%a %d %b %Y')}</h4>{answers}"
            )
        self.history.setHtml("".join(blocks) or self.tr("<p><i>No check-ins yet.</i></p>"))
        self.withdraw_button.setEnabled(self.withdraw.count() > 0)

    def _withdraw(self) -> None:
        if self.session is None or self.withdraw.currentData() is None:
            return
        if not confirm(
            self,
            self.tr("Withdraw this check-in?"),
            self.tr(
                "Its words are removed from the shared ledger for both of you; a signed "
                "note that you withdrew something stays."
            ),
        ):
            return
        session = self.session
        seq = int(self.withdraw.currentData())
        self.act(self.tr("Not withdrawn"), lambda: session.checkins.withdraw(seq))

    def _submit(self) -> None:
        if self.session is None:
            return
        answers = {pid: field.toPlainText() for pid, field in self.fields.items()}
        session = self.session
        checkins, kind = session.checkins, self.current_kind()

        def review() -> bool:
            prompts = checkins.prompts(kind)
            cleaned = check_answers(prompts, answers)
            return review_signed(
                self,
                session,
                label(KIND_LABELS[kind]),
                [(label(p.text), cleaned[p.id]) for p in prompts.prompts if cleaned[p.id]],
                self.tr("Sign and seal"),
                sealed=True,
            )

        self.message.clear()
        asked = ops.run_op(
            self,
            self.tr("Not sealed"),
            review,
            action="checkins.review",
            on_failure=refused_inline(self.message),
        )
        if asked is None or not asked.value:
            return  # refused inline, or back to edit: the answers stay in their fields
        if not ops.run_inline(
            self,
            self.message,
            lambda: checkins.submit(kind, answers),
            action="checkins.submit",
            changed=[ops.PRACTICE, ops.TIMELINE],
        ):
            return  # the answers stay in their fields
        for field in self.fields.values():
            field.clear()
        self.reload()
