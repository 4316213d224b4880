from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.security import keytools
from twofold.domain.errors import InvalidRecoveryCode, KeySlotsDamaged, WrongPassphrase
from twofold.services.session import create_vault, unlock
from twofold.vault import crypto, keyslots
from twofold.vault.crypto import KdfParams

KEK = bytes(range(32))


@given(plaintext=st.binary(max_size=512), aad=st.binary(max_size=64))
@settings(max_examples=60, deadline=None)
def test_seal_then_open_returns_the_plaintext(plaintext: bytes, aad: bytes) -> None:
    nonce, ct = crypto.seal(KEK, plaintext, aad)
    assert bytes(crypto.open_sealed(KEK, nonce, ct, aad)) == plaintext


@given(
    plaintext=st.binary(min_size=1, max_size=128),
    aad=st.binary(max_size=32),
    flip=st.integers(min_value=0, max_value=10_000),
)
@settings(max_examples=60, deadline=None)
def test_any_flipped_bit_or_other_aad_fails_to_open(
    plaintext: bytes, aad: bytes, flip: int
) -> None:
    nonce, ct = crypto.seal(KEK, plaintext, aad)
    damaged = bytearray(ct)
    damaged[flip % len(damaged)] ^= 1 << (flip % 8)
    with pytest.raises(KeySlotsDamaged):
        crypto.open_sealed(KEK, nonce, bytes(damaged), aad)
    with pytest.raises(KeySlotsDamaged):
        crypto.open_sealed(KEK, nonce, ct, aad + b"x")


def test_recovery_code_round_trip_and_typos_are_caught_before_the_kdf() -> None:
    code = crypto.new_recovery_code()
    assert len(code.replace("-", "")) == 32
    assert crypto.parse_recovery_code(code) == crypto.parse_recovery_code(code.lower())
    # O and 0, I/L and 1 are read the same way on a handwritten sheet
    assert crypto.parse_recovery_code(code.replace("0", "O")) == crypto.parse_recovery_code(code)
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(InvalidRecoveryCode, match="typo"):
        crypto.parse_recovery_code(typo)
    with pytest.raises(InvalidRecoveryCode, match="groups of four"):
        crypto.parse_recovery_code("1234")


def test_passphrases_are_unicode_normalised(tmp_path: Path, kdf: KdfParams) -> None:
    composed, decomposed = "caf\u00e9 au lait mornings", "cafe\u0301 au lait mornings"
    folder = tmp_path / "v"
    create_vault(folder, [("A", composed), ("B", "another long passphrase")], kdf)
    unlock(folder, "A", decomposed).lock()


def test_edited_kdf_parameters_are_capped_not_run(tmp_path: Path, kdf: KdfParams) -> None:
    folder = tmp_path / "v"
    create_vault(folder, [("A", "first partner passphrase"), ("B", "second partner pass")], kdf)
    path = folder / keyslots.FILE_NAME
    data = json.loads(path.read_text())
    a_id = next(p["id"] for p in data["partners"] if p["label"] == "A")
    for slot in data["slots"]:
        if slot["partner_id"] == a_id:
            slot["kdf"]["memory_kib"] = 64 * 1024 * 1024  # 64 GiB would freeze the machine
    # even signed with the owner's own key (the worst case), the cap holds
    keytools.sign_as(data, "A", keytools.seed_of(folder, "A", "first partner passphrase"))
    path.write_text(json.dumps(data))
    (folder / keyslots.PREVIOUS_NAME).unlink(missing_ok=True)
    with pytest.raises(KeySlotsDamaged, match="safe range"):
        unlock(folder, "A", "first partner passphrase")


def test_wrong_passphrase_is_not_reported_as_damage(tmp_path: Path, kdf: KdfParams) -> None:
    folder = tmp_path / "v"
    create_vault(folder, [("A", "first partner passphrase"), ("B", "second partner pass")], kdf)
    with pytest.raises(WrongPassphrase):
        unlock(folder, "A", "first partner passphrasE")


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [
        (64 * 1024, 3, 4),  # the strong minimum every vault holds at least
        (128 * 1024, 3, 4),  # a calibrated vault on a faster machine
        (32, 1, 4),  # the tests' weak parameters
        (8 * 3, 2, 3),
    ],
)
def test_the_kdf_is_byte_equal_to_argon2_cffi(memory_kib: int, iterations: int, lanes: int) -> None:
    """derive_kek calls the Argon2 reference code through argon2-cffi's bindings, not
    through argon2-cffi itself (whose imports a command's start paid for): every key
    it derives is the one argon2-cffi derived, so every existing vault opens."""
    from argon2.low_level import Type, hash_secret_raw

    params = KdfParams(memory_kib, iterations, lanes)
    for secret, salt in [
        (b"correct horse battery staple", bytes(range(16))),
        ("pässwörd ✓".encode(), b"\xff" * 16),
        (b"", b"s" * 32),
        (b"x" * 1000, b"0123456789abcdef"),
    ]:
        expected = hash_secret_raw(secret, salt, iterations, memory_kib, lanes, 32, Type.ID)
        derived = crypto.derive_kek(secret, salt, params)
        assert isinstance(derived, bytearray) and bytes(derived) == expected


def test_a_kdf_the_machine_cannot_run_is_an_error_not_a_wrong_key() -> None:
    with pytest.raises(RuntimeError, match="key derivation failed"):
        crypto.derive_kek(b"secret", b"short", KdfParams(64, 1, 1))  # salt under 8 bytes


def test_signatures_and_key_wrapping_are_cryptographys_own_objects() -> None:
    """crypto takes Ed25519 and AES-GCM from cryptography's bindings (sparing its
    Python layer's imports): they are the very objects its public modules hand out."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    assert crypto._aead.AESGCM is AESGCM
    seed = bytes(range(32))
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key()
    raw = public.public_bytes_raw()
    assert type(crypto._private_key(seed)) is type(Ed25519PrivateKey.from_private_bytes(seed))
    assert type(crypto._public_key(raw)) is type(Ed25519PublicKey.from_public_bytes(raw))
    assert isinstance(crypto._public_key(raw), Ed25519PublicKey)
    assert crypto.public_key_of(seed) == raw


@given(message=st.binary(max_size=256), flip=st.integers(min_value=0, max_value=10_000))
@settings(max_examples=60, deadline=None)
def test_a_signature_verifies_as_cryptography_verifies_it(message: bytes, flip: int) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    seed = bytes(range(1, 33))
    key = Ed25519PrivateKey.from_private_bytes(seed)
    public = key.public_key().public_bytes_raw()
    signature = crypto.sign(seed, message)
    assert signature == key.sign(message)  # Ed25519 is deterministic
    assert crypto.signature_valid(public, signature, message)
    damaged = bytearray(signature)
    damaged[flip % len(damaged)] ^= 1 << (flip % 8)
    assert not crypto.signature_valid(public, bytes(damaged), message)
    with pytest.raises(InvalidSignature):
        key.public_key().verify(bytes(damaged), message)
    assert not crypto.signature_valid(public, signature, message + b"x")
    assert not crypto.signature_valid(public[:31], signature, message)  # not a key
    assert not crypto.signature_valid(crypto.public_key_of(bytes(32)), signature, message)
