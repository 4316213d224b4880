"""Reminders that arrive even while the vault is locked (issue 16).

The schedule is readable without a key, so it holds only kinds and times: never a
name, a commitment's title or anything written. Each reminder's text is fixed here and
says only what kind of moment it is ("Time for your daily check-in").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from twofold.domain.errors import InvalidInput


class ReminderKind(StrEnum):
    DAILY_CHECKIN = "daily_checkin"
    WEEKLY_REVIEW = "weekly_review"
    MONTHLY_REVIEW = "monthly_review"
    CHECK_OFF = "check_off"
    TOUCH_BASE = "touch_base"
    AGREEMENT = "agreement"

    @property
    def text(self) -> str:
        """The whole notification: generic on purpose (a lock screen may show it)."""
        return {
            "daily_checkin": "Time for your daily check-in.",
            "weekly_review": "Time for your weekly review.",
            "monthly_review": "Time for your monthly progress review.",
            "check_off": "Time to check off today's commitments.",
            "touch_base": "A gentle nudge: time to touch base with each other.",
            "agreement": "Time to revisit your agreement together.",
        }[self.value]

    @property
    def page(self) -> str:
        """The page a click on the notification opens after unlocking."""
        return {
            "daily_checkin": "checkins",
            "weekly_review": "checkins",
            "monthly_review": "checkins",
            "check_off": "commitments",
            "touch_base": "commitments",
            "agreement": "agreement",
        }[self.value]


TOUCH_BASE_AFTER = timedelta(hours=3)


@dataclass(frozen=True, slots=True)
class Schedule:
    """When to remind. ``None`` turns a reminder off."""

    daily_checkin: time | None = time(20, 0)
    weekly_review: tuple[int, time] | None = (6, time(18, 0))  # weekday (0 = Monday), time
    monthly_review: tuple[int, time] | None = (1, time(18, 0))  # day of the month, time
    check_off: time | None = None
    agreement_every_weeks: int = 0  # 0 = off
    agreement_from: date | None = None
    touch_base_at: datetime | None = None  # a one-off, set after a hard-day check-off

    # --- the plain settings it is stored in (strings only, no content) ---------------

    def to_settings(self) -> dict[str, str]:
        def hm(value: time | None) -> str:
            return value.strftime("%H:%M") if value else ""

        return {
            "daily": hm(self.daily_checkin),
            "weekly": f"{self.weekly_review[0]} {hm(self.weekly_review[1])}"
            if self.weekly_review
            else "",
            "monthly": f"{self.monthly_review[0]} {hm(self.monthly_review[1])}"
            if self.monthly_review
            else "",
            "checkOff": hm(self.check_off),
            "agreementWeeks": str(self.agreement_every_weeks),
            "agreementFrom": self.agreement_from.isoformat() if self.agreement_from else "",
            "touchBaseAt": self.touch_base_at.isoformat(timespec="minutes")
            if self.touch_base_at
            else "",
        }

    @classmethod
    def from_settings(cls, values: Mapping[str, str]) -> Schedule:
        """Read what ``to_settings`` wrote; a value that does not parse keeps its
        default (a hand-edited settings file never stops the app)."""
        default = cls()
        out = default

        def parse(key: str, convert: object) -> object:
            raw = values.get(key)
            if raw is None:
                return ...
            raw = str(raw).strip()
            if raw == "":
                return None
            try:
                return convert(raw)  # type: ignore[operator]
            except (ValueError, InvalidInput):
                return ...

        def day_and_time(limit: int) -> object:
            def convert(raw: str) -> tuple[int, time]:
                day, at = raw.split()
                number = int(day)
                if not 0 <= number <= limit:
                    raise ValueError(raw)
                return number, time.fromisoformat(at)

            return convert

        fields = {
            "daily_checkin": parse("daily", time.fromisoformat),
            "weekly_review": parse("weekly", day_and_time(6)),
            "monthly_review": parse("monthly", day_and_time(28)),
            "check_off": parse("checkOff", time.fromisoformat),
            "agreement_every_weeks": parse("agreementWeeks", _weeks),
            "agreement_from": parse("agreementFrom", date.fromisoformat),
            "touch_base_at": parse("touchBaseAt", datetime.fromisoformat),
        }
        for name, value in fields.items():
            if value is ...:
                continue
            if name == "agreement_every_weeks" and value is None:
                value = 0
            out = replace(out, **{name: value})  # type: ignore[arg-type]
        return out


def _weeks(raw: str) -> int:
    weeks = int(raw)
    if not 0 <= weeks <= 52:
        raise ValueError(raw)
    return weeks


def _moments(schedule: Schedule, day: date) -> list[tuple[datetime, ReminderKind]]:
    out = []
    if schedule.daily_checkin:
        out.append((datetime.combine(day, schedule.daily_checkin), ReminderKind.DAILY_CHECKIN))
    if schedule.check_off:
        out.append((datetime.combine(day, schedule.check_off), ReminderKind.CHECK_OFF))
    if schedule.weekly_review and day.weekday() == schedule.weekly_review[0]:
        out.append((datetime.combine(day, schedule.weekly_review[1]), ReminderKind.WEEKLY_REVIEW))
    if schedule.monthly_review and day.day == schedule.monthly_review[0]:
        out.append((datetime.combine(day, schedule.monthly_review[1]), ReminderKind.MONTHLY_REVIEW))
    every = schedule.agreement_every_weeks
    start = schedule.agreement_from
    if every and start and day > start and (day - start).days % (7 * every) == 0:
        out.append((datetime.combine(day, time(18, 0)), ReminderKind.AGREEMENT))
    return out


def due_between(schedule: Schedule, after: datetime, until: datetime) -> list[ReminderKind]:
    """The reminders whose moment falls in (after, until], local wall-clock time, each
    kind at most once (after a sleeping laptop wakes, one reminder per kind, not a
    pile). Both bounds are naive local datetimes."""
    if until <= after:
        return []
    found: dict[ReminderKind, None] = {}
    day = after.date()
    # Longer gaps than a month are a machine that was off: look at the last month only.
    day = max(day, until.date() - timedelta(days=31))
    while day <= until.date():
        for moment, kind in _moments(schedule, day):
            if after < moment <= until:
                found.setdefault(kind, None)
        day += timedelta(days=1)
    if schedule.touch_base_at and after < schedule.touch_base_at <= until:
        found.setdefault(ReminderKind.TOUCH_BASE, None)
    return list(found)
