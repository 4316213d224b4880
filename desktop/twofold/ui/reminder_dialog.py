"""Choose when Twofold reminds you, whether it stays in the tray, and whether it
starts at login. Only kinds and times are stored, unencrypted (issue 16)."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.progress import WEEKDAY_NAMES
from twofold.domain.reminders import Schedule
from twofold.services import autostart
from twofold.ui.labels import label
from twofold.ui.reminders import KEEP_IN_TRAY_KEY, keep_in_tray, load_schedule, save_schedule
from twofold.ui.widgets import named, note


def _time_edit(name: str, accessible: str, value: time | None, fallback: time) -> QTimeEdit:
    edit = named(QTimeEdit(), name, accessible)
    at = value or fallback
    edit.setTime(QTime(at.hour, at.minute))
    edit.setDisplayFormat(QCoreApplication.translate("reminder_dialog", "HH:mm"))
    return edit


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


def _py(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


class ReminderDialog(QDialog):
    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        autostart_home: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderDialog")
        self.setWindowTitle(self.tr("Reminders"))
        self.settings = settings
        self._autostart_home = autostart_home
        s = load_schedule(settings)
        self.daily_on = named(QCheckBox(self.tr("Daily check-in")), "remindDaily", "")
        self.daily_on.setChecked(s.daily_checkin is not None)
        self.daily_at = _time_edit(
            "remindDailyAt", self.tr("Daily check-in time"), s.daily_checkin, time(20)
        )
        self.weekly_on = named(QCheckBox(self.tr("Weekly review")), "remindWeekly", "")
        self.weekly_on.setChecked(s.weekly_review is not None)
        self.weekly_day = named(QComboBox(), "remindWeeklyDay", self.tr("Weekly review day"))
        for number, name in enumerate(WEEKDAY_NAMES):
            self.weekly_day.addItem(label(name), number)
        self.weekly_day.setCurrentIndex(s.weekly_review[0] if s.weekly_review else 6)
        self.weekly_at = _time_edit(
            "remindWeeklyAt",
            self.tr("Weekly review time"),
            s.weekly_review[1] if s.weekly_review else None,
            time(18),
        )
        self.monthly_on = named(QCheckBox(self.tr("Monthly review")), "remindMonthly", "")
        self.monthly_on.setChecked(s.monthly_review is not None)
        self.monthly_day = named(
            QSpinBox(), "remindMonthlyDay", self.tr("Monthly review day of the month")
        )
        self.monthly_day.setRange(1, 28)
        self.monthly_day.setValue(s.monthly_review[0] if s.monthly_review else 1)
        self.monthly_at = _time_edit(
            "remindMonthlyAt",
            self.tr("Monthly review time"),
            s.monthly_review[1] if s.monthly_review else None,
            time(18),
        )
        self.check_on = named(QCheckBox(self.tr("Commitments to check off")), "remindCheckOff", "")
        self.check_on.setChecked(s.check_off is not None)
        self.check_at = _time_edit(
            "remindCheckOffAt", self.tr("Check-off time"), s.check_off, time(21)
        )
        self.agreement_weeks = named(
            QSpinBox(), "remindAgreementWeeks", self.tr("Revisit the agreement every so many weeks")
        )
        self.agreement_weeks.setRange(0, 52)
        self.agreement_weeks.setSpecialValueText(self.tr("never"))
        self.agreement_weeks.setSuffix(self.tr(" weeks"))
        self.agreement_weeks.setValue(s.agreement_every_weeks)
        self.keep = named(
            QCheckBox(
                self.tr(
                    "Keep Twofold in the tray when the window is closed (locked), so reminders arrive"
                )
            ),
            "keepInTray",
            "",
        )
        self.keep.setChecked(keep_in_tray(settings))
        self.login = named(
            QCheckBox(self.tr("Start Twofold in the tray when I log in")), "startAtLogin", ""
        )
        self.login.setChecked(autostart.is_enabled(self._home()))
        if not sys.platform.startswith("linux"):
            self.login.setEnabled(False)
            self.login.setToolTip(self.tr("The installer sets this up on Windows and macOS."))
        form = QFormLayout()
        form.addRow(self.daily_on, _row(self.daily_at))
        form.addRow(self.weekly_on, _row(self.weekly_day, self.weekly_at))
        form.addRow(self.monthly_on, _row(self.monthly_day, self.monthly_at))
        form.addRow(self.check_on, _row(self.check_at))
        form.addRow(self.tr("Revisit the agreement every"), _row(self.agreement_weeks))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "Reminders arrive even while Twofold is locked. They never show anything "
                    "you wrote: only “Time for your daily check-in” and the like. To do that, "
                    "the kinds and times below are stored on this computer unencrypted — "
                    "nothing else."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.keep)
        layout.addWidget(self.login)
        layout.addWidget(buttons)

    def _home(self) -> Path | None:
        return self._autostart_home

    def schedule(self) -> Schedule:
        current = load_schedule(self.settings)
        weeks = self.agreement_weeks.value()
        return replace(
            current,
            daily_checkin=_py(self.daily_at) if self.daily_on.isChecked() else None,
            weekly_review=(int(self.weekly_day.currentData()), _py(self.weekly_at))
            if self.weekly_on.isChecked()
            else None,
            monthly_review=(self.monthly_day.value(), _py(self.monthly_at))
            if self.monthly_on.isChecked()
            else None,
            check_off=_py(self.check_at) if self.check_on.isChecked() else None,
            agreement_every_weeks=weeks,
            agreement_from=(
                current.agreement_from
                if weeks and weeks == current.agreement_every_weeks and current.agreement_from
                else (date.today() if weeks else None)
            ),
        )

    def accept(self) -> None:
        save_schedule(self.settings, self.schedule())
        self.settings.setValue(KEEP_IN_TRAY_KEY, "true" if self.keep.isChecked() else "false")
        if self.login.isEnabled():
            autostart.set_enabled(self.login.isChecked(), self._home())
        super().accept()
