"""The domain's and the services' messages in the window's language.

domain/ and services/ import no Qt, so what they raise is English; ``ui/messages``
translates it where the window shows it. The scan below finds every message passed
to a ``TwofoldError`` (and every reason a ``…_refusal`` rule returns) in their
source, so a new message that the window would show in English fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, on_next_modal, unlock_as
from twofold.domain import errors
from twofold.domain.dialogue import DialogueTimer
from twofold.services import imports, journal_export
from twofold.ui import i18n, messages
from twofold.ui.app import make_application
from twofold.ui.joint_page import TimerPanel
from twofold.ui.main_window import WINS
from twofold.ui.widgets import FormDialog

ROOT = Path(__file__).resolve().parents[2] / "desktop" / "twofold"
ERRORS = {
    name
    for module in (errors, imports, journal_export)
    for name, value in vars(module).items()
    if isinstance(value, type) and issubclass(value, errors.TwofoldError)
}
FIELD = re.compile(r"\{[^{}]*\}")


def message(node: ast.expr) -> str | None:
    """A literal as it is; an f-string with ``{}`` for each value; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def source_messages() -> set[str]:
    found: set[str] = set()
    layers = ("domain", "services", "vault")
    for path in sorted(p for layer in layers for p in (ROOT / layer).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in ERRORS and (text := message(node.args[0])) is not None:
                    found.add(text)
            if isinstance(node, ast.FunctionDef) and node.name.endswith("refusal"):
                for returned in ast.walk(node):
                    value = returned.value if isinstance(returned, ast.Return) else None
                    if value is not None and (text := message(value)) is not None:
                        found.add(text)
    return found


def test_every_message_the_domain_and_services_raise_is_known() -> None:
    found = source_messages()
    assert len(found) > 100  # the scan sees them (126 when this was written)
    assert "Say what went well." in found
    assert "{} does not exist." in found
    known = {FIELD.sub("{}", text) for text in messages.KNOWN}
    assert sorted(found - known) == []


def test_every_known_message_has_a_german_translation(german: None) -> None:
    for text in messages.KNOWN:
        values = {name: "X" for name in messages.fields(text)}
        english = text.format(**values)
        assert messages.translated(english) != english, text


def test_values_are_put_back_into_the_translation(german: None) -> None:
    assert messages.translated("/tmp/nowhere does not exist.") == "/tmp/nowhere gibt es nicht."
    # the longer sentence is not swallowed by "This commitment is {state}."
    assert (
        messages.translated("This commitment is ended; nothing more is recorded on it.")
        == "Diese Zusage ist im Zustand „ended“; dazu wird nichts mehr festgehalten."
    )
    # a known reason inside a message is translated too
    assert messages.translated("Not recorded: That was already withdrawn..") == (
        "Nicht festgehalten: Das wurde schon zurückgezogen."
    )
    # what Twofold does not know comes back as it is
    assert messages.translated("No space left on device") == "No space left on device"


def test_the_unlock_warnings_said_outside_errors_are_translated(german: None) -> None:
    """Warnings the vault and services hand the window as text, not raised: each is
    matched by a template, so the window says it in German."""
    from twofold.vault.locks import unusable
    from twofold.vault.trust import Behind

    at = "2026-11-26T21:49:00+00:00"
    for kind in ("reflection.shared", "checkin.sealed"):
        english = Behind(12, at, 15, kind, at, at).text()
        german_text = messages.translated(english)
        assert german_text.startswith("Deine private Tagebuchdatei ist älter"), english
        assert "#12" in german_text and "#15" in german_text
    english = str(unusable(Path("/tmp/vault/.twofold-open.lock")))
    assert messages.translated(english).startswith("Twofold kann seine Sperrdatei")
    from twofold.vault.vault import _rebuilt_warning

    for found in ("1", "", "not a number"):
        german_text = messages.translated(_rebuilt_warning(found))
        assert german_text.startswith("Was die App zeigt, wurde bei diesem Entsperren"), found
        assert ("„1“" in german_text) == (found == "1")


def test_an_empty_win_is_refused_in_german(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    app = make_application()
    i18n.install(app, "de")
    try:
        window.go(WINS)
        said: list[str] = []

        def record(dialog: QWidget) -> None:
            assert isinstance(dialog, FormDialog)
            field = dialog.findChild(QPlainTextEdit, "recordWinDialogText")
            assert field is not None
            field.setPlainText("   ")
            dialog.ok_button.click()
            said.append(dialog.message.text())
            dialog.reject()

        on_next_modal(record)
        qtbot.mouseClick(window.wins.record, Qt.MouseButton.LeftButton)
    finally:
        i18n.install(app, "en")
    assert said == ["Sag, was gut gelaufen ist."]
    assert window.session is not None and window.session.wins.all() == []


def test_the_dialogue_prompt_is_in_german(qtbot: QtBot, german: None) -> None:
    panel = TimerPanel()
    qtbot.addWidget(panel)
    panel.speakers = ("Alex", "Sam")
    panel.start.click()
    assert panel.timer is not None
    assert panel.prompt.text() == "Alex spricht; Sam hört zu, ohne zu unterbrechen."
    panel.next.click()
    assert panel.prompt.text().startswith("Sam, sag mit eigenen Worten, was du von Alex gehört")
    panel.pause.click()
    assert panel.prompt.text().startswith("Pause. Nehmt euch die Zeit")
    # every prompt the timer can give is known
    timer = DialogueTimer(("Alex", "Sam"), turn_seconds=60)
    prompts = {timer.prompt}
    timer.next()
    prompts.add(timer.prompt)
    timer.pause()
    prompts.add(timer.prompt)
    assert all(messages.translated(p) != p for p in prompts)


def test_a_wrong_passphrase_is_said_in_german(german: None, vault_dir: Path) -> None:
    """The message the unlock screen shows most often, built in vault/ from parts."""
    from twofold.domain.errors import TwofoldError
    from twofold.services.session import unlock

    with pytest.raises(TwofoldError) as caught:
        unlock(vault_dir, "Alex", "not the passphrase at all")
    shown = messages.translated(str(caught.value))
    assert shown.startswith("Falsche Passphrase für Alex."), shown
    assert "Caps Lock" not in shown


def test_a_refused_reports_finding_is_said_in_german(german: None) -> None:
    """The finding inside a refused report's message (and its place inside the finding)
    was left English inside the German sentence."""
    finding = (
        "timeline_items, row of event #7 (reflection.shared, 2026-03-02): was edited outside "
        "Twofold (body, request differ from the signed event)"
    )
    text = messages.translated(
        "The report was not made: the shared ledger does not match what you both signed "
        f"({finding}). A report now could carry words neither of you wrote. The timeline's "
        "banner and 'twofold verify' say what changed; restore shared.db from a backup, then "
        "make the report again."
    )
    assert text.startswith("Der Bericht wurde nicht erstellt")
    assert (
        "(timeline_items, Zeile von Ereignis #7 (reflection.shared, 2026-03-02): wurde außerhalb "
        "von Twofold verändert (body, request weichen vom unterschriebenen Ereignis ab))"
    ) in text, text
