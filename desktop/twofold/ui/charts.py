"""One chart and its numbers: a QtCharts view beside a table of the same values.

The table is a real model (``ChartTableModel``) in a ``QTableView``: screen readers read
it cell by cell, and Ctrl+C (or "Copy numbers") copies it as tab-separated text.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QMargins,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from twofold.domain.progress import WEEKDAY_NAMES, Chart, ChartKind, ChartRow
from twofold.ui import i18n, theme
from twofold.ui.labels import label
from twofold.ui.widgets import named

MAX_BAR_CATEGORIES = 24  # more than this on a time axis: drawn as lines over dates
SERIES_LIGHT = ("#3d6f73", "#c0693f", "#7a5c99", "#4f7d2e", "#b0862a", "#5b6b8c", "#a34e6d")
SERIES_DARK = ("#7fb7bb", "#f0a070", "#b79ad6", "#9ccf7a", "#e3c065", "#9fb2d9", "#e08aa8")
HORIZONTAL = frozenset({"trigger_feelings", "tags"})

Index = QModelIndex | QPersistentModelIndex


def number_text(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:.0f} %"
    return f"{value:g}"


class ChartTableModel(QAbstractTableModel):
    """The chart's rows: the first column is the week, month or category, then one
    column per series."""

    def __init__(self, chart: Chart | None = None) -> None:
        super().__init__()
        self._chart = chart

    def set_chart(self, chart: Chart | None) -> None:
        self.beginResetModel()
        self._chart = chart
        self.endResetModel()

    @property
    def chart(self) -> Chart | None:
        return self._chart

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._chart is None else len(self._chart.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._chart is None:
            return 0
        return len(self._chart.columns) + 1 + bool(self._chart.note_heading)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self._chart is None or not index.isValid():
            return None
        row = self._chart.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                if row.at is not None and re.fullmatch(r"[A-Z][a-z]{2} \d{4}", row.label):
                    return i18n.date_text(row.at, "%b %Y")  # a month: "Nov 2026"
                return label(row.label)
            if index.column() > len(row.values):
                return row.note
            return number_text(row.values[index.column() - 1], self._chart.unit)
        if role == Qt.ItemDataRole.UserRole and 0 < index.column() <= len(row.values):
            return row.values[index.column() - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < index.column() <= len(row.values):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self._chart is None or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return label(self._chart.axis)
            if section > len(self._chart.columns):
                return label(self._chart.note_heading)
            return label(self._chart.columns[section - 1])
        return None

    def as_text(self) -> str:
        """The whole table, tab-separated, with its headings (what "Copy" puts out)."""
        if self._chart is None:
            return ""
        notes = (self._chart.note_heading,) if self._chart.note_heading else ()
        lines = ["\t".join((self._chart.axis, *self._chart.columns, *notes))]
        for row in self._chart.rows:
            cells = [number_text(v, self._chart.unit) for v in row.values]
            lines.append("\t".join((row.label, *cells, *((row.note,) if notes else ()))))
        return "\n".join(lines)


def _runs(data: Chart, column: int) -> list[list[tuple[float, float]]]:
    """The column's points split where a row has no value (a week without data)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for row in data.rows:
        value = row.values[column]
        if value is None or row.at is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((_msecs(row.at), value))
    return [run for run in runs if run]


def _msecs(day: date) -> float:
    """Noon of a local day, in the milliseconds QDateTimeAxis places points by."""
    return datetime.combine(day, time(12)).timestamp() * 1000


