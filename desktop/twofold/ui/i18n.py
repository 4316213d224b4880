"""The language of the window: chosen once at start, from the setting or the system.

English is the source language (the strings in the code); another language comes
from ``resources/translations/twofold_<lang>.qm`` (built by ``tools/translations.py``
from the ``.ts`` beside it) plus Qt's own ``qtbase_<lang>.qm`` for the standard
buttons and dialogs. Dates and numbers follow the same locale through ``QLocale``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from twofold.resources import resource_root

# What the start needs is the translators and the locale. Python's ``datetime`` (its
# 100 KB pure-Python twin is loaded first, ~5 M instructions) and Qt's date, time and
# library-path classes (each brought into Python with its enums) are needed for a date
# shown once unlocked, or for Qt's own translations in another language: imported then.
TYPE_CHECKING = False  # what type checkers assume True
if TYPE_CHECKING:
    from datetime import date, datetime

    from PySide6.QtCore import QDate, QDateTime, QTime

    DateClasses = tuple[type[datetime], type[QDate], type[QDateTime], type[QTime]]

LANGUAGE_KEY = "ui/language"
SYSTEM = ""  # the setting's value for "follow the system"
# The languages Twofold ships, by code, each named in its own language.
LANGUAGES: dict[str, QLocale.Language] = {
    "en": QLocale.Language.English,
    "de": QLocale.Language.German,
}
ENDONYMS = {"en": "English", "de": "Deutsch"}

_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for lupdate without translating it (translated where it is shown)."""
    del context
    return text


def chosen_language(settings: QSettings) -> str:
    """The language code from the setting, or "" to follow the system."""
    value = str(settings.value(LANGUAGE_KEY, SYSTEM) or SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def locale_for(language: str) -> QLocale:
    """The locale for a chosen language ("" = the system's). The system's region is kept
    when it speaks that language (en_GB stays en_GB, de_AT stays de_AT)."""
    system = QLocale.system()
    wanted = LANGUAGES.get(language)
    if wanted is None or system.language() == wanted:
        return system
    return QLocale(wanted)


def install(app: QCoreApplication, language: str) -> QLocale:
    """Install Qt's and Twofold's translators for ``language`` ("" = the system's) and make
    its locale the default; returns that locale. Replaces what an earlier call installed."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = locale_for(language)
    QLocale.setDefault(locale)
    # Twofold's words: the locale's language if shipped, else English, whose file holds
    # the plural forms of the English source strings ("1 entry", "2 entries").
    shipped = [code for code, lang in LANGUAGES.items() if lang == locale.language()]
    code = shipped[0] if shipped else "en"
    ours = str(resource_root() / "translations")
    wanted: list[tuple[str, tuple[str, ...]]] = [("twofold", (ours,))]
    if code != "en":
        from PySide6.QtCore import QLibraryInfo

        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own words (standard buttons, file dialogs): from Qt's folder, else a copy
        # in ours (a bundle may leave Qt's folder out).
        wanted.insert(0, ("qtbase", (qt_folder, ours)))
    for name, folders in wanted:
        translator = QTranslator(app)
        translator.setObjectName(name)
        file = f"{name}_{code}"
        if any(translator.load(file, folder) for folder in folders):
            app.installTranslator(translator)
            _installed.append(translator)
    return locale


def installed_names() -> list[str]:
    """Which translators are installed ("qtbase", "twofold"), for the settings and tests."""
    return [translator.objectName() for translator in _installed]


def apply(app: QCoreApplication, settings: QSettings) -> QLocale:
    """At start: the language the user chose in Settings, else the system's."""
    return install(app, chosen_language(settings))


# Date patterns (QLocale's format strings), keyed by the strftime pattern they replace.
# Translators adapt the order and punctuation ("d. MMM yyyy"); the month and day names
# come from QLocale.
_DATE_PATTERNS = {
    "%d %b %Y": QT_TRANSLATE_NOOP("Dates", "dd MMM yyyy"),
    "%d %B %Y": QT_TRANSLATE_NOOP("Dates", "dd MMMM yyyy"),
    "%a %d %b %Y": QT_TRANSLATE_NOOP("Dates", "ddd dd MMM yyyy"),
    "%A %d %B %Y": QT_TRANSLATE_NOOP("Dates", "dddd dd MMMM yyyy"),
    "%A, %d %B %Y": QT_TRANSLATE_NOOP("Dates", "dddd, dd MMMM yyyy"),
    "%A %d %B %Y, %H:%M": QT_TRANSLATE_NOOP("Dates", "dddd dd MMMM yyyy, HH:mm"),
    "%d %b %Y, %H:%M": QT_TRANSLATE_NOOP("Dates", "dd MMM yyyy, HH:mm"),
    "%a %d %b %Y, %H:%M": QT_TRANSLATE_NOOP("Dates", "ddd dd MMM yyyy, HH:mm"),
    "%d %B %Y, %H:%M": QT_TRANSLATE_NOOP("Dates", "dd MMMM yyyy, HH:mm"),
    "%d %b, %H:%M": QT_TRANSLATE_NOOP("Dates", "dd MMM, HH:mm"),
    "%d %b %H:%M": QT_TRANSLATE_NOOP("Dates", "dd MMM HH:mm"),
    "%d %b": QT_TRANSLATE_NOOP("Dates", "dd MMM"),
    "%a %d %b": QT_TRANSLATE_NOOP("Dates", "ddd dd MMM"),
    "%d %B": QT_TRANSLATE_NOOP("Dates", "dd MMMM"),
    "%b %y": QT_TRANSLATE_NOOP("Dates", "MMM yy"),
    "%b %Y": QT_TRANSLATE_NOOP("Dates", "MMM yyyy"),
    "%b": QT_TRANSLATE_NOOP("Dates", "MMM"),
    "%H:%M": QT_TRANSLATE_NOOP("Dates", "HH:mm"),
}


_dates: DateClasses | None = None


def _date_classes() -> DateClasses:
    """Python's ``datetime`` and Qt's QDate, QDateTime and QTime, from the first date
    shown on (see the imports above)."""
    global _dates
    from datetime import datetime

    from PySide6.QtCore import QDate, QDateTime, QTime

    _dates = (datetime, QDate, QDateTime, QTime)
    return _dates


def date_text(value: date | datetime, pattern: str) -> str:
    """``value`` (already in local time) as text in the window's language, for the
    strftime ``pattern`` it replaces (one of ``_DATE_PATTERNS``)."""
    qt_pattern = QCoreApplication.translate("Dates", _DATE_PATTERNS[pattern])
    moment_class, day_class, moment_qt, time_qt = _dates or _date_classes()
    day = day_class(value.year, value.month, value.day)
    if isinstance(value, moment_class):
        moment = moment_qt(day, time_qt(value.hour, value.minute, value.second))
        return QLocale().toString(moment, qt_pattern)
    return QLocale().toString(day, qt_pattern)


def number_text(value: int | float, decimals: int = 0) -> str:
    """A number with the locale's digit grouping and decimal separator."""
    if isinstance(value, int):
        return QLocale().toString(value)
    return QLocale().toString(value, "f", decimals)
