"""Numbered schema migrations, one list per kind of database file.

Each file records its version in ``PRAGMA user_version``. A migration is applied to a
file on its own connection before the file is attached, inside one transaction, so
a crash mid-migration leaves the previous version intact. Never edit a released
step; append a new one (and keep a fixture vault of every version in
``tests/fixtures/``).
"""

from __future__ import annotations

import functools
import re

from twofold.domain.errors import NewerVersion, VaultDamaged
from twofold.vault.database import Connection, mapped_errors, transaction, user_version

_FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2'"
# From shared 9 / journal 2 on. Search as you type asks for the word being typed as a
# prefix (``trust*``); without a prefix index FTS5 merges the doclists of every term
# with that prefix over the whole history, which for a common word grew linearly
# (19–29 ms at 50,000 entries). Prefixes of 2–6 characters are indexed, so such a
# prefix reads one doclist and seeks to the newest rows like a whole word (≈ 0.3 ms).
# ``detail = column`` keeps which column a word is in but not its positions: searches
# are words ANDed together, never phrases, and it makes the index smaller and the
# prefixes that are not indexed (1 or 7+ characters) about 5× cheaper to merge.
# Measured on 50,000 entries: 162 MB with the old options, 220 MB with these.
_FTS_FAST = "tokenize = 'unicode61 remove_diacritics 2', detail = column, prefix = '2 3 4 5 6'"

SHARED_MIGRATIONS: list[str] = [
    # 1: the signed ledger, its timeline projection and the shared search index
    f"""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        public_key BLOB NOT NULL,
        position INTEGER NOT NULL UNIQUE
    );
    CREATE TABLE ledger_events (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        author TEXT NOT NULL,
        kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        payload BLOB,
        content_hash BLOB NOT NULL,
        prev_hash BLOB NOT NULL,
        signature BLOB NOT NULL
    );
    CREATE TABLE timeline_items (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        author TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        body TEXT NOT NULL,
        request TEXT NOT NULL DEFAULT '',
        retracted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX timeline_newest ON timeline_items (occurred_at DESC, seq DESC);
    CREATE VIRTUAL TABLE timeline_fts USING fts5 (body, request, {_FTS_OPTIONS});
    INSERT INTO timeline_fts (timeline_fts, rank) VALUES ('secure-delete', 1);
    CREATE TRIGGER timeline_fts_insert AFTER INSERT ON timeline_items BEGIN
        INSERT INTO timeline_fts (rowid, body, request) VALUES (new.seq, new.body, new.request);
    END;
    CREATE TRIGGER timeline_fts_update AFTER UPDATE OF body, request ON timeline_items BEGIN
        DELETE FROM timeline_fts WHERE rowid = old.seq;
        INSERT INTO timeline_fts (rowid, body, request) VALUES (new.seq, new.body, new.request);
    END;
    CREATE TRIGGER timeline_fts_delete AFTER DELETE ON timeline_items BEGIN
        DELETE FROM timeline_fts WHERE rowid = old.seq;
    END;
    """,
]

SHARED_MIGRATIONS.append(
    # 2: projections for the repair practice: commitments, their check-offs, the safety plan
    """
    CREATE TABLE commitments (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        detail TEXT NOT NULL,
        owner TEXT NOT NULL,
        cadence TEXT NOT NULL,
        hard_day TEXT NOT NULL,
        start TEXT NOT NULL,
        made_by TEXT NOT NULL,
        made_seq INTEGER NOT NULL,
        ended INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE commitment_checks (
        seq INTEGER PRIMARY KEY,
        commitment_id TEXT NOT NULL REFERENCES commitments (id),
        day TEXT NOT NULL,
        outcome TEXT NOT NULL,
        note TEXT NOT NULL,
        author TEXT NOT NULL,
        acknowledged_by TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX checks_by_commitment ON commitment_checks (commitment_id, day);
    CREATE TABLE safety_plan (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_seq INTEGER NOT NULL
    );
    """
)

