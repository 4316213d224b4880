"""A timeline item's text in the reader's language: the rules live in
``domain/timeline_text.py``; this adds Qt's translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from twofold.domain import timeline_text
from twofold.domain.ledger import TimelineItem


def tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def headline(item: TimelineItem) -> str:
    return timeline_text.headline(item, tr)


def second_line(item: TimelineItem) -> str:
    return timeline_text.second_line(item, tr)


def byline(item: TimelineItem) -> str:
    return timeline_text.byline(item, tr)
