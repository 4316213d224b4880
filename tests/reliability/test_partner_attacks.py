"""The other partner is the attacker (issue 11): they hold the vault key and their own
signing key, and edit shared.db with any SQLCipher tool. Every attack here is made
that way (sqlcipher3 with the raw vault key, outside Twofold), and each must be named
by ``verify`` (service and CLI), never shown as signed history."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from tests.conftest import ALEX_PASS, SAM_PASS, MemoryKeyring
from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.consent import DEFAULT_ORDER
from twofold.domain.dialogue import SessionKind
from twofold.domain.events import CommitmentAccepted
from twofold.domain.ledger import EventHeader, canonical_json, content_hash
from twofold.domain.setbacks import RepairStep
from twofold.services.session import Session, unlock
from twofold.vault import crypto, keyslots
from twofold.vault.projectors.replay import TABLES, Table
from twofold.vault.vault import now


def _vault_key(folder: Path, who: str, passphrase: str) -> bytes:
    """What the attacker has: their own passphrase unwraps the vault key."""
    slots = keyslots.load(folder)
    partner = slots.partner(who)
    keys = slots.unlock(
        slots.slot(partner.id, "passphrase"),
        crypto.normalise_passphrase(passphrase),
        with_journal=False,
    )
    return bytes(keys.vault_key)


def _seed(folder: Path, who: str, passphrase: str) -> bytes:
    slots = keyslots.load(folder)
    partner = slots.partner(who)
    keys = slots.unlock(
        slots.slot(partner.id, "passphrase"),
        crypto.normalise_passphrase(passphrase),
        with_journal=False,
    )
    return bytes(keys.signing_seed)


def raw_shared_db(
    folder: Path, who: str = "Sam", passphrase: str = SAM_PASS
) -> sqlcipher3.Connection:
    """shared.db opened outside Twofold, as with the SQLCipher shell and the raw key."""
    key = _vault_key(folder, who, passphrase)
    conn = sqlcipher3.connect(str(folder / "shared.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def attack(
    folder: Path,
    *statements: str | tuple[str, tuple[object, ...]],
    passphrase: str = SAM_PASS,
) -> None:
    conn = raw_shared_db(folder, "Sam", passphrase)
    try:
        for statement in statements:
            sql, args = (statement, ()) if isinstance(statement, str) else statement
            conn.execute(sql, args)
    finally:
        conn.close()


def named(folder: Path, who: str = "Alex", passphrase: str = ALEX_PASS) -> str:
    """The failed checks of the victim's verify, one line each; asserts it failed."""
    session = unlock(folder, who, passphrase)
    try:
        report = session.verify()
    finally:
        session.lock()
    assert not report.ok, report.lines()
    return "\n".join(line for line in report.lines() if line.startswith("FAIL"))


def _seq_of(folder: Path, sql: str) -> int:
    conn = raw_shared_db(folder)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def share_three(folder: Path) -> Path:
    """Alex shares two reflections; Sam shares one; both have read the ledger."""
    for who, passphrase, texts in (
        ("Alex", ALEX_PASS, ["I was scared to tell you", "I want us to walk on Sundays"]),
        ("Sam", SAM_PASS, ["I noticed you tried"]),
    ):
        session = unlock(folder, who, passphrase)
        assert session.journal is not None and session.sharing is not None
        for text in texts:
            session.sharing.add(session.journal.write(text))
        session.sharing.confirm(session.sharing.preview())
        session.lock()
    unlock(folder, "Alex", ALEX_PASS).lock()  # Alex reads what Sam shared
    return folder


@pytest.fixture
def shared_vault(vault_dir: Path) -> Path:
    return share_three(vault_dir)


def _alex_share_seq(folder: Path, text: str) -> int:
    return _seq_of(folder, f"SELECT seq FROM timeline_items WHERE body = '{text}'")


def test_the_untouched_vault_verifies_for_both(shared_vault: Path) -> None:
    for who, passphrase in (("Alex", ALEX_PASS), ("Sam", SAM_PASS)):
        session = unlock(shared_vault, who, passphrase)
        report = session.verify()
        session.lock()
        assert report.ok, report.lines()
        assert any("what the app shows matches" in line for line in report.lines())


