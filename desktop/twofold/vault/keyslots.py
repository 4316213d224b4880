"""keyslots.json: the only file readable before unlock (DESIGN §3, docs/FORMAT.md).

Each partner has a passphrase slot and a recovery slot. A slot holds two sealed
parts, each under a key-encryption key derived with Argon2id:

* ``shared``  — the vault key and the partner's Ed25519 signing seed;
* ``journal`` — the partner's journal key.

Session mode opens only the ``shared`` part, so the journal key is never in memory.
The AAD of every part binds the vault id, partner id, slot id, slot kind, the KDF
parameters and the part's name, so no part can be moved to another slot or have its
KDF weakened.

Integrity (format 2): there is no plain checksum any more (anyone could recompute
it). Every slot is signed with its owner's Ed25519 key, whose public key is listed
with the partner, so an edit made without the owner's key is reported as damage
before any passphrase is tried, never as "Wrong passphrase". KDF settings below the
floor are refused on reading and never copied: every new slot is written with
freshly calibrated settings.

Revocation: a change of passphrase, a reset with the recovery code and a renewed
code all give the partner a new journal key. The new slots are first written as
``pending`` beside the old ones, the journal is re-keyed (a copy re-keyed with
``PRAGMA rekey`` and renamed over the file), then the pending slots replace the old
ones. Which key opens the journal decides, at the next unlock, how an interrupted
change ends (``vault.py``). ``keyslots.json.prev`` is crash recovery of the same keys
only: after a change it holds the same generation as ``keyslots.json``.
"""

from __future__ import annotations

import base64
import json
import os
import re
from pathlib import Path

from twofold.domain.canonical import canonical_json
from twofold.domain.digests import sha256_hex
from twofold.domain.errors import (
    KeySlotsDamaged,
    NewerVersion,
    UnknownPartner,
    VaultNotFound,
    WrongPassphrase,
)
from twofold.domain.valueclass import field, replace, valueclass
from twofold.vault import crypto
from twofold.vault.crypto import KdfParams
from twofold.vault.files import names_like, write_atomically

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any, Literal
# ``datetime`` where a slot is written or its date shown, not to read the slots before
# the unlock screen paints (its pure-Python twin is ~5 M instructions to load).

FILE_NAME = "keyslots.json"
PREVIOUS_NAME = "keyslots.json.prev"
FORMAT = "twofold-keyslots"
VERSION = 2
MAX_FILE_BYTES = 256 * 1024
if TYPE_CHECKING:
    SlotKind = Literal["passphrase", "recovery"]
    SlotState = Literal["active", "pending"]
else:  # what they are at run time (no typing imported)
    SlotKind = SlotState = str
# How a slot came to be: shown to its owner (and on the timeline) after a change.
ORIGINS = ("setup", "change", "reset", "renew")

_ID = re.compile(r"^[0-9a-f]{8,64}$")
_SIGN_TAG = b"twofold-keyslot-v2\x00"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@valueclass
class Partner:
    id: str
    label: str
    public_key: bytes | None = None  # None only in a vault from format 1 not yet upgraded


@valueclass
class Sealed:
    nonce: bytes
    ciphertext: bytes


@valueclass
class Slot:
    slot_id: str
    partner_id: str
    kind: SlotKind
    kdf: KdfParams
    salt: bytes
    check: bytes
    shared: Sealed
    journal: Sealed
    state: SlotState = "active"
    origin: str = "setup"
    created_at: str = ""
    signature: bytes | None = None
    # Only in a pending slot of a key change: the signing seed being replaced, so the
    # change can still be signed with it (continuity) if it is finished at the next
    # unlock with the new secret. Dropped when the slot becomes active.
    retiring: Sealed | None = None


