"""The signing key rotates with every key change (issue 11, follow-up).

The attacker is Sam: Sam shares the computer, holds the vault key (their own
passphrase unwraps it) and once saw Alex's passphrase. Before Alex changes it, Sam
copies keyslots.json; with Alex's old passphrase that copy yields Alex's Ed25519 seed.
Every attack below is made outside Twofold: sqlcipher3 with the raw vault key, events
hashed and signed by hand as docs/FORMAT.md describes.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, TEST_KDF
from tests.reliability.test_partner_attacks import raw_shared_db
from twofold.domain.errors import NotAllowed, WrongPassphrase
from twofold.domain.ledger import EventHeader, EventKind, canonical_json, content_hash
from twofold.services.session import Session, reset_passphrase, unlock
from twofold.vault import crypto, keyslots
from twofold.vault.keyslots import PREVIOUS_NAME

NEW_PASS = "alex new passphrase river stone"


def _now() -> datetime:
    return datetime.now(UTC)


def _seed_from(slots_file: Path, who: str, passphrase: str) -> bytes:
    """Sam opens Alex's slot in a copied keyslots.json with a passphrase Sam saw."""
    folder = slots_file.parent / f"opened-{slots_file.name}"
    folder.mkdir(exist_ok=True)
    shutil.copy(slots_file, folder / keyslots.FILE_NAME)
    slots = keyslots.load(folder)
    partner = slots.partner(who)
    keys = slots.unlock(
        slots.slot(partner.id, "passphrase"),
        crypto.normalise_passphrase(passphrase),
        with_journal=False,
    )
    return bytes(keys.signing_seed)


def _partner_id(folder: Path, who: str) -> str:
    return keyslots.load(folder).partner(who).id


def _listed_key(folder: Path, who: str) -> bytes | None:
    return keyslots.load(folder).partner(who).public_key


def forge(
    folder: Path,
    seed: bytes,
    author: str,
    kind: str,
    payload: dict[str, object],
    *,
    timeline: str | None = None,
) -> int:
    """Append one correctly chained event signed with ``seed`` as ``author`` (and,
    optionally, its timeline row with ``timeline`` as its text). Returns its seq."""
    conn = raw_shared_db(folder, "Sam", SAM_PASS)
    try:
        vault_id = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()[0]
        last = conn.execute(
            "SELECT seq, event_id, author, kind, occurred_at, content_hash, prev_hash "
            "FROM ledger_events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        prev = EventHeader(
            vault_id, last[0], last[1], last[2], last[3], last[4], bytes(last[5]), bytes(last[6])
        ).digest()
        body = canonical_json(payload)
        seq = int(last[0]) + 1
        at = "2031-03-04T05:06:07.000000+00:00"
        header = EventHeader(
            vault_id, seq, f"forged-{seq}", author, kind, at, content_hash(body), prev
        )
        signature = crypto.sign(bytearray(seed), header.digest())
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO ledger_events (seq, event_id, author, kind, occurred_at, payload, "
            "content_hash, prev_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, header.event_id, author, kind, at, body, header.content_hash, prev, signature),
        )
        if timeline is not None:
            conn.execute(
                "INSERT INTO timeline_items (seq, event_id, kind, author, occurred_at, body, "
                "request, data) VALUES (?, ?, ?, ?, ?, ?, '', '{}')",
                (seq, header.event_id, kind, author, at, timeline),
            )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return seq


def _report(folder: Path, who: str, passphrase: str) -> tuple[bool, str, set[int]]:
    session = unlock(folder, who, passphrase)
    try:
        report = session.verify()
    finally:
        session.lock()
    failed = "\n".join(line for line in report.lines() if line.startswith("FAIL"))
    return report.ok, failed, report.suspects


def _rotations(session: Session, who: str) -> list[dict[str, object]]:
    pid = session._vault.keyslots.partner(who).id
    return [
        json.loads(e.payload)
        for e in session._vault.ledger.events()
        if e.header.kind == EventKind.KEYS_CHANGED and e.payload is not None
        if json.loads(e.payload)["partner"] == pid
    ]


# --- honest changes ------------------------------------------------------------------


