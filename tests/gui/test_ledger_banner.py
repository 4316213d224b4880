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


def _commitments_after_an_edited_title(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> MainWindow:
    """Sam edits a commitment's title in shared.db; Alex's window on Commitments, its
    ledger banner shown."""
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.commitments.make("Phone face up at dinner", Cadence(CadenceKind.DAILY))
    alex.lock()
    attack(vault_dir, "UPDATE commitments SET title = 'Alex promised to give up friends'")
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(COMMITMENTS)
    qtbot.waitUntil(window.ledger_banner.isVisible, timeout=20_000)
    return window


def test_a_forged_practice_row_brings_the_banner_to_every_page(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = _commitments_after_an_edited_title(qtbot, make_window, vault_dir)
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


def test_the_finding_inside_the_german_banner_is_german_and_names_no_words(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, german: None
) -> None:
    """walk27: the banner's sentence was German but the finding inside it stayed English
    ("commitments, row of event #3 (…): was edited outside Twofold (title differs from the
    signed event)"). The finding, and the verify tooltip's line, are said in German; the
    row is named by its table and event, never by its words."""
    window = _commitments_after_an_edited_title(qtbot, make_window, vault_dir)
    text = window.ledger_text.text()
    assert "commitments, Zeile von Ereignis #" in text, text
    assert "wurde außerhalb von Twofold verändert (title weicht vom unterschriebenen" in text
    for english in ("was edited", "differs", "signed event", "row of event"):
        assert english not in text, text
    for private in ("Phone face up", "give up friends"):
        assert private not in text
