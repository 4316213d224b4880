"""The reminder schedule: when each kind comes due, what the plain settings hold, and
the start-at-login entry (issue 16)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from twofold.domain.reminders import ReminderKind, Schedule, due_between
from twofold.services import autostart

EVENING = datetime(2026, 3, 18, 19, 59)  # a Wednesday


def test_daily_checkin_is_due_once_when_its_time_passes() -> None:
    schedule = Schedule(weekly_review=None, monthly_review=None)
    assert due_between(schedule, EVENING, EVENING + timedelta(seconds=59)) == []
    assert due_between(schedule, EVENING, EVENING + timedelta(minutes=1)) == [
        ReminderKind.DAILY_CHECKIN
    ]
    later = EVENING + timedelta(minutes=1)
    assert due_between(schedule, later, later + timedelta(hours=3)) == []
    # A laptop asleep for three days: one reminder, not three.
    assert due_between(schedule, EVENING, EVENING + timedelta(days=3)) == [
        ReminderKind.DAILY_CHECKIN
    ]


def test_weekly_monthly_check_off_agreement_and_touch_base() -> None:
    schedule = Schedule(
        daily_checkin=None,
        weekly_review=(6, time(18)),  # Sundays
        monthly_review=(1, time(9)),
        check_off=time(21, 30),
        agreement_every_weeks=2,
        agreement_from=date(2026, 3, 4),
        touch_base_at=datetime(2026, 3, 18, 23, 15),
    )
    wednesday = datetime(2026, 3, 18, 12)
    assert due_between(schedule, wednesday, wednesday.replace(hour=23)) == [
        ReminderKind.CHECK_OFF,
        ReminderKind.AGREEMENT,  # 14 days after 4 March, at 18:00
    ]
    assert due_between(
        schedule, wednesday.replace(hour=23), wednesday.replace(hour=23, minute=30)
    ) == [ReminderKind.TOUCH_BASE]
    sunday = datetime(2026, 3, 22, 17, 59)
    assert ReminderKind.WEEKLY_REVIEW in due_between(schedule, sunday, sunday.replace(hour=18))
    april = datetime(2026, 4, 1, 8, 59)
    assert ReminderKind.MONTHLY_REVIEW in due_between(schedule, april, april.replace(hour=9))
    assert ReminderKind.AGREEMENT not in due_between(
        schedule, datetime(2026, 3, 25), datetime(2026, 3, 25, 23)
    )


def test_the_plain_settings_hold_only_kinds_and_times() -> None:
    schedule = Schedule(
        daily_checkin=time(21, 5),
        check_off=time(22),
        agreement_every_weeks=4,
        agreement_from=date(2026, 3, 1),
        touch_base_at=datetime(2026, 3, 18, 23, 15),
    )
    stored = schedule.to_settings()
    assert stored == {
        "daily": "21:05",
        "weekly": "6 18:00",
        "monthly": "1 18:00",
        "checkOff": "22:00",
        "agreementWeeks": "4",
        "agreementFrom": "2026-03-01",
        "touchBaseAt": "2026-03-18T23:15",
    }
    assert Schedule.from_settings(stored) == schedule
    off = Schedule(daily_checkin=None, weekly_review=None, monthly_review=None)
    assert Schedule.from_settings(off.to_settings()) == off
    # A hand-edited file never stops the app: what does not parse keeps its default.
    odd = Schedule.from_settings({"daily": "25:99", "weekly": "9 18:00", "agreementWeeks": "x"})
    assert odd == Schedule()


def test_start_at_login_entry(tmp_path: Path) -> None:
    path = autostart.set_enabled(True, tmp_path, ["/opt/twofold/twofold", "--in-tray"])
    assert path == tmp_path / "autostart" / "io.github.twofold.Twofold.desktop"
    text = path.read_text()
    assert "Exec=/opt/twofold/twofold --in-tray" in text
    assert "Type=Application" in text and autostart.is_enabled(tmp_path)
    autostart.set_enabled(False, tmp_path)
    assert not path.exists() and not autostart.is_enabled(tmp_path)