SHARED_MIGRATIONS.append(
    # 3: the living agreement: versions and who acknowledged each
    """
    CREATE TABLE agreement_versions (
        version_id TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        author TEXT NOT NULL,
        proposed_at TEXT NOT NULL,
        sections TEXT NOT NULL,
        note TEXT NOT NULL
    );
    CREATE TABLE agreement_acks (
        version_id TEXT NOT NULL REFERENCES agreement_versions (version_id),
        partner TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (version_id, partner)
    );
    """
)

SHARED_MIGRATIONS.append(
    # 4: check-ins, each partner's answers as submitted
    """
    CREATE TABLE checkins (
        seq INTEGER PRIMARY KEY,
        author TEXT NOT NULL,
        kind TEXT NOT NULL,
        day TEXT NOT NULL,
        answers TEXT NOT NULL,
        submitted_at TEXT NOT NULL
    );
    CREATE INDEX checkins_by_kind ON checkins (kind, author, day);
    """
)

SHARED_MIGRATIONS.append(
    # 5: setbacks with their repair steps and counter-measures; wins and milestones
    """
    CREATE TABLE setbacks (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        author TEXT NOT NULL,
        day TEXT NOT NULL,
        what TEXT NOT NULL,
        trigger_text TEXT NOT NULL,
        impact TEXT NOT NULL
    );
    CREATE TABLE setback_steps (
        seq INTEGER PRIMARY KEY,
        setback_id TEXT NOT NULL REFERENCES setbacks (id),
        step TEXT NOT NULL,
        author TEXT NOT NULL,
        note TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE countermeasures (
        seq INTEGER PRIMARY KEY,
        setback_id TEXT NOT NULL REFERENCES setbacks (id),
        text TEXT NOT NULL,
        author TEXT NOT NULL
    );
    CREATE TABLE wins (
        seq INTEGER PRIMARY KEY,
        author TEXT NOT NULL,
        day TEXT NOT NULL,
        text TEXT NOT NULL,
        milestone TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX wins_milestone ON wins (milestone) WHERE milestone != '';
    """
)

SHARED_MIGRATIONS.append(
    # 6: appreciations, the couple's values, the shared story
    """
    CREATE TABLE appreciations (
        seq INTEGER PRIMARY KEY,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE couple_values (
        position INTEGER PRIMARY KEY,
        value TEXT NOT NULL,
        set_seq INTEGER NOT NULL
    );
    CREATE TABLE story_chapters (
        seq INTEGER PRIMARY KEY,
        author TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """
)

SHARED_MIGRATIONS.append(
    # 7: joint sessions (opened by one partner, co-signed by the other), their notes and
    # outcomes; therapy objectives tracked across sessions
    """
    CREATE TABLE joint_sessions (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        cosigned_by TEXT NOT NULL DEFAULT '',
        opened_at TEXT NOT NULL,
        closed_at TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE session_items (
        seq INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES joint_sessions (id),
        kind TEXT NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE objectives (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        author TEXT NOT NULL
    );
    CREATE TABLE objective_progress (
        seq INTEGER PRIMARY KEY,
        objective_id TEXT NOT NULL REFERENCES objectives (id),
        session_id TEXT NOT NULL,
        note TEXT NOT NULL,
        author TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """
)

SHARED_MIGRATIONS.append(
    # 8: the timeline's kind filters count and page through an index, not the item texts
    """
    CREATE INDEX timeline_by_kind ON timeline_items (kind, occurred_at DESC, seq DESC);
    """
)

SHARED_MIGRATIONS.append(
    # 9: the shared search index with prefixes, rebuilt from the timeline (see _FTS_FAST)
    f"""
    DROP TRIGGER timeline_fts_insert;
    DROP TRIGGER timeline_fts_update;
    DROP TRIGGER timeline_fts_delete;
    DROP TABLE timeline_fts;
    CREATE VIRTUAL TABLE timeline_fts USING fts5 (body, request, {_FTS_FAST});
    INSERT INTO timeline_fts (timeline_fts, rank) VALUES ('secure-delete', 1);
    INSERT INTO timeline_fts (rowid, body, request) SELECT seq, body, request FROM timeline_items;
    INSERT INTO timeline_fts (timeline_fts) VALUES ('optimize');
    CREATE TRIGGER timeline_fts_insert AFTER INSERT ON timeline_items BEGIN
        INSERT INTO timeline_fts (rowid, body, request) VALUES (new.seq, new.body, new.request);
    END;
    CREATE TRIGGER timeline_fts_update AFTER UPDATE OF body, request ON timeline_items BEGIN
        DELETE FROM timeline_fts WHERE rowid = old.seq;
        INSERT INTO timeline_fts (rowid, body, request) VALUES (new.seq, new.body, new.request);
    END;
    CREATE TRIGGER timeline_fts_delete AFTER DELETE ON timeline_items BEGIN
        DELETE FROM timeline_fts WHERE rowid = old.seq;
    END;
    """
)

