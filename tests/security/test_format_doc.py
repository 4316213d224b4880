"""docs/FORMAT.md is enough: an independent reader written from it (argon2-cffi,
cryptography and the sqlcipher3 module only, none of Twofold's code) opens a
partner's own slot, their journal and the shared ledger, and checks the chain."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import unicodedata
from pathlib import Path
from typing import Any

import sqlcipher3
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tests.conftest import ALEX_PASS, recovery_code
from twofold.services.session import unlock


def canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def b64(text: str) -> bytes:
    return base64.b64decode(text)


def recovery_secret(code: str) -> bytes:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    cleaned = "".join(c for c in code.upper() if c.isalnum())
    lookalikes: dict[str, str | int | None] = {"O": "0", "I": "1", "L": "1"}
    cleaned = cleaned.translate(str.maketrans(lookalikes))
    standard = cleaned.translate(str.maketrans(alphabet, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
    raw = base64.b32decode(standard + "=" * (-len(standard) % 8))
    r, check = raw[:16], raw[16:]
    assert hashlib.sha256(b"twofold-recovery" + r).digest()[:4] == check
    return b"recovery:" + r


def open_slot(
    doc: dict[str, Any], label: str, kind: str, secret: bytes
) -> tuple[bytes, bytes, bytes]:
    partner = next(p for p in doc["partners"] if p["label"] == label)
    slot = next(
        s
        for s in doc["slots"]
        if s["partner_id"] == partner["id"] and s["kind"] == kind and s["state"] == "active"
    )
    body = {k: v for k, v in slot.items() if k != "signature"}
    Ed25519PublicKey.from_public_bytes(b64(partner["public_key"])).verify(
        b64(slot["signature"]),
        b"twofold-keyslot-v2\x00" + canonical({"vault": doc["vault_id"], "slot": body}),
    )
    kdf = slot["kdf"]
    kek = hash_secret_raw(
        secret, b64(kdf["salt"]), kdf["iterations"], kdf["memory_kib"], kdf["lanes"], 32, Type.ID
    )

    def aad(part: str) -> bytes:
        return canonical(
            {
                "format": "twofold-keyslots",
                "vault": doc["vault_id"],
                "partner": partner["id"],
                "slot": slot["slot_id"],
                "kind": kind,
                "kdf": [kdf["memory_kib"], kdf["iterations"], kdf["lanes"], kdf["salt"]],
                "part": part,
            }
        )

    check_key = hmac.new(kek, b"twofold/check", hashlib.sha256).digest()
    assert hmac.new(check_key, aad("check"), hashlib.sha256).digest()[:16] == b64(slot["check"])
    wrap = AESGCM(hmac.new(kek, b"twofold/wrap", hashlib.sha256).digest())
    shared = wrap.decrypt(b64(slot["shared"]["nonce"]), b64(slot["shared"]["ct"]), aad("shared"))
    journal = wrap.decrypt(
        b64(slot["journal"]["nonce"]), b64(slot["journal"]["ct"]), aad("journal")
    )
    return shared[:32], shared[32:], journal


def sqlcipher(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def test_an_independent_reader_opens_alexs_own_vault(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    record = alex.journal.write("read without twofold")
    item = alex.sharing.add(record)
    alex.sharing.update(item, "shared, read without twofold", "")
    alex.sharing.confirm(alex.sharing.preview([item]))
    alex.change_passphrase("alex changed to new words")  # a key change on the way
    alex.lock()

    doc = json.loads((vault_dir / "keyslots.json").read_text())
    secret = unicodedata.normalize("NFKD", "alex changed to new words").encode()
    vault_key, seed, journal_key = open_slot(doc, "Alex", "passphrase", secret)
    pid = next(p["id"] for p in doc["partners"] if p["label"] == "Alex")
    journal = sqlcipher(vault_dir / f"journal-{pid}.db", journal_key)
    assert [r[0] for r in journal.execute("SELECT body FROM records")] == ["read without twofold"]
    journal.close()

    ledger = sqlcipher(vault_dir / "shared.db", vault_key)
    prev = bytes(32)
    keys = {}
    rows = ledger.execute(
        "SELECT seq, event_id, author, kind, occurred_at, payload, content_hash, prev_hash, "
        "signature FROM ledger_events ORDER BY seq"
    ).fetchall()
    for seq, event_id, author, kind, at, payload, content, prev_hash, signature in rows:
        if payload is not None:
            assert hashlib.sha256(payload).digest() == content
        assert prev_hash == prev
        digest = hashlib.sha256(
            b"twofold-ledger-v1\x00"
            + canonical(
                {
                    "vault": doc["vault_id"],
                    "seq": seq,
                    "id": event_id,
                    "author": author,
                    "kind": kind,
                    "at": at,
                    "content": content.hex(),
                    "prev": prev_hash.hex(),
                }
            )
        ).digest()
        if kind == "vault.created":
            keys = {
                p["id"]: bytes.fromhex(p["public_key"]) for p in json.loads(payload)["partners"]
            }
        Ed25519PublicKey.from_public_bytes(keys[author]).verify(signature, digest)
        prev = digest
    kinds = [r[3] for r in rows]
    assert kinds[-1] == "keys.changed" and "reflection.shared" in kinds
    shared = json.loads(next(r[5] for r in rows if r[3] == "reflection.shared"))
    assert shared["text"] == "shared, read without twofold"
    ledger.close()
    assert len(seed) == 32


def test_the_recovery_code_is_read_as_documented(vault_dir: Path) -> None:
    doc = json.loads((vault_dir / "keyslots.json").read_text())
    secret = recovery_secret(recovery_code(vault_dir, "Sam").lower().replace("0", "O"))
    vault_key, _, journal_key = open_slot(doc, "Sam", "recovery", secret)
    assert len(vault_key) == 32 == len(journal_key)
