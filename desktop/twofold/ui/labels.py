"""The domain's display labels, in the window's language.

The domain names things in English (``EventKind.label``, ``Outcome.label`` …) and
imports no Qt; the window translates those words where it shows them, with
``label(value)``. Every label is listed below so lupdate finds it; a test checks the
list against the domain's enums, so a new label cannot be missed.
"""

from __future__ import annotations

import re
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale

from twofold.domain.commitments import Cadence, CadenceKind
from twofold.ui.i18n import QT_TRANSLATE_NOOP, date_text, number_text
from twofold.ui.messages import translated

CONTEXT = "Labels"

KNOWN = frozenset(
    {
        # The agreement's sections (domain/agreement.SECTIONS): titles and hints
        QT_TRANSLATE_NOOP("Labels", "Responsibilities"),
        QT_TRANSLATE_NOOP("Labels", "What each of us takes care of, concretely."),
        QT_TRANSLATE_NOOP("Labels", "Boundaries"),
        QT_TRANSLATE_NOOP(
            "Labels", "Our non-negotiables, and the practical behaviours that express them."
        ),
        QT_TRANSLATE_NOOP("Labels", "When a lapse happens"),
        QT_TRANSLATE_NOOP("Labels", "How a lapse is raised, repaired and put behind us."),
        # Journal entry kinds (domain/records.RecordKind)
        QT_TRANSLATE_NOOP("Labels", "Reflection"),
        QT_TRANSLATE_NOOP("Labels", "Trigger noticed"),
        QT_TRANSLATE_NOOP("Labels", "What I need"),
        QT_TRANSLATE_NOOP("Labels", "Gratitude"),
        QT_TRANSLATE_NOOP("Labels", "Draft to share"),
        # Consent (domain/consent): event kinds, states, agenda sections, requests
        QT_TRANSLATE_NOOP("Labels", "Consent rules"),
        QT_TRANSLATE_NOOP("Labels", "Commitment accepted"),
        QT_TRANSLATE_NOOP("Labels", "Commitment declined"),
        QT_TRANSLATE_NOOP("Labels", "Concern"),
        QT_TRANSLATE_NOOP("Labels", "New terms proposed"),
        QT_TRANSLATE_NOOP("Labels", "New terms accepted"),
        QT_TRANSLATE_NOOP("Labels", "New terms declined"),
        QT_TRANSLATE_NOOP("Labels", "Check-in answered"),
        QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
        QT_TRANSLATE_NOOP("Labels", "Who was hurt"),
        QT_TRANSLATE_NOOP("Labels", "Who was hurt: agreed"),
        QT_TRANSLATE_NOOP("Labels", "Pace"),
        QT_TRANSLATE_NOOP("Labels", "Request to talk"),
        QT_TRANSLATE_NOOP("Labels", "Answer to a request"),
        QT_TRANSLATE_NOOP("Labels", "Session summary agreed"),
        QT_TRANSLATE_NOOP("Labels", "Requests to talk"),
        QT_TRANSLATE_NOOP("Labels", "Open setbacks"),
        QT_TRANSLATE_NOOP("Labels", "Commitments to review"),
        QT_TRANSLATE_NOOP("Labels", "Newly shared"),
        QT_TRANSLATE_NOOP("Labels", "Proposed"),
        QT_TRANSLATE_NOOP("Labels", "Accepted"),
        QT_TRANSLATE_NOOP("Labels", "Declined"),
        QT_TRANSLATE_NOOP("Labels", "Ended together"),
        QT_TRANSLATE_NOOP("Labels", "Ended by one"),
        QT_TRANSLATE_NOOP("Labels", "A boundary feels strained"),
        QT_TRANSLATE_NOOP("Labels", "I'd like us to talk"),
        # Report formats (domain/report.ReportFormat): names, the same in every language
        QT_TRANSLATE_NOOP("Labels", "PDF"),
        QT_TRANSLATE_NOOP("Labels", "Markdown"),
        QT_TRANSLATE_NOOP("Labels", "JSON"),
        # Report sections (domain/report.ReportSection)
        QT_TRANSLATE_NOOP("Labels", "Shared timeline"),
        QT_TRANSLATE_NOOP("Labels", "Commitments and how they were kept"),
        QT_TRANSLATE_NOOP("Labels", "The agreement: versions and changes"),
        QT_TRANSLATE_NOOP("Labels", "Setbacks and repairs"),
        QT_TRANSLATE_NOOP("Labels", "Wins and milestones"),
        QT_TRANSLATE_NOOP("Labels", "Check-in answers"),
        QT_TRANSLATE_NOOP("Labels", "Joint sessions and therapy objectives"),
        # Joint session kinds (domain/dialogue.SessionKind)
        QT_TRANSLATE_NOOP("Labels", "Weekly check-in"),
        QT_TRANSLATE_NOOP("Labels", "Progress dinner"),
        QT_TRANSLATE_NOOP("Labels", "Therapy session"),
        # Shared ledger events (domain/ledger.EventKind)
        QT_TRANSLATE_NOOP("Labels", "Vault created"),
        QT_TRANSLATE_NOOP("Labels", "Vault confirmed"),
        QT_TRANSLATE_NOOP("Labels", "Shared reflection"),
        QT_TRANSLATE_NOOP("Labels", "Retracted"),
        QT_TRANSLATE_NOOP("Labels", "New commitment"),
        QT_TRANSLATE_NOOP("Labels", "Commitment renegotiated"),
        QT_TRANSLATE_NOOP("Labels", "Commitment check-off"),
        QT_TRANSLATE_NOOP("Labels", "Acknowledged"),
        QT_TRANSLATE_NOOP("Labels", "Commitment ended"),
        QT_TRANSLATE_NOOP("Labels", "Safety plan"),
        QT_TRANSLATE_NOOP("Labels", "Agreement version"),
        QT_TRANSLATE_NOOP("Labels", "Agreement acknowledged"),
        QT_TRANSLATE_NOOP("Labels", "Check-in"),
        QT_TRANSLATE_NOOP("Labels", "Setback"),
        QT_TRANSLATE_NOOP("Labels", "Repair step"),
        QT_TRANSLATE_NOOP("Labels", "Counter-measure"),
        QT_TRANSLATE_NOOP("Labels", "Win"),
        QT_TRANSLATE_NOOP("Labels", "Appreciation"),
        QT_TRANSLATE_NOOP("Labels", "Our values"),
        QT_TRANSLATE_NOOP("Labels", "Our story"),
        QT_TRANSLATE_NOOP("Labels", "Joint session"),
        QT_TRANSLATE_NOOP("Labels", "Joint session confirmed"),
        QT_TRANSLATE_NOOP("Labels", "Session note"),
        QT_TRANSLATE_NOOP("Labels", "Session outcome"),
        QT_TRANSLATE_NOOP("Labels", "Session ended"),
        QT_TRANSLATE_NOOP("Labels", "Therapy objective"),
        QT_TRANSLATE_NOOP("Labels", "Objective progress"),
        QT_TRANSLATE_NOOP("Labels", "Export"),
        QT_TRANSLATE_NOOP("Labels", "Export agreed"),
        QT_TRANSLATE_NOOP("Labels", "Left the vault"),
        QT_TRANSLATE_NOOP("Labels", "Key change"),
        # Chart ranges (domain/progress.ChartRange)
        QT_TRANSLATE_NOOP("Labels", "3 months"),
        QT_TRANSLATE_NOOP("Labels", "A year"),
        QT_TRANSLATE_NOOP("Labels", "All"),
        # Repair steps, done (domain/setbacks.RepairStep.label) and to do (its value)
        QT_TRANSLATE_NOOP("Labels", "Repaired"),
        QT_TRANSLATE_NOOP("Labels", "Restored"),
        QT_TRANSLATE_NOOP("Labels", "Acknowledge"),
        QT_TRANSLATE_NOOP("Labels", "Repair"),
        QT_TRANSLATE_NOOP("Labels", "Restore"),
        # Import formats (domain/importing.ImportFormat)
        QT_TRANSLATE_NOOP("Labels", "Day One (JSON export)"),
        QT_TRANSLATE_NOOP("Labels", "jrnl (JSON export)"),
        QT_TRANSLATE_NOOP("Labels", "jrnl (plain text)"),
        QT_TRANSLATE_NOOP("Labels", "Markdown and text files"),
        # Commitment outcomes (domain/commitments.Outcome)
        QT_TRANSLATE_NOOP("Labels", "Kept"),
        QT_TRANSLATE_NOOP("Labels", "Kept (hard-day version)"),
        QT_TRANSLATE_NOOP("Labels", "Missed"),
        QT_TRANSLATE_NOOP("Labels", "Renegotiated"),
        # Journal export formats (services/journal_export.JournalFormat)
        QT_TRANSLATE_NOOP("Labels", "Markdown, one file per entry"),
        QT_TRANSLATE_NOOP("Labels", "Markdown, one file per month"),
        QT_TRANSLATE_NOOP("Labels", "JSON, one file"),
        # Passphrase strength (domain/passphrase)
        QT_TRANSLATE_NOOP("Labels", "Very weak"),
        QT_TRANSLATE_NOOP("Labels", "Weak"),
        QT_TRANSLATE_NOOP("Labels", "Fair"),
        QT_TRANSLATE_NOOP("Labels", "Good"),
        QT_TRANSLATE_NOOP("Labels", "Strong"),
        # On this day (domain/journal_filter)
        QT_TRANSLATE_NOOP("Labels", "A month ago"),
        QT_TRANSLATE_NOOP("Labels", "Three months ago"),
        QT_TRANSLATE_NOOP("Labels", "A year ago"),
        # … and inside a sentence ("Show what you wrote a month ago")
        QT_TRANSLATE_NOOP("Labels", "a month ago"),
        QT_TRANSLATE_NOOP("Labels", "three months ago"),
        QT_TRANSLATE_NOOP("Labels", "a year ago"),
        # Passphrase advice (domain/passphrase.estimate)
        QT_TRANSLATE_NOOP("Labels", "Choose a passphrase: four or five unrelated words work well."),
        QT_TRANSLATE_NOOP(
            "Labels", "This is one of the most common passwords; pick something of your own."
        ),
        QT_TRANSLATE_NOOP(
            "Labels", "Leave out your names: they are the first thing anyone would try."
        ),
        QT_TRANSLATE_NOOP("Labels", "Avoid repeated characters like “aaa”."),
        QT_TRANSLATE_NOOP("Labels", "Avoid sequences like “1234” or “qwerty”."),
        QT_TRANSLATE_NOOP("Labels", "Years and dates are easy to guess."),
        QT_TRANSLATE_NOOP("Labels", "Use at least 8 characters; 12 or more is better."),
        QT_TRANSLATE_NOOP("Labels", "Longer is stronger: aim for 12 characters or more."),
        QT_TRANSLATE_NOOP(
            "Labels", "Try four or five unrelated words, e.g. “lamp orbit velvet canyon”."
        ),
        QT_TRANSLATE_NOOP("Labels", "Strong. Use it for Twofold only, nowhere else."),
        # Charts (domain/progress): titles, axes, series, weekdays
        QT_TRANSLATE_NOOP("Labels", "All commitments"),
        QT_TRANSLATE_NOOP("Labels", "Commitments kept per week"),
        QT_TRANSLATE_NOOP("Labels", "Daily check-ins kept per week (of 7)"),
        QT_TRANSLATE_NOOP("Labels", "Day"),
        QT_TRANSLATE_NOOP("Labels", "Feeling"),
        QT_TRANSLATE_NOOP("Labels", "Feelings that come with triggers"),
        QT_TRANSLATE_NOOP("Labels", "Hour"),
        QT_TRANSLATE_NOOP("Labels", "Milestone"),
        QT_TRANSLATE_NOOP("Labels", "Month"),
        QT_TRANSLATE_NOOP("Labels", "My feelings over time (entries and check-ins)"),
        QT_TRANSLATE_NOOP("Labels", "My most used tags"),
        QT_TRANSLATE_NOOP("Labels", "Strength of each commitment"),
        QT_TRANSLATE_NOOP("Labels", "Tag"),
        QT_TRANSLATE_NOOP("Labels", "Times"),
        QT_TRANSLATE_NOOP("Labels", "Triggers by hour of the day"),
        QT_TRANSLATE_NOOP("Labels", "Triggers by weekday"),
        QT_TRANSLATE_NOOP("Labels", "Triggers noticed per week"),
        QT_TRANSLATE_NOOP("Labels", "Triggers"),
        QT_TRANSLATE_NOOP("Labels", "Week of"),
        QT_TRANSLATE_NOOP("Labels", "Weekday"),
        QT_TRANSLATE_NOOP("Labels", "Wins and setbacks per month"),
        QT_TRANSLATE_NOOP("Labels", "Wins"),
        QT_TRANSLATE_NOOP("Labels", "Setbacks"),
        QT_TRANSLATE_NOOP("Labels", "Milestones"),
        QT_TRANSLATE_NOOP("Labels", "Monday"),
        QT_TRANSLATE_NOOP("Labels", "Tuesday"),
        QT_TRANSLATE_NOOP("Labels", "Wednesday"),
        QT_TRANSLATE_NOOP("Labels", "Thursday"),
        QT_TRANSLATE_NOOP("Labels", "Friday"),
        QT_TRANSLATE_NOOP("Labels", "Saturday"),
        QT_TRANSLATE_NOOP("Labels", "Sunday"),
        # Writing prompts, feelings and check-in questions (resources/*.json)
        QT_TRANSLATE_NOOP("Labels", "What helped you feel secure this week?"),
        QT_TRANSLATE_NOOP("Labels", "What happened today that I keep coming back to?"),
        QT_TRANSLATE_NOOP("Labels", "What did I feel in my body before I could name it?"),
        QT_TRANSLATE_NOOP(
            "Labels",
            "What would I want my partner to understand about today, if it were safe to say it?",
        ),
        QT_TRANSLATE_NOOP("Labels", "Where did I keep a promise today, even a small one?"),
        QT_TRANSLATE_NOOP("Labels", "What am I afraid will happen if I say what I really think?"),
        QT_TRANSLATE_NOOP("Labels", "What did I see or hear just before the feeling rose?"),
        QT_TRANSLATE_NOOP("Labels", "What story did my mind tell me in that moment?"),
        QT_TRANSLATE_NOOP("Labels", "How strong was it, from 1 to 10, and how long did it last?"),
        QT_TRANSLATE_NOOP("Labels", "What helped the feeling pass, even a little?"),
        QT_TRANSLATE_NOOP("Labels", "What do I need right now, and from whom?"),
        QT_TRANSLATE_NOOP("Labels", "What would help me feel a little safer this week?"),
        QT_TRANSLATE_NOOP(
            "Labels", "What is one thing I could ask for that would be easy to say yes to?"
        ),
        QT_TRANSLATE_NOOP("Labels", "What small thing did my partner do today that I noticed?"),
        QT_TRANSLATE_NOOP("Labels", "What went better than I expected?"),
        QT_TRANSLATE_NOOP("Labels", "What about us am I still glad of?"),
        QT_TRANSLATE_NOOP("Labels", "I felt … when … because …"),
        QT_TRANSLATE_NOOP(
            "Labels", "What do I want my partner to hear, in words they can take in?"
        ),
        QT_TRANSLATE_NOOP("Labels", 'What am I asking for? ("I\'d like us to talk about…")'),
        QT_TRANSLATE_NOOP("Labels", "afraid"),
        QT_TRANSLATE_NOOP("Labels", "angry"),
        QT_TRANSLATE_NOOP("Labels", "anxious"),
        QT_TRANSLATE_NOOP("Labels", "ashamed"),
        QT_TRANSLATE_NOOP("Labels", "betrayed"),
        QT_TRANSLATE_NOOP("Labels", "defensive"),
        QT_TRANSLATE_NOOP("Labels", "guilty"),
        QT_TRANSLATE_NOOP("Labels", "hurt"),
        QT_TRANSLATE_NOOP("Labels", "jealous"),
        QT_TRANSLATE_NOOP("Labels", "lonely"),
        QT_TRANSLATE_NOOP("Labels", "numb"),
        QT_TRANSLATE_NOOP("Labels", "overwhelmed"),
        QT_TRANSLATE_NOOP("Labels", "resentful"),
        QT_TRANSLATE_NOOP("Labels", "sad"),
        QT_TRANSLATE_NOOP("Labels", "tired"),
        QT_TRANSLATE_NOOP("Labels", "vulnerable"),
        QT_TRANSLATE_NOOP("Labels", "calm"),
        QT_TRANSLATE_NOOP("Labels", "close"),
        QT_TRANSLATE_NOOP("Labels", "grateful"),
        QT_TRANSLATE_NOOP("Labels", "hopeful"),
        QT_TRANSLATE_NOOP("Labels", "loved"),
        QT_TRANSLATE_NOOP("Labels", "proud"),
        QT_TRANSLATE_NOOP("Labels", "relieved"),
        QT_TRANSLATE_NOOP("Labels", "safe"),
        QT_TRANSLATE_NOOP("Labels", "steady"),
        QT_TRANSLATE_NOOP("Labels", "tender"),
        QT_TRANSLATE_NOOP("Labels", "Daily check-in"),
        QT_TRANSLATE_NOOP(
            "Labels", "Ten minutes or less: one feeling, one need, one action for tomorrow."
        ),
        QT_TRANSLATE_NOOP("Labels", "One feeling from today, and when you noticed it"),
        QT_TRANSLATE_NOOP("Labels", "One thing you need"),
        QT_TRANSLATE_NOOP("Labels", "One action you will take tomorrow"),
        QT_TRANSLATE_NOOP("Labels", "Weekly review"),
        QT_TRANSLATE_NOOP(
            "Labels", "Once a week, each on your own, then read each other's together."
        ),
        QT_TRANSLATE_NOOP("Labels", "What went well this week?"),
        QT_TRANSLATE_NOOP("Labels", "What was hard?"),
        QT_TRANSLATE_NOOP("Labels", "One thing you are grateful for"),
        QT_TRANSLATE_NOOP("Labels", "What would make trust easier next week?"),
        QT_TRANSLATE_NOOP("Labels", "Monthly progress review"),
        QT_TRANSLATE_NOOP("Labels", "Once a month: the long view."),
        QT_TRANSLATE_NOOP("Labels", "What has changed between us this month?"),
        QT_TRANSLATE_NOOP("Labels", "What are you proud of?"),
        QT_TRANSLATE_NOOP("Labels", "What still hurts, or still worries you?"),
        QT_TRANSLATE_NOOP("Labels", "What do you want to focus on next month?"),
    }
)


