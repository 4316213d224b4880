"""Check-ins: answer today's questions on your own; read both partners' answers."""

from __future__ import annotations

import html

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

from twofold.domain.checkins import CheckinKind
from twofold.domain.errors import TwofoldError
from twofold.ui.widgets import LazyPage, error_label, heading, named, note, two_panes

KIND_LABELS = {
    CheckinKind.DAILY: "Daily check-in",
    CheckinKind.WEEKLY: "Weekly review",
    CheckinKind.MONTHLY: "Monthly progress review",
}


def missed_text(kinds: list[CheckinKind]) -> str:
    names = {
        CheckinKind.DAILY: "yesterday's check-in",
        CheckinKind.WEEKLY: "last week's review",
        CheckinKind.MONTHLY: "last month's review",
    }
    listed = " and ".join(names[k] for k in kinds)
    return f"You skipped {listed}. No streak is lost; the next one counts just as much."


class CheckinsPage(LazyPage):
    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.kind = named(QComboBox(), "checkinKind", "Which check-in")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.about = note("")
        self.state = named(QLabel(), "checkinState", "Check-in state")
        self.state.setObjectName("sharedBadge")
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # questions above answers
        self.form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QPlainTextEdit] = {}
        self.submit = named(QPushButton("Share my check-in"), "primary", "Share my check-in")
        self.submit.clicked.connect(self._submit)
        self.message = error_label("checkinMessage", "Problem")
        self.history = named(QTextBrowser(), "checkinHistory", "Recent check-ins")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.kind)
        left_layout.addWidget(self.about)
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
        right_layout.addWidget(heading("Recent check-ins from both of you", 3))
        right_layout.addWidget(self.history, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Check-ins", 2))
        layout.addWidget(
            note(
                "Answer on your own. Your answers join the shared ledger when you "
                "share them; read each other's together."
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
        if self.session is None:
            self.about.clear()
            return
        prompts = self.session.checkins.prompts(self.current_kind())
        self.about.setText(prompts.about)
        for prompt in prompts.prompts:
            field = named(QPlainTextEdit(), f"answer_{prompt.id}", prompt.text)
            field.setMaximumHeight(70)
            self.fields[prompt.id] = field
            label = QLabel(prompt.text)
            label.setWordWrap(True)
            self.form.addRow(label, field)

    def reload(self) -> None:
        self._stale = False
        self.message.clear()
        self._build_form()
        self._update_state()
        self._fill_history()

    def _update_state(self) -> None:
        if self.session is None:
            self.state.clear()
            return
        due = self.current_kind() in self.session.checkins.due_today()
        self.state.setText("Not done yet" if due else "✓ Done for now. You can add another.")

    def _fill_history(self) -> None:
        if self.session is None:
            self.history.clear()
            return
        labels = self.session.partner_labels
        blocks = []
        for checkin in self.session.checkins.recent(limit=30):
            answers = "".join(
                f"<p><i>{html.escape(q)}</i><br>{html.escape(a)}</p>"
                for q, a in checkin.answers
                if a
            )
            blocks.append(
                f"<h4>{KIND_LABELS[checkin.kind]} · {labels.get(checkin.author, '?')} · "
                f"{checkin.day:%a %d %b %Y}</h4>{answers}"
            )
        self.history.setHtml("".join(blocks) or "<p><i>No check-ins yet.</i></p>")

    def _submit(self) -> None:
        if self.session is None:
            return
        answers = {pid: field.toPlainText() for pid, field in self.fields.items()}
        try:
            self.session.checkins.submit(self.current_kind(), answers)
        except TwofoldError as exc:
            self.message.setText(str(exc))
            return
        for field in self.fields.values():
            field.clear()
        self.reload()
