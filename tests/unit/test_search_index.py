"""The search index (shared schema 9, journal schema 2): prefixes of 2–6 characters
indexed, no positions. What a person types finds the same entries as before, every
prefix length included, and a vault from before the change is rebuilt on opening."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import TEST_KDF
from tests.fixtures.make_fixture_vault import PASSPHRASES as FIXTURE_PASSPHRASES
from twofold.domain.errors import InvalidInput
from twofold.domain.search import fts_query
from twofold.services.session import Session, create_vault, unlock
from twofold.vault import vault as vault_files

PASSPHRASES = {"Alex": "search index alex passphrase", "Sam": "search index sam passphrase"}
FIXTURES = Path(__file__).parents[1] / "fixtures"

ENTRIES = (
    "We talked about trust tonight.",
    "I trusted the plan.",
    "Trustworthy again, slowly.",
    "The truth came out.",
    "A tired evening, nothing else.",
    "Kaffee im Café Größe.",
)


@pytest.fixture
def alex(tmp_path: Path) -> Session:
    folder = tmp_path / "vault"
    create_vault(folder, list(PASSPHRASES.items()), TEST_KDF)
    session = unlock(folder, "Alex", PASSPHRASES["Alex"])
    assert session.journal is not None and session.sharing is not None
    for text in ENTRIES:
        session.journal.write(text)
    item = session.sharing.add(session.journal.write("shared: a trustful morning walk"))
    session.sharing.update(item, "a trustful morning walk", "")
    session.sharing.confirm(session.sharing.preview([item]))
    return session


def _found(session: Session, typed: str) -> set[str]:
    return {hit.text.strip() for hit in session.search(typed)}


@pytest.mark.parametrize(
    ("typed", "private", "shared"),
    [
        # 1 character: not indexed, merged (the first event's sentence is rendered by
        # the app, not stored: search finds only the partners' own words)
        ("t", {0, 1, 2, 3, 4}, True),
        ("tr", {0, 1, 2, 3}, True),
        ("tru", {0, 1, 2, 3}, True),
        ("trus", {0, 1, 2}, True),
        ("trust", {0, 1, 2}, True),
        ("trustw", {2}, False),  # 6 characters: the longest indexed prefix
        ("trustwo", {2}, False),  # 7: not indexed, merged
        ("trust ", {0}, False),  # a finished word is a word, not a prefix
        ("TRUTH", {3}, False),
        ("cafe", {5}, False),  # accents folded, as before
        ("evening tir", {4}, False),
    ],
)
def test_every_prefix_length_finds_what_the_words_say(
    alex: Session, typed: str, private: set[int], shared: bool
) -> None:
    want = {ENTRIES[i] for i in private}
    if shared:
        want |= {"a trustful morning walk", "shared: a trustful morning walk"}
    assert _found(alex, typed) == want


def test_words_the_tokenizer_splits_never_become_a_phrase(alex: Session) -> None:
    assert fts_query("trust_tired") == '"trust" "tired"*'
    assert _found(alex, "trust_tonig") == {ENTRIES[0]}
    for typed in ("e\u0301", "日本語", "🙂 trust", "x\u200dy", "ǅemal", "a'b", '"trust'):
        with contextlib.suppress(InvalidInput):  # a clear message; never "damaged"
            alex.search(typed)


def test_new_and_edited_entries_are_indexed_with_prefixes(alex: Session) -> None:
    assert alex.journal is not None
    record = alex.journal.write("quokkas at dawn")
    assert _found(alex, "quok") == {"quokkas at dawn"}
    alex.journal.edit(record, "wombats at dawn", alex.journal.get(record).kind, [], [])
    assert _found(alex, "quok") == set()
    assert _found(alex, "womb") == {"wombats at dawn"}


def test_a_vault_from_before_is_rebuilt_with_the_new_index(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault-v8-1", folder)
    sam_before = unlock(folder, "Sam", FIXTURE_PASSPHRASES["Sam"])
    sam_before.lock()
    alex = unlock(folder, "Alex", FIXTURE_PASSPHRASES["Alex"])
    found = {(h.source, h.text) for h in alex.search("fixtu")}
    assert ("private", "fixture private entry, edited") in found
    assert ("shared", "fixture shared version\nfixture request") in found
    assert alex.verify().ok
    alex.lock()
    with vault_files.unlock_partner(folder, "Alex", FIXTURE_PASSPHRASES["Alex"]) as opened:
        for schema, table in (("main", "timeline_fts"), ("journal", "journal_fts")):
            [sql] = opened.connection.execute(
                f"SELECT sql FROM {schema}.sqlite_schema WHERE name = ?", (table,)
            ).fetchone()
            assert "detail = column" in sql and "prefix = '2 3 4 5 6'" in sql
