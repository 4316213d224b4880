"""Check-ins: daily, weekly and monthly, each partner on their own. Prompt sets are
data (resources/checkins.json); here are the values and the calendar rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from twofold.domain.errors import InvalidInput

MAX_ANSWER = 5_000


class CheckinKind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


@dataclass(frozen=True, slots=True)
class Prompt:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class PromptSet:
    kind: CheckinKind
    title: str
    about: str
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True, slots=True)
class Checkin:
    seq: int
    author: str
    kind: CheckinKind
    day: date
    answers: tuple[tuple[str, str], ...]  # (prompt text, answer), in prompt order
    submitted_at: datetime
    checkin_id: str = ""  # the seal it revealed; "" for one from before sealing (issue 12)


def period_of(kind: CheckinKind, day: date) -> tuple[date, date]:
    """The period a check-in of this kind covers: the day, its Monday–Sunday week, or
    its calendar month."""
    if kind == CheckinKind.DAILY:
        return day, day
    if kind == CheckinKind.WEEKLY:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def check_answers(prompts: PromptSet, answers: dict[str, str]) -> dict[str, str]:
    cleaned = {p.id: answers.get(p.id, "").strip() for p in prompts.prompts}
    if not any(cleaned.values()):
        raise InvalidInput("Answer at least one question; a few words are enough.")
    if any(len(text) > MAX_ANSWER for text in cleaned.values()):
        raise InvalidInput("Keep each answer under 5,000 characters.")
    return cleaned


def done_in(kind: CheckinKind, day: date, checkins: list[Checkin], author: str) -> bool:
    first, last = period_of(kind, day)
    return any(c.kind == kind and c.author == author and first <= c.day <= last for c in checkins)


def missed_previous(kind: CheckinKind, today: date, checkins: list[Checkin], author: str) -> bool:
    """True when this partner has done this kind of check-in before, but not in the
    period just before this one: a gentle reminder, never a streak broken in red."""
    mine = [c for c in checkins if c.kind == kind and c.author == author]
    if not mine:
        return False
    first, _ = period_of(kind, today)
    previous = first - timedelta(days=1)
    started = min(c.day for c in mine)
    return previous >= started and not done_in(kind, previous, mine, author)