SHARED_MIGRATIONS.append(
    # 10: timeline items carry structured fields (outcome, day, number, …) the app renders,
    # instead of English sentences; the projections are rebuilt from the signed events
    # when the projection format changes (``projectors.replay.ensure_current``)
    """
    ALTER TABLE timeline_items ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
    """
)

SHARED_MIGRATIONS.append(
    # 11: consent in every shared practice (issue 12). Commitments made before it count
    # as accepted by their owners (legacy = 1); an ended one shows who ended it.
    """
    ALTER TABLE commitments ADD COLUMN state TEXT NOT NULL DEFAULT 'accepted';
    ALTER TABLE commitments ADD COLUMN legacy INTEGER NOT NULL DEFAULT 1;
    UPDATE commitments SET state = 'ended_by_one' WHERE ended = 1;
    CREATE TABLE commitment_signatures (
        seq INTEGER PRIMARY KEY,
        commitment_id TEXT NOT NULL,
        partner TEXT NOT NULL,
        act TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX signatures_by_commitment ON commitment_signatures (commitment_id);
    INSERT INTO commitment_signatures (seq, commitment_id, partner, act, reason)
        SELECT seq, json_extract(CAST(payload AS TEXT), '$.commitment_id'), author, 'ended_legacy',
               coalesce(json_extract(CAST(payload AS TEXT), '$.reason'), '')
        FROM ledger_events WHERE kind = 'commitment.ended' AND payload IS NOT NULL;
    CREATE TABLE check_concerns (
        seq INTEGER PRIMARY KEY,
        check_seq INTEGER NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE renegotiations (
        proposal_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        commitment_id TEXT NOT NULL,
        proposer TEXT NOT NULL,
        old_terms TEXT NOT NULL,
        terms TEXT NOT NULL,
        reason TEXT NOT NULL,
        day TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'proposed',
        answered_by TEXT NOT NULL DEFAULT '',
        answer TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE checkin_seals (
        checkin_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        author TEXT NOT NULL,
        kind TEXT NOT NULL,
        day TEXT NOT NULL,
        digest TEXT NOT NULL,
        revealed INTEGER NOT NULL DEFAULT 0
    );
    ALTER TABLE checkins ADD COLUMN checkin_id TEXT NOT NULL DEFAULT '';
    CREATE TABLE consent_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE refused_events (seq INTEGER PRIMARY KEY, reason TEXT NOT NULL);
    CREATE TABLE withdrawn_items (
        target TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        author TEXT NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE TABLE roles_proposals (
        proposal_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        author TEXT NOT NULL,
        hurt TEXT NOT NULL,
        words TEXT NOT NULL,
        accepted_by TEXT NOT NULL DEFAULT '',
        accepted_seq INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE pace (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        review_every_weeks INTEGER NOT NULL,
        agenda_order TEXT NOT NULL,
        set_by TEXT NOT NULL,
        seq INTEGER NOT NULL
    );
    CREATE TABLE talk_requests (
        request_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        author TEXT NOT NULL,
        kind TEXT NOT NULL,
        boundary TEXT NOT NULL,
        words TEXT NOT NULL,
        discussed INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE request_answers (
        seq INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL,
        author TEXT NOT NULL,
        words TEXT NOT NULL
    );
    ALTER TABLE joint_sessions ADD COLUMN summary TEXT NOT NULL DEFAULT '';
    ALTER TABLE joint_sessions ADD COLUMN closed_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE joint_sessions ADD COLUMN summary_agreed_by TEXT NOT NULL DEFAULT '';
    UPDATE joint_sessions SET
        summary = coalesce((SELECT json_extract(CAST(e.payload AS TEXT), '$.summary')
            FROM ledger_events e WHERE e.kind = 'session.closed' AND e.payload IS NOT NULL
            AND json_extract(CAST(e.payload AS TEXT), '$.session_id') = joint_sessions.id), ''),
        closed_by = coalesce((SELECT e.author FROM ledger_events e
            WHERE e.kind = 'session.closed' AND e.payload IS NOT NULL
            AND json_extract(CAST(e.payload AS TEXT), '$.session_id') = joint_sessions.id), '');
    """
)
# the shared schema version that brought the consent rules (fixtures and tests ask)
CONSENT_SCHEMA = len(SHARED_MIGRATIONS)

