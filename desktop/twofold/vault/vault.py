"""Creating and opening a vault folder (DESIGN §3, §4).

    shared.db                 the shared ledger, keyed with the vault key
    journal-<partner id>.db   one private journal per partner, keyed with its journal key
    keyslots.json (+ .prev)   the key slots, the only file readable before unlock

An ``OpenVault`` owns the connection, the keys and the owner lock; ``close()`` zeroes
the keys and releases everything.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from twofold.domain.errors import InvalidInput, NotAllowed, VaultDamaged, VaultExists
from twofold.domain.events import EventData, GenesisPartner, VaultCountersigned, VaultCreated
from twofold.domain.ledger import Problem
from twofold.vault import crypto, keyslots
from twofold.vault.crypto import KdfParams
from twofold.vault.database import (
    Connection,
    Link,
    attach_keyed,
    integrity_problems,
    mapped_errors,
    open_keyed,
    transaction,
)
from twofold.vault.files import PRIVATE_FOLDER, fsync_folder
from twofold.vault.journal_store import JournalStore
from twofold.vault.keyslots import KeySlots, Partner, PartnerKeys, SlotKind
from twofold.vault.ledger_store import LedgerStore
from twofold.vault.locks import FolderLock, WriteLock, take_owner_lock
from twofold.vault.schema import JOURNAL_MIGRATIONS, SHARED_MIGRATIONS, check_existing, migrate

SHARED_DB = "shared.db"


def journal_file(partner_id: str) -> str:
    return f"journal-{partner_id}.db"


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class NewPartner:
    label: str
    passphrase: str


class OpenVault:
    """An unlocked vault: the shared ledger, and the partner's journal unless this is
    a shared session."""

    def __init__(
        self,
        folder: Path,
        slots: KeySlots,
        keys: PartnerKeys,
        conn: Connection,
        lock: FolderLock | None,
        shared_damage: str | None = None,
    ) -> None:
        self.folder = folder
        self.keyslots = slots
        self.partner_id = keys.partner_id
        # Set when shared.db did not open: the private journal is open for reading and
        # export only, over an empty stand-in for the ledger (nothing is written).
        self.shared_damage = shared_damage
        self._keys: PartnerKeys | None = keys
        self._link: Link | None = Link(conn, lambda: _connect(folder, slots, keys)[0])
        self._lock = lock
        self.ledger = LedgerStore(self._link, slots.vault_id, keys.partner_id, keys.signing_seed)
        self.journal: JournalStore | None = (
            JournalStore(self._link) if keys.journal_key is not None else None
        )

    @property
    def is_session(self) -> bool:
        return self.journal is None

    @property
    def closed(self) -> bool:
        return self._link is None

    @property
    def partner(self) -> Partner:
        return self.keyslots.partner(self.partner_id)

    @property
    def connection(self) -> Connection:
        if self._link is None:
            raise NotAllowed("The vault is locked; unlock it again to go on.")
        return self._link.conn

    @property
    def public_key(self) -> bytes:
        assert self._keys is not None
        return crypto.public_key_of(self._keys.signing_seed)

    @contextlib.contextmanager
    def write(self, what: str = "The vault") -> Iterator[Connection]:
        """One atomic transaction over shared.db and the attached journal."""
        if self.shared_damage is not None:
            raise VaultDamaged(
                f"{what} cannot be changed while shared.db is damaged: your journal is open "
                "for reading and export only. Restore shared.db from a backup."
            )
        with WriteLock(self.folder), transaction(self.connection, what) as conn:
            yield conn

    def integrity(self) -> list[Problem]:
        if self.shared_damage is not None:
            problems = [Problem(SHARED_DB, self.shared_damage)]
        else:
            problems = [Problem(SHARED_DB, p) for p in integrity_problems(self.connection, "main")]
        if self.journal is not None:
            name = journal_file(self.partner_id)
            problems += [Problem(name, p) for p in integrity_problems(self.connection, "journal")]
        return problems

    def _rewrap(self, kind: SlotKind, secret: bytes, kdf: KdfParams | None) -> None:
        # Rewraps one slot; the data is never re-encrypted.
        if self._keys is None or self._keys.journal_key is None:
            raise InvalidInput("Unlock with your own passphrase to change your key slots.")
        params = kdf or self.keyslots.slot(self.partner_id, kind).kdf
        updated = self.keyslots.with_slot(self.partner_id, kind, secret, self._keys, params)
        self.keyslots = keyslots.save(self.folder, updated)

    def set_passphrase(self, passphrase: str, kdf: KdfParams | None = None) -> None:
        self._rewrap("passphrase", crypto.normalise_passphrase(passphrase), kdf)

    def renew_recovery_code(self, kdf: KdfParams | None = None) -> str:
        """A new recovery code replaces the old one (a used code is never reused)."""
        code = crypto.new_recovery_code()
        self._rewrap("recovery", crypto.parse_recovery_code(code), kdf)
        return code

    def close(self) -> None:
        if self._link is not None:
            with contextlib.suppress(Exception):
                self._link.conn.close()
            self._link = None
        if self._keys is not None:
            self._keys.wipe()
            self._keys = None
        if self._lock is not None:
            self._lock.release()

    def cosigner(self, passphrase: str) -> Cosigner:
        """The other partner, present on this machine, signs with their own passphrase
        (a joint session is signed by both). Only their signing key is unwrapped."""
        others = [p for p in self.keyslots.partners if p.id != self.partner_id]
        if not others:
            raise NotAllowed("There is no other partner to co-sign.")
        other = others[0]
        slot = self.keyslots.slot(other.id, "passphrase")
        keys = self.keyslots.unlock(
            slot, crypto.normalise_passphrase(passphrase), with_journal=False
        )
        return Cosigner(self.ledger, keys)

    def reader(self) -> OpenVault:
        """A second connection to the same files, with its own copy of the keys, for
        long reads on another thread (verification); closing it leaves this one open.
        It holds no lock of its own: this process already owns the vault."""
        if self._keys is None:
            raise NotAllowed("The vault is locked; unlock it again to go on.")
        keys = PartnerKeys(
            self._keys.partner_id,
            bytearray(self._keys.vault_key),
            bytearray(self._keys.signing_seed),
            None if self._keys.journal_key is None else bytearray(self._keys.journal_key),
        )
        try:
            conn, damage = _connect(self.folder, self.keyslots, keys)
        except BaseException:
            keys.wipe()
            raise
        return OpenVault(self.folder, self.keyslots, keys, conn, None, damage)

    def __enter__(self) -> OpenVault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Cosigner:
    """Holds the other partner's signing key just long enough to append their events."""

    def __init__(self, ledger: LedgerStore, keys: PartnerKeys) -> None:
        self._ledger = ledger
        self._keys: PartnerKeys | None = keys
        self.partner_id = keys.partner_id

    def record(self, event: EventData, at: datetime) -> None:
        if self._keys is None:
            raise NotAllowed("The co-signature was already used.")
        self._ledger.record(event, at, seed=self._keys.signing_seed, author=self.partner_id)

    def close(self) -> None:
        if self._keys is not None:
            self._keys.wipe()
            self._keys = None