@valueclass(frozen=False)
class PartnerKeys:
    """What an unlocked slot yields. ``journal_key`` is None in session mode.
    ``retiring_seed``: the signing seed a pending key change replaces (see Slot)."""

    partner_id: str
    vault_key: bytearray
    signing_seed: bytearray
    journal_key: bytearray | None
    retiring_seed: bytearray | None = None

    def wipe(self) -> None:
        crypto.zero(self.vault_key)
        crypto.zero(self.signing_seed)
        crypto.zero(self.journal_key)
        crypto.zero(self.retiring_seed)

    def copy(self) -> PartnerKeys:
        return PartnerKeys(
            self.partner_id,
            bytearray(self.vault_key),
            bytearray(self.signing_seed),
            None if self.journal_key is None else bytearray(self.journal_key),
            None if self.retiring_seed is None else bytearray(self.retiring_seed),
        )

    @property
    def listed_seed(self) -> bytearray:
        """The seed whose public key keyslots.json lists for this partner: the
        retiring one while a key change is pending, else the current one."""
        return self.retiring_seed if self.retiring_seed is not None else self.signing_seed


@valueclass
class NewSlot:
    kind: SlotKind
    secret: bytes


@valueclass(frozen=False)
class KeySlots:
    vault_id: str
    generation: int
    partners: list[Partner]
    slots: list[Slot]
    # Set when keyslots.json was damaged and the previous generation was used.
    warnings: list[str] = field(default_factory=list)
    read_version: int = VERSION

    # --- lookups -------------------------------------------------------------------

    def partner(self, who: str) -> Partner:
        """Find a partner by id or by label (case-insensitive). The labels are not
        signed: the other partner can give both the same one, and then only the id
        says who is meant."""
        for partner in self.partners:
            if who == partner.id:
                return partner
        named = [p for p in self.partners if who.casefold() == p.label.casefold()]
        if len(named) > 1:
            ids = " or ".join(p.id for p in named)
            label = named[0].label
            raise UnknownPartner(
                f"Both partners are called “{label}” in keyslots.json, which was edited "
                f"outside Twofold. Name yourself by your partner id ({ids}); once "
                "unlocked, Twofold shows the name the ledger signed."
            )
        if named:
            return named[0]
        names = ", ".join(p.label for p in self.partners)
        raise UnknownPartner(f"No partner called {who!r} in this vault (partners: {names}).")

    def same_labels(self) -> bool:
        """Both partners carry the same name (only an edit of keyslots.json does that:
        setup refuses it)."""
        folded = {p.label.casefold() for p in self.partners}
        return len(self.partners) == 2 and len(folded) == 1

    def slot(self, partner_id: str, kind: SlotKind) -> Slot:
        """The partner's active slot of this kind."""
        for slot in self.slots:
            if slot.partner_id == partner_id and slot.kind == kind and slot.state == "active":
                return slot
        raise KeySlotsDamaged(
            f"keyslots.json has no {kind} slot for this partner; it was edited or damaged."
        )

    def pending(self, partner_id: str) -> list[Slot]:
        return [s for s in self.slots if s.partner_id == partner_id and s.state == "pending"]

    def candidates(self, partner_id: str, kind: SlotKind) -> list[Slot]:
        """The active slot, then a pending one (an interrupted change)."""
        active = [self.slot(partner_id, kind)]
        return active + [s for s in self.pending(partner_id) if s.kind == kind]

    def needs_signing(self, keys: PartnerKeys) -> bool:
        """A format-1 partner not upgraded yet, or a listing someone edited."""
        partner = self.partner(keys.partner_id)
        return partner.public_key != crypto.public_key_of(keys.listed_seed) or any(
            s.signature is None for s in self.slots if s.partner_id == keys.partner_id
        )

    # --- unlocking -----------------------------------------------------------------

    def unlock(self, slot: Slot, secret: bytes, *, with_journal: bool = True) -> PartnerKeys:
        slot.kdf.check_readable()
        kek = crypto.derive_kek(secret, slot.salt, slot.kdf)
        try:
            aad = _aad(self.vault_id, slot, "check")
            if not crypto.checks_match(crypto.key_check(kek, aad), slot.check):
                raise WrongPassphrase(self._wrong_message(slot))
            shared = crypto.open_sealed(
                kek, slot.shared.nonce, slot.shared.ciphertext, _aad(self.vault_id, slot, "shared")
            )
            journal = (
                crypto.open_sealed(
                    kek,
                    slot.journal.nonce,
                    slot.journal.ciphertext,
                    _aad(self.vault_id, slot, "journal"),
                )
                if with_journal
                else None
            )
            retiring = (
                None
                if slot.retiring is None
                else crypto.open_sealed(
                    kek,
                    slot.retiring.nonce,
                    slot.retiring.ciphertext,
                    _aad(self.vault_id, slot, "retiring"),
                )
            )
        finally:
            crypto.zero(kek)
        if (
            len(shared) != 2 * crypto.KEY_BYTES
            or (journal and len(journal) != crypto.KEY_BYTES)
            or (retiring is not None and len(retiring) != crypto.KEY_BYTES)
        ):
            raise KeySlotsDamaged(
                "A key slot holds keys of the wrong size; keyslots.json is damaged."
            )
        keys = PartnerKeys(
            partner_id=slot.partner_id,
            vault_key=shared[: crypto.KEY_BYTES],
            signing_seed=shared[crypto.KEY_BYTES :],
            journal_key=journal,
            retiring_seed=retiring,
        )
        crypto.zero(shared)
        public = self.partner(slot.partner_id).public_key
        if public is not None and public != crypto.public_key_of(keys.listed_seed):
            # The slot itself is authentic (it opened); only the listing was edited.
            self.warnings.append(
                "keyslots.json listed a signing key for you that is not yours: someone "
                "edited it. Your slots were signed again with your own key."
            )
        return keys

    def _wrong_message(self, slot: Slot) -> str:
        if slot.kind == "recovery":
            text = (
                "That recovery code does not open this partner's slot. "
                "Check that it is the code printed for this partner"
            )
            if slot.origin != "setup" and slot.created_at:
                text += f" (a new code was issued on {_when(slot.created_at)})"
            return text + "."
        label = self.partner(slot.partner_id).label
        text = f"Wrong passphrase for {label}. Check Caps Lock and the keyboard layout, then try again."
        if slot.origin == "reset" and slot.created_at:
            text += (
                f" Note: {label}'s passphrase was reset with the recovery code on "
                f"{_when(slot.created_at)}. If this was not you, someone used your recovery "
                "code: see 'If your passphrase was changed without you' in the README."
            )
        elif slot.origin == "change" and slot.created_at:
            text += f" Note: {label}'s passphrase was changed on {_when(slot.created_at)}."
        return text

    # --- writing -------------------------------------------------------------------

    def with_new_slots(
        self,
        partner_id: str,
        new: list[NewSlot],
        keys: PartnerKeys,
        kdf: KdfParams,
        *,
        origin: str,
        state: SlotState,
        at: datetime | None = None,
    ) -> KeySlots:
        """A copy with new slots for this partner.

        ``state="active"`` replaces the partner's slots of those kinds (setup);
        ``state="pending"`` keeps the active ones and replaces any pending ones."""
        if not kdf.meets(crypto.kdf_floor()):
            raise ValueError("refusing to write a slot below the KDF floor")
        if keys.journal_key is None:
            raise ValueError("a slot can only be written from a full unlock")
        if at is None:
            from datetime import UTC, datetime

            at = datetime.now(UTC)
        stamp = at.isoformat(timespec="seconds")
        made = [
            _sealed_slot(
                self.vault_id, partner_id, n.kind, n.secret, keys, kdf, state, origin, stamp
            )
            for n in new
        ]
        kinds = {n.kind for n in new}
        if state == "active":
            kept = [s for s in self.slots if not (s.partner_id == partner_id and s.kind in kinds)]
        else:
            kept = [
                s for s in self.slots if not (s.partner_id == partner_id and s.state == "pending")
            ]
        return self._copy(kept + made).signed(keys)

    def with_slot(
        self,
        partner_id: str,
        kind: SlotKind,
        secret: bytes,
        keys: PartnerKeys,
        kdf: KdfParams,
        *,
        origin: str = "change",
    ) -> KeySlots:
        """One new active slot of this kind for this partner, signed (used by leaving
        and ending, which re-seal slots under new keys)."""
        return self.with_new_slots(
            partner_id, [NewSlot(kind, secret)], keys, kdf, origin=origin, state="active"
        )

    def promoted(self, keys: PartnerKeys) -> KeySlots:
        """The pending slots of this partner become their only slots."""
        pid = keys.partner_id
        pending = self.pending(pid)
        kinds = {s.kind for s in pending}
        kept = [
            s
            for s in self.slots
            if s.partner_id != pid or (s.state == "active" and s.kind not in kinds)
        ]
        active = [replace(s, state="active", retiring=None) for s in pending]
        # signed and listed with the new key: the change is finished
        return self._copy(kept + active).signed(replace(keys, retiring_seed=None))

    def abandoned(self, partner_id: str) -> KeySlots:
        """An interrupted change that never reached the journal: drop its slots."""
        return self._copy(
            [s for s in self.slots if not (s.partner_id == partner_id and s.state == "pending")]
        )

    def signed(self, keys: PartnerKeys) -> KeySlots:
        """Sign every slot of this partner and list their public key (also upgrades
        a format-1 vault, one partner at a time). While a key change is pending the
        listed key stays the one it replaces (``PartnerKeys.listed_seed``)."""
        pid = keys.partner_id
        seed = keys.listed_seed
        public = crypto.public_key_of(seed)
        partners = [replace(p, public_key=public) if p.id == pid else p for p in self.partners]
        slots = [
            replace(s, signature=crypto.sign(seed, _signed_bytes(self.vault_id, s)))
            if s.partner_id == pid
            else s
            for s in self.slots
        ]
        copy = self._copy(slots)
        copy.partners = partners
        return copy

    def _copy(self, slots: list[Slot]) -> KeySlots:
        return KeySlots(self.vault_id, self.generation, list(self.partners), slots)


