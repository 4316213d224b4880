"""Shared fixtures: real vaults in tmp_path, with a test-only KDF."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs and crash reports of the code under test go to a folder of this run, not the
# user's log folder (tests/reliability/test_diagnostics.py reads them).
os.environ.setdefault("TWOFOLD_LOG_DIR", __import__("tempfile").mkdtemp(prefix="twofold-logs-"))

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring

from twofold.services.kdf import use_weak_kdf_for_tests_only
from twofold.services.session import Session, create_vault, unlock
from twofold.vault.crypto import KdfParams

# Test vaults are made with KdfParams.for_tests_only(); the floor is lowered for this
# process only, explicitly (the one seam, in services). The test
# test_defaults_are_strong_in_a_process_that_did_not_lower_the_floor proves the default.
use_weak_kdf_for_tests_only()

ALEX_PASS = "alex correct horse battery"
SAM_PASS = "sam purple staple orbit"
TEST_KDF = KdfParams.for_tests_only()


class MemoryKeyring(KeyringBackend):
    """The OS keyring as tests see it: in memory, never the machine's own."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture(autouse=True)
def no_os_keyring() -> Iterator[None]:
    """No test reaches the OS keyring: by default there is none (as in CI); tests of
    the keyring check install a ``MemoryKeyring``."""
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def kdf() -> KdfParams:
    return TEST_KDF


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    created = create_vault(folder, [("Alex", ALEX_PASS), ("Sam", SAM_PASS)], TEST_KDF)
    (tmp_path / "codes").mkdir()
    for label, code in created.recovery_codes.items():
        (tmp_path / "codes" / label).write_text(code)
    return folder


@pytest.fixture
def alex(vault_dir: Path) -> Iterator[Session]:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    yield session
    session.lock()


def recovery_code(vault_dir: Path, label: str) -> str:
    return (vault_dir.parent / "codes" / label).read_text()


def all_bytes(folder: Path) -> bytes:
    """Every byte of every file under a folder (vault, journals, backups)."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


SLOW_TEST_TIMEOUT_S = 1800


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow reliability runs (soak, crash loops) get 30 minutes instead of the
    suite's 300 s per test (pyproject.toml), unless they say otherwise."""
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TEST_TIMEOUT_S))
