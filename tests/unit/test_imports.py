"""Imports from Day One, jrnl and folders of files into the private journal: real
format samples, awkward cases, idempotence, all-or-nothing, malformed input."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.fixtures.import_samples import (
    JRNL_TEXT,
    day_one_entry,
    jrnl_json,
    write_day_one_zip,
)
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.domain.importing import ImportFormat, MalformedImport
from twofold.services.imports import ImportCancelled, import_path, read_source
from twofold.services.session import Session, unlock, unlock_session
from twofold.vault import journal_store, search_index


def bodies(session: Session) -> list[str]:
    assert session.journal is not None
    return [r.body for r in session.journal.listing(0, 1000).records]


def day_one_sample(tmp_path: Path) -> Path:
    entries = [
        day_one_entry(
            "A" * 32,
            datetime(2024, 3, 5, 23, 30, tzinfo=UTC),
            "Late in Tokyo\\. We talked\\!",
            tags=["Us", "evening"],
            zone="Asia/Tokyo",
            starred=True,
            photos=2,
        ),
        day_one_entry(
            "B" * 32, datetime(2024, 3, 6, 8, 0, tzinfo=UTC), "Morning in Berlin", tags=["us"]
        ),
        day_one_entry("C" * 32, datetime(2024, 3, 7, tzinfo=UTC), "", photos=1),  # photo only
        day_one_entry("B" * 32, datetime(2024, 3, 6, 8, 0, tzinfo=UTC), "Morning in Berlin"),
    ]
    return write_day_one_zip(tmp_path / "Export - Journal.zip", entries=entries)


def test_day_one_zip_preview_then_import(alex: Session, tmp_path: Path) -> None:
    source = day_one_sample(tmp_path)
    parsed = read_source(source)
    assert alex.imports is not None
    preview = alex.imports.preview(source, parsed)
    assert parsed.format == ImportFormat.DAY_ONE
    assert len(preview.new) == 2
    assert preview.first == datetime(2024, 3, 5, 23, 30, tzinfo=UTC)
    assert preview.last == datetime(2024, 3, 6, 8, 0, tzinfo=UTC)
    skipped = preview.skipped()
    assert "1 duplicate entry in the source" in skipped
    assert "1 entry without text" in skipped
    assert "3 attachments (photos, audio, files)" in skipped
    assert bodies(alex) == []  # a preview writes nothing
    result = alex.imports.run(preview)
    assert result.added == 2 and result.skipped_attachments == 3
    assert alex.journal is not None
    records = alex.journal.listing().records
    assert [r.body for r in records] == ["Morning in Berlin", "Late in Tokyo. We talked!"]
    tokyo = records[1]
    assert tokyo.created_at == datetime(2024, 3, 5, 23, 30, tzinfo=UTC)
    assert tokyo.tags == ("us", "evening", "starred")
    assert "dayone-moment" not in tokyo.body


def test_importing_twice_adds_nothing(alex: Session, tmp_path: Path) -> None:
    source = day_one_sample(tmp_path)
    assert import_path(alex, source).added == 2
    again = import_path(alex, source)
    assert again.added == 0 and again.already_imported == 2
    assert len(bodies(alex)) == 2
    assert alex.imports is not None
    assert alex.imports.preview(source, read_source(source)).skipped()[0] == (
        "2 already imported earlier"
    )


def test_jrnl_json_and_text(alex: Session, tmp_path: Path) -> None:
    entries: list[dict[str, Any]] = [
        {
            "title": "Dinner went well.",
            "body": "We listened to each other. @us",
            "date": "2021-06-01",
            "time": "19:45",
            "tags": ["@us"],
            "starred": True,
        },
        {"title": "Short one.", "body": "", "date": "2021-06-02", "time": "07:05", "tags": []},
    ]
    (tmp_path / "jrnl.json").write_text(jrnl_json(entries))
    result = import_path(alex, tmp_path / "jrnl.json", zone="America/New_York")
    assert result.added == 2 and result.format == ImportFormat.JRNL_JSON
    assert alex.journal is not None
    first = alex.journal.listing().records[-1]
    assert first.body == "Dinner went well.\n\nWe listened to each other. @us"
    assert first.tags == ("us", "starred")
    assert first.created_at == datetime(2021, 6, 1, 23, 45, tzinfo=UTC)  # 19:45 EDT

    (tmp_path / "journal.txt").write_text(JRNL_TEXT)
    parsed = read_source(tmp_path / "journal.txt", "UTC")
    assert parsed.format == ImportFormat.JRNL_TEXT
    assert [e.created_at.day for e in parsed.entries] == [29, 31, 24]
    second = parsed.entries[1]
    assert second.body.startswith("A second entry in what I hope")
    assert not second.body.splitlines()[0].endswith("*")
    assert "starred" in second.tags and "tagtwo" in second.tags
    assert import_path(alex, tmp_path / "journal.txt", zone="UTC").added == 3
    assert import_path(alex, tmp_path / "journal.txt", zone="UTC").added == 0


def test_folder_of_markdown_and_text(alex: Session, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    (folder / "2019" / "05").mkdir(parents=True)
    (folder / "with-front-matter.md").write_text(
        "---\ndate: 2023-11-02T21:15:00+01:00\ntags: [Home, calm]\ntitle: A title\n---\n"
        "The body of the note.\n"
    )
    (folder / "2022-01-15 evening.md").write_text("Dated by its name.\n")
    (folder / "2019" / "05" / "07.txt").write_text("jrnl folder layout\n")
    (folder / "2020-02-02 latin1.txt").write_bytes("café crème, naïve".encode("latin-1"))
    (folder / "no date here.md").write_text("Nothing tells me when.\n")
    (folder / "empty.md").write_text("---\ndate: 2020-01-01\n---\n\n")
    (folder / ".hidden.md").write_text("2020-01-01 hidden")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    parsed = read_source(folder, "Europe/Paris")
    assert parsed.format == ImportFormat.FILES
    assert parsed.undated_files == ["no date here.md"]
    assert parsed.empty_skipped == 1
    assert parsed.notes == ["2020-02-02 latin1.txt is not UTF-8; it was read as Windows-1252"]
    by_origin = {e.origin: e for e in parsed.entries}
    front = by_origin["with-front-matter.md"]
    assert front.created_at == datetime(2023, 11, 2, 20, 15, tzinfo=UTC)
    assert front.tags == ("home", "calm")
    assert front.body == "A title\n\nThe body of the note."
    assert by_origin["2019/05/07.txt"].created_at.date().isoformat() == "2019-05-07"
    assert by_origin["2020-02-02 latin1.txt"].body == "café crème, naïve"
    assert import_path(alex, folder, zone="Europe/Paris").added == 4
    assert import_path(alex, folder, zone="Europe/Paris").added == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", '{"entries": [\n  {"creationDate": \n', "broken.json, line 3"),
        (
            "bad-date.json",
            json.dumps(
                {"metadata": {}, "entries": [{"uuid": "X1", "creationDate": "yesterday"}]},
                indent=1,
            ),
            "bad-date.json, line 6: entry 1 (X1) has a creationDate that is not a date",
        ),
        (
            "jrnl.txt",
            "[2020-08-29 11:11] fine\ntext\n\n[2020-13-45 10:00] bad month\n",
            "jrnl.txt, line 4: [2020-13-45 10:00] is not a date",
        ),
        ("front.md", "---\ndate: [unclosed\n---\nbody\n", "front.md, line"),
        ("other.json", '{"something": 1}', "neither a Day One nor a jrnl export"),
        ("notes.pdf", "%PDF", "Twofold imports a Day One export"),
    ],
)
def test_malformed_input_is_named_and_nothing_is_written(
    alex: Session, tmp_path: Path, name: str, content: str, message: str
) -> None:
    (tmp_path / name).write_text(content)
    with pytest.raises(InvalidInput) as caught:
        import_path(alex, tmp_path / name)
    assert message in str(caught.value)
    assert "Nothing was imported" in str(caught.value) or isinstance(caught.value, InvalidInput)
    assert bodies(alex) == []


def test_a_folder_with_one_bad_file_imports_nothing(alex: Session, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2020-01-01.md").write_text("good")
    (folder / "2020-01-02.md").write_text("---\ndate: not a date at all\n---\nbody")
    with pytest.raises(MalformedImport, match=r"2020-01-02\.md, line 2"):
        import_path(alex, folder)
    assert bodies(alex) == []


def test_non_utf8_json_and_bad_zip(alex: Session, tmp_path: Path) -> None:
    (tmp_path / "latin.json").write_bytes('{"entries": [\n"é"]}'.encode("latin-1"))
    with pytest.raises(MalformedImport, match=r"latin\.json, line 2: this JSON file is not UTF-8"):
        read_source(tmp_path / "latin.json")
    (tmp_path / "fake.zip").write_bytes(b"PK not really")
    with pytest.raises(MalformedImport, match="not a readable zip"):
        read_source(tmp_path / "fake.zip")
    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as archive:
        archive.writestr("photos/a.jpeg", b"x")
    with pytest.raises(MalformedImport, match="no Day One journal"):
        read_source(tmp_path / "photos.zip")


def test_cancel_keeps_nothing_and_progress_is_reported(alex: Session, tmp_path: Path) -> None:
    source = write_day_one_zip(tmp_path / "big.zip", 1200)
    assert alex.imports is not None
    preview = alex.imports.preview(source, read_source(source))
    seen: list[tuple[int, int]] = []

    def cancel_after_first_batch() -> bool:
        return len(seen) >= 2

    with pytest.raises(ImportCancelled):
        alex.imports.run(
            preview, lambda done, total: seen.append((done, total)), cancel_after_first_batch
        )
    assert seen[0] == (0, 1200)
    assert bodies(alex) == []
    done: list[tuple[int, int]] = []
    assert alex.imports.run(preview, lambda d, t: done.append((d, t))).added == 1200
    assert done[-1] == (1200, 1200)


def test_shared_session_cannot_import(vault_dir: Path, tmp_path: Path) -> None:
    session = unlock_session(vault_dir, SAM_PASS, "Sam")
    try:
        with pytest.raises(NotAllowed):
            import_path(session, day_one_sample(tmp_path))
    finally:
        session.lock()


def test_cli_import_preview_then_import(tmp_path: Path, vault_dir: Path) -> None:
    from tests.unit.test_cli import cli

    secret = tmp_path / "alex.pass"
    secret.write_text("alex correct horse battery\n")
    source = day_one_sample(tmp_path)
    common = ("--vault", vault_dir, "--as", "Alex", "--passphrase-file", secret)
    dry = cli("import", source, "--dry-run", *common)
    assert dry.code == 0, dry.err
    assert "2 new entries from Day One (JSON export)" in dry.out
    assert "skipped: 3 attachments" in dry.out
    done = cli("import", source, "--yes", *common)
    assert done.code == 0 and "Imported 2 entries" in done.out
    again = cli("import", source, "--yes", *common)
    assert again.code == 0 and "Nothing new to import." in again.out
    (tmp_path / "bad.json").write_text('{"entries": [\n  {"creationDate": "x"\n')
    bad = cli("import", tmp_path / "bad.json", *common)
    assert bad.code == 2 and "bad.json, line 3" in bad.err
    wrong = tmp_path / "wrong.pass"
    wrong.write_text("not it\n")
    denied = cli("import", source, "--vault", vault_dir, "--as", "Alex", "--passphrase-file", wrong)
    assert denied.code == 3


def _search_index_state(session: Session) -> tuple[str, list[Any], list[Any]]:
    conn = session._vault.connection
    trigger = conn.execute(
        "SELECT sql FROM journal.sqlite_master WHERE type = 'trigger' AND name = ?",
        ("journal_fts_insert",),
    ).fetchone()[0]
    config = conn.execute("SELECT k, v FROM journal.journal_fts_config ORDER BY k").fetchall()
    conn.execute("INSERT INTO journal.journal_fts (journal_fts) VALUES ('integrity-check')")
    return (
        str(trigger),
        [list(r) for r in config if r[0] != "hashsize"],
        [list(r) for r in config if r[0] == "hashsize"],
    )


def test_an_import_is_searchable_and_leaves_the_search_index_as_it_was(
    alex: Session, tmp_path: Path
) -> None:
    """Imports fill the search index in bulk (the per-row trigger is set aside inside the
    transaction): every imported word is found, the trigger is back exactly, the index
    passes FTS5's integrity check, and entries written afterwards are indexed as usual."""
    assert alex.journal is not None
    alex.journal.write("Written before the import: zeppelinfirst")
    trigger, config, hashsize = _search_index_state(alex)
    entries = [
        day_one_entry(f"{n:032X}", datetime(2023, 1, 1 + n, 9, tzinfo=UTC), f"Entry {n} kayak{n}")
        for n in range(25)
    ]
    import_path(alex, write_day_one_zip(tmp_path / "many.zip", entries=entries))
    # the same, but FTS5's merging is left to the background merge (automerge off,
    # crisismerge above the fullest level: journal_store._merge_later)
    found = search_index.structure(alex._vault.connection, "journal", "journal_fts")
    assert found is not None
    fullest = max(count for _, count in found.levels)  # the import's segment written
    pending = [["automerge", 0], ["crisismerge", fullest + journal_store.PENDING_SAVES]]
    assert _search_index_state(alex) == (
        trigger,
        sorted(config + pending),
        hashsize or [["hashsize", 1 << 20]],
    )
    for n in range(25):
        assert [h.snippet for h in alex.search(f"kayak{n}")] != [], n
    assert len(alex.search("kaya")) == 25  # the prefix index too
    assert len(alex.search("zeppelinfirst")) == 1
    alex.journal.write("Written after the import: zeppelinafter")
    assert len(alex.search("zeppelinafter")) == 1
    assert len(alex.search("zeppelin")) == 2