def _sealed_slot(
    vault_id: str,
    partner_id: str,
    kind: SlotKind,
    secret: bytes,
    keys: PartnerKeys,
    kdf: KdfParams,
    state: SlotState,
    origin: str,
    stamp: str,
) -> Slot:
    assert keys.journal_key is not None
    draft = Slot(
        os.urandom(8).hex(),  # as secrets.token_hex(8)
        partner_id,
        kind,
        kdf,
        os.urandom(16),
        b"",
        Sealed(b"", b""),
        Sealed(b"", b""),
        state,
        origin,
        stamp,
    )
    kek = crypto.derive_kek(secret, draft.salt, kdf)
    try:
        shared = bytearray(keys.vault_key + keys.signing_seed)
        try:
            s_nonce, s_ct = crypto.seal(kek, shared, _aad(vault_id, draft, "shared"))
        finally:
            crypto.zero(shared)
        j_nonce, j_ct = crypto.seal(kek, keys.journal_key, _aad(vault_id, draft, "journal"))
        retiring = None
        if state == "pending" and keys.retiring_seed is not None:
            r_nonce, r_ct = crypto.seal(kek, keys.retiring_seed, _aad(vault_id, draft, "retiring"))
            retiring = Sealed(r_nonce, r_ct)
        check = crypto.key_check(kek, _aad(vault_id, draft, "check"))
    finally:
        crypto.zero(kek)
    return replace(
        draft,
        check=check,
        shared=Sealed(s_nonce, s_ct),
        journal=Sealed(j_nonce, j_ct),
        retiring=retiring,
    )


