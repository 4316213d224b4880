"""The report's JSON (schema ``twofold.report/1``, docs/EXPORT.md) is the same bytes
as the plain layout of ``to_json_value``: each item's line is put together from its
fields rather than by the encoder (issue 17), and that must never change a byte,
whatever the partners wrote (quotes, backslashes, control characters, text that
looks like JSON, a label given twice, emoji)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.domain.report import (
    Report,
    ReportItem,
    ReportPart,
    ReportTable,
    to_json,
    to_json_value,
)

_ENCODER = json.JSONEncoder(ensure_ascii=False)


def plain_layout(value: Any, level: int = 0, depth: int = 4) -> str:
    """The reference: ``value`` indented ``depth`` levels deep, each member below
    that (an item, a table) encoded whole by the JSON encoder on its own line."""
    encode: Callable[[Any], str] = _ENCODER.encode
    if depth == 0 or not isinstance(value, dict | list) or not value:
        return encode(value)
    pad = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        inner = [f"{encode(k)}: {plain_layout(v, level + 1, depth - 1)}" for k, v in value.items()]
        return "{" + pad + ("," + pad).join(inner) + "\n" + "  " * level + "}"
    if depth == 1:
        inner = [encode(v) for v in value]
    else:
        inner = [plain_layout(v, level + 1, depth - 1) for v in value]
    return "[" + pad + ("," + pad).join(inner) + "\n" + "  " * level + "]"


def reference(report: Report) -> str:
    return plain_layout(to_json_value(report)) + "\n"


TRICKY = (
    "",
    'she said "enough" \\ then left',
    '}, {"when": "2020-01-01", "who": "Sam"}',
    "line one\nline two\ttabbed\r\x00\x1f\x7f",
    "emoji 💔🫶 and ÷ and “quotes” and \u2028 and \ud7ff",
    "Request",
)

words = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40))
moments = st.one_of(
    st.dates(date(2001, 1, 1), date(2040, 12, 31)),
    st.datetimes(datetime(2001, 1, 1), datetime(2040, 12, 31)).map(lambda d: d.replace(tzinfo=UTC)),
    st.datetimes(datetime(2001, 1, 1), datetime(2040, 12, 31)).map(
        lambda d: d.replace(tzinfo=timezone(timedelta(hours=-5)))
    ),
)
items = st.builds(
    ReportItem,
    moments,
    words,
    words,
    words,
    st.lists(st.tuples(words, words), max_size=4).map(tuple),
)
tables = st.builds(
    ReportTable,
    words,
    st.lists(words, max_size=3).map(tuple),
    st.lists(st.lists(words, max_size=3).map(tuple), max_size=3).map(tuple),
)
parts = st.builds(
    ReportPart,
    words,
    words,
    words,
    st.lists(tables, max_size=2).map(tuple),
    st.lists(items, max_size=6).map(tuple),
)
reports = st.builds(
    Report,
    st.lists(words, max_size=2).map(tuple),
    st.dates(date(2001, 1, 1), date(2040, 12, 31)),
    st.dates(date(2001, 1, 1), date(2040, 12, 31)),
    moments.filter(lambda m: isinstance(m, datetime)),
    words,
    words,
    st.lists(parts, max_size=3).map(tuple),
    words,
)


@settings(max_examples=300, deadline=None)
@given(reports)
def test_the_json_is_the_plain_layout_byte_for_byte(report: Report) -> None:
    text = to_json(report)
    assert text == reference(report)
    assert json.loads(text) == to_json_value(report)


def test_every_kind_of_detail_and_value_the_same_as_the_encoder_writes() -> None:
    when = datetime(2026, 3, 10, 12, tzinfo=UTC)
    report = Report(
        partners=("Alex", "Sam"),
        start=date(2026, 3, 1),
        end=date(2026, 3, 31),
        made_at=when,
        made_by="Alex",
        consented_by="",  # null
        parts=(
            ReportPart("empty", "Nothing here"),
            ReportPart(
                "timeline",
                "Shared timeline",
                "intro",
                (ReportTable("c", ("a", "b"), (("1", '"2"'),)),),
                (
                    ReportItem(when, "Alex", "Shared reflection", "no details"),
                    ReportItem(date(2026, 3, 11), "", "Win", "", (("Request", "talk"),)),
                    # a label given twice: its first place, its last value (as a dict)
                    ReportItem(
                        when,
                        "Sam",
                        "Setback (open)",
                        "what",
                        (("Repaired", "first"), ("Trigger", "t"), ("Repaired", "second")),
                    ),
                ),
            ),
        ),
    )
    text = to_json(report)
    assert text == reference(report)
    assert '"details": {"Repaired": "second", "Trigger": "t"}' in text
    assert '"agreed_by": null' in text and '"items": []' in text


def test_a_value_that_is_not_a_string_is_written_as_the_encoder_writes_it() -> None:
    """The dataclasses say str; should anything else get there, the line is what the
    encoder makes of the item's object, as before (not an error of its own)."""
    odd: Any = 7
    report = Report(
        ("Alex", "Sam"),
        date(2026, 3, 1),
        date(2026, 3, 31),
        datetime(2026, 4, 1, tzinfo=UTC),
        "Alex",
        "Sam",
        (
            ReportPart(
                "wins",
                "Wins",
                items=(
                    ReportItem(date(2026, 3, 2), "Alex", "Win", odd),
                    ReportItem(date(2026, 3, 3), "Alex", "Win", "x", ((odd, "y"),)),
                ),
            ),
        ),
    )
    text = to_json(report)
    assert text == reference(report)
    assert '"text": 7' in text and '"details": {"7": "y"}' in text