def test_a_cancelled_import_leaves_the_search_index_untouched(
    alex: Session, tmp_path: Path
) -> None:
    before = _search_index_state(alex)
    source = write_day_one_zip(tmp_path / "big.zip", 1200)
    assert alex.imports is not None
    preview = alex.imports.preview(source, read_source(source))
    calls: list[int] = []

    def cancel_in_the_second_batch() -> bool:
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(ImportCancelled):
        alex.imports.run(preview, None, cancel_in_the_second_batch)
    assert _search_index_state(alex) == before
    conn = alex._vault.connection
    assert conn.execute("SELECT count(*) FROM journal.journal_fts").fetchone()[0] == 0
    assert alex.search("us") == []
    assert alex.journal is not None
    alex.journal.write("Afterwards: quokka")
    assert len(alex.search("quokka")) == 1


def _fts_config(session: Session) -> dict[str, int]:
    conn = session._vault.connection
    rows = conn.execute("SELECT k, v FROM journal.journal_fts_config").fetchall()
    return {str(k): v for k, v in rows if k in ("automerge", "crisismerge")}


def test_saves_after_an_import_leave_its_merge_to_the_background(
    vault_dir: Path, tmp_path: Path
) -> None:
    """An import adds large segments to the search index, and FTS5 moves the smaller
    ones it had down beside them. Left to FTS5, the write that brought their level to
    ``crisismerge`` segments merged them all: on a merged index (crisismerge 4) the
    first save after an import of 10,000 entries took 3.2 s, and on an unmerged one the
    import itself merged the old segments. Now neither the import nor the saves after
    it merge: the background merge does, and gives FTS5's settings back."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None
        for n in range(40):
            many = " ".join(f"w{n}x{i}" for i in range(120))
            session.journal.write(f"before the import {n} about the harbour {many}")
        reader = session._vault.reader()
        reader.tidy_search(lambda: False)  # merged: one segment, crisismerge 4
        conn = session._vault.connection
        assert search_index.segments(conn, "journal", "journal_fts") == 1
        assert _fts_config(session) == {"automerge": 4, "crisismerge": search_index.CRISIS}
        source = write_day_one_zip(tmp_path / "dayone.zip", 700)  # two INSERTs of records
        import_path(session, source)
        imported = {(e.body, e.created_at) for e in read_source(source).entries}
        store = session._vault.journal
        assert store is not None
        assert {(r.body, r.created_at) for r in store.all_records()} >= imported
        assert _fts_config(session)["automerge"] == 0
        assert _fts_config(session)["crisismerge"] >= journal_store.PENDING_SAVES
        written: list[int] = []
        for n in range(8):
            before = conn.total_changes
            session.journal.write(f"saved after the import {n} about the lantern")
            written.append(conn.total_changes - before)
        # a save writes its row, its meta and its index entries; on the old code the
        # second save merged the whole index (hundreds of rows)
        assert max(written) < 40, written
        reader.tidy_search(lambda: False)
        reader.close()
        assert search_index.segments(conn, "journal", "journal_fts") == 1
        assert _fts_config(session) == {"automerge": 4, "crisismerge": search_index.CRISIS}
        conn.execute("INSERT INTO journal.journal_fts (journal_fts) VALUES ('integrity-check')")
        assert len(session.search("lantern")) == 8
        assert len(session.search("harbour")) == 40
        assert session.journal.count() == 40 + 700 + 8
    finally:
        session.lock()


def test_the_command_line_merges_the_search_index_after_an_import(
    tmp_path: Path, vault_dir: Path
) -> None:
    """Else, used from the command line alone, the ~16th save after an import merged
    the whole index inside that save (FTS5's crisis merge)."""
    from tests.unit.test_cli import cli

    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS + "\n")
    entries = [
        day_one_entry(f"{n:032X}", datetime(2023, 1, 1 + n, 9, tzinfo=UTC), f"Entry {n} kayak{n}")
        for n in range(25)
    ]
    source = write_day_one_zip(tmp_path / "many.zip", entries=entries)
    common = ("--vault", vault_dir, "--as", "Alex", "--passphrase-file", secret)
    before = unlock(vault_dir, "Alex", ALEX_PASS)
    assert before.journal is not None
    before.journal.write("written before the import")
    before.lock()
    done = cli("import", source, "--yes", *common)
    assert done.code == 0 and "Imported 25 entries" in done.out, done.err
    assert "Merging the search index" in done.out
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        conn = session._vault.connection
        assert search_index.segments(conn, "journal", "journal_fts") == 1
        config = dict(conn.execute("SELECT k, v FROM journal.journal_fts_config").fetchall())
        assert config.get("automerge") != 0  # the saves after it merge as usual again
        assert len(session.search("kaya")) == 25
    finally:
        session.lock()
