"""The other partner forces a rebuild of the projections (the stored marker
``projection_format`` in shared.db's meta, which the vault key lets them edit) after
appending an event that Alex never signed: the rebuild derives the timeline from the
events as stored, so the forged row then matches "its" event and the comparison of
what is shown with the events passes. What must still hold: the event's signature is
checked, at unlock and by every verify, and the command line does not print it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import attack, raw_shared_db, share_three
from tests.security.keytools import seed_of
from tests.security.test_signing_key_rotation import forge
from tests.unit.test_cli import cli
from twofold.services.session import unlock
from twofold.vault import keyslots
from twofold.vault.projectors import replay

FORGED = "Alex agrees that Sam may read the journal"
REBUILT = "What the app shows was rebuilt from the signed ledger at this unlock"


def _marker(folder: Path) -> str | None:
    conn = raw_shared_db(folder)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (replay.FORMAT_KEY,)).fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])


@pytest.mark.parametrize("marker", ["1", "99", None])
def test_a_forced_rebuild_does_not_make_a_forged_event_shown_as_signed(
    vault_dir: Path, tmp_path: Path, marker: str | None
) -> None:
    share_three(vault_dir)
    alex_id = keyslots.load(vault_dir).partner("Alex").id
    seq = forge(
        vault_dir,
        seed_of(vault_dir, "Sam", SAM_PASS),  # Sam's own key: all Sam has
        alex_id,
        "reflection.shared",
        {"text": FORGED, "request": ""},
    )
    if marker is None:
        attack(vault_dir, ("DELETE FROM meta WHERE key = ?", (replay.FORMAT_KEY,)))
    else:
        attack(vault_dir, ("UPDATE meta SET value = ? WHERE key = ?", (marker, replay.FORMAT_KEY)))

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        # the rebuild ran (the forged event now has a row), and the marker is current
        assert any(FORGED in i.body for i in alex.timeline.page(limit=50))
        # and Alex is told why this unlock took longer, and what to check
        [told] = [w for w in alex.warnings if w.startswith(REBUILT)]
        assert ("said “1”" if marker == "1" else "said “99”" if marker else "no format marker") in (
            told
        )
        assert "someone changed shared.db outside Twofold" in told
        quick = alex.verify_quick()
        full = alex.verify()
    finally:
        alex.lock()
    assert _marker(vault_dir) == str(replay.FORMAT)
    for report in (quick, full):
        failed = "\n".join(line for line in report.lines() if line.startswith("FAIL"))
        assert not report.ok and f"event #{seq}" in failed
    assert seq in full.suspects  # the window hides its row

    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    result = cli(
        "list", "--shared", "--vault", vault_dir, "--as", "Alex", "--passphrase-file", secret
    )
    assert FORGED not in result.out and result.code == 4


def test_an_unlock_that_rebuilt_nothing_says_nothing_of_it(vault_dir: Path) -> None:
    share_three(vault_dir)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert not [w for w in alex.warnings if w.startswith(REBUILT)]
    finally:
        alex.lock()


def test_a_marker_with_words_is_not_repeated_to_the_victim(vault_dir: Path) -> None:
    """The marker is text in a file the other partner can edit: only a number is
    quoted back, never what they wrote there."""
    share_three(vault_dir)
    words = "Sam did nothing wrong, stop checking"
    attack(vault_dir, ("UPDATE meta SET value = ? WHERE key = ?", (words, replay.FORMAT_KEY)))
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        [told] = [w for w in alex.warnings if w.startswith(REBUILT)]
    finally:
        alex.lock()
    assert "no format marker" in told and words not in told
