"""The other partner edits shared.db with the vault key (outside Twofold) so that a
reflection Alex shared says words Alex never signed. Every command that shows the
shared ledger must not print those words as Alex's, and must say that something was
changed behind Alex's back (as `twofold verify` does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import (
    _alex_share_seq,
    attack,
    keys_and_exports_vault,  # noqa: F401  (fixtures)
    practice_vault,  # noqa: F401
    proposal_vault,  # noqa: F401
    raw_shared_db,
    share_three,
    shared_vault,  # noqa: F401
)
from tests.unit.test_cli import cli
from twofold.services.session import unlock

FORGED = "I never loved you"


@pytest.fixture
def forged(vault_dir: Path) -> Path:
    share_three(vault_dir)
    seq = _alex_share_seq(vault_dir, "I was scared to tell you")
    attack(vault_dir, f"UPDATE timeline_items SET body = '{FORGED}' WHERE seq = {seq}")
    return vault_dir


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "alex.pass"
    path.write_text(ALEX_PASS)
    return path


def test_list_shared_does_not_print_unsigned_words(forged: Path, secret: Path) -> None:
    result = cli("list", "--shared", "--vault", forged, "--as", "Alex", "--passphrase-file", secret)
    assert "never loved" not in result.out
    assert "I noticed you tried" in result.out  # the rest is listed
    assert "twofold verify" in result.err
    assert result.code == 4


def test_search_does_not_print_unsigned_words(forged: Path, secret: Path) -> None:
    result = cli("search", "loved", "--vault", forged, "--as", "Alex", "--passphrase-file", secret)
    assert "never loved" not in result.out
    assert "twofold verify" in result.err
    assert result.code == 4


def test_verify_names_it(forged: Path, secret: Path) -> None:
    result = cli("verify", "--vault", forged, "--as", "Alex", "--passphrase-file", secret)
    assert result.code == 4


# --- no false alarm: every row Twofold wrote passes the check -----------------------


def _every_item_passes(folder: Path) -> set[str]:
    session = unlock(folder, "Alex", ALEX_PASS)
    try:
        items = session.timeline.page(0, 100_000)
        kinds = {str(i.kind) for i in items}
        assert session.timeline.unsigned(items) == set()
        hits = session.search("a", limit=10_000, shared_only=True)
        shown = [(h.ref, h.author_label, h.when, h.text) for h in hits]
        assert session.timeline.unsigned_words(shown) == set()
        return kinds
    finally:
        session.lock()


def test_every_kind_twofold_writes_passes(
    practice_vault: Path,  # noqa: F811
) -> None:
    kinds = _every_item_passes(practice_vault)
    assert {"commitment.checked", "setback.step", "checkin.revealed"} & kinds


def test_proposals_keys_and_exports_pass(
    proposal_vault: Path,  # noqa: F811
) -> None:
    _every_item_passes(proposal_vault)


def test_key_changes_and_exports_pass(
    keys_and_exports_vault: Path,  # noqa: F811
) -> None:
    kinds = _every_item_passes(keys_and_exports_vault)
    assert "keys.changed" in kinds and "export.made" in kinds


# --- more ways to put words in Alex's mouth --------------------------------------------


def _list(folder: Path, secret: Path) -> tuple[str, str, int]:
    result = cli("list", "--shared", "--vault", folder, "--as", "Alex", "--passphrase-file", secret)
    return result.out, result.err, result.code


def test_sams_words_moved_to_alex_are_not_shown_as_alexs(shared_vault: Path, secret: Path) -> None:  # noqa: F811
    """Sam's own signed words, with the row's author changed to Alex."""
    conn = raw_shared_db(shared_vault)
    try:
        alex_id = conn.execute("SELECT id FROM partners ORDER BY position").fetchone()[0]
        conn.execute(
            "UPDATE timeline_items SET author = ? WHERE body = 'I noticed you tried'", (alex_id,)
        )
    finally:
        conn.close()
    out, err, code = _list(shared_vault, secret)
    assert not [line for line in out.splitlines() if "Alex" in line and "noticed" in line]
    assert code == 4 and "behind your back" in err


def test_a_row_without_an_event_is_not_shown(shared_vault: Path, secret: Path) -> None:  # noqa: F811
    conn = raw_shared_db(shared_vault)
    try:
        conn.execute(
            "INSERT INTO timeline_items (seq, event_id, kind, author, occurred_at, body, "
            "request, data) SELECT 9999, 'z' || substr(event_id, 2), kind, author, occurred_at, "
            "'I want a divorce', '', '{}' FROM timeline_items WHERE body = 'I noticed you tried'"
        )
    finally:
        conn.close()
    out, err, code = _list(shared_vault, secret)
    assert "divorce" not in out and code == 4 and "behind your back" in err
    result = cli(
        "search", "divorce", "--vault", shared_vault, "--as", "Alex", "--passphrase-file", secret
    )
    assert "divorce" not in result.out and result.code == 4


def test_a_rewritten_event_and_its_row_are_not_shown(shared_vault: Path, secret: Path) -> None:  # noqa: F811
    """The payload, its hash and the row all edited: only the signature is left to
    tell, and it does."""
    import json

    from twofold.domain.ledger import canonical_json, content_hash

    conn = raw_shared_db(shared_vault)
    try:
        seq, payload = conn.execute(
            "SELECT e.seq, e.payload FROM ledger_events e JOIN timeline_items t ON t.seq = e.seq "
            "WHERE t.body = 'I want us to walk on Sundays'"
        ).fetchone()
        data = json.loads(payload)
        data["text"] = "I want us to part on Sundays"
        new = canonical_json(data)
        conn.execute(
            "UPDATE ledger_events SET payload = ?, content_hash = ? WHERE seq = ?",
            (new, content_hash(new), seq),
        )
        conn.execute(
            "UPDATE timeline_items SET body = 'I want us to part on Sundays' WHERE seq = ?", (seq,)
        )
    finally:
        conn.close()
    out, err, code = _list(shared_vault, secret)
    assert "part on" not in out and code == 4 and "behind your back" in err


def test_a_check_off_with_a_forged_title_is_not_shown(
    practice_vault: Path,  # noqa: F811
    secret: Path,
) -> None:
    conn = raw_shared_db(practice_vault)
    try:
        conn.execute(
            "UPDATE timeline_items SET body = 'I lied about everything' "
            "WHERE kind = 'commitment.checked'"
        )
    finally:
        conn.close()
    out, err, code = _list(practice_vault, secret)
    assert "lied" not in out and code == 4 and "behind your back" in err


def test_sam_sees_the_same(shared_vault: Path, tmp_path: Path) -> None:  # noqa: F811
    """The check is not the victim's alone: the words are not Sam's either."""
    seq = _alex_share_seq(shared_vault, "I want us to walk on Sundays")
    attack(shared_vault, f"UPDATE timeline_items SET request = 'and leave' WHERE seq = {seq}")
    secret = tmp_path / "sam.pass"
    secret.write_text(SAM_PASS)
    result = cli(
        "list", "--shared", "--vault", shared_vault, "--as", "Sam", "--passphrase-file", secret
    )
    assert result.code == 4


@pytest.mark.parametrize(
    "edited",
    [
        "you noticed I tried",  # the same words, another order: another meaning
        "I noticed you",  # a word left out
        "I noticed you tried\nI noticed you tried",  # words said twice
    ],
)
def test_a_shared_reflections_words_rearranged_or_left_out_are_not_shown(
    shared_vault: Path,  # noqa: F811
    secret: Path,
    edited: str,
) -> None:
    """Sam keeps only words of his own signed share, in another order (or some of
    them): every word is signed, the sentence is not."""
    conn = raw_shared_db(shared_vault)
    try:
        conn.execute(
            "UPDATE timeline_items SET body = ? WHERE body = 'I noticed you tried'", (edited,)
        )
    finally:
        conn.close()
    out, err, code = _list(shared_vault, secret)
    assert edited.splitlines()[0] not in out
    assert "I was scared to tell you" in out  # the rest is listed
    assert code == 4 and "behind your back" in err
    result = cli(
        "search", "noticed", "--vault", shared_vault, "--as", "Alex", "--passphrase-file", secret
    )
    assert "noticed" not in result.out
    assert result.code == 4
