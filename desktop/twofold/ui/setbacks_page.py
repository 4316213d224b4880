"""Setbacks and wins: what went wrong and how it was repaired; what went well."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.setbacks import RepairStep, Setback
from twofold.ui import ops
from twofold.ui.proposals import propose_agreement_change, propose_commitment
from twofold.ui.widgets import LazyPage, heading, named, note, two_panes


class LogSetbackDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logSetbackDialog")
        self.setWindowTitle("Log a setback")
        self.what = named(QLineEdit(), "setbackWhat", "What happened")
        self.what.setPlaceholderText("What happened, plainly, as a fact")
        self.trigger = named(QLineEdit(), "setbackTrigger", "The trigger")
        self.impact = named(QPlainTextEdit(), "setbackImpact", "The impact")
        self.impact.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow("What happened", self.what)
        form.addRow("Trigger", self.trigger)
        form.addRow("Impact", self.impact)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Log it")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                "A setback is data, not a verdict. Logging it starts the repair: "
                "acknowledge, repair, restore."
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


class SetbacksPage(LazyPage):
    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Setback] = []
        self.list = named(QListWidget(), "setbackList", "Setbacks")
        self.list.setMinimumWidth(260)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view = named(QTextBrowser(), "setbackView", "The setback and its repair")
        self.log = named(QPushButton("Log a setback…"), "primary", "Log a setback")
        self.next_step = named(QPushButton("Acknowledge…"), "nextStep", "Take the next repair step")
        self.countermeasure = named(
            QPushButton("Add a counter-measure…"), "addCountermeasure", "Add a counter-measure"
        )
        self.as_commitment = named(
            QPushButton("Make it a commitment…"),
            "asCommitment",
            "Propose the counter-measure as a commitment",
        )
        self.as_agreement = named(
            QPushButton("Add it to the agreement…"),
            "asAgreement",
            "Propose the counter-measure as an agreement change",
        )
        self.log.clicked.connect(self._log)
        self.next_step.clicked.connect(self._step)
        self.countermeasure.clicked.connect(self._countermeasure)
        self.as_commitment.clicked.connect(self._as_commitment)
        self.as_agreement.clicked.connect(self._as_agreement)
        self.list.currentRowChanged.connect(lambda _row: self._show())
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.next_step)
        row.addWidget(self.countermeasure)
        row.addStretch(1)
        row.addWidget(self.as_commitment)
        row.addWidget(self.as_agreement)
        right_layout.addLayout(row)
        top = QHBoxLayout()
        top.addWidget(heading("Setbacks", 2))
        top.addStretch(1)
        top.addWidget(self.log)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(two_panes(self.list, right, "setbacksSplitter"), 1)

    def reload(self, keep: str | None = None) -> None:
        self._stale = False
        self.list.clear()
        self.items = [] if self.session is None else self.session.setbacks.all()
        for setback in self.items:
            state = "open" if setback.open else "restored"
            item = QListWidgetItem(f"{setback.what}\n{setback.day:%d %b %Y} · {state}")
            self.list.addItem(item)
        ids = [s.id for s in self.items]
        if self.items:
            self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._show()

    def _selected(self) -> Setback | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self) -> None:
        setback = self._selected()
        has = setback is not None
        for button in (self.countermeasure, self.next_step):
            button.setEnabled(has)
        if setback is None or self.session is None:
            self.view.setHtml(
                "<p><i>No setbacks logged. When one happens, log it here as "
                "data: what happened, the trigger, the impact.</i></p>"
            )
            self.as_commitment.setEnabled(False)
            self.as_agreement.setEnabled(False)
            return
        labels = self.session.partner_labels
        e = html.escape
        parts = [
            f"<h3>{e(setback.what)}</h3>",
            f"<p><b>Logged by</b> {e(labels.get(setback.author, '?'))}, {setback.day:%A %d %B %Y}</p>",
        ]
        if setback.trigger:
            parts.append(f"<p><b>Trigger:</b> {e(setback.trigger)}</p>")
        if setback.impact:
            parts.append(f"<p><b>Impact:</b> {e(setback.impact)}</p>")
        parts.append("<h4>Repair</h4><ol>")
        for step in RepairStep:
            taken = next((s for s in setback.steps if s.step == step), None)
            if taken:
                parts.append(
                    f"<li><b>{step.label}</b> by {e(labels.get(taken.author, '?'))}, "
                    f"{taken.at.astimezone():%d %b %H:%M}. {e(taken.note)}</li>"
                )
            else:
                parts.append(f"<li><i>{step.value.capitalize()}: not yet</i></li>")
        parts.append("</ol>")
        if setback.countermeasures:
            parts.append(
                "<h4>Counter-measures</h4><ul>"
                + "".join(f"<li>{e(c)}</li>" for c in setback.countermeasures)
                + "</ul>"
            )
        self.view.setHtml("".join(parts))
        upcoming = setback.next_step
        self.next_step.setEnabled(upcoming is not None)
        self.next_step.setText(f"{upcoming.value.capitalize()}…" if upcoming else "Restored")
        self.as_commitment.setEnabled(bool(setback.countermeasures))
        self.as_agreement.setEnabled(bool(setback.countermeasures))

    def _run(self, title: str, action: object, keep: str | None) -> None:
        ops.run_op(
            self,
            title,
            action,  # type: ignore[arg-type]
            action="setbacks.act",
            changed=[ops.PRACTICE, ops.TIMELINE],
        )
        self.reload(keep)

    def _log(self) -> None:
        if self.session is None:
            return
        dialog = LogSetbackDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        session = self.session
        holder: dict[str, str] = {}

        def log() -> None:
            holder["id"] = session.setbacks.log(
                dialog.what.text(), dialog.trigger.text(), dialog.impact.toPlainText()
            )

        self._run("Not logged", log, None)
        if "id" in holder:
            self.reload(holder["id"])
            self.show_improvements()

    def show_improvements(self) -> None:
        """After logging a setback: the wins and kept commitments of recent weeks."""
        if self.session is None:
            return
        from twofold.ui.look_back import ImprovementsDialog

        found = self.session.progress.recent_improvements()
        if not found.empty:
            self.improvements = ImprovementsDialog(found, self)
            self.improvements.show()

    def _step(self) -> None:
        setback = self._selected()
        if setback is None or self.session is None or setback.next_step is None:
            return
        step = setback.next_step
        note_text, ok = QInputDialog.getText(
            self, step.value.capitalize(), "What was done? (optional)"
        )
        if not ok:
            return
        session = self.session
        self._run(
            "Not recorded", lambda: session.setbacks.step(setback.id, step, note_text), setback.id
        )

    def _countermeasure(self) -> None:
        setback = self._selected()
        if setback is None or self.session is None:
            return
        text, ok = QInputDialog.getText(self, "Counter-measure", "What will make this less likely?")
        if not ok:
            return
        session = self.session
        self._run(
            "Not added", lambda: session.setbacks.add_countermeasure(setback.id, text), setback.id
        )

    def _as_commitment(self) -> None:
        setback = self._selected()
        if setback is None or self.session is None or not setback.countermeasures:
            return
        propose_commitment(
            self, self.session, setback.countermeasures[-1], f"After the setback: {setback.what}"
        )
        self.reload(setback.id)

    def _as_agreement(self) -> None:
        setback = self._selected()
        if setback is None or self.session is None or not setback.countermeasures:
            return
        propose_agreement_change(
            self, self.session, setback.countermeasures[-1], f"After the setback: {setback.what}"
        )
        self.reload(setback.id)


class WinsPage(LazyPage):
    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.list = named(QListWidget(), "winList", "Wins and milestones")
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        self.record = named(QPushButton("Record a win…"), "primary", "Record a win")
        self.record.clicked.connect(self._record)
        top = QHBoxLayout()
        top.addWidget(heading("Wins and milestones", 2))
        top.addStretch(1)
        top.addWidget(self.record)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(
            note(
                "Small things count. Milestones are found from your commitments "
                "and check-ins and celebrated here and on the timeline."
            )
        )
        layout.addWidget(self.list, 1)

    def reload(self) -> None:
        self._stale = False
        self.list.clear()
        if self.session is None:
            return
        labels = self.session.partner_labels
        for win in self.session.wins.all():
            mark = "★ Milestone" if win.detected else f"Win · {labels.get(win.author, '?')}"
            self.list.addItem(f"{win.text}\n{mark} · {win.day:%d %b %Y}")
        if not self.list.count():
            self.list.addItem("No wins recorded yet. What went well, even a little?")

    def _record(self) -> None:
        if self.session is None:
            return
        text, ok = QInputDialog.getText(self, "Record a win", "What went well?")
        if not ok:
            return
        wins = self.session.wins
        ops.run_op(
            self,
            self.tr("Not recorded"),
            lambda: wins.record(text),
            action="wins.record",
            changed=[ops.PRACTICE, ops.TIMELINE],
        )
        self.reload()
