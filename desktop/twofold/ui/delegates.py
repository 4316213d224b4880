"""How rows look: cards with a quiet meta line, drawn rather than built from widgets."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from twofold.domain.ledger import EventKind, TimelineItem
from twofold.domain.records import JournalRecord
from twofold.domain.search import SearchHit, Source
from twofold.domain.text import is_right_to_left
from twofold.ui import i18n, theme
from twofold.ui.event_text import byline, headline, second_line
from twofold.ui.labels import label
from twofold.ui.models import GroupRole, ItemRole

Index = QModelIndex | QPersistentModelIndex
PAD = 10
WRAP = Qt.TextFlag.TextWordWrap


def _fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    bold = QFont(base)
    bold.setWeight(QFont.Weight.DemiBold)
    small = QFont(base)
    small.setPointSizeF(max(base.pointSizeF() - 1, 7))
    header = QFont(base)
    header.setWeight(QFont.Weight.Bold)
    return bold, small, header


def _draw_text(
    painter: QPainter, rect: QRect, flags: int, text: str, direction_of: str = ""
) -> None:
    """Draw text aligned by its own direction: a right-to-left text starts at the
    right edge, as the author saw it in the editor (issue 14)."""
    painter.save()
    painter.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if is_right_to_left(direction_of or text)
        else Qt.LayoutDirection.LeftToRight
    )
    painter.drawText(rect, flags, text)
    painter.restore()


def _card(painter: QPainter, rect: QRect, selected: bool) -> None:
    c = theme.current()
    painter.setPen(QPen(QColor(c.accent if selected else c.border), 2 if selected else 1))
    painter.setBrush(QColor(c.card))
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8)


class JournalDelegate(QStyledItemDelegate):
    """Title, meta line, status: each line as tall as its own font, so no descender
    is cut ("In your outbox", not "In vour outbox")."""

    @staticmethod
    def _lines(font: QFont) -> tuple[int, int]:
        bold, small, _ = _fonts(font)
        return QFontMetrics(bold).height() + 4, QFontMetrics(small).height() + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title_line, small_line = self._lines(option.font)
        # card margins (3 + 3) and inner padding (PAD - 2 + PAD) around three lines
        return QSize(option.rect.width(), 6 + PAD * 2 - 2 + title_line + small_line * 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        record: JournalRecord = index.data(ItemRole)
        c = theme.current()
        bold, small, _ = _fonts(option.font)
        title_line, small_line = self._lines(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        _card(painter, rect, bool(option.state & QStyle.StateFlag.State_Selected))
        inner = rect.adjusted(PAD, PAD - 2, -PAD, -PAD)
        painter.setFont(bold)
        painter.setPen(QColor(c.text))
        title_metrics = QFontMetrics(bold)
        title = title_metrics.elidedText(
            record.title or "(empty)", Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        painter.setFont(small)
        painter.setPen(QColor(c.muted))
        when = record.created_at.astimezone()
        meta = f"{i18n.date_text(when, '%a %d %b %Y, %H:%M')}  ·  {label(record.kind)}"
        if record.feelings:
            meta += "  ·  " + ", ".join(label(f) for f in record.feelings[:3])
        meta_rect = inner.adjusted(0, title_line, 0, 0)
        painter.drawText(
            meta_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            QFontMetrics(small).elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
        )
        status = (
            self.tr("Shared")
            if record.shared
            else (self.tr("In your outbox") if record.in_outbox else self.tr("Private"))
        )
        painter.setPen(QColor(c.shared if record.shared else c.private))
        painter.drawText(
            inner.adjusted(0, title_line + small_line, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            QFontMetrics(small).elidedText(status, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.restore()


# Each part of the practice has its own mark on the timeline.
_MARKS = {
    "reflection": "❝",
    "commitment": "✓",
    "agreement": "§",
    "checkin": "☼",
    "setback": "⚑",
    "win": "★",
    "appreciation": "♥",
    "values": "◆",
    "story": "✎",
    "session": "◎",
    "objective": "◎",
    "safety_plan": "✚",
    "vault": "✦",
}


def mark_of(item: TimelineItem) -> str:
    return _MARKS.get(item.kind.value.split(".")[0], "•")


class TimelineDelegate(QStyledItemDelegate):
    """A day/week heading above the first item of each group, then the card."""

    own_id = ""

    def _layout(self, option: QStyleOptionViewItem, index: Index) -> tuple[int, int, int]:
        item: TimelineItem = index.data(ItemRole)
        header = _fonts(option.font)[2]
        width = max(option.rect.width(), 200) - 8 - PAD * 2
        body_metrics = QFontMetrics(option.font)
        body = headline(item)
        body_h = body_metrics.boundingRect(QRect(0, 0, width, 100000), WRAP, body).height()
        request_h = 0
        second = second_line(item)
        if second:
            request_h = (
                body_metrics.boundingRect(QRect(0, 0, width, 100000), WRAP, second).height() + 6
            )
        group_h = QFontMetrics(header).height() + 14 if index.data(GroupRole) else 0
        return group_h, body_h, request_h

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        group_h, body_h, request_h = self._layout(option, index)
        meta_h = QFontMetrics(_fonts(option.font)[1]).height()
        return QSize(option.rect.width(), group_h + PAD * 2 + meta_h + 6 + body_h + request_h + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: TimelineItem = index.data(ItemRole)
        c = theme.current()
        _, small, header = _fonts(option.font)
        group_h, body_h, request_h = self._layout(option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 0, -4, -4)
        group = index.data(GroupRole)
        if group:
            painter.setFont(header)
            painter.setPen(QColor(c.muted))
            painter.drawText(
                rect.adjusted(6, 8, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                group,
            )
        card = rect.adjusted(0, group_h, 0, 0)
        _card(painter, card, bool(option.state & QStyle.StateFlag.State_Selected))
        inner = card.adjusted(PAD, PAD - 2, -PAD, -PAD)
        accent = QColor(c.private if item.author_id == self.own_id else c.shared)
        if item.kind == EventKind.VAULT_CREATED:
            accent = QColor(c.ok)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRect(card.left() + 1, card.top() + 8, 4, card.height() - 16), 2, 2)
        painter.setFont(small)
        meta_metrics = QFontMetrics(small)
        painter.setPen(accent)
        who = f"{mark_of(item)}  {byline(item)}  ·  {label(item.kind)}"
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, who)
        painter.setPen(QColor(c.muted))
        when = i18n.date_text(item.occurred_at.astimezone(), "%d %b %Y, %H:%M")
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, when)
        body_rect = inner.adjusted(0, meta_metrics.height() + 6, 0, 0)
        painter.setFont(option.font)
        if item.retracted:
            italic = QFont(option.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(QColor(c.muted))
        else:
            painter.setPen(QColor(c.text))
        body = headline(item)
        _draw_text(
            painter,
            QRect(body_rect.left(), body_rect.top(), body_rect.width(), body_h),
            WRAP | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            body,
        )
        if request_h:
            italic = QFont(option.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(QColor(c.accent))
            _draw_text(
                painter,
                QRect(body_rect.left(), body_rect.top() + body_h + 6, body_rect.width(), request_h),
                WRAP | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                second_line(item),
                item.request,
            )
        painter.restore()


class SearchDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # card margins (3 + 3), inner padding (PAD - 2 + PAD), the badge line in the
        # small font, 6 px, the snippet line: each as tall as its font (no cut descender)
        small = QFontMetrics(_fonts(option.font)[1]).height()
        line = QFontMetrics(option.font).height()
        return QSize(option.rect.width(), 6 + PAD * 2 - 2 + small + 6 + line)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit: SearchHit = index.data(ItemRole)
        c = theme.current()
        small = _fonts(option.font)[1]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        _card(painter, rect, bool(option.state & QStyle.StateFlag.State_Selected))
        inner = rect.adjusted(PAD, PAD - 2, -PAD, -PAD)
        painter.setFont(small)
        private = hit.source == Source.PRIVATE
        painter.setPen(QColor(c.private if private else c.shared))
        badge = (
            self.tr("Private")
            if private
            else self.tr("Shared by {author_label}").format(author_label=hit.author_label)
        )
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            QFontMetrics(small).elidedText(
                f"{badge}  ·  {i18n.date_text(hit.when.astimezone(), '%d %b %Y')}",
                Qt.TextElideMode.ElideRight,
                inner.width(),
            ),
        )
        painter.setFont(option.font)
        painter.setPen(QColor(c.text))
        text = " ".join(hit.snippet.split()).replace("[", "").replace("]", "")
        metrics = QFontMetrics(option.font)
        painter.drawText(
            inner.adjusted(0, QFontMetrics(small).height() + 6, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.restore()
