"""Ending (issue 15): a partner deletes their private journal for good, or leaves.

**Crypto-shred of a journal.** A new, empty journal is made under a new random
journal key; both of the partner's slots are re-sealed with it (the passphrase slot
with the passphrase typed again, the recovery slot with a new recovery code), the
key-slot file is written twice so that ``keyslots.json.prev`` holds no old slot
either, and the old journal file (and any rollback journal beside it) is overwritten
with random bytes in place before it is replaced. Afterwards no key anywhere in the
folder opens the old journal, and its pages are gone from the file.

**Leaving.** The leaving partner signs ``partner.left``. A copy of ``shared.db`` is
re-keyed to a new vault key with SQLCipher's ``PRAGMA rekey``; the remaining
partner's slots are re-sealed with the new vault key (passphrase slot with their
passphrase, recovery slot with a new code); the leaving partner's slots are removed
(written twice, as above); then the re-keyed copy replaces ``shared.db`` and the
leaving partner's journal — which no slot opens any more — is overwritten and
removed. The leaving partner's key opens nothing written afterwards.

Crash safety: the re-keyed copy is ``.shared.db.rekeyed``. If the process dies after
the slots were written but before the copy replaced ``shared.db``, the next unlock
finds the copy, sees that it (and not ``shared.db``) opens with the slot's key, and
finishes the replacement (``finish_interrupted_rekey``). If it died before the slots
were written, the copy does not open with any slot's key and is discarded: the leave
did not happen (its signed ``partner.left`` event stays in the ledger, and leaving can
be run again).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from twofold.domain import events
from twofold.domain.errors import NotAllowed, VaultDamaged
from twofold.vault import check_copy, crypto, keyslots
from twofold.vault.crypto import KdfParams
from twofold.vault.database import open_keyed, transaction
from twofold.vault.files import fsync_folder
from twofold.vault.keyslots import KeySlots, PartnerKeys
from twofold.vault.locks import WriteLock
from twofold.vault.schema import JOURNAL_MIGRATIONS, migrate
from twofold.vault.vault import REKEYED as REKEYED  # named there: checked at every open
from twofold.vault.vault import SHARED_DB, OpenVault, journal_file, now


def overwrite_and_remove(path: Path) -> None:
    """Overwrite a file's bytes in place with random data, fsync, then unlink it, so
    its old pages are not left in the blocks the file occupied (on a filesystem that
    writes in place; see docs/EXPORT.md for copy-on-write filesystems and SSDs)."""
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as handle:
        remaining = size
        while remaining > 0:
            chunk = os.urandom(min(1 << 20, remaining))
            handle.write(chunk)
            remaining -= len(chunk)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def _save_twice(folder: Path, slots: KeySlots) -> KeySlots:
    # keyslots.save keeps the previous generation as .prev: a second save makes the
    # new generation the previous one too, so no old slot is left in the folder.
    return keyslots.save(folder, keyslots.save(folder, slots))


def _keys_of(vault: OpenVault) -> PartnerKeys:
    keys = vault._keys
    if keys is None or keys.journal_key is None:
        raise NotAllowed("Unlock with your own passphrase first (not a shared session).")
    return keys


@dataclass(frozen=True, slots=True)
class ShredResult:
    recovery_code: str  # the partner's new code: the old one opened the old journal


def shred_journal(
    vault: OpenVault, passphrase: str, kdf: KdfParams | None = None, at: datetime | None = None
) -> ShredResult:
    """Destroy this partner's private journal; they keep an empty one. Closes the
    vault (the session ends). Runs the KDF: call from a worker."""
    keys = _keys_of(vault)
    folder = vault.folder
    slots = vault.keyslots
    pid = vault.partner_id
    secret = crypto.normalise_passphrase(passphrase)
    slots.unlock(slots.slot(pid, "passphrase"), secret, with_journal=False).wipe()
    seq, digest = vault.ledger.head()
    path = folder / journal_file(pid)
    fresh = folder / f".{path.name}.new"
    fresh.unlink(missing_ok=True)
    new_key = crypto.new_key()
    new_keys = PartnerKeys(pid, bytearray(keys.vault_key), bytearray(keys.signing_seed), new_key)
    try:
        conn = open_keyed(fresh, new_key, create=True)
        try:
            migrate(conn, JOURNAL_MIGRATIONS, "journal")
            with transaction(conn, "journal"):
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("partner_id", pid),
                        ("vault_id", slots.vault_id),
                        ("ledger_head_seq", str(seq)),
                        ("ledger_head_hash", digest.hex()),
                    ],
                )
        finally:
            conn.close()
        code = crypto.new_recovery_code()
        params = kdf or KdfParams.calibrated()  # new slots never copy old settings
        updated = slots.with_slot(pid, "passphrase", secret, new_keys, params).with_slot(
            pid, "recovery", crypto.parse_recovery_code(code), new_keys, params
        )
        with WriteLock(folder):
            vault.connection.execute("DETACH DATABASE journal")
            for leftover in (path.with_name(path.name + "-journal"), path):
                if leftover.exists():
                    overwrite_and_remove(leftover)
            for copied in check_copy.copies_of(folder, path.name):
                overwrite_and_remove(copied)
            fresh.replace(path)
            fsync_folder(folder)
            vault.keyslots = _save_twice(folder, updated)
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    finally:
        new_keys.wipe()
        vault.close()
    return ShredResult(code)


@dataclass(frozen=True, slots=True)
class LeaveResult:
    remaining_label: str
    remaining_recovery_code: str  # shown only to the remaining partner


def leave(
    vault: OpenVault,
    remaining_passphrase: str,
    *,
    took_copy: bool,
    kdf: KdfParams | None = None,
    at: datetime | None = None,
) -> LeaveResult:
    """The unlocked partner leaves; the other, present, types their passphrase so
    their slots can be re-sealed with the new vault key. Closes the vault."""
    keys = _keys_of(vault)
    folder = vault.folder
    slots = vault.keyslots
    me = vault.partner_id
    others = [p for p in slots.partners if p.id != me]
    if not others:
        raise NotAllowed("You are the only partner left in this vault.")
    other = others[0]
    secret = crypto.normalise_passphrase(remaining_passphrase)
    theirs = slots.unlock(slots.slot(other.id, "passphrase"), secret, with_journal=True)
    new_vault_key = crypto.new_key()
    staged = folder / REKEYED
    slots_saved = False
    try:
        with vault.write("Leaving"):
            vault.ledger.record(events.PartnerLeft(partner=me, copy=took_copy), at or now())
        with WriteLock(folder):
            staged.unlink(missing_ok=True)
            shutil.copyfile(folder / SHARED_DB, staged)
            conn = open_keyed(staged, keys.vault_key)
            try:
                conn.execute(f'PRAGMA rekey = "{crypto.sqlcipher_key(new_vault_key)}"')
            finally:
                conn.close()
            check = open_keyed(staged, new_vault_key)  # proves the copy opens with the new key
            check.close()
            with staged.open("rb") as handle:
                os.fsync(handle.fileno())
            fsync_folder(folder)
            renewed = PartnerKeys(
                other.id,
                bytearray(new_vault_key),
                bytearray(theirs.signing_seed),
                theirs.journal_key,
            )
            code = crypto.new_recovery_code()
            params = kdf or KdfParams.calibrated()  # new slots never copy old settings
            updated = slots.with_slot(other.id, "passphrase", secret, renewed, params).with_slot(
                other.id, "recovery", crypto.parse_recovery_code(code), renewed, params
            )
            remaining = KeySlots(
                updated.vault_id,
                updated.generation,
                [p for p in updated.partners if p.id != me],
                [s for s in updated.slots if s.partner_id != me],
            )
            _save_twice(folder, remaining)
            slots_saved = True
            vault.connection.execute("DETACH DATABASE journal")
            vault.close()
            staged.replace(folder / SHARED_DB)
            for name in (SHARED_DB + "-journal",):
                (folder / name).unlink(missing_ok=True)
            mine = folder / journal_file(me)
            for leftover in (mine.with_name(mine.name + "-journal"), mine):
                overwrite_and_remove(leftover)
            # a check's copies hold the ledger under the old vault key, which the one
            # who left still has, and the journal that is gone
            for copied in [
                *check_copy.copies_of(folder, SHARED_DB),
                *check_copy.copies_of(folder, mine.name),
            ]:
                overwrite_and_remove(copied)
            fsync_folder(folder)
    except BaseException:
        if not slots_saved:
            staged.unlink(missing_ok=True)  # the leave did not happen; it can be run again
        raise
    finally:
        theirs.wipe()
        crypto.zero(new_vault_key)
        vault.close()
    return LeaveResult(other.label, code)


def finish_interrupted_rekey(folder: Path, vault_key: bytes | bytearray) -> None:
    """At unlock: a leave that wrote the new slots but died before the re-keyed copy
    replaced shared.db is finished here; a copy from a leave that never wrote its
    slots is discarded."""
    staged = folder / REKEYED
    if not staged.exists():
        return
    try:
        open_keyed(staged, vault_key).close()
    except VaultDamaged:
        staged.unlink(missing_ok=True)
        return
    staged.replace(folder / SHARED_DB)
    fsync_folder(folder)
