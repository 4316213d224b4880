"""Roles without blame, and the hurt partner's pace (issue 12).

The couple may say who was hurt — in words of their choosing, or not at all — and it
holds only once both have signed. Where one partner is named, the pace of reviews and
what comes first on the agenda follow that partner's choice. No screen names anyone
by blame: the app only ever says "was hurt", and the words the couple chose."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.consent import DEFAULT_ORDER, REVIEW_EVERY, AgendaSection
from twofold.services.session import Session
from twofold.ui import ops
from twofold.ui.widgets import error_label, named, note


class RolesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rolesDialog")
        self.setWindowTitle(self.tr("Who was hurt, and our pace"))
        self.session = session
        labels = session.partner_labels
        self.other = next((label for pid, label in labels.items() if pid != session.partner_id), "")
        # --- what holds now, and what waits for my signature
        self.current = QLabel()
        self.current.setObjectName("rolesCurrent")
        self.current.setWordWrap(True)
        self.accept_button = named(
            QPushButton(self.tr("Agree")),
            "acceptRoles",
            self.tr("Agree to your partner's proposal"),
        )
        self.accept_button.clicked.connect(self._accept)
        # --- propose
        propose_box = QGroupBox(self.tr("Say who was hurt (both of you sign)"))
        propose = QFormLayout(propose_box)
        self.hurt: dict[str, QCheckBox] = {}
        boxes = QHBoxLayout()
        for pid, label in labels.items():
            box = named(
                QCheckBox(label), f"hurt_{label}", self.tr("{who} was hurt").format(who=label)
            )
            self.hurt[pid] = box
            boxes.addWidget(box)
        boxes.addStretch(1)
        propose.addRow(self.tr("Who was hurt"), boxes)
        self.words = named(QLineEdit(), "rolesWords", self.tr("In your own words"))
        self.words.setPlaceholderText(self.tr("Optional; or leave everything empty: not said"))
        propose.addRow(self.tr("In our words"), self.words)
        self.cosign = named(QLineEdit(), "rolesCosign", self.tr("Your partner's passphrase"))
        self.cosign.setEchoMode(QLineEdit.EchoMode.Password)
        self.cosign.setPlaceholderText(
            self.tr("{other}, if you are here, to agree now (optional)").format(other=self.other)
        )
        propose.addRow(self.tr("{other} agrees").format(other=self.other), self.cosign)
        self.propose_button = named(
            QPushButton(self.tr("Propose")), "proposeRoles", self.tr("Propose")
        )
        self.propose_button.clicked.connect(self._propose)
        propose.addRow(self.propose_button)
        # --- the pace
        pace_box = QGroupBox(self.tr("Our pace"))
        pace_form = QFormLayout(pace_box)
        self.every = named(QComboBox(), "reviewEvery", self.tr("Weekly review every"))
        for weeks in REVIEW_EVERY:
            self.every.addItem(
                self.tr("week") if weeks == 1 else self.tr("{n} weeks").format(n=weeks), weeks
            )
        self.first = named(QComboBox(), "agendaFirst", self.tr("First on the agenda"))
        for section in DEFAULT_ORDER[1:]:
            self.first.addItem(section.label, section.value)
        pace_form.addRow(self.tr("Weekly review every"), self.every)
        pace_form.addRow(self.tr("After requests to talk, first"), self.first)
        self.pace_note = QLabel()
        self.pace_note.setObjectName("paceNote")
        self.pace_note.setWordWrap(True)
        pace_form.addRow(self.pace_note)
        self.pace_button = named(
            QPushButton(self.tr("Set our pace")), "setPace", self.tr("Set our pace")
        )
        self.pace_button.clicked.connect(self._set_pace)
        pace_form.addRow(self.pace_button)
        self.message = error_label("rolesMessage", self.tr("Problem"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        current_row = QHBoxLayout()
        current_row.addWidget(self.current, 1)
        current_row.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "You may say who was hurt, in words you both choose, or not at all. Where "
                    "one of you is named, the pace of your reviews and what comes first in a "
                    "joint session follow that partner's choice. Twofold never labels a person."
                )
            )
        )
        layout.addLayout(current_row)
        layout.addWidget(propose_box)
        layout.addWidget(pace_box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumWidth(560)
        self._fill()

    def _fill(self) -> None:
        roles = self.session.roles
        labels = self.session.partner_labels
        held = roles.roles()
        names = " and ".join(labels.get(p, "?") for p in sorted(held.hurt))
        if held.hurt:
            text = self.tr("Agreed: {names} was hurt.").format(names=names)
        else:
            text = self.tr("Nothing said about who was hurt.")
        if held.words:
            text += " " + self.tr("In your words: “{w}”").format(w=held.words)
        waiting = roles.waiting_for_me()
        if waiting:
            proposal = waiting[-1]
            who = labels.get(str(proposal["author"]), "?")
            hurt = sorted(proposal["hurt"])  # type: ignore[call-overload]
            said = " and ".join(labels.get(p, "?") for p in hurt) or self.tr("nobody named")
            text += "\n" + self.tr("{who} proposes: {said}").format(who=who, said=said)
            if proposal["words"]:
                text += f" — “{proposal['words']}”"
        self.current.setText(text)
        self.accept_button.setVisible(bool(waiting))
        pace = roles.pace()
        self.every.setCurrentIndex(max(0, self.every.findData(pace.review_every_weeks)))
        after = [s for s in pace.agenda_order if s != AgendaSection.REQUESTS]
        if after:
            self.first.setCurrentIndex(max(0, self.first.findData(after[0].value)))
        may = roles.may_set_pace()
        self.pace_button.setEnabled(may)
        self.every.setEnabled(may)
        self.first.setEnabled(may)
        setters = held.pace_setters
        if setters and not may:
            self.pace_note.setText(
                self.tr("The pace follows {who}'s choice, as you agreed.").format(
                    who=labels.get(next(iter(setters)), "?")
                )
            )
        else:
            self.pace_note.setText("")

    def _propose(self) -> None:
        hurt = [pid for pid, box in self.hurt.items() if box.isChecked()]
        roles, words, cosign = self.session.roles, self.words.text(), self.cosign.text() or None
        if not ops.run_inline(
            self,
            self.message,
            lambda: roles.propose(hurt, words, cosign),
            action="roles.propose",
            changed=[ops.PRACTICE, ops.TIMELINE],
        ):
            return
        self.cosign.clear()
        self.message.setText(
            self.tr("Proposed. It holds once {other} agrees.").format(other=self.other)
        )
        self._fill()

    def _accept(self) -> None:
        waiting = self.session.roles.waiting_for_me()
        if not waiting:
            return
        roles, proposal = self.session.roles, str(waiting[-1]["proposal_id"])
        if not ops.run_inline(
            self,
            self.message,
            lambda: roles.accept(proposal),
            action="roles.accept",
            changed=[ops.PRACTICE, ops.TIMELINE],
        ):
            return
        self._fill()

    def _set_pace(self) -> None:
        first = AgendaSection(self.first.currentData())
        order = [AgendaSection.REQUESTS, first] + [
            s for s in DEFAULT_ORDER if s not in (AgendaSection.REQUESTS, first)
        ]
        roles, every = self.session.roles, int(self.every.currentData())
        if not ops.run_inline(
            self,
            self.message,
            lambda: roles.set_pace(every, order),
            action="roles.pace",
            changed=[ops.PRACTICE, ops.TIMELINE],
        ):
            return
        self.message.setText(self.tr("The pace is set."))
        self._fill()
