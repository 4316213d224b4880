"""The names on the unlock screen are keyslots.json's labels, which no key signs: the
other partner can rename themselves to the same name. Before, both "I am Alex" buttons
(and `--as Alex`) opened the first slot so named, which locked the other partner out
of the window with "Wrong passphrase". Now each button opens its own slot, the screen
says what happened, and the command line asks for the partner id."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow
from tests.gui.conftest import make_window as make_window
from tests.gui.conftest import settings as settings
from tests.unit.test_cli import cli
from twofold.vault import keyslots


def _sam_calls_himself_alex(folder: Path) -> dict[str, str]:
    """Each partner id → their passphrase, in keyslots.json's order."""
    path = folder / keyslots.FILE_NAME
    data = json.loads(path.read_text())
    ids = {p["label"]: p["id"] for p in data["partners"]}
    for partner in data["partners"]:
        partner["label"] = "Alex"  # the labels are outside the slots' signatures
    path.write_text(json.dumps(data))
    return {ids["Alex"]: ALEX_PASS, ids["Sam"]: SAM_PASS}


def test_each_button_opens_its_own_slot_when_both_carry_one_name(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from PySide6.QtCore import Qt

    passphrases = _sam_calls_himself_alex(vault_dir)
    window = make_window(vault_dir)
    page = window.unlock_page
    buttons = [page.choice(f"unlockAs{i}") for i in range(2)]
    assert [b.text() for b in buttons] == ["I am Alex (slot 1)", "I am Alex (slot 2)"]
    assert buttons[0].accessibleName() != buttons[1].accessibleName()
    assert page.hint.isVisibleTo(page)
    assert "keyslots.json was edited outside Twofold" in page.hint.text()
    opened = []
    for index, passphrase in enumerate(passphrases.values()):
        qtbot.mouseClick(page.choice(f"unlockAs{index}"), Qt.MouseButton.LeftButton)
        assert "Opens Alex's private journal" in page.explain.text()
        page.passphrase.clear()
        qtbot.keyClicks(page.passphrase, passphrase)
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: window.session is not None or bool(page.message.text()), timeout=30_000
        )
        assert window.session is not None, page.message.text()
        opened.append(window.session.partner_id)
        told = window.unlock_text.text()
        window.lock()
        qtbot.waitUntil(lambda: window.unlock_page.isVisible(), timeout=10_000)
        if passphrase == SAM_PASS:  # told by the name the ledger signed
            assert "names Sam “Alex” on the unlock screen" in told, told
    assert opened == list(passphrases)


def test_the_command_line_asks_for_the_id_and_takes_it(vault_dir: Path, tmp_path: Path) -> None:
    passphrases = _sam_calls_himself_alex(vault_dir)
    [(alex_id, _), (sam_id, _)] = passphrases.items()
    secret = tmp_path / "sam.pass"
    secret.write_text(SAM_PASS)

    by_name = cli("list", "--vault", vault_dir, "--as", "Alex", "--passphrase-file", secret)
    by_id = cli("list", "--vault", vault_dir, "--as", sam_id, "--passphrase-file", secret)

    assert by_name.code == 2
    assert "Both partners are called “Alex” in keyslots.json" in by_name.err
    assert alex_id in by_name.err and sam_id in by_name.err
    assert by_id.code == 0, by_id.err
    assert "names Sam “Alex” on the unlock screen" in by_id.err  # told after unlock
