"""The main window: setup, unlock, and the unlocked workspace; locking hides it all."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from twofold import __version__
from twofold.domain.errors import TwofoldError
from twofold.services.locked import vault_exists
from twofold.ui import theme
from twofold.ui.basics import THEME_KEY, StatusLabel, announce, named
from twofold.ui.unlock_page import UnlockPage

# The launch paints the unlock screen with only what it shows: the rest of the window
# (its actions and menus' entries, the idle, clipboard and screen-lock watchers, the
# reminder clock and tray, the modules the pages need) is imported and built once it
# has painted (``_finish_start``, then ``_warm_up``), while the passphrase is typed.
if TYPE_CHECKING:
    from datetime import date, datetime  # (datetime is imported once a reminder is due)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent
    from PySide6.QtWidgets import QDialog, QFrame, QListWidget, QScrollArea

    from twofold.ui.exposure import ClipboardGuard, ScreenLockWatcher
    from twofold.ui.idle import IdleWatcher
    from twofold.ui.reminders import ReminderClock, Tray
    from twofold.ui.settings_dialog import SettingsDialog

PAGE_MIN_WIDTH = 760  # with the sidebar, the window fits 1024 px


class CurrentStack(QStackedWidget):
    """A stack as large as the widget it shows: the unlock card's height no longer
    sets the workspace's minimum (the shared session grew the window to 675 px high
    at 1024×640), nor the workspace's the unlock screen's."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _: self.updateGeometry())

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.sizeHint() if shown is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.minimumSizeHint() if shown is not None else super().minimumSizeHint()


def _scrolling() -> QScrollArea:
    """A scroll area for a page: a page taller (or wider) than the window scrolls
    instead of growing the window past the screen (a weekly check-in or the shared
    session at 144 DPI made it 1,119 px high; issue 14). It fills the area otherwise."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


# What only an unlocked window needs (the session with the ledger and journal stores,
# backups, the practice's domain) is imported on first use, or by ``warm_up`` once
# the unlock screen has painted: the launch imports only what that screen shows.
if TYPE_CHECKING:
    from twofold.domain.checkins import CheckinKind
    from twofold.services.backups import BackupResult
    from twofold.services.session import Session
    from twofold.ui.agreement_page import AgreementPage
    from twofold.ui.checkins_page import CheckinsPage
    from twofold.ui.commitments_page import CommitmentsPage
    from twofold.ui.joint_page import JointSessionPage
    from twofold.ui.journal_page import JournalPage
    from twofold.ui.outbox_page import OutboxPage
    from twofold.ui.progress_page import MyPatternsPage, OurProgressPage
    from twofold.ui.setbacks_page import SetbacksPage, WinsPage
    from twofold.ui.setup_wizard import SetupWizard
    from twofold.ui.timeline_page import AgendaPage, TimelinePage
    from twofold.ui.together_page import TogetherPage
    from twofold.ui.worker import Task

JOURNAL, OUTBOX, TIMELINE, AGENDA = "journal", "outbox", "timeline", "agenda"
COMMITMENTS = "commitments"
AGREEMENT = "agreement"
CHECKINS = "checkins"
SETBACKS, WINS = "setbacks", "wins"
TOGETHER = "together"
JOINT = "joint"
PROGRESS, PATTERNS = "progress", "patterns"
# The pages themselves (label, shortcut, factory, modes) are one table: ui/pages.py.
# Their modules, imported one per turn of the event loop before they are built.
_PAGE_MODULES = (
    "labels",
    "event_text",
    "models",
    "delegates",
    "markdown",
    "editor",
    "journal_page",
    "outbox_page",
    "timeline_page",
    "joint_page",
    "commitments_page",
    "agreement_page",
    "checkins_page",
    "setbacks_page",
    "progress_page",
    "together_page",
)
REMINDER_EVERY_MS = 30 * 60_000
REMINDER_FROM_HOUR = 19  # a daily check-in reminder comes in the evening


class BusyPage(QWidget):
    """Progress while the demo vault is made or a final action runs (made then)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt

        super().__init__()
        self.text = named(QLabel(self.tr("Preparing…")), "busyText", self.tr("Progress"))
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setMaximumWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


_BUILT_BY_FINISH_START = frozenset(
    {
        "idle",
        "clipboard_guard",
        "screen_lock",
        "reminder_clock",
        "tray",
        "lock_action",
        "new_action",
        "find_action",
        "save_action",
        "settings_action",
        "quit_action",
        "reminders_action",
        "report_action",
        "export_journal_action",
        "leave_action",
        "import_action",
        "safety_action",
        "go_actions",
    }
)


