"""``verify``: every check a person can run to trust the vault, each named.

Each check runs on its own: a damaged page makes its check fail with the reason,
it never stops the other checks or crashes the report.

``verify`` is the full check (every event, every projection, every remembered head,
the OS keyring); ``verify_since`` is the quick one shown at unlock: the genesis, the
pinned identity, and the events after the head this partner last saw, anchored on
the hash they remembered. The app shows ✓ after the quick one and runs the full one
in the background; the CLI always runs the full one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from twofold.domain.errors import NotFound, TwofoldError
from twofold.domain.ledger import LedgerEvent, Problem, ShownState, VerifyReport
from twofold.vault import consent_store, trust
from twofold.vault.database import DatabaseError
from twofold.vault.ledger_store import chained_to
from twofold.vault.projectors import replay
from twofold.vault.vault import SHARED_DB, OpenVault, journal_file

CHAIN = "ledger chain and signatures"
SHOWN = "what the app shows matches the signed events"
PINNED = "partners are the ones pinned in your journal"
SEEN = "ledger not cut or rolled back since you last saw it"
KEYRING = "ledger not rolled back since the OS keyring last saw it"
CURRENT = "your journal file is not older than what you signed"


def _guarded(where: str, check: Callable[[], list[Problem]]) -> list[Problem]:
    try:
        return check()
    except (DatabaseError, TwofoldError) as exc:
        return [Problem(where, f"cannot be read ({exc})")]


def verify(vault: OpenVault, *, keyring: bool = True) -> VerifyReport:
    report = VerifyReport()
    problems = vault.integrity()
    report.add(f"{SHARED_DB} pages and structure", [p for p in problems if p.where == SHARED_DB])
    if vault.journal is not None:
        name = journal_file(vault.partner_id)
        report.add(f"{name} pages and structure", [p for p in problems if p.where == name])
    ledger_problems = _guarded(SHARED_DB, lambda: vault.ledger.verify(vault.public_key))
    events = [] if ledger_problems else list(vault.ledger.events())
    report.add(CHAIN, ledger_problems, f"{len(events)} events, all signed and chained")
    state: list[ShownState] = []
    if not ledger_problems:
        report.add(SHOWN, _guarded(SHARED_DB, lambda: _shown_problems(vault, events, state)))
    report.add(
        "every event within what its author may sign for",
        _guarded(SHARED_DB, lambda: _consent_problems(vault)),
        "nobody acted for the other",
    )
    _identity_and_seen(vault, report)
    if vault.journal is not None:
        journal = vault.journal
        report.add(
            "your shares are in the ledger", _guarded("journal", lambda: _share_problems(vault))
        )
        report.add(CURRENT, _guarded("journal", lambda: trust.behind_problems(journal)))
    _note_shown(report, state)
    if keyring:
        _keyring(vault, report)
    return report


# The checks a report made from the projections relies on (``ShownState``).
_REPORT_RELIES_ON = frozenset({CHAIN, SHOWN, PINNED, SEEN})


def _note_shown(report: VerifyReport, state: list[ShownState]) -> None:
    """The state the replay proved, kept on the report when nothing a report relies
    on failed."""
    passed = {name for name, ok, _ in report.checks if ok}
    failed = {name for name, ok, _ in report.checks if not ok}
    if state and SHOWN in passed and not failed & _REPORT_RELIES_ON:
        report.shown = state[0]


def check_for_report(vault: OpenVault) -> VerifyReport:
    """What a report of the shared ledger needs proved of what ``vault`` reads, before
    it is made from the projections (``ReportService``): the chain and its signatures,
    every projection against a replay of the signed events, the pinned partners and
    the remembered heads. Not the pages' structure, the consent rules (a refused event
    changes no projection) nor the keyring: those are the full check's.

    The chain up to the head this partner last saw is checked by its hashes against
    the digest remembered in their journal, and the events after it by their
    signatures (~1 s less on the ten-year vault than every signature); without a
    journal (a shared session) every signature is checked."""
    report = VerifyReport()
    events: list[LedgerEvent] = []

    def chain() -> list[Problem]:
        events.extend(vault.ledger.events())
        anchor = _anchor(vault)
        if anchor is None:
            return vault.ledger.verify(vault.public_key)
        return chained_to(events, anchor) or vault.ledger.verify(vault.public_key, after=anchor)

    problems = _guarded(SHARED_DB, chain)
    report.add(CHAIN, problems, f"{len(events)} events, all signed and chained")
    state: list[ShownState] = []
    if not problems:
        report.add(SHOWN, _guarded(SHARED_DB, lambda: _shown_problems(vault, events, state)))
    _identity_and_seen(vault, report)
    _note_shown(report, state)
    return report


def _anchor(vault: OpenVault) -> tuple[int, bytes] | None:
    """The head this partner last saw, as their journal remembers it."""
    if vault.journal is None:
        return None
    seen = trust.last_seen(vault.journal)
    if seen is None:
        return None
    try:
        return seen.seq, bytes.fromhex(seen.digest)
    except ValueError:
        return None  # a remembered head that is not hex: verify names it; check everything


SHOWN_ATTEMPTS = 3


def _shown_problems(
    vault: OpenVault, events: list[LedgerEvent], state: list[ShownState] | None = None
) -> list[Problem]:
    """Replay the events and compare them with what is shown; ``state`` receives the
    state proved when nothing differs and nothing was signed meanwhile.

    The events are read before the projections: a note signed in between (the check
    runs in the background while the couple goes on) would look like a row with no
    signed event, a forgery. Events and projections are written in one transaction,
    so when the head has not moved by the end of the comparison, both were read in
    the same state; when it has, the new events are checked (signed and chained) and
    the replay is run again on them."""
    problems: list[Problem] = []
    for _ in range(SHOWN_ATTEMPTS):
        # The comparison and the state it proves are read in one transaction: a row
        # edited by another process after its table was compared (the head unmoved)
        # would otherwise be in the state proved without ever being compared.
        with vault.snapshot():
            problems = replay.check(vault.connection, events)
            if not events:
                return problems
            last = events[-1].header
            if not problems and state is not None:
                head = vault.ledger.head()
                if head == (last.seq, last.digest()) and _stored_as_checked(vault, events):
                    state.append(vault.shown_state(head))
        if not problems:
            return problems
        if vault.ledger.head()[0] == last.seq:
            return problems  # nothing was signed meanwhile: these are real findings
        chain = vault.ledger.verify(vault.public_key, after=(last.seq, last.digest()))
        if chain:
            return chain
        events = list(vault.ledger.events())
    return problems


def _stored_as_checked(vault: OpenVault, events: list[LedgerEvent]) -> bool:
    """The events the state's hash reads as stored (the first, each partner.left) are
    still the ones checked (``events``, read before this transaction)."""
    by_seq = {e.header.seq: e for e in events}
    return all(
        vault.ledger.event_at(seq) == by_seq.get(seq)
        for seq in replay.events_in_digest(vault.connection)
    )


def verify_since(vault: OpenVault, after: trust.Seen | None) -> VerifyReport:
    """The quick check: chain and signatures from ``after`` (the head this partner
    saw last time, checked against its remembered hash) to the end."""
    if after is None or not after.digest:
        return verify(vault, keyring=False)
    report = VerifyReport()
    anchor = (after.seq, bytes.fromhex(after.digest))
    problems = _guarded(SHARED_DB, lambda: vault.ledger.verify(vault.public_key, after=anchor))
    head = vault.ledger.head()[0]
    report.add(
        CHAIN,
        problems,
        f"{head - after.seq} new event{'s' if head - after.seq != 1 else ''} since you last "
        "looked, all signed and chained",
    )
    _identity_and_seen(vault, report)
    return report


def _identity_and_seen(vault: OpenVault, report: VerifyReport) -> None:
    journal = vault.journal
    if journal is None:
        return

    def identity() -> list[Problem]:
        genesis = vault.ledger.event_at(1)
        signed = replay.genesis_partners([genesis]) if genesis is not None else ()
        return trust.identity_problems(trust.pinned(journal), signed)

    report.add(PINNED, _guarded("journal", identity))
    report.add(
        SEEN,
        _guarded(
            "journal",
            lambda: trust.seen_problems(
                trust.seen_heads(journal), vault.ledger, vault.ledger.partner_labels()
            ),
        ),
    )


def keyring_step(vault: OpenVault, report: VerifyReport) -> None:
    """The keyring's step of ``verify``, for a report made by ``verify(keyring=False)``
    in another process (``check_child``)."""
    _keyring(vault, report)


def _keyring(vault: OpenVault, report: VerifyReport) -> None:
    """Compare with the head kept in the OS keyring, then keep the current one there.
    Without a keyring this check passes and says what it cannot see."""
    vault_id = vault.keyslots.vault_id
    kept = trust.keyring_recall(vault_id, vault.partner_id)
    if kept is not None:
        problems = _guarded(
            SHARED_DB,
            lambda: trust.seen_problems(
                [kept], vault.ledger, vault.ledger.partner_labels(), where="your OS keyring"
            ),
        )
        report.add(KEYRING, problems)
        if problems:
            return
    head = None
    if report.ok:
        try:
            head = vault.ledger.event_at(vault.ledger.head()[0])
        except (DatabaseError, TwofoldError):
            head = None
    if head is None:
        if kept is None:
            report.add(KEYRING, [], "not checked")
        return
    seen = trust.Seen(
        head.header.seq,
        head.header.digest().hex(),
        head.header.author,
        datetime.now(UTC).isoformat(timespec="seconds"),
    )
    stored = trust.keyring_remember(vault_id, vault.partner_id, seen)
    if kept is None:
        report.add(
            KEYRING,
            [],
            "kept there from now on"
            if stored
            else "no OS keyring on this system: a rollback of the whole folder would not "
            "be noticed",
        )


def _consent_problems(vault: OpenVault) -> list[Problem]:
    """Signed events that break a consent rule (accepting for the other, recording the
    other's outcome, withdrawing another's words…): never honoured, always named."""
    labels = vault.ledger.partner_labels()
    problems = []
    for seq, reason in consent_store.refused(vault.connection):
        event = vault.ledger.event_at(seq)
        who = labels.get(event.header.author, "?") if event else "?"
        kind = event.header.kind if event else "?"
        problems.append(
            Problem(f"event #{seq} ({kind}, signed by {who})", f"not honoured: {reason}")
        )
    return problems


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
