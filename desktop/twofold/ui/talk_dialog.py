"""“We need to talk”: raise a strained boundary or a request to talk in two clicks
(open, send), and answer your partner's requests (issue 12). Each is a signed event;
open requests lead the next joint session's agenda."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.consent import RequestKind, TalkRequest
from twofold.services.session import Session
from twofold.ui import ops
from twofold.ui.review import reviewer
from twofold.ui.widgets import ask_text, error_label, heading, named, note


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def requests_html(session: Session) -> str:
    """Open requests, a strained boundary first, with their answers; "" for none."""
    labels = session.partner_labels
    lines = []
    for r in session.requests.open_requests():
        who = labels.get(r.author, "?")
        if r.kind == RequestKind.STRAIN:
            what = QCoreApplication.translate("talk_dialog", "a boundary feels strained") + (
                f": “{r.boundary}”" if r.boundary else ""
            )
            words = f" — {r.words}" if r.words else ""
        else:
            what = QCoreApplication.translate("talk_dialog", "would like to talk about")
            words = f": {r.words}" if r.words else ""
        answered = "".join(
            f"<br>&nbsp;&nbsp;<i>{esc(labels.get(a, '?'))}: {esc(t)}</i>" for a, t in r.answers
        )
        lines.append(f"<b>{esc(who)}</b>: {esc(what + words)}{answered}")
    return "<br>".join(lines)


class TalkDialog(QDialog):
    """Signals: none; ``sent`` is True once a request was raised or answered."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("talkDialog")
        self.setWindowTitle(self.tr("We need to talk"))
        self.session = session
        self.sent = False
        self.strain = named(
            QRadioButton(self.tr("A boundary feels strained")),
            "strainChoice",
            self.tr("A boundary feels strained"),
        )
        self.talk = named(
            QRadioButton(self.tr("I'd like us to talk about …")),
            "talkChoice",
            self.tr("I'd like us to talk"),
        )
        group = QButtonGroup(self)
        group.addButton(self.strain)
        group.addButton(self.talk)
        self.boundary = named(QComboBox(), "strainBoundary", self.tr("Which boundary"))
        boundaries = session.requests.boundaries()
        self.boundary.addItem(self.tr("(not one in particular)"), "")
        for text in boundaries:
            self.boundary.addItem(text, text)
        if boundaries:
            self.boundary.setCurrentIndex(1)
        self.words = named(QLineEdit(), "talkWords", self.tr("In a few words (optional)"))
        self.words.setPlaceholderText(self.tr("In a few words (optional for a boundary)"))
        self.strain.setChecked(True)
        self.talk.toggled.connect(self._choice_changed)
        self.send = named(QPushButton(self.tr("Send")), "primary", self.tr("Send the request"))
        self.send.setDefault(True)
        self.send.clicked.connect(self._send)
        self.message = error_label("talkMessage", self.tr("Problem"))
        self.open_list = QLabel()  # information: exposes its own text
        self.open_list.setObjectName("openRequests")
        self.open_list.setWordWrap(True)
        self.answer_button = named(
            QPushButton(self.tr("Answer…")),
            "answerRequest",
            self.tr("Answer your partner's request"),
        )
        self.answer_button.clicked.connect(self._answer)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("We need to talk"), 3))
        layout.addWidget(
            note(
                self.tr(
                    "Your partner sees it on the shared timeline, and it leads the agenda of "
                    "your next joint session. It is signed by you; nobody can send one in "
                    "your name."
                )
            )
        )
        layout.addWidget(self.strain)
        layout.addWidget(self.boundary)
        layout.addWidget(self.talk)
        layout.addWidget(self.words)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.send)
        layout.addLayout(row)
        layout.addWidget(heading(self.tr("Open requests"), 4))
        layout.addWidget(self.open_list)
        answer_row = QHBoxLayout()
        answer_row.addStretch(1)
        answer_row.addWidget(self.answer_button)
        layout.addLayout(answer_row)
        self.setMinimumWidth(520)
        self._choice_changed()
        self._fill()

    def _choice_changed(self) -> None:
        self.boundary.setEnabled(self.strain.isChecked())

    def _to_answer(self) -> list[TalkRequest]:
        me = self.session.partner_id
        return [r for r in self.session.requests.open_requests() if r.author != me]

    def _fill(self) -> None:
        self.open_list.setText(requests_html(self.session) or self.tr("None open."))
        self.answer_button.setEnabled(bool(self._to_answer()))

    def _send(self) -> None:
        requests, words = self.session.requests, self.words.text()
        boundary = str(self.boundary.currentData()) if self.strain.isChecked() else None

        def send() -> None:
            if boundary is not None:
                requests.strain(boundary, words)
            else:
                requests.talk(words)

        if not ops.run_inline(
            self, self.message, send, action="talk.send", changed=[ops.PRACTICE, ops.TIMELINE]
        ):
            return
        self.sent = True
        self.accept()

    def _answer(self) -> None:
        pending = self._to_answer()
        if not pending:
            return
        request = pending[0]
        requests = self.session.requests
        if not ask_text(
            self,
            "answerDialog",
            self.tr("Answer"),
            self.tr("Your answer (e.g. “Heard — let's talk Thursday”):"),
            lambda text: requests.answer(request.request_id, text),
            accept_text=self.tr("Review…"),
            changed=(ops.PRACTICE, ops.TIMELINE),
            text=self.tr("Heard — let's talk "),
            multiline=True,
            helper=True,
            review=reviewer(
                self.session,
                self.tr("Your answer"),
                self.tr("Your answer"),
                self.tr("Sign and send it"),
            ),
        ):
            return
        self.sent = True
        self._fill()
