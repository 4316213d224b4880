"""The I-statement helper beside any field whose words the partner will read (the
journal editor, the outbox's shared version, check-in answers, appreciations,
setback notes, session notes): it notices a blaming "you" phrase a moment after
typing stops and offers the "I felt … when … because …" form. A suggestion, never
a block; dismissing it keeps that sentence unflagged until the field is reset."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
)

from twofold.domain.istatement import Suggestion, suggestions

DELAY_MS = 700  # after typing stops


class IStatementHelper(QFrame):
    def __init__(
        self, field: QPlainTextEdit | QTextEdit | QLineEdit, name: str = "istatement"
    ) -> None:
        super().__init__()
        self.field = field
        self.setObjectName("hintBanner")
        self._dismissed: set[str] = set()
        self.suggestion: Suggestion | None = None
        self.hint = QLabel()
        self.hint.setObjectName(f"{name}Hint")
        self.hint.setWordWrap(True)
        self.use = QPushButton(self.tr("Add an I-statement"))
        self.use.setObjectName(f"{name}Use")
        self.use.setAccessibleName(self.tr("Add an I-statement"))
        self.dismiss = QPushButton(self.tr("Dismiss"))
        self.dismiss.setObjectName(f"{name}Dismiss")
        self.dismiss.setAccessibleName(self.tr("Dismiss the suggestion"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.use)
        layout.addWidget(self.dismiss)
        self.hide()
        self.use.clicked.connect(self._use)
        self.dismiss.clicked.connect(self._dismiss)
        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self.timer.timeout.connect(self.check)
        field.textChanged.connect(lambda *_: self.timer.start())

    def reset(self) -> None:
        """A new text in the field (another entry, a cleared form, a lock)."""
        self.timer.stop()
        self._dismissed.clear()
        self.suggestion = None
        self.hide()

    def check(self) -> None:
        found = suggestions(self._text(), frozenset(self._dismissed))
        self.suggestion = found[0] if found else None
        if self.suggestion is None:
            self.hide()
            return
        self.hint.setText(
            self.tr(
                "You wrote {noticed}. Your partner may hear it more easily as an "
                "I-statement: “{template}”"
            ).format(noticed=self.suggestion.noticed, template=self.template())
        )
        self.show()

    def _use(self) -> None:
        suggestion = self.suggestion
        if suggestion is None:
            return
        text = self._text()
        rewrite = self.template()  # in the window's language
        end = max(text.find(suggestion.sentence) + len(suggestion.sentence), 0)
        self._dismissed.add(suggestion.sentence)
        if isinstance(self.field, QLineEdit):  # one line: the rewrite follows on it
            self.field.setText(f"{text[:end]} {rewrite}{text[end:]}")
            self.field.setCursorPosition(end + 1 + len(rewrite))
        else:
            cursor = QTextCursor(self.field.document())
            cursor.setPosition(end)
            cursor.insertText(f"\n{rewrite}")
            self.field.setTextCursor(cursor)
        self.field.setFocus()
        self.check()

    def template(self) -> str:
        return self.tr("I felt … when … because …")

    def _text(self) -> str:
        return self.field.text() if isinstance(self.field, QLineEdit) else self.field.toPlainText()

    def _dismiss(self) -> None:
        if self.suggestion is not None:
            self._dismissed.add(self.suggestion.sentence)
        self.check()
        self.field.setFocus()
