"""The safety plan, one click from every screen: read it, change it together."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from twofold.services.session import Session
from twofold.ui import ops
from twofold.ui.widgets import error_label, heading, named, note


class SafetyPlanDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyPlanDialog")
        self.setWindowTitle("Safety plan")
        self.session = session
        plan = session.safety.plan()
        self.pause = named(QPlainTextEdit(plan.pause_rule), "pauseRule", "The pause rule")
        self.pause.setMaximumHeight(90)
        self.overwhelmed: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow("The pause rule", self.pause)
        for partner_id, label in session.partner_labels.items():
            field = named(
                QPlainTextEdit(plan.when_overwhelmed.get(partner_id, "")),
                f"overwhelmed{len(self.overwhelmed)}",
                f"What {label} does when overwhelmed",
            )
            field.setPlaceholderText(
                "e.g. I say “pause”, walk for 20 minutes, then text when I'm back"
            )
            field.setMaximumHeight(70)
            self.overwhelmed[partner_id] = field
            form.addRow(f"When {label} is overwhelmed", field)
        self.call = named(QPlainTextEdit(plan.who_to_call), "whoToCall", "Who to call")
        self.call.setMaximumHeight(60)
        self.call.setPlaceholderText("A friend, your therapist, a crisis line")
        form.addRow("Who to call", self.call)
        self.message = error_label("safetyMessage", "Problem")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveSafetyPlan")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Safety plan", 2))
        layout.addWidget(
            note(
                "What you both agreed to do when a conversation becomes too much. "
                "Saving it signs a new version into the shared ledger."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _save(self) -> None:
        safety = self.session.safety
        saved = ops.run_inline(
            self,
            self.message,
            lambda: safety.update(
                self.pause.toPlainText(),
                {pid: field.toPlainText() for pid, field in self.overwhelmed.items()},
                self.call.toPlainText(),
            ),
            action="safety.update",
            changed=("timeline", "practice"),
        )
        if saved:
            self.accept()
