"""The therapist report carries only what was signed (session 27).

The other partner holds the shared key and edits shared.db with any SQLCipher tool,
the projections included: the words of a reflection, a check-in's answers, a
setback, a name. The report is made from those projections, so an export must prove
them equal to the signed events first, in the same state it reads (its own check of
a consistent copy, or the hash of what the window's full check proved, read in the
report's own transaction). Every attack here is made outside Twofold, with the raw
key, as ``test_partner_attacks`` makes them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import (
    _fill,
    _fill_answers,
    _seq_of,
    _vault_key,
    attack,
    raw_shared_db,
    share_three,
)
from twofold.domain.errors import NotAllowed, VaultDamaged
from twofold.domain.ledger import EventKind, VerifyReport, canonical_json, content_hash
from twofold.domain.report import ReportFormat, ReportRequest, ReportSection
from twofold.services import check_child
from twofold.services import verify as verify_module
from twofold.services.session import Session, unlock
from twofold.vault.projectors.replay import projection_digest
from twofold.vault.vault import OpenVault

FORGED = "FORGED-WORDS-NEVER-SIGNED"


def whole(fmt: ReportFormat = ReportFormat.JSON) -> ReportRequest:
    return ReportRequest(date(2010, 1, 1), date(2035, 1, 1), tuple(ReportSection), fmt)


def _refused(alex: Session, target: Path) -> str:
    """The export is refused: nothing written beside the target, nothing signed."""
    before = alex.timeline.count()
    with pytest.raises(VaultDamaged) as refused:
        alex.reports.export(whole(), target, SAM_PASS, verified=alex.verified)
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}")] == []
    assert alex.timeline.count() == before
    kinds = {i.kind for i in alex.timeline.page(0, 50)}
    assert EventKind.EXPORT_MADE not in kinds and EventKind.EXPORT_AGREED not in kinds
    text = str(refused.value)
    assert text.startswith("The report was not made: the shared ledger does not match")
    assert FORGED not in text  # the message names the row, never the forged words
    return text


def _exported_text(alex: Session, target: Path) -> str:
    alex.reports.export(whole(), target, SAM_PASS, verified=alex.verified)
    return target.read_text(encoding="utf-8")


@pytest.fixture
def shared(vault_dir: Path) -> Path:
    return share_three(vault_dir)


def _alex_share(folder: Path) -> int:
    return _seq_of(folder, "SELECT seq FROM timeline_items WHERE body = 'I was scared to tell you'")


def test_an_untouched_ledger_is_exported_with_every_shared_word(
    shared: Path, tmp_path: Path
) -> None:
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        text = _exported_text(alex, tmp_path / "report.json")
    finally:
        alex.lock()
    for words in (
        "I was scared to tell you",
        "I want us to walk on Sundays",
        "I noticed you tried",
    ):
        assert words in text
    assert not [p for p in shared.iterdir() if p.name.startswith(".check-")]  # copy removed


def test_words_edited_in_the_timeline_never_reach_the_report(shared: Path, tmp_path: Path) -> None:
    seq = _alex_share(shared)
    attack(shared, (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,)))
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        text = _refused(alex, tmp_path / "report.json")
    finally:
        alex.lock()
    assert f"timeline_items, row of event #{seq} (reflection.shared" in text
    assert not any(FORGED in p.read_text(errors="ignore") for p in tmp_path.rglob("*.json"))


def test_the_attacker_refused_too_when_they_export_their_own_forgery(
    shared: Path, tmp_path: Path
) -> None:
    """Sam edits Alex's words and asks Alex to co-sign a report of them: Sam's own
    export is refused the same way (there is no session in which the forgery passes)."""
    seq = _alex_share(shared)
    attack(shared, (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,)))
    sam = unlock(shared, "Sam", SAM_PASS)
    try:
        with pytest.raises(VaultDamaged, match="does not match what you both signed"):
            sam.reports.export(whole(), tmp_path / "r.json", ALEX_PASS)
    finally:
        sam.lock()
    assert not (tmp_path / "r.json").exists()


def test_an_edited_event_rechained_by_hand_is_refused(shared: Path, tmp_path: Path) -> None:
    """Sam rewrites Alex's signed event itself (its payload, its content hash, and the
    timeline row to match): the hashes no longer lead to the head Alex saw."""
    seq = _alex_share(shared)
    payload = canonical_json({"text": FORGED})
    attack(
        shared,
        (
            f"UPDATE ledger_events SET payload = ?, content_hash = ? WHERE seq = {seq}",
            (payload, content_hash(payload)),
        ),
        (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,)),
    )
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        text = _refused(alex, tmp_path / "report.json")
    finally:
        alex.lock()
    assert f"event #{seq + 1}" in text and "does not follow the event before it" in text


def test_a_state_the_full_check_proved_is_not_trusted_after_an_edit(
    shared: Path, tmp_path: Path
) -> None:
    """The window's check proved the ledger; Sam edits shared.db afterwards, while the
    window is open. The export sees the file no longer holds what was proved, checks
    it again and refuses."""
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        proved = alex.check_for_report()
        assert proved.ok and alex.verified is not None
        seq = _alex_share(shared)
        attack(shared, (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,)))
        _refused(alex, tmp_path / "report.json")
    finally:
        alex.lock()


def test_what_the_check_proved_spares_the_report_its_own_replay(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        alex.check_for_report()
        assert alex.verified is not None

        def no_second_check(vault: object) -> None:
            raise AssertionError("the report checked again what was proved")

        monkeypatch.setattr(check_child, "report_check", no_second_check)
        text = _exported_text(alex, tmp_path / "warm.json")
        assert "I was scared to tell you" in text
        # the export signed two events: what was proved is no longer the file's state,
        # so the next report checks again (and here finds nothing wrong)
        monkeypatch.undo()
        second = _exported_text(alex, tmp_path / "cold.json")
    finally:
        alex.lock()
    sections = [json.loads(t)["sections"] for t in (text, second)]
    assert sections[0][1:] == sections[1][1:]  # the same report, by either path


def test_a_full_check_proves_a_clean_state_and_not_a_forged_one(shared: Path) -> None:
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        clean = alex.verify()
        assert clean.ok and clean.shown is not None
        assert clean.shown.head_seq == alex._vault.ledger.head()[0]
        assert clean.shown.projections == projection_digest(alex._vault.connection)
        assert alex.check_for_report().shown == clean.shown
        seq = _alex_share(shared)
        attack(shared, (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,)))
        assert alex.verify().shown is None
        assert alex.check_for_report().shown is None and alex.verified is None
    finally:
        alex.lock()


@pytest.fixture
def practices(vault_dir: Path) -> Path:
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        _fill(sam)
    finally:
        sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        _fill_answers(alex)
    finally:
        alex.lock()
    return vault_dir


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("checkins", "answers"),
        ("setbacks", "what"),
        ("wins", "text"),
        ("agreement_versions", "sections"),
        ("commitments", "title"),
        ("session_items", "text"),
        ("partners", "label"),
    ],
)
def test_an_edited_practice_row_never_reaches_the_report(
    practices: Path, tmp_path: Path, table: str, column: str
) -> None:
    conn = raw_shared_db(practices)
    try:
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert column in columns, columns
        conn.execute(
            f"UPDATE {table} SET {column} = ? WHERE rowid = (SELECT max(rowid) FROM {table})",
            (FORGED if column != "answers" else json.dumps([["How are you?", FORGED]]),),
        )
    finally:
        conn.close()
    alex = unlock(practices, "Alex", ALEX_PASS)
    try:
        _refused(alex, tmp_path / "report.json")
    finally:
        alex.lock()


def test_a_shared_session_checks_every_signature(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a journal there is no remembered head to hash up to: the check reads
    every signature (and still refuses a forgery)."""
    from twofold.services.session import unlock_session

    seq = _alex_share(shared)
    attack(shared, (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,)))
    together = unlock_session(shared, ALEX_PASS)

    def no_anchor(*_args: object) -> None:
        raise AssertionError("a shared session has no remembered head to hash up to")

    monkeypatch.setattr(verify_module, "chained_to", no_anchor)
    try:
        found = together.check_for_report()
        assert not found.ok and found.shown is None
        assert any(f"event #{seq}" in line for line in found.lines())
    finally:
        together.lock()


