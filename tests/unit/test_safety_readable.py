"""Issue 14: the safety plan is reachable without unlocking, only if its owner chose
so (default off). The copy is plain text in the vault folder: owner-only mode, the
plan and nothing else (a private canary never reaches it), kept equal to the plan."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.conftest import ALEX_PASS, SAM_PASS, all_bytes
from twofold.services.safety import readable_plans
from twofold.services.session import unlock
from twofold.vault.readable_copy import copy_path

CANARY = "PRIVATECANARY8842 only in Alex's journal"


def test_no_copy_unless_chosen_then_the_plan_and_nothing_else(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write(CANARY)
    alex.safety.update("We pause.", {alex.partner_id: "I walk for 20 minutes"}, "Dr. Reyes")
    assert readable_plans(vault_dir) == []  # default off: nothing readable
    assert not alex.safety.keeps_readable_copy
    alex.safety.keep_readable_copy(True)
    path = copy_path(vault_dir, alex.partner_id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    [text] = readable_plans(vault_dir)
    assert "We pause." in text and "I walk for 20 minutes" in text and "Dr. Reyes" in text
    assert "When Alex is overwhelmed" in text and "When Sam is overwhelmed" in text
    assert "PRIVATECANARY8842" not in text
    alex.lock()
    # the canary is still nowhere readable in the folder
    assert CANARY.encode() not in all_bytes(vault_dir)


def test_the_copy_follows_the_plan_whoever_changes_it_and_can_be_turned_off(
    vault_dir: Path,
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.safety.update("First rule.", {}, "")
    alex.safety.keep_readable_copy(True)
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.safety.update("Second rule.", {}, "A crisis line")
    sam.lock()
    [text] = readable_plans(vault_dir)
    assert "Second rule." in text and "First rule." not in text
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.safety.keeps_readable_copy
    alex.safety.keep_readable_copy(False)
    assert readable_plans(vault_dir) == []
    assert not copy_path(vault_dir, alex.partner_id).exists()
    alex.lock()


def test_a_stale_copy_is_brought_up_to_date_at_unlock(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.safety.update("The rule we agreed.", {}, "")
    alex.safety.keep_readable_copy(True)
    alex.lock()
    path = copy_path(vault_dir, alex.partner_id)
    path.write_text("an old copy someone edited", "utf-8")
    unlock(vault_dir, "Sam", SAM_PASS).lock()
    assert "The rule we agreed." in path.read_text("utf-8")