def test_change_reset_and_renew_each_rotate_the_key_and_verify_clean(vault_dir: Path) -> None:
    keys = [_listed_key(vault_dir, "Alex")]
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    code = alex.change_passphrase(NEW_PASS, TEST_KDF)
    keys.append(alex._vault.public_key)
    assert alex.verify().ok
    alex.lock()
    assert _listed_key(vault_dir, "Alex") == keys[-1]
    reset, _ = reset_passphrase(vault_dir, "Alex", code, ALEX_PASS, TEST_KDF)
    keys.append(reset._vault.public_key)
    reset.renew_recovery_code(ALEX_PASS, TEST_KDF)
    keys.append(reset._vault.public_key)
    assert reset.verify().ok, reset.verify().lines()
    # the ledger carries each new key, in order; every key is new
    assert [bytes.fromhex(str(r["public_key"])) for r in _rotations(reset, "Alex")] == keys[1:]
    assert len(set(keys)) == 4
    assert reset._vault.ledger.signing_keys().current[_partner_id(vault_dir, "Alex")] == keys[-1]
    assert reset.key_notices() == [] or not any(n.taken for n in reset.key_notices())
    # Alex can still sign, and the partners row follows the ledger
    assert reset.journal is not None and reset.sharing is not None
    reset.sharing.add(reset.journal.write("after three changes"))
    reset.sharing.confirm(reset.sharing.preview())
    assert reset.verify().ok
    reset.lock()
    assert _listed_key(vault_dir, "Alex") == keys[-1]
    # the current files keep no retiring seed, and Sam's view is clean too
    for name in (keyslots.FILE_NAME, PREVIOUS_NAME):
        assert "retiring" not in (vault_dir / name).read_text()
    ok, failed, _ = _report(vault_dir, "Sam", SAM_PASS)
    assert ok, failed
    # a shared session of Sam (no journal) verifies the rotated chain as well
    from twofold.services.session import unlock_session

    session = unlock_session(vault_dir, SAM_PASS)
    try:
        assert session.verify().ok
    finally:
        session.lock()


def test_the_quick_check_knows_the_rotations_before_its_anchor(vault_dir: Path) -> None:
    from twofold.services.verify import verify_since
    from twofold.vault import trust

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.change_passphrase(NEW_PASS, TEST_KDF)
    alex.lock()
    alex = unlock(vault_dir, "Alex", NEW_PASS)  # remembers the head after the rotation
    assert alex.journal is not None and alex.sharing is not None
    alex.sharing.add(alex.journal.write("signed with the new key"))
    alex.sharing.confirm(alex.sharing.preview())
    seen = trust.last_seen(alex._vault.journal)  # type: ignore[arg-type]
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.lock()
    alex = unlock(vault_dir, "Alex", NEW_PASS)
    try:
        assert seen is not None
        assert verify_since(alex._vault, seen).ok
    finally:
        alex.lock()


# --- Sam's attacks -------------------------------------------------------------------


@pytest.fixture
def copied_then_changed(vault_dir: Path, tmp_path: Path) -> tuple[Path, bytes]:
    """Sam copies keyslots.json while knowing Alex's passphrase; Alex then changes it.
    Returns the folder and the seed Sam derives from the copy."""
    copy = tmp_path / "sam-kept-keyslots.json"
    shutil.copy(vault_dir / keyslots.FILE_NAME, copy)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.change_passphrase(NEW_PASS, TEST_KDF)
    alex.lock()
    return vault_dir, _seed_from(copy, "Alex", ALEX_PASS)


def test_an_event_signed_with_alexs_old_key_after_the_change_is_named(
    copied_then_changed: tuple[Path, bytes],
) -> None:
    folder, old_seed = copied_then_changed
    alex_id = _partner_id(folder, "Alex")
    forged = "Alex agrees: Sam may read Alex's journal."
    seq = forge(
        folder,
        old_seed,
        alex_id,
        "reflection.shared",
        {"text": forged, "request": ""},
        timeline=forged,
    )
    for who, passphrase in (("Alex", NEW_PASS), ("Sam", SAM_PASS)):
        ok, failed, suspects = _report(folder, who, passphrase)
        assert not ok
        assert f"event #{seq} (reflection.shared, 2031-03-04): was signed with Alex's old " in (
            failed
        )
        assert "which Alex replaced on" in failed and "Alex did not sign it" in failed
        assert seq in suspects


def test_a_forged_rotation_with_the_old_key_after_alexs_own_is_named(
    copied_then_changed: tuple[Path, bytes],
) -> None:
    folder, old_seed = copied_then_changed
    alex_id = _partner_id(folder, "Alex")
    sams_key = crypto.public_key_of(crypto.new_key())
    seq = forge(
        folder,
        old_seed,
        alex_id,
        "keys.changed",
        {"partner": alex_id, "how": "change", "slots": [], "public_key": sams_key.hex()},
    )
    ok, failed, _ = _report(folder, "Alex", NEW_PASS)
    assert not ok
    assert f"event #{seq} (keys.changed, 2031-03-04): was signed with Alex's old" in failed
    # Alex's own key stays the ledger's key; no takeover notice
    alex = unlock(folder, "Alex", NEW_PASS)
    try:
        assert not any(n.taken for n in alex.key_notices())
    finally:
        alex.lock()