class Labelled(Protocol):
    @property
    def label(self) -> str: ...


def label(value: Labelled | str) -> str:
    """``value.label`` (or the English words themselves), translated; words Twofold
    does not know (a commitment's title) come back as they are."""
    text = str(getattr(value, "label", value))  # a StrEnum is a str with a label too
    return QCoreApplication.translate(CONTEXT, text)


COMMON_WORD = re.compile(r"“(.+)” is a very common word; add words no one would guess\.")


def advice(text: str) -> str:
    """One line of the domain's passphrase advice, translated."""
    common = COMMON_WORD.fullmatch(text)
    if common is not None:
        return QCoreApplication.translate(
            CONTEXT, "“{word}” is a very common word; add words no one would guess."
        ).format(word=common.group(1))
    return label(text)


# Milestones are signed with their English title (the ledger keeps what was signed);
# the window shows them in its language by their pattern.
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
MILESTONES = (
    (
        re.compile(r"First week of “(?P<title>.+)” kept every day"),
        QT_TRANSLATE_NOOP("Labels", "First week of “{title}” kept every day"),
    ),
    (
        re.compile(r"A month of “(?P<title>.+)” at (?P<percent>\d+) %"),
        QT_TRANSLATE_NOOP("Labels", "A month of “{title}” at {percent} %"),
    ),
    (
        re.compile(r"(?P<n>\d+) daily check-ins in a row \((?P<name>.+)\)"),
        QT_TRANSLATE_NOOP("Labels", "{n} daily check-ins in a row ({name})"),
    ),
    (
        re.compile(r"Fewer setbacks in (?P<month>[A-Z][a-z]+) than in (?P<before>[A-Z][a-z]+)"),
        QT_TRANSLATE_NOOP("Labels", "Fewer setbacks in {month} than in {before}"),
    ),
    (
        re.compile(r"(?P<n>\d+) days of every commitment kept"),
        QT_TRANSLATE_NOOP("Labels", "{n} days of every commitment kept"),
    ),
    (
        re.compile(r"First month with a weekly review every week"),
        QT_TRANSLATE_NOOP("Labels", "First month with a weekly review every week"),
    ),
)


