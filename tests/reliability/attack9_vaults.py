"""The vaults the attack9 tests tamper with (as test_partner_attacks makes them), as
plain functions: fixtures imported across modules would shadow their parameters."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import _fill, _fill_answers
from twofold.services.session import unlock


def share_three(folder: Path) -> Path:
    """Alex shares two reflections; Sam shares one; both have read the ledger."""
    for who, passphrase, texts in (
        ("Alex", ALEX_PASS, ["I was scared to tell you", "I want us to walk on Sundays"]),
        ("Sam", SAM_PASS, ["I noticed you tried"]),
    ):
        session = unlock(folder, who, passphrase)
        assert session.journal is not None and session.sharing is not None
        for text in texts:
            session.sharing.add(session.journal.write(text))
        session.sharing.confirm(session.sharing.preview())
        session.lock()
    unlock(folder, "Alex", ALEX_PASS).lock()
    return folder


def practise(folder: Path) -> Path:
    """At least one row in every projection table."""
    sam = unlock(folder, "Sam", SAM_PASS)
    _fill(sam)
    sam.lock()
    alex = unlock(folder, "Alex", ALEX_PASS)
    _fill_answers(alex)
    alex.lock()
    return folder
