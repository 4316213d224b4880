""" "Our progress" (the shared ledger's long arc) and "My patterns" (your own journal):
charts with their numbers beside them, over 3 months, a year, or everything."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QTimer
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.errors import TwofoldError
from twofold.domain.progress import ChartRange, ChartSet
from twofold.services import priority
from twofold.services.progress import PRIVATE_CHARTS, SHARED_CHARTS
from twofold.ui import theme
from twofold.ui.charts import ChartPanel
from twofold.ui.labels import label
from twofold.ui.widgets import LazyPage, error_label, error_text, heading, named, note

_THEME_EVENTS = (
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.StyleChange,
)


class ChartsPage(LazyPage):
    """A heading, a range choice, and one ``ChartPanel`` per chart, scrolled."""

    KEYS: tuple[str, ...] = ()
    PREFIX = "charts"

    def __init__(self, title: str, about: str) -> None:
        super().__init__()
        self.data: ChartSet | None = None
        self._redraw_due = False
        self._burst = False
        self.range = ChartRange.THREE_MONTHS
        self.ranges = QButtonGroup(self)
        choice = QHBoxLayout()
        shown = QLabel(self.tr("Show"))
        choice.addWidget(shown)
        for value in ChartRange:
            button = named(
                QRadioButton(label(value)),
                f"{self.PREFIX}Range{value.name.title().replace('_', '')}",
                self.tr("Show {range}").format(range=label(value)),
            )
            button.setChecked(value == self.range)
            button.toggled.connect(
                lambda on, value=value: self._range_chosen(value) if on else None
            )
            self.ranges.addButton(button)
            choice.addWidget(button)
        choice.addStretch(1)
        self.message = error_label(f"{self.PREFIX}Message", self.tr("Problem"))
        self.message.hide()
        self.panels: dict[str, ChartPanel] = {}
        inner = QWidget()
        inner.setObjectName(f"{self.PREFIX}Panels")
        column = QVBoxLayout(inner)
        for key in self.KEYS:
            panel = ChartPanel(key, f"{self.PREFIX}_{key}")
            self.panels[key] = panel
            column.addWidget(panel)
        column.addStretch(1)
        self.scroller = named(QScrollArea(), f"{self.PREFIX}Scroll", title)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(inner)
        self.scroller.verticalScrollBar().valueChanged.connect(lambda _: self.draw_visible())
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addWidget(note(about))
        layout.addLayout(choice)
        layout.addWidget(self.message)
        layout.addWidget(self.scroller, 1)

    def _range_chosen(self, value: ChartRange) -> None:
        if value != self.range:
            self.range = value
            self.reload()

    def compute(self) -> ChartSet:
        raise NotImplementedError

    def reload(self) -> None:
        super().reload()
        self.message.hide()
        self._foreground()
        if self.session is None:
            self.data = None
            for panel in self.panels.values():
                panel.model.set_chart(None)
                panel.pending = None  # nothing of the locked vault is kept to draw later
                panel.chart.removeAllSeries()
            return
        try:
            self.data = self.compute()
        except TwofoldError as exc:
            self.data = None
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.redraw()

    def _foreground(self) -> None:
        """The person waits for this page: background checks of the same process pause
        until it is built and painted (``services.priority``), at most a second."""
        if self._burst or self.session is None:
            return
        self._burst = True
        priority.begin()
        QTimer.singleShot(1000, self, self._burst_over)  # in case no paint comes

    def _burst_over(self) -> None:
        if self._burst:
            self._burst = False
            priority.end()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._burst:  # after this whole paint pass (children paint after the page)
            QTimer.singleShot(0, self, self._burst_over)

    def redraw(self) -> None:
        """Every table and summary now; the charts in view now, the others as they are
        scrolled into view (``draw_visible``)."""
        if self.data is None:
            return
        colours = theme.current()
        for key, panel in self.panels.items():
            panel.show_chart(self.data.chart(key), colours, draw=key != "milestones", later=True)
        self._settle_layout()
        self.draw_visible()

    def draw_visible(self) -> None:
        """Draw the charts that are (even partly) in the scrolled view and not drawn
        yet; all of them while the page has no size yet."""
        viewport = self.scroller.viewport()
        height = viewport.height() if self.isVisible() else 0
        drew = False
        for panel in self.panels.values():
            if panel.pending is None:
                continue
            top = panel.mapTo(viewport, QPoint(0, 0)).y()
            if height <= 0 or (top < height and top + panel.height() > 0):
                drew = panel.draw_pending() or drew
        if drew:
            self._settle_layout()

    @staticmethod
    def _settle_layout() -> None:
        """Lay the new titles, tables and charts out now (their layouts nest: up to
        three rounds), so the first paint shows the final page: one paint instead of a
        stale one and two more as each layout request arrived."""
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.draw_visible)  # more of the page may show now

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in _THEME_EVENTS and self.data is not None and not self._redraw_due:
            # The dark or light theme was chosen: redraw once it is fully applied.
            self._redraw_due = True
            QTimer.singleShot(0, self._redraw_now)

    def _redraw_now(self) -> None:
        self._redraw_due = False
        self.redraw()


class OurProgressPage(ChartsPage):
    KEYS = SHARED_CHARTS
    PREFIX = "progress"

    def __init__(self) -> None:
        super().__init__(
            self.tr("Our progress"),
            self.tr(
                "The long arc of what you build together: how commitments were kept week by "
                "week, how strong each has grown, wins and setbacks, check-ins, and the "
                "milestones (★) along the way. Every chart's numbers are in the table beside it."
            ),
        )

    def compute(self) -> ChartSet:
        assert self.session is not None
        return self.session.progress.our_progress(self.range)


class MyPatternsPage(ChartsPage):
    KEYS = PRIVATE_CHARTS
    PREFIX = "patterns"

    def __init__(self) -> None:
        super().__init__(
            self.tr("My patterns"),
            self.tr(
                "Only you see this page: the feelings you named in your entries and daily "
                "check-ins, when triggers come, what comes with them, and your most used tags."
            ),
        )

    def compute(self) -> ChartSet:
        assert self.session is not None
        return self.session.progress.my_patterns(self.range)
