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


def to_json_value(report: Report) -> dict[str, Any]:
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
                "items": [
                    {
                        "when": _iso(i.when),
                        "who": i.who,
                        "title": i.title,
                        "text": i.text,
                        "details": {label: value for label, value in i.details},
                    }
                    for i in part.items
                ],
            }
            for part in report.parts
        ],
    }


def to_json(report: Report) -> str:
    """Indented to the level of each item; each item (and table) on one line.

    ``json.dumps(indent=...)`` runs Python's own encoder, not the C one: 16 MB for a
    ten-year ledger took seconds. The C encoder writes each item (one encoder for the
    whole report: ``json.dumps`` with options builds a new one per call, which was
    half the cost for ~33,000 items); only the outer levels are laid out here. The
    value is the same JSON either way."""
    return _layout(to_json_value(report), 0, 4, _ENCODER.encode) + "\n"


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _layout(value: Any, level: int, depth: int, encode: Callable[[Any], str]) -> str:
    if depth == 0 or not isinstance(value, dict | list) or not value:
        return encode(value)
    pad = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        inner = [
            f"{encode(key)}: {_layout(v, level + 1, depth - 1, encode)}" for key, v in value.items()
        ]
        return "{" + pad + ("," + pad).join(inner) + "\n" + "  " * level + "}"
    if depth == 1:  # the items of a list, each on its own line
        inner = [encode(v) for v in value]
    else:
        inner = [_layout(v, level + 1, depth - 1, encode) for v in value]
    return "[" + pad + ("," + pad).join(inner) + "\n" + "  " * level + "]"