def milestone(text: str) -> str:
    """A milestone's title (as signed, in English) in the window's language."""
    for pattern, template in MILESTONES:
        found = pattern.fullmatch(text)
        if found is not None:
            parts = {
                key: QLocale().monthName(MONTHS.index(value) + 1) if value in MONTHS else value
                for key, value in found.groupdict().items()
            }
            return QCoreApplication.translate(CONTEXT, template).format(**parts)
    return text


def cadence_text(cadence: Cadence) -> str:
    """How often a commitment is due ("every day", "on Mon, Thu"), in the window's
    language (the domain's ``Cadence.describe`` is the English of it)."""
    if cadence.kind == CadenceKind.DAILY:
        return QCoreApplication.translate("Labels", "every day")
    if cadence.kind == CadenceKind.WEEKLY:
        return QCoreApplication.translate("Labels", "once a week")
    if cadence.kind == CadenceKind.DAYS:
        days = ", ".join(
            QLocale().dayName(d + 1, QLocale.FormatType.ShortFormat)
            for d in sorted(cadence.weekdays)
        )
        return QCoreApplication.translate("Labels", "on {days}").format(days=days)
    if cadence.due is None:
        return cadence.describe()
    return QCoreApplication.translate("Labels", "once, by {date}").format(
        date=date_text(cadence.due, "%d %b %Y")
    )


