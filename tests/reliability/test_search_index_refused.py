"""The partner as attacker holds the vault key and can make FTS5 refuse the shared
search index (another format version in its config, its structure record or pages
deleted). What the other partner meets must be a clear message
and nothing lost (DESIGN §7): their own journal is still searched, the search says
the shared timeline could not be, in the window and on the command line; a share
that cannot be written says why and changes nothing. No raw SQLite error anywhere."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import attack
from twofold.cli import Console, run
from twofold.domain.errors import VaultDamaged
from twofold.domain.search import Source
from twofold.services.session import unlock
from twofold.vault.search_store import search

# what the partner runs in an SQLCipher shell, with the vault key
REFUSED = {
    "another format version": "UPDATE timeline_fts_config SET v = 99 WHERE k = 'version'",
    "structure record deleted": "DELETE FROM timeline_fts_data WHERE id = 10",
    "index pages deleted": "DELETE FROM timeline_fts_data WHERE id > 10",
}
# (a table of the index dropped or renamed is a change of shared.db's structure, named
# at unlock: tests/reliability/test_attack9_structure.py)


@pytest.fixture(params=list(REFUSED), ids=list(REFUSED))
def tampered(request: pytest.FixtureRequest, vault_dir: Path) -> Iterator[Path]:
    """Alex's journal holds a private "lantern" entry, Sam shared one; then Sam edits
    the shared index."""
    for who, passphrase, text in (
        ("Alex", ALEX_PASS, "A private lantern evening, mine alone."),
        ("Sam", SAM_PASS, "A shared lantern morning, from Sam."),
    ):
        session = unlock(vault_dir, who, passphrase)
        assert session.journal is not None and session.sharing is not None
        record = session.journal.write(text)
        if who == "Sam":
            session.sharing.add(record)
            session.sharing.confirm(session.sharing.preview())
        session.lock()
    attack(vault_dir, REFUSED[str(request.param)])
    yield vault_dir


def test_the_journal_is_still_searched_and_the_search_names_the_shared_side(
    tampered: Path,
) -> None:
    session = unlock(tampered, "Alex", ALEX_PASS)
    try:
        hits = session.search("lantern ")
        assert [h.text for h in hits] == ["A private lantern evening, mine alone."]
        assert hits.unsearched == (Source.SHARED,)
        # a word only the shared entry holds: nothing found, and it says why
        morning = session.search("morning ")
        assert list(morning) == [] and morning.unsearched == (Source.SHARED,)
    finally:
        session.lock()


def test_a_share_that_cannot_be_written_says_why_and_changes_nothing(tampered: Path) -> None:
    session = unlock(tampered, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None and session.sharing is not None
        record = session.journal.write("Another lantern, for Sam.")
        session.sharing.add(record)
        head = session._vault.ledger.head()
        try:
            session.sharing.confirm(session.sharing.preview())
        except VaultDamaged as refused:
            assert "damaged or was altered" in str(refused)
            assert "Nothing was changed" in str(refused)
            assert session._vault.ledger.head() == head
            assert not session.journal.get(record).shared
            assert [item.record_id for item in session.sharing.outbox()] == [record]
        else:  # FTS5 wrote past what was removed: the share is whole
            assert session._vault.ledger.head() != head
            assert session.journal.get(record).shared
    finally:
        session.lock()


def test_the_command_line_lists_the_journals_matches_and_exits_4(tampered: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    passphrase = tampered.parent / "alex.pass"
    passphrase.write_text(ALEX_PASS)
    argv = ["search", "--vault", str(tampered), "--as", "Alex", "--passphrase-file"]
    code = run([*argv, str(passphrase), "lantern"], console=Console(out, err))
    assert code == 4
    assert "evening, mine alone" in out.getvalue()
    assert "from Sam" not in out.getvalue()
    assert "the shared timeline could not be searched" in err.getvalue()
    assert "Traceback" not in err.getvalue() and "sqlite" not in err.getvalue().lower()


def test_a_search_of_the_shared_ledger_alone_says_it_could_not_search_it(
    tampered: Path,
) -> None:
    """The timeline's search (and the shared session, both partners at the screen)
    searches the shared ledger alone: nothing to show, and it says why."""
    session = unlock(tampered, "Alex", ALEX_PASS)
    try:
        hits = session.search("lantern ", shared_only=True)
        assert list(hits) == [] and hits.unsearched == (Source.SHARED,)
        conn = session._vault.connection
        alone = search(
            conn, '"lantern"', "lantern ", include_private=False, labels={}, own_label=""
        )
        assert list(alone) == [] and alone.unsearched == (Source.SHARED,)
    finally:
        session.lock()


def test_the_full_check_names_the_index_in_words_without_sqlites_advice(
    tampered: Path,
) -> None:
    session = unlock(tampered, "Alex", ALEX_PASS)
    try:
        report = session.verify()
    finally:
        session.lock()
    assert not report.ok
    found = " ".join(detail for _, ok, detail in report.checks if not ok)
    assert "a search index was changed outside Twofold or is damaged" in found
    assert "run 'rebuild'" not in found