def _aad(vault_id: str, slot: Slot, part: str) -> bytes:
    # Unchanged since format 1, so slots carried over from a format-1 file still open.
    return canonical_json(
        {
            "format": FORMAT,
            "vault": vault_id,
            "partner": slot.partner_id,
            "slot": slot.slot_id,
            "kind": slot.kind,
            "kdf": [slot.kdf.memory_kib, slot.kdf.iterations, slot.kdf.lanes, _b64(slot.salt)],
            "part": part,
        }
    )


def _slot_json(s: Slot) -> dict[str, Any]:
    body = _slot_fields(s)
    if s.retiring is not None:  # only then: the signatures of other slots are unchanged
        body["retiring"] = {"nonce": _b64(s.retiring.nonce), "ct": _b64(s.retiring.ciphertext)}
    return body


def _slot_fields(s: Slot) -> dict[str, Any]:
    return {
        "slot_id": s.slot_id,
        "partner_id": s.partner_id,
        "kind": s.kind,
        "state": s.state,
        "origin": s.origin,
        "created_at": s.created_at,
        "kdf": {
            "memory_kib": s.kdf.memory_kib,
            "iterations": s.kdf.iterations,
            "lanes": s.kdf.lanes,
            "salt": _b64(s.salt),
        },
        "check": _b64(s.check),
        "shared": {"nonce": _b64(s.shared.nonce), "ct": _b64(s.shared.ciphertext)},
        "journal": {"nonce": _b64(s.journal.nonce), "ct": _b64(s.journal.ciphertext)},
    }


