"""The safety plan: the pause rule, what each partner does when overwhelmed, who to
call. One plan, in the shared ledger, readable in one click from every screen."""

from __future__ import annotations

from dataclasses import dataclass, field

from twofold.domain.events import SafetyPlanUpdated
from twofold.vault import practice_store
from twofold.vault.vault import OpenVault, now

DEFAULT_PAUSE_RULE = (
    "Either of us can say “pause”. We stop at once, without a last word, and come "
    "back to it within 24 hours, at a time the one who paused proposes."
)


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    pause_rule: str
    when_overwhelmed: dict[str, str] = field(default_factory=dict)  # partner id → text
    who_to_call: str = ""
    written: bool = False  # False until someone saved it


class SafetyService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def plan(self) -> SafetyPlan:
        stored = practice_store.safety_plan(self._vault.connection)
        return SafetyPlan(
            pause_rule=str(stored.get("pause_rule") or DEFAULT_PAUSE_RULE),
            when_overwhelmed={
                str(k): str(v) for k, v in dict(stored.get("overwhelmed") or {}).items()
            },
            who_to_call=str(stored.get("who_to_call") or ""),
            written=bool(stored),
        )

    def update(self, pause_rule: str, when_overwhelmed: dict[str, str], who_to_call: str) -> None:
        with self._vault.write("The safety plan"):
            self._vault.ledger.record(
                SafetyPlanUpdated(
                    {
                        "pause_rule": pause_rule.strip(),
                        "overwhelmed": {k: v.strip() for k, v in when_overwhelmed.items()},
                        "who_to_call": who_to_call.strip(),
                    }
                ),
                now(),
            )
