"""Key derivation, key wrapping, signatures and recovery codes.

Keys live in ``bytearray``s so they can be zeroed on lock. Python cannot promise
that no copy was ever made (the SQLCipher key pragma needs a ``str``), which
ARCHITECTURE.md says plainly.
"""

from __future__ import annotations

import base64
import os
import time
from _operator import _compare_digest  # what hmac.compare_digest is

from twofold.domain.digests import sha256
from twofold.domain.errors import InvalidRecoveryCode, KeySlotsDamaged
from twofold.domain.valueclass import valueclass

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

# The unlock screen reads the key slots and checks their signatures (Ed25519) before
# it paints; the KDF's bindings and the passphrase rules are needed only once someone
# unlocks or writes a slot, so they are imported where they are used (~10-15 ms less
# before the first paint, issue 17). SHA-256 comes from domain/digests and HMAC is built on
# it here (no OpenSSL for a command that hashes little).

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

# cryptography's Ed25519 and AES-GCM are its Rust objects: the public modules
# (``primitives.asymmetric.ed25519``, ``primitives.ciphers.aead``) hand out these very
# objects (tests/unit/test_crypto.py holds them to it) but import its
# Python layer first — typing, enums, hashes, serialization, every cipher mode, ~16 M
# instructions at every command's start. They are taken from the bindings directly;
# a cryptography that no longer has them there gets the public modules.
try:
    from cryptography.hazmat.bindings._rust import openssl as _rust_openssl

    _ed25519: Any = _rust_openssl.ed25519
    _aead: Any = _rust_openssl.aead
    _aead.AESGCM  # noqa: B018 - present, or the public modules below
    _ed25519.from_public_bytes  # noqa: B018
except (ImportError, AttributeError):  # pragma: no cover - another cryptography layout
    from cryptography.hazmat.primitives.asymmetric import ed25519 as _public_ed25519
    from cryptography.hazmat.primitives.ciphers import aead as _aead

    class _PublicEd25519:
        from_public_bytes = staticmethod(_public_ed25519.Ed25519PublicKey.from_public_bytes)
        from_private_bytes = staticmethod(_public_ed25519.Ed25519PrivateKey.from_private_bytes)

    _ed25519 = _PublicEd25519


def _aesgcm(key: bytes) -> AESGCM:
    return _aead.AESGCM(key)  # type: ignore[no-any-return]


def _public_key(data: bytes) -> Ed25519PublicKey:
    return _ed25519.from_public_bytes(data)  # type: ignore[no-any-return]


def _private_key(seed: bytes) -> Ed25519PrivateKey:
    return _ed25519.from_private_bytes(seed)  # type: ignore[no-any-return]


def _is_crypto_error(exc: BaseException, name: str) -> bool:
    """Whether ``exc`` is cryptography's InvalidSignature/InvalidTag (its exceptions
    module is imported only when one is raised)."""
    from cryptography import exceptions

    kind: type[BaseException] = getattr(exceptions, name)
    return isinstance(exc, kind)


KEY_BYTES = 32

# RFC 9106's second recommended option is the floor; calibration only goes up.
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
LANES = 4
# Caps applied when *reading* a slot, so an edited keyslots.json cannot freeze the app.
MAX_MEMORY_KIB = 2 * 1024 * 1024
MAX_ITERATIONS = 10
MAX_LANES = 16
TARGET_SECONDS = 0.5
MAX_CALIBRATED_MEMORY_KIB = 1024 * 1024
# The band a calibrated derivation must land in, as fractions of the target: 0.3-1 s for
# 0.5 s (DESIGN.md §6's key-derivation row; the benchmark prints UNDER below it).
BAND_LOW = 0.6
BAND_HIGH = 2.0
# A doubling is taken while it is expected to stay under this much of the target.
DOUBLING_SLACK = 1.2
# Derivations calibration may run (~1.2 s on a 2-core machine that settles on 256 MiB).
MAX_CALIBRATION_RUNS = 12
# Derivations of the chosen settings before the band's upper end steps them back.
GUARD_RUNS = 4

# The floor every slot is held to, on reading and on writing. Only the test suite
# lowers it, explicitly, with ``lower_kdf_floor_for_tests_only()``; nothing read from
# disk or the environment can (the other partner shares the machine).
_test_floor = False


def lower_kdf_floor_for_tests_only() -> None:
    """Let this process open slots written with ``KdfParams.for_tests_only()``.
    Called by the test suite's conftest and its child processes, never by the app."""
    global _test_floor
    _test_floor = True


def kdf_floor() -> KdfParams:
    return KdfParams.for_tests_only() if _test_floor else KdfParams.strong_minimum()


