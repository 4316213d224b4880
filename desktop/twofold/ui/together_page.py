"""Together: the couple's chosen values, appreciations, and the story either can add to."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.services.together import clean_values
from twofold.ui import i18n, ops
from twofold.ui.istatement import IStatementHelper
from twofold.ui.review import review_signed, reviewer
from twofold.ui.widgets import (
    FormDialog,
    LazyPage,
    ask_text,
    follow_text_direction,
    heading,
    named,
    note,
)


class ChapterDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            "chapterDialog",
            self.tr("Add a chapter to our story"),
            self.tr("Review…"),
            failure_title=self.tr("Not added"),
        )
        self.title = named(QLineEdit(), "chapterTitle", self.tr("Chapter title"))
        self.text = named(QPlainTextEdit(), "chapterText", self.tr("The chapter"))
        self.text.setTabChangesFocus(True)
        follow_text_direction(self.text)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Chapter"), self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(self.tr("Either of you can add a chapter: a moment that mattered, told your way."))
        )
        layout.addLayout(form)
        layout.addWidget(IStatementHelper(self.text, "chapterIstatement"))
        self.finish_layout(layout)
        self.resize(560, 420)


class TogetherPage(LazyPage):
    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.values = named(QLabel(), "valuesLabel", self.tr("Our values"))
        self.values.setObjectName("heading3")
        self.values.setWordWrap(True)
        self.edit_values = named(
            QPushButton(self.tr("Choose our values…")), "editValues", self.tr("Choose our values")
        )
        self.appreciate = named(
            QPushButton(self.tr("Appreciate…")), "appreciate", self.tr("Write an appreciation")
        )
        self.add_chapter = named(
            QPushButton(self.tr("Add a chapter…")),
            "addChapter",
            self.tr("Add a chapter to our story"),
        )
        self.withdraw = named(
            QPushButton(self.tr("Withdraw…")),
            "withdrawTogether",
            self.tr("Withdraw an appreciation or chapter you wrote"),
        )
        self.withdraw.setToolTip(
            self.tr(
                "Its words are removed for both of you; a signed note that you withdrew it stays"
            )
        )
        self.withdraw.clicked.connect(self._withdraw)
        self.appreciations = named(QTextBrowser(), "appreciationList", self.tr("Appreciations"))
        self.story = named(QTextBrowser(), "storyText", self.tr("Our story"))
        self.edit_values.clicked.connect(self._edit_values)
        self.appreciate.clicked.connect(self._appreciate)
        self.add_chapter.clicked.connect(self._add_chapter)
        values_row = QHBoxLayout()
        values_row.addWidget(self.values, 1)
        values_row.addWidget(self.edit_values)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(heading(self.tr("Appreciations"), 3))
        head.addStretch(1)
        head.addWidget(self.appreciate)
        head.addWidget(self.withdraw)
        left.addLayout(head)
        left.addWidget(self.appreciations, 1)
        right = QVBoxLayout()
        head2 = QHBoxLayout()
        head2.addWidget(heading(self.tr("Our story"), 3))
        head2.addStretch(1)
        head2.addWidget(self.add_chapter)
        right.addLayout(head2)
        right.addWidget(self.story, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Together"), 2))
        layout.addLayout(values_row)
        layout.addLayout(columns, 1)

    def reload(self) -> None:
        self._stale = False
        if self.session is None:
            self.values.clear()
            self.appreciations.clear()
            self.story.clear()
            return
        together = self.session.together
        labels = self.session.partner_labels
        self.withdraw.setEnabled(bool(self.mine()))
        chosen = together.values()
        self.values.setText(
            self.tr("Our values: {values}").format(values=" · ".join(chosen))
            if chosen
            else self.tr("Choose the few values you want to live by together.")
        )
        e = html.escape
        self.appreciations.setHtml(
            "".join(
                f"<p>{e(text)}<br><small>{e(labels.get(author, '?'))}, {i18n.date_text(when.astimezone(), '%d %b %Y')}</small></p>"
                for author, text, when in together.appreciations()
            )
            or self.tr("<p><i>Nothing yet. What did your partner do that you noticed?</i></p>")
        )
        self.story.setHtml(
            "".join(
                f"<h4>{e(title)}</h4><p>{e(text).replace(chr(10), '<br>')}</p>"
                f"<p><small>{e(labels.get(author, '?'))}, {i18n.date_text(when.astimezone(), '%d %b %Y')}</small></p>"
                for author, title, text, when in together.story()
            )
            or self.tr(
                "<p><i>Your story starts with the first chapter either of you writes.</i></p>"
            )
        )

    def mine(self) -> list[tuple[str, str]]:
        """(label, event id) of what this partner wrote here and can withdraw."""
        if self.session is None:
            return []
        me = self.session.partner_id
        together = self.session.together
        # a long one is cut with "…" at about 60 characters' width, never mid-word
        # without a sign (the choice list showed text[:60])
        metrics = self.fontMetrics()
        room = metrics.averageCharWidth() * 60

        def cut(text: str) -> str:
            return metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, room)

        out = [
            (self.tr("Appreciation: {text}").format(text=cut(text)), event_id)
            for event_id, author, text, _ in together.appreciation_items()
            if author == me
        ]
        out += [
            (self.tr("Chapter: {title}").format(title=cut(title)), event_id)
            for event_id, author, title, _, _ in together.story_items()
            if author == me
        ]
        return out

    def _withdraw(self) -> None:
        mine = self.mine()
        if self.session is None or not mine:
            return
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Withdraw what you wrote"),
            self.tr(
                "Its words are removed from the shared ledger for both of you; a signed "
                "note that you withdrew something stays. Which one?"
            ),
            [label for label, _ in mine],
            0,
            False,
        )
        if not ok:
            return
        event_id = dict(mine)[choice]
        session = self.session
        self.act(self.tr("Not withdrawn"), lambda: session.together.withdraw(event_id))

    def _edit_values(self) -> None:
        if self.session is None:
            return
        session = self.session
        current = ", ".join(session.together.values())

        def review(parent: QWidget, text: str) -> bool:
            return review_signed(
                parent,
                session,
                self.tr("Our values"),
                [(self.tr("Our values"), " · ".join(clean_values(text.split(","))))],
                self.tr("Sign and save"),
            )

        ask_text(
            self,
            "valuesDialog",
            self.tr("Our values"),
            self.tr(
                "The few values you want to live by together, separated by commas. They "
                "show for both of you, as chosen by you."
            ),
            lambda text: session.together.set_values(text.split(",")),
            accept_text=self.tr("Review…"),
            changed=(ops.PRACTICE, ops.TIMELINE),
            text=current or self.tr("honesty, reliability, kindness, respect"),
            review=review,
        )

    def _appreciate(self) -> None:
        if self.session is None:
            return
        session = self.session
        ask_text(
            self,
            "appreciationDialog",
            self.tr("Appreciation"),
            self.tr("What did your partner do that you noticed and appreciate?"),
            session.together.appreciate,
            accept_text=self.tr("Review…"),
            changed=(ops.PRACTICE, ops.TIMELINE),
            multiline=True,
            helper=True,
            review=reviewer(
                session,
                self.tr("Your appreciation"),
                self.tr("Appreciation"),
                self.tr("Sign and add it"),
            ),
        )

    def _add_chapter(self) -> None:
        if self.session is None:
            return
        session = self.session
        dialog = ChapterDialog(self)
        dialog.action = lambda: session.together.add_chapter(
            dialog.title.text(), dialog.text.toPlainText()
        )
        dialog.review = lambda: review_signed(
            dialog,
            session,
            self.tr("A chapter of our story"),
            [(dialog.title.text(), dialog.text.toPlainText())],
            self.tr("Sign and add it"),
        )
        dialog.changed = (ops.PRACTICE, ops.TIMELINE)
        dialog.exec()
        dialog.deleteLater()
