"""Issue 13: private copies leave the clipboard after a timeout (and on lock), carry
the clipboard managers' "private"/"concealed" marks; a locked screen locks the vault."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.ui.main_window import MainWindow
from twofold.ui.widgets import CONCEALED_TYPE, PRIVATE_HINT


def test_a_private_copy_is_marked_and_cleared_after_a_timeout(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.clipboard_guard.timer.setInterval(200)
    editor = window.journal.editor
    window.journal.new_entry()
    qtbot.keyClicks(editor.text, "a sentence only I should read")
    editor.text.selectAll()
    editor.text.copy()
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    assert data is not None and data.hasFormat(PRIVATE_HINT) and data.hasFormat(CONCEALED_TYPE)
    assert "only I should read" in clipboard.text()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)
    # something the person copied elsewhere afterwards is not ours to clear
    clipboard.setText("copied from another app")
    window.clipboard_guard.clear_now()
    assert clipboard.text() == "copied from another app"


SCREEN_LOCK_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from tests.conftest import ALEX_PASS
    from twofold.services.session import unlock
    from twofold.ui.app import close_down, make_application
    from twofold.ui.main_window import MainWindow

    app = make_application()
    folder = Path(sys.argv[1])
    window = MainWindow(folder, QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window._unlocked(unlock(folder, "Alex", ALEX_PASS))
    print("listening", ",".join(window.screen_lock.listening), flush=True)
    window.locked.connect(lambda: (print("locked", flush=True), app.quit()))
    QTimer.singleShot(20_000, app.quit)
    app.exec()
    close_down(window)  # as the app quits: Qt's objects go while Qt still runs
    """
)


@contextlib.contextmanager
def _private_buses(count: int) -> Iterator[list[str]]:
    """Private D-Bus daemons (their addresses), stopped afterwards."""
    buses = [
        subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address"],  # noqa: S607
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(count)
    ]
    try:
        yield [b.stdout.readline().strip() for b in buses if b.stdout is not None]
    finally:
        for bus in buses:
            bus.terminate()
            bus.wait(timeout=30)
            if bus.stdout is not None:
                bus.stdout.close()


def _locks_after(
    vault_dir: Path, tmp_path: Path, env: dict[str, str], send: list[str], listens_to: set[str]
) -> None:
    """Open the window in a child on these buses, ``send`` a signal, expect a lock."""
    child = subprocess.Popen(
        [sys.executable, "-c", SCREEN_LOCK_CHILD, str(vault_dir), str(tmp_path / "s.ini")],
        stdout=subprocess.PIPE,
        text=True,
        env={**env, "PYTHONPATH": str(Path.cwd())},
    )
    assert child.stdout is not None
    try:
        assert listens_to <= set(child.stdout.readline().split()[1].split(","))
        subprocess.run(send, env=env, check=True, timeout=30)
        assert child.stdout.readline().strip() == "locked"
        assert child.wait(timeout=30) == 0
    finally:
        child.stdout.close()
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="no dbus-daemon to test with")
def test_the_screen_locking_locks_the_vault(vault_dir: Path, tmp_path: Path) -> None:
    with _private_buses(1) as [address]:
        env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
        send = [
            "dbus-send",
            "--session",
            "--type=signal",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            "boolean:true",
        ]
        both = {"org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"}
        _locks_after(vault_dir, tmp_path, env, send, both)


def test_logind_session_paths_are_escaped_as_logind_does() -> None:
    from twofold.ui.exposure import logind_session_path

    assert logind_session_path("7") == "/org/freedesktop/login1/session/_37"
    assert logind_session_path("c2") == "/org/freedesktop/login1/session/c2"
    assert logind_session_path("a-b") == "/org/freedesktop/login1/session/a_2db"


def test_windows_session_messages_that_lock() -> None:
    from twofold.ui.exposure import WM_WTSSESSION_CHANGE, windows_message_locks

    assert windows_message_locks(WM_WTSSESSION_CHANGE, 7)  # WTS_SESSION_LOCK
    assert windows_message_locks(WM_WTSSESSION_CHANGE, 2)  # console disconnect (switch user)
    assert not windows_message_locks(WM_WTSSESSION_CHANGE, 8)  # unlock
    assert not windows_message_locks(0x0010, 7)  # another message


LOGIND_SENDER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QMetaType
    from PySide6.QtDBus import QDBusArgument, QDBusConnection, QDBusMessage

    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake-logind")
    assert bus.registerService("org.freedesktop.login1")  # logind's name, as the signal needs
    path = "/org/freedesktop/login1/session/_37"
    if sys.argv[2] == "lock":
        message = QDBusMessage.createSignal(path, "org.freedesktop.login1.Session", "Lock")
    else:
        message = QDBusMessage.createSignal(
            path, "org.freedesktop.DBus.Properties", "PropertiesChanged"
        )
        invalidated = QDBusArgument()  # an empty array of strings ("as"), as logind sends
        invalidated.beginArray(QMetaType(QMetaType.Type.QString))
        invalidated.endArray()
        message.setArguments(["org.freedesktop.login1.Session", {"Active": False}, invalidated])
    assert bus.send(message)
    app.processEvents()
    """
)


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="no dbus-daemon to test with")
@pytest.mark.parametrize("signal", ["lock", "switched-user"])
def test_logind_locking_or_switching_away_locks_the_vault(
    vault_dir: Path, tmp_path: Path, signal: str
) -> None:
    """``loginctl lock-session`` and a switch to another user (the session turns
    inactive) lock the vault. A private bus stands in for the system bus."""
    with _private_buses(2) as [session_bus, system_bus]:
        env = {
            **os.environ,
            "DBUS_SESSION_BUS_ADDRESS": session_bus,
            "DBUS_SYSTEM_BUS_ADDRESS": system_bus,
            "XDG_SESSION_ID": "7",
        }
        send = [sys.executable, "-c", LOGIND_SENDER, system_bus, signal]
        _locks_after(vault_dir, tmp_path, env, send, {"org.freedesktop.login1.Session"})