def test_the_old_seed_from_prev_or_an_old_backup_is_the_same_dead_key(
    vault_dir: Path, tmp_path: Path
) -> None:
    """``.prev`` before the change and an old backup's keyslots.json hold the old seed:
    after the change, neither signs anything the ledger accepts."""
    backup = tmp_path / "backup-keyslots.json"  # what an old backup holds
    shutil.copy(vault_dir / keyslots.FILE_NAME, backup)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.change_passphrase(NEW_PASS, TEST_KDF)
    alex.lock()
    # .prev now holds the new generation only: the old passphrase opens nothing there
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        _seed_from(vault_dir / PREVIOUS_NAME, "Alex", ALEX_PASS)
    old_seed = _seed_from(backup, "Alex", ALEX_PASS)
    alex_id = _partner_id(vault_dir, "Alex")
    seq = forge(vault_dir, old_seed, alex_id, "appreciation.recorded", {"text": "forged"})
    ok, failed, _ = _report(vault_dir, "Sam", SAM_PASS)
    assert not ok and f"event #{seq} (appreciation.recorded" in failed
    assert "old signing key" in failed


def test_a_takeover_before_alex_changes_is_told_to_alex_at_unlock(vault_dir: Path) -> None:
    """Sam knows Alex's current passphrase and rotates Alex's key to one Sam made,
    then signs as Alex with it. The chain is valid; Alex is told at unlock, verify
    names it for Alex, and Alex's own signatures are refused rather than written."""
    alex_id = _partner_id(vault_dir, "Alex")
    current_seed = _seed_from(vault_dir / keyslots.FILE_NAME, "Alex", ALEX_PASS)
    sams_seed = bytes(crypto.new_key())
    rotation = forge(
        vault_dir,
        current_seed,
        alex_id,
        "keys.changed",
        {
            "partner": alex_id,
            "how": "change",
            "slots": [],
            "public_key": crypto.public_key_of(sams_seed).hex(),
        },
        timeline="",
    )
    conn = raw_shared_db(vault_dir, "Sam", SAM_PASS)
    conn.execute(
        "UPDATE timeline_items SET data = ? WHERE seq = ?",
        (json.dumps({"partner": alex_id, "how": "change"}), rotation),
    )
    conn.execute(
        "UPDATE partners SET public_key = ? WHERE id = ?",
        (crypto.public_key_of(sams_seed), alex_id),
    )
    conn.close()
    as_alex = forge(vault_dir, sams_seed, alex_id, "appreciation.recorded", {"text": "by Sam"})
    # Sam's own view of the chain is clean: every signature holds
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        assert sam._vault.ledger.verify() == []
    finally:
        sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        notices = alex.key_notices()
        assert notices and notices[0].taken and notices[0].seq == rotation
        assert "Your signing key was taken over" in notices[0].text
        assert f"event #{rotation}" in notices[0].text
        alex.dismiss_key_notices()
        assert alex.key_notices()[0].taken  # not dismissable
        report = alex.verify()
        failed = "\n".join(line for line in report.lines() if line.startswith("FAIL"))
        assert not report.ok
        assert f"event #{rotation} (2031-03-04) replaced your signing key" in failed
        assert alex.journal is not None and alex.sharing is not None
        before = alex._vault.ledger.head()
        record = alex.journal.write("Alex's words")
        alex.sharing.add(record)
        with pytest.raises(NotAllowed, match="no longer accepts your signing key"):
            alex.sharing.confirm(alex.sharing.preview())
        assert alex._vault.ledger.head() == before
    finally:
        alex.lock()
    assert as_alex > rotation


def test_a_takeover_with_its_timeline_row_hidden_is_still_named_by_the_full_check(
    vault_dir: Path,
) -> None:
    """The unlock notice finds key changes through the timeline's kind index (fast);
    Sam leaves out the takeover's timeline row. The full check walks every event
    and names the key that is no longer Alex's. (Alex has opened the vault before, so
    the first unlock's consent-rules event is not what the walk meets first.)"""
    unlock(vault_dir, "Alex", ALEX_PASS).lock()
    alex_id = _partner_id(vault_dir, "Alex")
    current_seed = _seed_from(vault_dir / keyslots.FILE_NAME, "Alex", ALEX_PASS)
    rotation = forge(
        vault_dir,
        current_seed,
        alex_id,
        "keys.changed",
        {
            "partner": alex_id,
            "how": "change",
            "slots": [],
            "public_key": crypto.public_key_of(crypto.new_key()).hex(),
        },
    )
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        report = alex.verify()
    finally:
        alex.lock()
    failed = "\n".join(line for line in report.lines() if line.startswith("FAIL"))
    assert f"event #{rotation} (2031-03-04) replaced your signing key" in failed


