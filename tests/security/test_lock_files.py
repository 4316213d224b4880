"""The vault folder's lock files, as the other partner (same computer, same folder)
can leave them: a lock from a process killed with -9, a folder or a link put in a
lock file's place, a second window. Each gives a clear message and changes nothing,
and none blocks for good."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.unit.test_cli import cli
from twofold.domain.errors import VaultInUse, VaultUnreadable
from twofold.services.session import unlock
from twofold.vault.locks import OWNER_LOCK, WRITE_LOCK, is_open_elsewhere

LOCKS = [OWNER_LOCK, WRITE_LOCK]


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and "lock" not in p.name
    }


def _holder(folder: Path) -> subprocess.Popen[str]:
    """Sam's Twofold in another process, holding the vault open."""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import sys, pathlib
                from twofold.vault import crypto, vault
                crypto.lower_kdf_floor_for_tests_only()
                v = vault.unlock_partner(pathlib.Path({str(folder)!r}), 'Sam', {SAM_PASS!r})
                print('ready', flush=True)
                sys.stdin.readline()
            """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_lock_left_by_a_process_killed_with_minus_9_blocks_nothing(vault_dir: Path) -> None:
    holder = _holder(vault_dir)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        assert is_open_elsewhere(vault_dir)
        with pytest.raises(VaultInUse, match="already open in another Twofold window"):
            unlock(vault_dir, "Alex", ALEX_PASS)
    finally:
        holder.kill()  # no close, no clean-up: the lock files stay behind
        holder.wait(timeout=30)
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    assert (vault_dir / OWNER_LOCK).exists()
    assert not is_open_elsewhere(vault_dir)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("written after the other process died")
    alex.lock()


@pytest.mark.parametrize("name", LOCKS)
def test_a_folder_in_a_lock_files_place_is_a_clear_message(
    vault_dir: Path, tmp_path: Path, name: str
) -> None:
    (vault_dir / name).unlink(missing_ok=True)
    (vault_dir / name).mkdir()
    before = _files(vault_dir)
    with pytest.raises(VaultUnreadable, match=f"cannot use its lock file {name}"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    assert _files(vault_dir) == before
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    result = cli("list", "--vault", vault_dir, "--as", "Alex", "--passphrase-file", secret)
    assert result.code == 9 and "Remove it and try again" in result.err
    assert "bug" not in result.err
    (vault_dir / name).rmdir()
    unlock(vault_dir, "Alex", ALEX_PASS).lock()


@pytest.mark.parametrize("name", LOCKS)
def test_a_link_in_a_lock_files_place_is_not_followed(
    vault_dir: Path, tmp_path: Path, name: str
) -> None:
    """A link to a file of Alex's elsewhere: Twofold would have created (or locked)
    that file. It is refused instead, and the target is never made."""
    target = tmp_path / "elsewhere" / "made-by-twofold"
    target.parent.mkdir()
    (vault_dir / name).unlink(missing_ok=True)
    (vault_dir / name).symlink_to(target)
    with pytest.raises(VaultUnreadable, match=f"cannot use its lock file {name}"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    assert not target.exists()