SHARED_MIGRATIONS.append(
    # 12: two reads at every unlock walked a whole table (measured on the ten-year
    # vault): the key-change notices read every ledger event for its kind, and what
    # was answered before sealing sorted every check-in by day; each gets its index
    # (the second covers what it reads, so no check-in row is read at all)
    """
    CREATE INDEX ledger_by_kind ON ledger_events (kind, author, seq);
    CREATE INDEX checkins_newest ON checkins (day DESC, seq DESC, author, kind, checkin_id);
    """
)

SHARED_MIGRATIONS.append(
    # 13: the retractions and withdrawals each partner signed, with what they name, in
    # one small index (partial: only those two kinds; covering: the payload is in it).
    # An unlock whose journal kept no "retractions checked" head asks for all of them:
    # ~200 rows scattered through ten years of ledger were ~200 page reads (each page
    # decrypted, authenticated and wiped again at close); now a few pages.
    """
    CREATE INDEX ledger_retractions ON ledger_events (author, seq, kind, payload)
        WHERE kind IN ('reflection.retracted', 'item.withdrawn');
    """
)

JOURNAL_MIGRATIONS: list[str] = [
    # 1: records with history, the outbox, the private share links, drafts, search
    f"""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE records (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        feelings TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX records_newest ON records (created_at DESC, id DESC);
    CREATE TABLE record_history (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        feelings TEXT NOT NULL,
        tags TEXT NOT NULL,
        edited_at TEXT NOT NULL
    );
    CREATE INDEX history_by_record ON record_history (record_id, id);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        passage TEXT NOT NULL,
        shared_text TEXT NOT NULL,
        request TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
    );
    CREATE INDEX outbox_by_record ON outbox (record_id);
    CREATE TABLE record_shares (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        event_id TEXT NOT NULL UNIQUE,
        shared_at TEXT NOT NULL,
        retracted_at TEXT
    );
    CREATE INDEX shares_by_record ON record_shares (record_id);
    CREATE TABLE drafts (
        slot TEXT PRIMARY KEY,
        record_id INTEGER,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        feelings TEXT NOT NULL,
        tags TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE journal_fts USING fts5 (body, tags, feelings, {_FTS_OPTIONS});
    INSERT INTO journal_fts (journal_fts, rank) VALUES ('secure-delete', 1);
    CREATE TRIGGER journal_fts_insert AFTER INSERT ON records BEGIN
        INSERT INTO journal_fts (rowid, body, tags, feelings)
        VALUES (new.id, new.body, new.tags, new.feelings);
    END;
    CREATE TRIGGER journal_fts_update AFTER UPDATE OF body, tags, feelings ON records BEGIN
        DELETE FROM journal_fts WHERE rowid = old.id;
        INSERT INTO journal_fts (rowid, body, tags, feelings)
        VALUES (new.id, new.body, new.tags, new.feelings);
    END;
    CREATE TRIGGER journal_fts_delete AFTER DELETE ON records BEGIN
        DELETE FROM journal_fts WHERE rowid = old.id;
    END;
    """,
]

