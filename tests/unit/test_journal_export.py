"""Your own journal as files: Markdown per entry or per month, JSON, history on
request; owner only; nothing from the other partner; round-trips through import."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.domain.records import JournalFormat, RecordKind
from twofold.services.journal_export import ExportCancelled
from twofold.services.session import Session, unlock, unlock_session


@pytest.fixture
def written(alex: Session, vault_dir: Path) -> Session:
    assert alex.journal is not None
    first = alex.journal.write(
        "First version of March",
        RecordKind.TRIGGER,
        feelings=("Anxious",),
        tags=("work",),
        at=datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
    )
    alex.journal.edit(first, "ALEX-MARCH edited", RecordKind.TRIGGER, ("anxious",), ("work",))
    alex.journal.write("ALEX-APRIL entry", at=datetime(2026, 4, 9, 20, 0, tzinfo=UTC))
    return alex


def test_markdown_one_file_per_entry_with_front_matter(written: Session, tmp_path: Path) -> None:
    result = written.export_journal(tmp_path / "out", JournalFormat.MARKDOWN, with_history=True)
    assert result.entries == 2
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files[-1] == "README.txt" and len(files) == 3
    march = next((tmp_path / "out").glob("2026-03-03_*.md")).read_text()
    _, front, body = march.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["kind"] == "trigger" and meta["feelings"] == ["anxious"]
    assert meta["tags"] == ["work"]
    assert datetime.fromisoformat(meta["date"]) == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    assert body.strip().startswith("ALEX-MARCH edited")
    assert "First version of March" in body  # history, asked for
    assert "NOT encrypted" in (tmp_path / "out" / "README.txt").read_text()


def test_months_and_json_and_history_only_when_asked(written: Session, tmp_path: Path) -> None:
    written.export_journal(tmp_path / "months", JournalFormat.MARKDOWN_MONTHS)
    names = sorted(p.name for p in (tmp_path / "months").iterdir())
    assert names == ["2026-03.md", "2026-04.md", "README.txt"]
    march = (tmp_path / "months" / "2026-03.md").read_text()
    assert march.startswith("# March 2026") and "ALEX-MARCH edited" in march
    assert "First version" not in march
    written.export_journal(tmp_path / "json", JournalFormat.JSON, with_history=True)
    data = json.loads((tmp_path / "json" / "journal.json").read_text())
    assert data["schema"] == "twofold.journal/1" and data["partner"] == "Alex"
    assert [e["body"] for e in data["entries"]] == ["ALEX-MARCH edited", "ALEX-APRIL entry"]
    assert data["entries"][0]["history"][0]["body"] == "First version of March"


def test_the_export_reimports_into_another_journal(
    written: Session, vault_dir: Path, tmp_path: Path
) -> None:
    written.export_journal(tmp_path / "out", JournalFormat.MARKDOWN)
    written.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        from twofold.services.imports import import_path

        assert import_path(sam, tmp_path / "out").added == 2
        assert sam.journal is not None
        records = sam.journal.listing().records
        assert [r.body for r in records] == ["ALEX-APRIL entry", "ALEX-MARCH edited"]
        assert records[1].created_at == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    finally:
        sam.lock()


def test_owner_only_never_into_the_vault_or_over_files(
    written: Session, vault_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInput, match="outside the vault folder"):
        written.export_journal(vault_dir / "plain", JournalFormat.JSON)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("keep")
    with pytest.raises(InvalidInput, match="not empty"):
        written.export_journal(tmp_path / "full", JournalFormat.JSON)
    with pytest.raises(ExportCancelled):
        written.export_journal(tmp_path / "c", JournalFormat.MARKDOWN, cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["codes", "full", "vault"]
    written.lock()
    session = unlock_session(vault_dir, ALEX_PASS, "Alex")
    try:
        with pytest.raises(NotAllowed):
            session.export_journal(tmp_path / "x", JournalFormat.JSON)
    finally:
        session.lock()


def test_cli_exports(vault_dir: Path, tmp_path: Path, written: Session) -> None:
    from tests.unit.test_cli import cli

    written.lock()
    alex = tmp_path / "alex.pass"
    alex.write_text(ALEX_PASS + "\n")
    sam = tmp_path / "sam.pass"
    sam.write_text(SAM_PASS + "\n")
    common = ("--vault", vault_dir, "--as", "Alex", "--passphrase-file", alex)
    done = cli("export", "journal", "--out", tmp_path / "files", "--format", "json", *common)
    assert done.code == 0 and "Exported 2 entries" in done.out and "NOT encrypted" in done.err
    bad = cli("export", "journal", "--out", tmp_path / "f2", "--format", "pdf", *common)
    assert bad.code == 2
    report = (
        "export",
        "report",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--format",
        "markdown",
        *common,
    )
    alone = cli(*report, "--out", tmp_path / "r.md")
    assert alone.code == 2 and "No terminal" in alone.err and not (tmp_path / "r.md").exists()
    wrong = cli(*report, "--out", tmp_path / "r.md", "--partner-passphrase-file", alex)
    assert wrong.code == 3 and not (tmp_path / "r.md").exists()
    both = cli(*report, "--out", tmp_path / "r.md", "--partner-passphrase-file", sam)
    assert both.code == 0, both.err
    assert "signed by both" in both.out
    assert "ALEX-MARCH" not in (tmp_path / "r.md").read_text()  # private, not chosen
    bad_date = cli(
        "export",
        "report",
        "--from",
        "March",
        "--to",
        "2026-03-31",
        "--out",
        tmp_path / "x",
        *common,
    )
    assert bad_date.code == 2
