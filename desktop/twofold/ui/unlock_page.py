"""Unlock: "I am NAME" or "Shared session"; the KDF runs in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.errors import WrongPassphrase
from twofold.services.locked import is_open_elsewhere, partner_choices
from twofold.ui.basics import heading, named, note
from twofold.ui.passphrase_fields import secret_field

# The session (the ledger, journal and practice modules) is imported when someone
# unlocks, not to paint this screen: see ``services.locked``.
if TYPE_CHECKING:
    from twofold.services.session import Session

SHARED = "__shared__"
CARD_WIDTH, CARD_MARGIN = 460, 28
MAX_DELAY = 30


def delay_after(failures: int) -> int:
    """No wait for the first two tries, then 1, 2, 4 … seconds, at most 30."""
    return 0 if failures < 2 else min(2 ** (failures - 2), MAX_DELAY)


class UnlockPage(QWidget):
    unlocking = Signal()  # the KDF started: the GUI thread is free for a while
    first_painted = Signal()  # once, after the screen's first paint (the window warms up)
    unlocked = Signal(object)  # a Session
    forgot = Signal(str)  # partner label
    safety = Signal()  # the safety plan, readable without unlocking (F1)

    def __init__(self) -> None:
        super().__init__()
        self.folder: Path | None = None
        self._painted = False
        self.failures = 0
        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        card = QFrame()
        card.setObjectName("card")
        # One width whatever is shown (a narrower card wrapped its notes into a taller
        # card and grew the window); wider with a larger font (144 DPI).
        self.card = card
        card.setFixedWidth(self._card_width())
        self.who_group = QButtonGroup(self)
        self.who_group.setExclusive(True)
        self.who_box = QVBoxLayout()
        self.passphrase = secret_field(
            "unlockPassphrase", self.tr("Passphrase"), self.tr("Your passphrase")
        )
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button = named(QPushButton(self.tr("Unlock")), "primary", self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.progress = named(QProgressBar(), "unlockProgress", self.tr("Unlocking"))
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        self.message = named(QLabel(), "unlockMessage", self.tr("Unlock message"))
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.forgot_button = named(
            QPushButton(self.tr("Forgot your passphrase?")),
            "forgotButton",
            self.tr("Forgot your passphrase"),
        )
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(self._forgot)
        self.safety_button = named(
            QPushButton(self.tr("Safety plan (F1)")),
            "lockedSafetyButton",
            self.tr("Safety plan, without unlocking (F1)"),
        )
        self.safety_button.setFlat(True)
        self.safety_button.clicked.connect(self.safety.emit)
        self.hint = note("")
        self.hint.setObjectName("demoHint")
        self.hint.hide()
        self.explain = note("")

        inner = QVBoxLayout(card)
        self._card_layout = inner
        inner.setContentsMargins(CARD_MARGIN, 24, CARD_MARGIN, 24)
        inner.setSpacing(10)
        inner.addWidget(heading("Twofold"))
        inner.addWidget(note(self.tr("Who is here?")))
        inner.addLayout(self.who_box)
        inner.addWidget(self.explain)
        inner.addSpacing(6)
        inner.addWidget(self.passphrase)
        inner.addWidget(self.progress)
        inner.addWidget(self.message)
        # Unlock on its own row, the two quiet ways out below it: three buttons in one
        # row of the card cut "Forgot your passphrase?" at 144 DPI and in German.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        aside = QHBoxLayout()
        aside.addWidget(self.forgot_button)
        aside.addStretch(1)
        aside.addWidget(self.safety_button)
        inner.addLayout(aside)
        inner.addWidget(self.hint)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    # --- setup -------------------------------------------------------------------

    def show_vault(self, folder: Path, hint: str = "") -> None:
        self.folder = folder
        for button in self.who_group.buttons():
            self.who_group.removeButton(button)
            self.who_box.removeWidget(button)
            button.hide()  # gone from the card now, not only once Qt deletes it
            button.deleteLater()
        try:
            choices = partner_choices(folder)
        except Exception as exc:  # damaged key slots: say so, offer nothing to type into
            from twofold.ui.widgets import error_text

            self._set_enabled(False)
            self.message.setText(error_text(exc))
            return
        same = any(who != label for who, label in choices)
        for index, (who, label) in enumerate(choices):
            text = self.tr("I am {label}").format(label=label)
            if same:  # two buttons a screen reader would read alike otherwise
                text = self.tr("{choice} (slot {number})").format(choice=text, number=index + 1)
            self._add_choice(text, who, f"unlockAs{index}", label)
        self._add_choice(self.tr("Shared session (together)"), SHARED, "unlockShared")
        self.who_group.buttons()[0].setChecked(True)
        # Laid out with its choices now, not when the event loop next runs: the
        # window can be shown and clicked before that (the stack used to do it when it
        # switched here from the busy page, which is now made only when needed).
        self._card_layout.activate()
        self._fit_choices()
        self._choice_changed()
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.passphrase.clear()
        self.message.clear()
        if same:
            self.hint.setText(
                self.tr(
                    "Both of you are called “{label}” here: keyslots.json was edited "
                    "outside Twofold. Each button still opens a different partner's "
                    "journal; once unlocked, Twofold shows the names the ledger signed."
                ).format(label=choices[0][1])
            )
            self.hint.show()
        if is_open_elsewhere(folder):
            self._set_enabled(False)
            self.message.setText(
                self.tr(
                    "This vault is already open in another Twofold window. "
                    "Switch to that window, or close it and restart Twofold."
                )
            )
        else:
            self._set_enabled(True)
            self.passphrase.setFocus()

    def _add_choice(self, text: str, value: str, object_name: str, label: str = "") -> None:
        # No tooltip unless cut (_fit_choices): a screen reader reads a tooltip as the
        # description, and said every choice twice ("I am Sam, check box, I am Sam").
        button = named(QPushButton(text), object_name, text)
        button.setProperty("fullText", text)  # cut to the card's width in _fit_choices
        button.setObjectName("partnerButton")
        button.setProperty("who", value)
        button.setProperty("label", label or value)
        button.setCheckable(True)
        button.setAccessibleName(text)
        button.toggled.connect(self._choice_changed)
        self.who_group.addButton(button)
        self.who_box.addWidget(button)
        button.setProperty("testName", object_name)

    def _fit_choices(self) -> None:
        """A long name (up to 60 characters) is cut with "…" to the card's width, not
        clipped silently; the whole name stays in the tooltip and the accessible name.
        Measured once styled (the style sheet's padding and font count)."""
        for button in self.who_group.buttons():
            full = str(button.property("fullText") or button.text())
            button.setText(full)
            button.setToolTip("")
            button.ensurePolished()
            chrome = button.sizeHint().width() - button.fontMetrics().horizontalAdvance(full)
            room = self._card_width() - 2 * CARD_MARGIN - chrome
            metrics = button.fontMetrics()
            if metrics.horizontalAdvance(full) > room:
                from PySide6.QtCore import Qt  # (not before the first paint: ui/basics.py)

                button.setText(metrics.elidedText(full, Qt.TextElideMode.ElideRight, room))
                button.setToolTip(full)  # whole where the button shows it cut

    def _card_width(self) -> int:
        return max(CARD_WIDTH, self.fontMetrics().averageCharWidth() * 66)

    def showEvent(self, event: QShowEvent) -> None:
        self.card.setFixedWidth(self._card_width())
        self._fit_choices()
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)  # after this paint pass

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_choices()

    def choice(self, value: str) -> QPushButton:
        for button in self.who_group.buttons():
            if button.property("who") == value or button.property("testName") == value:
                return button  # type: ignore[return-value]
        raise KeyError(value)

    def _who(self) -> str:
        checked = self.who_group.checkedButton()
        return str(checked.property("who")) if checked else SHARED

    def _choice_changed(self) -> None:
        who = self._who()
        checked = self.who_group.checkedButton()
        label = str(checked.property("label")) if checked else who
        if who == SHARED:
            self.explain.setText(
                self.tr(
                    "Either of you types their passphrase. Only the shared ledger opens; "
                    "both private journals stay locked."
                )
            )
            self.forgot_button.hide()
        else:
            self.explain.setText(
                self.tr("Opens {who}'s private journal and the shared ledger.").format(who=label)
            )
            self.forgot_button.show()
        self.passphrase.setFocus()

    # --- unlocking ---------------------------------------------------------------

    def try_unlock(self) -> None:
        if self.folder is None or not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText(self.tr("Type your passphrase first."))
            return
        who, folder = self._who(), self.folder
        # Imported here, on the GUI thread (normally long done: see ``warm_up``), not in
        # the worker, which would import it beside the pages being built.
        from twofold.services.session import unlock, unlock_session
        from twofold.ui.worker import run_in_background

        self._set_busy(True)
        self.message.clear()

        def work() -> Session:
            if who == SHARED:
                return unlock_session(folder, passphrase)
            return unlock(folder, who, passphrase)

        run_in_background(work, self._unlocked, self._failed)
        self.unlocking.emit()

    def _unlocked(self, session: Session) -> None:
        self.failures = 0
        self._set_busy(False)
        self.passphrase.clear()
        self.message.clear()
        self.unlocked.emit(session)

    def _failed(self, exc: BaseException) -> None:
        from twofold.ui.widgets import error_text

        self._set_busy(False)
        self.message.setText(error_text(exc))
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(exc, WrongPassphrase):
            self.failures += 1
            wait = delay_after(self.failures)
            if wait:
                self._wait_left = wait
                self._set_enabled(False)
                self._tick_text()
                self._countdown.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self._set_enabled(True)
            self.unlock_button.setText(self.tr("Unlock"))
            self.passphrase.setFocus()
        else:
            self._tick_text()

    def _tick_text(self) -> None:
        self.unlock_button.setText(self.tr("Wait {wait_left} s").format(wait_left=self._wait_left))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self._set_enabled(not busy)

    def _set_enabled(self, enabled: bool) -> None:
        self.unlock_button.setEnabled(enabled)
        self.passphrase.setEnabled(enabled)
        for button in self.who_group.buttons():
            button.setEnabled(enabled)

    def _forgot(self) -> None:
        who = self._who()
        if who != SHARED:
            self.forgot.emit(who)

    def reset_view(self) -> None:
        self.passphrase.clear()
        self.message.clear()
        from PySide6.QtCore import Qt

        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
