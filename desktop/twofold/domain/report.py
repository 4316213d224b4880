"""The report for a therapist: what it holds, and its Markdown and JSON forms
(issue 15). The PDF form is laid out by Qt in ``ui/report_pdf.py`` from the same
``Report``. The JSON form is documented in ``docs/EXPORT.md`` (schema
``twofold.report/1``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from twofold.domain.errors import InvalidInput

REPORT_SCHEMA = "twofold.report/1"
MAX_RANGE_DAYS = 366 * 30


class ReportSection(StrEnum):
    TIMELINE = "timeline"
    COMMITMENTS = "commitments"
    AGREEMENT = "agreement"
    SETBACKS = "setbacks"
    WINS = "wins"
    CHECKINS = "checkins"
    SESSIONS = "sessions"

    @property
    def label(self) -> str:
        return {
            ReportSection.TIMELINE: "Shared timeline",
            ReportSection.COMMITMENTS: "Commitments and how they were kept",
            ReportSection.AGREEMENT: "The agreement: versions and changes",
            ReportSection.SETBACKS: "Setbacks and repairs",
            ReportSection.WINS: "Wins and milestones",
            ReportSection.CHECKINS: "Check-in answers",
            ReportSection.SESSIONS: "Joint sessions and therapy objectives",
        }[self]


class ReportFormat(StrEnum):
    PDF = "pdf"
    MARKDOWN = "markdown"
    JSON = "json"

    @property
    def suffix(self) -> str:
        return {"pdf": ".pdf", "markdown": ".md", "json": ".json"}[self.value]

    @property
    def label(self) -> str:
        return {"pdf": "PDF", "markdown": "Markdown", "json": "JSON"}[self.value]


@dataclass(frozen=True, slots=True)
class ReportRequest:
    start: date
    end: date
    sections: tuple[ReportSection, ...]
    format: ReportFormat
    private_records: tuple[int, ...] = ()  # the exporting partner's own, picked one by one

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput("The range ends before it starts: choose the dates again.")
        if (self.end - self.start).days > MAX_RANGE_DAYS:
            raise InvalidInput("Choose a range of at most 30 years.")
        if not self.sections and not self.private_records:
            raise InvalidInput("Choose at least one part to include in the report.")

    def describe(self) -> str:
        parts = ", ".join(s.label.lower() for s in self.sections) or "no shared parts"
        private = (
            f"; {len(self.private_records)} private entries chosen by their author"
            if self.private_records
            else ""
        )
        return (
            f"{self.format.label}, {self.start:%d %b %Y} to {self.end:%d %b %Y}: {parts}{private}"
        )


@dataclass(frozen=True, slots=True)
class ReportItem:
    when: datetime | date
    who: str
    title: str
    text: str = ""
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ReportTable:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class ReportPart:
    key: str  # a ReportSection value, or "private"
    title: str
    intro: str = ""
    tables: tuple[ReportTable, ...] = ()
    items: tuple[ReportItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    partners: tuple[str, ...]
    start: date
    end: date
    made_at: datetime
    made_by: str
    consented_by: str  # "" when made alone, after the other partner left
    parts: tuple[ReportPart, ...] = field(default_factory=tuple)
    # "Alex left the vault on 03 December 2026": made by the one who stayed, alone
    after_left: str = ""

    @property
    def signed_text(self) -> str:
        """Who made it and who agreed, as the report's first lines say it."""
        if self.after_left:
            return (
                f"by {self.made_by} alone, after {self.after_left} (no second signature "
                "is possible; the export is in the ledger, signed by "
                f"{self.made_by})"
            )
        return f"by {self.made_by}, agreed by {self.consented_by}"

    @property
    def title(self) -> str:
        return "Twofold — " + " & ".join(self.partners)

    @property
    def range_text(self) -> str:
        return f"{self.start:%d %B %Y} – {self.end:%d %B %Y}"


PLAINTEXT_WARNING = (
    "This file is not encrypted. Anyone who can open it can read it: keep it somewhere "
    "safe, and delete it when it is no longer needed."
)


