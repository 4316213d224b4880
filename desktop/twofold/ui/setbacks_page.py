"""Setbacks and wins: what went wrong and how it was repaired; what went well."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.setbacks import RepairStep, Setback, check_setback
from twofold.ui import i18n, ops
from twofold.ui.istatement import IStatementHelper
from twofold.ui.labels import label, milestone
from twofold.ui.proposals import propose_agreement_change, propose_commitment
from twofold.ui.review import review_signed, reviewer
from twofold.ui.widgets import (
    FormDialog,
    LazyPage,
    ask_text,
    follow_text_direction,
    heading,
    named,
    note,
    two_panes,
)


class LogSetbackDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            "logSetbackDialog",
            self.tr("Log a setback"),
            self.tr("Review…"),
            failure_title=self.tr("Not logged"),
        )
        self.what = named(QLineEdit(), "setbackWhat", self.tr("What happened"))
        self.what.setPlaceholderText(self.tr("What happened, plainly, as a fact"))
        self.trigger = named(QLineEdit(), "setbackTrigger", self.tr("The trigger"))
        self.impact = named(QPlainTextEdit(), "setbackImpact", self.tr("The impact"))
        self.impact.setTabChangesFocus(True)
        follow_text_direction(self.impact)
        self.impact.setMaximumHeight(80)
        self.impact_helper = IStatementHelper(self.impact, "setbackIstatement")
        form = QFormLayout()
        form.addRow(self.tr("What happened"), self.what)
        form.addRow(self.tr("Trigger"), self.trigger)
        form.addRow(self.tr("Impact"), self.impact)
        form.addRow(self.impact_helper)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "A setback is data, not a verdict. Logging it starts the repair: "
                    "acknowledge, repair, restore."
                )
            )
        )
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(520)


class SetbacksPage(LazyPage):
    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Setback] = []
        self.list = named(QListWidget(), "setbackList", self.tr("Setbacks"))
        self.list.setMinimumWidth(180)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view = named(QTextBrowser(), "setbackView", self.tr("The setback and its repair"))
        self.log = named(
            QPushButton(self.tr("Log a setback…")), "primary", self.tr("Log a setback")
        )
        self.next_step = named(
            QPushButton(self.tr("Acknowledge…")), "nextStep", self.tr("Take the next repair step")
        )
        self.countermeasure = named(
            QPushButton(self.tr("Add a counter-measure…")),
            "addCountermeasure",
            self.tr("Add a counter-measure"),
        )
        self.as_commitment = named(
            QPushButton(self.tr("Make it a commitment…")),
            "asCommitment",
            self.tr("Propose the counter-measure as a commitment"),
        )
        self.as_agreement = named(
            QPushButton(self.tr("Add it to the agreement…")),
            "asAgreement",
            self.tr("Propose the counter-measure as an agreement change"),
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
        # Two rows, so the page fits a 1024-pixel window (one row needed ~900 px).
        row = QHBoxLayout()
        row.addWidget(self.next_step)
        row.addWidget(self.countermeasure)
        row.addStretch(1)
        right_layout.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(self.as_commitment)
        row2.addWidget(self.as_agreement)
        row2.addStretch(1)
        right_layout.addLayout(row2)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Setbacks"), 2))
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
            state = self.tr("open") if setback.open else self.tr("restored")
            what = setback.what or self.tr("(withdrawn by its author)")
            item = QListWidgetItem(f"{what}\n{i18n.date_text(setback.day, '%d %b %Y')} · {state}")
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
                self.tr(
                    "<p><i>No setbacks logged. When one happens, log it here as "
                    "data: what happened, the trigger, the impact.</i></p>"
                )
            )
            self.as_commitment.setEnabled(False)
            self.as_agreement.setEnabled(False)
            return
        labels = self.session.partner_labels
        e = html.escape
        parts = [
            f"<h3>{e(setback.what or self.tr('(withdrawn by its author)'))}</h3>",
            self.tr("<p><b>Logged by</b> {who}, {when}</p>").format(
                who=e(labels.get(setback.author, "?")),
                when=i18n.date_text(setback.day, "%A %d %B %Y"),
            ),
        ]
        if setback.trigger:
            parts.append(
                self.tr("<p><b>Trigger:</b> {trigger}</p>").format(trigger=e(setback.trigger))
            )
        if setback.impact:
            parts.append(self.tr("<p><b>Impact:</b> {impact}</p>").format(impact=e(setback.impact)))
        parts.append(self.tr("<h4>Repair</h4><ol>"))
        for step in RepairStep:
            taken = next((s for s in setback.steps if s.step == step), None)
            if taken:
                parts.append(
                    self.tr("<li><b>{label}</b> by {who}, {when}. {note}</li>").format(
                        label=label(step),
                        who=e(labels.get(taken.author, "?")),
                        when=i18n.date_text(taken.at.astimezone(), "%d %b %H:%M"),
                        note=e(taken.note),
                    )
                )
            else:
                parts.append(
                    self.tr("<li><i>{step}: not yet</i></li>").format(
                        step=label(step.value.capitalize())
                    )
                )
        parts.append("</ol>")
        if setback.countermeasures:
            parts.append(
                self.tr("<h4>Counter-measures</h4><ul>")
                + "".join(f"<li>{e(c)}</li>" for c in setback.countermeasures)
                + "</ul>"
            )
        self.view.setHtml("".join(parts))
        upcoming = setback.next_step
        self.next_step.setEnabled(upcoming is not None)
        self.next_step.setText(
            f"{label(upcoming.value.capitalize())}…" if upcoming else self.tr("Restored")
        )
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
        session = self.session
        dialog = LogSetbackDialog(self)
        dialog.action = lambda: session.setbacks.log(
            dialog.what.text(), dialog.trigger.text(), dialog.impact.toPlainText()
        )
        dialog.changed = (ops.PRACTICE, ops.TIMELINE)

        def review() -> bool:
            return review_signed(
                dialog,
                session,
                self.tr("The setback you log"),
                [
                    (self.tr("What happened"), check_setback(dialog.what.text())),
                    (self.tr("Trigger"), dialog.trigger.text()),
                    (self.tr("Impact"), dialog.impact.toPlainText()),
                ],
                self.tr("Sign and log it"),
            )

        dialog.review = review
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.reload(str(dialog.value))
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
        session = self.session
        name = label(step.value.capitalize())
        ask_text(
            self,
            "repairStepDialog",
            name,
            self.tr("What was done? (optional)"),
            lambda text: session.setbacks.step(setback.id, step, text),
            accept_text=self.tr("Review…"),
            changed=(ops.PRACTICE, ops.TIMELINE),
            multiline=True,
            helper=True,
            review=reviewer(
                session,
                self.tr("{step}: {what}").format(step=name, what=setback.what),
                self.tr("What was done"),
                self.tr("Sign: {step}").format(step=name),
                required=False,
            ),
        )
        self.reload(setback.id)

    def _countermeasure(self) -> None:
        setback = self._selected()
        if setback is None or self.session is None:
            return
        session = self.session
        ask_text(
            self,
            "countermeasureDialog",
            self.tr("Counter-measure"),
            self.tr("What will make this less likely?"),
            lambda text: session.setbacks.add_countermeasure(setback.id, text),
            accept_text=self.tr("Review…"),
            changed=(ops.PRACTICE, ops.TIMELINE),
            multiline=True,
            helper=True,
            review=reviewer(
                session,
                self.tr("A counter-measure for: {what}").format(what=setback.what),
                self.tr("Counter-measure"),
                self.tr("Sign and add it"),
            ),
        )
        self.reload(setback.id)

    def _as_commitment(self) -> None:
        setback = self._selected()
        if setback is None or self.session is None or not setback.countermeasures:
            return
        propose_commitment(
            self,
            self.session,
            setback.countermeasures[-1],
            self.tr("After the setback: {what}").format(what=setback.what),
        )
        self.reload(setback.id)

    def _as_agreement(self) -> None:
        setback = self._selected()
        if setback is None or self.session is None or not setback.countermeasures:
            return
        propose_agreement_change(
            self,
            self.session,
            setback.countermeasures[-1],
            self.tr("After the setback: {what}").format(what=setback.what),
        )
        self.reload(setback.id)


class WinsPage(LazyPage):
    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.list = named(QListWidget(), "winList", self.tr("Wins and milestones"))
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        self.record = named(
            QPushButton(self.tr("Record a win…")), "primary", self.tr("Record a win")
        )
        self.record.clicked.connect(self._record)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Wins and milestones"), 2))
        top.addStretch(1)
        top.addWidget(self.record)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(
            note(
                self.tr(
                    "Small things count. Milestones are found from your commitments "
                    "and check-ins and celebrated here and on the timeline."
                )
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
            mark = (
                self.tr("★ Milestone")
                if win.detected
                else self.tr("Win · {get}").format(get=labels.get(win.author, "?"))
            )
            text = milestone(win.text) if win.detected else win.text
            self.list.addItem(f"{text}\n{mark} · {i18n.date_text(win.day, '%d %b %Y')}")
        if not self.list.count():
            self.list.addItem(self.tr("No wins recorded yet. What went well, even a little?"))

    def _record(self) -> None:
        if self.session is None:
            return
        wins = self.session.wins
        ask_text(
            self,
            "recordWinDialog",
            self.tr("Record a win"),
            self.tr("What went well?"),
            wins.record,
            accept_text=self.tr("Review…"),
            changed=(ops.PRACTICE, ops.TIMELINE),
            multiline=True,
            helper=True,
            review=reviewer(
                self.session,
                self.tr("The win you record"),
                self.tr("What went well"),
                self.tr("Sign and record it"),
            ),
        )
        self.reload()
