"""After a setback: the wins and kept commitments of the last weeks, so one bad day is
seen beside what was built ("remind yourselves of the improvements you have already
achieved")."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.services.progress import Improvements
from twofold.ui import i18n
from twofold.ui.labels import label
from twofold.ui.widgets import heading, named, note


def improvements_html(found: Improvements, kept_heading: str) -> str:
    e = html.escape
    parts = []
    if found.kept:
        parts.append("<h3>" + e(kept_heading) + "</h3><ul>")
        for title, kept, decided in found.kept:
            parts.append(
                QCoreApplication.translate(
                    "look_back", "<li>{title} — {kept} of {decided}</li>"
                ).format(title=e(title), kept=kept, decided=decided)
            )
        parts.append("</ul>")
    if found.wins:
        parts.append(
            "<h3>" + e(QCoreApplication.translate("ImprovementsDialog", "Wins")) + "</h3><ul>"
        )
        for day, text in found.wins:
            parts.append(f"<li>{i18n.date_text(day, '%d %b')}: {e(text)}</li>")
        parts.append("</ul>")
    return "".join(parts)


class ImprovementsDialog(QDialog):
    def __init__(self, found: Improvements, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("improvementsDialog")
        self.setWindowTitle(self.tr("What you have built"))
        self.view = named(QTextBrowser(), "improvementsText", self.tr("Wins and kept commitments"))
        self.view.setHtml(
            improvements_html(found, self.tr("Kept in the last %n weeks", None, found.weeks))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("One setback, beside what you have built"), 2))
        layout.addWidget(
            note(
                self.tr(
                    "The setback is logged. Before you repair it, remember the improvements "
                    "you have already achieved together:"
                )
            )
        )
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)


class OnThisDayBanner(QFrame):
    """On this day, on the shared timeline: what happened a month, three months and a
    year ago; a button per look-back shows its newest item.

    Signals: chosen(event id)
    """

    chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("hintBanner")
        self.text = named(QLabel(), "timelineLookBackText", self.tr("On this day"))
        self.text.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.text, 1)
        self.hide()

    def show_found(self, found: list[tuple[str, object, list[object]]]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        found = [entry for entry in found if entry[2]]
        if not found:
            self.hide()
            return
        self.text.setText(self.tr("On this day, together"))
        for when, day, items in found:
            event_id = str(getattr(items[0], "event_id", ""))
            button = named(
                QPushButton(f"{label(when)} ({len(items)})"),
                f"timelineLookBack{len(self.buttons)}",
                self.tr("Show what happened {when}").format(when=label(when.lower())),
            )
            if isinstance(day, date):
                button.setToolTip(i18n.date_text(day, "%d %b %Y"))
            button.clicked.connect(lambda _=False, e=event_id: self.chosen.emit(e))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.show()
