"""With German chosen, no English is left on any screen.

The window is opened on a vault with some history, every page of the private and the
shared mode and the main dialogs are shown, and every text a person sees or a screen
reader says is collected: labels, buttons, actions and menus, group box and window
titles, placeholders, tool tips, accessible names, combo box items and list items.

A text fails when it is one of Twofold's English source strings (from the .ts, with
its placeholders as wildcards) whose German translation differs, or when it still
reads as English (English function words) although it is not the user's own writing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.domain.commitments import Cadence, CadenceKind
from twofold.domain.records import RecordKind
from twofold.services.session import unlock
from twofold.ui import i18n
from twofold.ui.main_window import MainWindow
from twofold.ui.safety_dialog import SafetyPlanDialog
from twofold.ui.unlock_page import SHARED

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "twofold_de.ts"

# Words that are the same in German, or names: never a sign of a missed translation.
ALLOWED = {
    "Twofold",
    "Markdown",
    "JSON",
    "PDF",
    "Alex",
    "Sam",
    "Check-in",
    "Check-ins",
    "Status",
    "Format",
    "Export",
    "Problem",
    "OK",
}
# English words that do not occur in German text (whole words, case-insensitive).
ENGLISH = re.compile(
    r"\b(the|your|you|and|with|what|this|that|is|are|not|of|to|for|from|by|it|"
    r"entry|entries|share|shared|journal|partner|choose|save|saved|show|"
    r"lock|unlock|new|open|close|cancel|add|remove|delete|none|yet|here|now)\b",
    re.IGNORECASE,
)
# What the test writes into the vault: the users' own words (German, as a German
# couple would write), which a screen may show as it is.
OWN_WORDS = (
    "Heute war ein ruhiger Tag",
    "Ich wünsche mir mehr Zeit zu zweit",
    "Jeden Abend zehn Minuten reden",
)


# Screens or widgets not yet translated (none: keep it that way).
WAITING_SCREENS: set[str] = set()
WAITING_WIDGETS: set[str] = set()


FILE_NAMES = re.compile(r"\S*[/\\]\S*|\S+\.(?:db|json|pdf|md|twofold-backup)\b")


def english_sources() -> list[tuple[re.Pattern[str], str]]:
    """(pattern of the English source, German translation) for every message whose
    translation differs from its source."""
    found = []
    for message in ET.parse(TS).getroot().iter("message"):  # noqa: S314 - our own file
        source = message.findtext("source") or ""
        node = message.find("translation")
        assert node is not None
        forms = [f.text or "" for f in node.iter("numerusform")] or [node.text or ""]
        if all(form == source for form in forms) or not re.search("[A-Za-z]{2}", source):
            continue
        text = re.sub(r"&(?=\w)", "", source)  # mnemonics are not shown
        parts = re.split(r"(\{[^{}]*\}|%n|%s|%d|%\(\w+\)s)", text)
        pattern = "".join(
            ".+?" if re.fullmatch(r"\{[^{}]*\}|%n|%s|%d|%\(\w+\)s", part) else re.escape(part)
            for part in parts
        )
        found.append((re.compile(pattern, re.DOTALL), forms[0]))
    return found


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what this widget shows or says."""
    name = widget.objectName() or type(widget).__name__
    if widget.isWindow() and widget.windowTitle():
        yield f"{name}.windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel) and widget.text():
        yield name, plain(widget.text())
    if isinstance(widget, QAbstractButton) and widget.text():
        yield name, widget.text().replace("&", "")
    if isinstance(widget, QGroupBox) and widget.title():
        yield name, widget.title()
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and widget.placeholderText():
        yield f"{name}.placeholder", widget.placeholderText()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name}[{i}]", widget.itemText(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for row in range(min(model.rowCount(), 50)):
            index = model.index(row, 0)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    yield f"{name}[{row}]", value
    if widget.toolTip():
        yield f"{name}.toolTip", plain(widget.toolTip())
    if widget.accessibleName():
        yield f"{name}.accessibleName", widget.accessibleName()
    if widget.accessibleDescription():
        yield f"{name}.accessibleDescription", widget.accessibleDescription()
    for action in widget.actions():
        if action.text():
            yield f"{name}.action", action.text().replace("&", "")
        if action.toolTip():
            yield f"{name}.action.toolTip", action.toolTip().replace("&", "")
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from texts_of(menu)


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&nbsp;", " ").strip()


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    out = list(texts_of(top))
    for child in top.findChildren(QWidget):
        if child.isVisible():
            out.extend(texts_of(child))
    return out


