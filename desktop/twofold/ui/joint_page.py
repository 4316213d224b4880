"""A joint session: both present and signed in, the agenda, the structured-dialogue
timer, notes, outcomes and therapy objectives."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.consent import AgendaSection, RequestKind
from twofold.domain.dialogue import DialogueTimer, SessionKind
from twofold.services.joint import Agenda
from twofold.services.session import Session
from twofold.ui import event_text, i18n, ops
from twofold.ui.istatement import IStatementHelper
from twofold.ui.labels import label
from twofold.ui.messages import translated
from twofold.ui.passphrase_fields import secret_field
from twofold.ui.proposals import propose_agreement_change, propose_commitment
from twofold.ui.review import names
from twofold.ui.widgets import (
    FormDialog,
    LazyPage,
    ask_text,
    busy_bar,
    error_label,
    error_text,
    heading,
    named,
    note,
)
from twofold.ui.worker import run_in_background


def agenda_html(agenda: Agenda, labels: dict[str, str]) -> str:
    """The agenda in the order the couple chose: requests to talk (a strained boundary
    first) always lead; then the order the hurt partner set, where one was named."""
    e = html.escape

    def empty(text: str) -> list[str]:
        return [f"<p><i>{e(text)}</i></p>"]

    sections: dict[AgendaSection, list[str]] = {}
    requests = []
    for r in agenda.requests:
        who = e(labels.get(r.author, "?"))
        if r.kind == RequestKind.STRAIN:
            head = QCoreApplication.translate(
                "joint_page", "<b>{who}: a boundary feels strained</b>"
            ).format(who=who)
            head += f" — “{e(r.boundary)}”" if r.boundary else ""
        else:
            head = QCoreApplication.translate(
                "joint_page", "<b>{who} would like to talk about</b>"
            ).format(who=who)
        words = f"<br>{e(r.words)}" if r.words else ""
        answers = "".join(f"<br><i>{e(labels.get(a, '?'))}: {e(text)}</i>" for a, text in r.answers)
        requests.append(f"<p>{head}{words}{answers}</p>")
    sections[AgendaSection.REQUESTS] = requests or empty(
        QCoreApplication.translate("joint_page", "No requests.")
    )
    # as the timeline says them: its sentence for each kind (a consent answer has no
    # words of its own) and its byline (a milestone is Twofold's, not a partner's)
    sections[AgendaSection.SHARES] = [
        f"<p>{e(event_text.byline(i))}: {e(event_text.headline(i))}</p>" for i in agenda.new_shares
    ] or empty(QCoreApplication.translate("joint_page", "Nothing new."))
    kept = [
        QCoreApplication.translate("joint_page", "{title} — kept {rate}").format(
            title=e(s.commitment.title), rate=f"{s.reliability:.0%}"
        )
        for s in agenda.commitments_to_review
        if s.reliability is not None
    ]
    if kept:
        sections[AgendaSection.COMMITMENTS] = [f"<p>{line}</p>" for line in kept]
    elif agenda.commitments_with_record:
        sections[AgendaSection.COMMITMENTS] = empty(
            QCoreApplication.translate("joint_page", "All kept well.")
        )
    else:  # no commitment has a record yet: nothing was kept, well or not
        sections[AgendaSection.COMMITMENTS] = empty(
            QCoreApplication.translate("joint_page", "No commitments with a record yet.")
        )
    sections[AgendaSection.SETBACKS] = [
        QCoreApplication.translate("joint_page", "<p>{what} — next: {step}</p>").format(
            what=e(s.what), step=e(label(s.next_step.value.capitalize()) if s.next_step else "")
        )
        for s in agenda.open_setbacks
    ] or empty(QCoreApplication.translate("joint_page", "None open."))
    parts = []
    for section in agenda.order:
        parts.append(f"<h4>{e(label(section))}</h4>")
        parts += sections[section]
    return "".join(parts)


class StartDialog(QDialog):
    """The other partner types their own passphrase: the session is signed by both."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startSessionDialog")
        self.setWindowTitle(self.tr("Start a joint session"))
        self.session = session
        self.session_id = ""
        other = next(
            label for pid, label in session.partner_labels.items() if pid != session.partner_id
        )
        self.kind = named(QComboBox(), "sessionKind", self.tr("Kind of session"))
        for kind in SessionKind:
            self.kind.addItem(kind.label, kind.value)
        self.passphrase = secret_field(
            "otherPassphrase",
            self.tr("{other}'s passphrase").format(other=other),
            self.tr("{other}'s passphrase").format(other=other),
        )
        self.progress = busy_bar("startProgress", self.tr("Starting"))
        self.message = error_label("startMessage", self.tr("Problem"))
        form = QFormLayout()
        form.addRow(self.tr("Session"), self.kind)
        form.addRow(self.tr("{other}, your passphrase").format(other=other), self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start together"))
        ok.setObjectName("startTogether")
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "A joint session starts when you are both here. {partner_label} "
                    "is signed in; {other} confirms by typing their passphrase. Both "
                    "signatures go into the shared ledger."
                ).format(partner_label=session.partner_label, other=other)
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _start(self) -> None:
        kind, secret, joint = (
            SessionKind(self.kind.currentData()),
            self.passphrase.text(),
            self.session.joint,
        )
        self.progress.show()
        self.buttons.setEnabled(False)
        self.message.clear()

        def done(session_id: str) -> None:
            self.passphrase.clear()
            self.session_id = session_id
            self.accept()

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.buttons.setEnabled(True)
            self.message.setText(error_text(exc))
            self.passphrase.selectAll()

        run_in_background(lambda: joint.open(kind, secret), done, failed, owner=self)


class TimerPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.timer: DialogueTimer | None = None
        self.clock = QTimer(self, interval=1000)
        self.clock.timeout.connect(lambda: self.advance(1))
        self.prompt = named(
            QLabel(self.tr("Start the timer when you are ready.")),
            "dialoguePrompt",
            self.tr("Who speaks now"),
        )
        self.prompt.setWordWrap(True)
        font = QFont(self.prompt.font())
        font.setPointSizeF(font.pointSizeF() + 3)
        self.prompt.setFont(font)
        self.remaining = named(QLabel("—"), "dialogueRemaining", self.tr("Time left in this turn"))
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.turn = named(QSpinBox(), "turnMinutes", self.tr("Minutes per turn"))
        self.turn.setRange(1, 15)
        self.turn.setValue(3)
        self.turn.setSuffix(self.tr(" min per turn"))
        self.start = named(
            QPushButton(self.tr("Start")), "timerStart", self.tr("Start the dialogue timer")
        )
        self.pause = named(
            QPushButton(self.tr("Pause")), "timerPause", self.tr("Pause (the pause rule)")
        )
        self.next = named(
            QPushButton(self.tr("Next")), "timerNext", self.tr("Move on to the next step")
        )
        self.start.clicked.connect(self._start)
        self.pause.clicked.connect(self._toggle_pause)
        self.next.clicked.connect(self._next)
        row = QHBoxLayout()
        row.addWidget(self.turn)
        row.addStretch(1)
        row.addWidget(self.start)
        row.addWidget(self.pause)
        row.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Structured dialogue"), 3))
        layout.addWidget(self.prompt)
        layout.addWidget(self.remaining)
        layout.addWidget(self.bar)
        layout.addLayout(row)
        self.speakers: tuple[str, str] = ("", "")
        self._update()

    def _start(self) -> None:
        self.timer = DialogueTimer(
            self.speakers, turn_seconds=self.turn.value() * 60, paraphrase_seconds=60
        )
        self.clock.start()
        self._update()

    def _toggle_pause(self) -> None:
        if self.timer is None:
            return
        if self.timer.paused:
            self.timer.resume()
        else:
            self.timer.pause()
        self._update()

    def _next(self) -> None:
        if self.timer is not None:
            self.timer.next()
            self._update()

    def advance(self, seconds: float) -> None:
        if self.timer is not None:
            self.timer.tick(seconds)
            self._update()

    def stop(self) -> None:
        self.clock.stop()
        self.timer = None
        self._update()

    def _update(self) -> None:
        timer = self.timer
        self.pause.setEnabled(timer is not None)
        self.next.setEnabled(timer is not None)
        if timer is None:
            self.prompt.setText(
                self.tr(
                    "Start the timer when you are ready: one speaks, the other listens, "
                    "then says back what they heard."
                )
            )
            self.remaining.setText("—")
            self.bar.setValue(0)
            return
        self.pause.setText(self.tr("Resume") if timer.paused else self.tr("Pause"))
        self.prompt.setText(translated(timer.prompt))
        seconds = max(int(timer.remaining), 0)
        self.remaining.setText(
            self.tr("{minutes}:{seconds:02d} left").format(
                minutes=seconds // 60, seconds=seconds % 60
            )
        )
        total = timer.turn_seconds if timer.phase.value == "speaking" else timer.paraphrase_seconds
        self.bar.setRange(0, total)
        self.bar.setValue(total - seconds)


