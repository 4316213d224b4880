"""After a setback: the wins and kept commitments of the last weeks, so one bad day is
seen beside what was built ("remind yourselves of the improvements you have already
achieved")."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from twofold.services.progress import Improvements
from twofold.ui.widgets import heading, named, note


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImprovementsDialog", text)


def improvements_html(found: Improvements) -> str:
    e = html.escape
    parts = []
    if found.kept:
        parts.append(f"<h3>{e(_tr('Kept in the last {n} weeks').format(n=found.weeks))}</h3><ul>")
        for title, kept, decided in found.kept:
            parts.append(f"<li>{e(title)} — {kept} of {decided}</li>")
        parts.append("</ul>")
    if found.wins:
        parts.append(f"<h3>{e(_tr('Wins'))}</h3><ul>")
        for day, text in found.wins:
            parts.append(f"<li>{day:%d %b}: {e(text)}</li>")
        parts.append("</ul>")
    return "".join(parts)


class ImprovementsDialog(QDialog):
    def __init__(self, found: Improvements, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("improvementsDialog")
        self.setWindowTitle(self.tr("What you have built"))
        self.view = named(QTextBrowser(), "improvementsText", self.tr("Wins and kept commitments"))
        self.view.setHtml(improvements_html(found))
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
