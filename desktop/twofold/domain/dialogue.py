"""Joint sessions and the structured-dialogue timer.

The timer alternates speakers for a set turn length; between turns the listener
paraphrases back what they heard before replying; either can pause (the pause rule)
and resume where they were. Pure state, driven by ``tick(seconds)``."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SessionKind(StrEnum):
    WEEKLY = "weekly"
    DINNER = "dinner"
    THERAPY = "therapy"

    @property
    def label(self) -> str:
        return {
            "weekly": "Weekly check-in",
            "dinner": "Progress dinner",
            "therapy": "Therapy session",
        }[self]


class Phase(StrEnum):
    SPEAKING = "speaking"
    PARAPHRASE = "paraphrase"


@dataclass
class DialogueTimer:
    speakers: tuple[str, str]
    turn_seconds: int = 180
    paraphrase_seconds: int = 60
    speaker: int = 0
    phase: Phase = Phase.SPEAKING
    remaining: float = field(default=0.0)
    paused: bool = False
    turns: int = 0

    def __post_init__(self) -> None:
        if self.turn_seconds < 10:
            raise ValueError("a turn lasts at least ten seconds")
        self.remaining = float(self.turn_seconds)

    @property
    def listener(self) -> str:
        return self.speakers[1 - self.speaker]

    @property
    def prompt(self) -> str:
        if self.paused:
            return "Paused. Take the time you need; resume when you are both ready."
        if self.phase == Phase.PARAPHRASE:
            return (
                f"{self.listener}, say back what you heard {self.speakers[self.speaker]} say, "
                "before answering. Ask “did I get that right?”"
            )
        return (
            f"{self.speakers[self.speaker]} speaks; {self.listener} listens without interrupting."
        )

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    def next(self) -> None:
        """Move on now: from speaking to paraphrase, from paraphrase to the other's turn."""
        if self.phase == Phase.SPEAKING:
            self.phase = Phase.PARAPHRASE
            self.remaining = float(self.paraphrase_seconds)
        else:
            self.phase = Phase.SPEAKING
            self.speaker = 1 - self.speaker
            self.remaining = float(self.turn_seconds)
            self.turns += 1

    def tick(self, seconds: float) -> bool:
        """Advance the clock; returns True when the phase changed."""
        if self.paused:
            return False
        self.remaining -= seconds
        if self.remaining <= 0:
            self.next()
            return True
        return False