class MainWindow(QMainWindow):
    """Signals: locked(), notified(text of a reminder shown), started() (finish_start)"""

    locked = Signal()
    notified = Signal(str)
    started = Signal()  # finish_start done (see there)
    # Built on the first unlock (_ensure_workspace).
    journal: JournalPage
    outbox: OutboxPage
    timeline: TimelinePage
    agenda: AgendaPage
    commitments: CommitmentsPage
    agreement: AgreementPage
    checkins: CheckinsPage
    setbacks: SetbacksPage
    wins: WinsPage
    together: TogetherPage
    joint: JointSessionPage
    progress: OurProgressPage
    patterns: MyPatternsPage
    missed_banner: QFrame
    missed_text: QLabel
    workspace: QWidget
    nav: QListWidget
    # Built by finish_start, once the unlock screen has painted.
    idle: IdleWatcher
    clipboard_guard: ClipboardGuard
    screen_lock: ScreenLockWatcher
    reminder_clock: ReminderClock
    tray: Tray
    lock_action: QAction
    new_action: QAction
    find_action: QAction
    save_action: QAction
    settings_action: QAction
    quit_action: QAction
    reminders_action: QAction
    report_action: QAction
    export_journal_action: QAction
    leave_action: QAction
    import_action: QAction
    safety_action: QAction
    go_actions: list[QAction]

    def __init__(
        self,
        folder: Path,
        settings: QSettings,
        *,
        hint: str = "",
    ) -> None:
        super().__init__()
        self._started = False  # _finish_start done
        self.setObjectName("mainWindow")
        self.setWindowTitle("Twofold")  # never anything private in a title
        self.folder, self.settings, self.hint = folder, settings, hint
        self.ending_message = ""  # what the last final action (leave, delete) reported
        self.session: Session | None = None
        self._reminded_on: date | None = None
        self._missed: list[CheckinKind] = []
        self._pending_page = ""  # a notification's page, opened after unlocking
        self._quitting = False
        self._tidy_task: Task | None = None  # the search indexes' merge, while it runs
        self._tidy_again = False  # an import came while it ran

        self._busy: BusyPage | None = None
        self.unlock_page = UnlockPage()
        self.unlock_page.unlocked.connect(self._unlocked)
        # Build the pages while the key derivation runs in its worker.
        self.unlock_page.unlocking.connect(self._ensure_workspace)
        self.unlock_page.forgot.connect(self._forgot)
        self.unlock_page.safety.connect(self.open_safety_plan)
        self.stack = CurrentStack()
        # In the window before the unlock screen goes in: moving a stack that holds the
        # screen restyled (unpolished and polished) every widget of it once more.
        self.setCentralWidget(self.stack)
        self.stack.addWidget(self.unlock_page)
        self._workspace_built = False
        self._building: Iterator[bool] | None = None  # the pages being built (_warm_up)
        self.unlock_page.first_painted.connect(self._warm_up)
        self.wizard: SetupWizard | None = None

        # The menus are on screen from the first paint; their entries (and shortcuts)
        # are added by _finish_start, right after it.
        menu = self.menuBar()
        self._menus: tuple[QMenu, QMenu, QMenu] = (
            menu.addMenu(self.tr("&File")),
            menu.addMenu(self.tr("&Go")),
            menu.addMenu(self.tr("&Help")),
        )
        self.status = named(
            StatusLabel(), "statusText", QCoreApplication.translate("MainWindow", "Status")
        )
        self.statusBar().addWidget(self.status, 1)
        self.resize(1100, 740)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.start()

    def finish_start(self) -> None:
        """Build what the window needs besides the unlock screen: its actions and
        the menus' entries, the idle lock, the clipboard guard, the screen-lock
        watcher, the reminder clock and the tray. Done once the unlock screen has
        painted (the first step of ``_warm_up``), at the latest when someone unlocks
        or something asks for one of them (``__getattr__``). Nothing here protects a
        locked vault: the watchers lock an open one, and none is open before this ran
        (``_unlocked`` calls ``_ensure_workspace``, which calls this first)."""
        if self._started:
            return
        self._started = True
        from twofold.ui.exposure import ClipboardGuard, ScreenLockWatcher
        from twofold.ui.idle import IdleWatcher
        from twofold.ui.reminders import ReminderClock, Tray
        from twofold.ui.settings_dialog import idle_minutes

        self.idle = IdleWatcher(idle_minutes(self.settings))
        self.idle.setParent(self)
        self.idle.idle.connect(self.lock)
        # Private copies leave the clipboard after a minute; a locked screen locks.
        self.clipboard_guard = ClipboardGuard(self)
        self.screen_lock = ScreenLockWatcher(self)
        self.screen_lock.screen_locked.connect(self.lock)
        if sys.platform == "win32":
            self.screen_lock.watch_windows_sessions(int(self.winId()))
        self._build_actions()
        # Reminders tick whether the vault is locked or not; the tray keeps the app
        # running when the window is closed (issue 16).
        self.reminder_clock = ReminderClock(self.settings, parent=self)
        self.reminder_clock.fired.connect(self._on_reminder)
        self.tray = Tray(QApplication.windowIcon(), self.status.setText, self)
        self.tray.open_requested.connect(self.open_from_notification)
        self.tray.lock_requested.connect(self.lock)
        self.tray.quit_requested.connect(self.quit_app)
        self.reminder_clock.start()
        QGuiApplication.instance().applicationStateChanged.connect(self._app_state)  # type: ignore[union-attr]
        self._set_actions(unlocked=self.session is not None)
        self.started.emit()

    @property
    def is_started(self) -> bool:
        return self._started

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A shortcut pressed before ``finish_start`` made the actions (F1 in the
        first moment) reaches the window unhandled: the actions are made now and the
        one it belongs to is triggered, so no key is lost."""
        if not self._started:
            from PySide6.QtGui import QKeySequence

            self.finish_start()
            pressed = QKeySequence(event.keyCombination())
            for act in self.actions():
                if act.isEnabled() and pressed in act.shortcuts():
                    act.trigger()
                    return
        super().keyPressEvent(event)

    if not TYPE_CHECKING:  # (typed as the attributes they are, below the class line)

        def __getattr__(self, name: str) -> object:
            """One of ``finish_start``'s parts asked for before it ran (a test, a
            signal in the first moment): built now."""
            if name in _BUILT_BY_FINISH_START and not self._started:
                self.finish_start()
                return getattr(self, name)
            raise AttributeError(name)

    # --- building --------------------------------------------------------------

    def _ensure_workspace(self) -> None:
        """Build what is not built yet of the pages, now (at the latest when someone
        starts unlocking: while the key derivation runs in its worker)."""
        if self._workspace_built:
            return
        if self._building is None:
            self._building = self._workspace_steps()
        for _ in self._building:
            pass

    def _warm_up(self) -> None:
        """Once the unlock screen has painted: import what unlocking needs and build
        the pages, one step per turn of the event loop, while the person types their
        passphrase. The screen stays responsive (a step is one page, ≤ ~50 ms), and
        unlocking then only waits for the key derivation, not for ~0.5 s of importing
        and building the pages on top of it. Unlocking early builds the rest at once.
        The first step finishes the window itself (``finish_start``)."""
        if self._workspace_built or self._quitting or self.session is not None:
            return
        if self._building is None:
            self._building = self._workspace_steps()
        if next(self._building, None) is None and self._workspace_built:
            return
        QTimer.singleShot(0, self, self._warm_up)

    def _workspace_steps(self) -> Iterator[bool]:
        """The pages, built step by step (see ``_warm_up``); the launch only needs the
        unlock screen, and importing and building the rest cost ~0.5 s."""

        from twofold.ui import widgets as _widgets  # noqa: F401 (finish_start's, in turns)

        yield True
        from twofold.ui import ops as _ops  # noqa: F401

        yield True
        from twofold.ui import settings_dialog as _settings  # noqa: F401

        yield True
        self.finish_start()
        yield True
        from twofold.services.preload import unlock_imports

        for _ in unlock_imports():  # the session and what it needs, a module a turn
            yield True
        for name in _PAGE_MODULES:  # then the pages' modules, one a turn, then each page
            importlib.import_module(f"twofold.ui.{name}")
            yield True
        from twofold.ui.pages import PAGES

        self.workspace = self._build_workspace()
        # Into the window first, then each page into its place there: a widget moved
        # into a styled window is styled again with all its children, so each page is
        # moved once (not into its scroll area, then the area into the workspace, then
        # the workspace into the window: three times).
        self.stack.addWidget(self.workspace)
        # Every page is parented from the start; which ones the sidebar offers depends
        # on the session (no parentless widgets whose lifetime Python alone decides).
        self.page_widgets: dict[str, QWidget] = {}
        self.page_holders: dict[str, QScrollArea] = {}
        for spec in PAGES:
            yield True
            holder = _scrolling()
            self.pages.addWidget(holder)
            page = spec.factory()
            holder.setObjectName(f"{page.objectName() or type(page).__name__}Scroll")
            holder.setWidget(page)
            setattr(self, spec.key, page)  # self.journal, self.timeline, …
            self.page_widgets[spec.key] = page
            self.page_holders[spec.key] = holder
        self.journal.outbox_changed.connect(self._update_nav)
        self.timeline.verification.doubt.connect(self._ledger_doubt)
        from twofold.ui import ops

        ops.changes().left_out.connect(self._rows_left_out)
        self.journal.removed.connect(
            lambda: self._text_removed(self.tr("The entry was deleted for good."))
        )
        self.journal.open_shared.connect(self._show_shared)
        self.outbox.changed.connect(self._update_nav)
        self.outbox.shared.connect(self._after_share)
        self.timeline.changed.connect(self._after_retract)
        self.commitments.checked.connect(self._after_check)
        self.checkins.open_agreement.connect(lambda: self.go(AGREEMENT))
        for splitter, key in (
            (self.journal.splitter, "window/journalSplitter"),
            (self.outbox.splitter, "window/outboxSplitter"),
        ):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        yield True
        # The first widget Qt made itself that reaches Python (a scroll area's
        # viewport) has PySide look through every widget class once, creating their
        # enum types (26, ~15 ms): here, not at the unlock's first focus move
        # (``_focus_visible_page`` walks the focus chain).
        self.page_holders[JOURNAL].nextInFocusChain()
        self._workspace_built = True
        self._building = None

    def _build_workspace(self) -> QWidget:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QFrame,
            QHBoxLayout,
            QListWidget,
            QPushButton,
            QSizePolicy,
            QVBoxLayout,
        )

        from twofold.ui.widgets import heading

        self.nav = named(QListWidget(), "nav", self.tr("Sections"))
        # The sidebar narrows with the window (150–220 px) and a long name never
        # widens it: the name wraps, and is whole in the tooltip.
        self.nav.setMinimumWidth(140)
        self.nav.setMaximumWidth(220)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.pages = QStackedWidget()
        # The pages never resize the window: a page's minimum (which grows for a
        # moment while a page fills, e.g. a long label before it wraps) made the window
        # jump wider between pages and modes. Every page fits this width (test_look).
        self.pages.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pages.setMinimumWidth(PAGE_MIN_WIDTH)
        self.page_keys: list[str] = []
        self.who = named(QLabel(), "whoLabel", self.tr("Who is unlocked"))
        self.who.setObjectName("heading3")
        self.who.setWordWrap(True)
        self.who.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        talk_button = named(
            QPushButton(self.tr("We need to talk…")),
            "talkButton",
            self.tr("We need to talk (Ctrl+T)"),
        )
        talk_button.setToolTip(
            self.tr("A boundary feels strained, or you'd like to talk about something (Ctrl+T)")
        )
        talk_button.clicked.connect(self.open_talk)
        safety_button = named(
            QPushButton(self.tr("Safety plan")), "safetyButton", self.tr("Safety plan (F1)")
        )
        safety_button.setToolTip(self.tr("The pause rule and what to do when it is too much (F1)"))
        safety_button.clicked.connect(self.open_safety_plan)
        settings_button = named(
            QPushButton(self.tr("Settings")), "settingsButton", self.tr("Settings (Ctrl+,)")
        )
        settings_button.clicked.connect(self.open_settings)
        lock_button = named(
            QPushButton(self.tr("Lock")), "lockButton", self.tr("Lock now (Ctrl+L)")
        )
        # not the name again: a screen reader says the tooltip after the name
        lock_button.setToolTip(
            self.tr("Lock now: nothing is shown until a passphrase is typed again (Ctrl+L)")
        )
        lock_button.clicked.connect(self.request_lock)
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setMinimumWidth(140)
        sidebar.setMaximumWidth(220)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(heading("Twofold", 2))
        side.addWidget(self.who)
        side.addSpacing(8)
        side.addWidget(self.nav, 1)
        side.addWidget(talk_button)
        side.addWidget(safety_button)
        side.addWidget(settings_button)
        side.addWidget(lock_button)
        self.missed_banner = QFrame()
        self.missed_banner.setObjectName("hintBanner")
        self.missed_text = named(QLabel(), "missedText", self.tr("Missed check-in"))
        self.missed_text.setWordWrap(True)
        check_in = named(
            QPushButton(self.tr("Check in now")), "checkInNow", self.tr("Check in now")
        )
        later = named(QPushButton(self.tr("Not now")), "notNow", self.tr("Hide this reminder"))
        check_in.clicked.connect(self._check_in_now)
        later.clicked.connect(self.missed_banner.hide)
        banner = QHBoxLayout(self.missed_banner)
        banner.addWidget(self.missed_text, 1)
        banner.addWidget(check_in)
        banner.addWidget(later)
        self.missed_banner.hide()
        # What changed about your own key slots since you last looked (issue 11).
        self.key_banner = QFrame()
        self.key_banner.setObjectName("hintBanner")
        self.key_text = named(QLabel(), "keyNoticeText", self.tr("Change to your keys"))
        self.key_text.setWordWrap(True)
        self.key_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change_now = named(
            QPushButton(self.tr("Change passphrase…")),
            "keyNoticeChange",
            self.tr("Change your passphrase now"),
        )
        change_now.clicked.connect(self._change_keys_now)
        understood = named(
            QPushButton(self.tr("It was me")),
            "keyNoticeDismiss",
            self.tr("Dismiss: this change was mine"),
        )
        understood.clicked.connect(self._dismiss_key_notice)
        self.key_dismiss = understood
        key_row = QHBoxLayout(self.key_banner)
        key_row.addWidget(self.key_text, 1)
        key_row.addWidget(change_now)
        key_row.addWidget(understood)
        self.key_banner.hide()
        # The full verification found something: said above every page, since the
        # practice pages show the same ledger (the timeline hides the forged rows).
        self.ledger_banner = QFrame()
        self._doubt, self._left_out = "", False  # the checks' finding; rows left out
        self.ledger_banner.setObjectName("warningBanner")
        self.ledger_text = QLabel()
        self.ledger_text.setObjectName("ledgerDoubtText")
        self.ledger_text.setWordWrap(True)
        to_timeline = named(
            QPushButton(self.tr("Show on the timeline")),
            "ledgerDoubtShow",
            self.tr("Show what does not verify on the shared timeline"),
        )
        to_timeline.clicked.connect(lambda: self.go(TIMELINE))
        ledger_row = QHBoxLayout(self.ledger_banner)
        ledger_row.addWidget(self.ledger_text, 1)
        ledger_row.addWidget(to_timeline)
        self.ledger_banner.hide()
        # What the unlock found worth saying (an edited name in keyslots.json, the
        # backup folder changed by someone else): kept in view until dismissed, where
        # the status line would be overwritten by the next message within a second.
        self.unlock_banner = QFrame()
        self.unlock_banner.setObjectName("hintBanner")
        self.unlock_text = named(QLabel(), "unlockNoticeText", self.tr("Found at unlock"))
        self.unlock_text.setWordWrap(True)
        self.unlock_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        seen = named(
            QPushButton(self.tr("Dismiss")),
            "unlockNoticeDismiss",
            self.tr("Dismiss what was found at unlock"),
        )
        seen.clicked.connect(self.unlock_banner.hide)
        unlock_row = QHBoxLayout(self.unlock_banner)
        unlock_row.addWidget(self.unlock_text, 1)
        unlock_row.addWidget(seen)
        self.unlock_banner.hide()
        main = QVBoxLayout()
        main.addWidget(self.ledger_banner)
        main.addWidget(self.unlock_banner)
        main.addWidget(self.key_banner)
        main.addWidget(self.missed_banner)
        main.addWidget(self.pages, 1)
        workspace = QWidget()
        layout = QHBoxLayout(workspace)
        layout.addWidget(sidebar)
        layout.addLayout(main, 1)
        return workspace

    def _build_actions(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeySequence

        from twofold.ui.pages import PAGES, menu_position

        def action(
            text: str, keys: str | QKeySequence.StandardKey, slot: object, name: str
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.lock_action = action(self.tr("&Lock"), "Ctrl+L", self.request_lock, "lockAction")
        self.new_action = action(
            self.tr("&New entry"), QKeySequence.StandardKey.New, self._new_entry, "newAction"
        )
        self.find_action = action(
            self.tr("&Find"), QKeySequence.StandardKey.Find, self._find, "findAction"
        )
        self.save_action = action(
            self.tr("&Save"), QKeySequence.StandardKey.Save, self._save, "saveAction"
        )
        self.settings_action = action(
            self.tr("Se&ttings…"), "Ctrl+,", self.open_settings, "settingsAction"
        )
        self.quit_action = action(
            self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.quit_app, "quitAction"
        )
        self.reminders_action = action(
            self.tr("&Reminders…"), "Ctrl+Shift+R", self.open_reminders, "remindersAction"
        )
        self.report_action = action(
            self.tr("Report for a &therapist…"), "Ctrl+Shift+T", self.open_report, "reportAction"
        )
        self.export_journal_action = action(
            self.tr("&Export my journal…"), "Ctrl+Shift+E", self.open_journal_export, "exportAction"
        )
        self.leave_action = action(
            self.tr("Leave or &end…"), "Ctrl+Shift+Q", self.open_leave, "leaveAction"
        )
        self.import_action = action(
            self.tr("&Import into my journal…"), "Ctrl+Shift+I", self.open_import, "importAction"
        )
        self.go_actions = [
            action(
                QCoreApplication.translate("Pages", spec.action),
                spec.shortcut,
                lambda _=False, key=spec.key: self.go(key),
                spec.action_name,
            )
            for spec in sorted(PAGES, key=menu_position)
        ]
        # Always enabled: locked, it shows the copies partners chose to keep readable.
        self.safety_action = action(
            self.tr("Safety &plan"), "F1", self.open_safety_plan, "safetyAction"
        )
        self.go_actions.append(
            action(self.tr("We need to &talk…"), "Ctrl+T", self.open_talk, "talkAction")
        )
        file_menu, go_menu, help_menu = self._menus
        for act in (
            self.new_action,
            self.save_action,
            self.report_action,
            self.export_journal_action,
            self.import_action,
            self.leave_action,
            self.settings_action,
            self.reminders_action,
            self.lock_action,
            self.quit_action,
        ):
            file_menu.addAction(act)
        for act in (self.find_action, *self.go_actions, self.safety_action):
            go_menu.addAction(act)
        help_menu.addAction(self.tr("&About Twofold"), self._about)

    # --- start, unlock, lock ------------------------------------------------------

    def start(self) -> None:
        if vault_exists(self.folder):
            self.show_unlock()
        else:
            self.show_setup()

    @property
    def busy(self) -> BusyPage:
        if self._busy is None:
            self._busy = BusyPage()
            self.stack.addWidget(self._busy)
        return self._busy

    def show_busy(self, text: str) -> None:
        self.busy.text.setText(text)
        self.stack.setCurrentWidget(self.busy)

    def show_setup(self) -> None:
        from twofold.ui.setup_wizard import SetupWizard

        self.finish_start()  # no unlock screen to paint first: F1 works in the wizard too
        self.wizard = SetupWizard(self.folder)
        self.wizard.finished_with.connect(self._setup_done)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self._set_actions(unlocked=False)

    def _setup_done(self, folder: Path) -> None:
        self.folder = folder
        if self.wizard is not None:
            welcome = self.wizard.welcome
            keep = welcome.keep_in_tray.isChecked()
            self.settings.setValue("tray/keepRunning", "true" if keep else "false")
            if welcome.start_at_login.isChecked():
                from twofold.services import autostart

                try:
                    autostart.set_enabled(True)
                except OSError as exc:
                    self.status.setText(
                        self.tr("Start at login could not be set up: {exc}").format(exc=exc)
                    )
            # Keep the wizard parented and let Qt delete it later: dropping the last
            # Python reference to an unparented widget would delete it mid-signal.
            self.wizard.hide()
            self.wizard.deleteLater()
            self.wizard = None
        self.show_unlock()

    def show_unlock(self) -> None:
        self.unlock_page.show_vault(self.folder, self.hint)
        self.stack.setCurrentWidget(self.unlock_page)
        self._set_actions(unlocked=False)

    def _forgot(self, who: str) -> None:
        from PySide6.QtWidgets import QDialog

        from twofold.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.folder, who, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        session = dialog.session
        # Deleted by Qt, now: a used dialog left parented until Python's shutdown made
        # the quit crash ("shared QObject was deleted directly").
        dialog.deleteLater()
        if accepted and session is not None:
            self._unlocked(session)

    def _unlocked(self, session: Session) -> None:
        from twofold.services import priority
        from twofold.ui.pages import PAGES, PARTNER, SESSION, pages_for

        # Foreground first: the checks and the backup this unlock starts in the
        # background wait (``services.priority``) until the workspace has painted —
        # Python runs one thread at a time, and they took the interpreter from the
        # window's first paint. The timer fires once the paint's events are handled.
        priority.begin()
        QTimer.singleShot(0, priority.end)
        self._ensure_workspace()
        self.session = session
        self.who.setText(
            self.tr("Shared session · journals locked\nSigned as {name}").format(
                name=session.partner_label
            )
            if session.is_shared_session
            else self.tr("{partner_label} · private journal open").format(
                partner_label=session.partner_label
            )
        )
        self.who.setToolTip(
            self.tr("Everything added in this session is signed as {name}.").format(
                name=session.partner_label
            )
        )
        self.nav.blockSignals(True)
        self.nav.clear()
        self.page_keys = []
        mode = SESSION if session.is_shared_session else PARTNER
        for spec in pages_for(mode):
            self.page_keys.append(spec.key)
            self.nav.addItem(QCoreApplication.translate("Pages", spec.label))
        self.nav.blockSignals(False)
        for spec in PAGES:
            page = self.page_widgets[spec.key]
            page.attach(session if mode in spec.modes else None)  # type: ignore[attr-defined]
        self._show_key_notice(session)
        self._show_missed(session)
        self._celebrate(session)
        self._update_nav()
        self.nav.setCurrentRow(0)
        if self._pending_page:  # unlocked from a notification: its page
            self.go(self._pending_page)
            self._pending_page = ""
        self.stack.setCurrentWidget(self.workspace)
        self._set_actions(unlocked=True)
        self._focus_visible_page()
        self.idle.start()
        if session.warnings:
            from twofold.ui.messages import translated

            self.unlock_text.setText("\n\n".join(translated(w) for w in session.warnings))
            self.unlock_banner.show()
            announce(self.unlock_text, self.unlock_text.text())  # a banner is not read aloud
        self._daily_backup(session)

    def _show_key_notice(self, session: Session) -> None:
        notices = session.key_notices()
        taken = any(n.taken for n in notices)
        self.key_text.setText("\n\n".join(n.text for n in notices))
        # a taken-over signing key is not "It was me": it stays until it is resolved
        self.key_dismiss.setVisible(not taken)
        self.key_banner.setObjectName("warningBanner" if taken else "hintBanner")
        self.key_banner.style().unpolish(self.key_banner)
        self.key_banner.style().polish(self.key_banner)
        self.key_banner.setVisible(bool(notices))

    def _dismiss_key_notice(self) -> None:
        if self.session is not None:
            self.session.dismiss_key_notices()
            self._show_key_notice(self.session)  # a taken-over key stays
        else:
            self.key_banner.hide()

    def _change_keys_now(self) -> None:
        from PySide6.QtWidgets import QDialog

        if self.session is None or self.session.is_shared_session:
            return
        from twofold.ui.key_change import KeyChangeDialog

        dialog = KeyChangeDialog(self.session, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._dismiss_key_notice()

    def _text_removed(self, what: str) -> None:
        """Retracted or deleted text leaves the automatic backups too."""
        from twofold.ui.widgets import error_text
        from twofold.ui.worker import run_in_background

        if self.session is None:
            return
        self.status.setText(what)
        try:
            work = self.session.backup_replacer()
        except TwofoldError as exc:
            self.status.setText(f"{what} {error_text(exc)}")
            return
        run_in_background(
            work,
            lambda result: self.status.setText(
                self.tr(
                    "{what} The automatic backups were replaced too; copies you keep "
                    "elsewhere still hold the old text."
                ).format(what=what)
            ),
            lambda exc: self.status.setText(
                self.tr("{what} Replacing the automatic backups failed: {error}").format(
                    what=what, error=exc
                )
            ),
            owner=self.status,
        )

    def _show_missed(self, session: Session) -> None:
        from twofold.ui.checkins_page import missed_text

        self._missed = session.checkins.missed()
        self.missed_text.setText(missed_text(self._missed) if self._missed else "")
        self.missed_banner.setVisible(bool(self._missed))

    def _celebrate(self, session: Session) -> None:
        """Look for new milestones in the background (it reads years of check-offs)."""
        from twofold.ui import ops
        from twofold.ui.widgets import error_text
        from twofold.ui.worker import run_in_background

        def done(reached: list[str]) -> None:
            if reached and self.session is session:
                from twofold.ui.labels import milestone

                self.status.setText("★ " + " · ".join(milestone(text) for text in reached))
                ops.announce([ops.TIMELINE, ops.PRACTICE])  # the pages refresh themselves

        def failed(exc: BaseException) -> None:
            if self.session is session:
                self.status.setText(
                    self.tr("Milestones could not be checked: {error_text}").format(
                        error_text=error_text(exc)
                    )
                )

        run_in_background(
            session.detached(lambda s: s.wins.detect()), done, failed, owner=self, low_priority=True
        )

    def _check_in_now(self) -> None:
        self.missed_banner.hide()
        self.go(CHECKINS)
        if self._missed:
            self.checkins.choose(self._missed[0])

    def due_reminder(self, now: datetime | None = None) -> str | None:
        """The evening reminder, once a day, while the daily check-in is still open."""
        if self.session is None:
            return None
        if now is None:
            from datetime import datetime

            now = datetime.now()
        moment = now
        if moment.hour < REMINDER_FROM_HOUR or self._reminded_on == moment.date():
            return None
        from twofold.domain.checkins import CheckinKind

        if CheckinKind.DAILY not in self.session.checkins.due_today(moment.date()):
            return None
        self._reminded_on = moment.date()
        return self.tr(
            "Your daily check-in is waiting: one feeling, one need, one action for tomorrow."
        )

    def remind(self) -> None:
        """Check the reminder schedule now (the clock also does every 30 s)."""
        self.reminder_clock.tick()

    def _on_reminder(self, value: str) -> None:
        """A reminder came due: a tray notification (status bar where there is no
        tray) with its fixed text, locked or not. Unlocked, a daily check-in already
        done is not reminded."""
        from twofold.domain.reminders import ReminderKind

        kind = ReminderKind(value)
        if self.session is not None and kind == ReminderKind.DAILY_CHECKIN:
            from twofold.domain.checkins import CheckinKind

            try:
                if CheckinKind.DAILY not in self.session.checkins.due_today():
                    return
            except TwofoldError:
                pass  # remind anyway: a reminder too many beats one lost
        self.tray.notify(kind)
        self.notified.emit(kind.text)

    def open_from_notification(self, page: str) -> None:
        """A click on a notification or the tray: the window, the unlock screen if
        locked, then the reminder's page."""
        self.showNormal()
        if QGuiApplication.platformName() != "offscreen":  # (it cannot raise; it warns)
            self.raise_()
        self.activateWindow()
        if self.session is None:
            self._pending_page = page
        elif page:
            self.go(page)

    def _after_check(self, outcome: str) -> None:
        """After a hard-day check-off: a "touch base later" reminder in a few hours."""
        from twofold.domain.commitments import Outcome
        from twofold.domain.reminders import TOUCH_BASE_AFTER
        from twofold.ui.reminders import load_schedule, save_schedule

        if outcome == Outcome.KEPT_HARD_DAY:
            schedule = load_schedule(self.settings)
            later = self.reminder_clock.clock() + TOUCH_BASE_AFTER
            from dataclasses import replace

            save_schedule(self.settings, replace(schedule, touch_base_at=later))
            self.status.setText(
                self.tr("A hard day. Twofold will remind you to touch base in a few hours.")
            )

    def open_reminders(self) -> None:
        from twofold.ui.reminder_dialog import ReminderDialog

        dialog = ReminderDialog(self.settings, self)
        dialog.open()

    def quit_app(self) -> None:
        """Quit for real (closing the window only hides it while the tray is kept)."""
        self._quitting = True
        self.close()
        self.tray.hide()
        QApplication.quit()

    def _daily_backup(self, session: Session) -> None:
        from twofold.ui.messages import translated
        from twofold.ui.worker import run_in_background

        if session.shared_damage is not None:
            return  # keep the backups from before the damage; the warning stays shown
        from twofold.services.backups import rotate_daily

        vault_folder, target = session.folder, session.backup_folder()

        def failed(exc: BaseException) -> None:
            self.status.setText(
                self.tr("Today's automatic backup failed: {exc}").format(exc=translated(str(exc)))
            )
            self._tidy_search(session)

        run_in_background(
            lambda: rotate_daily(vault_folder, target),
            lambda result: self._backup_done(session, result),
            failed,
            owner=self,
            low_priority=True,
        )

    def _backup_done(self, session: Session, result: BackupResult) -> None:
        if result.made and self.session is session:
            self.status.setText(
                self.tr("Today's backup is in {parent}").format(parent=result.path.parent)
            )
        self._tidy_search(session)

    def _tidy_search(self, session: Session) -> None:
        """After today's backup (which keeps the files as this unlock found them):
        merge the search indexes' segments in short steps on a worker, so searching
        stays fast as the vault grows (``vault.search_index``). Nothing to tell."""
        from twofold.ui.worker import run_in_background

        if self.session is not session:
            return  # locked meanwhile
        if self._tidy_task is not None and not self._tidy_task.finished:
            self._tidy_again = True  # planned before the newest segments: once more after
            return
        work = session.search_tidier()
        if work is None:
            return
        self._tidy_again = False

        def done(_tidied: object) -> None:
            if self._tidy_again:
                self._tidy_again = False
                self._tidy_search(session)

        # Normal priority, unlike the other upkeep: each merge step holds the vault's
        # write lock, and a niced thread holding it while other programs keep the cores
        # busy is the person's save waiting on it (ten-year vault, two busy processes:
        # a step held the lock 72-82 ms (median) niced, 15-17 ms not; saves meanwhile
        # 19-22 → 6-8 ms). Steps are short and rest after each; ``priority`` still
        # makes them wait for the window's bursts. Its own pool: a long merge never
        # takes a thread the key derivation or an export needs.
        self._tidy_task = run_in_background(work, done, self._tidy_failed, owner=self, upkeep=True)

    def _let_the_tidy_stop(self) -> None:
        """Quitting, once the vault is locked: the merge stops after its current step
        (``stop``), the full check at its next pause point (``priority.Stopped``, its
        copy zeroed and removed); wait for them, briefly. A worker still in SQLite
        while Python shut down crashed the quit (the soak test's exit -11)."""
        import time

        from PySide6.QtCore import QThread

        deadline = time.monotonic() + 5
        timeline: TimelinePage | None = getattr(self, "timeline", None)  # built yet?
        for task in (self._tidy_task, timeline.full_task if timeline is not None else None):
            while task is not None and not task.finished and time.monotonic() < deadline:
                QThread.msleep(10)

    def _tidy_failed(self, exc: BaseException) -> None:
        from twofold.ui.messages import translated

        if self.session is not None:
            self.status.setText(
                self.tr("Tidying the search index failed: {exc}").format(exc=translated(str(exc)))
            )

    def request_lock(self) -> None:
        """Lock asked for by the person (button, Ctrl+L): if the entry cannot be saved
        (the disk is full), say so and let them choose; the idle lock does not ask."""
        from twofold.ui import ops
        from twofold.ui.widgets import confirm

        if self.session is None:
            return
        if not self.journal.commit(tell=False):
            failure = self.journal.editor.failure
            reason = ops.short_reason(failure) if failure is not None else ""
            if not confirm(
                self,
                self.tr("Lock without saving?"),
                self.tr(
                    "Your latest words could not be saved ({reason}). If you lock now, "
                    "they are lost. Lock anyway?"
                ).format(reason=reason),
            ):
                return
        self.lock()

    def lock(self) -> None:
        """Save, then hide and forget everything; only the unlock screen remains."""
        session = self._release()
        if session is not None:
            session.lock()
            self.show_unlock()
            self.locked.emit()

    def _release(self) -> Session | None:
        """Everything locking does except closing the session, which is returned."""
        from PySide6.QtWidgets import QDialog

        from twofold.ui.widgets import PRIVATE_HINT

        if self.session is None:
            return None
        self.journal.commit(tell=False)
        self.outbox.save_current()
        # Dialogs show private text too (history, the share preview, settings): close
        # them first; a dialog waiting for an answer gets "Cancel".
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        session, self.session = self.session, None
        for page in self.page_widgets.values():
            page.attach(None)  # type: ignore[attr-defined]
        self.missed_banner.hide()
        self.key_banner.hide()
        self.key_text.clear()
        self.unlock_banner.hide()
        self.unlock_text.clear()
        self.ledger_banner.hide()
        self.ledger_text.clear()
        self._doubt, self._left_out = "", False
        self.who.clear()
        self.status.clear()
        clipboard = QGuiApplication.clipboard()
        copied = clipboard.mimeData()
        if clipboard.ownsClipboard() or (copied is not None and copied.hasFormat(PRIVATE_HINT)):
            clipboard.clear()  # what was copied from a journal does not outlive the lock
        self.clipboard_guard.clear_now()  # the X11 selection too
        self.idle.stop()
        return session

    def open_leave(self) -> QDialog | None:

        if self.session is None or not self._own_journal_only():
            return None
        from twofold.ui.ending_dialog import LeaveDialog

        dialog = LeaveDialog(self.session, self)
        dialog.chosen.connect(self.end_with)
        dialog.open()
        return dialog

    def end_with(self, work: Callable[[Session], str]) -> None:
        """A final action (deleting the journal, leaving): the window lets go of the
        session first, the work ends it on a worker, then the unlock screen returns
        with what happened (a new recovery code is shown once, in a dialog)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from twofold.ui.widgets import error_text
        from twofold.ui.worker import run_in_background

        session = self._release()
        if session is None:
            return
        self.show_busy(self.tr("Finishing… this takes a few seconds."))

        def done(message: str) -> None:
            session.lock()
            self.show_unlock()
            self.locked.emit()
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Done"), message, parent=self)
            box.setObjectName("endingDone")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.open()
            self.ending_message = message

        def failed(exc: BaseException) -> None:
            session.lock()
            self.show_unlock()
            self.locked.emit()
            self.ending_message = error_text(exc)
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Not done"), self.ending_message, parent=self
            )
            box.setObjectName("endingFailed")
            box.open()

        run_in_background(lambda: work(session), done, failed, owner=self)

    def _set_actions(self, *, unlocked: bool) -> None:
        """What can be done now is enabled; a page the mode does not offer is not in
        the Go menu (its shortcut did nothing while it looked available)."""
        if not self._started:
            return  # no actions yet: finish_start sets them once it made them
        from twofold.ui.pages import PAGES, menu_position

        shared = unlocked and self.session is not None and self.session.is_shared_session
        for act in (self.lock_action, self.find_action):
            act.setEnabled(unlocked)
        for act in (self.new_action, self.save_action):
            act.setEnabled(unlocked and not shared)
        offered = set(self.page_keys) if unlocked else set()
        for spec, act in zip(sorted(PAGES, key=menu_position), self.go_actions, strict=False):
            act.setEnabled(spec.key in offered)
            act.setVisible(not unlocked or spec.key in offered)
        # F1: the safety plan is reachable everywhere, in the wizard and locked too.
        self.safety_action.setEnabled(True)

    def _focus_visible_page(self) -> None:
        """Keyboard focus on the first control of the page on screen, never on a
        control of a hidden page (after unlocking it stayed where the lock left it)."""
        from PySide6.QtCore import Qt

        page = self.pages.currentWidget()
        if page is None:
            return
        widget = page.nextInFocusChain()
        for _ in range(500):
            if widget is None or widget is page:
                break
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- navigation ---------------------------------------------------------------

    def go(self, key: str) -> None:
        if key in self.page_keys:
            self.nav.setCurrentRow(self.page_keys.index(key))

    def page_shown(self) -> QWidget | None:
        """The page on screen (inside the scroll area that holds it)."""
        from PySide6.QtWidgets import QScrollArea

        holder = self.pages.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def current_page(self) -> str:
        row = self.nav.currentRow()
        return self.page_keys[row] if 0 <= row < len(self.page_keys) else ""

    def _nav_changed(self, row: int) -> None:
        if not 0 <= row < len(self.page_keys):
            return
        leaving = self.current_page()
        if leaving != JOURNAL:
            self.journal.commit()
        self.outbox.save_current()
        key = self.page_keys[row]
        self.pages.setCurrentWidget(self.page_holders[key])
        if key == OUTBOX:
            self.outbox.reload()
        self._show_ledger_doubt()

    def _ledger_doubt(self, text: str) -> None:
        """The verification's finding ("" once it verifies)."""
        self._doubt = text
        self._say_doubt()

    def _rows_left_out(self) -> None:
        """Said at once, and kept while the checks find nothing yet (the quick check
        reads the chain, not these rows); the full check's finding names them."""
        if self.session is not None:
            self._left_out = True
            self._say_doubt()

    def _say_doubt(self) -> None:
        left_out = self.tr(
            "Some of what the shared ledger holds was changed outside Twofold and "
            "cannot be read, so it is left out of this page. The full check is "
            "running and will name it."
        )
        self.ledger_text.setText(self._doubt or (left_out if self._left_out else ""))
        self._show_ledger_doubt()

    def _show_ledger_doubt(self) -> None:
        # the timeline says it itself, next to the rows it hides
        self.ledger_banner.setVisible(
            bool(self.ledger_text.text()) and self.current_page() != TIMELINE
        )

    def _update_nav(self) -> None:
        if self.session is None or self.session.sharing is None or OUTBOX not in self.page_keys:
            return
        waiting = len(self.session.sharing.outbox())
        item = self.nav.item(self.page_keys.index(OUTBOX))
        item.setText(
            self.tr("Outbox ({waiting})").format(waiting=waiting) if waiting else self.tr("Outbox")
        )

    def _new_entry(self) -> None:
        self.go(JOURNAL)
        self.journal.new_entry()

    def _find(self) -> None:
        if self.current_page() == TIMELINE or JOURNAL not in self.page_keys:
            self.go(TIMELINE)
            self.timeline.search.setFocus()
        else:
            self.go(JOURNAL)
            self.journal.search.setFocus()

    def _save(self) -> None:
        if self.current_page() == JOURNAL:
            self.journal.commit()
        self.outbox.save_current()

    def _show_shared(self, event_id: str) -> None:
        self.go(TIMELINE)
        self.timeline.show_event(event_id)

    def _after_share(self, count: int) -> None:
        self.timeline.recheck()
        self._update_nav()
        self.go(TIMELINE)
        partner = (
            self.session.sharing.partner_label if self.session and self.session.sharing else ""
        )
        self.status.setText(
            self.tr(
                "Shared %n with {partner}. It is on your shared timeline now.", None, count
            ).format(partner=partner)
        )

    def _after_retract(self) -> None:
        self._text_removed(self.tr("Retracted. The words are gone; a signed note remains."))

    def _app_state(self, state: Qt.ApplicationState) -> None:
        from PySide6.QtCore import Qt

        if state != Qt.ApplicationState.ApplicationActive and self.session is not None:
            self.journal.commit(tell=False)  # autosave on focus loss; the editor says if it failed
            self.outbox.save_current()

    # --- dialogs ----------------------------------------------------------------

    def open_safety_plan(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog

        from twofold.ui.safety_dialog import LockedSafetyPlanDialog, SafetyPlanDialog

        if self.session is None:  # locked, or still setting up: no passphrase needed
            locked = LockedSafetyPlanDialog(
                self.folder if vault_exists(self.folder) else None, self
            )
            locked.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            locked.open()
            return
        dialog = SafetyPlanDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("The safety plan was saved to the shared ledger."))

    def open_report(self) -> QDialog | None:
        from twofold.ui import ops

        if self.session is None:
            return None
        from twofold.ui.export_dialogs import ReportDialog

        dialog = ReportDialog(self.session, self)
        dialog.exported.connect(lambda _: ops.announce([ops.TIMELINE]))
        dialog.finished.connect(dialog.delete_when_idle)
        dialog.open()
        return dialog

    def _own_journal_only(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        if self.session is None:
            return False
        if self.session.journal is None:
            QMessageBox.information(
                self,
                self.tr("Your journal is locked"),
                self.tr(
                    "This is a shared session: your private journal stays locked. Unlock "
                    "with your own passphrase to export or import your journal."
                ),
            )
            return False
        return True

    def open_journal_export(self) -> QDialog | None:

        if self.session is None or not self._own_journal_only():
            return None
        from twofold.ui.export_dialogs import JournalExportDialog

        dialog = JournalExportDialog(self.session, self)
        dialog.open()
        return dialog

    def open_import(self) -> QDialog | None:

        if self.session is None or not self._own_journal_only():
            return None
        from twofold.ui.export_dialogs import ImportDialog

        dialog = ImportDialog(self.session, self)
        dialog.imported.connect(lambda _: self.journal.attach(self.session))
        # an import leaves the index unmerged (vault.search_index): merge it now, in
        # the background, rather than at the next unlock
        session = self.session
        dialog.imported.connect(lambda _: self._tidy_search(session))
        dialog.open()
        return dialog

    def open_talk(self) -> None:
        """Two clicks: this one opens the dialog (a strained boundary is preselected),
        Send is the second."""
        if self.session is None:
            return
        from twofold.ui.talk_dialog import TalkDialog

        dialog = TalkDialog(self.session, self)
        dialog.exec()
        if dialog.sent:  # announced: the timeline and the session page refresh themselves
            self.agenda.attach(self.session)
            self.status.setText(self.tr("Signed and added to the shared ledger."))

    def open_settings(self) -> SettingsDialog:
        from PySide6.QtCore import Qt

        from twofold.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.session, self.folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.theme_changed.connect(self._apply_theme)
        dialog.idle_changed.connect(self.idle.set_minutes)
        dialog.open()
        return dialog

    def _apply_theme(self, choice: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, choice)
        self.update()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About Twofold"),
            self.tr(
                "<b>Twofold {version}</b><p>A private journal for each of you and a shared "
                "ledger you build together. Everything stays on this computer, encrypted.</p>"
            ).format(version=__version__),
        )

    # --- closing ------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        from twofold.ui.reminders import keep_in_tray

        if not self._quitting and self.tray.available and keep_in_tray(self.settings):
            # Stay in the tray, locked, to remind; "Quit" in the tray menu ends the app.
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.lock()
            self.hide()
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self._workspace_built:
            self.settings.setValue("window/journalSplitter", self.journal.splitter.saveState())
            self.settings.setValue("window/outboxSplitter", self.outbox.splitter.saveState())
        self.settings.setValue(THEME_KEY, self.settings.value(THEME_KEY, "system"))
        self.lock()
        self.idle.stop()
        self._let_the_tidy_stop()
        super().closeEvent(event)