# The verification report (services/verify) names its checks and results in English;
# the window shows them in its language. Problems found keep their own words.
VERIFY_PATTERNS = (
    (re.compile(r"(?P<n>\d+) events, all signed and chained"),
     QT_TRANSLATE_NOOP("Verify", "{n} events, all signed and chained")),
    (re.compile(r"(?P<n>\d+) new events? since you last looked, all signed and chained"),
     QT_TRANSLATE_NOOP("Verify", "{n} new events since you last looked, all signed and chained")),
    (re.compile(r"(?P<file>\S+) pages and structure"),
     QT_TRANSLATE_NOOP("Verify", "{file} pages and structure")),
)  # fmt: skip
VERIFY_WORDS = frozenset(
    {
        QT_TRANSLATE_NOOP("Verify", "ok"),
        QT_TRANSLATE_NOOP("Verify", "not checked"),
        QT_TRANSLATE_NOOP("Verify", "ledger chain and signatures"),
        QT_TRANSLATE_NOOP("Verify", "what the app shows matches the signed events"),
        QT_TRANSLATE_NOOP("Verify", "partners are the ones pinned in your journal"),
        QT_TRANSLATE_NOOP("Verify", "ledger not cut or rolled back since you last saw it"),
        QT_TRANSLATE_NOOP("Verify", "ledger not rolled back since the OS keyring last saw it"),
        QT_TRANSLATE_NOOP("Verify", "every event within what its author may sign for"),
        QT_TRANSLATE_NOOP("Verify", "nobody acted for the other"),
        QT_TRANSLATE_NOOP("Verify", "your shares are in the ledger"),
        QT_TRANSLATE_NOOP("Verify", "your journal file is not older than what you signed"),
        QT_TRANSLATE_NOOP("Verify", "kept there from now on"),
        QT_TRANSLATE_NOOP(
            "Verify",
            "no OS keyring on this system: a rollback of the whole folder would not be noticed",
        ),
    }
)