def test_an_edited_timeline_text_is_named(shared_vault: Path) -> None:
    seq = _alex_share_seq(shared_vault, "I was scared to tell you")
    attack(
        shared_vault,
        f"UPDATE timeline_items SET body = 'I never loved you' WHERE seq = {seq}",
    )
    found = named(shared_vault)
    assert f"timeline_items, row of event #{seq} (reflection.shared" in found
    assert "edited outside Twofold (body differs from the signed event)" in found
    # the search index got the forged words through its trigger: named too
    assert "timeline_fts" not in found or f"event #{seq}" in found


def test_a_forged_search_index_row_is_named(shared_vault: Path) -> None:
    seq = _alex_share_seq(shared_vault, "I was scared to tell you")
    attack(shared_vault, f"UPDATE timeline_fts SET body = 'I never loved you' WHERE rowid = {seq}")
    found = named(shared_vault)
    assert f"timeline_fts (search), row of event #{seq}" in found


def test_a_search_index_that_hides_a_row_is_named(shared_vault: Path) -> None:
    """The row keeps its signed words everywhere they are shown, but the index no
    longer finds it: the partner re-indexed it under other words through the table,
    then wrote the signed words back into FTS5's content table alone. A search for
    "scared" would not find what Alex wrote."""
    seq = _alex_share_seq(shared_vault, "I was scared to tell you")
    attack(
        shared_vault,
        f"UPDATE timeline_fts SET body = 'lunch on tuesday' WHERE rowid = {seq}",
        (
            "UPDATE timeline_fts_content SET c0 = 'I was scared to tell you' WHERE id = ?",
            (seq,),
        ),
    )
    alex = unlock(shared_vault, "Alex", ALEX_PASS)
    try:
        hits = [h for h in alex.search("scared") if h.source == "shared"]
    finally:
        alex.lock()
    assert hits == []  # the attack works on search…
    found = named(shared_vault)  # …and the full check names it: SQLite's integrity
    # check runs FTS5's own (since 3.44), which compares the index with its content
    assert "malformed inverted index for FTS5 table main.timeline_fts" in found
    assert f"timeline_fts (search), row of event #{seq}" not in found  # the words agree


def test_an_inserted_reflection_is_named(shared_vault: Path) -> None:
    conn = raw_shared_db(shared_vault)
    alex = conn.execute("SELECT id FROM partners WHERE position = 0").fetchone()[0]
    conn.execute(
        "INSERT INTO timeline_items (seq, event_id, kind, author, occurred_at, body) "
        "VALUES (999, 'forged', 'reflection.shared', ?, '2026-01-01T00:00:00.000000+00:00', "
        "'I admit everything')",
        (alex,),
    )
    conn.close()
    found = named(shared_vault, "Sam", SAM_PASS)
    assert "timeline_items, row 999: has no signed event (event #999 is not in the ledger)" in found


def test_a_flipped_retracted_flag_is_named(shared_vault: Path) -> None:
    seq = _alex_share_seq(shared_vault, "I want us to walk on Sundays")
    attack(shared_vault, f"UPDATE timeline_items SET retracted = 1 WHERE seq = {seq}")
    found = named(shared_vault)
    assert f"timeline_items, row of event #{seq}" in found and "retracted differ" in found


def test_a_renamed_partner_is_named(shared_vault: Path) -> None:
    attack(shared_vault, "UPDATE partners SET label = 'Alex (the cheater)' WHERE position = 0")
    found = named(shared_vault)
    assert "partners, Alex: was renamed to “Alex (the cheater)” outside Twofold" in found


def test_a_deleted_timeline_row_is_named(shared_vault: Path) -> None:
    seq = _alex_share_seq(shared_vault, "I was scared to tell you")
    attack(shared_vault, f"DELETE FROM timeline_items WHERE seq = {seq}")
    assert f"timeline_items, row of event #{seq} (reflection.shared" in named(shared_vault)


def test_the_cli_exits_4_naming_the_forged_row(shared_vault: Path, tmp_path: Path) -> None:
    from tests.unit.test_cli import cli

    seq = _alex_share_seq(shared_vault, "I was scared to tell you")
    attack(shared_vault, f"UPDATE timeline_items SET body = 'forged' WHERE seq = {seq}")
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    result = cli("verify", "--vault", shared_vault, "--as", "Alex", "--passphrase-file", secret)
    assert result.code == 4
    [line] = [line for line in result.err.splitlines() if "verification failed" in line]
    assert f"timeline_items, row of event #{seq} (reflection.shared" in line


