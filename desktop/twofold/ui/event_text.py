"""A timeline item's text in the reader's language: the rules live in
``domain/timeline_text.py``; this adds Qt's translation."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from twofold.domain import timeline_text
from twofold.domain.ledger import EventKind, TimelineItem
from twofold.ui.i18n import QT_TRANSLATE_NOOP
from twofold.ui.labels import milestone


def tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def headline(item: TimelineItem) -> str:
    if item.kind == EventKind.WIN_RECORDED and item.data.get("milestone"):
        item = dataclasses.replace(item, body=milestone(item.body))  # signed in English
    return timeline_text.headline(item, tr)


def second_line(item: TimelineItem) -> str:
    return timeline_text.second_line(item, tr)


def byline(item: TimelineItem) -> str:
    return timeline_text.byline(item, tr)


# Every sentence the domain renders with ``tr`` (and the enum labels it passes to it),
# marked for lupdate in the context the window translates them in; a test compares
# this list with domain/timeline_text.py.
KNOWN = frozenset(
    {
        QT_TRANSLATE_NOOP("Timeline", "Withdrew something they had written; its words are gone."),
        QT_TRANSLATE_NOOP("Timeline", "Agreed to what was said about who was hurt."),
        QT_TRANSLATE_NOOP("Timeline", "I'd like us to talk about …"),
        QT_TRANSLATE_NOOP("Timeline", "Agreed to the session's summary."),
        QT_TRANSLATE_NOOP("Timeline", "Proposed to leave unsaid who was hurt."),
        QT_TRANSLATE_NOOP("Timeline", "The pace: reviews every week."),
        QT_TRANSLATE_NOOP("Timeline", "A boundary feels strained"),
        QT_TRANSLATE_NOOP("Timeline", "Accepted: {title}"),
        QT_TRANSLATE_NOOP("Timeline", "Declined: {title}"),
        QT_TRANSLATE_NOOP("Timeline", "Concern about a check-off: {text}"),
        QT_TRANSLATE_NOOP("Timeline", "New terms accepted: “{old}” is now “{title}”"),
        QT_TRANSLATE_NOOP("Timeline", "New terms declined: “{old}” stays as it was"),
        QT_TRANSLATE_NOOP("Timeline", "{title}: answered, sealed until you have both answered."),
        QT_TRANSLATE_NOOP("Timeline", "The pace: reviews every {n} weeks."),
        QT_TRANSLATE_NOOP("Timeline", "Answered a request: {words}"),
        QT_TRANSLATE_NOOP("Timeline", "New terms proposed for “{old}”: {terms}"),
        QT_TRANSLATE_NOOP("Timeline", "Proposed: waiting for {names} to accept."),
        QT_TRANSLATE_NOOP("Timeline", "Proposed to say that {name} was hurt."),
        QT_TRANSLATE_NOOP("Timeline", "Proposed to say that {names} were hurt."),
        QT_TRANSLATE_NOOP("Timeline", "In our words: “{words}”"),
        QT_TRANSLATE_NOOP("Timeline", "A boundary feels strained: “{boundary}”"),
        QT_TRANSLATE_NOOP("Timeline", "The safety plan was updated."),
        QT_TRANSLATE_NOOP(
            "Timeline",
            "Left the vault. What is written from now on is not readable with their key.",
        ),
        QT_TRANSLATE_NOOP(
            "Timeline",
            "Left the vault and took a read-only copy of the shared history up to today. What is written from now on is not readable with their key.",
        ),
        QT_TRANSLATE_NOOP("Timeline", "The session ended."),
        QT_TRANSLATE_NOOP("Timeline", "Agreed to the export."),
        QT_TRANSLATE_NOOP("Timeline", ", alone, after {name} left the vault (no second signature)"),
        QT_TRANSLATE_NOOP("Timeline", "Check-off"),
        QT_TRANSLATE_NOOP("Timeline", "a commitment"),
        QT_TRANSLATE_NOOP("Timeline", "Daily check-in"),
        QT_TRANSLATE_NOOP("Timeline", "Weekly review"),
        QT_TRANSLATE_NOOP("Timeline", "Monthly review"),
        QT_TRANSLATE_NOOP("Timeline", "Acknowledged"),
        QT_TRANSLATE_NOOP("Timeline", "Repaired"),
        QT_TRANSLATE_NOOP("Timeline", "Restored"),
        QT_TRANSLATE_NOOP("Timeline", "Milestone"),
        QT_TRANSLATE_NOOP("Timeline", "Win"),
        QT_TRANSLATE_NOOP("Timeline", "Session"),
        QT_TRANSLATE_NOOP("Timeline", "You began Twofold together: {names}."),
        QT_TRANSLATE_NOOP("Timeline", "Ended: {title}"),
        QT_TRANSLATE_NOOP("Timeline", "Proposed version {n} of the agreement."),
        QT_TRANSLATE_NOOP("Timeline", "Acknowledged version {n} of the agreement."),
        QT_TRANSLATE_NOOP("Timeline", "Check-in"),
        QT_TRANSLATE_NOOP("Timeline", "Setback: {what}"),
        QT_TRANSLATE_NOOP("Timeline", "Counter-measure: {text}"),
        QT_TRANSLATE_NOOP("Timeline", "Our values: {values}"),
        QT_TRANSLATE_NOOP("Timeline", "{what} opened together."),
        QT_TRANSLATE_NOOP("Timeline", "Session note: {text}"),
        QT_TRANSLATE_NOOP("Timeline", "Session outcome: {text}"),
        QT_TRANSLATE_NOOP("Timeline", "Therapy objective: {text}"),
        QT_TRANSLATE_NOOP("Timeline", "Progress on “{objective}”"),
        QT_TRANSLATE_NOOP("Timeline", "Exported a report ({what}) of {start} to {end}"),
        QT_TRANSLATE_NOOP("Timeline", "Twofold noticed (recorded when {name} opened it)"),
        QT_TRANSLATE_NOOP("Timeline", "New terms: {title}"),
        QT_TRANSLATE_NOOP("Timeline", "Repair step"),
        QT_TRANSLATE_NOOP("Timeline", "a setback"),
        QT_TRANSLATE_NOOP("Timeline", "an objective"),
        QT_TRANSLATE_NOOP("Timeline", ", with {n} of their own private entries"),
        QT_TRANSLATE_NOOP("Timeline", "Request: {text}"),
        QT_TRANSLATE_NOOP("Timeline", "Parts: {parts}"),
        QT_TRANSLATE_NOOP("Timeline", " and "),
        QT_TRANSLATE_NOOP("Timeline", "Hard-day version: {text}."),
        QT_TRANSLATE_NOOP("Timeline", "Trigger: {text}"),
        QT_TRANSLATE_NOOP("Timeline", "Impact: {text}"),
        QT_TRANSLATE_NOOP(
            "Timeline",
            "Retracted by its author. The content was removed; the signed record remains.",
        ),
        QT_TRANSLATE_NOOP(
            "Timeline",
            "⚠ Hidden: what is stored for this item does not match its signed event. It was changed outside Twofold, so its text is not shown.",
        ),
        QT_TRANSLATE_NOOP(
            "Timeline", "{name}'s passphrase was changed (and a new recovery code issued)."
        ),
        QT_TRANSLATE_NOOP("Timeline", "{name}'s passphrase was reset with the recovery code."),
        QT_TRANSLATE_NOOP(
            "Timeline", "{name}'s recovery code was renewed; the old code no longer works."
        ),
        QT_TRANSLATE_NOOP("Timeline", "{name}'s keys were changed."),
        QT_TRANSLATE_NOOP("Timeline", "Kept"),
        QT_TRANSLATE_NOOP("Timeline", "Kept (hard-day version)"),
        QT_TRANSLATE_NOOP("Timeline", "Missed"),
        QT_TRANSLATE_NOOP("Timeline", "Renegotiated"),
        QT_TRANSLATE_NOOP("Timeline", "Weekly check-in"),
        QT_TRANSLATE_NOOP("Timeline", "Progress dinner"),
        QT_TRANSLATE_NOOP("Timeline", "Therapy session"),
        QT_TRANSLATE_NOOP("Timeline", "PDF"),
        QT_TRANSLATE_NOOP("Timeline", "Markdown"),
        QT_TRANSLATE_NOOP("Timeline", "JSON"),
        QT_TRANSLATE_NOOP("Timeline", "Shared timeline"),
        QT_TRANSLATE_NOOP("Timeline", "Commitments and how they were kept"),
        QT_TRANSLATE_NOOP("Timeline", "The agreement: versions and changes"),
        QT_TRANSLATE_NOOP("Timeline", "Setbacks and repairs"),
        QT_TRANSLATE_NOOP("Timeline", "Wins and milestones"),
        QT_TRANSLATE_NOOP("Timeline", "Check-in answers"),
        QT_TRANSLATE_NOOP("Timeline", "Joint sessions and therapy objectives"),
    }
)
