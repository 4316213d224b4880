"""Issue 11: a forged row on a practice page (not only the timeline) is met by the red
banner. Sam renames Alex's commitment with the raw vault key; when Alex opens the
Commitments page the window says the ledger does not verify, and points to the
timeline, where the forged rows are hidden."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import unlock_as
from tests.reliability.test_partner_attacks import attack
from twofold.domain.commitments import Cadence, CadenceKind
from twofold.services.session import unlock
from twofold.ui.main_window import COMMITMENTS, TIMELINE, MainWindow

MakeWindow = Callable[[Path], MainWindow]


def test_a_forged_practice_row_brings_the_banner_to_every_page(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.commitments.make("Phone face up at dinner", Cadence(CadenceKind.DAILY))
    alex.lock()
    attack(vault_dir, "UPDATE commitments SET title = 'Alex promised to give up friends'")

    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(COMMITMENTS)
    qtbot.waitUntil(window.ledger_banner.isVisible, timeout=20_000)
    text = window.ledger_text.text()
    assert "does not verify" in text and "commitments" in text
    window.go(TIMELINE)  # the timeline says it beside what it hides
    assert not window.ledger_banner.isVisible()
    assert window.timeline.verification.banner.isVisible()
    window.go(COMMITMENTS)
    assert window.ledger_banner.isVisible()
    window.lock()
    assert not window.ledger_banner.isVisible() and window.ledger_text.text() == ""


def test_an_untouched_ledger_shows_no_banner(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(COMMITMENTS)
    label = window.timeline.verification.ok_label
    qtbot.waitUntil(
        lambda: label.text().startswith("✓ Verified") and "background" not in label.text(),
        timeout=20_000,
    )
    assert not window.ledger_banner.isVisible()
