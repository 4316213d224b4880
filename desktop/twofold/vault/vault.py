"""Creating and opening a vault folder (DESIGN §3, §4).

    shared.db                 the shared ledger, keyed with the vault key
    journal-<partner id>.db   one private journal per partner, keyed with its journal key
    keyslots.json (+ .prev)   the key slots, the only file readable before unlock

An ``OpenVault`` owns the connection, the keys and the owner lock; ``close()`` zeroes
the keys and releases everything.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from twofold.domain import events
from twofold.domain.errors import (
    InvalidInput,
    NotAllowed,
    TwofoldError,
    VaultDamaged,
    VaultExists,
    VaultInUse,
    WrongPassphrase,
)
from twofold.domain.events import (
    EventData,
    GenesisPartner,
    VaultCountersigned,
    VaultCreated,
)
from twofold.domain.ledger import EventKind, LedgerEvent, Problem, ShownState
from twofold.domain.valueclass import valueclass
from twofold.vault import crypto, engine, keyslots, locks, search_index, trust
from twofold.vault.crypto import KdfParams
from twofold.vault.database import (
    Connection,
    DatabaseError,
    Link,
    attach_keyed,
    integrity_problems,
    is_hot_journal,
    mapped_errors,
    open_keyed,
    scrub_journal,
    transaction,
)
from twofold.vault.files import PRIVATE_FOLDER, fsync_folder
from twofold.vault.journal_store import JournalStore
from twofold.vault.keyslots import KeySlots, NewSlot, Partner, PartnerKeys, Slot, SlotKind
from twofold.vault.ledger_store import LedgerStore
from twofold.vault.locks import FolderLock, WriteLock, take_owner_lock
from twofold.vault.projectors import replay
from twofold.vault.schema import (
    JOURNAL_MIGRATIONS,
    SHARED_MIGRATIONS,
    check_existing,
    migrate,
    structure_problems,
)

SHARED_DB = "shared.db"
REKEYED = ".shared.db.rekeyed"  # a leave's re-keyed copy of shared.db (vault/ending.py)


def journal_file(partner_id: str) -> str:
    return f"journal-{partner_id}.db"


def now() -> datetime:
    return datetime.now(UTC)


@valueclass
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
        self.warnings = list(slots.warnings)  # about keyslots.json, shown after unlock
        self.partner_id = keys.partner_id
        # Set when shared.db did not open: the private journal is open for reading and
        # export only, over an empty stand-in for the ledger (nothing is written).
        self.shared_damage = shared_damage
        self._keys: PartnerKeys | None = keys
        self._link: Link | None = Link(conn, lambda: _connect(folder, slots, keys)[0])
        self._lock = lock
        # a reader of a copy (``reader_opener(on_copy=True)``): removes it on close
        self._discard: Callable[[], None] | None = None
        self.copy_refused: BaseException | None = None  # why a copy could not be made
        self.ledger = LedgerStore(self._link, slots.vault_id, keys.partner_id, keys.signing_seed)
        self._check_own_key()
        self._signed_name: str | None = None
        self._check_names()
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
        """This partner, named as the signed first event names them (keyslots.json's
        name may have been edited: ``_check_names`` says so)."""
        partner = self.keyslots.partner(self.partner_id)
        if self._signed_name is not None and self._signed_name != partner.label:
            return Partner(partner.id, self._signed_name, partner.public_key)
        return partner

    @property
    def connection(self) -> Connection:
        if self._link is None:
            raise NotAllowed("The vault is locked; unlock it again to go on.")
        return self._link.conn

    @property
    def public_key(self) -> bytes:
        assert self._keys is not None
        return crypto.public_key_of(self._keys.signing_seed)

    def _check_names(self) -> None:
        """The names on the unlock screen come from keyslots.json, which either partner
        can edit (its slots are signed, the names are not): say when one differs from
        the name the ledger's signed first event gives that partner."""
        self._signed_name = None
        if self.shared_damage is not None:
            return
        try:
            signed = self.ledger.partner_labels()
        except TwofoldError:
            return  # a ledger that cannot be read is named by the check
        self._signed_name = signed.get(self.partner_id)
        for partner in self.keyslots.partners:
            name = name2 = signed.get(partner.id)
            label = partner.label
            if name is not None and name != label:
                self.warnings.append(
                    f"keyslots.json names {name} “{label}” on the unlock screen; "
                    f"the signed first event of the ledger names them “{name2}”. Someone "
                    "edited keyslots.json."
                )

    def _check_own_key(self) -> None:
        """Refuse to sign this partner's events while the ledger's key for them is not
        theirs (set at opening and again when a key change finishes)."""
        taken = self.key_taken()
        self.ledger.refuse_signing = (
            None
            if taken is None
            else "Nothing was signed: the shared ledger no longer accepts your signing key "
            f"(it was replaced by event #{taken.seq} by someone who had an old copy of it). "
            "See the notice at the top of the window."
        )

    def key_taken(self) -> KeyTaken | None:
        """The ledger's current signing key for this partner is not the one in their
        own slot: someone who once held their key (an old slot opened with an old
        secret) signed a key change to a key of their own. None when it matches, and
        when the ledger cannot say (damaged, empty: ``verify`` names that)."""
        if self._keys is None or self.shared_damage is not None:
            return None
        try:
            history = self.ledger.signing_keys()
        except (DatabaseError, VaultDamaged):
            return None
        own = crypto.public_key_of(self._keys.signing_seed)
        current = history.current.get(self.partner_id)
        if current is None or current == own:
            return None
        _, seq, at = history.retired.get(own, (self.partner_id, 0, ""))
        return KeyTaken(seq, at)

    @contextlib.contextmanager
    def write(self, what: str = "The vault", *, removes_text: bool = False) -> Iterator[Connection]:
        """One atomic transaction over shared.db and the attached journal.

        ``removes_text``: the transaction deleted or retracted text, so afterwards the
        rollback journals (which hold the pages as they were) are overwritten too."""
        if self.shared_damage is not None:
            raise VaultDamaged(
                f"{what} cannot be changed while shared.db is damaged: your journal is open "
                "for reading and export only. Restore shared.db from a backup."
            )
        with WriteLock(self.folder):
            with transaction(self.connection, what, deferred=True) as conn:
                yield conn
            if removes_text:
                self.scrub_journals()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: everything read inside sees shared.db (and the
        journal) as of one moment; a commit elsewhere waits until it ends (shared.db
        keeps a rollback journal), so keep it short."""
        with transaction(self.connection, "The shared ledger (shared.db)", deferred=True):
            yield

    def shown_state(self, head: tuple[int, bytes] | None = None) -> ShownState:
        """The ledger's head and the hash of its projections (``ShownState``), which a
        check compares with what it proved; read inside ``snapshot``. ``head``: the
        head already read in the same snapshot."""
        from twofold.vault.projectors import replay  # reports and checks only

        return replay.shown_state(self.connection, head or self.ledger.head())

    def scrub_journals(self) -> None:
        scrub_journal(self.folder / SHARED_DB)
        if self.journal is not None:
            scrub_journal(self.folder / journal_file(self.partner_id))

    def search_indexes(self) -> list[search_index.Index]:
        """The FTS5 indexes this vault may merge: none when it may write nothing (a
        damaged shared.db keeps the journal open for reading only; a folder it may
        not write), the shared one, and this partner's journal's when it is open."""
        if self.shared_damage is not None or not os.access(self.folder, os.W_OK):
            return []
        found = [search_index.Index("main", "timeline_fts", SHARED_DB)]
        if self.journal is not None:
            found.append(
                search_index.Index("journal", "journal_fts", journal_file(self.partner_id))
            )
        return found

    def tidy_search(
        self, stop: Callable[[], bool], pages: int = search_index.PAGES
    ) -> list[search_index.Tidied]:
        """Merge the search indexes' segments in short steps (``vault.search_index``);
        ``stop``: checked between steps (the window's vault was locked)."""
        return search_index.tidy(
            self.connection,
            self.folder,
            self.search_indexes(),
            lambda: self.closed or stop(),
            pages=pages,
            background=self._lock is None,
        )

    def integrity(self) -> list[Problem]:
        if self.shared_damage is not None:
            problems = [Problem(SHARED_DB, self.shared_damage)]
        else:
            problems = [Problem(SHARED_DB, p) for p in integrity_problems(self.connection, "main")]
        if self.journal is not None:
            name = journal_file(self.partner_id)
            problems += [Problem(name, p) for p in integrity_problems(self.connection, "journal")]
        return problems

    # --- key changes (DESIGN §3: revocation is real) ----------------------------------

    def change_keys(
        self,
        origin: str,
        passphrase: bytes,
        recovery: bytes,
        kdf: KdfParams | None = None,
        at: datetime | None = None,
    ) -> None:
        """A new journal key, new passphrase and recovery slots, in two phases.

        1. the new slots are written as ``pending`` beside the old ones;
        2. a copy of the journal is re-keyed (``PRAGMA rekey``) and renamed over it;
        3. a ``keys.changed`` event carrying the new signing key, signed with the old
           one, is appended and the pending slots replace the old ones in both
           ``keyslots.json`` and ``.prev``.

        The signing key is rotated with the journal key: the pending slots seal a
        fresh Ed25519 seed (and, as ``retiring``, the old one, so an interrupted
        change can still be signed with it when the next unlock finishes it). From
        the event on, the ledger accepts only the new key for this partner, so a
        copy of the old seed (an old slot opened with an old secret) signs nothing.

        A crash anywhere leaves exactly one of the old and new secrets working: the
        key that opens the journal file decides at the next unlock (see
        ``_resolve``), and the ledger's key and the slots' key change together in
        the last step. The vault key stays the same (the other partner holds it;
        docs/ARCHITECTURE.md says what that means)."""
        keys = self._full_keys()
        assert keys.journal_key is not None
        params = kdf or KdfParams.calibrated()
        new_keys = keys.copy()
        crypto.zero(new_keys.journal_key)
        new_keys.journal_key = crypto.new_key()
        crypto.zero(new_keys.retiring_seed)
        new_keys.retiring_seed = new_keys.signing_seed  # the copy of the current seed
        new_keys.signing_seed = crypto.new_key()
        path = self.folder / journal_file(self.partner_id)
        try:
            with WriteLock(self.folder):
                current = keyslots.load(self.folder)
                staged = current.with_new_slots(
                    self.partner_id,
                    [NewSlot("passphrase", passphrase), NewSlot("recovery", recovery)],
                    new_keys,
                    params,
                    origin=origin,
                    state="pending",
                    at=at,
                )
                self.keyslots = keyslots.save(self.folder, staged)
                self.connection.execute("DETACH DATABASE journal")
                try:
                    rekey_file(path, keys.journal_key, new_keys.journal_key)
                except BaseException:
                    self.keyslots = keyslots.save(
                        self.folder, self.keyslots.abandoned(self.partner_id)
                    )
                    attach_keyed(self.connection, "journal", path, keys.journal_key)
                    raise
                crypto.zero(keys.journal_key)
                keys.journal_key = bytearray(new_keys.journal_key)
                crypto.zero(keys.retiring_seed)
                keys.retiring_seed = bytearray(keys.signing_seed)
                # in place: the ledger store signs with this same bytearray
                keys.signing_seed[:] = new_keys.signing_seed
                attach_keyed(self.connection, "journal", path, keys.journal_key)
                self._finish_change(at)
        finally:
            new_keys.wipe()

    def _full_keys(self) -> PartnerKeys:
        if self._keys is None or self._keys.journal_key is None:
            raise InvalidInput("Unlock with your own passphrase to change your key slots.")
        return self._keys

    def _finish_change(self, at: datetime | None = None) -> None:
        """Phase 3 (also run at unlock after a crash): the event, then the slots.
        Call with the write lock held (the journal, if attached, has the new key)."""
        if self._keys is None:
            raise NotAllowed("The vault is locked; unlock it again to go on.")
        keys = self._keys
        slots = keyslots.load(self.folder)
        pending = slots.pending(self.partner_id)
        if not pending:
            return
        ids = sorted(s.slot_id for s in pending)
        # The new key, signed with the one it replaces (a pending slot written before
        # keys were rotated has no retiring seed: then only the slots change).
        rotating = keys.retiring_seed
        new_public = "" if rotating is None else crypto.public_key_of(keys.signing_seed).hex()
        with transaction(self.connection, "The key change", deferred=True):
            if not self._change_recorded(ids):
                self.ledger.record(
                    events.KeysChanged(self.partner_id, pending[0].origin, tuple(ids), new_public),
                    at or now(),
                    seed=rotating,
                )
                if new_public:
                    self.ledger.set_partner_key(self.partner_id, bytes.fromhex(new_public))
        self.keyslots = keyslots.save(self.folder, slots.promoted(keys), final=True)
        crypto.zero(keys.retiring_seed)
        keys.retiring_seed = None
        self._check_own_key()
        remove_leftovers(self.folder, self.partner_id)

    def _change_recorded(self, slot_ids: list[str]) -> bool:
        rows = self.connection.execute(
            "SELECT payload FROM ledger_events WHERE kind = ? AND author = ? "
            "ORDER BY seq DESC LIMIT 5",
            (str(EventKind.KEYS_CHANGED), self.partner_id),
        )
        for (payload,) in rows:
            if payload is not None and json.loads(payload).get("slots") == slot_ids:
                return True
        return False

    def set_passphrase(
        self, passphrase: str, kdf: KdfParams | None = None, *, origin: str = "change"
    ) -> str:
        """A new passphrase and a new journal key; the recovery code is renewed with
        them (its slot must wrap the new key). Returns the new recovery code."""
        code = crypto.new_recovery_code()
        self.change_keys(
            origin, crypto.normalise_passphrase(passphrase), crypto.parse_recovery_code(code), kdf
        )
        return code

    def renew_recovery_code(self, passphrase: str, kdf: KdfParams | None = None) -> str:
        """A new recovery code; the old one is revoked (new journal key). The
        passphrase is asked again because its slot is rewritten too."""
        keys = self._full_keys()
        slot = self.keyslots.slot(self.partner_id, "passphrase")
        check = self.keyslots.unlock(slot, crypto.normalise_passphrase(passphrase))
        same = check.journal_key == keys.journal_key
        check.wipe()
        if not same:
            raise WrongPassphrase(
                "Wrong passphrase: that is not your current one, so nothing was changed."
            )
        code = crypto.new_recovery_code()
        self.change_keys(
            "renew", crypto.normalise_passphrase(passphrase), crypto.parse_recovery_code(code), kdf
        )
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
        discard, self._discard = self._discard, None
        if discard is not None:
            discard()

    def opens_other_partner(self, passphrase: str) -> bool:
        """Two partners, two secrets: would this passphrase open the other's slot?"""
        secret = crypto.normalise_passphrase(passphrase)
        for other in self.keyslots.partners:
            if other.id == self.partner_id:
                continue
            try:
                self.keyslots.unlock(
                    self.keyslots.slot(other.id, "passphrase"), secret, with_journal=False
                ).wipe()
            except WrongPassphrase:
                continue
            return True
        return False

    def cosigner(self, passphrase: str) -> Cosigner:
        """The other partner, present on this machine, signs with their own passphrase
        (a joint session is signed by both). Only their signing key is unwrapped."""
        return self.cosigner_opener(passphrase)()

    def cosigner_opener(self, passphrase: str) -> Callable[[], Cosigner]:
        """``cosigner`` in two steps: who co-signs, and whether they can, is checked
        now; calling the result runs the KDF and unwraps their signing key. It touches
        no database, so it may run on another thread while this one reads (the
        therapist report builds beside it); call it once."""
        others = [p for p in self.keyslots.partners if p.id != self.partner_id]
        if not others:
            raise NotAllowed("There is no other partner to co-sign.")
        other = others[0]
        if self.keyslots.pending(other.id):
            raise NotAllowed(
                f"{other.label} has an unfinished passphrase change; {other.label} should "
                "unlock once on their own first."
            )
        slot = self.keyslots.slot(other.id, "passphrase")
        keyslots, ledger = self.keyslots, self.ledger

        def open_cosigner() -> Cosigner:
            keys = keyslots.unlock(
                slot, crypto.normalise_passphrase(passphrase), with_journal=False
            )
            return Cosigner(ledger, keys)

        return open_cosigner

    def reader(self) -> OpenVault:
        """A second connection to the same files, with its own copy of the keys, for
        long reads on another thread (verification); closing it leaves this one open.
        It holds no lock of its own: this process already owns the vault."""
        return self.reader_opener()()

    def reader_opener(self, *, on_copy: bool = False) -> Callable[[], OpenVault]:
        """``reader`` in two steps: the keys are copied now, the connection is opened
        by whoever calls the result once — the worker thread that reads with it, so
        keying and checking the files (~15 ms each) is not the window's work. A vault
        locked in between opens nothing: the call wipes the copy and refuses.

        ``on_copy``: the reader reads a consistent copy of shared.db and this
        partner's journal (``check_copy``), not the live files, so reading for
        minutes never delays a save and sees one moment throughout; closing it
        overwrites the copy with zeros and removes it. Where no copy can be made (a
        full disk, a read-only folder, the write lock kept by another process) it
        reads the live files and says why in ``copy_refused``."""
        if self._keys is None:
            raise NotAllowed("The vault is locked; unlock it again to go on.")
        keys: PartnerKeys | None = self._keys.copy()

        def open_reader() -> OpenVault:
            nonlocal keys
            taken, keys = keys, None
            if taken is None:
                raise RuntimeError("a reader opener is called once")
            copy: Path | None = None
            refused: BaseException | None = None

            def discard() -> None:  # the copy, if one was made: zeros, then gone
                if copy is not None:
                    from twofold.vault import check_copy

                    check_copy.discard(copy)

            try:
                if self.closed:
                    raise NotAllowed("The vault is locked; unlock it again to go on.")
                if on_copy and self.shared_damage is None:
                    copy, refused = self._copy_for_reading(taken)
                conn, damage, _ = _connect(copy or self.folder, self.keyslots, taken)
            except BaseException:
                taken.wipe()
                discard()
                raise
            # Background reads wait while the window builds what the person asked for.
            from twofold.vault import priority

            conn.set_progress_handler(priority.sql_pause, priority.SQL_STEPS)
            try:
                reader = OpenVault(copy or self.folder, self.keyslots, taken, conn, None, damage)
            except BaseException:
                conn.close()
                taken.wipe()
                discard()
                raise
            reader.copy_refused = refused
            reader._discard = discard
            return reader

        return open_reader

    def _copy_for_reading(self, keys: PartnerKeys) -> tuple[Path | None, BaseException | None]:
        # imported here: the backup machinery is not what a command that reads needs
        from twofold.vault import check_copy

        names = {SHARED_DB} | ({journal_file(keys.partner_id)} if keys.journal_key else set())
        try:
            check_copy.discard_leftovers(self.folder)
            return check_copy.make(self.folder, frozenset(names)), None
        except (OSError, VaultInUse) as exc:
            return None, exc

    def __enter__(self) -> OpenVault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@valueclass
class KeyTaken:
    """Where the ledger replaced this partner's key without them: the seq and time of
    the key change signed with their key by someone else (0, "" when the ledger
    never had their key at all)."""

    seq: int
    at: str


class Cosigner:
    """Holds the other partner's signing key just long enough to append their events."""

    def __init__(self, ledger: LedgerStore, keys: PartnerKeys) -> None:
        self._ledger = ledger
        self._keys: PartnerKeys | None = keys
        self.partner_id = keys.partner_id

    def record(self, event: EventData, at: datetime) -> LedgerEvent:
        if self._keys is None:
            raise NotAllowed("The co-signature was already used.")
        return self._ledger.record(event, at, seed=self._keys.signing_seed, author=self.partner_id)

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
    staging = folder.parent / f".{folder.name}.creating-{os.urandom(4).hex()}"
    staging.mkdir(mode=PRIVATE_FOLDER)  # owner-only from the start, whatever the umask
    try:
        codes = _build(staging, partners, labels, kdf, at or now())
        if folder.exists():
            folder.rmdir()
        staging.rename(folder)
        fsync_folder(folder.parent)
    except BaseException:
        import shutil

        shutil.rmtree(staging, ignore_errors=True)
        raise
    return codes


def _build(
    folder: Path, partners: list[NewPartner], labels: list[str], kdf: KdfParams, at: datetime
) -> dict[str, str]:
    import uuid  # creating and re-keying import theirs; opening (every command) does not

    vault_id = uuid.uuid4().hex
    ids = [os.urandom(8).hex() for _ in partners]  # as secrets.token_hex
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
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    (replay.FORMAT_KEY, str(replay.FORMAT)),
                )
                publics = [crypto.public_key_of(k.signing_seed) for k in all_keys]
                for position, (pid, label, public) in enumerate(
                    zip(ids, labels, publics, strict=True)
                ):
                    ledger.add_partner(pid, label, public, position)
                pinned = tuple(
                    GenesisPartner(pid, label, public.hex())
                    for pid, label, public in zip(ids, labels, publics, strict=True)
                )
                genesis = ledger.record(
                    VaultCreated(vault_id, pinned),
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
                        [
                            ("partner_id", keys.partner_id),
                            ("vault_id", vault_id),
                            (trust.PIN_KEY, trust.pin_record(pinned, at, "setup")),
                        ],
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
            slots = slots.with_new_slots(
                keys.partner_id,
                [
                    NewSlot("passphrase", crypto.normalise_passphrase(partner.passphrase)),
                    NewSlot("recovery", crypto.parse_recovery_code(code)),
                ],
                keys,
                kdf,
                origin="setup",
                state="active",
                at=at,
            )
        keyslots.save(folder, slots)
        fsync_folder(folder)
        return codes
    finally:
        crypto.zero(vault_key)
        for keys in all_keys:
            keys.wipe()


# --- opening ---------------------------------------------------------------------


def open_with_keys(
    folder: Path, slots: KeySlots, keys: PartnerKeys, *, finish_change: bool = False
) -> OpenVault:
    """Open the files with keys from an unlocked slot. Writes nothing except pending
    migrations (after checking none is newer), the end of an interrupted key change
    and the one-time signing of a format-1 partner's slots."""
    lock = take_owner_lock(folder)
    try:
        if (folder / REKEYED).exists():  # a leave cut short
            from twofold.vault.ending import finish_interrupted_rekey

            finish_interrupted_rekey(folder, keys.vault_key)
        conn, damage, rebuilt = _connect(folder, slots, keys)
    except BaseException:
        keys.wipe()
        lock.release()
        raise
    opened = OpenVault(folder, slots, keys, conn, lock, damage)
    if rebuilt is not None:
        opened.warnings.append(_rebuilt_warning(rebuilt))
    if damage is not None or not os.access(folder, os.W_OK):
        return opened  # read-only: nothing is finished, cleaned or re-signed now
    try:
        with WriteLock(folder):
            if finish_change:
                opened._finish_change()
            elif keys.journal_key is not None:
                remove_leftovers(folder, keys.partner_id)
            current = keyslots.load(folder)
            if current.needs_signing(keys):
                opened.keyslots = keyslots.save(folder, current.signed(keys))
    except BaseException:
        opened.close()
        raise
    return opened


def _connect(
    folder: Path, slots: KeySlots, keys: PartnerKeys
) -> tuple[Connection, str | None, str | None]:
    """The connection, what is wrong with shared.db when only the journal opened, and
    the format marker found when the projections were rebuilt (``_open_shared``)."""
    damage: str | None = None
    rebuilt: str | None = None
    try:
        conn, rebuilt = _open_shared(folder, slots, keys)
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
    return conn, damage, rebuilt


def _stand_in_for_shared() -> Connection:
    conn: Connection = engine.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        migrate(conn, SHARED_MIGRATIONS, "the stand-in ledger")
    except BaseException:
        conn.close()
        raise
    return conn


def _open_shared(folder: Path, slots: KeySlots, keys: PartnerKeys) -> tuple[Connection, str | None]:
    """The shared file opened, and the format marker found when the projections were
    rebuilt at this opening (None: they were current)."""
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
        with mapped_errors(SHARED_DB):
            changed = structure_problems(conn, SHARED_MIGRATIONS)
        if changed:  # a table, index or trigger dropped, added or altered by hand
            raise VaultDamaged(
                f"shared.db was changed outside Twofold ({changed[0]}). Nothing was "
                "changed; restore the folder from one backup."
            )
        rebuilt: str | None = None
        with contextlib.suppress(DatabaseError, VaultDamaged):  # damage: named elsewhere
            if not replay.is_current(conn):  # an upgrade: re-derive them from the events
                found = replay.stored_format(conn)
                ledger = LedgerStore(Link(conn, lambda: conn), slots.vault_id, None, None)
                if replay.ensure_current(conn, list(ledger.events())):
                    rebuilt = found or ""
    except BaseException:
        conn.close()
        raise
    return conn, rebuilt


def _rebuilt_warning(found: str) -> str:
    """Said after an unlock that rebuilt the projections: an upgrade does it once, and
    the marker is in shared.db, which the other partner can edit to make every unlock
    of a large vault slow (ten years: ~23 s) — so the person knows why, and what to
    check. The marker is quoted only when it is a number: its text is whatever was
    written into the file."""
    if found.isdigit() and len(found) <= 6:
        where = (
            f"shared.db's format marker said “{found}” where this version of Twofold "
            f"writes “{replay.FORMAT}”"
        )
    else:
        where = (
            "shared.db held no format marker Twofold writes (this version writes "
            f"“{replay.FORMAT}”)"
        )
    return (
        "What the app shows was rebuilt from the signed ledger at this unlock, which took "
        f"longer: {where}. Updating Twofold does this once. If you did not update, "
        "someone changed shared.db outside Twofold: the full check in the shared timeline "
        "shows whether anything else was changed."
    )


def _attach_journal(conn: Connection, folder: Path, slots: KeySlots, keys: PartnerKeys) -> None:
    assert keys.journal_key is not None
    path = folder / journal_file(keys.partner_id)
    attach_keyed(conn, "journal", path, keys.journal_key)
    try:
        version = check_existing(conn, JOURNAL_MIGRATIONS, path.name, "journal")
    except BaseException:
        conn.execute("DETACH DATABASE journal")
        raise
    if version < len(JOURNAL_MIGRATIONS):
        # Migrate the file on its own connection, so DDL never spans two files (a
        # current journal, every unlock but the first after an upgrade, is opened once).
        conn.execute("DETACH DATABASE journal")
        standalone = open_keyed(path, keys.journal_key)
        try:
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


def rekey_file(path: Path, old_key: bytes | bytearray, new_key: bytes | bytearray) -> None:
    """Re-key one journal file: a copy is re-keyed with ``PRAGMA rekey``, made durable
    and renamed over the file, so the file on disk is entirely old-key or entirely
    new-key at every moment."""
    import shutil  # re-keying only: opening a vault does without it

    if is_hot_journal(path):
        raise VaultDamaged(f"{path.name} has an unfinished write; unlock again and retry.")
    scrub_journal(path)  # its last page images are under the old key
    staged = path.with_name(path.name + REKEY_SUFFIX)
    staged.unlink(missing_ok=True)
    shutil.copyfile(path, staged)
    conn = open_keyed(staged, old_key)
    try:
        conn.execute(f'PRAGMA rekey = "{crypto.sqlcipher_key(new_key)}"')
    finally:
        conn.close()
    check = open_keyed(staged, new_key)
    check.close()
    with staged.open("rb+") as handle:
        os.fsync(handle.fileno())
    staged.replace(path)
    fsync_folder(path.parent)


REKEY_SUFFIX = ".rekey"


def remove_leftovers(folder: Path, partner_id: str) -> None:
    """A re-keyed copy left by an interrupted change holds nothing current."""
    leftover = folder / (journal_file(partner_id) + REKEY_SUFFIX)
    for path in (leftover, leftover.with_name(leftover.name + "-journal")):
        if path.exists():
            path.unlink()


def _journal_opens(folder: Path, partner_id: str, key: bytes | bytearray) -> bool:
    try:
        open_keyed(folder / journal_file(partner_id), key).close()
    except VaultDamaged:
        return False
    return True


def _unlock_slot(
    folder: Path, slots: KeySlots, partner_id: str, kind: SlotKind, secret: bytes, full: bool
) -> tuple[KeySlots, PartnerKeys, bool]:
    """Try the partner's active slot, then a pending one; settle an interrupted key
    change. Returns the slots, the keys and whether the change must be finished."""
    refused: WrongPassphrase | None = None
    pending = slots.pending(partner_id)
    for slot in slots.candidates(partner_id, kind):
        try:
            keys = slots.unlock(slot, secret, with_journal=full or bool(pending))
        except WrongPassphrase as exc:
            refused = refused or exc
            continue
        if not pending:
            return slots, keys, False
        slots, finish = _resolve(folder, slots, slot, keys)
        if not full:
            crypto.zero(keys.journal_key)
            keys.journal_key = None
        return slots, keys, finish
    assert refused is not None
    raise refused


def _resolve(folder: Path, slots: KeySlots, slot: Slot, keys: PartnerKeys) -> tuple[KeySlots, bool]:
    """An interrupted key change ends the way the journal file says: if the old key
    still opens it, the change never happened; if the new one does, it is finished."""
    assert keys.journal_key is not None
    opens = _journal_opens(folder, slot.partner_id, keys.journal_key)
    if slot.state == "active" and opens:
        with WriteLock(folder):
            slots = keyslots.save(folder, keyslots.load(folder).abandoned(slot.partner_id))
            remove_leftovers(folder, slot.partner_id)
        return slots, False
    if slot.state == "pending" and opens:
        return slots, True
    keys.wipe()
    if slot.state == "active":
        raise WrongPassphrase(
            "That passphrase (or code) was replaced: a change of passphrase was finished "
            "just before Twofold stopped. Use the new passphrase. Nothing was changed."
        )
    with WriteLock(folder):
        keyslots.save(folder, keyslots.load(folder).abandoned(slot.partner_id))
        remove_leftovers(folder, slot.partner_id)
    raise WrongPassphrase(
        "That passphrase belongs to a change that did not complete, so it was dropped; "
        "the previous passphrase still works. Nothing else was changed."
    )


def unlock_partner(folder: Path, who: str, passphrase: str) -> OpenVault:
    slots = keyslots.load(folder)
    partner = slots.partner(who)
    slots, keys, finish = _unlock_slot(
        folder, slots, partner.id, "passphrase", crypto.normalise_passphrase(passphrase), True
    )
    return open_with_keys(folder, slots, keys, finish_change=finish)


def unlock_with_recovery_code(folder: Path, who: str, code: str) -> OpenVault:
    secret = crypto.parse_recovery_code(code)  # a typo fails here, before the KDF
    slots = keyslots.load(folder)
    partner = slots.partner(who)
    slots, keys, finish = _unlock_slot(folder, slots, partner.id, "recovery", secret, True)
    return open_with_keys(folder, slots, keys, finish_change=finish)


def unlock_session(folder: Path, passphrase: str, who: str | None = None) -> OpenVault:
    """Shared ledger only: the journal key is never kept (it is unwrapped only to
    settle an interrupted key change, then zeroed)."""
    slots = keyslots.load(folder)
    secret = crypto.normalise_passphrase(passphrase)
    ids = [slots.partner(who).id] if who is not None else [p.id for p in slots.partners]
    for pid in ids:
        try:
            slots, keys, finish = _unlock_slot(folder, slots, pid, "passphrase", secret, False)
        except WrongPassphrase:
            if who is not None:
                raise
            continue
        return open_with_keys(folder, slots, keys, finish_change=finish)
    raise WrongPassphrase(
        "That is neither partner's passphrase. Check Caps Lock and the keyboard layout, "
        "then try again."
    )


def partners(folder: Path) -> list[Partner]:
    """The slot labels: what the unlock screen may show before any key is known."""
    return list(keyslots.load(folder).partners)


def load_warnings(folder: Path) -> list[str]:
    return list(keyslots.load(folder).warnings)


def is_open_elsewhere(folder: Path) -> bool:
    """True while another window or process holds this vault open."""
    return locks.is_open_elsewhere(folder)