@valueclass
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    @classmethod
    def strong_minimum(cls) -> KdfParams:
        return cls(MIN_MEMORY_KIB, MIN_ITERATIONS, LANES)

    @classmethod
    def calibrated(cls, target_seconds: float = TARGET_SECONDS) -> KdfParams:
        """Start at the floor and double the memory while one derivation is expected
        to stay under the target (with slack), then, with the memory at its cap and
        the derivation still under the band's lower end, raise the iterations until it
        is inside: 0.3-1 s for the 0.5 s target, never over the caps (memory
        ``MAX_CALIBRATED_MEMORY_KIB``, ``MAX_ITERATIONS``), never under the strong
        minimum. A faster machine gets a harder KDF. (With the test floor lowered, the
        test parameters themselves.)

        Each derivation is timed in wall-clock and CPU time (every thread of the
        process). Another process, or the memory's first touch, slows the wall clock
        but leaves the CPU time nearly as it was, and the wall clock alone settled
        vaults one doubling short (the benchmark saw 128 MiB chosen, 0.21 s, where
        256 MiB takes 0.4 s). What decides is the least time the settings can take
        here: the CPU time spread over the cores the lanes can use (never more than
        the wall clock saw). Over the band's lower end by that, they are over it on a
        quiet machine. The band's upper end is held by the most they take: the CPU
        time over the best speed-up seen, never more than the wall clock (a step back
        while that is over it in four derivations)."""
        if _test_floor:
            return cls.for_tests_only()
        return _Calibration(target_seconds).run(cls.strong_minimum())

    @classmethod
    def for_tests_only(cls) -> KdfParams:
        """A deliberately weak KDF for the test suite. Never used by default."""
        return cls(memory_kib=8 * 4, iterations=1, lanes=4)

    def meets(self, floor: KdfParams) -> bool:
        return (
            self.memory_kib >= floor.memory_kib
            and self.iterations >= floor.iterations
            and self.lanes >= floor.lanes
        )

    def check_readable(self) -> None:
        """Refuse settings below the floor (never run, never copied) and above the
        caps (an edited file must not freeze the app)."""
        if not self.meets(kdf_floor()):
            raise KeySlotsDamaged(
                "keyslots.json asks for key-derivation settings below the strong minimum "
                f"(m={self.memory_kib} KiB, t={self.iterations}, p={self.lanes}); the file "
                "was edited or damaged, so the slot is refused. Nothing was changed; "
                "restore keyslots.json from a backup."
            )
        if not (
            8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and 1 <= self.lanes <= MAX_LANES
        ):
            raise KeySlotsDamaged(
                "keyslots.json asks for key-derivation settings outside the safe range; "
                "the file was edited or damaged. Nothing was changed."
            )


def _one(params: KdfParams) -> tuple[float, float]:
    """Seconds of one derivation, wall-clock and CPU time of the whole process
    (calibration: nothing secret is derived)."""
    started, cpu = time.perf_counter(), time.process_time()
    derive_kek(b"calibration", os.urandom(16), params)
    return time.perf_counter() - started, time.process_time() - cpu


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


