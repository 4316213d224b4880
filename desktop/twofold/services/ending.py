"""Leaving, and ending (issue 15): delete your private journal for good, or leave
the vault. Both are final, so both ask for a typed confirmation; both end the
session. What each remaining copy still contains is listed in docs/EXPORT.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from twofold.domain.errors import InvalidInput
from twofold.domain.report import ReportFormat, ReportRequest, ReportSection
from twofold.services.report import ExportResult, Renderer, ReportService
from twofold.vault import ending
from twofold.vault.crypto import KdfParams
from twofold.vault.vault import OpenVault, now

CONFIRM_SHRED = "delete my journal"
CONFIRM_LEAVE = "leave"


def _confirmed(typed: str, expected: str) -> None:
    if " ".join(typed.strip().casefold().split()) != expected:
        raise InvalidInput(f"Type “{expected}” to confirm; nothing was changed.")


@dataclass(frozen=True, slots=True)
class LeaveOutcome:
    remaining_label: str
    remaining_recovery_code: str
    copy: ExportResult | None


class EndingService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def shred_journal(
        self, confirmation: str, passphrase: str, kdf: KdfParams | None = None
    ) -> str:
        """Destroy your private journal (you keep a new, empty one). Returns your new
        recovery code. The session ends. Runs the KDF: call from a worker."""
        _confirmed(confirmation, CONFIRM_SHRED)
        return ending.shred_journal(self._vault, passphrase, kdf).recovery_code

    def leave(
        self,
        confirmation: str,
        remaining_passphrase: str,
        *,
        copy_to: Path | None = None,
        copy_format: ReportFormat = ReportFormat.PDF,
        pdf: Renderer | None = None,
        kdf: KdfParams | None = None,
    ) -> LeaveOutcome:
        """Leave the vault. With ``copy_to``, first take a read-only report of the
        whole shared history up to today (the remaining partner's passphrase is their
        consent, as for any export). The session ends."""
        _confirmed(confirmation, CONFIRM_LEAVE)
        copy = None
        if copy_to is not None:
            first = min((e.header.occurred_at for e in self._vault.ledger.events()), default=None)
            start = date.fromisoformat(first[:10]) if first else now().date()
            request = ReportRequest(
                start, now().astimezone().date(), tuple(ReportSection), copy_format
            )
            copy = ReportService(self._vault).export(
                request, copy_to, remaining_passphrase, pdf=pdf
            )
        result = ending.leave(
            self._vault, remaining_passphrase, took_copy=copy is not None, kdf=kdf
        )
        return LeaveOutcome(result.remaining_label, result.remaining_recovery_code, copy)
