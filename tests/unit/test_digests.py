"""domain/digests: SHA-256 without OpenSSL for a process's first short hashes (a
command's start), OpenSSL's afterwards, and vault/crypto's HMAC-SHA-256 built on it:
the same bytes either way."""

from __future__ import annotations

import hashlib
import hmac
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.domain import digests
from twofold.vault import crypto


@given(data=st.binary(max_size=3000))
@settings(max_examples=200, deadline=None)
def test_sha256_is_hashlibs(data: bytes) -> None:
    assert digests.sha256(data) == hashlib.sha256(data).digest()
    assert digests.sha256_hex(data) == hashlib.sha256(data).hexdigest()


@given(key=st.binary(max_size=200), message=st.binary(max_size=600))
@settings(max_examples=200, deadline=None)
def test_hmac_sha256_is_hmacs(key: bytes, message: bytes) -> None:
    assert crypto.hmac_sha256(key, message) == hmac.new(key, message, hashlib.sha256).digest()


def test_checks_match_is_constant_time_equality() -> None:
    assert crypto.checks_match(b"abc", b"abc")
    assert not crypto.checks_match(b"abc", b"abd")
    assert not crypto.checks_match(b"abc", b"ab")


@pytest.mark.parametrize("force_openssl", [False, True])
def test_both_implementations_give_the_same_digests(
    force_openssl: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(digests, "_openssl", hashlib.sha256 if force_openssl else None)
    monkeypatch.setattr(digests, "_count", 0)
    for data in (b"", b"a", b"x" * 63, b"y" * 64, b"z" * 1000):
        assert digests.sha256(data) == hashlib.sha256(data).digest()
        assert crypto.hmac_sha256(data, data) == hmac.new(data, data, hashlib.sha256).digest()


def test_a_few_short_hashes_load_no_openssl_and_many_do() -> None:
    """What a command's start is spared: hashing a few short things imports neither
    hashlib nor OpenSSL; a process that hashes more, or something long, loads it."""
    script = (
        "import sys\n"
        "from twofold.domain import digests\n"
        "from twofold.vault import crypto\n"
        "for i in range(50): digests.sha256(b'x' * 200); crypto.hmac_sha256(b'k', b'm')\n"
        "print('_hashlib' in sys.modules, 'hashlib' in sys.modules)\n"
        "for i in range(digests.FEW): digests.sha256(b'x')\n"
        "print('_hashlib' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["False", "False", "True"]
    long = "from twofold.domain import digests; import sys; digests.sha256(b'x' * 5000); "
    long += "print('_hashlib' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", long], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "True"