# --- seen means kept -----------------------------------------------------------------


def test_deleting_an_event_the_other_has_seen_is_named_with_who_and_when(
    shared_vault: Path,
) -> None:
    """Sam deletes their own share (the last event) after Alex read it. The chain
    that is left is valid; Alex's journal remembers more."""
    head = _seq_of(shared_vault, "SELECT max(seq) FROM ledger_events")
    attack(
        shared_vault,
        f"DELETE FROM ledger_events WHERE seq = {head}",
        f"DELETE FROM timeline_items WHERE seq = {head}",
    )
    found = named(shared_vault)
    assert f"your journal saw event #{head} by Sam on " in found
    assert f"the ledger now ends at #{head - 1}" in found


def test_a_rewritten_event_at_a_seen_place_is_named(shared_vault: Path) -> None:
    """Sam deletes their share and signs a different one in its place."""
    head = _seq_of(shared_vault, "SELECT max(seq) FROM ledger_events")
    attack(
        shared_vault,
        f"DELETE FROM ledger_events WHERE seq = {head}",
        f"DELETE FROM timeline_items WHERE seq = {head}",
    )
    sam = unlock(shared_vault, "Sam", SAM_PASS)
    assert sam.journal is not None and sam.sharing is not None
    sam.sharing.add(sam.journal.write("a different story"))
    sam.sharing.confirm(sam.sharing.preview())
    sam.lock()
    found = named(shared_vault)
    assert f"is not the event #{head} by Sam that your journal saw on " in found


