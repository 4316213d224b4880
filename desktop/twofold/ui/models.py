"""Qt models over the services, paged so ten years scroll without loading it all."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from twofold.domain.ledger import EventKind, TimelineItem
from twofold.domain.records import JournalRecord
from twofold.domain.search import SearchHit
from twofold.ui import i18n
from twofold.ui.event_text import headline, second_line
from twofold.ui.i18n import QT_TRANSLATE_NOOP
from twofold.ui.labels import label

ItemRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2
PAGE = 200

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


class PagedModel(QAbstractListModel, Generic[T]):
    """Rows come from ``fetch(offset, limit)``; Qt asks for more as the view scrolls."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[T] = []
        self._total = 0
        self._fetch: Callable[[int, int, T | None], Sequence[T]] | None = None
        self._count: Callable[[], int] | None = None

    def load(
        self, fetch: Callable[[int, int, T | None], Sequence[T]], count: Callable[[], int]
    ) -> None:
        """``fetch(offset, limit, last_row_shown)``: sources that can, page from the
        last row (keyset) rather than by offset."""
        self.beginResetModel()
        try:
            self._fetch, self._count = fetch, count
            self._total = count()
            self._rows = list(fetch(0, PAGE, None))
        except BaseException:
            # a reset left open makes the view read a model that is gone (a native
            # crash): end it empty, and let the caller report the failure
            self._rows, self._total, self._fetch, self._count = [], 0, None, None
            raise
        finally:
            self.endResetModel()

    def clear(self) -> None:
        """Forget every row (on lock): nothing stays in memory for a view to show."""
        self.beginResetModel()
        self._rows, self._total, self._fetch, self._count = [], 0, None, None
        self.endResetModel()

    def reload(self) -> None:
        if self._fetch is not None and self._count is not None:
            self.load(self._fetch, self._count)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self._fetch is None or parent.isValid():
            return
        last = self._rows[-1] if self._rows else None
        more = list(self._fetch(len(self._rows), PAGE, last))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def item(self, row: int) -> T:
        return self._rows[row]

    @property
    def total(self) -> int:
        return self._total


class JournalModel(PagedModel[JournalRecord]):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return record.title or "(empty)"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken_record(record)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return record_status(record)
        if role == ItemRole:
            return record
        return None

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)


@functools.lru_cache(maxsize=4096)
def week_label(day: date, today: date) -> str:
    monday = day - timedelta(days=day.weekday())
    if monday == today - timedelta(days=today.weekday()):
        return QCoreApplication.translate("models", "This week")
    if monday == today - timedelta(days=today.weekday() + 7):
        return QCoreApplication.translate("models", "Last week")
    return QCoreApplication.translate("models", "Week of {when}").format(
        when=i18n.date_text(monday, "%d %B %Y")
    )


@functools.lru_cache(maxsize=4096)
def day_label(day: date, today: date) -> str:
    if day == today:
        return QCoreApplication.translate("models", "Today")
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("models", "Yesterday")
    return f"{i18n.date_text(day, '%A, %d %B %Y')}"


class TimelineModel(PagedModel[TimelineItem]):
    """Newest first; ``GroupRole`` gives a heading on the first row of each day/week."""

    def __init__(self) -> None:
        super().__init__()
        self.grouping = "day"
        self.own_id = ""
        self.suspects: frozenset[int] = frozenset()  # seqs verify found forged: never shown
        self._labels: dict[int, str] = {}  # row → its day/week label, computed once
        self._today = datetime.now().astimezone().date()
        self.modelReset.connect(self._forget_labels)

    def _forget_labels(self) -> None:
        self._labels.clear()
        self._today = datetime.now().astimezone().date()

    def _group(self, row: int) -> str:
        label = self._labels.get(row)
        if label is None:
            local = self._rows[row].occurred_at.astimezone().date()
            if self.grouping == "week":
                label = week_label(local, self._today)
            else:
                label = day_label(local, self._today)
            self._labels[row] = label
        return label

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return headline(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            row = index.row()
            label = self._group(row)
            heading = label if row == 0 or self._group(row - 1) != label else ""
            return (f"{heading}. " if heading else "") + spoken_item(item)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return second_line(item)
        if role == ItemRole:
            return item
        if role == GroupRole:
            row = index.row()
            group = self._group(row)
            return group if row == 0 or self._group(row - 1) != group else ""
        return None

    def item(self, row: int) -> TimelineItem:
        item = self._rows[row]
        if item.seq in self.suspects:
            return dataclasses.replace(
                item, body="", request="", data={}, unverified=True, retracted=False
            )
        return item

    def set_suspects(self, seqs: set[int] | frozenset[int]) -> None:
        """Hide the text of the items verify named (an edited or inserted row)."""
        if frozenset(seqs) == self.suspects:
            return
        self.suspects = frozenset(seqs)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_grouping(self, grouping: str) -> None:
        self.grouping = grouping
        self._labels.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [GroupRole])


