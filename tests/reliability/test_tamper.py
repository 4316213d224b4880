"""Someone with the vault key rewrites history: verify names the event (DESIGN §3.3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.services.session import unlock
from twofold.vault import vault as vault_files


def _share(vault_dir: Path, who: str, passphrase: str, texts: list[str]) -> None:
    session = unlock(vault_dir, who, passphrase)
    assert session.journal is not None and session.sharing is not None
    for text in texts:
        session.sharing.add(session.journal.write(text))
    session.sharing.confirm(session.sharing.preview())
    session.lock()


@pytest.fixture
def ledger_vault(vault_dir: Path) -> Path:
    _share(vault_dir, "Alex", ALEX_PASS, ["first share", "second share"])
    _share(vault_dir, "Sam", SAM_PASS, ["third share", "fourth share"])
    # events: 1 created, 2 countersigned, 3 consent rules adopted (at the first unlock),
    # 4-5 Alex, 6-7 Sam
    return vault_dir


def _tamper(vault_dir: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Edit shared.db directly with the vault key, as a partner with SQL skills could."""
    opened = vault_files.unlock_session(vault_dir, SAM_PASS)
    try:
        with opened.write() as conn:
            for sql, args in statements:
                conn.execute(sql, args)
    finally:
        opened.close()


def _report(vault_dir: Path, who: str = "Sam", passphrase: str = SAM_PASS) -> str:
    session = unlock(vault_dir, who, passphrase)
    try:
        report = session.verify()
        assert not report.ok
        return "\n".join(report.lines())
    finally:
        session.lock()


def test_untouched_ledger_verifies(ledger_vault: Path) -> None:
    session = unlock(ledger_vault, "Alex", ALEX_PASS)
    report = session.verify()
    session.lock()
    assert report.ok, report.lines()
    assert "7 events, all signed and chained" in "\n".join(report.lines())


def test_one_changed_byte_of_a_payload_is_named(ledger_vault: Path) -> None:
    _tamper(
        ledger_vault,
        (
            "UPDATE ledger_events SET payload = CAST(replace(CAST(payload AS TEXT), 'first', "
            "'firsT') AS BLOB) WHERE seq = 4",
            (),
        ),
    )
    assert "event #4 (reflection.shared" in _report(ledger_vault)
    assert "altered after it was signed" in _report(ledger_vault)


def test_a_forged_hash_still_fails_the_signature(ledger_vault: Path) -> None:
    from twofold.domain.ledger import content_hash

    forged = b'{"request":"","text":"I never said that"}'
    _tamper(
        ledger_vault,
        (
            "UPDATE ledger_events SET payload = ?, content_hash = ? WHERE seq = 4",
            (forged, content_hash(forged)),
        ),
    )
    assert "event #4" in _report(ledger_vault)
    assert "signature does not match" in _report(ledger_vault)


def test_reordered_events_are_named(ledger_vault: Path) -> None:
    _tamper(
        ledger_vault,
        ("UPDATE ledger_events SET seq = 100 WHERE seq = 5", ()),
        ("UPDATE ledger_events SET seq = 5 WHERE seq = 6", ()),
        ("UPDATE ledger_events SET seq = 6 WHERE seq = 100", ()),
    )
    report = _report(ledger_vault)
    assert "event #5" in report and "removed, reordered or altered" in report


def test_a_deleted_event_is_named(ledger_vault: Path) -> None:
    _tamper(ledger_vault, ("DELETE FROM ledger_events WHERE seq = 4", ()))
    assert "event #4 is missing" in _report(ledger_vault)


def test_a_cut_tail_is_noticed_by_the_partner_who_saw_it(ledger_vault: Path) -> None:
    _tamper(ledger_vault, ("DELETE FROM ledger_events WHERE seq >= 5", ()))
    # The chain itself is intact, but Sam's journal remembers event #6.
    assert "rolled back or cut" in _report(ledger_vault, "Sam", SAM_PASS)


def test_content_removed_without_a_retraction_is_named(ledger_vault: Path) -> None:
    _tamper(ledger_vault, ("UPDATE ledger_events SET payload = NULL WHERE seq = 6", ()))
    assert "removed without its author's signed retraction" in _report(ledger_vault)


def test_a_retraction_by_the_author_verifies(ledger_vault: Path) -> None:
    session = unlock(ledger_vault, "Alex", ALEX_PASS)
    event_id = next(i.event_id for i in session.timeline.page() if i.body == "first share")
    session.timeline.retract(event_id)
    assert session.verify().ok
    session.lock()
