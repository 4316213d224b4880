"""What the other partner can do to keyslots.json with what they hold: edit it, sign
with their own key, copy old generations over it."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from twofold.domain.ledger import canonical_json
from twofold.vault import crypto, keyslots

Edit = Callable[[dict[str, Any]], None]


def read(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / keyslots.FILE_NAME).read_text())
    return data


def write(folder: Path, data: dict[str, Any]) -> None:
    (folder / keyslots.FILE_NAME).write_text(json.dumps(data, indent=2))


def slot_of(data: dict[str, Any], partner_label: str, kind: str) -> dict[str, Any]:
    pid = next(p["id"] for p in data["partners"] if p["label"] == partner_label)
    return next(
        s
        for s in data["slots"]
        if s["partner_id"] == pid and s["kind"] == kind and s["state"] == "active"
    )


def sign_as(data: dict[str, Any], owner_label: str, signer_seed: bytes) -> None:
    """Re-sign every slot of ``owner_label`` with ``signer_seed`` and list its public
    key for them: the best a partner without the owner's key can do."""
    owner = next(p for p in data["partners"] if p["label"] == owner_label)
    owner["public_key"] = base64.b64encode(crypto.public_key_of(signer_seed)).decode()
    for slot in data["slots"]:
        if slot["partner_id"] != owner["id"]:
            continue
        body = {k: v for k, v in slot.items() if k != "signature"}
        message = b"twofold-keyslot-v2\x00" + canonical_json(
            {"vault": data["vault_id"], "slot": body}
        )
        slot["signature"] = base64.b64encode(crypto.sign(signer_seed, message)).decode()


def seed_of(folder: Path, label: str, passphrase: str) -> bytes:
    slots = keyslots.load(folder)
    partner = slots.partner(label)
    keys = slots.unlock(
        slots.slot(partner.id, "passphrase"),
        crypto.normalise_passphrase(passphrase),
        with_journal=False,
    )
    seed = bytes(keys.signing_seed)
    keys.wipe()
    return seed
