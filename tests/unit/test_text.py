"""Issue 14: what the author wrote is what the reader gets, from stored Markdown of
either form (Qt's old 80-column wrapped writer, or the writer of ui/markdown.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from twofold.domain.records import JournalRecord, RecordKind
from twofold.domain.text import contains_passage, is_right_to_left, markdown_to_plain, words

LONG = "First paragraph " + "word " * 30 + "end."
# What QTextDocument.toMarkdown() stored before issue 14 for LONG + a second paragraph.
OLD_QT = (
    "First paragraph word word word word word word word word word word word word\n"
    "word word word word word word word word word word word word word word word word\n"
    "word word end.\n\nSecond para \\*short*.\n\n- item one long long long long long\n"
    "  long long\n- item two\n\n"
)


def test_old_wrapped_entries_read_as_their_author_wrote_them() -> None:
    assert markdown_to_plain(OLD_QT) == (
        f"{LONG}\nSecond para *short.\n• item one long long long long long long long\n• item two"
    )


def test_the_new_form_keeps_breaks_empty_paragraphs_and_literal_marks() -> None:
    stored = (
        "line one\\\nline two\n\n&nbsp;\n\n\\_under\\_ \\*star\\* a\\\\b \\&nbsp; \\<b>\n\n"
        "1\\. not a list\n\n\\# not a heading\n\n**bold** and *it*\n\n## Heading\n\n- a\n- b"
    )
    assert markdown_to_plain(stored) == (
        "line one\nline two\n\n_under_ *star* a\\b &nbsp; <b>\n1. not a list\n"
        "# not a heading\nbold and it\nHeading\n• a\n• b"
    )


def test_a_passage_is_found_by_its_words_not_by_the_line_layout() -> None:
    passage = "word word word word word word word word word word word word word word word word end."
    assert len(passage) > 80
    assert contains_passage(OLD_QT, passage)
    assert contains_passage(OLD_QT, "end.\nSecond para *short")  # across paragraphs
    assert contains_passage(OLD_QT, "one long long long long long long long\nitem two")
    assert not contains_passage(OLD_QT, "words that are not there")
    assert not contains_passage(OLD_QT, "  \n ")
    assert words("a\u2029 b\u2028c\u00a0d") == "a b c d"


def test_a_title_is_the_first_line_as_read() -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    body = "\\# Not a heading \\*really\\*\n\nmore"
    record = JournalRecord(1, RecordKind.REFLECTION, body, (), (), at, at)
    assert record.title == "# Not a heading *really*"


def test_direction_follows_the_first_strong_character() -> None:
    assert is_right_to_left("  «مرحبا» hello")
    assert is_right_to_left("123 שלום")
    assert not is_right_to_left("hello مرحبا")
    assert not is_right_to_left("1234 …")
