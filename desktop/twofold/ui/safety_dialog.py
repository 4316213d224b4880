"""The safety plan, one click from every screen: read it, change it together."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from twofold.services.safety import readable_plans
from twofold.services.session import Session
from twofold.ui import ops
from twofold.ui.widgets import error_label, heading, named, note

READABLE_WARNING = str(  # marked for lupdate, translated where shown
    QT_TRANSLATE_NOOP(
        "SafetyPlanDialog",
        "Off by default. With it on, a plain-text copy of this plan (the pause rule, who to "
        "call and what each of you wrote for when you are overwhelmed) stays in the vault "
        "folder, readable from the locked screen with F1, and by anyone who can open this "
        "computer's files. Your journal and the rest of the ledger stay encrypted.",
    )
)

CRISIS_TEXT = str(  # marked for lupdate, translated where shown
    QT_TRANSLATE_NOOP(
        "LockedSafetyPlanDialog",
        "If you or someone else is in danger, call your local emergency number now.\n\n"
        "If a conversation has become too much: say “pause”, stop without a last word, and "
        "step away. Come back to it within a day, when you are both calm.",
    )
)


class LockedSafetyPlanDialog(QDialog):
    """F1 while locked or during setup: the plans partners chose to keep readable
    without unlocking (none by default), and what to do right now."""

    def __init__(self, folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockedSafetyPlanDialog")
        self.setWindowTitle(self.tr("Safety plan"))
        plans = readable_plans(folder) if folder is not None else []
        self.text = QPlainTextEdit()
        self.text.setObjectName("readableSafetyPlan")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Your safety plan"))
        if plans:
            self.text.setPlainText(plans[0])
            intro = self.tr("The copy of your plan kept readable without unlocking:")
        elif folder is not None:
            intro = self.tr(
                "Your safety plan is inside the encrypted vault. To read it here without "
                "unlocking next time, open it after unlocking and tick “Keep a copy "
                "readable without unlocking”."
            )
            self.text.hide()
        else:
            intro = self.tr(
                "Once you have set up Twofold you can write your safety plan together "
                "(F1 from any screen)."
            )
            self.text.hide()
        self.intro = note(intro)
        self.intro.setObjectName("safetyIntro")
        self.crisis = note(QCoreApplication.translate("LockedSafetyPlanDialog", CRISIS_TEXT))
        self.crisis.setObjectName("crisisText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Safety plan"), 2))
        layout.addWidget(self.crisis)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


class SafetyPlanDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyPlanDialog")
        self.setWindowTitle(self.tr("Safety plan"))
        self.session = session
        plan = session.safety.plan()
        self.pause = named(QPlainTextEdit(plan.pause_rule), "pauseRule", self.tr("The pause rule"))
        self.pause.setMaximumHeight(90)
        self.overwhelmed: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("The pause rule"), self.pause)
        for partner_id, label in session.partner_labels.items():
            field = named(
                QPlainTextEdit(plan.when_overwhelmed.get(partner_id, "")),
                f"overwhelmed{len(self.overwhelmed)}",
                self.tr("What {label} does when overwhelmed").format(label=label),
            )
            field.setPlaceholderText(
                self.tr("e.g. I say “pause”, walk for 20 minutes, then text when I'm back")
            )
            field.setMaximumHeight(70)
            self.overwhelmed[partner_id] = field
            form.addRow(self.tr("When {label} is overwhelmed").format(label=label), field)
        self.call = named(QPlainTextEdit(plan.who_to_call), "whoToCall", self.tr("Who to call"))
        self.call.setMaximumHeight(60)
        self.call.setPlaceholderText(self.tr("A friend, your therapist, a crisis line"))
        form.addRow(self.tr("Who to call"), self.call)
        self.readable = QCheckBox(self.tr("Keep a copy readable without unlocking"))
        self.readable.setObjectName("keepReadableCopy")
        self.readable.setChecked(session.safety.keeps_readable_copy)
        warning = QCoreApplication.translate("SafetyPlanDialog", READABLE_WARNING)
        self.readable.setAccessibleDescription(warning)
        readable_note = note(warning)
        self.message = error_label("safetyMessage", self.tr("Problem"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveSafetyPlan")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Safety plan"), 2))
        layout.addWidget(
            note(
                self.tr(
                    "What you both agreed to do when a conversation becomes too much. "
                    "Saving it signs a new version into the shared ledger."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.readable)
        layout.addWidget(readable_note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        for field in self.findChildren(QPlainTextEdit):
            field.setTabChangesFocus(True)  # Tab moves on; it never types into the plan

    def _save(self) -> None:
        safety = self.session.safety
        keep = self.readable.isChecked()

        def save() -> None:
            safety.update(
                self.pause.toPlainText(),
                {pid: field.toPlainText() for pid, field in self.overwhelmed.items()},
                self.call.toPlainText(),
            )
            safety.keep_readable_copy(keep)

        saved = ops.run_inline(
            self, self.message, save, action="safety.update", changed=[ops.TIMELINE, ops.PRACTICE]
        )
        if saved:
            self.accept()
