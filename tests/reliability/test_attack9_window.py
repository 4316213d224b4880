"""The window after the other partner wrote values Twofold never writes into
``shared.db``: every page opens, no bug dialog, and the banner says the ledger does
not verify. (Before: the timeline crashed the whole app natively; the other pages
showed the bug dialog.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from tests.gui.conftest import german as german
from tests.gui.conftest import make_window as make_window
from tests.gui.conftest import settings as settings
from tests.reliability.attack9_vaults import practise, share_three
from tests.reliability.test_partner_attacks import attack
from twofold.ui.main_window import COMMITMENTS, TIMELINE
from twofold.ui.worker import busy


@pytest.fixture
def shared_vault(vault_dir: Path) -> Path:
    return share_three(vault_dir)


@pytest.fixture
def practice_vault(vault_dir: Path) -> Path:
    return practise(vault_dir)


def _dialogs() -> list[str]:
    return [
        f"{w.objectName()}: {w.text()}"
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_an_unparsable_date_on_the_timeline_is_a_hidden_card_not_a_crash(
    qtbot: QtBot, make_window: MakeWindow, shared_vault: Path
) -> None:
    attack(
        shared_vault,
        "UPDATE timeline_items SET occurred_at = 'garbage' WHERE body = 'I was scared to tell you'",
    )
    window = make_window(shared_vault)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(TIMELINE)  # a native crash here before (a model reset left open)
    model = window.timeline.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
    headlines = [model.data(model.index(row)) for row in range(model.rowCount())]
    assert any("Hidden" in h for h in headlines)
    assert any("I noticed you tried" in h for h in headlines)
    assert not _dialogs()


def test_every_page_opens_after_every_practice_table_was_tampered(
    qtbot: QtBot, make_window: MakeWindow, practice_vault: Path
) -> None:
    attack(
        practice_vault,
        "UPDATE commitments SET cadence = 'not json'",
        "UPDATE commitment_checks SET day = 'someday'",
        "UPDATE agreement_versions SET number = 'first'",
        "UPDATE checkins SET day = 'someday'",
        "UPDATE checkin_seals SET day = 'someday'",
        "UPDATE setbacks SET day = 'someday'",
        "UPDATE setback_steps SET step = 'forgive everything'",
        "UPDATE wins SET day = 'someday'",
        "UPDATE appreciations SET at = 'someday'",
        "UPDATE story_chapters SET at = 'someday'",
        "UPDATE joint_sessions SET opened_at = 'someday'",
        "UPDATE objective_progress SET at = 'someday'",
        "UPDATE talk_requests SET kind = 'a shout'",
        "UPDATE pace SET agenda_order = 'not json'",
        "UPDATE timeline_items SET kind = 'invented' WHERE seq = (SELECT max(seq) FROM timeline_items)",
    )
    window = make_window(practice_vault)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    for key in list(window.page_keys):
        window.go(key)
        qtbot.waitUntil(lambda: not busy(), timeout=30_000)
        assert not _dialogs(), (key, _dialogs())
    window.go(COMMITMENTS)
    qtbot.waitUntil(window.ledger_banner.isVisible, timeout=30_000)
    assert "does not verify" in window.ledger_text.text()


def test_a_concern_beside_a_check_off_shows_with_its_day(
    qtbot: QtBot, make_window: MakeWindow, practice_vault: Path
) -> None:
    """Not an attack: Alex's concern beside Sam's check-off (the practice vault has
    one) made the Commitments page a bug dialog (a date pattern missing)."""
    window = make_window(practice_vault)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(COMMITMENTS)
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)
    assert not _dialogs()
    page = window.page_shown()
    assert page is not None
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "concern beside" in texts and "I didn&#x27;t see this happen" in texts


def test_a_changed_structure_is_said_in_the_window_in_its_language(
    qtbot: QtBot, make_window: MakeWindow, shared_vault: Path, german: None
) -> None:
    """A trigger Sam added would run on Alex's own writes: the journal opens read-only
    and the unlock banner says why, in German (it stayed English before)."""
    attack(
        shared_vault,
        "CREATE TRIGGER eat AFTER INSERT ON ledger_events BEGIN "
        "DELETE FROM ledger_events WHERE seq = new.seq; END",
    )
    window = make_window(shared_vault)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.session is not None and window.session.shared_damage is not None
    assert window.unlock_banner.isVisible()
    text = window.unlock_text.text()
    # the finding inside the sentence too (English inside the German until d42b096)
    assert text.startswith(
        "shared.db wurde außerhalb von Twofold verändert („eat“ wurde hinzugefügt)"
    ), text
    assert "Dein eigenes Tagebuch ist nur zum Lesen und Exportieren geöffnet" in text
    assert not _dialogs()


def test_a_page_that_left_rows_out_says_so_before_the_full_check_ends(
    qtbot: QtBot,
    make_window: MakeWindow,
    practice_vault: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every win edited: the Wins page would look like "no wins yet" for the minutes
    the full check takes on a long ledger. It says at once that rows are left out."""
    import threading

    from twofold.services.session import Session
    from twofold.ui.main_window import WINS

    gate = threading.Event()
    real = Session.detached_verify

    def held(session: Session) -> object:
        work = real(session)

        def later() -> object:
            gate.wait(30)  # the full check is still running while we look
            return work()

        return later

    monkeypatch.setattr(Session, "detached_verify", held)
    attack(practice_vault, "UPDATE wins SET day = 'someday'")
    window = make_window(practice_vault)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert not window.ledger_banner.isVisible()
    window.go(WINS)
    qtbot.waitUntil(window.ledger_banner.isVisible, timeout=10_000)
    assert "left out of this page" in window.ledger_text.text()
    qtbot.waitUntil(lambda: window.timeline._full_running, timeout=10_000)  # quick said ok
    qtbot.wait(200)  # the quick check found the chain fine: the banner stays
    assert window.ledger_banner.isVisible()
    assert "left out of this page" in window.ledger_text.text()
    assert not _dialogs()
    gate.set()
    qtbot.waitUntil(lambda: "does not verify" in window.ledger_text.text(), timeout=30_000)
