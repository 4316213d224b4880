from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.services.session import unlock
from twofold.ui.main_window import JOURNAL, MainWindow
from twofold.ui.unlock_page import SHARED, delay_after

LEFT = Qt.MouseButton.LeftButton


def test_full_setup_wizard(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "new"
    window: MainWindow = make_window(folder)
    wizard = window.wizard
    assert wizard is not None and window.stack.currentWidget() is wizard
    assert "Your private journal" in wizard.welcome.explanation.text()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, LEFT)

    first = wizard.first
    qtbot.keyClicks(first.name, "Alex")
    qtbot.keyClicks(first.fields.passphrase, "password")
    assert not first.isComplete()
    assert "most common passwords" in first.fields.feedback.text()
    first.fields.passphrase.clear()
    qtbot.keyClicks(first.fields.passphrase, "amber lantern orbit velvet")
    qtbot.keyClicks(first.fields.confirm, "amber lantern orbit velvetX")
    assert "differ" in first.fields.mismatch.text() and not first.isComplete()
    first.fields.confirm.clear()
    qtbot.keyClicks(first.fields.confirm, "amber lantern orbit velvet")
    assert first.isComplete()
    qtbot.mouseClick(next_button, LEFT)

    second = wizard.second
    qtbot.keyClicks(second.name, "alex")
    assert "different names" in second.problem.text()
    second.name.clear()
    qtbot.keyClicks(second.name, "Sam")
    qtbot.keyClicks(second.fields.passphrase, "cedar meadow quartz harbor")
    qtbot.keyClicks(second.fields.confirm, "cedar meadow quartz harbor")
    qtbot.mouseClick(next_button, LEFT)
    # who was hurt: optional, in their own words, signed by both at creation
    roles = wizard.roles
    assert [b.text() for b in roles.boxes] == ["Alex was hurt", "Sam was hurt"]
    roles.boxes[1].setChecked(True)
    qtbot.keyClicks(roles.words, "Sam carries the hurt")
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled() and commit.text() == "Create the vault"
    qtbot.mouseClick(commit, LEFT)

    # the machine is handed to each partner in turn; a code is only on its owner's page
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.hand_over[0], timeout=30_000)
    assert wizard.create_page.result is not None
    assert first.fields.value() == ""  # passphrases left the widgets after use
    handover = wizard.hand_over[0].text.text()
    assert "Sam, please look away" in handover and "Alex" in handover
    codes_by_owner = wizard.create_page.result.recovery_codes
    assert not any(code in handover for code in codes_by_owner.values())
    show = wizard.button(QWizard.WizardButton.CommitButton)
    assert show.text() == "Show my code"
    qtbot.mouseClick(show, LEFT)
    own = wizard.own_code[0]
    assert wizard.currentPage() is own and "Alex" in own.title()
    code_alex = own.code_label.text()
    assert code_alex == codes_by_owner["Alex"] and len(code_alex.replace("-", "")) == 32
    assert codes_by_owner["Sam"] not in _all_text(wizard)
    pdf = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), "PDF"))
    qtbot.mouseClick(own.save_button, LEFT)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    own.stored.setChecked(True)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    assert wizard.currentPage() is wizard.hand_over[1]
    assert "Alex, please look away" in wizard.hand_over[1].text.text()
    assert code_alex not in _all_text(wizard)  # Alex's code left the screen
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    sams = wizard.own_code[1]
    assert sams.code_label.text() == codes_by_owner["Sam"]
    assert code_alex not in _all_text(wizard)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    sams.stored.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, LEFT)
    codes = [code_alex, codes_by_owner["Sam"]]

    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_page)
    from twofold.services.session import unlock

    with unlock(folder, "Alex", "amber lantern orbit velvet") as made:
        said = made.roles.roles()
        assert said.words == "Sam carries the hurt"
        assert [made.partner_labels[p] for p in said.hurt] == ["Sam"]
    page = window.unlock_page
    assert page.choice("Alex").text() == "I am Alex" and page.choice("Sam").text() == "I am Sam"
    assert [p["label"] for p in json.loads((folder / "keyslots.json").read_text())["partners"]] == [
        "Alex",
        "Sam",
    ]
    unlock(folder, "Sam", "cedar meadow quartz harbor").lock()
    from twofold.services.session import reset_passphrase

    session, _ = reset_passphrase(folder, "Alex", codes[0], "a new passphrase for alex")
    session.lock()


