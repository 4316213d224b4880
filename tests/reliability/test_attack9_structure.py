"""The other partner changes the structure of ``shared.db`` with a SQLCipher tool: drops
or renames a table, an index or a column, or adds a trigger (which would run on the
victim's own writes: one that deletes each new event would lose their words). The
victim's app must name it and keep their private journal open, not crash on "no such
table" (before: exit 70 on the command line, a bug dialog on the pages) nor write
through a trigger it never made."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS
from tests.reliability.attack9_vaults import share_three
from tests.reliability.test_partner_attacks import attack, raw_shared_db
from tests.unit.test_cli import cli
from twofold.cli import EXIT_BUG
from twofold.services.session import unlock
from twofold.vault.schema import SHARED_MIGRATIONS, structure_problems


@pytest.fixture
def shared_vault(vault_dir: Path) -> Path:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("my own words, never shared")
    alex.lock()
    return share_three(vault_dir)


TAMPERS = {
    "a dropped table": ("DROP TABLE wins", "“wins” is missing"),
    "a dropped timeline": ("DROP TABLE timeline_items", "“timeline_items” is missing"),
    "a renamed table": ("ALTER TABLE wins RENAME TO wins_old", "“wins” is missing"),
    "a dropped index": ("DROP INDEX timeline_newest", "“timeline_newest” is missing"),
    "a dropped column": (
        "ALTER TABLE story_chapters DROP COLUMN title",
        "“story_chapters” was changed",
    ),
    "an added trigger": (
        "CREATE TRIGGER eat AFTER INSERT ON ledger_events BEGIN "
        "DELETE FROM ledger_events WHERE seq = new.seq; END",
        "“eat” was added",
    ),
    "a dropped search trigger": ("DROP TRIGGER timeline_fts_insert", "“timeline_fts_insert”"),
    "an added view": ("CREATE VIEW v AS SELECT 1", "“v” was added"),
}


@pytest.mark.parametrize("tamper", list(TAMPERS))
def test_a_changed_structure_is_named_and_the_journal_stays_open(
    shared_vault: Path, tmp_path: Path, tamper: str
) -> None:
    statement, said = TAMPERS[tamper]
    attack(shared_vault, statement)

    session = unlock(shared_vault, "Alex", ALEX_PASS)
    try:
        assert session.shared_damage is not None
        assert "shared.db was changed outside Twofold" in session.shared_damage
        assert said in session.shared_damage
        assert session.journal is not None  # their own words: readable, exportable
        bodies = [r.body for r in session.journal.listing().records]
        assert "my own words, never shared" in bodies and len(bodies) == 3
    finally:
        session.lock()

    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    for command in (["list", "--shared"], ["search", "scared"], ["verify"], ["checkins"]):
        result = cli(command[0], "--vault", shared_vault, "--as", "Alex",
                     "--passphrase-file", secret, *command[1:])  # fmt: skip
        assert result.code != EXIT_BUG, (command, result.err)
        assert "changed outside Twofold" in result.err, (command, result.err)


def test_an_untouched_vault_has_the_structure_its_migrations_made(shared_vault: Path) -> None:
    conn = raw_shared_db(shared_vault)
    try:
        assert structure_problems(conn, SHARED_MIGRATIONS) == []
    finally:
        conn.close()