def _signed_bytes(vault_id: str, slot: Slot) -> bytes:
    return _SIGN_TAG + canonical_json({"vault": vault_id, "slot": _slot_json(slot)})


def _when(stamp: str) -> str:
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%b %Y} at {moment:%H:%M}"


# --- the file ----------------------------------------------------------------------


def _to_json(keyslots: KeySlots) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": keyslots.vault_id,
        "generation": keyslots.generation,
        "partners": [
            {
                "id": p.id,
                "label": p.label,
                "public_key": None if p.public_key is None else _b64(p.public_key),
            }
            for p in keyslots.partners
        ],
        "slots": [
            {
                **_slot_json(s),
                "signature": None if s.signature is None else _b64(s.signature),
            }
            for s in keyslots.slots
        ],
    }


class _Bad(ValueError):
    """One precise reason a key-slot file cannot be used."""


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"{what} is not an object")
    return value


def _text(value: Any, what: str, max_len: int = 200) -> str:
    if not isinstance(value, str) or not value or len(value) > max_len:
        raise _Bad(f"{what} is not a valid text")
    return value


def _ident(value: Any, what: str) -> str:
    text = _text(value, what, 64)
    if not _ID.match(text):
        raise _Bad(f"{what} is not a valid id")
    return text


def _int(value: Any, what: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise _Bad(f"{what} is not a whole number in range")
    return value


def _bytes(value: Any, what: str, sizes: tuple[int, ...]) -> bytes:
    if not isinstance(value, str) or len(value) > 200:
        raise _Bad(f"{what} is missing or not base64")
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise _Bad(f"{what} is not base64") from exc
    if len(data) not in sizes:
        raise _Bad(f"{what} has the wrong length")
    return data


def _sealed(value: Any, what: str, size: int) -> Sealed:
    part = _obj(value, what)
    return Sealed(
        _bytes(part.get("nonce"), f"{what} nonce", (12,)),
        _bytes(part.get("ct"), f"{what} ciphertext", (size + 16,)),
    )


def _slot(value: Any, version: int) -> Slot:
    s = _obj(value, "a slot")
    kind = s.get("kind")
    if kind not in ("passphrase", "recovery"):
        raise _Bad("a slot has an unknown kind")
    kdf = _obj(s.get("kdf"), "a slot's kdf")
    state: SlotState = "active"
    origin, created, signature = "setup", "", None
    if version >= 2:
        raw_state, raw_origin, raw_created = s.get("state"), s.get("origin"), s.get("created_at")
        if raw_state not in ("active", "pending"):
            raise _Bad("a slot has an unknown state")
        state = "active" if raw_state == "active" else "pending"
        if raw_origin not in ORIGINS:
            raise _Bad("a slot has an unknown origin")
        origin = str(raw_origin)
        if not isinstance(raw_created, str) or len(raw_created) > 40:
            raise _Bad("a slot's date is not valid")
        created = raw_created
        signature = None if s.get("signature") is None else _bytes(s["signature"], "sig", (64,))
    retiring = None
    if version >= 2 and s.get("retiring") is not None:
        if state != "pending":
            raise _Bad("an active slot holds a retiring key")
        retiring = _sealed(s["retiring"], "a slot's retiring key", crypto.KEY_BYTES)
    return Slot(
        slot_id=_ident(s.get("slot_id"), "a slot id"),
        partner_id=_ident(s.get("partner_id"), "a slot's partner"),
        kind=kind,
        kdf=KdfParams(
            _int(kdf.get("memory_kib"), "kdf memory", 1, 2**40),
            _int(kdf.get("iterations"), "kdf iterations", 1, 2**32),
            _int(kdf.get("lanes"), "kdf lanes", 1, 2**24),
        ),
        salt=_bytes(kdf.get("salt"), "a slot's salt", tuple(range(16, 65))),
        check=_bytes(s.get("check"), "a slot's check value", (16,)),
        shared=_sealed(s.get("shared"), "a slot's shared part", 2 * crypto.KEY_BYTES),
        journal=_sealed(s.get("journal"), "a slot's journal part", crypto.KEY_BYTES),
        state=state,
        origin=origin,
        created_at=created,
        signature=signature,
        retiring=retiring,
    )


def _checksum(body: dict[str, Any]) -> str:
    """Format 1's plain checksum, still read so that older vaults open."""
    return sha256_hex(canonical_json(body))


def _from_json(data: Any) -> KeySlots:
    data = _obj(data, "the file")
    if data.get("format") != FORMAT:
        raise _Bad("not a Twofold key-slot file")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise _Bad("it has no valid version")
    if version > VERSION:
        raise NewerVersion(
            "This vault's key slots were written by a newer version of Twofold. "
            "Update Twofold to open it; nothing was changed."
        )
    if version == 1:
        body = {k: v for k, v in data.items() if k != "checksum"}
        if data.get("checksum") != _checksum(body):
            raise _Bad("checksum mismatch")
    raw_partners = data.get("partners")
    if not isinstance(raw_partners, list) or len(raw_partners) not in (1, 2):
        raise _Bad("it does not list one or two partners")  # one after a partner left
    partners = []
    for raw in raw_partners:
        p = _obj(raw, "a partner")
        public = p.get("public_key") if version >= 2 else None
        partners.append(
            Partner(
                _ident(p.get("id"), "a partner id"),
                _text(p.get("label"), "a partner's name").strip() or "?",
                None if public is None else _bytes(public, "a public key", (32,)),
            )
        )
    if len(partners) == 2 and partners[0].id == partners[1].id:
        raise _Bad("both partners have the same id")
    raw_slots = data.get("slots")
    if not isinstance(raw_slots, list) or len(raw_slots) > 8:
        raise _Bad("its slot list is not valid")
    slots = [_slot(s, version) for s in raw_slots]
    ids = {p.id for p in partners}
    for slot in slots:
        if slot.partner_id not in ids:
            raise _Bad("a slot belongs to no listed partner")
    for pid in ids:
        for kind in ("passphrase", "recovery"):
            for state in ("active", "pending"):
                count = sum(
                    1 for s in slots if s.partner_id == pid and s.kind == kind and s.state == state
                )
                if count > 1 or (state == "active" and count != 1):
                    raise _Bad(f"a partner does not have exactly one {kind} slot")
    keyslots = KeySlots(
        _ident(data.get("vault_id"), "the vault id"),
        _int(data.get("generation"), "the generation", 0, 2**53),
        partners,
        slots,
        read_version=version,
    )
    _check_signatures(keyslots)
    return keyslots


def _check_signatures(keyslots: KeySlots) -> None:
    """Keyed integrity: every slot of a partner with a listed key is signed by it."""
    for partner in keyslots.partners:
        if partner.public_key is None:
            continue  # format 1, upgraded at this partner's next unlock
        for slot in keyslots.slots:
            if slot.partner_id != partner.id:
                continue
            if slot.signature is None or not crypto.signature_valid(
                partner.public_key, slot.signature, _signed_bytes(keyslots.vault_id, slot)
            ):
                raise KeySlotsDamaged(
                    f"{partner.label}'s {slot.kind} slot in keyslots.json was altered (its "
                    "signature does not match), so it is not used and no passphrase was tried. "
                    "Restore keyslots.json from a backup; nothing was changed."
                )


# The last bytes read and what they held. An unlock reads keyslots.json twice: to
# unlock, then under the write lock (a key change may have happened in between, and a
# format-1 file gets signed). When the file still holds the same bytes, parsing them
# and checking every slot's signature again would find the same, so the second read
# compares bytes instead (issue 17: half of a command's signature checks).
_last_read: tuple[bytes, KdfParams, KeySlots] | None = None


def _copy_of(found: KeySlots) -> KeySlots:
    return KeySlots(
        found.vault_id,
        found.generation,
        list(found.partners),
        list(found.slots),
        list(found.warnings),
        found.read_version,
    )


def _read(path: Path) -> KeySlots:
    global _last_read
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise _Bad("it is far too large")
        floor = crypto.kdf_floor()  # what a slot is held to (the tests lower it)
        last = _last_read
        if last is not None and last[0] == raw and last[1] == floor:
            return _copy_of(last[2])
        found = _from_json(json.loads(raw))
        _last_read = (raw, floor, _copy_of(found))
        return found
    except (NewerVersion, KeySlotsDamaged):
        raise
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        reason = str(exc) if isinstance(exc, _Bad) else "it is not valid JSON"
        if isinstance(exc, OSError):
            reason = f"it cannot be read ({exc.strerror})"
        raise KeySlotsDamaged(reason) from exc


def load(folder: Path) -> KeySlots:
    """Read keyslots.json, falling back to the previous generation if it is damaged."""
    current, previous = folder / FILE_NAME, folder / PREVIOUS_NAME
    if not folder.is_dir():
        raise VaultNotFound(f"There is no vault at {folder}.")
    if not current.exists() and not previous.exists():
        if (folder / "shared.db").exists():
            raise KeySlotsDamaged(
                f"keyslots.json is missing from {folder}, so no one can unlock this vault. "
                "Restore it from a backup; the encrypted journals are untouched."
            )
        raise VaultNotFound(f"There is no Twofold vault at {folder}.")
    try:
        found = _read(current)
    except KeySlotsDamaged as damaged:
        if not previous.exists():
            raise KeySlotsDamaged(
                f"keyslots.json is damaged ({_reason(damaged)}) and has no previous "
                "generation. Restore it from a backup; nothing was changed."
            ) from damaged
        try:
            found = _read(previous)
        except KeySlotsDamaged as also:
            raise KeySlotsDamaged(
                f"keyslots.json and its previous generation are both damaged "
                f"({_reason(damaged)}). Restore them from a backup; nothing was changed."
            ) from also
        found.warnings.append(
            "keyslots.json was damaged; its previous generation (the same keys) was used."
        )
    _check_belongs(folder, found)
    return found


def _reason(error: KeySlotsDamaged) -> str:
    return str(error).rstrip(".")


def _check_belongs(folder: Path, found: KeySlots) -> None:
    """A key file from another vault is named as such, not as a damaged database."""
    journals = set(names_like(folder, "journal-", ".db"))
    ours = {f"journal-{p.id}.db" for p in found.partners}
    if journals and not journals & ours:
        raise KeySlotsDamaged(
            "keyslots.json belongs to another vault: none of its partners' journals is in "
            f"{folder}. Put back this vault's own keyslots.json (from a backup); "
            "nothing was changed."
        )


def _encode(keyslots: KeySlots) -> bytes:
    return json.dumps(_to_json(keyslots), indent=2).encode() + b"\n"


def save(folder: Path, keyslots: KeySlots, *, final: bool = False) -> KeySlots:
    """Write a new generation.

    Normally the current file first becomes the previous generation (crash recovery
    of the same keys). ``final=True`` ends a key change: both files get the new
    generation, so no older slot stays beside the current one."""
    current, previous = folder / FILE_NAME, folder / PREVIOUS_NAME
    written = KeySlots(
        keyslots.vault_id, keyslots.generation + 1, list(keyslots.partners), list(keyslots.slots)
    )
    data = _encode(written)
    if not final and current.exists():
        try:
            _read(current)
            write_atomically(previous, current.read_bytes())
        except KeySlotsDamaged:
            pass  # keep the last good previous generation
    write_atomically(current, data)
    if final:
        write_atomically(previous, data)
    return written


def new(vault_id: str, partners: list[Partner]) -> KeySlots:
    return KeySlots(vault_id=vault_id, generation=0, partners=partners, slots=[])
