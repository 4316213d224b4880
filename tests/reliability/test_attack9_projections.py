"""The other partner writes values Twofold never writes into ``shared.db`` (a date
that does not parse, words where a number belongs, bytes where words belong, an
unknown kind), with the raw vault key as any SQLCipher tool would. What the victim
reads next must not crash: the damaged row is left out or hidden alone, every other
row is shown, and the full check names the row (DESIGN §7: one bad record never
hides the rest)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.attack9_vaults import practise, share_three
from tests.reliability.test_partner_attacks import attack, named, raw_shared_db
from tests.unit.test_cli import cli
from twofold.cli import EXIT_BUG
from twofold.services.session import Session, unlock


@pytest.fixture
def shared_vault(vault_dir: Path) -> Path:
    return share_three(vault_dir)


@pytest.fixture
def practice_vault(vault_dir: Path) -> Path:
    return practise(vault_dir)


def as_alex(folder: Path, work: Callable[[Session], Any]) -> Any:
    session = unlock(folder, "Alex", ALEX_PASS)
    try:
        return work(session)
    finally:
        session.lock()


def _seq(folder: Path, sql: str) -> int:
    from tests.reliability.test_partner_attacks import _seq_of

    return _seq_of(folder, sql)


# --- the timeline ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("occurred_at", "'not a date'"),
        ("occurred_at", "x'00ff'"),
        ("kind", "'reflection.invented'"),
        ("body", "x'ff00fe'"),
        ("retracted", "'yes'"),
    ],
)
def test_an_unreadable_timeline_row_is_hidden_alone(
    shared_vault: Path, column: str, value: str
) -> None:
    seq = _seq(
        shared_vault, "SELECT seq FROM timeline_items WHERE body = 'I was scared to tell you'"
    )
    attack(shared_vault, f"UPDATE timeline_items SET {column} = {value} WHERE seq = {seq}")

    items = as_alex(shared_vault, lambda s: s.timeline.page(limit=100))
    [hidden] = [i for i in items if i.seq == seq]
    assert hidden.unverified and hidden.body == ""  # in its place: the warning card
    assert hidden.occurred_at.year >= 2026  # dated by its signed event
    shown = {i.body for i in items if not i.unverified}
    assert {"I want us to walk on Sundays", "I noticed you tried"} <= shown
    assert f"timeline_items, row of event #{seq}" in named(shared_vault)


def test_the_command_line_lists_the_timeline_around_an_unreadable_row(
    shared_vault: Path, tmp_path: Path
) -> None:
    attack(
        shared_vault,
        "UPDATE timeline_items SET occurred_at = 'garbage' WHERE body = 'I was scared to tell you'",
    )
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    result = cli("list", "--shared", "--vault", shared_vault, "--as", "Alex",
                 "--passphrase-file", secret)  # fmt: skip
    assert result.code == 0, result.err
    assert "I noticed you tried" in result.out and "walk on Sundays" in result.out
    assert "garbage" not in result.out


# --- the partners table ----------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    ["public_key = 'not a key'", "position = 'first'", "public_key = 12"],
)
def test_a_partner_row_of_another_type_is_named_not_a_crash(
    shared_vault: Path, tmp_path: Path, change: str
) -> None:
    attack(shared_vault, f"UPDATE partners SET {change} WHERE label = 'Sam'")
    assert "partners, Sam: their key no longer matches the signed events" in named(shared_vault)
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    result = cli("verify", "--vault", shared_vault, "--as", "Alex", "--passphrase-file", secret)
    assert result.code == 4, result.err
    assert "partners, Sam" in result.err


# --- every practice table: each page's reads ---------------------------------------------


def _pages(s: Session) -> dict[str, Any]:
    """What each page of the window reads (the services behind it)."""
    return {
        "commitments": [
            (v.commitment.title, s.commitments.check_offs(v.commitment.id))
            for v in s.commitments.views()
        ],
        "concerns": s.commitments.concerns(),
        "statuses": s.commitments.statuses(),
        "agreement": s.agreement.versions(),
        "checkins": (s.checkins.recent(), s.checkins.my_sealed(), s.checkins.missed()),
        "setbacks": s.setbacks.all(),
        "wins": s.wins.all(),
        "together": (s.together.appreciation_items(), s.together.values(), s.together.story()),
        "joint": (s.joint.sessions(), s.joint.objectives(), s.joint.agenda()),
        "requests": s.requests.all(),
        "roles": (s.roles.proposals(), s.roles.roles(), s.roles.pace()),
        "progress": s.progress.our_progress(),
        "patterns": s.progress.my_patterns(),
        "timeline": s.timeline.page(limit=500),
    }


# (table, column, value): each a value Twofold never writes there
TAMPERS = [
    ("commitments", "cadence", "'not json'"),
    ("commitments", "start", "'someday'"),
    ("commitment_checks", "day", "'someday'"),
    ("commitment_checks", "outcome", "'sort of'"),
    ("check_concerns", "check_seq", "'which one'"),
    ("agreement_versions", "number", "'first'"),
    ("agreement_versions", "sections", "'[1]'"),
    ("checkins", "day", "'someday'"),
    ("checkins", "answers", "'{\"a\": 1}'"),
    ("checkin_seals", "day", "x'00'"),
    ("setbacks", "day", "'someday'"),
    ("setback_steps", "step", "'forgive everything'"),
    ("wins", "day", "'someday'"),
    ("appreciations", "at", "'someday'"),
    ("story_chapters", "at", "'someday'"),
    ("joint_sessions", "opened_at", "'someday'"),
    ("objective_progress", "at", "'someday'"),
    ("talk_requests", "kind", "'a shout'"),
    ("roles_proposals", "hurt", "'not json'"),
    ("pace", "agenda_order", "'[\"invented\"]'"),
    ("renegotiations", "terms", "'not json'"),
    ("safety_plan", "value", "'not json'"),
]


@pytest.mark.parametrize(("table", "column", "value"), TAMPERS, ids=lambda v: str(v)[:24])
def test_every_page_reads_around_an_unreadable_practice_row(
    practice_vault: Path, table: str, column: str, value: str
) -> None:
    before = as_alex(practice_vault, _pages)
    attack(practice_vault, f"UPDATE {table} SET {column} = {value}")
    after = as_alex(practice_vault, _pages)  # raised a ValueError, KeyError … before
    # the pages that never showed the row show what they showed
    assert after["timeline"] == before["timeline"]
    assert after["wins"] == before["wins"] or table == "wins"
    assert f"{table}, " in named(practice_vault, "Sam", SAM_PASS)


def test_one_unreadable_win_hides_only_itself(practice_vault: Path) -> None:
    sam = unlock(practice_vault, "Sam", SAM_PASS)
    sam.wins.record("We laughed at dinner")
    sam.wins.record("A walk without phones")
    sam.lock()
    attack(practice_vault, "UPDATE wins SET day = 'someday' WHERE text = 'We laughed at dinner'")
    texts = as_alex(practice_vault, lambda s: [w.text for w in s.wins.all()])
    assert "A walk without phones" in texts and "A calm dinner" in texts
    assert "We laughed at dinner" not in texts


def test_the_check_ins_command_reads_around_an_unreadable_row(
    practice_vault: Path, tmp_path: Path
) -> None:
    attack(practice_vault, "UPDATE checkins SET day = 'someday'")
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    result = cli("checkins", "--vault", practice_vault, "--as", "Alex",
                 "--passphrase-file", secret)  # fmt: skip
    assert result.code != EXIT_BUG and result.code == 0, result.err


# --- ledger_events: values of another type ------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        "payload = 'not json'",  # text where Twofold writes a BLOB
        "payload = '{\"text\": 5}'",
        "content_hash = 'abc', prev_hash = 'def'",
        "signature = 9223372036854775807",  # bytes(n) would be n zero bytes
        "signature = 2.5",
    ],
)
def test_an_event_stored_as_another_type_is_named_not_a_crash(
    shared_vault: Path, tmp_path: Path, change: str
) -> None:
    seq = _seq(
        shared_vault, "SELECT seq FROM timeline_items WHERE body = 'I was scared to tell you'"
    )
    attack(shared_vault, f"UPDATE ledger_events SET {change} WHERE seq = {seq}")
    assert f"event #{seq} (reflection.shared" in named(shared_vault)
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    for command in ("verify", "list"):
        result = cli(command, "--vault", shared_vault, "--as", "Alex", "--passphrase-file", secret)
        assert result.code != EXIT_BUG, result.err


def test_a_first_event_stored_as_text_is_named_not_a_crash(
    shared_vault: Path, tmp_path: Path
) -> None:
    attack(shared_vault, "UPDATE ledger_events SET payload = 'not json' WHERE seq = 1")
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    result = cli("list", "--shared", "--vault", shared_vault, "--as", "Alex",
                 "--passphrase-file", secret)  # fmt: skip
    assert result.code != EXIT_BUG, result.err
    result = cli("verify", "--vault", shared_vault, "--as", "Alex", "--passphrase-file", secret)
    assert result.code == 4 and "event #1 (vault.created" in result.err, result.err


# --- keyslots.json: the names on the unlock screen ------------------------------------------


def test_a_name_changed_in_keyslots_is_said_at_unlock(shared_vault: Path, tmp_path: Path) -> None:
    """The slots are signed, the names beside them are not: Sam renames himself on the
    unlock screen. Alex is told, with the name the signed first event gives."""
    import json

    path = shared_vault / "keyslots.json"
    slots = json.loads(path.read_text())
    [sam] = [p for p in slots["partners"] if p["label"] == "Sam"]
    sam["label"] = "Your therapist"
    path.write_text(json.dumps(slots))

    expected = (
        "keyslots.json names Sam “Your therapist” on the unlock screen; the signed first "
        "event of the ledger names them “Sam”. Someone edited keyslots.json."
    )
    assert expected in as_alex(shared_vault, lambda s: s.warnings)
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS)
    for command in (["verify"], ["list"], ["list", "--shared"]):
        result = cli(*command, "--vault", shared_vault, "--as", "Alex", "--passphrase-file", secret)
        assert result.code in (0, 4) and expected in result.err, (command, result.err)


def test_an_unedited_keyslots_says_nothing_of_names(shared_vault: Path) -> None:
    assert not [w for w in as_alex(shared_vault, lambda s: s.warnings) if "names" in w]


def test_your_own_name_edited_in_keyslots_is_not_the_one_you_sign_as(shared_vault: Path) -> None:
    """Sam renames Alex "Jo" in keyslots.json: Alex picks "Jo" on the unlock screen,
    but the window names them, and signs as, the Alex of the signed first event."""
    import json

    path = shared_vault / "keyslots.json"
    slots = json.loads(path.read_text())
    [alex] = [p for p in slots["partners"] if p["label"] == "Alex"]
    alex["label"] = "Jo"
    path.write_text(json.dumps(slots))

    session = unlock(shared_vault, "Jo", ALEX_PASS)
    try:
        assert session.partner_label == "Alex"
        assert any("keyslots.json names Alex “Jo”" in w for w in session.warnings)
    finally:
        session.lock()


def test_a_page_ending_on_a_hidden_row_goes_on_where_it_ended(shared_vault: Path) -> None:
    """A row whose moment cannot be read is shown as a hidden card dated by its signed
    event; the next page must start after the row as stored, not after that date (the
    old code started again from the top: rows repeated)."""
    conn = raw_shared_db(shared_vault)
    seqs = [int(r[0]) for r in conn.execute("SELECT seq FROM timeline_items ORDER BY seq")]
    conn.close()
    moments = [f"2020-01-{i + 1:02d}T12:00:00.000000+00:00" for i in range(len(seqs))]
    statements = [
        f"UPDATE timeline_items SET occurred_at = '{m}' WHERE seq = {s}"
        for s, m in zip(seqs, moments, strict=True)
    ]
    hidden = seqs[1]  # sorts just after the second moment: mid-timeline, unreadable
    statements.append(
        f"UPDATE timeline_items SET occurred_at = '{moments[1]} edited' WHERE seq = {hidden}"
    )
    attack(shared_vault, *statements)

    def walk(session: Session) -> list[int]:
        first = session.timeline.page(limit=len(seqs) - 1)  # ends on the hidden row
        assert first[-1].seq == hidden and first[-1].unverified
        rest = session.timeline.page(limit=100, after=first[-1])
        return [i.seq for i in first + rest]

    walked = as_alex(shared_vault, walk)
    assert sorted(walked) == sorted(seqs) and len(walked) == len(seqs)
