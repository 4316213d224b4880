"""Imports into the private journal: Day One, jrnl, and folders of Markdown or text
files (issue 15).

Reading never writes: ``read_source`` parses everything first (a malformed file is
named with its line and nothing is written), ``ImportService.preview`` says how
many entries are new, which dates they span and what is skipped, and ``run`` writes
all new entries in one transaction, with progress and cancel (a cancel rolls back
everything). Each imported entry's source id is kept inside the private journal
(``meta`` rows ``import/<source id>``), so importing the same file twice adds
nothing; deleting an imported entry and importing again does not bring it back.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from twofold.domain.errors import InvalidInput, NotAllowed, TwofoldError
from twofold.domain.importing import (
    ImportedEntry,
    ImportFormat,
    MalformedImport,
    ParsedSource,
    decode_text,
    detect_json,
    looks_like_jrnl_text,
    parse_day_one,
    parse_jrnl_json,
    parse_jrnl_text,
    parse_text_file,
    zone_named,
)
from twofold.domain.records import RecordKind
from twofold.services.journal import journal_of, record_ledger_head
from twofold.vault.vault import OpenVault

if TYPE_CHECKING:
    from twofold.services.session import Session

Progress = Callable[[int, int], None]
TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text", ".mdown"}
MAX_SOURCE_BYTES = 1 << 30
BATCH = 1000  # entries per statement: progress and cancel between batches
_META_PREFIX = "import/"


class ImportCancelled(TwofoldError):
    """The person cancelled; nothing was written."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was added to your journal.")


@dataclass(frozen=True, slots=True)
class ImportPreview:
    source: Path
    parsed: ParsedSource
    new: tuple[ImportedEntry, ...]
    already_imported: int

    @property
    def format(self) -> ImportFormat:
        return self.parsed.format

    @property
    def first(self) -> datetime | None:
        return min((e.created_at for e in self.new), default=None)

    @property
    def last(self) -> datetime | None:
        return max((e.created_at for e in self.new), default=None)

    def skipped(self) -> list[str]:
        def n(count: int, one: str, many: str) -> str:
            return f"{count} {one if count == 1 else many}"

        """What will not be imported, one line each, for the preview."""
        p = self.parsed
        lines = []
        if self.already_imported:
            lines.append(f"{self.already_imported} already imported earlier")
        if p.duplicates_in_source:
            lines.append(
                n(p.duplicates_in_source, "duplicate entry", "duplicate entries") + " in the source"
            )
        if p.empty_skipped:
            lines.append(n(p.empty_skipped, "entry", "entries") + " without text")
        if p.too_long_skipped:
            lines.append(n(p.too_long_skipped, "entry", "entries") + " over 200,000 characters")
        if p.attachments_skipped:
            lines.append(
                n(p.attachments_skipped, "attachment", "attachments") + " (photos, audio, files)"
            )
        if p.undated_files:
            shown = ", ".join(p.undated_files[:3]) + ("…" if len(p.undated_files) > 3 else "")
            lines.append(n(len(p.undated_files), "file", "files") + f" without a date ({shown})")
        return lines

    def summary(self) -> str:
        when = ""
        if self.first and self.last:
            first = self.first.astimezone().date()
            last = self.last.astimezone().date()
            when = f", from {first:%d %b %Y} to {last:%d %b %Y}"
        count = len(self.new)
        return f"{count} new {'entry' if count == 1 else 'entries'} from {self.format.label}{when}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    already_imported: int
    skipped_attachments: int
    format: ImportFormat


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise InvalidInput(f"{path.name} is larger than 1 GiB; split it first.")
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from exc


def _strict_utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MalformedImport(name, line, "this JSON file is not UTF-8") from exc


def read_source(path: Path, zone: tzinfo | str | None = None) -> ParsedSource:
    """Parse a Day One zip or JSON, a jrnl JSON or text export, a Markdown/text file,
    or a folder of them. Raises ``MalformedImport`` (file and line) on bad input."""
    tz = zone if isinstance(zone, tzinfo) else zone_named(zone)
    if not path.exists():
        raise InvalidInput(f"{path} does not exist.")
    seen: set[str] = set()
    if path.is_dir():
        return _read_folder(path, tz, seen)
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return _read_zip(path, seen)
    data = _read(path)
    if suffix == ".json":
        text = _strict_utf8(data, path.name)
        kind = detect_json(text, path.name)
        parsed = ParsedSource(kind, files_read=1)
        if kind == ImportFormat.DAY_ONE:
            parse_day_one(text, path.name, parsed, seen)
        else:
            parse_jrnl_json(text, path.name, tz, parsed, seen)
        return parsed
    if suffix in TEXT_SUFFIXES or suffix in ("", ".journal", ".jrnl"):
        parsed = ParsedSource(ImportFormat.FILES, files_read=1)
        text = decode_text(data, path.name, parsed)
        if looks_like_jrnl_text(text):
            parsed.format = ImportFormat.JRNL_TEXT
            parse_jrnl_text(text, path.name, tz, parsed, seen)
        else:
            parse_text_file(text, path.name, tz, parsed, seen)
        return parsed
    raise InvalidInput(
        f"{path.name}: Twofold imports a Day One export (.zip or .json), a jrnl export "
        "(.json or .txt), Markdown or text files, or a folder of them."
    )


