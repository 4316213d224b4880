"""The window's language: the setting or the system's, Qt's and Twofold's translators,
dates by QLocale; the committed translations are built from their sources."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.ui import i18n
from twofold.ui.app import make_application

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def german() -> Iterator[QApplication]:
    """German for one test; English (the source language) again afterwards."""
    app = make_application()
    i18n.install(app, "de")
    yield app
    i18n.install(app, "en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_committed_translations_are_built_from_their_sources() -> None:
    """Every string in the code is in the .ts, and each .qm is lrelease's output of its .ts."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_german_installs_qt_and_twofold_translators(german: QApplication) -> None:
    assert i18n.installed_names() == ["qtbase", "twofold"]
    assert QLocale().language() == QLocale.Language.German
    # Qt's own words come from qtbase_de.qm.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Schließen"
    assert QApplication.translate("Dates", "dd MMMM yyyy") != "dd MMMM yyyy"


def test_dates_and_numbers_follow_the_locale(german: QApplication) -> None:
    assert i18n.date_text(date(2026, 3, 5), "%d %B %Y") == "5. März 2026"
    assert i18n.date_text(datetime(2026, 12, 1, 21, 7), "%a %d %b %Y, %H:%M").startswith("Di.")
    assert i18n.number_text(12345) == "12.345"
    assert i18n.number_text(2.5, 1) == "2,5"


def test_english_is_the_source_language() -> None:
    app = make_application()
    i18n.install(app, "en")
    assert i18n.installed_names() == ["twofold"]  # the plural forms: "1 entry", "2 entries"
    assert app.translate("JournalPage", "%n entries", "", 1) == "1 entry"
    assert QLocale().language() == QLocale.Language.English
    assert i18n.date_text(date(2026, 3, 5), "%d %B %Y") == "05 March 2026"


def test_every_date_pattern_formats(german: QApplication) -> None:
    moment = datetime(2026, 11, 25, 9, 30)
    for pattern in i18n._DATE_PATTERNS:
        text = i18n.date_text(moment, pattern)
        assert text and not re.search("yy|MM|dd|HH|mm|%", text), (pattern, text)


def test_the_system_locale_is_followed_unless_a_language_is_chosen(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.chosen_language(settings) == i18n.SYSTEM
    assert i18n.locale_for(i18n.SYSTEM) == QLocale.system()
    settings.setValue(i18n.LANGUAGE_KEY, "de")
    assert i18n.chosen_language(settings) == "de"
    assert i18n.locale_for("de").language() == QLocale.Language.German
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")  # an edited settings file
    assert i18n.chosen_language(settings) == i18n.SYSTEM


def test_settings_offers_the_language_for_the_next_start(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, settings: QSettings
) -> None:
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    dialog = window.open_settings()
    items = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert items == ["System default", "English", "Deutsch"]
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    on_disk = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert on_disk.value(i18n.LANGUAGE_KEY) == "de"
    assert "next starts" in dialog.language_note.text()
    assert i18n.chosen_language(on_disk) == "de"
    dialog.close()


def test_every_domain_label_and_content_text_is_marked_for_translation() -> None:
    """The domain names things in English and the window translates them where shown
    (ui/labels.py): a new label or prompt that is not listed would stay English."""
    import enum
    import importlib
    import inspect
    import json

    from twofold.domain.passphrase import estimate
    from twofold.ui.labels import COMMON_WORD, KNOWN

    missing: list[str] = []
    for name in (
        "domain.records", "domain.report", "domain.dialogue", "domain.ledger",
        "domain.progress", "domain.setbacks", "domain.importing", "domain.commitments",
        "services.journal_export", "domain.consent", "domain.checkins",
    ):  # fmt: skip
        module = importlib.import_module(f"twofold.{name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            label = getattr(cls, "label", None)
            if issubclass(cls, enum.Enum) and isinstance(label, property):
                texts = [label.__get__(m) for m in cls]
                missing += [text for text in texts if text not in KNOWN]
    tried = ("", "password", "alex 1234 aaa", "short", "abcdefghij", "lamp orbit velvet canyon x")
    for strength in (estimate(text, frozenset({"password"}), ("alex",)) for text in tried):
        missing += [strength.label] if strength.label not in KNOWN else []
        missing += [f for f in strength.feedback if f not in KNOWN and not COMMON_WORD.fullmatch(f)]
    resources = ROOT / "resources"
    for kind_prompts in json.loads((resources / "prompts.json").read_text("utf-8")).values():
        missing += [p for p in kind_prompts if p not in KNOWN]
    for words in json.loads((resources / "feelings.json").read_text("utf-8")).values():
        missing += [w for w in words if w not in KNOWN]
    for checkin in json.loads((resources / "checkins.json").read_text("utf-8")).values():
        texts = [checkin["title"], checkin["about"], *(p["text"] for p in checkin["prompts"])]
        missing += [t for t in texts if t not in KNOWN]
    assert not missing


def test_every_timeline_sentence_is_marked_for_translation() -> None:
    """domain/timeline_text.py renders the timeline's sentences through the window's
    tr; each literal it passes must be listed (in context "Timeline") in ui/event_text."""
    import ast

    from twofold.ui.event_text import KNOWN

    source = (ROOT / "desktop" / "twofold" / "domain" / "timeline_text.py").read_text("utf-8")
    literals = [
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "tr"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]
    assert literals and not [text for text in literals if text not in KNOWN]


def test_milestones_signed_in_english_are_shown_in_german(german: QApplication) -> None:
    from twofold.ui.labels import milestone

    assert milestone("First week of “Walk together” kept every day") == (
        "Erste Woche, in der „Walk together“ jeden Tag gehalten wurde"
    )
    assert milestone("Fewer setbacks in March than in February") == (
        "Weniger Rückschläge im März als im Februar"
    )
    assert milestone("We laughed at dinner") == "We laughed at dinner"  # a partner's own win


def test_counts_in_sentences_group_their_digits_in_the_window_language() -> None:
    """ "✓ Verified · 41924 events" and "32222 items" read as one long number."""
    from PySide6.QtCore import QCoreApplication

    from twofold.ui.labels import verify_text

    app = make_application()
    i18n.install(app, "en")
    assert verify_text("41924 events, all signed and chained") == (
        "41,924 events, all signed and chained"
    )
    assert QCoreApplication.translate("TimelinePage", "%n items", None, 32222) == "32,222 items"
    i18n.install(app, "de")
    try:
        assert verify_text("41924 events, all signed and chained").startswith("41.924 ")
        assert QCoreApplication.translate("TimelinePage", "%n items", None, 32222) == (
            "32.222 Einträge"
        )
    finally:
        i18n.install(app, "en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
