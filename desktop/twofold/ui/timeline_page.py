"""The shared timeline: newest first, grouped by day or week, filterable, searchable,
with authorship and the ledger's verification state always in view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.consent import WITHDRAWABLE
from twofold.domain.errors import TwofoldError
from twofold.domain.ledger import EventKind, TimelineItem, VerifyReport
from twofold.domain.search import Source
from twofold.services.session import Session
from twofold.ui import ops
from twofold.ui.delegates import SearchDelegate, TimelineDelegate
from twofold.ui.journal_page import SEARCH_SHOWN
from twofold.ui.labels import unsearched_lines, verify_lines, verify_text
from twofold.ui.messages import translated
from twofold.ui.models import KIND_FILTERS, SearchModel, TimelineModel
from twofold.ui.widgets import announce, buddy, confirm, error_text, heading, named, note
from twofold.ui.worker import Task, run_in_background


def timeline_view(
    model: TimelineModel, object_name: str, accessible: str
) -> tuple[QListView, TimelineDelegate]:
    view = named(QListView(), object_name, accessible)
    view.setModel(model)
    delegate = TimelineDelegate(view)
    view.setItemDelegate(delegate)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    return view, delegate


class VerificationBar(QWidget):
    """A quiet check mark when the ledger verifies; a loud banner when it does not.
    ``doubt`` carries the banner's text ("" once it verifies) to the window, which
    shows it above every other page too: the practice pages read the same ledger."""

    doubt = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.ok_label = named(QLabel(), "verifiedLabel", self.tr("Ledger verification"))
        self.ok_label.setObjectName("sharedBadge")
        # "✓ Verified · 41,923 events, all signed and chained · checking everything in
        # the background…" is wider than the page at 1024 px: it wraps beside the title
        self.ok_label.setWordWrap(True)
        self.ok_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.banner = QFrame()
        self.banner.setObjectName("warningBanner")
        self.banner_text = named(QLabel(), "verifyWarning", self.tr("Ledger verification warning"))
        self.banner_text.setWordWrap(True)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text)
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)

    def show_failure(self, exc: BaseException) -> None:
        self.ok_label.setText("")
        self.banner_text.setText(
            self.tr("⚠ The shared ledger could not be verified: {reason}").format(
                reason=error_text(exc)
            )
        )
        self.banner.show()
        self.doubt.emit(self.banner_text.text())

    def show_report(self, report: VerifyReport, *, quick: bool = False) -> None:
        if report.ok:
            chain = next((d for n, _, d in report.checks if n.startswith("ledger chain")), "")
            more = self.tr(" · checking everything in the background…") if quick else ""
            self.ok_label.setText(
                self.tr("✓ Verified · {chain}{more}").format(chain=verify_text(chain), more=more)
            )
            self.ok_label.setToolTip("\n".join(verify_lines(list(report.checks))))
            self.banner.hide()
            self.doubt.emit("")
        else:
            failed = [
                f"{verify_text(name)}: {translated(detail)}"
                for name, ok, detail in report.checks
                if not ok
            ]
            self.ok_label.setText("")
            self.banner_text.setText(
                self.tr(
                    "⚠ The shared ledger does not verify. Someone or something changed it "
                    "outside Twofold. {failed}"
                ).format(failed=failed[0])
            )
            self.banner.show()
            self.doubt.emit(self.banner_text.text())


class TimelinePage(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        # The list is read when the page is first shown after unlock (or when what it
        # shows changed while hidden), not at unlock: unlocking opens another page,
        # and reading and laying out 200 rows nobody sees cost ~0.1 s there. The
        # verification starts at unlock all the same (its ✓ is ready when you look).
        self._stale = False
        # A check of this session found something (then only a full check may clear
        # it, never a quick one); the full check of this session is running.
        self._doubted = False
        self._full_running = False
        self.full_task: Task | None = None  # the last full check (it stops once locked)
        ops.changes().changed.connect(self._announced)
        self.model = TimelineModel()
        self.search_model = SearchModel()
        self.verification = VerificationBar()
        self.kind_filter = named(QComboBox(), "kindFilter", self.tr("Show which kinds"))
        for label, _ in KIND_FILTERS:
            self.kind_filter.addItem(self.tr(label))
        self.author_filter = named(QComboBox(), "authorFilter", self.tr("Show whose items"))
        self.grouping = named(QComboBox(), "grouping", self.tr("Group by"))
        self.grouping.addItem(self.tr("By day"), "day")
        self.grouping.addItem(self.tr("By week"), "week")
        self.search = named(QLineEdit(), "timelineSearch", self.tr("Search the shared ledger"))
        self.search.setPlaceholderText(self.tr("Search shared items"))
        self.search.setClearButtonEnabled(True)
        self.view, self.delegate = timeline_view(
            self.model, "timelineList", self.tr("Shared timeline, newest first")
        )
        self.results = named(QListView(), "timelineResults", self.tr("Shared search results"))
        self.results.setModel(self.search_model)
        self.results.setItemDelegate(SearchDelegate(self.results))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.results)
        self.retract = named(
            QPushButton(self.tr("Retract…")),
            "retractButton",
            self.tr("Retract the selected item you shared"),
        )
        self.retract.setEnabled(False)
        self.retract.clicked.connect(self._retract)
        self.count = note("")

        filters = QHBoxLayout()
        for combo in (self.kind_filter, self.author_filter, self.grouping):
            # on Linux a combo's own name is its value ("By day"); what it is reaches a
            # screen reader through its label (the choices speak for themselves on screen)
            filters.addWidget(buddy(combo, combo.accessibleName(), shown=False))
            filters.addWidget(combo)
        filters.addWidget(self.search, 1)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Shared timeline"), 2))
        top.addWidget(self.verification.ok_label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.retract)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.verification)
        layout.addLayout(filters)
        from twofold.ui.look_back import OnThisDayBanner

        self.look_back = OnThisDayBanner()
        self.look_back.chosen.connect(self.show_event)
        layout.addWidget(self.look_back)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda: self._search_timer.start())
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.author_filter.currentIndexChanged.connect(self.reload)
        self.grouping.currentIndexChanged.connect(
            lambda: self.model.set_grouping(str(self.grouping.currentData()))
        )
        self.view.selectionModel().currentChanged.connect(self._selection_changed)

    def attach(self, session: Session | None) -> None:
        self.session = session
        self._doubted, self._full_running = False, False
        self.search.clear()
        self.stack.setCurrentIndex(0)
        self.author_filter.blockSignals(True)
        self.author_filter.clear()
        self.author_filter.addItem(self.tr("Both of us"), "")
        if session is None:
            self.author_filter.blockSignals(False)
            self.model.clear()
            self.search_model.set_hits([])
            self.count.clear()
            self.verification.ok_label.clear()
            self.look_back.show_found([])
            return
        for partner_id, label in session.partner_labels.items():
            self.author_filter.addItem(label, partner_id)
        self.author_filter.blockSignals(False)
        self.model.own_id = session.partner_id
        self.delegate.own_id = session.partner_id
        self.model.set_suspects(set())
        self.model.clear()
        self.count.clear()
        self.look_back.show_found([])
        self._stale = True
        if self.isVisible():
            self._load()
        self.verify(quick_first=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def ensure_loaded(self) -> None:
        """Read the list now if it waits for the page to be shown."""
        if self._stale:
            self._load()

    def _load(self) -> None:
        session = self.session
        self.reload()
        if session is None:
            return
        try:
            self.look_back.show_found(list(session.timeline.on_this_day()))  # type: ignore[arg-type]
        except TwofoldError:
            self.look_back.show_found([])

    def verify(self, *, quick_first: bool = False) -> None:
        """Check in the background; the check mark (or the warning) appears when done.

        ``quick_first`` (at unlock): first the quick check from the head you last saw
        (the genesis, your pinned partners, the new events), whose ✓ shows within a
        moment, then the full one: every event, every shown row, every remembered
        head. A row the full check finds forged is hidden, the banner names it."""
        session = self.session
        if session is None:
            return
        self.verification.ok_label.setText(self.tr("Verifying the ledger…"))

        def full_done(report: VerifyReport) -> None:
            if self.session is session:  # not locked or switched meanwhile
                self._full_running, self._doubted = False, not report.ok
                self.model.set_suspects(report.suspects)
                self.verification.show_report(report)

        def failed(exc: BaseException) -> None:
            if self.session is session:
                self._full_running = False
                self.verification.show_failure(exc)

        def full() -> None:
            # owner: a window closed before the (niced, so slower) full check ends
            # drops its result instead of writing to deleted labels
            self._full_running = True
            self.full_task = run_in_background(
                session.detached_verify(), full_done, failed, owner=self, low_priority=True
            )

        def quick_done(report: VerifyReport) -> None:
            if self.session is not session:
                return
            self._doubted = not report.ok
            self.model.set_suspects(report.suspects)
            if report.ok:
                self.verification.show_report(report, quick=True)
                full()
            else:
                self.verification.show_report(report)

        if quick_first and session.previous_seen is not None:
            run_in_background(session.detached_verify_quick(), quick_done, failed, owner=self)
        else:
            full()

    def recheck(self) -> None:
        """After a change of your own (a share, a retraction, a withdrawal): the quick
        check of the events since the head you last saw, yours included. The full
        check runs once per unlock (minutes on a vault years old); it runs again only
        when it found something, which a quick ✓ must never hide."""
        session = self.session
        if session is None:
            return
        if self._doubted or session.previous_seen is None:
            self.verify()
            return
        self.verification.ok_label.setText(self.tr("Verifying the ledger…"))

        def quick_done(report: VerifyReport) -> None:
            if self.session is not session or self._doubted:
                return  # a finding of the full check meanwhile stays in view
            if report.ok:
                self.verification.show_report(report, quick=self._full_running)
            else:
                self._doubted = True
                self.model.set_suspects(report.suspects | self.model.suspects)
                self.verification.show_report(report)

        def failed(exc: BaseException) -> None:
            if self.session is session:
                self.verification.show_failure(exc)

        run_in_background(session.detached_verify_quick(), quick_done, failed, owner=self)

    def _announced(self, kinds: frozenset[str]) -> None:
        """Anything signed into the ledger (a share, a practice, a request…) shows here
        at once: the page refreshes itself, nobody refreshes it by hand."""
        if self.session is not None and ops.TIMELINE in kinds:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True  # read when shown

    def reload(self) -> None:
        session = self.session
        if session is None:
            return
        self._stale = False
        kinds = KIND_FILTERS[max(self.kind_filter.currentIndex(), 0)][1]
        author = str(self.author_filter.currentData() or "") or None
        self.model.load(
            lambda o, n, last: session.timeline.page(o, n, kinds, author, after=last),
            lambda: session.timeline.count(kinds, author),
        )
        self.count.setText(self.tr("%n items", None, self.model.total))
        self._selection_changed(QModelIndex(), QModelIndex())

    def show_event(self, event_id: str) -> None:
        """Scroll to one event, fetching pages until it is loaded."""
        self.ensure_loaded()
        self.kind_filter.setCurrentIndex(self.kind_filter.findText(self.tr("Everything")))
        self.author_filter.setCurrentIndex(0)
        self.search.clear()
        while True:
            for row in range(self.model.rowCount()):
                if self.model.item(row).event_id == event_id:
                    index = self.model.index(row)
                    self.view.setCurrentIndex(index)
                    self.view.scrollTo(index, QListView.ScrollHint.PositionAtCenter)
                    return
            if not self.model.canFetchMore():
                return
            self.model.fetchMore()

    def _selected(self) -> TimelineItem | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _selection_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        item = self._selected()
        own = (
            item is not None
            and self.session is not None
            and item.author_id == self.session.partner_id
            and (item.kind == EventKind.REFLECTION_SHARED or item.kind in WITHDRAWABLE)
            and not item.retracted
        )
        self.retract.setEnabled(own)
        withdraw = own and item is not None and item.kind != EventKind.REFLECTION_SHARED
        self.retract.setText(self.tr("Withdraw…") if withdraw else self.tr("Retract…"))

    def _retract(self) -> None:
        item = self._selected()
        if item is None or self.session is None:
            return
        if item.kind != EventKind.REFLECTION_SHARED:
            self._withdraw(item)
            return
        if not confirm(
            self,
            self.tr("Retract this shared reflection?"),
            self.tr(
                "Its words are removed from the shared ledger for both of you. A signed note "
                "that you retracted it stays on the timeline, so the history stays honest."
            ),
        ):
            return
        timeline = self.session.timeline
        outcome = ops.run_op(
            self,
            self.tr("Not retracted"),
            lambda: timeline.retract(item.event_id),
            action="timeline.retract",
            changed=[ops.TIMELINE, ops.JOURNAL],
        )
        if outcome is None or not outcome.ok:
            return
        self.reload()
        self.recheck()
        self.changed.emit()

    def _withdraw(self, item: TimelineItem) -> None:
        """Something else you wrote (a check-in, a setback note, a session note…)."""
        assert self.session is not None
        if not confirm(
            self,
            self.tr("Withdraw what you wrote?"),
            self.tr(
                "Its words are removed from the shared ledger for both of you. A signed "
                "note that you withdrew it stays on the timeline."
            ),
        ):
            return
        timeline = self.session.timeline
        outcome = ops.run_op(
            self,
            self.tr("Not withdrawn"),
            lambda: timeline.withdraw(item.event_id),
            action="timeline.withdraw",
            changed=[ops.TIMELINE],
        )
        if outcome is None or not outcome.ok:
            return
        self.reload()
        self.recheck()
        self.changed.emit()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text or self.session is None:
            self.stack.setCurrentIndex(0)
            return
        session = self.session
        shown = SEARCH_SHOWN
        outcome = ops.run_op(
            self,
            self.tr("Search failed"),
            lambda: session.search(text, limit=shown, shared_only=True),
            action="timeline.search",
        )
        if outcome is None or outcome.value is None:
            return
        found = outcome.value
        hits = [h for h in found if h.source == Source.SHARED]
        self.search_model.set_hits(hits)
        self.stack.setCurrentIndex(1)
        if len(hits) >= shown:  # a screenful of the newest: never "200 matches"
            count = self.tr(
                "The newest %n shared matches; add a word to narrow the search", None, shown
            )
        else:
            count = self.tr("%n shared matches", None, len(hits))
        if found.unsearched:
            count = "\n".join(unsearched_lines(found.unsearched))
            announce(self.count, count)
        self.count.setText(count)


class AgendaPage(QWidget):
    """Session mode: what was shared since the couple's last session."""

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.model = TimelineModel()
        self.view, self.delegate = timeline_view(
            self.model, "agendaList", self.tr("Shared since your last session")
        )
        self.empty = note(self.tr("Nothing new since your last session."))
        self.held = named(
            QPushButton(self.tr("End session and mark these as discussed")),
            "primary",
            self.tr("End the session"),
        )
        self.held.clicked.connect(self._held)
        self.banner = QFrame()
        self.banner.setObjectName("hintBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(
            named(
                QLabel(
                    self.tr(
                        "Shared session: only the shared ledger is open. Both private journals are locked "
                        "and cannot be reached from here."
                    )
                ),
                "sessionBanner",
                self.tr("Session mode notice"),
            )
        )
        self.requests = QLabel()  # requests to talk lead the agenda (issue 12)
        self.requests.setObjectName("agendaRequests")
        self.requests.setWordWrap(True)
        self.requests_heading = heading(self.tr("First: requests to talk"), 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(heading(self.tr("Agenda"), 2))
        layout.addWidget(self.requests_heading)
        layout.addWidget(self.requests)
        layout.addWidget(note(self.tr("Shared since your last session, oldest first.")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.held, 0, Qt.AlignmentFlag.AlignRight)

    def attach(self, session: Session | None) -> None:
        self.session = session
        if session is None:
            self.model.clear()
            return
        self.delegate.own_id = session.partner_id
        from twofold.ui.talk_dialog import requests_html

        requests = requests_html(session)
        self.requests.setText(requests)
        self.requests.setVisible(bool(requests))
        self.requests_heading.setVisible(bool(requests))
        items = session.timeline.agenda()
        self.model.load(lambda o, n, _last: items[o : o + n], lambda: len(items))
        self.empty.setVisible(not items)

    def _held(self) -> None:
        if self.session is None:
            return
        session = self.session
        ops.run_op(
            self,
            self.tr("Not marked as held"),
            session.timeline.mark_session_held,
            action="agenda.held",
            on_success=lambda _: self.attach(session),
            changed=[ops.TIMELINE],
        )
