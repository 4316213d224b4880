"""The other partner swaps the victim's private journal file for an older copy of
itself (they can copy and restore any file in the vault folder). The old file
remembers an older ledger head, so "seen means kept" would look back less far; and
what the victim wrote since is gone from it. The ledger still holds the victim's own
signed events after that head, which their journal would know: the unlock and
``verify`` name it, and nothing is deleted or changed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, MemoryKeyring
from tests.reliability.test_partner_attacks import attack, raw_shared_db
from twofold.domain.checkins import CheckinKind
from twofold.domain.ledger import VerifyReport
from twofold.services import sharing
from twofold.services.session import Session, unlock, unlock_session
from twofold.services.sharing import SHARE_PENDING
from twofold.vault import keyslots
from twofold.vault.vault import journal_file

OLDER = "Your private journal file is older than your own signature"
CURRENT = "your journal file is not older than what you signed"


def _alex_journal(folder: Path) -> Path:
    return folder / journal_file(keyslots.load(folder).partner("Alex").id)


def _bodies(session: Session) -> list[str]:
    assert session.journal is not None
    return [r.body for r in session.journal.listing().records]


def _share(session: Session, text: str) -> None:
    assert session.journal is not None and session.sharing is not None
    session.sharing.add(session.journal.write(text))
    session.sharing.confirm(session.sharing.preview())


def _failed(report_lines: list[str]) -> str:
    return "\n".join(line for line in report_lines if line.startswith("FAIL"))


def _alex_then_sam_then_copy(folder: Path, tmp_path: Path) -> Path:
    """Alex writes and reads the ledger; Sam copies Alex's journal file as it is."""
    alex = unlock(folder, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("written before the copy")
    alex.lock()
    copy = tmp_path / "old-journal.db"
    shutil.copy(_alex_journal(folder), copy)
    return copy


@pytest.mark.parametrize("what", ["share", "checkin"])
def test_an_older_copy_of_the_victims_journal_is_named_and_nothing_is_lost(
    vault_dir: Path, tmp_path: Path, what: str
) -> None:
    copy = _alex_then_sam_then_copy(vault_dir, tmp_path)
    # Alex goes on: a private entry, and a signed event only their journal knows of
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("written after the copy")
    if what == "share":
        _share(alex, "I am ready to talk about March")
    else:  # sealed answers wait in Alex's journal until Sam answers too
        alex.checkins.submit(CheckinKind.DAILY, {"feeling": "Hopeful"}, day=date.today())
    alex.lock()
    # Sam shares something Alex reads, then takes it back by cutting the ledger: with
    # the old journal file back in place, "seen means kept" remembers too little
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    _share(sam, "what I admitted on Tuesday")
    sam.lock()
    unlock(vault_dir, "Alex", ALEX_PASS).lock()
    conn = raw_shared_db(vault_dir)
    head = int(conn.execute("SELECT max(seq) FROM ledger_events").fetchone()[0])
    conn.close()
    attack(
        vault_dir,
        f"DELETE FROM ledger_events WHERE seq = {head}",
        f"DELETE FROM timeline_items WHERE seq = {head}",
    )
    shutil.copy(copy, _alex_journal(vault_dir))

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        [warning] = [w for w in alex.warnings if OLDER in w]
        assert "replaced your journal file with an older copy of itself" in warning
        assert ("shared a reflection" if what == "share" else "sealed answers are gone") in warning
        assert "Nothing was deleted or changed now" in warning
        # what the old file holds is shown as it is: nothing deleted or rewritten
        assert _bodies(alex) == ["written before the copy"]
        report = alex.verify()
    finally:
        alex.lock()
    found = _failed(report.lines())
    assert CURRENT in found and OLDER in found

    # told again by every verify, CLI included (the finding is kept in the journal)
    from tests.unit.test_cli import cli

    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    result = cli("verify", "--vault", vault_dir, "--as", "Alex", "--passphrase-file", secret)
    assert result.code == 4
    assert OLDER in result.out + result.err


def test_the_newer_journal_restored_again_is_not_named(vault_dir: Path, tmp_path: Path) -> None:
    """The victim restores their newer journal: it never held the finding."""
    copy = _alex_then_sam_then_copy(vault_dir, tmp_path)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    _share(alex, "said after the copy")
    alex.lock()
    newer = tmp_path / "newer-journal.db"
    shutil.copy(_alex_journal(vault_dir), newer)
    shutil.copy(copy, _alex_journal(vault_dir))
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert any(OLDER in w for w in alex.warnings)
    alex.lock()
    shutil.copy(newer, _alex_journal(vault_dir))
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert not any(OLDER in w for w in alex.warnings)
        assert alex.verify().ok
    finally:
        alex.lock()


def test_what_alex_signs_without_the_journal_or_after_a_crash_is_no_alarm(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Events Alex signs in a shared session (no journal), a check-in revealed later,
    and a share whose last step a crash cut off are all Alex's own: no finding."""
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.checkins.submit(CheckinKind.DAILY, {"feeling": "Tired"}, day=date.today())
    alex.lock()
    together = unlock_session(vault_dir, ALEX_PASS, "Alex")
    together.wins.record("We walked on Sunday")
    together.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.checkins.submit(CheckinKind.DAILY, {"feeling": "Rested"}, day=date.today())
    sam.lock()
    # a share cut after the ledger's step: the plan is in the journal, the event in
    # the ledger, the link not yet made (the next unlock finishes it)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    alex.sharing.add(alex.journal.write("shared just before the power went"))
    with monkeypatch.context() as patched:
        patched.setattr(sharing, "finish_pending_share", lambda vault: 0)
        alex.sharing.confirm(alex.sharing.preview())
    assert alex._vault.journal is not None
    assert alex._vault.journal.meta(SHARE_PENDING)
    alex.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)  # reveals Alex's check-in, finishes the share
    try:
        assert not any(OLDER in w for w in alex.warnings), alex.warnings
        report = alex.verify()
        assert report.ok, _failed(report.lines())
    finally:
        alex.lock()


def test_the_old_journal_with_the_later_events_cut_too_is_named_by_the_keyring(
    vault_dir: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """The limit: Sam also cuts the ledger back before Alex's own later events; then
    the ledger holds nothing the old journal would have known. Only a head kept
    outside the folder (the OS keyring) names it."""
    copy = _alex_then_sam_then_copy(vault_dir, tmp_path)
    conn = raw_shared_db(vault_dir)
    cut = int(conn.execute("SELECT max(seq) FROM ledger_events").fetchone()[0])
    conn.close()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    _share(alex, "said after the copy")
    assert alex.verify().ok  # the head goes to the keyring
    alex.lock()
    attack(
        vault_dir,
        f"DELETE FROM ledger_events WHERE seq > {cut}",
        f"DELETE FROM timeline_items WHERE seq > {cut}",
        f"DELETE FROM timeline_fts WHERE rowid > {cut}",
    )
    shutil.copy(copy, _alex_journal(vault_dir))
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert not any(OLDER in w for w in alex.warnings)
        found = _failed(alex.verify().lines())
    finally:
        alex.lock()
    assert "your OS keyring saw event #" in found


# --- the other partner cannot plant the finding ------------------------------------


def _append_forged_share(folder: Path, signer_seed: bytes | None) -> int:
    """Sam writes an event "by Alex" after the head into shared.db with the shared key:
    a reflection.shared signed with ``signer_seed`` (Sam's own key, one Sam holds), or
    with a key nobody has."""
    import uuid

    from tests.security.test_signing_key_rotation import forge
    from twofold.vault import crypto

    seed = signer_seed if signer_seed is not None else bytes(crypto.new_key())
    alex_id = keyslots.load(folder).partner("Alex").id
    payload: dict[str, object] = {"item_id": str(uuid.uuid4()), "text": "words Alex never shared"}
    return forge(folder, seed, alex_id, "reflection.shared", payload)


def _unlocked_untold(folder: Path) -> VerifyReport:
    """Alex unlocks (told nothing of their journal file) and runs the full check."""
    alex = unlock(folder, "Alex", ALEX_PASS)
    try:
        assert not [w for w in alex.warnings if OLDER in w]
        return alex.verify()
    finally:
        alex.lock()


@pytest.mark.parametrize("signed_by", ["nobody", "Sam"])
def test_a_row_written_in_the_victims_name_plants_no_lasting_finding(
    vault_dir: Path, signed_by: str
) -> None:
    """Sam, with the shared key, writes a "share by Alex" after the head Alex's journal
    remembers (unsigned, or signed with Sam's own key). Before: Alex was told that
    someone replaced their journal with an older copy, and the finding stayed in
    Alex's journal, said by every verify after Sam removed the row again. Now it is
    not Alex's event, so nothing is said of Alex's journal; the full check names the
    forged row while it is there."""
    from tests.reliability.test_partner_attacks import _seed

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("private words")
    alex.lock()
    seed = _seed(vault_dir, "Sam", SAM_PASS) if signed_by == "Sam" else None
    forged = _append_forged_share(vault_dir, seed)

    report = _unlocked_untold(vault_dir)
    assert not report.ok  # the forged row is named
    assert OLDER not in _failed(report.lines())

    attack(vault_dir, f"DELETE FROM ledger_events WHERE seq = {forged}")
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        later = alex.verify()
    finally:
        alex.lock()
    assert OLDER not in "\n".join(later.lines())


def test_a_first_event_rewritten_with_a_key_sam_holds_plants_no_finding(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sam rewrites the first event so that "Alex's" key is one Sam holds, re-signs the
    chain, and signs a "share by Alex" with it: every signature is valid. The re-signed
    chain no longer holds the head Alex's journal remembers (nor the key it pinned): the
    seen-head and identity checks name the rewrite, and nothing is said of Alex's
    journal file."""
    from tests.reliability import test_partner_attacks as attacks
    from twofold.vault import crypto

    alex = unlock(vault_dir, "Alex", ALEX_PASS)  # pins both partners in Alex's journal
    alex.lock()
    fake = crypto.new_key()
    monkeypatch.setattr(crypto, "new_key", lambda: bytearray(fake))  # the rewrite's key
    attacks._rewrite_genesis_with(vault_dir, attacks._seed(vault_dir, "Sam", SAM_PASS), "Alex")
    _append_forged_share(vault_dir, bytes(fake))

    report = _unlocked_untold(vault_dir)
    found = _failed(report.lines())
    assert "gives Alex a signing key other than the one pinned" in found
    assert "ledger not cut or rolled back since you last saw it" in found
    assert OLDER not in found
