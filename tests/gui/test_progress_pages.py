"""The "Our progress" and "My patterns" pages: real charts, their numbers in a table
model beside them, ranges, copy, the dark theme, and privacy in a shared session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QLineSeries, QScatterSeries
from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from tests.unit.test_progress import live_a_little
from twofold.domain.progress import ChartRange, weeks
from twofold.ui import theme
from twofold.ui.charts import ChartPanel
from twofold.ui.main_window import PATTERNS, PROGRESS, MainWindow
from twofold.ui.progress_page import ChartsPage
from twofold.ui.unlock_page import SHARED

LEFT = Qt.MouseButton.LeftButton


def cells(model: QAbstractItemModel) -> list[list[str]]:
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def scroll_to(qtbot: QtBot, page: ChartsPage, key: str) -> ChartPanel:
    """Scroll the panel into view, as a person would: its chart is drawn then."""
    panel = page.panels[key]
    page.scroller.ensureWidgetVisible(panel)
    qtbot.waitUntil(lambda: panel.pending is None)
    return panel


def show_all(qtbot: QtBot, page: ChartsPage) -> None:
    [button] = [b for b in page.ranges.buttons() if b.objectName().endswith("RangeAll")]
    qtbot.mouseClick(button, LEFT)
    assert page.range == ChartRange.ALL


def test_our_progress_draws_each_chart_with_its_numbers(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    live_a_little(vault_dir)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_page() == PROGRESS
    page = window.progress
    show_all(qtbot, page)
    panel = page.panels["reliability"]
    ModelTester(None).check(panel.model)
    table = cells(panel.model)
    week = next(row for row in table if row[0] == "2026-03-09")
    # 3 of 7 together, 3 of 6 for the daily text, the weekly walk missed.
    assert week == ["2026-03-09", "43 %", "50 %", "0 %"]
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Week of", "All commitments", "Text when late", "Weekly walk"]
    # The chart draws the same numbers: one line per column, milestones as stars.
    lines = [
        s
        for s in panel.chart.series()
        if isinstance(s, QLineSeries) and not isinstance(s, QScatterSeries)
    ]
    assert [s.name() for s in lines] == headers[1:]
    assert [p.y() for p in lines[2].points()][:2] == [100.0, 0.0]  # the walk: kept, missed
    [stars] = [s for s in panel.chart.series() if isinstance(s, QScatterSeries)]
    assert stars.count() == 1
    assert panel.table.accessibleName() == "Commitments kept per week: the numbers"
    assert panel.view.accessibleName() == "Commitments kept per week"
    # Copy puts the whole table on the clipboard as tab-separated text.
    qtbot.mouseClick(panel.copy, LEFT)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == "Week of\tAll commitments\tText when late\tWeekly walk"
    assert "2026-03-09\t43 %\t50 %\t0 %" in copied
    months = cells(page.panels["wins_setbacks"].model)
    assert months[:3] == [["Feb 2026", "1", "0"], ["Mar 2026", "2", "2"], ["Apr 2026", "0", "0"]]
    wins = scroll_to(qtbot, page, "wins_setbacks")
    assert any(isinstance(s, QBarSeries) for s in wins.chart.series())
    milestones = cells(page.panels["milestones"].model)
    assert milestones == [["2026-03-17", "7 days of every commitment kept"]]
    assert page.panels["milestones"].model.headerData(1, Qt.Orientation.Horizontal) == "Milestone"
    # Three months from today: the March history is out of range and says so.
    qtbot.mouseClick(
        next(b for b in page.ranges.buttons() if b.objectName().endswith("RangeThreeMonths")), LEFT
    )
    assert "2026-03-09" not in [row[0] for row in cells(panel.model)]


def test_dark_theme_redraws_the_charts(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    live_a_little(vault_dir)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(PATTERNS)
    page = window.patterns
    show_all(qtbot, page)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    scroll_to(qtbot, page, "tags")
    try:
        theme.apply(app, "dark")
        qtbot.waitUntil(
            lambda: page.panels["tags"].chart.backgroundBrush().color().name() == theme.DARK.card
        )
        tags = page.panels["tags"]
        [bars] = [s for s in tags.chart.series() if isinstance(s, QHorizontalBarSeries)]
        assert [tags.model.data(tags.model.index(r, 0)) for r in range(2)] == ["work", "phone"]
        assert bars.barSets()[0].count() == 2
        for axis in tags.chart.axes():
            assert axis.labelsColor().name() == theme.DARK.muted
    finally:
        theme.apply(app, "light")
    qtbot.waitUntil(
        lambda: page.panels["tags"].chart.backgroundBrush().color().name() == theme.LIGHT.card
    )
    hours = cells(page.panels["triggers_hour"].model)
    assert hours[21] == ["21:00", "2"] and hours[8] == ["08:00", "1"]


def test_my_patterns_stay_private_in_a_shared_session(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    live_a_little(vault_dir)
    window: MainWindow = make_window(vault_dir)
    qtbot.mouseClick(window.unlock_page.choice(SHARED), LEFT)
    qtbot.keyClicks(window.unlock_page.passphrase, SAM_PASS)
    qtbot.mouseClick(window.unlock_page.unlock_button, LEFT)
    qtbot.waitUntil(lambda: window.session is not None, timeout=30_000)
    assert PROGRESS in window.page_keys and PATTERNS not in window.page_keys
    assert window.patterns.data is None
    window.go(PROGRESS)
    show_all(qtbot, window.progress)
    rows = window.progress.panels["checkins"].model.rowCount()
    assert rows == len(weeks(date(2026, 2, 27), date.today()))
    window.lock()
    assert window.progress.data is None
    assert window.progress.panels["reliability"].model.rowCount() == 0


def test_after_logging_a_setback_the_wins_and_kept_commitments_show(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.services.session import unlock

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.wins.record("Dinner without phones")
    alex.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go("setbacks")
    assert window.session is not None
    window.session.setbacks.log("Went quiet at dinner")
    window.setbacks.show_improvements()
    dialog = window.setbacks.improvements
    assert dialog.isVisible()
    assert "Dinner without phones" in dialog.view.toPlainText()
    dialog.reject()


def test_a_week_without_data_is_a_gap_not_a_line_across_it(qtbot: QtBot) -> None:
    """Issue 16: lines must not join across weeks without data. Three weeks, the middle
    one empty: two separate pieces (the lone last week still drawn as a point), one
    legend entry for the column."""
    from twofold.domain.progress import Chart, ChartKind, ChartRow
    from twofold.ui.charts import ChartPanel

    panel = ChartPanel("gap", "gapPanel")
    qtbot.addWidget(panel)
    chart = Chart(
        key="gap",
        title="Kept per week",
        kind=ChartKind.LINE,
        axis="Week of",
        columns=("All", "Walk"),
        rows=(
            ChartRow("2026-03-02", date(2026, 3, 2), (50.0, 100.0)),
            ChartRow("2026-03-09", date(2026, 3, 9), (60.0, 100.0)),
            ChartRow("2026-03-16", date(2026, 3, 16), (None, 0.0)),
            ChartRow("2026-03-23", date(2026, 3, 23), (80.0, 100.0)),
        ),
        unit="%",
    )
    panel.resize(1000, 600)
    panel.show()
    panel.show_chart(chart, theme.LIGHT)
    qtbot.wait(50)
    lines = [s for s in panel.chart.series() if isinstance(s, QLineSeries)]
    assert [[p.y() for p in s.points()] for s in lines] == [
        [50.0, 60.0],
        [80.0],
        [100.0, 100.0, 0.0, 100.0],
    ]
    assert lines[1].pointsVisible() and not lines[0].pointsVisible()
    shown = [m for m in panel.chart.legend().markers() if m.isVisible()]
    assert [m.label() for m in shown] == ["All", "Walk"]
    # the numbers beside it still say the week had nothing to count
    assert cells(panel.model)[2][1] not in ("0 %", "50 %", "60 %")


def test_charts_in_view_are_drawn_first_and_the_others_when_scrolled_to(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """Issue 16's 300 ms: the page shows every table at once and draws the charts in
    view; one further down is drawn when it is scrolled into view. While the page is
    built, background checks of the same process pause; once it is painted, not."""
    from twofold.services import priority

    live_a_little(vault_dir)
    window: MainWindow = make_window(vault_dir)
    window.resize(1100, 740)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(PATTERNS)
    page = window.patterns
    show_all(qtbot, page)
    viewport = page.scroller.viewport()

    def in_view(panel: ChartPanel) -> bool:
        top = panel.mapTo(viewport, QPoint(0, 0)).y()
        return top < viewport.height() and top + panel.height() > 0

    qtbot.waitUntil(lambda: not priority.busy())  # released after the first paint
    first, last = page.panels["feelings"], page.panels["tags"]
    assert in_view(first) and first.pending is None and first.chart.series()
    assert not in_view(last) and last.pending is not None and not last.chart.series()
    # every table is filled at once (screen readers, copy), drawn or not
    assert [last.model.data(last.model.index(r, 0)) for r in range(2)] == ["work", "phone"]
    scroll_to(qtbot, page, "tags")
    [bars] = [s for s in last.chart.series() if isinstance(s, QHorizontalBarSeries)]
    assert bars.barSets()[0].count() == 2
    # locking forgets what was waiting to be drawn
    window.go(PROGRESS)
    assert page.panels["triggers_hour"].pending is not None or in_view(page.panels["triggers_hour"])
    window.lock()
    assert all(p.pending is None for p in page.panels.values())