class _Calibration:
    """One run of ``KdfParams.calibrated``: the derivations timed so far, and the
    least time each can take on this machine (see there)."""

    def __init__(self, target_seconds: float) -> None:
        self.target = target_seconds
        self.low = target_seconds * BAND_LOW
        self.high = target_seconds * BAND_HIGH
        self.timed: dict[KdfParams, list[tuple[float, float]]] = {}
        self.runs = 0
        self.stepped_back = False
        self.memory_cap = MAX_CALIBRATED_MEMORY_KIB

    def measure(self, params: KdfParams) -> bool:
        """Time one derivation of ``params``; False once the runs are spent, or when
        the machine cannot give the memory (more is never asked for then)."""
        if self.runs >= MAX_CALIBRATION_RUNS:
            return False
        self.runs += 1
        try:
            timed = _one(params)
        except MemoryError:
            if params == KdfParams.strong_minimum():
                raise  # the floor itself: nothing can be written (derive_kek's message)
            self.memory_cap = min(self.memory_cap, params.memory_kib // 2)
            return False
        self.timed.setdefault(params, []).append(timed)
        return True

    def least(self, params: KdfParams) -> float:
        """Seconds ``params`` take at the least: the CPU time spread over every core
        its lanes can use, never more than the wall clock saw; the fastest of its
        derivations."""
        cores = max(1, min(params.lanes, _cores()))
        return min(min(wall, cpu / cores) if cpu > 0 else wall for wall, cpu in self.timed[params])

    def most(self, params: KdfParams) -> float:
        """Seconds ``params`` take at the most on a quiet machine, as far as this
        calibration saw: the CPU time over the best speed-up any derivation had
        (1 if none ran side by side), never more than the wall clock saw."""
        cores = max(1, min(params.lanes, _cores()))
        speedup = max(
            [1.0]
            + [
                min(cpu / wall, cores)
                for times in self.timed.values()
                for wall, cpu in times
                if wall > 0
            ]
        )
        return min(
            min(wall, cpu / speedup) if cpu > 0 else wall for wall, cpu in self.timed[params]
        )

    def run(self, params: KdfParams) -> KdfParams:
        # the first derivation of a process warms the library and the allocator: two
        # at the floor, the faster counts
        self.measure(params)
        self.measure(params)
        doubled = KdfParams(params.memory_kib * 2, params.iterations, params.lanes)
        while doubled.memory_kib <= self.memory_cap:
            if self.least(params) * 2 > self.target * DOUBLING_SLACK:
                # the faster of two before settling
                if len(self.timed[params]) >= 2 or not self.measure(params):
                    break
                continue
            if self.most(params) * 2 > self.high or not self.measure(doubled):
                break
            params = doubled
            doubled = KdfParams(params.memory_kib * 2, params.iterations, params.lanes)
        # The memory is settled, so the least time is over the band's lower end unless
        # the memory is at its cap (or a doubling could take it over the band's upper
        # end, or the runs are spent): then more passes, as many as the least time per
        # pass says and the most time per pass allows, and again while still under.
        while self.least(params) < self.low and params.iterations < MAX_ITERATIONS:
            per_pass = self.least(params) / params.iterations
            wanted = int(self.low / per_pass) + 1 if per_pass > 0 else MAX_ITERATIONS
            allowed = int(self.high * params.iterations / self.most(params))
            wanted = min(max(wanted, params.iterations + 1), allowed, MAX_ITERATIONS)
            if wanted <= params.iterations:
                break
            more = KdfParams(params.memory_kib, wanted, params.lanes)
            if not self.measure(more):
                break
            params = more
        # The least time can be less than a derivation takes even on a quiet machine
        # (threads that do not run side by side, a CPU quota): the most it takes has
        # the last word on the band's upper end. While that is over it, a step back
        # (passes first, as many as the most time per pass says), never under the
        # strong minimum; but only once the settings ran four times: while another
        # process runs, no derivation runs side by side and the most looks like a
        # quota's (one of four usually shows the speed-up).
        while self.most(params) > self.high and params != KdfParams.strong_minimum():
            if len(self.timed[params]) < GUARD_RUNS and not self.stepped_back:
                if not self.measure(params):
                    break
                continue
            per_pass = self.most(params) / params.iterations
            if params.iterations > MIN_ITERATIONS:
                fewer = max(MIN_ITERATIONS, min(params.iterations - 1, int(self.high / per_pass)))
                back = KdfParams(params.memory_kib, fewer, params.lanes)
            else:
                back = KdfParams(params.memory_kib // 2, params.iterations, params.lanes)
            self.stepped_back = True
            params = back
            if params not in self.timed and not self.measure(params):
                break
        return params


def derive_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytearray:
    """Argon2id (version 1.3) of ``secret``: the reference implementation's
    ``argon2_hash``, through the same bindings as ``argon2.low_level.hash_secret_raw``
    (byte-equal, tests/security/test_format_doc.py), without the argon2 package's
    imports (a command's start pays for them). The derived key is copied out and the
    C buffer zeroed; the secret is read in place, not copied."""
    from _argon2_cffi_bindings import ffi, lib

    out = ffi.new("uint8_t[]", KEY_BYTES)
    try:
        code = lib.argon2_hash(
            params.iterations,
            params.memory_kib,
            params.lanes,
            ffi.from_buffer(secret),
            len(secret),
            ffi.from_buffer(salt),
            len(salt),
            out,
            KEY_BYTES,
            ffi.NULL,
            0,
            lib.Argon2_id,
            lib.ARGON2_VERSION_13,
        )
        if code == lib.ARGON2_MEMORY_ALLOCATION_ERROR:
            raise MemoryError(
                f"Not enough memory for the key derivation ({params.memory_kib // 1024} MiB)."
            )
        if code != lib.ARGON2_OK:
            reason = ffi.string(lib.argon2_error_message(code)).decode("ascii", "replace")
            raise RuntimeError(f"The key derivation failed: {reason}")
        return bytearray(ffi.buffer(out, KEY_BYTES))
    finally:
        ffi.memmove(out, bytes(KEY_BYTES), KEY_BYTES)


def normalise_passphrase(text: str) -> bytes:
    """``domain.passphrase.normalise_passphrase`` (imported when first asked for)."""
    from twofold.domain.passphrase import normalise_passphrase as normalise

    return normalise(text)


_HMAC_BLOCK = 64  # SHA-256's block size
_IPAD = bytes(x ^ 0x36 for x in range(256))
_OPAD = bytes(x ^ 0x5C for x in range(256))


def hmac_sha256(key: bytes, message: bytes) -> bytes:
    """HMAC-SHA-256 as RFC 2104 defines it (what ``hmac.new(key, message,
    hashlib.sha256)`` gives; tests/unit/test_digests.py holds it to that), over
    ``domain.digests.sha256`` so that a search's start does not load libcrypto."""
    if len(key) > _HMAC_BLOCK:
        key = sha256(key)
    key = key.ljust(_HMAC_BLOCK, b"\0")
    return sha256(key.translate(_OPAD) + sha256(key.translate(_IPAD) + message))


def subkey(kek: bytes | bytearray, label: bytes) -> bytes:
    return hmac_sha256(bytes(kek), b"twofold/" + label)


def key_check(kek: bytes | bytearray, aad: bytes) -> bytes:
    """A check value bound to the slot: makes unwrapping key-committing and lets a
    wrong passphrase be told apart from a damaged slot."""
    return hmac_sha256(subkey(kek, b"check"), aad)[:16]


def checks_match(a: bytes, b: bytes) -> bool:
    return _compare_digest(a, b)


def seal(kek: bytes | bytearray, plaintext: bytes | bytearray, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(12)
    return nonce, _aesgcm(subkey(kek, b"wrap")).encrypt(nonce, bytes(plaintext), aad)


def open_sealed(kek: bytes | bytearray, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytearray:
    try:
        return bytearray(_aesgcm(subkey(kek, b"wrap")).decrypt(nonce, ciphertext, aad))
    except Exception as exc:
        if not _is_crypto_error(exc, "InvalidTag"):
            raise
        raise KeySlotsDamaged(
            "A key slot in keyslots.json was altered: the passphrase is right but the slot "
            "no longer opens. Restore keyslots.json from a backup. Nothing was changed."
        ) from exc


def new_key() -> bytearray:
    return bytearray(os.urandom(KEY_BYTES))


def zero(buffer: bytearray | None) -> None:
    if buffer is not None:
        for i in range(len(buffer)):
            buffer[i] = 0


def sqlcipher_key(key: bytes | bytearray) -> str:
    """SQLCipher's raw-key form: no second KDF inside SQLCipher."""
    return f"x'{bytes(key).hex()}'"


# --- signatures ------------------------------------------------------------------


def public_key_of(seed: bytes | bytearray) -> bytes:
    # the raw 32 bytes; public_bytes_raw() spares every unlock cryptography's
    # serialization package (about 6 ms of imports)
    return _private_key(bytes(seed)).public_key().public_bytes_raw()


def sign(seed: bytes | bytearray, message: bytes) -> bytes:
    return _private_key(bytes(seed)).sign(message)


def signature_valid(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        _public_key(public_key).verify(signature, message)
    except ValueError:  # not a public key at all
        return False
    except Exception as exc:
        if _is_crypto_error(exc, "InvalidSignature"):
            return False
        raise
    return True


# --- recovery codes ----------------------------------------------------------------

# Crockford's base32: no I, L, O, U, so a handwritten code is read back unambiguously.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_RANDOM_BYTES = 16  # 128 bits
_CHECK_BYTES = 4


def _b32(data: bytes) -> str:
    standard = base64.b32encode(data).decode().rstrip("=")
    return standard.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _ALPHABET))


def _unb32(text: str) -> bytes:
    standard = text.translate(str.maketrans(_ALPHABET, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
    return base64.b32decode(standard + "=" * (-len(standard) % 8))


def new_recovery_code() -> str:
    raw = os.urandom(_RANDOM_BYTES)  # what secrets.token_bytes reads
    check = sha256(b"twofold-recovery" + raw)[:_CHECK_BYTES]
    text = _b32(raw + check)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_code(text: str) -> bytes:
    """The canonical bytes fed to the KDF; a typo is caught here, before the KDF."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_READ_AS)
    expected_len = len(_b32(bytes(_RANDOM_BYTES + _CHECK_BYTES)))
    if len(cleaned) != expected_len or any(ch not in _ALPHABET for ch in cleaned):
        raise InvalidRecoveryCode(
            f"That is not a recovery code: it should be {expected_len} letters and digits "
            "in groups of four, as printed on the recovery sheet."
        )
    data = _unb32(cleaned)
    raw, check = data[:_RANDOM_BYTES], data[_RANDOM_BYTES:]
    if not checks_match(check, sha256(b"twofold-recovery" + raw)[:_CHECK_BYTES]):
        raise InvalidRecoveryCode(
            "That recovery code has a typo: its check digits don't match. "
            "Compare it group by group with the recovery sheet."
        )
    return b"recovery:" + raw
