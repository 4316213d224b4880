"""keyslots.json: the only file readable before unlock (DESIGN §3).

Each partner has a passphrase slot and a recovery slot. A slot holds two sealed
parts, each under a key-encryption key derived with Argon2id:

* ``shared``  — the vault key and the partner's Ed25519 signing seed;
* ``journal`` — the partner's journal key.

Session mode opens only the ``shared`` part, so the journal key is never in memory.
The AAD of every part binds the vault id, partner id, slot id, slot kind, the KDF
parameters and the part's name, so no part can be moved to another slot or have its
KDF weakened. The whole file carries a checksum, so a damaged file is told apart
from a wrong passphrase; the previous generation is kept beside it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from twofold.domain.errors import (
    KeySlotsDamaged,
    NewerVersion,
    UnknownPartner,
    VaultNotFound,
    WrongPassphrase,
)
from twofold.domain.ledger import canonical_json
from twofold.vault import crypto
from twofold.vault.crypto import KdfParams
from twofold.vault.files import write_atomically

FILE_NAME = "keyslots.json"
PREVIOUS_NAME = "keyslots.json.prev"
FORMAT = "twofold-keyslots"
VERSION = 1
SlotKind = Literal["passphrase", "recovery"]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode(), validate=True)


@dataclass(frozen=True, slots=True)
class Partner:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Sealed:
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True, slots=True)
class Slot:
    slot_id: str
    partner_id: str
    kind: SlotKind
    kdf: KdfParams
    salt: bytes
    check: bytes
    shared: Sealed
    journal: Sealed


@dataclass(slots=True)
class PartnerKeys:
    """What an unlocked slot yields. ``journal_key`` is None in session mode."""

    partner_id: str
    vault_key: bytearray
    signing_seed: bytearray
    journal_key: bytearray | None

    def wipe(self) -> None:
        crypto.zero(self.vault_key)
        crypto.zero(self.signing_seed)
        crypto.zero(self.journal_key)


@dataclass(slots=True)
class KeySlots:
    vault_id: str
    generation: int
    partners: list[Partner]
    slots: list[Slot]
    # Set when keyslots.json was damaged and the previous generation was used.
    warnings: list[str] = field(default_factory=list)

    # --- lookups -------------------------------------------------------------------

    def partner(self, who: str) -> Partner:
        """Find a partner by id or by label (case-insensitive)."""
        for partner in self.partners:
            if who == partner.id or who.casefold() == partner.label.casefold():
                return partner
        names = ", ".join(p.label for p in self.partners)
        raise UnknownPartner(f"No partner called {who!r} in this vault (partners: {names}).")

    def slot(self, partner_id: str, kind: SlotKind) -> Slot:
        for slot in self.slots:
            if slot.partner_id == partner_id and slot.kind == kind:
                return slot
        raise KeySlotsDamaged(
            f"keyslots.json has no {kind} slot for this partner; it was edited or damaged."
        )

    # --- unlocking -----------------------------------------------------------------

    def unlock(self, slot: Slot, secret: bytes, *, with_journal: bool = True) -> PartnerKeys:
        slot.kdf.check_readable()
        kek = crypto.derive_kek(secret, slot.salt, slot.kdf)
        try:
            aad = _aad(self.vault_id, slot, "check")
            if not crypto.checks_match(crypto.key_check(kek, aad), slot.check):
                if slot.kind == "recovery":
                    raise WrongPassphrase(
                        "That recovery code does not open this partner's slot. "
                        "Check that it is the code printed for this partner."
                    )
                raise WrongPassphrase("Wrong passphrase. Nothing was changed; try again.")
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
        finally:
            crypto.zero(kek)
        if len(shared) != 2 * crypto.KEY_BYTES or (journal and len(journal) != crypto.KEY_BYTES):
            raise KeySlotsDamaged(
                "A key slot holds keys of the wrong size; keyslots.json is damaged."
            )
        keys = PartnerKeys(
            partner_id=slot.partner_id,
            vault_key=shared[: crypto.KEY_BYTES],
            signing_seed=shared[crypto.KEY_BYTES :],
            journal_key=journal,
        )
        crypto.zero(shared)
        return keys

    def find_passphrase_slot(self, secret: bytes) -> PartnerKeys:
        """Session mode: try the passphrase against every partner's passphrase slot."""
        for partner in self.partners:
            try:
                return self.unlock(self.slot(partner.id, "passphrase"), secret, with_journal=False)
            except WrongPassphrase:
                continue
        raise WrongPassphrase(
            "That passphrase opens neither partner's slot. Nothing was changed; try again."
        )

    # --- writing -------------------------------------------------------------------

    def with_slot(
        self, partner_id: str, kind: SlotKind, secret: bytes, keys: PartnerKeys, kdf: KdfParams
    ) -> KeySlots:
        """A copy with this partner's slot of this kind replaced (or added)."""
        if keys.journal_key is None:
            raise ValueError("a slot can only be written from a full unlock")
        slot_id = secrets.token_hex(8)
        salt = os.urandom(16)
        draft = Slot(slot_id, partner_id, kind, kdf, salt, b"", Sealed(b"", b""), Sealed(b"", b""))
        kek = crypto.derive_kek(secret, salt, kdf)
        try:
            shared = bytearray(keys.vault_key + keys.signing_seed)
            try:
                s_nonce, s_ct = crypto.seal(kek, shared, _aad(self.vault_id, draft, "shared"))
            finally:
                crypto.zero(shared)
            j_nonce, j_ct = crypto.seal(
                kek, keys.journal_key, _aad(self.vault_id, draft, "journal")
            )
            check = crypto.key_check(kek, _aad(self.vault_id, draft, "check"))
        finally:
            crypto.zero(kek)
        slot = replace(
            draft, check=check, shared=Sealed(s_nonce, s_ct), journal=Sealed(j_nonce, j_ct)
        )
        others = [s for s in self.slots if not (s.partner_id == partner_id and s.kind == kind)]
        return KeySlots(self.vault_id, self.generation, list(self.partners), [*others, slot])


