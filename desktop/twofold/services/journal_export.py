"""Your own private journal as plain files (issue 15): Markdown (one file per entry
with front matter, or one file per month) or one JSON file, with the edit history if
asked. Only the journal's owner, in their own unlocked session, can do it; nothing
from the shared ledger or the other partner is included. The files are NOT
encrypted. They are written into a hidden folder beside the target and renamed into
place when complete, so a failure or a cancel leaves nothing half-written.
"""

from __future__ import annotations

import json
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from twofold.domain.errors import InvalidInput, TwofoldError
from twofold.domain.records import JournalFormat, JournalRecord, RecordVersion
from twofold.services.journal import journal_of
from twofold.vault.files import fsync_folder
from twofold.vault.vault import OpenVault, now

JOURNAL_SCHEMA = "twofold.journal/1"
Progress = Callable[[int, int], None]


class ExportCancelled(TwofoldError):
    exit_code = 1

    def __init__(self) -> None:
        super().__init__("The export was cancelled; no files were left behind.")


@dataclass(frozen=True, slots=True)
class JournalExportResult:
    folder: Path
    entries: int
    files: int


_README = """This folder is an export of {who}'s private Twofold journal ({count} entries,
made {made}). It is NOT encrypted: anyone who can open these files can read them.
Keep it somewhere safe, and delete it when you no longer need it.
"""


def _local(moment: datetime) -> datetime:
    return moment.astimezone()


def _front_matter(record: JournalRecord) -> str:
    data: dict[str, Any] = {
        "date": _local(record.created_at).isoformat(timespec="seconds"),
        "kind": record.kind.value,
        "feelings": list(record.feelings),
        "tags": list(record.tags),
    }
    if record.updated_at != record.created_at:
        data["updated"] = _local(record.updated_at).isoformat(timespec="seconds")
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n"


def _history_markdown(versions: list[RecordVersion], level: str) -> str:
    if not versions:
        return ""
    out = f"\n{level} Earlier versions\n"
    for version in versions:
        when = _local(version.edited_at).strftime("%d %b %Y, %H:%M")
        out += f"\n{level}# Replaced on {when} ({version.kind.label})\n\n{version.body.strip()}\n"
    return out


def _entry_file_name(record: JournalRecord) -> str:
    return f"{_local(record.created_at):%Y-%m-%d_%H%M}_{record.id}.md"


def _json_record(record: JournalRecord, versions: list[RecordVersion] | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": record.id,
        "created_at": record.created_at.isoformat(timespec="seconds"),
        "updated_at": record.updated_at.isoformat(timespec="seconds"),
        "kind": record.kind.value,
        "feelings": list(record.feelings),
        "tags": list(record.tags),
        "body": record.body,
    }
    if versions is not None:
        out["history"] = [
            {
                "replaced_at": v.edited_at.isoformat(timespec="seconds"),
                "kind": v.kind.value,
                "feelings": list(v.feelings),
                "tags": list(v.tags),
                "body": v.body,
            }
            for v in versions
        ]
    return out


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def export_journal(
    vault: OpenVault,
    target: Path,
    fmt: JournalFormat,
    *,
    with_history: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> JournalExportResult:
    journal = journal_of(vault)  # a shared session cannot: the key was never unwrapped
    target = target.expanduser().absolute()
    folder = vault.folder.expanduser().absolute()
    if target == folder or folder in target.parents:
        raise InvalidInput(
            "Export outside the vault folder: these files are plaintext, and the vault "
            "folder is meant to hold only encrypted files."
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InvalidInput(f"{target} already exists and is not empty; choose a new folder.")
    if not target.parent.is_dir():
        raise InvalidInput(f"{target.parent} does not exist; choose a folder that does.")
    total = journal.count()
    staging = target.parent / f".{target.name}.exporting-{secrets.token_hex(4)}"
    staging.mkdir()
    files = 0
    try:
        entries: list[dict[str, Any]] = []
        month_key = ""
        month_text = ""
        for index, record in enumerate(journal.all_records()):
            if index % 200 == 0:
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                if progress is not None:
                    progress(index, total)
            versions = journal.history(record.id) if with_history else None
            if fmt == JournalFormat.JSON:
                entries.append(_json_record(record, versions))
            elif fmt == JournalFormat.MARKDOWN:
                text = _front_matter(record) + "\n" + record.body.strip() + "\n"
                text += _history_markdown(versions or [], "##")
                _write(staging / _entry_file_name(record), text)
                files += 1
            else:
                key = f"{_local(record.created_at):%Y-%m}"
                if key != month_key:
                    if month_key:
                        _write(staging / f"{month_key}.md", month_text)
                        files += 1
                    month_key = key
                    month_text = f"# {_local(record.created_at):%B %Y}\n"
                when = _local(record.created_at).strftime("%a %d %b %Y, %H:%M")
                month_text += f"\n## {when} — {record.kind.label}\n\n"
                labels = []
                if record.feelings:
                    labels.append("Feelings: " + ", ".join(record.feelings))
                if record.tags:
                    labels.append("Tags: " + ", ".join(record.tags))
                if labels:
                    month_text += "*" + " · ".join(labels) + "*\n\n"
                month_text += record.body.strip() + "\n"
                month_text += _history_markdown(versions or [], "###")
        if fmt == JournalFormat.MARKDOWN_MONTHS and month_key:
            _write(staging / f"{month_key}.md", month_text)
            files += 1
        made = now()
        if fmt == JournalFormat.JSON:
            document = {
                "schema": JOURNAL_SCHEMA,
                "partner": vault.partner.label,
                "exported_at": made.isoformat(timespec="seconds"),
                "with_history": with_history,
                "entries": entries,
            }
            _write(staging / "journal.json", json.dumps(document, ensure_ascii=False, indent=2))
            files += 1
        _write(
            staging / "README.txt",
            _README.format(
                who=vault.partner.label, count=total, made=f"{_local(made):%d %B %Y, %H:%M}"
            ),
        )
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        if target.exists():
            target.rmdir()
        staging.rename(target)
        fsync_folder(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if progress is not None:
        progress(total, total)
    return JournalExportResult(target, total, files)
