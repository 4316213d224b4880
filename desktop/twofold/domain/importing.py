"""Entries from other journals, read from their export formats (issue 15).

Pure parsing over text already read from disk; the service reads files and zips.

* **Day One** JSON export: ``{"metadata": {...}, "entries": [{"uuid", "creationDate"
  (UTC, ``2021-05-03T12:34:56Z``), "timeZone" (IANA name), "text", "tags",
  "starred", "photos", "videos", "audios", "pdfAttachments", ...}]}``. Attachments
  are not imported; their ``![](dayone-moment://…)`` references are removed and
  counted.
* **jrnl** ``--export json``: ``{"tags": {...}, "entries": [{"title", "body", "date"
  ("%Y-%m-%d"), "time" ("%H:%M"), "tags" (with their ``@``), "starred"}]}``; and its
  plain text format: entries start with ``[YYYY-MM-DD HH:MM] title`` (`` *`` at the
  end of the line marks a starred entry).
* **Markdown or plain text files**: the date comes from YAML front matter
  (``date:``) or from the file name (``2024-03-05….md``, ``2024/03/05.txt``).

Times without a zone (jrnl, file names) are read in the zone given by the caller
(the computer's own by default). Every entry gets a stable source id so that
importing the same file twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from twofold.domain.errors import InvalidInput

MAX_ENTRY = 200_000  # the journal's own limit per entry (services.journal.MAX_BODY)
STARRED_TAG = "starred"


class ImportFormat(StrEnum):
    DAY_ONE = "dayone"
    JRNL_JSON = "jrnl-json"
    JRNL_TEXT = "jrnl-text"
    FILES = "files"

    @property
    def label(self) -> str:
        return {
            ImportFormat.DAY_ONE: "Day One (JSON export)",
            ImportFormat.JRNL_JSON: "jrnl (JSON export)",
            ImportFormat.JRNL_TEXT: "jrnl (plain text)",
            ImportFormat.FILES: "Markdown and text files",
        }[self]


class MalformedImport(InvalidInput):
    """The file cannot be read as its format says; names the file and the line."""

    def __init__(self, file: str, line: int | None, what: str) -> None:
        where = f"{file}, line {line}" if line else file
        super().__init__(f"{where}: {what}. Nothing was imported.")
        self.file = file
        self.line = line


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    source_id: str
    created_at: datetime  # aware, UTC
    body: str
    tags: tuple[str, ...]
    origin: str  # file (and entry) it came from, for messages


@dataclass(slots=True)
class ParsedSource:
    """Everything read from one import source, before anything is written."""

    format: ImportFormat
    entries: list[ImportedEntry] = field(default_factory=list)
    attachments_skipped: int = 0
    empty_skipped: int = 0
    duplicates_in_source: int = 0
    too_long_skipped: int = 0
    undated_files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "x.txt was read as Windows-1252"
    files_read: int = 0

    def add(self, entry: ImportedEntry, seen: set[str]) -> None:
        if not entry.body.strip():
            self.empty_skipped += 1
        elif entry.source_id in seen:
            self.duplicates_in_source += 1
        elif len(entry.body) > MAX_ENTRY:
            self.too_long_skipped += 1
        else:
            seen.add(entry.source_id)
            self.entries.append(entry)


def content_id(prefix: str, created_at: datetime, body: str) -> str:
    digest = hashlib.sha256(
        f"{created_at.astimezone(UTC).isoformat(timespec='seconds')}\0{body.strip()}".encode()
    ).hexdigest()
    return f"{prefix}:{digest[:40]}"


def _line_of(text: str, needle: str, start: int = 0) -> int | None:
    at = text.find(needle, start)
    return None if at < 0 else text.count("\n", 0, at) + 1


def _json(text: str, file: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedImport(file, exc.lineno, f"this is not valid JSON ({exc.msg})") from exc


def _tags(values: Iterable[Any]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for value in values:
        cleaned = " ".join(str(value).strip().lstrip("@#").lower().split())
        if cleaned:
            out.setdefault(cleaned, None)
    return tuple(out)


# --- Day One -----------------------------------------------------------------------

_MOMENT = re.compile(r"!\[[^\]]*\]\(dayone-moment:/+[^)]*\)[ \t]*\n?")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_ATTACHMENT_KEYS = ("photos", "videos", "audios", "pdfAttachments")


def detect_json(text: str, file: str) -> ImportFormat:
    data = _json(text, file)
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise MalformedImport(
            file, 1, "this is neither a Day One nor a jrnl export (no list of “entries”)"
        )
    first = next((e for e in entries if isinstance(e, dict)), {})
    if "creationDate" in first or "metadata" in data:
        return ImportFormat.DAY_ONE
    return ImportFormat.JRNL_JSON


def parse_day_one(text: str, file: str, parsed: ParsedSource, seen: set[str]) -> None:
    data = _json(text, file)
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise MalformedImport(file, 1, "a Day One export needs a list of “entries”")
    search_from, line_at = 0, 1  # lines counted as we go: one pass over the text
    for number, raw in enumerate(entries, start=1):
        if not isinstance(raw, dict):
            raise MalformedImport(file, None, f"entry {number} is not an object")
        uuid = str(raw.get("uuid") or "")
        line = None
        if uuid:
            found = text.find(f'"{uuid}"', search_from)
            if found >= 0:
                line_at += text.count("\n", search_from, found)
                search_from, line = found, line_at
        where = f"entry {number}" + (f" ({uuid})" if uuid else "")
        stamp = raw.get("creationDate")
        if not isinstance(stamp, str):
            raise MalformedImport(file, line, f"{where} has no creationDate")
        try:
            created = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError as exc:
            raise MalformedImport(
                file,
                _line_of(text, json.dumps(stamp), max(search_from, 0)) or line,
                f"{where} has a creationDate that is not a date: {stamp!r}",
            ) from exc
        if created.tzinfo is None:  # Day One writes UTC with a Z; an older file may not
            created = created.replace(tzinfo=_zone_or_utc(raw.get("timeZone")))
        body = str(raw.get("text") or "")
        moments = len(_MOMENT.findall(body))
        body = _ESCAPED.sub(r"\1", _MOMENT.sub("", body)).strip()
        attachments = sum(len(raw[k]) for k in _ATTACHMENT_KEYS if isinstance(raw.get(k), list))
        parsed.attachments_skipped += max(attachments, moments)
        tags = list(raw.get("tags") or [])
        if raw.get("starred"):
            tags.append(STARRED_TAG)
        source_id = f"dayone:{uuid}" if uuid else content_id("dayone", created, body)
        parsed.add(
            ImportedEntry(source_id, created.astimezone(UTC), body, _tags(tags), where), seen
        )


# --- jrnl --------------------------------------------------------------------------


def parse_jrnl_json(
    text: str, file: str, zone: tzinfo, parsed: ParsedSource, seen: set[str]
) -> None:
    data = _json(text, file)
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise MalformedImport(file, 1, "a jrnl export needs a list of “entries”")
    for number, raw in enumerate(entries, start=1):
        if not isinstance(raw, dict):
            raise MalformedImport(file, None, f"entry {number} is not an object")
        day, clock = raw.get("date"), raw.get("time", "00:00")
        try:
            created = datetime.combine(
                date.fromisoformat(str(day)), time.fromisoformat(str(clock))
            ).replace(tzinfo=zone)
        except ValueError as exc:
            line = _line_of(text, f'"{day}"') if day else None
            raise MalformedImport(
                file, line, f"entry {number} has no valid date and time ({day!r} {clock!r})"
            ) from exc
        title = str(raw.get("title") or "").strip()
        body = str(raw.get("body") or "").strip()
        full = f"{title}\n\n{body}".strip() if body else title
        tags = list(raw.get("tags") or [])
        if raw.get("starred"):
            tags.append(STARRED_TAG)
        source_id = f"jrnl:{raw['uuid']}" if raw.get("uuid") else content_id("jrnl", created, full)
        parsed.add(
            ImportedEntry(source_id, created.astimezone(UTC), full, _tags(tags), f"entry {number}"),
            seen,
        )


_JRNL_HEAD = re.compile(
    r"^\[(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)\] ?(.*)$"
)
_JRNL_TAG = re.compile(r"(?<!\S)@([-+*#/\w]+)")


def looks_like_jrnl_text(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return bool(_JRNL_HEAD.match(first.strip()))


def _jrnl_time(stamp: str) -> datetime:
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M %p", "%Y-%m-%d %I:%M%p"):
        try:
            return datetime.strptime(stamp, pattern)
        except ValueError:
            continue
    raise ValueError(stamp)


def parse_jrnl_text(
    text: str, file: str, zone: tzinfo, parsed: ParsedSource, seen: set[str]
) -> None:
    """jrnl's own file format (and ``jrnl --export txt``)."""
    current: tuple[datetime, list[str], bool, int] | None = None
    entries: list[tuple[datetime, list[str], bool, int]] = []
    for number, raw_line in enumerate(text.splitlines(), start=1):
        match = _JRNL_HEAD.match(raw_line.rstrip())
        if match:
            try:
                when = _jrnl_time(match.group(1)).replace(tzinfo=zone)
            except ValueError as exc:
                raise MalformedImport(
                    file, number, f"[{match.group(1)}] is not a date and time jrnl writes"
                ) from exc
            title = match.group(2).rstrip()
            starred = title.endswith(" *") or title == "*"
            if starred:
                title = title[:-1].rstrip()
            current = (when, [title], starred, number)
            entries.append(current)
        elif current is None:
            if raw_line.strip():
                raise MalformedImport(
                    file,
                    number,
                    "expected the first entry to start with a date like [2024-03-05 21:40]",
                )
        else:
            current[1].append(raw_line.rstrip())
    for when, lines, starred, number in entries:
        body = "\n".join(lines).strip()
        tags = [t.lower() for t in _JRNL_TAG.findall(body)]
        if starred:
            tags.append(STARRED_TAG)
        parsed.add(
            ImportedEntry(
                content_id("jrnl", when, body),
                when.astimezone(UTC),
                body,
                _tags(tags),
                f"{file}, line {number}",
            ),
            seen,
        )