def _when(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.astimezone().strftime("%a %d %b %Y, %H:%M")
    return value.strftime("%a %d %b %Y")


def _md_escape_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def to_markdown(report: Report) -> str:
    lines = [
        f"# {report.title}",
        "",
        f"**Period:** {report.range_text}  ",
        f"**Made:** {_when(report.made_at)} {report.signed_text}",
        "",
        f"> {PLAINTEXT_WARNING}",
        "",
    ]
    for part in report.parts:
        lines += [f"## {part.title}", ""]
        if part.intro:
            lines += [part.intro, ""]
        for table in part.tables:
            lines += [f"**{table.caption}**", ""]
            lines.append("| " + " | ".join(_md_escape_cell(h) for h in table.headers) + " |")
            lines.append("|" + "|".join(" --- " for _ in table.headers) + "|")
            for row in table.rows:
                lines.append("| " + " | ".join(_md_escape_cell(c) for c in row) + " |")
            lines.append("")
        for item in part.items:
            who = f" — {item.who}" if item.who else ""
            lines += [f"### {_when(item.when)}{who}: {item.title}", ""]
            if item.text:
                lines += [item.text, ""]
            for label, value in item.details:
                lines.append(f"- **{label}:** {value}")
            if item.details:
                lines.append("")
        if not part.tables and not part.items:
            lines += ["_Nothing in this period._", ""]
    return "\n".join(lines).rstrip() + "\n"


def _iso(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _item_value(item: ReportItem) -> dict[str, Any]:
    return {
        "when": _iso(item.when),
        "who": item.who,
        "title": item.title,
        "text": item.text,
        "details": {label: value for label, value in item.details},
    }


def _item_values(items: tuple[ReportItem, ...]) -> list[dict[str, Any]]:
    return [_item_value(i) for i in items]


def to_json_value(
    report: Report,
    items: Callable[[tuple[ReportItem, ...]], list[Any]] = _item_values,
) -> dict[str, Any]:
    """The report as JSON's values (``docs/EXPORT.md``). ``items``: how a part's items
    are given (``to_json`` passes their lines already written)."""
    return {
        "schema": REPORT_SCHEMA,
        "title": report.title,
        "partners": list(report.partners),
        "range": {"start": report.start.isoformat(), "end": report.end.isoformat()},
        "made_at": _iso(report.made_at),
        "made_by": report.made_by,
        "agreed_by": report.consented_by or None,
        "made_after_left": report.after_left or None,
        "notice": PLAINTEXT_WARNING,
        "sections": [
            {
                "key": part.key,
                "title": part.title,
                "intro": part.intro,
                "tables": [
                    {
                        "caption": t.caption,
                        "headers": list(t.headers),
                        "rows": [list(r) for r in t.rows],
                    }
                    for t in part.tables
                ],
                "items": items(part.items),
            }
            for part in report.parts
        ],
    }


def to_json(report: Report) -> str:
    """Indented to the level of each item; each item (and table) on one line: the
    value of ``to_json_value`` laid out by ``_layout``.

    ``json.dumps(indent=...)`` runs Python's own encoder, not the C one: 16 MB for a
    ten-year ledger took seconds. The outer levels are laid out here, each table is
    written by one C encoder (``json.dumps`` with options builds a new one per call),
    and each item's line is put together from its fields, each string escaped by the
    function the C encoder itself calls for a string (``_item_line``): no dict per
    item, no encoder call per item. The value is the same JSON either way, and the
    text the same bytes (tests/unit/test_report_json.py holds the plain layout of
    ``to_json_value`` beside it)."""
    out: list[str] = []
    _layout(to_json_value(report, _Lines.of_items), 0, 4, _ENCODER.encode, out)
    out.append("\n")
    return "".join(out)


_ENCODER = json.JSONEncoder(ensure_ascii=False)
# the C encoder's own string escaping (``ensure_ascii=False``), as a function
_string: Callable[[str], str] = json.encoder.encode_basestring


class _Lines(list[str]):
    """A list's members already written as JSON, one per line in ``_layout``."""

    @classmethod
    def of_items(cls, items: tuple[ReportItem, ...]) -> _Lines:
        return cls(map(_item_line, items))


def _item_line(item: ReportItem) -> str:
    """``_ENCODER.encode`` of the item's object in ``to_json_value`` (same keys, same
    order, same separators, same escaping), without building the object."""
    details = item.details
    try:
        if not details:
            written = "{}"
        elif len(details) == 1:
            ((label, text),) = details
            written = "{" + _string(label) + ": " + _string(text) + "}"
        else:  # a label given twice keeps its first place and its last value, as a dict
            written = _ENCODER.encode(dict(details))
        return (
            f'{{"when": {_string(_iso(item.when))}, "who": {_string(item.who)}, '
            f'"title": {_string(item.title)}, "text": {_string(item.text)}, '
            f'"details": {written}}}'
        )
    except TypeError:  # a value that is not a string: the encoder says what it makes of it
        return _ENCODER.encode(_item_value(item))


def _layout(
    value: Any, level: int, depth: int, encode: Callable[[Any], str], out: list[str]
) -> None:
    """``value`` indented ``depth`` levels deep, into ``out`` (joined once: the ten-year
    report's 13 MB were copied at each level when each level returned its text)."""
    if isinstance(value, _Lines):  # already written: one per line
        if not value:
            out.append("[]")
            return
        pad = "\n" + "  " * (level + 1)
        out += ("[", pad, ("," + pad).join(value), "\n", "  " * level, "]")
        return
    if depth == 0 or not isinstance(value, dict | list) or not value:
        out.append(encode(value))
        return
    pad = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        out.append("{")
        for n, (key, v) in enumerate(value.items()):
            out += ("," + pad if n else pad, encode(key), ": ")
            _layout(v, level + 1, depth - 1, encode, out)
        out += ("\n", "  " * level, "}")
        return
    out.append("[")
    for n, v in enumerate(value):
        out.append("," + pad if n else pad)
        if depth == 1:  # the items of a list, each on its own line
            out.append(encode(v))
        else:
            _layout(v, level + 1, depth - 1, encode, out)
    out += ("\n", "  " * level, "]")