def _aad(vault_id: str, slot: Slot, part: str) -> bytes:
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


# --- the file ----------------------------------------------------------------------


def _to_json(keyslots: KeySlots) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": keyslots.vault_id,
        "generation": keyslots.generation,
        "partners": [{"id": p.id, "label": p.label} for p in keyslots.partners],
        "slots": [
            {
                "slot_id": s.slot_id,
                "partner_id": s.partner_id,
                "kind": s.kind,
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
            for s in keyslots.slots
        ],
    }


def _checksum(body: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(body)).hexdigest()


def _from_json(data: Any) -> KeySlots:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a Twofold key-slot file")
    body = {k: v for k, v in data.items() if k != "checksum"}
    if data.get("checksum") != _checksum(body):
        raise ValueError("checksum mismatch")
    if not isinstance(data["version"], int):
        raise ValueError("bad version")
    if data["version"] > VERSION:
        raise NewerVersion(
            "This vault's key slots were written by a newer version of Twofold. "
            "Update Twofold to open it; nothing was changed."
        )
    partners = [Partner(str(p["id"]), str(p["label"])) for p in data["partners"]]
    slots = []
    for s in data["slots"]:
        kind = s["kind"]
        if kind not in ("passphrase", "recovery"):
            raise ValueError("bad slot kind")
        kdf = s["kdf"]
        slots.append(
            Slot(
                slot_id=str(s["slot_id"]),
                partner_id=str(s["partner_id"]),
                kind=kind,
                kdf=KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])),
                salt=_unb64(kdf["salt"]),
                check=_unb64(s["check"]),
                shared=Sealed(_unb64(s["shared"]["nonce"]), _unb64(s["shared"]["ct"])),
                journal=Sealed(_unb64(s["journal"]["nonce"]), _unb64(s["journal"]["ct"])),
            )
        )
    return KeySlots(str(data["vault_id"]), int(data["generation"]), partners, slots)


def _read(path: Path) -> KeySlots:
    try:
        return _from_json(json.loads(path.read_bytes()))
    except NewerVersion:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeySlotsDamaged(str(exc)) from exc


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
        return _read(current)
    except KeySlotsDamaged as damaged:
        if not previous.exists():
            raise KeySlotsDamaged(
                f"keyslots.json is damaged ({damaged}) and has no previous generation. "
                "Restore it from a backup; nothing was changed."
            ) from damaged
        try:
            fallback = _read(previous)
        except KeySlotsDamaged as also:
            raise KeySlotsDamaged(
                "keyslots.json and its previous generation are both damaged. "
                "Restore them from a backup; nothing was changed."
            ) from also
        fallback.warnings.append(
            "keyslots.json was damaged; the previous generation was used. "
            "If a passphrase was changed just before, the old one applies."
        )
        return fallback


def save(folder: Path, keyslots: KeySlots) -> KeySlots:
    """Write a new generation; the current file becomes the previous generation."""
    current, previous = folder / FILE_NAME, folder / PREVIOUS_NAME
    if current.exists():
        try:
            _read(current)
            write_atomically(previous, current.read_bytes())
        except KeySlotsDamaged:
            pass  # keep the last good previous generation
    written = KeySlots(
        keyslots.vault_id, keyslots.generation + 1, list(keyslots.partners), list(keyslots.slots)
    )
    body = _to_json(written)
    body["checksum"] = _checksum(body)
    write_atomically(current, json.dumps(body, indent=2).encode() + b"\n")
    return written


def new(vault_id: str, partners: list[Partner]) -> KeySlots:
    return KeySlots(vault_id=vault_id, generation=0, partners=partners, slots=[])
