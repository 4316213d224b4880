"""Issue 13: unit tests for the internals the larger tests only reach indirectly —
the key-slot file's format (reading only; its integrity checks are tested with the
key-slot work), the schema's migration runner, and the search query internals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ALEX_PASS
from twofold.domain.errors import NewerVersion, VaultDamaged
from twofold.domain.search import fts_query, make_snippet
from twofold.services.session import unlock
from twofold.vault import keyslots, schema
from twofold.vault.crypto import normalise_passphrase
from twofold.vault.search_store import _marks

# --- keyslots.json: the format, as read ---------------------------------------------------


def test_keyslots_read_back_is_what_was_written_and_reading_writes_nothing(
    vault_dir: Path,
) -> None:
    path = vault_dir / keyslots.FILE_NAME
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    loaded = keyslots.load(vault_dir)
    again = keyslots.load(vault_dir)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.label for p in loaded.partners] == ["Alex", "Sam"]
    assert loaded.vault_id == again.vault_id and len(loaded.vault_id) == 32
    raw = json.loads(path.read_text())
    assert raw["vault_id"] == loaded.vault_id
    for partner in loaded.partners:
        for kind in ("passphrase", "recovery"):
            slot = loaded.slot(partner.id, kind)
            assert slot.kdf == loaded.slot(partner.id, kind).kdf
            assert len(slot.salt) >= 16
    # the slot read from the file still opens with the passphrase
    alex = loaded.partner("Alex")
    keys = loaded.unlock(loaded.slot(alex.id, "passphrase"), normalise_passphrase(ALEX_PASS))
    assert keys.partner_id == alex.id and keys.journal_key is not None
    keys.wipe()
    body = keyslots._to_json(loaded)  # the format round-trips field for field
    assert body == raw
    assert raw["version"] == 2 and "checksum" not in raw  # format 2: signed slots


# --- schema: the migration runner ------------------------------------------------------------


def test_statements_keep_trigger_bodies_whole() -> None:
    script = """
        CREATE TABLE a (x);
        CREATE TRIGGER t AFTER INSERT ON a BEGIN
            INSERT INTO a VALUES (1);
            INSERT INTO a VALUES (2);
        END;
        CREATE INDEX i ON a (x);
    """
    statements = schema.statements(script)
    assert len(statements) == 3
    assert statements[1].count("INSERT INTO a") == 2 and statements[1].rstrip(";").endswith("END")


@pytest.mark.parametrize(
    "migrations", [schema.SHARED_MIGRATIONS, schema.JOURNAL_MIGRATIONS], ids=["shared", "journal"]
)
def test_every_migration_runs_in_order_on_a_new_file(migrations: list[str]) -> None:
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    assert schema.migrate(conn, migrations, "test") == 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations)
    assert schema.migrate(conn, migrations, "test") == len(migrations)
    assert schema.check_existing(conn, migrations, "test") == len(migrations)
    conn.execute(f"PRAGMA user_version = {len(migrations) + 1}")
    with pytest.raises(NewerVersion):
        schema.migrate(conn, migrations, "test")


def test_an_emptied_file_is_never_migrated_into_a_new_vault() -> None:
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    with pytest.raises(VaultDamaged, match="holds no Twofold data"):
        schema.check_existing(conn, schema.SHARED_MIGRATIONS, "shared.db")


# --- search internals ------------------------------------------------------------------------


def test_fts_query_quotes_every_word_and_prefixes_the_last() -> None:
    assert fts_query("river walk") == '"river" "walk"*'
    assert fts_query("river walk ") == '"river" "walk"'
    assert fts_query('NOT "x" OR y* AND (z) NEAR/3') == '"NOT" "x" "OR" "y" "AND" "z" "NEAR" "3"*'
    assert fts_query("  ...  ") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_fts_query_never_breaks_fts5(text: str) -> None:
    conn = sqlcipher3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.execute("INSERT INTO f VALUES ('some words here')")
    query = fts_query(text)
    if query is not None:
        conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (query,)).fetchall()


def test_snippets_mark_matches_across_case_and_accents() -> None:
    text = "Nous avons marché près de la Rivière, puis un café."
    assert make_snippet(text, "riviere cafe") == (
        "…avons marché près de la [Rivière,] puis un [café.]"
    )
    assert make_snippet("one two three", "") == "one two three"
    assert make_snippet(" ".join(f"w{i}" for i in range(50)) + " target", "target").startswith("…")


def test_search_placeholders_match_the_ids() -> None:
    assert _marks([]) == ""
    assert _marks([1, 2, 3]) == "?,?,?"


def test_search_finds_words_typed_with_fts5_operators(vault_dir: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None
        session.journal.write("We said NOT tonight, and (gently) OR maybe tomorrow.")
        hits = session.search('NOT (gently) OR "tomorrow')
        assert [h.source.value for h in hits] == ["private"]
    finally:
        session.lock()


@given(
    names=st.lists(
        st.sampled_from(["journal-.db", "journal-a.db", "journal-.db.db", "readable-x.txt"])
        | st.text(alphabet="journal-.dbtx1J", min_size=1, max_size=14),
        max_size=12,
    )
)
@settings(max_examples=80, deadline=None)
def test_names_like_finds_what_glob_finds(names: list[str]) -> None:
    """The unlock lists the vault folder's journals and readable copies with
    ``files.names_like`` (no pattern compiled): the same names as ``Path.glob``."""
    import tempfile

    from twofold.vault.files import names_like

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for name in set(names):
            if name not in (".", ".."):
                (folder / name).write_text("")
        for prefix, suffix in (("journal-", ".db"), ("readable-", ".txt"), ("j", "j"), ("", "")):
            found = names_like(folder, prefix, suffix)
            assert found == sorted(p.name for p in folder.glob(f"{prefix}*{suffix}"))
    assert names_like(folder / "gone", "journal-", ".db") == []