# --- Markdown and plain text files --------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_NAME_DATE = re.compile(
    r"(?P<y>\d{4})[-_/.](?P<m>\d{1,2})[-_/.](?P<d>\d{1,2})"
    r"(?:[T _-]?(?P<H>\d{2})[:.-]?(?P<M>\d{2})(?:[:.-]?(?P<S>\d{2}))?)?"
)


def _as_datetime(value: Any, zone: tzinfo) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(12)).replace(tzinfo=zone)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    return None


def date_from_name(relative: str, zone: tzinfo) -> datetime | None:
    """``2024-03-05.md``, ``2024-03-05 2140 title.md``, jrnl's folder ``2024/03/05.txt``."""
    stem = relative.rsplit(".", 1)[0]
    for match in reversed(list(_NAME_DATE.finditer(stem))):
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            clock = (
                time(int(match["H"]), int(match["M"]), int(match["S"] or 0))
                if match["H"]
                else time(12)
            )
        except ValueError:
            continue
        return datetime.combine(day, clock).replace(tzinfo=zone)
    return None


def parse_text_file(
    text: str, relative: str, zone: tzinfo, parsed: ParsedSource, seen: set[str]
) -> None:
    """One Markdown or text file: one entry, unless it is in jrnl's own format."""
    front: dict[str, Any] = {}
    body = text
    match = _FRONT.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise MalformedImport(relative, line, "the front matter is not valid YAML") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise MalformedImport(relative, 2, "the front matter is not a list of “key: value”")
        front = loaded or {}
        body = text[match.end() :]
    elif looks_like_jrnl_text(text):
        parse_jrnl_text(text, relative, zone, parsed, seen)
        return
    when = _as_datetime(front.get("date") or front.get("created"), zone)
    if when is None and ("date" in front or "created" in front):
        raise MalformedImport(
            relative, _line_of(text, "date") or 2, "the front matter's date is not a date"
        )
    when = when or date_from_name(relative, zone)
    if when is None:
        parsed.undated_files.append(relative)
        return
    tags_value = front.get("tags") or front.get("keywords") or []
    tags = [tags_value] if isinstance(tags_value, str) else list(tags_value)
    if front.get("starred"):
        tags.append(STARRED_TAG)
    title = front.get("title")
    body = body.strip()
    if isinstance(title, str) and title.strip() and not body.startswith(title.strip()):
        body = f"{title.strip()}\n\n{body}".strip()
    source_id = f"file:{front['id']}" if front.get("id") else content_id("file", when, body)
    parsed.add(ImportedEntry(source_id, when.astimezone(UTC), body, _tags(tags), relative), seen)


def decode_text(data: bytes, relative: str, parsed: ParsedSource) -> str:
    """UTF-8 (with or without a byte-order mark); otherwise Windows-1252, said aloud."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        parsed.notes.append(f"{relative} is not UTF-8; it was read as Windows-1252")
        return text


def _zone_or_utc(name: Any) -> tzinfo:
    try:
        return ZoneInfo(str(name)) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_named(name: str | None) -> tzinfo:
    """An IANA zone by name, or the computer's own zone."""
    if not name:
        local = datetime.now().astimezone().tzinfo
        assert local is not None
        return local
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput(f"{name!r} is not a time zone name such as Europe/Berlin.") from exc
