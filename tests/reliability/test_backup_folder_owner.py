"""Where a partner's daily backups go is that partner's own choice. Older versions kept
it in shared.db, which the other partner can edit with any SQLCipher tool: they could
send the backups to a folder of theirs, or (a blob there) into whatever folder the app
was started from. Each attack is made as in test_partner_attacks: raw SQL with Sam's
vault key, outside Twofold."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import attack
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.services.paths import default_backup_folder
from twofold.services.session import unlock, unlock_session

PLANT = "INSERT OR REPLACE INTO settings (key, value) VALUES ('backup_folder', ?)"


def _alex_backs_up(vault_dir: Path) -> Path:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        return session.auto_backup().path
    finally:
        session.lock()


def test_the_other_partner_cannot_move_my_backups(vault_dir: Path, tmp_path: Path) -> None:
    unlock(vault_dir, "Alex", ALEX_PASS).lock()  # Alex has used this version once
    theirs = tmp_path / "sams-stick"
    attack(vault_dir, (PLANT, (str(theirs),)))

    made = _alex_backs_up(vault_dir)

    assert made.parent == default_backup_folder(vault_dir)
    assert not theirs.exists()


def test_a_folder_chosen_in_an_older_version_is_kept_and_then_only_mine(
    vault_dir: Path, tmp_path: Path
) -> None:
    chosen = tmp_path / "alex-usb"
    attack(vault_dir, (PLANT, (str(chosen),)))  # as the older version stored a choice

    first = _alex_backs_up(vault_dir)
    attack(vault_dir, (PLANT, (str(tmp_path / "sams-stick"),)))
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    later = session.backup_folder()
    session.lock()

    assert first.parent == chosen and later == chosen
    assert not (tmp_path / "sams-stick").exists()


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

    made = _alex_backs_up(vault_dir)

    assert made.parent == default_backup_folder(vault_dir) and made.exists()
    assert list(started_in.iterdir()) == []


def test_each_partner_chooses_their_own(vault_dir: Path, tmp_path: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.set_backup_folder(tmp_path / "alex-usb")
    alex.lock()

    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sams = sam.backup_folder()
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alexs = alex.auto_backup().path.parent
    alex.lock()

    assert sams == default_backup_folder(vault_dir)
    assert alexs == tmp_path / "alex-usb"


def test_a_relative_folder_is_refused_and_nothing_changes(vault_dir: Path, tmp_path: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    session.set_backup_folder(tmp_path / "alex-usb")
    with pytest.raises(InvalidInput, match="full folder path"):
        session.set_backup_folder(Path("backups"))
    kept = session.backup_folder()
    session.lock()
    assert kept == tmp_path / "alex-usb"


def test_a_session_together_backs_up_beside_the_vault_and_chooses_nothing(
    vault_dir: Path, tmp_path: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.set_backup_folder(tmp_path / "alex-usb")
    alex.lock()

    together = unlock_session(vault_dir, ALEX_PASS, "Alex")
    try:
        assert together.backup_folder() == default_backup_folder(vault_dir)
        with pytest.raises(NotAllowed, match="own backup folder"):
            together.set_backup_folder(tmp_path / "elsewhere")
    finally:
        together.lock()