JOURNAL_MIGRATIONS.append(
    # 2: the private search index with prefixes, rebuilt from the records (see _FTS_FAST)
    f"""
    DROP TRIGGER journal_fts_insert;
    DROP TRIGGER journal_fts_update;
    DROP TRIGGER journal_fts_delete;
    DROP TABLE journal_fts;
    CREATE VIRTUAL TABLE journal_fts USING fts5 (body, tags, feelings, {_FTS_FAST});
    INSERT INTO journal_fts (journal_fts, rank) VALUES ('secure-delete', 1);
    INSERT INTO journal_fts (rowid, body, tags, feelings) SELECT id, body, tags, feelings FROM records;
    INSERT INTO journal_fts (journal_fts) VALUES ('optimize');
    CREATE TRIGGER journal_fts_insert AFTER INSERT ON records BEGIN
        INSERT INTO journal_fts (rowid, body, tags, feelings)
        VALUES (new.id, new.body, new.tags, new.feelings);
    END;
    CREATE TRIGGER journal_fts_update AFTER UPDATE OF body, tags, feelings ON records BEGIN
        DELETE FROM journal_fts WHERE rowid = old.id;
        INSERT INTO journal_fts (rowid, body, tags, feelings)
        VALUES (new.id, new.body, new.tags, new.feelings);
    END;
    CREATE TRIGGER journal_fts_delete AFTER DELETE ON records BEGIN
        DELETE FROM journal_fts WHERE rowid = old.id;
    END;
    """
)

JOURNAL_MIGRATIONS.append(
    # 3: the filter's feelings and tags come from these two small indexes, not from a
    # scan of every record (JournalStore.labels: 2.8 s at 50,000 entries → 8 ms)
    """
    CREATE INDEX records_by_feelings ON records (feelings);
    CREATE INDEX records_by_tags ON records (tags);
    """
)

JOURNAL_MIGRATIONS.append(
    # 4: the shares this journal already marked as retracted, in a small partial index
    # (covering): which of a list of retracted shares are still unmarked is answered
    # from it, not by reading one scattered share row per retraction (~190 pages at ten
    # years, see JournalStore.unmarked_retractions)
    """
    CREATE INDEX shares_marked ON record_shares (event_id, retracted_at)
        WHERE retracted_at IS NOT NULL;
    """
)


def check_not_newer(
    conn: Connection, migrations: list[str], what: str, schema: str = "main"
) -> int:
    with mapped_errors(what):
        version = user_version(conn, schema)
    if version > len(migrations):
        raise NewerVersion(
            f"{what} was written by a newer version of Twofold (schema {version}, this app "
            f"knows up to {len(migrations)}). Update Twofold to open it; nothing was changed."
        )
    return version


def check_existing(conn: Connection, migrations: list[str], what: str, schema: str = "main") -> int:
    """An existing file must have a schema: version 0 means it was emptied or replaced,
    and migrating it would quietly create a new, empty vault file."""
    version = check_not_newer(conn, migrations, what, schema)
    if version == 0:
        raise VaultDamaged(
            f"{what} holds no Twofold data (it was emptied or replaced). Nothing was changed; "
            "restore it from a backup."
        )
    return version