# --- interrupted changes: the next unlock finishes the rotation ---------------------


class _Killed(BaseException):
    """Stands in for kill -9 at one exact point (test_rekey_crash.py kills for real)."""


@pytest.mark.parametrize("point", ["before the event", "after the event"])
@pytest.mark.parametrize("how", ["passphrase", "shared session"])
def test_an_interrupted_rotation_is_finished_with_the_old_key_at_the_next_unlock(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, point: str, how: str
) -> None:
    from twofold.services.session import unlock_session
    from twofold.vault import vault as vault_module

    old_key = _listed_key(vault_dir, "Alex")
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    if point == "before the event":

        def killed(self: object, at: object = None) -> None:
            raise _Killed

        monkeypatch.setattr(vault_module.OpenVault, "_finish_change", killed)
    else:
        real_save = keyslots.save

        def save(folder: Path, slots: keyslots.KeySlots, *, final: bool = False) -> object:
            if final:
                raise _Killed
            return real_save(folder, slots, final=final)

        monkeypatch.setattr(keyslots, "save", save)
    with pytest.raises(_Killed):
        alex.change_passphrase(NEW_PASS, TEST_KDF)
    alex._vault.close()
    monkeypatch.undo()
    pending = keyslots.load(vault_dir)
    alex_id = pending.partner("Alex").id
    assert [s.retiring is not None for s in pending.pending(alex_id)] == [True, True]
    assert pending.partner("Alex").public_key == old_key  # listed: still the old key
    # the old passphrase no longer opens the journal (it was re-keyed)
    with pytest.raises(Exception, match="replaced"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    opened = (
        unlock(vault_dir, "Alex", NEW_PASS)
        if how == "passphrase"
        else unlock_session(vault_dir, NEW_PASS, "Alex")
    )
    try:
        new_key = opened._vault.public_key
        assert new_key != old_key
        assert opened.verify().ok, opened.verify().lines()
        rotations = _rotations(opened, "Alex")
        assert [r["public_key"] for r in rotations] == [new_key.hex()]
        assert opened._vault.ledger.signing_keys().current[alex_id] == new_key
        assert not any(n.taken for n in opened.key_notices())
        # the session that finished the change signs with the new key at once
        from twofold.domain.events import AppreciationRecorded

        with opened._vault.write():
            opened._vault.ledger.record(AppreciationRecorded("after the crash"), _now())
        assert opened.verify().ok, opened.verify().lines()
    finally:
        opened.lock()
    settled = keyslots.load(vault_dir)
    assert settled.partner("Alex").public_key == new_key
    assert not settled.pending(alex_id) and all(s.retiring is None for s in settled.slots)
    # the rotation event is signed with the old key (continuity)
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        event = next(
            e for e in sam._vault.ledger.events() if e.header.kind == EventKind.KEYS_CHANGED
        )
        assert old_key is not None
        assert crypto.signature_valid(old_key, event.signature, event.header.digest())
        assert sam.verify().ok
    finally:
        sam.lock()


def test_a_change_that_never_reached_the_journal_keeps_the_old_key(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from twofold.vault import vault as vault_module

    old_key = _listed_key(vault_dir, "Alex")
    alex = unlock(vault_dir, "Alex", ALEX_PASS)

    def killed(*args: object) -> None:
        raise _Killed

    monkeypatch.setattr(vault_module, "rekey_file", killed)
    with pytest.raises(_Killed):
        alex.change_passphrase(NEW_PASS, TEST_KDF)
    # the abandoned slots were dropped at once; the session signs on with the old key
    assert alex._vault.public_key == old_key
    assert alex.journal is not None and alex.sharing is not None
    alex.sharing.add(alex.journal.write("still mine"))
    alex.sharing.confirm(alex.sharing.preview())
    assert alex.verify().ok
    alex.lock()
    assert _listed_key(vault_dir, "Alex") == old_key
    ok, failed, _ = _report(vault_dir, "Alex", ALEX_PASS)
    assert ok, failed