class ChartPanel(QFrame):
    """A titled chart with its numbers beside it."""

    def __init__(self, key: str, object_name: str) -> None:
        super().__init__()
        self.key = key
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("heading3")
        self.summary = QLabel()
        self.summary.setObjectName("note")
        self.summary.setWordWrap(True)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        legend_font = QFont(self.chart.legend().font())
        legend_font.setPointSizeF(max(7.0, legend_font.pointSizeF() * 0.85))
        self.chart.legend().setFont(legend_font)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.view = named(QChartView(self.chart), f"{object_name}Chart", "")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.model = ChartTableModel()
        self.pending: tuple[Chart, theme.Colours] | None = None
        self.table = named(QTableView(), f"{object_name}Table", "")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(96)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setStretchLastSection(True)
        self.table.setMinimumWidth(260)
        self.copy = named(
            QPushButton(self.tr("Copy numbers")),
            f"{object_name}Copy",
            self.tr("Copy the table of numbers"),
        )
        self.copy.clicked.connect(self.copy_numbers)
        shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.copy_numbers)
        side = QVBoxLayout()
        side.addWidget(self.table, 1)
        side.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignRight)
        body = QHBoxLayout()
        body.addWidget(self.view, 5)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)

    def copy_numbers(self) -> None:
        QApplication.clipboard().setText(self.model.as_text())

    def show_chart(
        self, chart: Chart, colours: theme.Colours, *, draw: bool = True, later: bool = False
    ) -> None:
        """The title, summary and table now; the chart now, or with ``later`` when
        ``draw_pending`` is called (the page does once the panel is scrolled into view:
        building and laying out charts nobody sees yet cost the page its 300 ms)."""
        self.title.setText(label(chart.title))
        self.model.set_chart(chart)
        self.table.resizeColumnToContents(0)
        self.table.setAccessibleName(
            self.tr("{title}: the numbers").format(title=label(chart.title))
        )
        self.view.setAccessibleName(label(chart.title))
        self.summary.setText(describe(chart))
        self.view.setAccessibleDescription(self.summary.text())
        self.view.setVisible(draw)
        self.pending = (chart, colours) if draw else None
        if not later:
            self.draw_pending()

    def draw_pending(self) -> bool:
        """Draw the chart last given to ``show_chart``, if not drawn yet."""
        if self.pending is None:
            return False
        chart, colours = self.pending
        self.pending = None
        self._draw(chart, colours)
        return True

    # --- drawing ----------------------------------------------------------------------

    def _draw(self, data: Chart, colours: theme.Colours) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        dark = colours is theme.DARK
        palette = SERIES_DARK if dark else SERIES_LIGHT
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        chart.setBackgroundBrush(QBrush(QColor(colours.card)))
        chart.setBackgroundPen(QPen(QColor(colours.card)))
        chart.setPlotAreaBackgroundVisible(False)
        chart.legend().setLabelColor(QColor(colours.text))
        chart.legend().setVisible(len(data.columns) > 1 or bool(data.markers))
        self.view.setBackgroundBrush(QBrush(QColor(colours.card)))
        timed = all(row.at is not None for row in data.rows) and bool(data.rows)
        if data.kind == ChartKind.LINE or (timed and len(data.rows) > MAX_BAR_CATEGORIES):
            self._lines(data, colours, palette)
        else:
            self._bars(data, colours, palette)

    def _style_axis(
        self, axis: QValueAxis | QDateTimeAxis | QBarCategoryAxis, c: theme.Colours
    ) -> None:
        axis.setLabelsColor(QColor(c.muted))
        axis.setLinePenColor(QColor(c.border))
        axis.setGridLineColor(QColor(c.border))
        font = QFont(axis.labelsFont())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        axis.setLabelsFont(font)

    def _value_axis(self, data: Chart, colours: theme.Colours) -> QValueAxis:
        axis = QValueAxis()
        top = max((v for row in data.rows for v in row.values if v is not None), default=0.0)
        if data.unit == "%":
            axis.setRange(0, 100)
            axis.setLabelFormat("%d %%")
        else:  # counts: whole numbers only
            step = max(1, math.ceil(top / 5))
            axis.setRange(0, step * max(2, math.ceil(top / step)))
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(0)
            axis.setTickInterval(step)
            axis.setLabelFormat("%d")
        self._style_axis(axis, colours)
        return axis

    def _lines(self, data: Chart, colours: theme.Colours, palette: tuple[str, ...]) -> None:
        chart = self.chart
        x_axis = QDateTimeAxis()
        span = (data.rows[-1].at - data.rows[0].at).days if data.rows else 0  # type: ignore[operator]
        x_axis.setFormat("MMM yyyy" if span > 120 else "d MMM")
        x_axis.setTickCount(6 if span > 30 else 4)
        if data.rows and data.rows[0].at is not None and data.rows[-1].at is not None:
            x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(int(_msecs(data.rows[0].at))),
                QDateTime.fromMSecsSinceEpoch(int(_msecs(data.rows[-1].at))),
            )
        self._style_axis(x_axis, colours)
        y_axis = self._value_axis(data, colours)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for column, name in enumerate(data.columns):
            pen = QPen(QColor(palette[column % len(palette)]))
            pen.setWidthF(2.6 if column == 0 else 1.6)
            # A week without data is a gap, not a line drawn across it: one series per
            # unbroken run, named once in the legend.
            for run_index, run in enumerate(_runs(data, column) or [[]]):
                series = QLineSeries()
                series.setName(label(name))
                series.setPen(pen)
                series.setPointsVisible(len(run) == 1)  # a lone week still shows
                for x, y in run:
                    series.append(x, y)
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
                if run_index:
                    for marker in chart.legend().markers(series):
                        marker.setVisible(False)
        if data.markers:
            marks = QScatterSeries()
            marks.setName(self.tr("Milestones"))
            marks.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeStar)
            marks.setMarkerSize(14)
            marks.setColor(QColor(colours.ok))
            marks.setBorderColor(QColor(colours.ok))
            ceiling = y_axis.max()
            for day, _text in data.markers:
                marks.append(_msecs(day), ceiling * 0.06)  # along the foot of the chart
            chart.addSeries(marks)
            marks.attachAxis(x_axis)
            marks.attachAxis(y_axis)

    def _bars(self, data: Chart, colours: theme.Colours, palette: tuple[str, ...]) -> None:
        chart = self.chart
        horizontal = self.key in HORIZONTAL
        series: QBarSeries | QHorizontalBarSeries = (
            QHorizontalBarSeries() if horizontal else QBarSeries()
        )
        rows = list(reversed(data.rows)) if horizontal else list(data.rows)
        for column, name in enumerate(data.columns):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(palette[column % len(palette)]))
            bar_set.setBorderColor(QColor(palette[column % len(palette)]))
            for row in rows:
                bar_set.append(row.values[column] or 0.0)
            series.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([self._category(row, len(rows)) for row in rows])
        categories.setTruncateLabels(False)  # tags and feelings are the point: never "…"
        self._style_axis(categories, colours)
        values = self._value_axis(data, colours)
        chart.addAxis(
            categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        )
        chart.addAxis(
            values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        )
        series.attachAxis(categories)
        series.attachAxis(values)

    @staticmethod
    def _category(row: ChartRow, count: int) -> str:
        if row.at is not None:  # weeks and months, short
            if row.label[:1].isdigit():  # a week: "5/10" (day/month) fits under a bar
                return f"{row.at.day}/{row.at.month}"
            return (
                f"{i18n.date_text(row.at, '%b %y')}"
                if count <= 12
                else f"{i18n.date_text(row.at, '%b')}"
            )
        if count > 12 and row.label[:2].isdigit():
            return row.label[:2]  # hours: "07"
        if count == 7 and row.label in WEEKDAY_NAMES:  # weekdays: "Mon", "Mo."
            day = WEEKDAY_NAMES.index(row.label) + 1
            return QLocale().dayName(day, QLocale.FormatType.ShortFormat)
        return label(row.label)


def describe(chart: Chart) -> str:
    """One sentence a screen reader reads for the chart (the table has the rest)."""
    if not chart.rows or chart.empty:
        return QApplication.translate("ChartPanel", "Nothing to show for this period yet.")
    if not chart.columns:
        return QApplication.translate("ChartPanel", "{count} in this period.").format(
            count=len(chart.rows)
        )
    if chart.rows[0].at is not None and chart.kind == ChartKind.LINE:
        latest = next(
            (row for row in reversed(chart.rows) if any(v is not None for v in row.values)), None
        )
        if latest is None:
            return ""
        return QApplication.translate("ChartPanel", "Latest ({when}): {name} {value}.").format(
            when=latest.label,
            name=chart.columns[0],
            value=number_text(latest.values[0], chart.unit),
        )
    best = max(chart.rows, key=lambda row: row.values[0] or 0)
    return QApplication.translate("ChartPanel", "Most: {label} ({value}).").format(
        label=best.label, value=number_text(best.values[0], chart.unit)
    )
