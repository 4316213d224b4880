"""Ending, tried as the other partner would: after a crypto-shred no key in the
folder opens the old journal and its words are nowhere on disk; after leaving, the
leaving partner's old vault key opens nothing written afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, TEST_KDF, all_bytes, recovery_code
from twofold.domain.errors import (
    InvalidInput,
    NotAllowed,
    UnknownPartner,
    VaultDamaged,
    WrongPassphrase,
)
from twofold.domain.ledger import EventKind
from twofold.domain.report import ReportFormat
from twofold.services.session import unlock, unlock_session
from twofold.vault import crypto, keyslots
from twofold.vault.database import open_keyed
from twofold.vault.ending import REKEYED, finish_interrupted_rekey
from twofold.vault.vault import SHARED_DB, journal_file

CANARY = "ALEXPRIVATECANARY7731"


def every_text_readable_with(path: Path, key: bytes | bytearray) -> str:
    """Every table of a SQLCipher file, decrypted with ``key`` (with free pages'
    leftovers as far as SQLite shows them), as one string; '' if the key does not
    open it."""
    try:
        conn = open_keyed(path, key)
    except VaultDamaged:
        return ""
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
        out = []
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                out.append(" ".join(str(v) for v in row))
        return "\n".join(out)
    finally:
        conn.close()


def slot_keys(folder: Path, who: str, secret: bytes, kind: str = "passphrase") -> object:
    slots = keyslots.load(folder)
    return slots.unlock(slots.slot(slots.partner(who).id, kind), secret)  # type: ignore[arg-type]


def test_crypto_shred_leaves_no_readable_journal(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    for i in range(30):
        alex.journal.write(f"{CANARY} entry {i} " + "words " * 200)
    held = alex._vault._keys
    assert held is not None and held.journal_key is not None
    old_key = bytes(held.journal_key)
    pid = alex.partner_id
    old_code = recovery_code(vault_dir, "Alex")
    with pytest.raises(InvalidInput, match="delete my journal"):
        alex.shred_journal("yes", ALEX_PASS)
    with pytest.raises(WrongPassphrase):
        alex.shred_journal("delete my journal", SAM_PASS)
    assert not alex.locked
    new_code = alex.shred_journal("Delete my journal", ALEX_PASS, TEST_KDF)
    assert alex.locked
    path = vault_dir / journal_file(pid)
    # the old key opens nothing; the words are in no file (plain bytes)
    assert every_text_readable_with(path, old_key) == ""
    assert CANARY.encode() not in all_bytes(vault_dir)
    # every key that remains in the folder, decrypting every file it opens
    keys = [
        slot_keys(vault_dir, "Alex", crypto.normalise_passphrase(ALEX_PASS)),
        slot_keys(vault_dir, "Alex", crypto.parse_recovery_code(new_code), "recovery"),
        slot_keys(vault_dir, "Sam", crypto.normalise_passphrase(SAM_PASS)),
        slot_keys(
            vault_dir,
            "Sam",
            crypto.parse_recovery_code(recovery_code(vault_dir, "Sam")),
            "recovery",
        ),
    ]
    for k in keys:
        for file in vault_dir.glob("*.db"):
            for key in (k.vault_key, k.journal_key):
                assert CANARY not in every_text_readable_with(file, key)
    assert all(bytes(k.journal_key) != old_key for k in keys)
    # .prev holds no old slot, and the old recovery code is gone
    prev = keyslots._read(vault_dir / keyslots.PREVIOUS_NAME)
    assert {s.slot_id for s in prev.slots} == {s.slot_id for s in keyslots.load(vault_dir).slots}
    with pytest.raises(WrongPassphrase):
        slot_keys(vault_dir, "Alex", crypto.parse_recovery_code(old_code), "recovery")
    # Alex still unlocks, to an empty journal; the shared ledger is intact
    again = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert again.journal is not None and again.journal.count() == 0
        again.journal.write("a fresh start")
        assert again.verify().ok
    finally:
        again.lock()


def test_leaving_rekeys_the_ledger_for_the_one_who_stays(vault_dir: Path, tmp_path: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write(f"{CANARY} in the leaver's journal")
    old_vault_key = bytes(alex._vault._keys.vault_key)  # type: ignore[union-attr]
    old_sam_code = recovery_code(vault_dir, "Sam")
    with pytest.raises(WrongPassphrase):
        alex.leave("leave", "not sam's passphrase")
    outcome = alex.leave(
        "leave",
        SAM_PASS,
        copy_to=tmp_path / "history.md",
        copy_format=ReportFormat.MARKDOWN,
        kdf=TEST_KDF,
    )
    assert alex.locked and outcome.remaining_label == "Sam"
    assert outcome.copy is not None and "You began Twofold" in (tmp_path / "history.md").read_text()
    # the leaver's slots and journal are gone; the old vault key opens no file now
    assert [p.label for p in keyslots.load(vault_dir).partners] == ["Sam"]
    with pytest.raises(UnknownPartner):
        unlock(vault_dir, "Alex", ALEX_PASS)
    assert not (vault_dir / journal_file(alex.partner_id)).exists()
    assert CANARY.encode() not in all_bytes(vault_dir)
    assert every_text_readable_with(vault_dir / SHARED_DB, old_vault_key) == ""
    # Sam goes on: new events are written under a key Alex never held
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        kinds = [i.kind for i in sam.timeline.page(0, 5)]
        assert EventKind.PARTNER_LEFT in kinds and EventKind.EXPORT_AGREED in kinds
        sam.wins.record("WRITTEN-AFTER-ALEX-LEFT")
        assert sam.verify().ok
    finally:
        sam.lock()
    assert every_text_readable_with(vault_dir / SHARED_DB, old_vault_key) == ""
    new_key = slot_keys(vault_dir, "Sam", crypto.normalise_passphrase(SAM_PASS)).vault_key  # type: ignore[attr-defined]
    assert "WRITTEN-AFTER-ALEX-LEFT" in every_text_readable_with(vault_dir / SHARED_DB, new_key)
    assert bytes(new_key) != old_vault_key
    with pytest.raises(WrongPassphrase):  # Sam's old code went with the old key
        slot_keys(vault_dir, "Sam", crypto.parse_recovery_code(old_sam_code), "recovery")
    renewed = slot_keys(
        vault_dir, "Sam", crypto.parse_recovery_code(outcome.remaining_recovery_code), "recovery"
    )
    assert bytes(renewed.vault_key) == bytes(new_key)  # type: ignore[attr-defined]


def test_an_interrupted_leave_is_finished_or_discarded(vault_dir: Path) -> None:
    session = unlock_session(vault_dir, SAM_PASS, "Sam")
    key = bytes(session._vault._keys.vault_key)  # type: ignore[union-attr]
    session.lock()
    # a copy left by a leave that never wrote its slots: it does not open; discarded
    (vault_dir / REKEYED).write_bytes(b"\0" * 4096)
    finish_interrupted_rekey(vault_dir, key)
    assert not (vault_dir / REKEYED).exists()
    # a copy that opens with the slot's key (the slots were written): it replaces shared.db
    before = (vault_dir / SHARED_DB).read_bytes()
    (vault_dir / REKEYED).write_bytes(before)
    (vault_dir / SHARED_DB).write_bytes(b"\0" * len(before))
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        assert sam.verify().ok
    finally:
        sam.lock()
    assert not (vault_dir / REKEYED).exists()


def test_a_shared_session_cannot_end_anything(vault_dir: Path) -> None:
    from twofold.domain.errors import NotAllowed

    session = unlock_session(vault_dir, ALEX_PASS, "Alex")
    try:
        with pytest.raises(NotAllowed):
            session.shred_journal("delete my journal", ALEX_PASS)
        with pytest.raises(NotAllowed):
            session.leave("leave", SAM_PASS)
    finally:
        session.lock()


def test_cli_leave_and_delete_journal(vault_dir: Path, tmp_path: Path) -> None:
    from tests.unit.test_cli import cli

    files = {}
    for name, value in (("alex", ALEX_PASS), ("sam", SAM_PASS)):
        files[name] = tmp_path / f"{name}.pass"
        files[name].write_text(value + "\n")
    alex = ("--vault", vault_dir, "--as", "Alex", "--passphrase-file", files["alex"])
    unconfirmed = cli("leave", "--delete-journal", *alex)
    assert unconfirmed.code == 2 and "--confirm" in unconfirmed.err
    shred = cli(
        "leave",
        "--delete-journal",
        "--confirm",
        "delete my journal",
        "--recovery-file",
        tmp_path / "alex.code",
        *alex,
    )
    assert shred.code == 0, shred.err
    assert (tmp_path / "alex.code").stat().st_mode & 0o777 == 0o600
    code = (tmp_path / "alex.code").read_text().strip()
    assert code not in shred.out
    no_file = cli("leave", "--confirm", "leave", *alex, "--partner-passphrase-file", files["sam"])
    assert no_file.code == 2 and "--partner-recovery-file" in no_file.err
    wrong = cli(
        "leave",
        "--confirm",
        "leave",
        *alex,
        "--partner-passphrase-file",
        files["alex"],
        "--partner-recovery-file",
        tmp_path / "sam.code",
    )
    assert wrong.code == 3 and not (tmp_path / "sam.code").exists()
    left = cli(
        "leave",
        "--confirm",
        "leave",
        *alex,
        "--partner-passphrase-file",
        files["sam"],
        "--partner-recovery-file",
        tmp_path / "sam.code",
        "--copy-to",
        tmp_path / "copy.json",
        "--copy-format",
        "json",
    )
    assert left.code == 0, left.err
    assert "Sam's ledger has a new key" in left.out
    assert (tmp_path / "copy.json").exists()
    sam_code = (tmp_path / "sam.code").read_text().strip()
    assert sam_code not in left.out
    gone = cli("list", *alex)
    assert gone.code == 2 and "No partner called 'Alex'" in gone.err
    # Sam, who stayed, exports a report alone: no partner passphrase is asked for
    sam = ("--vault", vault_dir, "--as", "Sam", "--passphrase-file", files["sam"])
    alone = cli(
        "export", "report", *sam, "--out", tmp_path / "alone.md", "--format", "markdown",
        "--from", "2020-01-01", "--to", "2040-01-01",
    )  # fmt: skip
    assert alone.code == 0, alone.err
    assert "made by you alone, after Alex left the vault on" in alone.out
    assert "by Sam alone, after Alex left" in (tmp_path / "alone.md").read_text()


def test_shredding_writes_new_slots_with_fresh_settings_not_copied_ones(tmp_path: Path) -> None:
    """Issue 11: every new slot gets freshly calibrated KDF settings. The vault is made
    with settings above what calibration gives in this (test-floor) process, so a
    copied slot would keep them and a calibrated one cannot."""
    from twofold.services.session import create_vault
    from twofold.vault.crypto import KdfParams

    folder = tmp_path / "vault"
    unusual = KdfParams(memory_kib=TEST_KDF.memory_kib * 2, iterations=2, lanes=TEST_KDF.lanes)
    create_vault(folder, [("Alex", ALEX_PASS), ("Sam", SAM_PASS)], unusual)
    pid = keyslots.load(folder).partner("Alex").id
    before = keyslots.load(folder)
    assert before.slot(pid, "passphrase").kdf == unusual
    unlock(folder, "Alex", ALEX_PASS).shred_journal("Delete my journal", ALEX_PASS)
    after = keyslots.load(folder)
    calibrated = KdfParams.calibrated()
    assert after.slot(pid, "passphrase").kdf == calibrated != unusual
    assert after.slot(pid, "recovery").kdf == calibrated


def test_after_the_other_left_the_one_who_stayed_exports_a_report_alone(
    vault_dir: Path, tmp_path: Path
) -> None:
    """Issue 15: a report needs both signatures, and after a signed partner.left the
    second one can never come. The one who stayed makes it alone; the report and its
    ledger event say so plainly, and nothing the leaver wrote privately is in it."""
    import json
    from datetime import date

    from twofold.domain.report import ReportRequest, ReportSection
    from twofold.domain.timeline_text import headline

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    alex.journal.write(f"{CANARY} the leaver's private words")
    item = alex.sharing.add(alex.journal.write("private draft of a share"))
    alex.sharing.update(item, "ALEX-SHARED-BEFORE-LEAVING")
    alex.sharing.confirm(alex.sharing.preview())
    # while both are here, a report still needs the other's signature
    request = ReportRequest(
        date(2020, 1, 1), date(2040, 1, 1), tuple(ReportSection), ReportFormat.MARKDOWN
    )
    with pytest.raises(NotAllowed, match="needs Sam's agreement"):
        alex.reports.export(request, tmp_path / "early.md", "")
    alex_id = alex.partner_id
    alex.leave("leave", SAM_PASS, kdf=TEST_KDF)

    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        assert sam.journal is not None
        departed = sam.reports.departure()
        assert departed is not None and departed.label == "Alex"
        own = sam.journal.write("SAM-CHOSEN-PRIVATE for the therapist")
        for fmt, name in ((ReportFormat.MARKDOWN, "alone.md"), (ReportFormat.JSON, "alone.json")):
            chosen = ReportRequest(request.start, request.end, request.sections, fmt, (own,))
            result = sam.reports.export(chosen, tmp_path / name, "")
            assert result.path.exists()
        text = (tmp_path / "alone.md").read_text()
        assert "by Sam alone, after Alex left the vault on " in text
        assert "no second signature is possible" in text
        assert "ALEX-SHARED-BEFORE-LEAVING" in text  # the shared history stays shared
        assert "SAM-CHOSEN-PRIVATE" in text
        assert CANARY not in text and CANARY not in (tmp_path / "alone.json").read_text()
        data = json.loads((tmp_path / "alone.json").read_text())
        assert data["agreed_by"] is None
        assert data["made_after_left"].startswith("Alex left the vault on ")
        # the ledger: export.made signed by Sam, naming who had left; no export.agreed
        items = sam.timeline.page(0, 10)
        made = [i for i in items if i.kind == EventKind.EXPORT_MADE]
        assert len(made) == 2 and all(i.author_id == sam.partner_id for i in made)
        left_seq = next(i.seq for i in items if i.kind == EventKind.PARTNER_LEFT)
        assert not [i for i in items if i.kind == EventKind.EXPORT_AGREED and i.seq > left_seq]
        assert headline(made[0]).endswith(
            ", alone, after Alex left the vault (no second signature)."
        )
        payload = json.loads(sam._vault.ledger.event(made[0].event_id).payload or b"{}")
        assert payload["after_left"] == alex_id
        assert sam.verify().ok
    finally:
        sam.lock()