class Walk:
    def __init__(self) -> None:
        self.sources = english_sources()
        self.screens: list[str] = []
        self.checked = 0
        self.english: list[str] = []

    def check(self, screen: str, top: QWidget) -> None:
        QApplication.processEvents()
        self.screens.append(screen)
        if screen.rsplit("/", 1)[-1] in WAITING_SCREENS:
            return
        for where, text in visible_texts(top):
            if where.split(".")[0].split("[")[0] in WAITING_WIDGETS:
                continue
            self.checked += 1
            for line in text.splitlines():
                line = re.sub(FILE_NAMES, "", line).strip()  # file paths and names are names
                if not line or line in ALLOWED or any(own in line for own in OWN_WORDS):
                    continue
                if any(pattern.fullmatch(line) for pattern, _ in self.sources):
                    self.english.append(f"{screen}: {where}: {line!r} (translation not used)")
                elif ENGLISH.search(line):
                    self.english.append(f"{screen}: {where}: {line!r} (not translated)")


def fill(vault_dir: Path) -> None:
    """Some history, so the pages show items and not only their empty states."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None and session.sharing is not None
        shared = session.journal.write(OWN_WORDS[0], feelings=["calm"], tags=["Abend"])
        kept = session.journal.write(OWN_WORDS[1], kind=RecordKind.NEED)
        session.sharing.confirm_direct(session.sharing.direct(shared))
        session.sharing.add(kept)
        session.commitments.make(OWN_WORDS[2], Cadence(CadenceKind.DAILY))
        session.setbacks.log(OWN_WORDS[0], OWN_WORDS[1], OWN_WORDS[2])
        session.wins.record(OWN_WORDS[0])
    finally:
        session.lock()


def test_no_english_is_left_on_any_screen(
    qtbot: QtBot, make_window: MakeWindow, german: None, vault_dir: Path
) -> None:
    fill(vault_dir)
    walk = Walk()
    window: MainWindow = make_window(vault_dir)
    window.resize(1280, 860)
    walk.check("unlock", window)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    for key in list(window.page_keys):
        window.go(key)
        qtbot.wait(50)
        walk.check(f"private/{key}", window)
    for name, opener in (
        ("settings", window.open_settings),
        ("reminders", window.open_reminders),
        ("journal export", window.open_journal_export),
        ("import", window.open_import),
        ("report", window.open_report),
        ("leave", window.open_leave),
    ):
        before = set(QApplication.topLevelWidgets())
        opened = opener()
        qtbot.wait(50)
        dialogs = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
        if isinstance(opened, QDialog):
            dialogs.append(opened)
        for dialog in dict.fromkeys(dialogs):
            walk.check(f"dialog/{name}", dialog)
            dialog.close()
    assert window.session is not None
    safety = SafetyPlanDialog(window.session, window)
    safety.show()
    walk.check("dialog/safety plan", safety)
    safety.close()
    window.lock()
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    for key in list(window.page_keys):
        window.go(key)
        qtbot.wait(50)
        walk.check(f"shared/{key}", window)
    window.lock()
    walk.check("locked", window)
    assert not walk.english, (
        "English on a German screen. New strings: wrap them in tr(), run "
        "`uv run python tools/translations.py`, and translate them in "
        "resources/translations/twofold_de.ts (pyside6-linguist, or by hand), then run the "
        "tool again.\n" + "\n".join(walk.english)
    )
    assert len(walk.screens) >= 20 and walk.checked > 500, (walk.screens, walk.checked)
    print(f"German walk: {len(walk.screens)} screens, {walk.checked} texts checked")


def test_dates_are_german_on_screen(german: None) -> None:
    assert QLocale().toString(QDate(2026, 12, 24), "dddd, d. MMMM yyyy") == (
        "Donnerstag, 24. Dezember 2026"
    )
    assert i18n.date_text(date(2026, 12, 24), "%A, %d %B %Y") == "Donnerstag, 24. Dezember 2026"