def _read_zip(path: Path, seen: set[str]) -> ParsedSource:
    parsed = ParsedSource(ImportFormat.DAY_ONE)
    try:
        with zipfile.ZipFile(path) as archive:
            names = [
                n
                for n in archive.namelist()
                if n.lower().endswith(".json") and not PurePosixPath(n).name.startswith("._")
            ]
            if not names:
                raise MalformedImport(path.name, None, "the zip holds no Day One journal (.json)")
            for name in sorted(names):
                info = archive.getinfo(name)
                if info.file_size > MAX_SOURCE_BYTES:
                    raise InvalidInput(f"{name} in {path.name} is larger than 1 GiB.")
                label = f"{path.name}/{name}"
                text = _strict_utf8(archive.read(name), label)
                if detect_json(text, label) != ImportFormat.DAY_ONE:
                    raise MalformedImport(label, 1, "this is not a Day One journal")
                parse_day_one(text, label, parsed, seen)
                parsed.files_read += 1
    except zipfile.BadZipFile as exc:
        raise MalformedImport(path.name, None, "this is not a readable zip file") from exc
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from exc
    return parsed


def _read_folder(folder: Path, zone: tzinfo, seen: set[str]) -> ParsedSource:
    parsed = ParsedSource(ImportFormat.FILES)
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in TEXT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if not files:
        raise InvalidInput(f"{folder} holds no Markdown or text files (.md, .txt).")
    for file in files:
        relative = file.relative_to(folder).as_posix()
        parse_text_file(decode_text(_read(file), relative, parsed), relative, zone, parsed, seen)
        parsed.files_read += 1
    return parsed


class ImportService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._store = journal_of(vault)

    def _imported(self) -> set[str]:
        return {k[len(_META_PREFIX) :] for k in self._store.meta_with_prefix(_META_PREFIX)}

    def preview(self, source: Path, parsed: ParsedSource) -> ImportPreview:
        done = self._imported()
        new = tuple(e for e in parsed.entries if e.source_id not in done)
        return ImportPreview(source, parsed, new, len(parsed.entries) - len(new))

    def run(
        self,
        preview: ImportPreview,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportResult:
        """All new entries in one transaction; a cancel or any failure keeps none."""
        total = len(preview.new)
        added = 0
        with self._vault.write("The import"), self._store.indexing_in_bulk() as index:
            done = self._imported()
            todo = [e for e in preview.new if e.source_id not in done]
            # the bar: writing the entries, then indexing them for search (as long)
            for start in range(0, len(todo), BATCH):
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(start // 2, total)
                batch = todo[start : start + BATCH]
                ids = self._store.add_many(
                    [(RecordKind.REFLECTION, e.body, (), e.tags, e.created_at) for e in batch]
                )
                self._store.set_many_meta(
                    [(_META_PREFIX + e.source_id, str(i)) for e, i in zip(batch, ids, strict=True)]
                )
                added += len(batch)
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            index.index(_second_half(progress, total))
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            record_ledger_head(self._vault)
        if progress is not None:
            progress(total, total)
        return ImportResult(
            added,
            preview.already_imported + (total - added),
            preview.parsed.attachments_skipped,
            preview.format,
        )


def _second_half(progress: Progress | None, total: int) -> Progress | None:
    """The search indexing's progress, drawn as the second half of the bar."""
    if progress is None:
        return None
    report, half = progress, total // 2
    return lambda n, of: report(total - half + n * half // max(of, 1), total)


def import_path(
    session: Session,
    path: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    zone: str | None = None,
) -> ImportResult:
    """Parse and import in one call (the CLI's ``--yes`` and the benchmark)."""
    service = session.imports
    if service is None:
        raise NotAllowed("Imports go into your private journal: unlock with your own passphrase.")
    parsed = read_source(path, zone)
    return service.run(service.preview(path, parsed), progress, cancelled)
