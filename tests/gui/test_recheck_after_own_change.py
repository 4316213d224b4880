"""After a share, a retraction or a withdrawal the timeline checks the new events
(the quick check from the head you last saw); the full check — every page, every
event, every shown row: minutes on a vault ten years old — ran at unlock and runs
again only when a check found something, which a quick ✓ never hides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from tests.reliability.test_partner_attacks import attack
from twofold.domain.ledger import VerifyReport
from twofold.services.session import Session, unlock
from twofold.ui.main_window import TIMELINE, MainWindow


def _share(session: Session, text: str) -> None:
    journal, sharing = session.journal, session.sharing
    assert journal is not None and sharing is not None
    sharing.update(sharing.add(journal.write(text)), text)
    sharing.confirm(sharing.preview())


def _counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    runs = {"full": 0, "quick": 0}
    full, quick = Session.detached_verify, Session.detached_verify_quick

    def counting(
        kind: str, real: Callable[[Session], Callable[[], VerifyReport]]
    ) -> Callable[[Session], Callable[[], VerifyReport]]:
        def wrapped(self: Session) -> Callable[[], VerifyReport]:
            runs[kind] += 1
            return real(self)

        return wrapped

    monkeypatch.setattr(Session, "detached_verify", counting("full", full))
    monkeypatch.setattr(Session, "detached_verify_quick", counting("quick", quick))
    return runs


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    label = window.timeline.verification.ok_label
    qtbot.waitUntil(
        lambda: label.text().startswith("✓ Verified") and "background" not in label.text(),
        timeout=20_000,
    )


def test_a_share_is_followed_by_the_quick_check_not_a_second_full_one(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)  # a head seen before: the quick check's anchor
    alex.lock()
    runs = _counted(monkeypatch)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(TIMELINE)
    _settled(qtbot, window)
    assert runs == {"full": 1, "quick": 1}  # at unlock: quick, then full

    assert window.session is not None
    _share(window.session, "We walked to the lake and talked it through.")
    window._after_share(1)
    label = window.timeline.verification.ok_label
    assert label.text() == "Verifying the ledger…"
    qtbot.waitUntil(lambda: label.text().startswith("✓ Verified"), timeout=20_000)
    assert runs == {"full": 1, "quick": 2}
    assert "new event" in label.text() and "background" not in label.text()


def test_after_a_finding_the_full_check_runs_again_and_its_banner_stays(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    _share(alex, "the words Alex shared")
    alex.lock()
    attack(vault_dir, "UPDATE timeline_items SET body = 'Alex said it was all my fault'")
    runs = _counted(monkeypatch)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(TIMELINE)
    banner = window.timeline.verification.banner
    qtbot.waitUntil(banner.isVisible, timeout=20_000)
    assert runs["full"] == 1

    window.timeline.recheck()
    qtbot.waitUntil(lambda: runs["full"] == 2, timeout=5_000)
    qtbot.waitUntil(
        lambda: window.timeline.verification.ok_label.text() != "Verifying the ledger…",
        timeout=20_000,
    )
    assert banner.isVisible()
    assert not window.timeline.verification.ok_label.text().startswith("✓")


def test_locking_stops_the_full_check_and_removes_its_copy(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check of a vault ten years old reads for a minute; locked (or quit) meanwhile,
    nobody will see its result: its process is ended at once and its copy removed."""
    import subprocess
    import sys

    from twofold.services import check_child
    from twofold.vault import check_copy, handover

    # a check's process that reads for a minute
    long_check = [sys.executable, "-c", "import time; time.sleep(60)"]
    monkeypatch.setattr(check_child, "command", lambda _argument: long_check)
    started: list[subprocess.Popen[bytes]] = []
    real_send = handover.send

    def send(vault: object, fd: int) -> None:
        real_send(vault, fd)  # type: ignore[arg-type]
        started.extend(check_child.running)

    monkeypatch.setattr(handover, "send", send)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.waitUntil(lambda: bool(started), timeout=20_000)
    task = window.timeline.full_task
    assert task is not None and not task.finished
    assert [p for p in vault_dir.iterdir() if p.name.startswith(check_copy.PREFIX)]
    window.lock()
    qtbot.waitUntil(lambda: task.finished, timeout=5_000)
    assert not [p for p in vault_dir.iterdir() if p.name.startswith(check_copy.PREFIX)]
    assert started[0].returncode is not None and not check_child.running
