"""The sidebar pages in one table: key, label, menu text, shortcut, how to build the
page, and in which modes it is offered. The window wires every page from here, in one
loop; adding a page is one row.

Modes: ``PARTNER`` (a partner unlocked their own journal) and ``SESSION`` (the shared
session: both partners together, journals locked). The sidebar lists, per mode, the
pages whose modes include it, in table order. A page not offered in a mode is
attached to no session, so it holds nothing from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from twofold.ui.i18n import QT_TRANSLATE_NOOP

PARTNER, SESSION = "partner", "session"
BOTH = frozenset({PARTNER, SESSION})


@dataclass(frozen=True, slots=True)
class PageSpec:
    key: str
    label: str  # the sidebar's text (English; translated in context "Pages" where shown)
    action: str  # the Go menu's text, with its mnemonic (likewise)
    shortcut: str
    factory: Callable[[], QWidget]  # imports the page's module only when built
    modes: frozenset[str]

    @property
    def action_name(self) -> str:
        return "go" + self.key[:1].upper() + self.key[1:]


def _journal() -> QWidget:
    from twofold.ui.journal_page import JournalPage

    return JournalPage()


def _outbox() -> QWidget:
    from twofold.ui.outbox_page import OutboxPage

    return OutboxPage()


def _timeline() -> QWidget:
    from twofold.ui.timeline_page import TimelinePage

    return TimelinePage()


def _agenda() -> QWidget:
    from twofold.ui.timeline_page import AgendaPage

    return AgendaPage()


def _joint() -> QWidget:
    from twofold.ui.joint_page import JointSessionPage

    return JointSessionPage()


def _commitments() -> QWidget:
    from twofold.ui.commitments_page import CommitmentsPage

    return CommitmentsPage()


def _agreement() -> QWidget:
    from twofold.ui.agreement_page import AgreementPage

    return AgreementPage()


def _checkins() -> QWidget:
    from twofold.ui.checkins_page import CheckinsPage

    return CheckinsPage()


def _setbacks() -> QWidget:
    from twofold.ui.setbacks_page import SetbacksPage

    return SetbacksPage()


def _wins() -> QWidget:
    from twofold.ui.setbacks_page import WinsPage

    return WinsPage()


def _progress() -> QWidget:
    from twofold.ui.progress_page import OurProgressPage

    return OurProgressPage()


def _patterns() -> QWidget:
    from twofold.ui.progress_page import MyPatternsPage

    return MyPatternsPage()


def _together() -> QWidget:
    from twofold.ui.together_page import TogetherPage

    return TogetherPage()


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "journal",
        QT_TRANSLATE_NOOP("Pages", "Journal"),
        QT_TRANSLATE_NOOP("Pages", "&Journal"),
        "Ctrl+1",
        _journal,
        frozenset({PARTNER}),
    ),
    PageSpec(
        "outbox",
        QT_TRANSLATE_NOOP("Pages", "Outbox"),
        QT_TRANSLATE_NOOP("Pages", "&Outbox"),
        "Ctrl+2",
        _outbox,
        frozenset({PARTNER}),
    ),
    PageSpec(
        "agenda",
        QT_TRANSLATE_NOOP("Pages", "Session agenda"),
        QT_TRANSLATE_NOOP("Pages", "&Agenda"),
        "Ctrl+4",
        _agenda,
        frozenset({SESSION}),
    ),
    PageSpec(
        "joint",
        QT_TRANSLATE_NOOP("Pages", "Joint session"),
        QT_TRANSLATE_NOOP("Pages", "&Joint session"),
        "Ctrl+J",
        _joint,
        frozenset({SESSION}),
    ),
    PageSpec(
        "timeline",
        QT_TRANSLATE_NOOP("Pages", "Shared timeline"),
        QT_TRANSLATE_NOOP("Pages", "Shared &timeline"),
        "Ctrl+3",
        _timeline,
        BOTH,
    ),
    PageSpec(
        "commitments",
        QT_TRANSLATE_NOOP("Pages", "Commitments"),
        QT_TRANSLATE_NOOP("Pages", "&Commitments"),
        "Ctrl+5",
        _commitments,
        BOTH,
    ),
    PageSpec(
        "agreement",
        QT_TRANSLATE_NOOP("Pages", "Agreement"),
        QT_TRANSLATE_NOOP("Pages", "A&greement"),
        "Ctrl+6",
        _agreement,
        BOTH,
    ),
    PageSpec(
        "checkins",
        QT_TRANSLATE_NOOP("Pages", "Check-ins"),
        QT_TRANSLATE_NOOP("Pages", "Check-&ins"),
        "Ctrl+7",
        _checkins,
        BOTH,
    ),
    PageSpec(
        "setbacks",
        QT_TRANSLATE_NOOP("Pages", "Setbacks"),
        QT_TRANSLATE_NOOP("Pages", "Set&backs"),
        "Ctrl+8",
        _setbacks,
        BOTH,
    ),
    PageSpec(
        "wins",
        QT_TRANSLATE_NOOP("Pages", "Wins"),
        QT_TRANSLATE_NOOP("Pages", "&Wins"),
        "Ctrl+9",
        _wins,
        BOTH,
    ),
    PageSpec(
        "together",
        QT_TRANSLATE_NOOP("Pages", "Together"),
        QT_TRANSLATE_NOOP("Pages", "T&ogether"),
        "Ctrl+0",
        _together,
        BOTH,
    ),
    PageSpec(
        "progress",
        QT_TRANSLATE_NOOP("Pages", "Our progress"),
        QT_TRANSLATE_NOOP("Pages", "Our p&rogress"),
        "Ctrl+Shift+P",
        _progress,
        BOTH,
    ),
    PageSpec(
        "patterns",
        QT_TRANSLATE_NOOP("Pages", "My patterns"),
        QT_TRANSLATE_NOOP("Pages", "&My patterns"),
        "Ctrl+Shift+M",
        _patterns,
        frozenset({PARTNER}),
    ),
)


def menu_position(spec: PageSpec) -> tuple[int, int]:
    """The Go menu: Ctrl+1 … Ctrl+9, Ctrl+0, then the rest in table order."""
    digit = spec.shortcut.removeprefix("Ctrl+")
    if len(digit) == 1 and digit.isdigit():
        return (0, (int(digit) - 1) % 10)
    return (1, PAGES.index(spec))


def pages_for(mode: str) -> tuple[PageSpec, ...]:
    return tuple(spec for spec in PAGES if mode in spec.modes)


def spec(key: str) -> PageSpec:
    return next(s for s in PAGES if s.key == key)