# --- creating --------------------------------------------------------------------


def create(
    folder: Path, partners: list[NewPartner], kdf: KdfParams, at: datetime | None = None
) -> dict[str, str]:
    """Create a vault for two; returns each partner label's recovery code (shown once).

    Everything is built in a hidden sibling folder and renamed into place, so an
    interrupted setup never leaves a half-made vault at ``folder``.
    """
    if len(partners) != 2:
        raise InvalidInput("A Twofold vault is made for exactly two partners.")
    labels = [p.label.strip() for p in partners]
    if not all(labels) or labels[0].casefold() == labels[1].casefold():
        raise InvalidInput("Each partner needs a name, and the two names must differ.")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise VaultExists(f"{folder} already exists and is not empty; choose a new folder.")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.parent / f".{folder.name}.creating-{secrets.token_hex(4)}"
    staging.mkdir(mode=PRIVATE_FOLDER)  # owner-only from the start, whatever the umask
    try:
        codes = _build(staging, partners, labels, kdf, at or now())
        if folder.exists():
            folder.rmdir()
        staging.rename(folder)
        fsync_folder(folder.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return codes


def _build(
    folder: Path, partners: list[NewPartner], labels: list[str], kdf: KdfParams, at: datetime
) -> dict[str, str]:
    vault_id = uuid.uuid4().hex
    ids = [secrets.token_hex(8) for _ in partners]
    vault_key = crypto.new_key()
    all_keys = [
        PartnerKeys(pid, bytearray(vault_key), crypto.new_key(), crypto.new_key()) for pid in ids
    ]
    try:
        conn = open_keyed(folder / SHARED_DB, vault_key, create=True)
        try:
            migrate(conn, SHARED_MIGRATIONS, SHARED_DB)
            ledger = LedgerStore(Link(conn, lambda: conn), vault_id, None, None)
            with transaction(conn, SHARED_DB):
                conn.execute("INSERT INTO meta (key, value) VALUES ('vault_id', ?)", (vault_id,))
                publics = [crypto.public_key_of(k.signing_seed) for k in all_keys]
                for position, (pid, label, public) in enumerate(
                    zip(ids, labels, publics, strict=True)
                ):
                    ledger.add_partner(pid, label, public, position)
                genesis = ledger.record(
                    VaultCreated(
                        vault_id,
                        tuple(
                            GenesisPartner(pid, label, public.hex())
                            for pid, label, public in zip(ids, labels, publics, strict=True)
                        ),
                    ),
                    at,
                    seed=all_keys[0].signing_seed,
                    author=ids[0],
                )
                ledger.record(
                    VaultCountersigned(genesis.header.digest().hex()),
                    at,
                    seed=all_keys[1].signing_seed,
                    author=ids[1],
                )
        finally:
            conn.close()
        for keys in all_keys:
            assert keys.journal_key is not None
            jconn = open_keyed(
                folder / journal_file(keys.partner_id), keys.journal_key, create=True
            )
            try:
                migrate(jconn, JOURNAL_MIGRATIONS, "journal")
                with transaction(jconn, "journal"):
                    jconn.executemany(
                        "INSERT INTO meta (key, value) VALUES (?, ?)",
                        [("partner_id", keys.partner_id), ("vault_id", vault_id)],
                    )
            finally:
                jconn.close()
        slots = keyslots.new(
            vault_id, [Partner(pid, label) for pid, label in zip(ids, labels, strict=True)]
        )
        codes: dict[str, str] = {}
        for partner, keys, label in zip(partners, all_keys, labels, strict=True):
            code = crypto.new_recovery_code()
            codes[label] = code
            slots = slots.with_slot(
                keys.partner_id,
                "passphrase",
                crypto.normalise_passphrase(partner.passphrase),
                keys,
                kdf,
            )
            slots = slots.with_slot(
                keys.partner_id, "recovery", crypto.parse_recovery_code(code), keys, kdf
            )
        keyslots.save(folder, slots)
        fsync_folder(folder)
        return codes
    finally:
        crypto.zero(vault_key)
        for keys in all_keys:
            keys.wipe()


# --- opening ---------------------------------------------------------------------


def open_with_keys(folder: Path, slots: KeySlots, keys: PartnerKeys) -> OpenVault:
    """Open the files with keys from an unlocked slot. Reads only, writes nothing
    except running pending migrations (after checking none is newer)."""
    lock = take_owner_lock(folder)
    try:
        from twofold.vault.ending import finish_interrupted_rekey  # a leave cut short

        finish_interrupted_rekey(folder, keys.vault_key)
        conn, damage = _connect(folder, slots, keys)
    except BaseException:
        keys.wipe()
        lock.release()
        raise
    return OpenVault(folder, slots, keys, conn, lock, damage)


def _connect(folder: Path, slots: KeySlots, keys: PartnerKeys) -> tuple[Connection, str | None]:
    """The connection, and what is wrong with shared.db when only the journal opened."""
    damage: str | None = None
    try:
        conn = _open_shared(folder, slots, keys)
    except VaultDamaged as exc:
        if keys.journal_key is None:
            raise  # a shared session has nothing else to open
        # One damaged byte in shared.db must not lock a partner out of their own
        # intact journal: open it over an empty, in-memory stand-in, read-only.
        damage = str(exc)
        conn = _stand_in_for_shared()
    try:
        if keys.journal_key is not None:
            _attach_journal(conn, folder, slots, keys)
    except BaseException:
        conn.close()
        raise
    return conn, damage


def _stand_in_for_shared() -> Connection:
    conn: Connection = sqlcipher3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        migrate(conn, SHARED_MIGRATIONS, "the stand-in ledger")
    except BaseException:
        conn.close()
        raise
    return conn


def _open_shared(folder: Path, slots: KeySlots, keys: PartnerKeys) -> Connection:
    path = folder / SHARED_DB
    conn = open_keyed(path, keys.vault_key)
    try:
        with mapped_errors(SHARED_DB):
            if check_existing(conn, SHARED_MIGRATIONS, SHARED_DB) < len(SHARED_MIGRATIONS):
                migrate(conn, SHARED_MIGRATIONS, SHARED_DB)
            row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if row is None or row[0] != slots.vault_id:
            raise VaultDamaged(
                "shared.db belongs to a different vault than keyslots.json. "
                "Nothing was changed; restore the folder from one backup."
            )
    except BaseException:
        conn.close()
        raise
    return conn


def _attach_journal(conn: Connection, folder: Path, slots: KeySlots, keys: PartnerKeys) -> None:
    assert keys.journal_key is not None
    path = folder / journal_file(keys.partner_id)
    # Migrate the file on its own connection first, so DDL never spans two files.
    standalone = open_keyed(path, keys.journal_key)
    try:
        if check_existing(standalone, JOURNAL_MIGRATIONS, path.name) < len(JOURNAL_MIGRATIONS):
            migrate(standalone, JOURNAL_MIGRATIONS, path.name)
    finally:
        standalone.close()
    attach_keyed(conn, "journal", path, keys.journal_key)
    journal = JournalStore(Link(conn, lambda: conn))
    if journal.meta("partner_id") != keys.partner_id or journal.meta("vault_id") != slots.vault_id:
        conn.execute("DETACH DATABASE journal")
        raise VaultDamaged(
            f"{path.name} is not this partner's journal from this vault (it was swapped or "
            "replaced). Nothing was changed; restore it from a backup."
        )


def unlock_partner(folder: Path, who: str, passphrase: str) -> OpenVault:
    slots = keyslots.load(folder)
    partner = slots.partner(who)
    keys = slots.unlock(
        slots.slot(partner.id, "passphrase"), crypto.normalise_passphrase(passphrase)
    )
    return open_with_keys(folder, slots, keys)


def unlock_with_recovery_code(folder: Path, who: str, code: str) -> OpenVault:
    secret = crypto.parse_recovery_code(code)  # a typo fails here, before the KDF
    slots = keyslots.load(folder)
    partner = slots.partner(who)
    keys = slots.unlock(slots.slot(partner.id, "recovery"), secret)
    return open_with_keys(folder, slots, keys)


def unlock_session(folder: Path, passphrase: str, who: str | None = None) -> OpenVault:
    """Shared ledger only: the journal key is never unwrapped."""
    slots = keyslots.load(folder)
    secret = crypto.normalise_passphrase(passphrase)
    if who is None:
        keys = slots.find_passphrase_slot(secret)
    else:
        partner = slots.partner(who)
        keys = slots.unlock(slots.slot(partner.id, "passphrase"), secret, with_journal=False)
    return open_with_keys(folder, slots, keys)


def partners(folder: Path) -> list[Partner]:
    """The slot labels: what the unlock screen may show before any key is known."""
    return list(keyslots.load(folder).partners)


def load_warnings(folder: Path) -> list[str]:
    return list(keyslots.load(folder).warnings)


def is_open_elsewhere(folder: Path) -> bool:
    """True while another window or process holds this vault open."""
    from twofold.vault.locks import OWNER_LOCK

    if not folder.is_dir():
        return False
    probe = FolderLock(folder / OWNER_LOCK)
    if probe.acquire():
        probe.release()
        return False
    return True