def verify_text(text: str) -> str:
    """A check's name or result from the verification report, translated."""
    if text in VERIFY_WORDS:
        return QCoreApplication.translate("Verify", text)
    for pattern, template in VERIFY_PATTERNS:
        found = pattern.fullmatch(text)
        if found is not None:
            parts = found.groupdict()
            if "n" in parts:  # 41,924 (41.924 in German), as the window writes numbers
                parts["n"] = number_text(int(parts["n"]))
            return QCoreApplication.translate("Verify", template).format(**parts)
    return text


def verify_lines(checks: list[tuple[str, bool, str]]) -> list[str]:
    """The report's lines (as ``VerifyReport.lines``, with ✓/✗ for ok/FAIL), translated."""
    return [
        f"{'✓' if passed else '✗'}  {verify_text(name)}: {translated(verify_text(detail))}"
        for name, passed, detail in checks
    ]


def unsearched_lines(sources: tuple[str, ...]) -> list[str]:
    """What a search says of each side whose search index could not be read
    (``SearchHits.unsearched``), so its matches are missing."""
    said = {
        "shared": QT_TRANSLATE_NOOP(
            "Labels",
            "The shared timeline could not be searched: its search index is damaged or was "
            "altered (by someone with the vault key, or a disk fault). Its entries are still "
            "on the timeline.",
        ),
        "private": QT_TRANSLATE_NOOP(
            "Labels",
            "Your journal could not be searched: its search index is damaged or was altered "
            "(a disk fault, or the file was changed outside Twofold). Its entries are still "
            "in your journal.",
        ),
    }
    return [QCoreApplication.translate("Labels", said[str(source)]) for source in sources]
