"""A passphrase field with a show toggle, a confirmation field and a strength meter
with concrete feedback (the estimate itself lives in services)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QToolButton, QVBoxLayout, QWidget

from twofold.resources import resource
from twofold.ui.basics import STRONG_FOCUS, named, set_by_value


def _lowered(accessible: str) -> str:
    """The field's name in the middle of a sentence: "Show your passphrase"; but a
    partner's name keeps its capital ("Show Sam's passphrase", not "Show sam's
    passphrase", which a screen reader read out before)."""
    first = accessible.split(" ", 1)[0]
    if first.endswith(("'s", "\u2019s", "'", "\u2019")):
        return accessible
    return accessible[:1].lower() + accessible[1:]


def secret_field(object_name: str, accessible: str, placeholder: str) -> QLineEdit:
    field = named(QLineEdit(), object_name, accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    show = QAction(
        QIcon(str(resource("icons", "eye.svg"))),
        QCoreApplication.translate("passphrase_fields", "Show"),
        field,
    )
    show.setCheckable(True)
    show.setToolTip(QCoreApplication.translate("passphrase_fields", "Show or hide what you typed"))
    show.toggled.connect(
        lambda on: field.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        )
    )
    field.addAction(show, QLineEdit.ActionPosition.TrailingPosition)
    # The eye is a button a keyboard reaches too (Tab, then Space), named for what it does.
    for button in field.findChildren(QToolButton):
        if show in button.actions() or button.defaultAction() is show:
            set_by_value(button, "focusPolicy", STRONG_FOCUS)
            button.setObjectName(f"{object_name}Show")
            button.setAccessibleName(
                # {name} keeps the capitals a German noun needs
                QCoreApplication.translate("passphrase_fields", "Show {lower}").format(
                    lower=_lowered(accessible), name=accessible
                )
            )
    return field


class NewPassphrase(QWidget):
    """Passphrase + confirmation + meter. ``changed`` fires on every keystroke."""

    changed = Signal()

    def __init__(self, prefix: str, names: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.names = names
        self.passphrase = secret_field(
            f"{prefix}Passphrase",
            self.tr("Passphrase"),
            self.tr("Four or five unrelated words work well"),
        )
        self.confirm = secret_field(
            f"{prefix}Confirm", self.tr("Confirm passphrase"), self.tr("Type it again")
        )
        self.meter = named(QProgressBar(), f"{prefix}Strength", self.tr("Passphrase strength"))
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(True)
        self.meter.setFormat("")
        # Empty, a meter reads as one more text field: it appears with the first
        # letter, in space kept for it (nothing below moves).
        kept = self.meter.sizePolicy()
        kept.setRetainSizeWhenHidden(True)
        self.meter.setSizePolicy(kept)
        self.feedback = named(QLabel(), f"{prefix}Feedback", self.tr("Passphrase advice"))
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("note")
        self.mismatch = named(QLabel(), f"{prefix}Mismatch", self.tr("Confirmation problem"))
        self.mismatch.setObjectName("errorLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Passphrase")))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.meter)
        layout.addWidget(self.feedback)
        layout.addWidget(QLabel(self.tr("Confirm passphrase")))
        layout.addWidget(self.confirm)
        layout.addWidget(self.mismatch)
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        # The strength check (its word list, the labels) comes with the first new
        # passphrase, not with the unlock screen, which only has a ``secret_field``.
        from twofold.services.content import passphrase_strength
        from twofold.ui.labels import advice, label

        strength = passphrase_strength(self.passphrase.text(), self.names)
        self.meter.setValue(strength.score)
        self.meter.setFormat(label(strength.label) if self.passphrase.text() else "")
        self.meter.setVisible(bool(self.passphrase.text()))
        # A screen reader hears the word, not "2 of 4".
        self.meter.setAccessibleName(
            self.tr("Passphrase strength: {strength}").format(strength=label(strength.label))
            if self.passphrase.text()
            else self.tr("Passphrase strength")
        )
        self.feedback.setText("\n".join(advice(line) for line in strength.feedback))
        typed = self.confirm.text()
        self.mismatch.setText(
            self.tr("The two passphrases differ.")
            if typed and typed != self.passphrase.text()
            else ""
        )
        self.changed.emit()

    @property
    def acceptable(self) -> bool:
        text = self.passphrase.text()
        from twofold.services.content import passphrase_strength

        return passphrase_strength(text, self.names).acceptable and text == self.confirm.text()

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()