def _all_text(widget: QWidget) -> str:
    """Every text a widget tree shows (labels, buttons, fields)."""
    parts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if child.isVisible() and hasattr(child, "text"):
            try:
                parts.append(str(child.text()))
            except TypeError:
                continue
    return "\n".join(parts)


def test_setup_refuses_the_same_passphrase_for_both(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window: MainWindow = make_window(tmp_path / "new")
    wizard = window.wizard
    assert wizard is not None
    wizard.next()
    wizard.first.name.setText("Alex")
    wizard.first.fields.passphrase.setText("amber lantern orbit velvet")
    wizard.first.fields.confirm.setText("amber lantern orbit velvet")
    wizard.next()
    second = wizard.second
    second.name.setText("Sam")
    qtbot.keyClicks(second.fields.passphrase, "amber lantern orbit velvet")
    qtbot.keyClicks(second.fields.confirm, "amber lantern orbit velvet")
    assert "your own passphrase" in second.problem.text() and not second.isComplete()
    second.fields.confirm.clear()
    second.fields.passphrase.clear()
    qtbot.keyClicks(second.fields.passphrase, "cedar meadow quartz harbor")
    qtbot.keyClicks(second.fields.confirm, "cedar meadow quartz harbor")
    assert second.problem.text() == "" and second.isComplete()


def test_unlock_failure_then_success(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    before = (vault_dir / "keyslots.json").read_bytes()
    window: MainWindow = make_window(vault_dir)
    page = window.unlock_page
    for attempt in range(3):
        qtbot.mouseClick(page.choice("Alex"), LEFT)
        page.passphrase.clear()
        qtbot.keyClicks(page.passphrase, f"wrong guess {attempt}")
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Wrong passphrase" in page.message.text(), timeout=30_000)
        page.message.clear()
        if page._countdown.isActive():
            break
    assert page.failures >= 2 and page._countdown.isActive()
    assert page.unlock_button.text().startswith("Wait") and not page.unlock_button.isEnabled()
    assert window.session is None and window.stack.currentWidget() is page
    assert (vault_dir / "keyslots.json").read_bytes() == before
    qtbot.waitUntil(lambda: page.unlock_button.isEnabled(), timeout=10_000)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.stack.currentWidget() is window.workspace
    assert window.current_page() == JOURNAL and window.windowTitle() == "Twofold"
    assert "Alex" in window.who.text()


def test_failure_delay_grows_and_is_capped() -> None:
    assert [delay_after(n) for n in range(1, 9)] == [0, 1, 2, 4, 8, 16, 30, 30]


def test_forgot_passphrase_leads_to_the_recovery_reset(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from tests.conftest import recovery_code
    from tests.gui.conftest import on_next_modal
    from twofold.ui.recovery_dialog import RecoveryDialog

    window: MainWindow = make_window(vault_dir)
    seen: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RecoveryDialog)
        qtbot.keyClicks(dialog.code, recovery_code(vault_dir, "Sam"))
        qtbot.keyClicks(dialog.fields.passphrase, "brand new sam passphrase")
        qtbot.keyClicks(dialog.fields.confirm, "brand new sam passphrase")
        qtbot.mouseClick(dialog.reset, LEFT)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=30_000)
        seen["code"] = dialog.code_label.text()
        dialog.accept()

    qtbot.mouseClick(window.unlock_page.choice("Sam"), LEFT)
    on_next_modal(fill)
    qtbot.mouseClick(window.unlock_page.forgot_button, LEFT)
    qtbot.waitUntil(lambda: window.session is not None, timeout=30_000)
    assert window.session is not None and window.session.partner_label == "Sam"
    assert seen["code"] != recovery_code(vault_dir, "Sam")
    window.lock()
    unlock(vault_dir, "Sam", "brand new sam passphrase").lock()


def test_a_second_window_on_the_same_vault_is_told_clearly(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    first: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, first, "Alex", ALEX_PASS)
    second: MainWindow = make_window(vault_dir)
    assert "already open" in second.unlock_page.message.text()
    assert not second.unlock_page.unlock_button.isEnabled()
    first.lock()
    second.unlock_page.show_vault(vault_dir)
    unlock_as(qtbot, second, SHARED, SAM_PASS)
