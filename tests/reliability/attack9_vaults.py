"""The vaults the attack9 tests tamper with (as test_partner_attacks makes them), as
plain functions: fixtures imported across modules would shadow their parameters."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import _fill, _fill_answers
from tests.reliability.test_partner_attacks import share_three as share_three
from twofold.services.session import unlock


def practise(folder: Path) -> Path:
    """At least one row in every projection table."""
    sam = unlock(folder, "Sam", SAM_PASS)
    _fill(sam)
    sam.lock()
    alex = unlock(folder, "Alex", ALEX_PASS)
    _fill_answers(alex)
    alex.lock()
    return folder