def test_a_whole_folder_rollback_is_named_by_the_os_keyring(
    shared_vault: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    old = tmp_path / "old copy"
    shutil.copytree(shared_vault, old)
    alex = unlock(shared_vault, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    alex.sharing.add(alex.journal.write("said after the copy"))
    alex.sharing.confirm(alex.sharing.preview())
    assert alex.verify().ok  # keeps the head in the keyring
    alex.lock()
    assert memory_keyring.items
    shutil.rmtree(shared_vault)
    shutil.copytree(old, shared_vault)  # journals, ledger, slots: all consistently old
    found = named(shared_vault)
    assert "your OS keyring saw event #" in found


def test_without_a_keyring_the_report_says_what_it_cannot_see(shared_vault: Path) -> None:
    alex = unlock(shared_vault, "Alex", ALEX_PASS)
    report = alex.verify()
    alex.lock()
    assert report.ok
    assert any("no OS keyring on this system" in line for line in report.lines())


# --- identity pinned -----------------------------------------------------------------


def _rewrite_genesis_with(folder: Path, attacker_seed: bytes, replaced: str) -> None:
    """Alex (partner 1, who signs the genesis) makes a new key, puts it in the first
    event as ``replaced``'s key, and re-signs the whole chain: Alex's events with
    Alex's key, the other's with the new one. Every signature is then valid."""
    fake_seed = crypto.new_key()
    conn = raw_shared_db(folder, "Alex", ALEX_PASS)
    rows = conn.execute(
        "SELECT seq, event_id, author, kind, occurred_at, payload, content_hash, vault_id "
        "FROM ledger_events, (SELECT value AS vault_id FROM meta WHERE key = 'vault_id') "
        "ORDER BY seq"
    ).fetchall()
    partners = json.loads(rows[0][5])["partners"]
    victim = next(p for p in partners if p["label"] == replaced)
    victim["public_key"] = crypto.public_key_of(bytearray(fake_seed)).hex()
    seeds = {p["id"]: attacker_seed for p in partners}
    seeds[victim["id"]] = bytes(fake_seed)
    prev = bytes(32)
    conn.execute("BEGIN")
    for seq, event_id, author, kind, at, payload, chash, vault_id in rows:
        if seq == 1:
            payload = canonical_json(json.loads(rows[0][5]) | {"partners": partners})
            chash = content_hash(payload)
        header = EventHeader(vault_id, seq, event_id, author, kind, at, bytes(chash), prev)
        signature = crypto.sign(bytearray(seeds[author]), header.digest())
        conn.execute(
            "UPDATE ledger_events SET payload = ?, content_hash = ?, prev_hash = ?, "
            "signature = ? WHERE seq = ?",
            (payload, chash, prev, signature, seq),
        )
        prev = header.digest()
    conn.execute(
        "UPDATE partners SET public_key = ? WHERE id = ?",
        (bytes.fromhex(victim["public_key"]), victim["id"]),
    )
    conn.execute("COMMIT")
    conn.close()


def test_a_genesis_rewritten_with_the_attackers_key_is_named(shared_vault: Path) -> None:
    _rewrite_genesis_with(shared_vault, _seed(shared_vault, "Alex", ALEX_PASS), "Sam")
    # the chain itself verifies: only what each partner pinned tells the truth
    for who, passphrase in (("Sam", SAM_PASS), ("Alex", ALEX_PASS)):
        found = named(shared_vault, who, passphrase)
        assert (
            "event #1 (vault.created): gives Sam a signing key other than the one pinned" in found
        )


# --- every practice table ------------------------------------------------------------


@pytest.fixture
def practice_vault(vault_dir: Path) -> Iterator[Path]:
    """At least one row in every projection table."""
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    _fill(sam)
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    _fill_answers(alex)
    alex.lock()
    yield vault_dir


def _fill(s: Session) -> None:
    # for both: Alex accepts on the spot with their own passphrase (issue 12)
    commitment = s.commitments.make(
        "Phone stays face up", Cadence(CadenceKind.DAILY), other_passphrase=ALEX_PASS
    )
    s.commitments.check(commitment, Outcome.KEPT)
    s.safety.update("Ten minutes apart, then talk", {s.partner_id: "walk"}, "Jo")
    s.agreement.propose({"responsibilities": "Be home by ten"})
    from datetime import date, timedelta

    yesterday = date.today() - timedelta(days=1)  # its day is over: revealed at once
    s.checkins.submit(CheckinKind.DAILY, {"feeling": "hopeful"}, day=yesterday)
    s.checkins.submit(CheckinKind.DAILY, {"feeling": "tired"})  # sealed until Alex answers
    setback = s.setbacks.log("Hid a message", "old habit", "felt lied to")
    s.setbacks.step(setback, RepairStep.ACKNOWLEDGE, "I hid it")
    s.setbacks.add_countermeasure(setback, "Show messages when asked")
    s.wins.record("A calm dinner")
    s.together.appreciate("Thank you for listening")
    s.together.set_values(["honesty", "kindness"])
    s.together.add_chapter("How we met", "At the lake")
    session_id = s.joint.open(SessionKind.WEEKLY, ALEX_PASS)
    s.joint.note(session_id, "We talked about the phone")
    objective = s.joint.set_objective("Fewer fights about the phone")
    s.joint.progress(objective, "One calm talk", session_id)
    # consent (issue 12): new terms, who was hurt and the pace, a request to talk, a
    # withdrawn appreciation, and an event acting for the other (refused, kept as evidence)
    s.commitments.renegotiate(commitment, "Phone face up at dinner", Cadence(CadenceKind.DAILY))
    others = [p for p in s.partner_labels if p != s.partner_id]
    s.roles.propose([s.partner_id], "our words", other_passphrase=ALEX_PASS)
    s.roles.set_pace(2, list(DEFAULT_ORDER))
    s.requests.strain("No secret accounts", "A new app on the phone")
    s.together.appreciate("Thank you for the note")
    [(appreciation, _, _, _), *_] = s.together.appreciation_items()
    s.together.withdraw(appreciation)
    proposal = s.commitments.make("Call at noon", Cadence(CadenceKind.DAILY), owner=others[0])
    with s._vault.write():  # Sam signs an acceptance "for" Alex: refused, and recorded so
        s._vault.ledger.record(CommitmentAccepted(proposal), now())


def _fill_answers(s: Session) -> None:
    """Alex adds a concern beside Sam's check-off and answers Sam's request."""
    [(check_seq, _)] = [
        (seq, c)
        for view in s.commitments.views()
        for seq, c in s.commitments.check_offs(view.commitment.id)
        if c.outcome == Outcome.KEPT
    ]
    s.commitments.concern(check_seq, "I didn't see this happen")
    [request] = s.requests.open_requests()
    s.requests.answer(request.request_id, "Heard — let's talk Thursday")


@pytest.mark.parametrize("table", [t for t in TABLES if t.name != "timeline_items"], ids=str)
def test_an_edited_row_of_every_practice_table_is_named(practice_vault: Path, table: Table) -> None:
    conn = raw_shared_db(practice_vault)
    columns = [(r[1], r[2]) for r in conn.execute(f"PRAGMA table_info({table.name})")]
    editable = [(c, t) for c, t in columns if c not in table.key and c != table.event_column]
    editable = editable or [(c, t) for c, t in columns if c not in table.key]
    column, kind = editable[0]
    change = f"{column} + 1" if kind == "INTEGER" else f"{column} || ' (forged)'"
    rowid = conn.execute(f"SELECT rowid FROM {table.name} LIMIT 1").fetchone()[0]
    conn.execute(f"UPDATE {table.name} SET {column} = {change} WHERE rowid = ?", (rowid,))
    conn.close()
    found = named(practice_vault, "Sam", SAM_PASS)
    assert f"{table.name}, " in found and f"was edited outside Twofold ({column} differ" in found


@pytest.mark.parametrize(
    "table", ["commitment_checks", "wins", "appreciations", "agreement_acks"], ids=str
)
def test_a_deleted_practice_row_is_named(practice_vault: Path, table: str) -> None:
    attack(practice_vault, f"DELETE FROM {table} WHERE rowid = (SELECT max(rowid) FROM {table})")
    found = named(practice_vault, "Sam", SAM_PASS)
    assert f"{table}, row of event #" in found and "was deleted outside Twofold" in found


def test_the_practice_vault_verifies_untouched(practice_vault: Path) -> None:
    session = unlock(practice_vault, "Alex", ALEX_PASS)
    report = session.verify()
    session.lock()
    # every projection matches its events; only the one event Sam signed "for" Alex
    # (an acceptance, refused and kept as evidence) is named
    failing = [line for line in report.lines() if line.startswith("FAIL")]
    assert len(failing) == 1, report.lines()
    assert "every event within what its author may sign for" in failing[0]
    assert "commitment.accepted, signed by Sam" in failing[0]


# --- the events of keys, exports and leaving (issues 11 B and 15) ---------------------


@pytest.fixture
def keys_and_exports_vault(shared_vault: Path, tmp_path: Path) -> Path:
    """Alex renews their recovery code (keys.changed) and exports a report Sam agrees
    to (export.made, export.agreed)."""
    from datetime import date

    from twofold.domain.report import ReportFormat, ReportRequest, ReportSection
    from twofold.vault.crypto import KdfParams

    alex = unlock(shared_vault, "Alex", ALEX_PASS)
    try:
        alex.renew_recovery_code(ALEX_PASS, KdfParams.for_tests_only())
        request = ReportRequest(
            date(2020, 1, 1), date(2040, 1, 1), (ReportSection.TIMELINE,), ReportFormat.JSON
        )
        alex.reports.export(request, tmp_path / "report.json", SAM_PASS)
        assert alex.verify().ok
    finally:
        alex.lock()
    return shared_vault


@pytest.mark.parametrize("kind", ["keys.changed", "export.made", "export.agreed"])
def test_a_forged_key_or_export_item_is_named(keys_and_exports_vault: Path, kind: str) -> None:
    """Sam rewrites what the timeline says about Alex's keys or an export."""
    seq = _seq_of(keys_and_exports_vault, f"SELECT seq FROM timeline_items WHERE kind = '{kind}'")
    attack(
        keys_and_exports_vault,
        f"UPDATE timeline_items SET data = '{{\"how\":\"reset\"}}', body = 'x' WHERE seq = {seq}",
    )
    found = named(keys_and_exports_vault)
    assert f"timeline_items, row of event #{seq} ({kind}" in found


def _leave(folder: Path) -> bytes:
    """Alex leaves (Sam stays); returns the signing seed Alex kept from before."""
    from twofold.vault.crypto import KdfParams

    seed = _seed(folder, "Alex", ALEX_PASS)
    alex = unlock(folder, "Alex", ALEX_PASS)
    alex.leave("leave", SAM_PASS, kdf=KdfParams.for_tests_only())
    return seed


def test_a_forged_leaving_item_is_named(shared_vault: Path) -> None:
    _leave(shared_vault)
    seq = _seq_of(shared_vault, "SELECT seq FROM timeline_items WHERE kind = 'partner.left'")
    attack(shared_vault, f"UPDATE timeline_items SET data = '{{}}' WHERE seq = {seq}")
    found = named(shared_vault, "Sam", SAM_PASS)
    assert f"timeline_items, row of event #{seq} (partner.left" in found


def test_an_event_signed_after_its_author_left_is_named(shared_vault: Path) -> None:
    """Alex kept their signing key and (having seen Sam's passphrase) the new vault
    key: after their signed partner.left they append a correctly chained, correctly
    signed reflection as themselves, with its timeline row. Every signature is valid;
    the ledger itself says Alex can no longer sign."""
    seed = _leave(shared_vault)
    conn = raw_shared_db(shared_vault, "Sam", SAM_PASS)
    vault_id = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()[0]
    last = conn.execute(
        "SELECT seq, event_id, author, kind, occurred_at, content_hash, prev_hash "
        "FROM ledger_events ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    left_seq = conn.execute("SELECT seq FROM ledger_events WHERE kind = 'partner.left'").fetchone()[
        0
    ]
    alex_id = conn.execute(
        "SELECT author FROM ledger_events WHERE seq = ?", (left_seq,)
    ).fetchone()[0]
    prev = EventHeader(
        vault_id, last[0], last[1], last[2], last[3], last[4], bytes(last[5]), bytes(last[6])
    ).digest()
    payload = canonical_json({"text": "FORGED AFTER LEAVING", "request": ""})
    seq = last[0] + 1
    at = "2030-01-01T12:00:00.000000+00:00"
    header = EventHeader(
        vault_id, seq, "forged-after-leaving", alex_id, "reflection.shared", at,
        content_hash(payload), prev,
    )  # fmt: skip
    signature = crypto.sign(bytearray(seed), header.digest())
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO ledger_events (seq, event_id, author, kind, occurred_at, payload, "
        "content_hash, prev_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, header.event_id, alex_id, header.kind, at, payload, header.content_hash, prev,
         signature),
    )  # fmt: skip
    conn.execute(
        "INSERT INTO timeline_items (seq, event_id, kind, author, occurred_at, body, request, "
        "data) VALUES (?, ?, 'reflection.shared', ?, ?, 'FORGED AFTER LEAVING', '', '{}')",
        (seq, header.event_id, alex_id, at),
    )
    conn.execute("COMMIT")
    conn.close()
    found = named(shared_vault, "Sam", SAM_PASS)
    assert (
        f"event #{seq} (reflection.shared, 2030-01-01): was signed by a partner after they "
        f"left the vault (their signed partner.left is event #{left_seq})"
    ) in found
    # the timeline does not show it as signed history
    sam = unlock(shared_vault, "Sam", SAM_PASS)
    try:
        assert seq in sam.verify().suspects
    finally:
        sam.lock()


# --- consent (issue 12): what binds a partner is only what they signed ---------------


@pytest.fixture
def proposal_vault(shared_vault: Path) -> Path:
    """Sam proposes a commitment for Alex, which Alex has not accepted; Alex seals a
    daily check-in Sam has not answered."""
    sam = unlock(shared_vault, "Sam", SAM_PASS)
    alex_id = next(p for p, label in sam.partner_labels.items() if label == "Alex")
    sam.commitments.make("Alex texts every hour", Cadence(CadenceKind.DAILY), owner=alex_id)
    sam.lock()
    alex = unlock(shared_vault, "Alex", ALEX_PASS)
    alex.checkins.submit(CheckinKind.DAILY, {"feeling": "CANARY-SEALED"})
    alex.lock()
    return shared_vault


def test_a_proposal_made_binding_by_hand_is_named(proposal_vault: Path) -> None:
    """Sam flips the proposal for Alex to accepted by hand: it would count as Alex's."""
    seq = _seq_of(proposal_vault, "SELECT made_seq FROM commitments WHERE state = 'proposed'")
    attack(proposal_vault, "UPDATE commitments SET state = 'accepted' WHERE state = 'proposed'")
    found = named(proposal_vault)
    assert f"commitments, row of event #{seq} (commitment.made" in found
    assert "was edited outside Twofold (state differ" in found


def test_a_signature_row_added_by_hand_is_named(proposal_vault: Path) -> None:
    """Sam adds Alex's "acceptance" to the signatures without any signed event."""
    attack(
        proposal_vault,
        "INSERT INTO commitment_signatures (seq, commitment_id, partner, act) "
        "SELECT 999, id, (SELECT id FROM partners WHERE label = 'Alex'), 'accepted' "
        "FROM commitments WHERE state = 'proposed'",
    )
    found = named(proposal_vault)
    assert "commitment_signatures, row 999: has no signed event" in found


def test_a_check_in_revealed_by_hand_is_named(proposal_vault: Path) -> None:
    """Sam writes "Alex's answers" into the projection without Alex's reveal."""
    seq = _seq_of(proposal_vault, "SELECT seq FROM checkin_seals")
    attack(
        proposal_vault,
        (
            "INSERT INTO checkins (seq, author, kind, day, answers, submitted_at, checkin_id) "
            "SELECT seq, author, kind, day, ?, '2026-01-01T00:00:00+00:00', checkin_id "
            "FROM checkin_seals",
            (json.dumps([["One feeling from today", "I don't care"]]),),
        ),
    )
    found = named(proposal_vault)
    assert f"checkins, row {seq}: was inserted outside Twofold" in found


def test_a_seal_marked_revealed_by_hand_is_named(proposal_vault: Path) -> None:
    seq = _seq_of(proposal_vault, "SELECT seq FROM checkin_seals")
    attack(proposal_vault, "UPDATE checkin_seals SET revealed = 1")
    found = named(proposal_vault)
    assert f"checkin_seals, row of event #{seq} (checkin.sealed" in found
    assert "was edited outside Twofold (revealed differ" in found


def test_a_hidden_refusal_is_named(proposal_vault: Path) -> None:
    """Sam signs an acceptance of the proposal as themselves (refused: only Alex can
    accept, so it changes nothing and verify names it), then deletes the refusal."""
    sam = unlock(proposal_vault, "Sam", SAM_PASS)
    [view] = [v for v in sam.commitments.views() if v.commitment.title.startswith("Alex")]
    with sam._vault.write():
        forged = sam._vault.ledger.record(CommitmentAccepted(view.commitment.id), now())
    assert sam.commitments.views()[-1].waiting_for == ("Alex",)  # it changed nothing
    sam.lock()
    seq = forged.header.seq
    assert f"event #{seq} (commitment.accepted, signed by Sam): not honoured" in named(
        proposal_vault
    )
    attack(proposal_vault, f"DELETE FROM refused_events WHERE seq = {seq}")
    found = named(proposal_vault)
    assert f"refused_events, row of event #{seq} (commitment.accepted" in found
    assert "was deleted outside Twofold" in found


def _check_with_a_win_signed_first(
    monkeypatch: pytest.MonkeyPatch, session: Session, words: str
) -> list[bool]:
    """Sign a win after the check has read the events and before it reads what is
    shown: the background check racing the couple, who go on while it runs. (Signed
    before the comparison's read transaction opens: on the check's own connection,
    as here, nothing can be signed inside it; from the window's, the signature waits
    for it.)"""
    from twofold.services import verify as verify_module

    original = verify_module._shown_problems
    wrote: list[bool] = []

    def shown_problems(vault: Any, events: Any, state: Any = None) -> Any:
        if not wrote:
            wrote.append(True)
            session.wins.record(words)
        return original(vault, events, state)

    monkeypatch.setattr(verify_module, "_shown_problems", shown_problems)
    return wrote


def test_a_win_signed_while_the_check_runs_is_not_called_a_forgery(
    shared_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = unlock(shared_vault, "Alex", ALEX_PASS)
    try:
        wrote = _check_with_a_win_signed_first(monkeypatch, session, "We cooked together")
        report = session.verify()
        assert wrote
        assert report.ok, report.lines()
    finally:
        session.lock()


def test_a_forged_row_is_still_named_when_a_win_is_signed_during_the_check(
    shared_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seq = _alex_share_seq(shared_vault, "I was scared to tell you")
    attack(shared_vault, f"UPDATE timeline_items SET body = 'I never loved you' WHERE seq = {seq}")
    session = unlock(shared_vault, "Alex", ALEX_PASS)
    try:
        wrote = _check_with_a_win_signed_first(monkeypatch, session, "We cooked together")
        report = session.verify()
        assert wrote
        found = "\n".join(report.lines())
        assert not report.ok
        assert f"timeline_items, row of event #{seq} (reflection.shared" in found
        assert report.suspects == {seq}  # the win is not called a forgery
    finally:
        session.lock()
