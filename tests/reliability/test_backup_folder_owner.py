"""The daily backups folder is one for both partners (a retraction or deletion replaces
the backups there), kept in shared.db, which the other partner can edit with any
SQLCipher tool. They could move both partners' backups to a folder of theirs without a
word, or (a blob there) into whatever folder the app was started from. Now only a full
path as text is used, and a change the partner did not make is told at their next
unlock. Each attack is made as in test_partner_attacks: raw SQL with Sam's vault key,
outside Twofold."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import attack
from tests.unit.test_cli import cli
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.services.paths import default_backup_folder
from twofold.services.session import unlock, unlock_session

PLANT = "INSERT OR REPLACE INTO settings (key, value) VALUES ('backup_folder', ?)"
TOLD = "The daily backups now go to"


def _alex(vault_dir: Path) -> tuple[list[str], Path]:
    """What Alex is told at unlock, and where today's backup went."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        return list(session.warnings), session.auto_backup().path
    finally:
        session.lock()


def test_a_folder_moved_with_a_tool_is_told_once(vault_dir: Path, tmp_path: Path) -> None:
    unlock(vault_dir, "Alex", ALEX_PASS).lock()  # Alex has used this version once
    theirs = tmp_path / "sams-stick"
    attack(vault_dir, (PLANT, (str(theirs),)))

    told, made = _alex(vault_dir)
    again, _ = _alex(vault_dir)

    assert [w for w in told if TOLD in w] == [
        f"{TOLD} {theirs}: the folder was changed since you last unlocked, not by you. If "
        "the two of you did not agree on it, choose the folder again in Settings → Backups."
    ]
    assert made.parent == theirs  # one folder for both, as the setting says
    assert not [w for w in again if TOLD in w]


def test_a_change_in_settings_is_told_to_the_other_not_to_its_maker(
    vault_dir: Path, tmp_path: Path
) -> None:
    for who, passphrase in (("Alex", ALEX_PASS), ("Sam", SAM_PASS)):
        unlock(vault_dir, who, passphrase).lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.set_backup_folder(tmp_path / "usb")
    alex.lock()

    told_alex, _ = _alex(vault_dir)
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    told_sam, folder = list(sam.warnings), sam.backup_folder()
    sam.lock()
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    attack(vault_dir, (PLANT, ("",)))  # back to the default, behind Alex's back
    shown = cli("list", "--vault", vault_dir, "--as", "Alex", "--passphrase-file", secret)

    assert not [w for w in told_alex if TOLD in w]
    assert folder == tmp_path / "usb"
    assert [w for w in told_sam if f"{TOLD} {tmp_path / 'usb'}:" in w]
    assert f"{TOLD} {default_backup_folder(vault_dir)}:" in shown.err  # the CLI says it too


@pytest.mark.parametrize(
    "planted", [b"\x00\xff", 7, "relative/backups", "", "/tmp/with\x00nul"], ids=repr
)
def test_an_odd_planted_value_never_writes_where_the_app_runs(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: object
) -> None:
    attack(vault_dir, (PLANT, (planted,)))
    started_in = tmp_path / "started-here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)

    _, made = _alex(vault_dir)

    assert made.parent == default_backup_folder(vault_dir) and made.exists()
    assert list(started_in.iterdir()) == []


def test_a_relative_folder_is_refused_and_nothing_changes(vault_dir: Path, tmp_path: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    session.set_backup_folder(tmp_path / "usb")
    with pytest.raises(InvalidInput, match="full folder path"):
        session.set_backup_folder(Path("backups"))
    kept = session.backup_folder()
    session.lock()
    assert kept == tmp_path / "usb"


def test_a_session_together_uses_the_folder_and_changes_nothing(
    vault_dir: Path, tmp_path: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.set_backup_folder(tmp_path / "usb")
    alex.lock()

    together = unlock_session(vault_dir, ALEX_PASS, "Alex")
    try:
        assert together.backup_folder() == tmp_path / "usb"
        with pytest.raises(NotAllowed, match="unlocked alone"):
            together.set_backup_folder(tmp_path / "elsewhere")
    finally:
        together.lock()
