"""Setbacks as data, not verdicts: what happened, the trigger, the impact, and the
repair in three steps (acknowledge, repair, restore) with who did what and when.
Wins: recorded by hand, or detected from the tracker and celebrated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from twofold.domain.errors import InvalidInput


class RepairStep(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    REPAIR = "repair"
    RESTORE = "restore"

    @property
    def label(self) -> str:
        return {"acknowledge": "Acknowledged", "repair": "Repaired", "restore": "Restored"}[self]


@dataclass(frozen=True, slots=True)
class StepTaken:
    step: RepairStep
    author: str
    note: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Setback:
    id: str
    author: str
    day: date
    what: str
    trigger: str
    impact: str
    steps: tuple[StepTaken, ...]
    countermeasures: tuple[str, ...]

    @property
    def withdrawn(self) -> bool:
        """Its author withdrew it: its words are gone, the steps on it stay."""
        return not self.what

    @property
    def next_step(self) -> RepairStep | None:
        done = {s.step for s in self.steps}
        return next((step for step in RepairStep if step not in done), None)

    @property
    def open(self) -> bool:
        return self.next_step is not None


@dataclass(frozen=True, slots=True)
class Win:
    seq: int
    author: str
    day: date
    text: str
    detected: bool


def check_setback(what: str) -> str:
    what = what.strip()
    if not what:
        raise InvalidInput("Say what happened, plainly and without a verdict.")
    return what


def check_step_order(setback: Setback, step: RepairStep) -> None:
    expected = setback.next_step
    if expected is None:
        raise InvalidInput("This setback is already restored.")
    if step != expected:
        raise InvalidInput(
            f"The next step is “{expected.value}”: repair goes acknowledge, repair, restore."
        )


def all_kept_run(days_all_kept: set[date], today: date) -> int:
    """How many days up to yesterday, counting back, had every due commitment kept."""
    run, day = 0, today - timedelta(days=1)
    while day in days_all_kept:
        run += 1
        day -= timedelta(days=1)
    return run


MILESTONE_RUNS = (7, 30, 100, 365)