class JointSessionPage(LazyPage):
    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.current: dict[str, Any] | None = None
        self.stack = QStackedWidget()
        # not started: the agenda and the start button
        idle = QWidget()
        self.agenda = named(QTextBrowser(), "sessionAgenda", self.tr("Agenda for the session"))
        self.begin = named(
            QPushButton(self.tr("Start a joint session…")),
            "primary",
            self.tr("Start a joint session"),
        )
        self.begin.clicked.connect(self._begin)
        idle_layout = QVBoxLayout(idle)
        idle_layout.addWidget(heading(self.tr("Agenda"), 3))
        idle_layout.addWidget(self.agenda, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.begin)
        idle_layout.addLayout(row)
        # in a session
        room = QWidget()
        self.title = named(QLabel(), "sessionTitle", self.tr("The session"))
        self.title.setObjectName("heading3")
        self.timer = TimerPanel()
        self.log = named(QTextBrowser(), "sessionLog", self.tr("Notes and outcomes"))
        self.note_input = named(QLineEdit(), "sessionNoteInput", self.tr("A note"))
        self.note_input.setPlaceholderText(self.tr("A note, or an outcome: what you agreed"))
        # the words go onto the shared ledger: the I-statement helper, and who signs
        self.note_helper = IStatementHelper(self.note_input, "sessionNoteIstatement")
        self.signer = QLabel()
        self.signer.setObjectName("note")
        self.signer.setWordWrap(True)
        self.add_note = named(QPushButton(self.tr("Add note")), "addNote", self.tr("Add a note"))
        self.add_outcome = named(
            QPushButton(self.tr("Add outcome")), "addOutcome", self.tr("Add an outcome")
        )
        self.objective = named(
            QPushButton(self.tr("Objectives…")),
            "objectives",
            self.tr("Therapy objectives and progress"),
        )
        self.as_commitment = named(
            QPushButton(self.tr("Outcome → commitment…")),
            "outcomeCommitment",
            self.tr("Make the latest outcome a commitment"),
        )
        self.as_agreement = named(
            QPushButton(self.tr("Outcome → agreement…")),
            "outcomeAgreement",
            self.tr("Add the latest outcome to the agreement"),
        )
        self.as_commitment.clicked.connect(self._outcome_to_commitment)
        self.as_agreement.clicked.connect(self._outcome_to_agreement)
        self.end = named(
            QPushButton(self.tr("End the session")), "endSession", self.tr("End the session")
        )
        self.add_note.clicked.connect(lambda: self._add("note"))
        self.add_outcome.clicked.connect(lambda: self._add("outcome"))
        self.objective.clicked.connect(self._objectives)
        self.end.clicked.connect(self._end)
        room_layout = QVBoxLayout(room)
        room_layout.addWidget(self.title)
        room_layout.addWidget(self.timer)
        room_layout.addWidget(heading(self.tr("Notes and outcomes"), 3))
        room_layout.addWidget(self.log, 1)
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.note_input, 1)
        notes_row.addWidget(self.add_note)
        notes_row.addWidget(self.add_outcome)
        room_layout.addLayout(notes_row)
        room_layout.addWidget(self.note_helper)
        room_layout.addWidget(self.signer)
        end_row = QHBoxLayout()
        end_row.addWidget(self.objective)
        end_row.addWidget(self.as_commitment)
        end_row.addWidget(self.as_agreement)
        end_row.addStretch(1)
        end_row.addWidget(self.end)
        room_layout.addLayout(end_row)
        self.stack.addWidget(idle)
        self.stack.addWidget(room)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Joint session"), 2))
        layout.addWidget(
            note(
                self.tr(
                    "Together on this machine. The pause rule and the safety plan are one "
                    "click away in the sidebar (F1)."
                )
            )
        )
        layout.addWidget(self.stack, 1)

    def attach(self, session: Session | None) -> None:
        if session is None:
            self.timer.stop()  # a lock ends the dialogue timer too
        super().attach(session)

    def reload(self) -> None:
        self._stale = False
        if self.session is None:
            self.agenda.clear()
            self.log.clear()
            self.current = None
            return
        joint = self.session.joint
        labels = self.session.partner_labels
        self.timer.speakers = tuple(labels.values())  # type: ignore[assignment]
        self.current = joint.current()
        if self.current is None:
            self.stack.setCurrentIndex(0)
            self.agenda.setHtml(agenda_html(joint.agenda(), labels))
            return
        self.stack.setCurrentIndex(1)
        signer, partner = names(self.session)
        self.signer.setText(
            self.tr(
                "Notes and outcomes are signed by {signer} (whose passphrase opened this "
                "session) and join the shared ledger; {partner} reads them too."
            ).format(signer=signer, partner=partner)
        )
        kind = SessionKind(self.current["kind"])
        who = self.tr(" and ").join(
            labels.get(p, "?") for p in (self.current["opened_by"], self.current["cosigned_by"])
        )
        self.title.setText(
            self.tr("{label}, opened {when} by {who}").format(
                label=label(kind),
                when=i18n.date_text(self.current["opened_at"].astimezone(), "%H:%M"),
                who=who,
            )
        )
        outcome_word, note_word = self.tr("Outcome"), self.tr("Note")
        self.log.setHtml(
            "".join(
                f"<p><b>{outcome_word if k == 'session.outcome' else note_word}</b> "
                f"({html.escape(labels.get(author, '?'))}): {html.escape(text)}</p>"
                for k, author, text in self.current["items"]
            )
            or self.tr("<p><i>No notes yet.</i></p>")
        )

    def _begin(self) -> None:
        if self.session is None:
            return
        dialog = StartDialog(self.session, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def _add(self, kind: str) -> None:
        if self.session is None or self.current is None:
            return
        text, session_id = self.note_input.text(), self.current["id"]
        joint = self.session.joint
        add = joint.note if kind == "note" else joint.outcome
        outcome = ops.run_op(
            self,
            self.tr("Not added"),
            lambda: add(session_id, text),
            action=f"joint.{kind}",
            changed=[ops.PRACTICE, ops.TIMELINE],
        )
        if outcome is None or not outcome.ok:
            return
        self.note_input.clear()
        self.note_helper.reset()
        self.reload()

    def latest_outcome(self) -> str:
        outcomes = [
            text
            for kind, _, text in (self.current or {}).get("items", [])
            if kind == "session.outcome"
        ]
        return outcomes[-1] if outcomes else ""

    def _outcome_to_commitment(self) -> None:
        if self.session is not None and self.latest_outcome():
            propose_commitment(
                self,
                self.session,
                self.latest_outcome(),
                self.tr("From our joint session"),
                cosign=True,
            )

    def _outcome_to_agreement(self) -> None:
        if self.session is not None and self.latest_outcome():
            propose_agreement_change(
                self, self.session, self.latest_outcome(), self.tr("From our joint session")
            )

    def _objectives(self) -> None:
        if self.session is None:
            return
        joint = self.session.joint
        objectives = joint.objectives()
        choices = [text for _, text, _ in objectives] + [self.tr("New objective…")]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Therapy objectives"), self.tr("Which objective?"), choices, 0, False
        )
        if not ok:
            return
        if choice == self.tr("New objective…"):
            ask_text(
                self,
                "objectiveDialog",
                self.tr("New objective"),
                self.tr("What are you working toward?"),
                joint.set_objective,
                accept_text=self.tr("Add it"),
                changed=(ops.PRACTICE, ops.TIMELINE),
            )
        else:
            objective_id = objectives[choices.index(choice)][0]
            session_id = self.current["id"] if self.current else ""
            ask_text(
                self,
                "progressDialog",
                self.tr("Progress"),
                self.tr("What moved on “{choice}”?").format(choice=choice),
                lambda text: joint.progress(objective_id, text, session_id),
                accept_text=self.tr("Add it"),
                changed=(ops.PRACTICE, ops.TIMELINE),
                multiline=True,
                helper=True,
            )
        self.reload()

    def _end(self) -> None:
        if self.session is None or self.current is None:
            return
        joint, session_id = self.session.joint, self.current["id"]
        dialog = EndSessionDialog(self.session, self)
        dialog.action = lambda: joint.close(
            session_id, dialog.summary.text(), dialog.passphrase.text() or None
        )
        dialog.changed = (ops.PRACTICE, ops.TIMELINE)
        ended = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.passphrase.clear()
        dialog.deleteLater()
        if ended:
            self.timer.stop()
        self.reload()


class EndSessionDialog(FormDialog):
    """End the session: one line to remember it by, which speaks for both, so the
    other partner may sign it here with their passphrase. A wrong passphrase is said
    inline and the summary stays (it was two dialogs, and the summary was lost)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            "endSessionDialog",
            self.tr("End the session"),
            self.tr("End the session"),
            failure_title=self.tr("Not ended"),
        )
        signer, other = names(session)
        self.summary = named(
            QLineEdit(), "endSessionSummary", self.tr("One line to remember it by (optional)")
        )
        self.helper = IStatementHelper(self.summary, "endSessionIstatement")
        self.passphrase = secret_field(
            "endSessionPassphrase",
            self.tr("{other}'s passphrase").format(other=other),
            self.tr("{other}'s passphrase (optional)").format(other=other),
        )
        form = QFormLayout()
        form.addRow(self.tr("One line to remember it by (optional)"), self.summary)
        form.addRow(self.helper)
        form.addRow(self.tr("{other}'s passphrase").format(other=other), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "The summary speaks for both of you. It is signed by {signer}; "
                    "{other}, type your passphrase to sign it too. Leave it empty and it "
                    "shows as {signer}'s proposal until {other} agrees."
                ).format(signer=signer, other=other)
            )
        )
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(520)
