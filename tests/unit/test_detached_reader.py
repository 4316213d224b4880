"""Background work (verification, milestone detection) reads on its own connection,
opened by the worker thread that runs it, not by the window's thread at unlock
(issue 17: opening three of them took ~60 ms of the first unlock's paint).

What must hold: the work still reads the same vault; the connection belongs to the
thread that runs the work; and a vault locked before the work starts opens nothing
(before, the connection and its copy of the keys already existed by then)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ALEX_PASS
from twofold.domain.errors import NotAllowed
from twofold.services.session import Session, unlock
from twofold.vault import vault as vault_module


def test_detached_work_opens_its_connection_on_the_thread_that_runs_it(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        opened_on: list[int] = []
        connect = vault_module._connect

        def recording(*args: Any) -> Any:
            opened_on.append(threading.get_ident())
            return connect(*args)

        monkeypatch.setattr(vault_module, "_connect", recording)
        work = session.detached(lambda s: (s.timeline.count(), s.partner_label))
        assert opened_on == []  # nothing is opened on the window's thread
        result: list[tuple[int, str]] = []
        worker = threading.Thread(target=lambda: result.append(work()))
        worker.start()
        worker.join(30)
        assert opened_on == [worker.ident]
        assert result == [(session.timeline.count(), "Alex")]
        # The window's own connection is untouched and still usable.
        assert not session.locked
    finally:
        session.lock()


def test_work_scheduled_before_the_lock_opens_nothing_after_it(vault_dir: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    read: list[int] = []
    work = session.detached(lambda s: read.append(s.timeline.count()))
    session.lock()
    with pytest.raises(NotAllowed):
        work()
    assert read == []


def test_the_keys_copied_for_a_reader_are_wiped_when_it_is_refused(vault_dir: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    vault = session._vault
    open_reader = vault.reader_opener()
    keys = open_reader.__closure__  # the copy lives in the opener until it is called
    assert keys is not None
    copied = next(
        cell.cell_contents for cell in keys if type(cell.cell_contents).__name__ == "PartnerKeys"
    )
    assert any(copied.vault_key)
    session.lock()
    with pytest.raises(NotAllowed):
        open_reader()
    assert not any(copied.vault_key) and not any(copied.signing_seed)


def test_a_reader_opens_once(vault_dir: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        open_reader = session._vault.reader_opener()
        reader = open_reader()
        try:
            assert Session(reader).timeline.count() == session.timeline.count()
        finally:
            reader.close()
        with pytest.raises(RuntimeError):
            open_reader()
    finally:
        session.lock()