def test_the_command_line_refuses_the_forged_report_and_says_why(
    shared: Path, tmp_path: Path
) -> None:
    from tests.unit.test_cli import cli

    seq = _alex_share(shared)
    attack(shared, (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,)))
    alex, sam = tmp_path / "alex.pass", tmp_path / "sam.pass"
    alex.write_text(ALEX_PASS + "\n")
    sam.write_text(SAM_PASS + "\n")
    done = cli(
        *("export", "report", "--vault", shared, "--as", "Alex", "--passphrase-file", alex),
        *("--partner-passphrase-file", sam, "--format", "markdown"),
        *("--from", "2020-01-01", "--to", "2030-12-31", "--out", tmp_path / "r.md"),
    )
    assert done.code == 4 and not (tmp_path / "r.md").exists()  # a failed verification
    assert "Checking the shared ledger against your signatures" in done.err
    assert "the shared ledger does not match what you both signed" in done.err
    assert f"event #{seq}" in done.err and FORGED not in done.err + done.out


def test_without_a_copy_the_live_files_are_checked_and_must_not_change_after(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No copy can be made (a full disk): the check reads the live files, and the report
    is made from them only while they still hold what was proved. Sam edits a row
    just after the check: the export stops."""
    from twofold.vault import check_copy

    def full_disk(*_args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(check_copy, "make", full_disk)
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        assert "I was scared to tell you" in _exported_text(alex, tmp_path / "live.json")
        checked = check_child.report_check

        def edited_right_after(vault: OpenVault) -> VerifyReport:
            found = checked(vault)
            seq = _alex_share(shared)
            attack(shared, (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,)))
            return found

        monkeypatch.setattr(check_child, "report_check", edited_right_after)
        with pytest.raises(NotAllowed, match="changed while it was being checked"):
            alex.reports.export(whole(), tmp_path / "raced.json", SAM_PASS)
        assert not (tmp_path / "raced.json").exists()
    finally:
        alex.lock()


def _renamed_genesis(folder: Path, who: str, name: str) -> bytes:
    """The first event's payload with ``who``'s name changed (its content hash left as
    signed: only a check of the event's content sees it)."""
    conn = raw_shared_db(folder)
    try:
        (payload,) = conn.execute("SELECT payload FROM ledger_events WHERE seq = 1").fetchone()
    finally:
        conn.close()
    data = json.loads(payload)
    for partner in data["partners"]:
        if partner["label"] == who:
            partner["label"] = name
    return canonical_json(data)


def test_a_name_edited_in_the_first_event_after_the_full_check_is_refused(
    shared: Path, tmp_path: Path
) -> None:
    """The window's check proved the ledger; Sam then rewrites the names in the first
    event's payload (the report's every name comes from there). The head and the
    projections are untouched, so the proved state alone would not see it."""
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        assert alex.check_for_report().ok and alex.verified is not None
        forged = _renamed_genesis(shared, "Alex", FORGED)
        attack(shared, ("UPDATE ledger_events SET payload = ? WHERE seq = 1", (forged,)))
        text = _refused(alex, tmp_path / "report.json")
    finally:
        alex.lock()
    assert "event #1 (vault.created" in text and "content was altered" in text


def test_a_name_edited_in_keyslots_json_never_reaches_the_report(
    shared: Path, tmp_path: Path
) -> None:
    """keyslots.json is not signed: Sam renames themselves there. The report names
    the partner who agreed as the signed first event does."""
    slots = shared / "keyslots.json"
    data = json.loads(slots.read_text(encoding="utf-8"))
    for partner in data["partners"]:
        if partner["label"] == "Sam":
            partner["label"] = FORGED
    slots.write_text(json.dumps(data), encoding="utf-8")
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        text = _exported_text(alex, tmp_path / "report.json")
    finally:
        alex.lock()
    assert FORGED not in text
    assert json.loads(text)["agreed_by"] == "Sam"


def _rename_in_keyslots(folder: Path, who: str, name: str) -> None:
    slots = folder / "keyslots.json"
    data = json.loads(slots.read_text(encoding="utf-8"))
    for partner in data["partners"]:
        if partner["label"] == who:
            partner["label"] = name
    slots.write_text(json.dumps(data), encoding="utf-8")


def test_the_authors_name_over_their_private_entries_is_the_signed_one(
    shared: Path, tmp_path: Path
) -> None:
    """Sam renames Alex in keyslots.json: the part of Alex's chosen private entries
    still names Alex as the signed first event does."""
    slots = json.loads((shared / "keyslots.json").read_text(encoding="utf-8"))
    (alex_id,) = [p["id"] for p in slots["partners"] if p["label"] == "Alex"]
    _rename_in_keyslots(shared, "Alex", FORGED)
    alex = unlock(shared, alex_id, ALEX_PASS)  # (found by id: the name is forged)
    try:
        assert alex.journal is not None
        chosen = alex.journal.write("a private entry Alex chose")
        request = ReportRequest(
            date(2010, 1, 1), date(2035, 1, 1), tuple(ReportSection), ReportFormat.JSON, (chosen,)
        )
        alex.reports.export(request, tmp_path / "report.json", SAM_PASS)
    finally:
        alex.lock()
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert "a private entry Alex chose" in text and "From Alex's private journal" in text
    assert FORGED not in text


def test_the_checked_copy_edited_after_its_check_is_not_reported(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sam (the same OS account) edits the check's copy in the vault folder between
    the check of it and the report made from it: the report is made only while the
    copy still holds what was checked."""
    import sqlcipher3

    key = _vault_key(shared, "Sam", SAM_PASS)
    checked = check_child.report_check

    def edited_after_the_check(vault: OpenVault) -> VerifyReport:
        found = checked(vault)
        seq = _alex_share(shared)
        (copy,) = [p for p in shared.iterdir() if p.name.startswith(".check-")]
        conn = sqlcipher3.connect(str(copy / "shared.db"), isolation_level=None)
        try:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute(f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,))
        finally:
            conn.close()
        return found

    monkeypatch.setattr(check_child, "report_check", edited_after_the_check)
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        before = alex.timeline.count()
        with pytest.raises(NotAllowed, match="changed while it was being checked"):
            alex.reports.export(whole(), tmp_path / "raced.json", SAM_PASS)
        assert not (tmp_path / "raced.json").exists()
        assert alex.timeline.count() == before
        kinds = {i.kind for i in alex.timeline.page(0, 50)}
        assert EventKind.EXPORT_MADE not in kinds
    finally:
        alex.lock()
    assert not [p for p in shared.iterdir() if p.name.startswith(".check-")]


def test_a_row_edited_after_its_table_was_compared_is_not_proved(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sam edits a timeline row while the full check runs, after that table was
    compared and before the check reads the state it proved (and the same in the live
    file): the check must not prove a state it never compared, so a report made
    with what it proved checks again and refuses."""
    from twofold.vault.projectors import replay

    seq = _alex_share(shared)
    edit = (f"UPDATE timeline_items SET body = ? WHERE seq = {seq}", (FORGED,))
    compare = replay.check
    tried: list[bool] = []

    def edited_after_the_comparison(conn: object, events: object) -> object:
        found = compare(conn, events)  # type: ignore[arg-type]
        raw = raw_shared_db(shared)
        try:
            raw.execute("PRAGMA busy_timeout = 0")  # a check holding it off refuses it
            raw.execute(edit[0], edit[1])
            tried.append(True)
        except sqlcipher3.OperationalError:
            tried.append(False)
        finally:
            raw.close()
        return found

    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        reader = alex._vault.reader()  # the live files, as when no copy can be made
        monkeypatch.setattr(replay, "check", edited_after_the_comparison)
        try:
            found = verify_module.check_for_report(reader)
        finally:
            reader.close()
        monkeypatch.undo()
        assert tried
        attack(shared, edit)  # (again, once the check has let go: the live file forged)
        before = alex.timeline.count()
        with pytest.raises(VaultDamaged, match="does not match what you both signed"):
            alex.reports.export(whole(), tmp_path / "report.json", SAM_PASS, verified=found.shown)
        assert not (tmp_path / "report.json").exists()
        assert alex.timeline.count() == before
    finally:
        alex.lock()


def test_an_event_emptied_as_if_retracted_is_refused(shared: Path, tmp_path: Path) -> None:
    """Sam empties Alex's signed reflection and marks it retracted, so the report would
    say Alex took it back: before Alex's remembered head the walk by hashes accepts an
    empty payload only with a retraction Alex signed, and there is none."""
    seq = _alex_share(shared)
    attack(
        shared,
        f"UPDATE ledger_events SET payload = NULL WHERE seq = {seq}",
        f"UPDATE timeline_items SET body = '', retracted = 1 WHERE seq = {seq}",
    )
    alex = unlock(shared, "Alex", ALEX_PASS)
    try:
        text = _refused(alex, tmp_path / "report.json")
    finally:
        alex.lock()
    assert f"event #{seq} (reflection.shared" in text
    assert "removed without its author's signed retraction" in text
