"""``verify``: every check a person can run to trust the vault, each named.

Each check runs on its own: a damaged page makes its check fail with the reason,
it never stops the other checks or crashes the report."""

from __future__ import annotations

from collections.abc import Callable

from twofold.domain.errors import NotFound, TwofoldError
from twofold.domain.ledger import Problem, VerifyReport
from twofold.vault.database import DatabaseError
from twofold.vault.vault import SHARED_DB, OpenVault, journal_file


def _guarded(where: str, check: Callable[[], list[Problem]]) -> list[Problem]:
    try:
        return check()
    except (DatabaseError, TwofoldError) as exc:
        return [Problem(where, f"cannot be read ({exc})")]


def verify(vault: OpenVault) -> VerifyReport:
    report = VerifyReport()
    problems = vault.integrity()
    report.add(f"{SHARED_DB} pages and structure", [p for p in problems if p.where == SHARED_DB])
    if vault.journal is not None:
        name = journal_file(vault.partner_id)
        report.add(f"{name} pages and structure", [p for p in problems if p.where == name])
    ledger_problems = _guarded(SHARED_DB, lambda: vault.ledger.verify(vault.public_key))
    events = 0 if ledger_problems else sum(1 for _ in vault.ledger.events())
    report.add(
        "ledger chain and signatures", ledger_problems, f"{events} events, all signed and chained"
    )
    if vault.journal is not None:
        report.add(
            "ledger not rolled back since your last write",
            _guarded("journal", lambda: _head_problems(vault)),
        )
        report.add(
            "your shares are in the ledger", _guarded("journal", lambda: _share_problems(vault))
        )
    return report


def _head_problems(vault: OpenVault) -> list[Problem]:
    assert vault.journal is not None
    seq_text = vault.journal.meta("ledger_head_seq")
    digest_text = vault.journal.meta("ledger_head_hash")
    if not seq_text or not digest_text:
        return []
    seq = int(seq_text)
    seen = [e for e in vault.ledger.events() if e.seq == seq]
    if not seen:
        return [
            Problem(
                SHARED_DB,
                f"your journal last saw event #{seq}, which is no longer in the ledger: "
                "shared.db was rolled back or cut",
            )
        ]
    if seen[0].header.digest().hex() != digest_text:
        return [Problem(f"event #{seq}", "differs from the one your journal last saw")]
    return []


def _share_problems(vault: OpenVault) -> list[Problem]:
    assert vault.journal is not None
    problems: list[Problem] = []
    for record_id, event_id, _ in vault.journal.shares():
        try:
            event = vault.ledger.event(event_id)
        except NotFound:
            problems.append(Problem(f"record #{record_id}", "was shared, but its event is missing"))
            continue
        if event.header.author != vault.partner_id:
            problems.append(Problem(f"record #{record_id}", "links to another's event"))
    return problems
