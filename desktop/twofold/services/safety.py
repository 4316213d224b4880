"""The safety plan: the pause rule, what each partner does when overwhelmed, who to
call. One plan, in the shared ledger, readable in one click from every screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from twofold.domain.events import SafetyPlanUpdated
from twofold.vault import practice_store, readable_copy
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


def plan_as_text(plan: SafetyPlan, labels: dict[str, str]) -> str:
    """The plan as plain text, for the copy readable without unlocking."""
    lines = ["Our safety plan", "", "The pause rule", plan.pause_rule, ""]
    for partner_id, label in labels.items():
        lines += [f"When {label} is overwhelmed", plan.when_overwhelmed.get(partner_id) or "—", ""]
    lines += ["Who to call", plan.who_to_call or "—", ""]
    return "\n".join(lines)


def readable_plans(folder: Path) -> list[str]:
    """The copies partners chose to keep readable without unlocking (none by default)."""
    return list(readable_copy.copies(folder).values())


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

    @property
    def keeps_readable_copy(self) -> bool:
        return readable_copy.has_copy(self._vault.folder, self._vault.partner_id)

    def keep_readable_copy(self, keep: bool) -> None:
        """This partner's choice: a plain-text copy of the plan in the vault folder,
        readable from the locked screen (and by anyone who can read the folder)."""
        if keep:
            self._write_copy(self._vault.partner_id)
        else:
            readable_copy.remove_copy(self._vault.folder, self._vault.partner_id)

    def refresh_readable_copies(self) -> None:
        """Keep every partner's chosen copy equal to the plan (after a change, at unlock)."""
        labels = self._vault.ledger.partner_labels()
        for partner_id in readable_copy.copies(self._vault.folder):
            if partner_id in labels:
                self._write_copy(partner_id)

    def _write_copy(self, partner_id: str) -> None:
        text = plan_as_text(self.plan(), dict(self._vault.ledger.partner_labels()))
        if readable_copy.copies(self._vault.folder).get(partner_id) != text:
            readable_copy.write_copy(self._vault.folder, partner_id, text)

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
        self.refresh_readable_copies()