def migrate(conn: Connection, migrations: list[str], what: str) -> int:
    """Bring one file (open as ``main``) to the newest schema. Returns the old version."""
    version = check_not_newer(conn, migrations, what)
    for number in range(version, len(migrations)):
        with transaction(conn, what):
            for statement in statements(migrations[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
    return version


def statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.strip().splitlines():
        buffer += line + "\n"
        stripped = buffer.strip()
        inside_trigger = stripped.upper().startswith("CREATE TRIGGER")
        if stripped.endswith(";") and (not inside_trigger or stripped.upper().endswith("END;")):
            statements.append(stripped)
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


# --- the structure a file must have ----------------------------------------------------

_CREATE = re.compile(
    r"CREATE\s+(?:UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIRTUAL\s+TABLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)",
    re.IGNORECASE,
)
_DROP = re.compile(r"DROP\s+(TABLE|INDEX|TRIGGER)\s+(?:IF\s+EXISTS\s+)?(\w+)", re.IGNORECASE)
_ADD = re.compile(r"ALTER\s+TABLE\s+(\w+)\s+ADD\s+(?:COLUMN\s+)?(\w+)", re.IGNORECASE)
_CONSTRAINTS = frozenset({"PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT"})
# FTS5 keeps a virtual table's data in tables named after it
_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")
_TABLES = frozenset({"table", "virtual"})


@functools.cache
def expected_structure(
    migrations: tuple[str, ...],
) -> tuple[frozenset[tuple[str, str]], dict[str, tuple[str, ...]]]:
    """What the migrations leave behind, read from their text (no database is made:
    that cost ~11 ms at every start): the (type, name) of every table, index and
    trigger, and each plain table's columns in order."""
    objects: dict[str, str] = {}
    columns: dict[str, list[str]] = {}
    for migration in migrations:
        for statement in statements(migration):
            if m := _CREATE.match(statement):
                kind, name = m.group(1).upper(), m.group(2)
                if kind.startswith("VIRTUAL"):
                    objects[name] = "virtual"
                    for suffix in _SHADOWS:
                        objects[name + suffix] = "shadow"
                    continue
                objects[name] = kind.lower()
                if kind == "TABLE":
                    columns[name] = _column_names(statement[m.end() :])
            elif m := _DROP.match(statement):
                name = m.group(2)
                objects.pop(name, None)
                columns.pop(name, None)
                if m.group(1).upper() == "TABLE":
                    for suffix in _SHADOWS:
                        objects.pop(name + suffix, None)
            elif m := _ADD.match(statement):
                columns[m.group(1)].append(m.group(2))
    return (
        frozenset((kind, name) for name, kind in objects.items()),
        {name: tuple(names) for name, names in columns.items()},
    )


def _column_names(body: str) -> list[str]:
    """The column names of ``(col TYPE …, …, PRIMARY KEY (…))``."""
    inner = body[body.index("(") + 1 : body.rindex(")")]
    parts, depth, current = [], 0, ""
    for char in inner:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    names = [part.split()[0] for part in parts if part.split()]
    return [name for name in names if name.upper() not in _CONSTRAINTS]


def structure_problems(conn: Connection, migrations: list[str], schema: str = "main") -> list[str]:
    """What differs in the file's structure from what the migrations made: a table,
    index or trigger missing or added, a table's columns changed (a partner with the
    vault key and a SQLCipher tool can do each). Empty when it is as Twofold made it."""
    objects, columns = expected_structure(tuple(migrations))
    expected = {name: kind for kind, name in objects}
    found: dict[str, str] = {}
    for kind, name, sql in conn.execute(f"SELECT type, name, sql FROM {schema}.sqlite_master"):
        name = str(name)
        if name.startswith("sqlite_"):
            continue  # SQLite's own (automatic indexes, statistics)
        virtual = kind == "table" and str(sql or "").upper().startswith("CREATE VIRTUAL")
        found[name] = "virtual" if virtual else str(kind)
    problems: list[str] = []
    for name in sorted(expected, key=lambda n: (expected[n] not in _TABLES, n)):
        if name not in found:  # a dropped table first (its indexes went with it)
            problems.append(f"“{name}” is missing")
    for name, kind in sorted(found.items()):
        if name not in expected:
            problems.append(f"“{name}” was added")
        elif kind != expected[name] and not (expected[name] == "shadow" and kind == "table"):
            problems.append(f"“{name}” was changed")
    if problems:
        return problems
    # the plain tables only, named here: asking a virtual table for its columns
    # makes FTS5 read its own records (which verification checks, not this)
    names = sorted(columns)
    rows = conn.execute(
        f"WITH t(name) AS (VALUES {', '.join('(?)' for _ in names)}) "
        f"SELECT t.name, p.name FROM t, pragma_table_info(t.name, '{schema}') p "
        "ORDER BY t.name, p.cid",
        names,
    ).fetchall()
    stored: dict[str, list[str]] = {}
    for table, column in rows:
        stored.setdefault(str(table), []).append(str(column))
    for table, made in sorted(columns.items()):
        if tuple(stored.get(table, ())) != made:
            problems.append(f"“{table}” was changed")
    return problems