class ListModel(QAbstractListModel, Generic[T]):
    """A short list held whole (search results, a preview); ``describe`` gives the
    display and accessible text of an item."""

    def __init__(self, describe: Callable[[T], tuple[str, str]]) -> None:
        super().__init__()
        self.items: list[T] = []
        self._describe = describe

    def set_items(self, items: list[T]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._describe(item)[0]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._describe(item)[1]
        return None

    def item(self, row: int) -> T:
        return self.items[row]


def _describe_hit(hit: SearchHit) -> tuple[str, str]:
    text = " ".join(hit.snippet.split())
    return text, QCoreApplication.translate("models", "{source} match from {when}: {text}").format(
        source=hit.source, when=i18n.date_text(hit.when, "%d %B %Y"), text=text
    )


def record_status(record: JournalRecord) -> str:
    return (
        QCoreApplication.translate("models", "Shared")
        if record.shared
        else (
            QCoreApplication.translate("models", "In your outbox")
            if record.in_outbox
            else QCoreApplication.translate("models", "Private")
        )
    )


def spoken_record(record: JournalRecord) -> str:
    """Everything a journal card shows, as one sentence for a screen reader."""
    when = record.created_at.astimezone()
    title = record.title or QCoreApplication.translate("models", "(empty)")
    end = "" if title.endswith((".", "!", "?", "…")) else "."
    text = f"{title}{end} {label(record.kind)}, {i18n.date_text(when, '%A %d %B %Y, %H:%M')}"
    if record.feelings:
        text += QCoreApplication.translate("models", ", feeling {feelings}").format(
            feelings=", ".join(label(f) for f in record.feelings)
        )
    return f"{text}. {record_status(record)}."


def spoken_item(item: TimelineItem) -> str:
    """Everything a timeline card shows: who, what, when (with the year), the text
    and its request or note line."""
    when = item.occurred_at.astimezone()
    text = QCoreApplication.translate(
        "models", "{label} by {author_label}, {when}: {headline}"
    ).format(
        label=label(item.kind),
        author_label=item.author_label,
        when=i18n.date_text(when, "%A %d %B %Y, %H:%M"),
        headline=headline(item),
    )
    more = second_line(item)
    return f"{text} {more}" if more else text


def _describe_item(item: TimelineItem) -> tuple[str, str]:
    return headline(item), spoken_item(item)


class SearchModel(ListModel[SearchHit]):
    def __init__(self) -> None:
        super().__init__(_describe_hit)

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.set_items(hits)


class PreviewModel(ListModel[TimelineItem]):
    """Items exactly as the partner will see them, before they exist."""

    def __init__(self) -> None:
        super().__init__(_describe_item)


# The timeline tells the story; daily check-offs live on the Commitments page and behind
# their own filter, or they would bury everything else.
HIGHLIGHTS = tuple(
    kind
    for kind in EventKind
    if kind not in (EventKind.COMMITMENT_CHECKED, EventKind.COMMITMENT_ACKNOWLEDGED)
)
KIND_FILTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("TimelinePage", "Highlights"), HIGHLIGHTS),
    (QT_TRANSLATE_NOOP("TimelinePage", "Everything"), ()),
    (QT_TRANSLATE_NOOP("TimelinePage", "Shared reflections"), (EventKind.REFLECTION_SHARED,)),
    (
        QT_TRANSLATE_NOOP("TimelinePage", "Commitments"),
        (
            EventKind.COMMITMENT_MADE,
            EventKind.COMMITMENT_AMENDED,
            EventKind.COMMITMENT_CHECKED,
            EventKind.COMMITMENT_ENDED,
            EventKind.COMMITMENT_ACCEPTED,
            EventKind.COMMITMENT_DECLINED,
            EventKind.COMMITMENT_CONCERN,
            EventKind.RENEGOTIATION_PROPOSED,
            EventKind.RENEGOTIATION_ACCEPTED,
            EventKind.RENEGOTIATION_DECLINED,
        ),
    ),
    (
        QT_TRANSLATE_NOOP("TimelinePage", "Agreement"),
        (EventKind.AGREEMENT_PROPOSED, EventKind.AGREEMENT_ACKNOWLEDGED),
    ),
    (
        QT_TRANSLATE_NOOP("TimelinePage", "Check-ins"),
        (EventKind.CHECKIN_SUBMITTED, EventKind.CHECKIN_SEALED, EventKind.CHECKIN_REVEALED),
    ),
    (
        QT_TRANSLATE_NOOP("TimelinePage", "Requests to talk"),
        (EventKind.REQUEST_RAISED, EventKind.REQUEST_ANSWERED),
    ),
    (
        QT_TRANSLATE_NOOP("TimelinePage", "Setbacks and wins"),
        (
            EventKind.SETBACK_LOGGED,
            EventKind.SETBACK_STEP,
            EventKind.SETBACK_COUNTERMEASURE,
            EventKind.WIN_RECORDED,
        ),
    ),
    (
        QT_TRANSLATE_NOOP("TimelinePage", "Together"),
        (EventKind.APPRECIATION, EventKind.VALUES_SET, EventKind.STORY_CHAPTER),
    ),
    (
        QT_TRANSLATE_NOOP("TimelinePage", "Sessions"),
        (
            EventKind.SESSION_OPENED,
            EventKind.SESSION_NOTE,
            EventKind.SESSION_OUTCOME,
            EventKind.SESSION_CLOSED,
            EventKind.SESSION_SUMMARY_AGREED,
            EventKind.OBJECTIVE_SET,
            EventKind.OBJECTIVE_PROGRESS,
        ),
    ),
    (QT_TRANSLATE_NOOP("TimelinePage", "Safety plan"), (EventKind.SAFETY_PLAN_UPDATED,)),
    (QT_TRANSLATE_NOOP("TimelinePage", "Milestones"), (EventKind.VAULT_CREATED,)),
)
