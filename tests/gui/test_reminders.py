"""Reminders arrive while the vault is locked, with a fake clock; their text carries
nothing private; a click opens the unlock screen, then the reminder's page; a hard-day
check-off brings a "touch base" reminder later (issue 16)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.records import RecordKind
from twofold.domain.reminders import ReminderKind, Schedule
from twofold.services.session import unlock
from twofold.ui.main_window import AGREEMENT, CHECKINS, COMMITMENTS, MainWindow
from twofold.ui.reminder_dialog import ReminderDialog
from twofold.ui.reminders import load_schedule, save_schedule

LEFT = Qt.MouseButton.LeftButton
CANARIES = ("quokkareminder4471", "privatemarmaladenote", "Sam-secret-title")


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _private_words(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write(f"{CANARIES[0]} tonight", RecordKind.TRIGGER, [CANARIES[1]], ["x"])
    alex.commitments.make(  # her own: it counts (and takes check-offs) at once
        CANARIES[2], Cadence(CadenceKind.DAILY), owner=alex.partner_id, start=date.today()
    )
    alex.lock()


def test_a_reminder_fires_while_locked_and_says_nothing_private(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, settings: QSettings
) -> None:
    _private_words(vault_dir)
    save_schedule(settings, Schedule(daily_checkin=time(20, 0), agreement_every_weeks=0))
    window: MainWindow = make_window(vault_dir)
    clock = FakeClock(datetime(2026, 3, 18, 19, 58))
    window.reminder_clock.set_clock(clock)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.lock()  # as after the idle timeout or closing to the tray
    assert window.session is None
    shown: list[str] = []
    window.notified.connect(shown.append)
    clock.now += timedelta(minutes=1)
    assert window.reminder_clock.tick() == []
    clock.now += timedelta(minutes=2)  # 20:01
    assert window.reminder_clock.tick() == [ReminderKind.DAILY_CHECKIN]
    assert shown == ["Time for your daily check-in."]
    assert window.tray.last_message == ("Time for your daily check-in.", CHECKINS)
    assert window.status.text() == "Time for your daily check-in."
    for canary in CANARIES:
        assert canary.casefold() not in " ".join(shown).casefold()
    clock.now += timedelta(minutes=30)
    assert window.reminder_clock.tick() == []  # once
    # The schedule is readable without a key: it holds kinds and times, nothing written.
    settings.sync()
    plain = Path(settings.fileName()).read_text("utf-8")
    assert "20:00" in plain
    for canary in (*CANARIES, "Alex", "Sam"):
        assert canary not in plain
    # A click on the notification: the window, the unlock screen, then the check-ins.
    window.hide()
    window.tray.message_clicked()
    assert window.isVisible() and window.stack.currentWidget() is window.unlock_page
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.current_page() == CHECKINS


def test_hard_day_check_off_brings_a_touch_base_reminder(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, settings: QSettings
) -> None:
    _private_words(vault_dir)
    save_schedule(settings, Schedule(daily_checkin=None, weekly_review=None, monthly_review=None))
    window: MainWindow = make_window(vault_dir)
    clock = FakeClock(datetime.combine(date.today(), time(15, 0)))
    window.reminder_clock.set_clock(clock)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(COMMITMENTS)
    page = window.commitments
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.mouseClick(page.buttons[Outcome.KEPT_HARD_DAY], LEFT)
    assert load_schedule(settings).touch_base_at == clock.now + timedelta(hours=3)
    window.lock()
    clock.now += timedelta(hours=2)
    assert window.reminder_clock.tick() == []
    clock.now += timedelta(hours=1, minutes=1)
    assert window.reminder_clock.tick() == [ReminderKind.TOUCH_BASE]
    text, page_key = window.tray.last_message or ("", "")
    assert text == "A gentle nudge: time to touch base with each other."
    assert page_key == COMMITMENTS and CANARIES[2] not in text


def test_reminder_dialog_saves_times_tray_and_login(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, settings: QSettings, tmp_path: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    dialog = ReminderDialog(settings, window, autostart_home=tmp_path / "config")
    qtbot.addWidget(dialog)
    assert dialog.daily_on.isChecked() and dialog.keep.isChecked()  # on by default
    dialog.daily_at.setTime(dialog.daily_at.time().fromString("21:30", "HH:mm"))
    dialog.weekly_on.setChecked(False)
    dialog.check_on.setChecked(True)
    dialog.agreement_weeks.setValue(6)
    dialog.keep.setChecked(False)
    dialog.login.setChecked(True)
    dialog.accept()
    schedule = load_schedule(settings)
    assert schedule.daily_checkin == time(21, 30)
    assert schedule.weekly_review is None and schedule.check_off == time(21)
    assert schedule.agreement_every_weeks == 6 and schedule.agreement_from == date.today()
    assert settings.value("tray/keepRunning") == "false"
    entry = tmp_path / "config" / "autostart" / "io.github.twofold.Twofold.desktop"
    assert "--in-tray" in entry.read_text()
    assert ReminderKind.AGREEMENT.page == AGREEMENT


def test_setup_offers_the_tray_on_and_start_at_login_off(qtbot: QtBot, tmp_path: Path) -> None:
    from twofold.ui.setup_wizard import SetupWizard

    wizard = SetupWizard(tmp_path / "vault")
    qtbot.addWidget(wizard)
    assert wizard.welcome.keep_in_tray.isChecked()
    assert not wizard.welcome.start_at_login.isChecked()
