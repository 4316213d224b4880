"""Issue 17: ``twofold search`` starts light. A fresh process runs the real command on
a vault with shared and private entries and reports what it imported: no Qt, no event
class beyond the genesis (the other kinds are built on first use), no projector, none
of the practice services. What it costs is measured by tests/benchmarks (the
"command-line search, cold" row); this guards the shape that makes it cheap."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import ALEX_PASS, SAM_PASS, TEST_KDF
from twofold.cli import UsageError, build_parser, quick_parse
from twofold.domain import event_types, events
from twofold.domain.commitments import Cadence, CadenceKind
from twofold.domain.errors import KeySlotsDamaged
from twofold.domain.events import EventData
from twofold.domain.records import RecordKind
from twofold.services.session import Session, create_vault, unlock

# Runs the entry point as ``python -m twofold`` would, after lowering the KDF floor
# for the test vault (as tests/entry.py does), then prints what was imported.
SCRIPT = """
import io, json, sys
from twofold.services.kdf import use_weak_kdf_for_tests_only
use_weak_kdf_for_tests_only()
from twofold.__main__ import main
out = io.StringIO()
real, sys.stdout = sys.stdout, out
try:
    code = main(sys.argv[1:])
finally:
    sys.stdout = real
from twofold.domain.errors import KeySlotsDamaged
from twofold.domain.events import EventData
print(json.dumps({
    "code": code,
    "out": out.getvalue(),
    "modules": sorted(sys.modules),
    "event_classes": sorted({c.__name__ for c in EventData.__subclasses__()}),
}))
"""
NEVER_ON_THE_SEARCH_PATH = (
    "PySide6",
    "shiboken6",
    "twofold.ui",
    "twofold.domain.event_types",
    "twofold.vault.projectors.commitments",
    "twofold.vault.projectors.consent",
    "twofold.vault.projectors.reflections",
    "twofold.services.report",
    "twofold.services.imports",
    "twofold.services.backups",
    "twofold.domain.report",
    "twofold.domain.consent",
    "twofold.domain.agreement",
    "twofold.services.checkins",
    "twofold.services.verify",
    "twofold.vault.practice_store",
    "twofold.vault.ending",
    "cryptography.hazmat.primitives",  # Ed25519 and AES-GCM from the bindings (vault/crypto)
    "cryptography.utils",
    "cryptography.exceptions",  # imported only when a signature or a tag is refused
    "argon2",  # the KDF runs through its bindings (_argon2_cffi_bindings) only
    "dataclasses",  # value classes (domain/valueclass.py) compile nothing at import
    "inspect",
    "argparse",  # a plain search is read by cli.quick_parse
    "gettext",
    "shutil",
    "secrets",  # os.urandom, which secrets reads, without random (~18 M instructions)
    "typing",  # annotations only (TYPE_CHECKING = False); the genesis decodes without it
    "hashlib",  # domain/digests: CPython's own SHA-256 for a command's few hashes
    "hmac",
    "_hashlib",
    "ctypes",  # hardening's prctl through cffi's backend, loaded for the KDF anyway
    "threading",  # vault/priority: imported by verification, replays and readers only
    "twofold.vault.priority",
    "random",
)


@pytest.fixture
def shared_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    create_vault(folder, [("Alex", ALEX_PASS), ("Sam", SAM_PASS)], TEST_KDF)
    with unlock(folder, "Alex", ALEX_PASS) as alex:
        assert alex.journal is not None and alex.sharing is not None
        alex.journal.write("Kept to myself: the quetzal feather.", RecordKind.REFLECTION)
        shared = alex.journal.write("For us both: the quetzal walk.", RecordKind.REFLECTION)
        alex.sharing.confirm_direct(alex.sharing.direct(shared, None, ""))
        alex.commitments.make("Walk on Sundays", Cadence(CadenceKind.WEEKLY), owner=alex.partner_id)
    return folder


def run_search(folder: Path, tmp_path: Path, *words: str) -> dict[str, object]:
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS + "\n")
    argv = ["search", "--vault", str(folder), "--as", "Alex", "--passphrase-file", str(secret)]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv, *words],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_search_builds_no_event_class_beyond_the_genesis_and_imports_no_qt(
    shared_vault: Path, tmp_path: Path
) -> None:
    result = run_search(shared_vault, tmp_path, "quetzal")
    assert result["code"] == 0
    out = str(result["out"])
    assert "[private]" in out and "feather" in out  # the private journal was searched
    assert "[shared]" in out and "walk" in out  # and the shared ledger
    modules = result["modules"]
    assert isinstance(modules, list)
    loaded = [m for m in modules if m.startswith(NEVER_ON_THE_SEARCH_PATH)]
    assert loaded == []
    assert result["event_classes"] == ["VaultCountersigned", "VaultCreated"]


def test_every_event_class_is_reachable_through_events_and_decodes_in_a_fresh_process() -> None:
    lazy = {
        name
        for name, value in vars(event_types).items()
        if isinstance(value, type) and issubclass(value, EventData) and value is not EventData
    }
    assert lazy <= set(events.__all__)
    assert all(getattr(events, name) is getattr(event_types, name) for name in lazy)
    with pytest.raises(AttributeError):
        _ = events.NoSuchEvent  # type: ignore[attr-defined]
    # decode, EVENT_TYPES and a from-import each build the kinds when first asked, and
    # the projectors load when first asked too
    script = (
        # the sharing step asks which kinds are card-only before any projection
        "from twofold.vault import projectors\n"
        "assert projectors.card_only('reflection.shared')\n"
        "from twofold.domain import events\n"
        "e = events.decode('commitment.ended', {'commitment_id': 'c1', 'reason': 'done'})\n"
        "assert type(e).__name__ == 'CommitmentEnded', e\n"
        "from twofold.domain.ledger import EventKind\n"
        "assert set(events.EVENT_TYPES) == set(EventKind)\n"
        "from twofold.domain.events import KeysChanged\n"
        "assert KeysChanged.kind == EventKind.KEYS_CHANGED\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


def unlock_tracing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Session, list[str]]:
    """Unlock Alex, recording every statement the unlock runs on the vault's
    connection (the session is returned open, to explain the statements on it)."""
    import sqlcipher3

    statements: list[str] = []
    connect = sqlcipher3.connect

    def tracing(*args: Any, **kwargs: Any) -> Any:
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlcipher3, "connect", tracing)
    session = unlock(folder, "Alex", ALEX_PASS)
    monkeypatch.setattr(sqlcipher3, "connect", connect)
    return session, statements


def whole_table_reads(session: Session, statements: list[str]) -> list[str]:
    """The unlock's queries that read a table row by row (SQLite's ``SCAN``), other
    than the schema, the journal's few meta rows and a newest-first read of one row."""
    assert session._vault.journal is not None
    conn = session._vault.journal._conn
    conn.set_trace_callback(None)
    found = []
    for sql in statements:
        if not sql.lstrip().upper().startswith("SELECT") or sql.rstrip().endswith("LIMIT 1"):
            continue
        for *_, detail in conn.execute("EXPLAIN QUERY PLAN " + sql):
            scanned = detail.split()[1] if detail.startswith("SCAN ") else None
            if scanned not in (None, "sqlite_master", "main.sqlite_master", "meta", "journal.meta"):
                found.append(f"{detail}: {sql[:120]}")
    return found


def test_an_unlock_with_no_kept_retraction_head_reads_no_table_whole(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vault whose journal kept no "retractions checked" head (one from before it
    was kept, or whose partner has written nothing since) still marks a retraction
    the journal missed, from the retractions themselves: no lookup of every share the
    journal ever made (60-100 ms at ten years, at every unlock and every command)."""
    from twofold.services.timeline import RETRACTIONS_CHECKED_KEY
    from twofold.vault import vault as vault_files
    from twofold.vault.vault import now

    with unlock(vault_dir, "Alex", ALEX_PASS) as alex:
        assert alex.journal is not None and alex.sharing is not None
        shared = []
        for text in ("first walk", "second walk", "kept walk"):
            record = alex.journal.write(text)
            (event_id,) = alex.sharing.confirm(alex.sharing.preview([alex.sharing.add(record)]))
            shared.append(event_id)
    opened = vault_files.unlock_partner(vault_dir, "Alex", ALEX_PASS)
    try:  # retracted behind the journal's back, and no head kept
        assert opened.journal is not None
        with opened.write("test"):
            opened.ledger.retract(shared[1], now())
            opened.journal.delete_meta(RETRACTIONS_CHECKED_KEY)
    finally:
        opened.close()

    session, statements = unlock_tracing(vault_dir, monkeypatch)
    try:
        assert whole_table_reads(session, statements) == []
        journal = session._vault.journal
        assert journal is not None
        assert {event_id for _, event_id, gone in journal.shares() if gone} == {shared[1]}
    finally:
        session.lock()


def shares_retracted_behind_the_journal(
    vault_dir: Path, *, drop_indexes: bool = False, narrow_index: bool = False
) -> list[str]:
    """Three shared entries: the first retracted in the app (the journal marks it), the
    second in the ledger behind the journal's back; no "retractions checked" head kept
    (optionally, the retraction check's two indexes dropped as by a tampered file, or
    the ledger's replaced by one of the same name that holds only one of the two kinds,
    as the partner who holds the vault key could do to shared.db)."""
    from twofold.services.timeline import RETRACTIONS_CHECKED_KEY
    from twofold.vault import vault as vault_files
    from twofold.vault.vault import now

    with unlock(vault_dir, "Alex", ALEX_PASS) as alex:
        assert alex.journal is not None and alex.sharing is not None
        shared = []
        for text in ("first walk", "second walk", "kept walk"):
            record = alex.journal.write(text)
            (event_id,) = alex.sharing.confirm(alex.sharing.preview([alex.sharing.add(record)]))
            shared.append(event_id)
        alex.timeline.retract(shared[0])
    opened = vault_files.unlock_partner(vault_dir, "Alex", ALEX_PASS)
    try:
        assert opened.journal is not None
        with opened.write("test"):
            opened.ledger.retract(shared[1], now())
            opened.journal.delete_meta(RETRACTIONS_CHECKED_KEY)
            if drop_indexes or narrow_index:
                opened.connection.execute("DROP INDEX main.ledger_retractions")
            if drop_indexes:
                opened.connection.execute("DROP INDEX journal.shares_marked")
            if narrow_index:
                opened.connection.execute(
                    "CREATE INDEX main.ledger_retractions ON ledger_events (author, seq) "
                    "WHERE kind = 'item.withdrawn'"
                )
    finally:
        opened.close()
    return shared


def test_an_unlock_with_no_kept_retraction_head_reads_no_retraction_or_share_row(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a kept head the unlock asks for every retraction the partner ever signed
    and which of their targets the journal has not marked yet: both answers come from
    covering indexes (shared schema 13, journal schema 4), not from one scattered
    ledger row and one share row per retraction (~400 pages at ten years); only a
    target the journal has not marked is looked up among its shares."""
    shared = shares_retracted_behind_the_journal(vault_dir)
    session, statements = unlock_tracing(vault_dir, monkeypatch)
    try:
        conn = session._vault.connection
        conn.set_trace_callback(None)

        def plan(sql: str) -> str:
            return " | ".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql))

        retractions = [s for s in statements if "'reflection.retracted'" in s]
        marked = [s for s in statements if "shares_marked" in s]
        looked_up = [s for s in statements if "retracted_at IS NULL AND event_id IN" in s]
        assert len(retractions) == 1 and "COVERING INDEX ledger_retractions" in plan(retractions[0])
        assert len(marked) == 1 and "COVERING INDEX shares_marked" in plan(marked[0])
        assert len(looked_up) == 1 and looked_up[0].count("'") == 2  # one id: the unmarked
        assert shared[1] in looked_up[0]
        journal = session._vault.journal
        assert journal is not None
        assert {event_id for _, event_id, gone in journal.shares() if gone} == set(shared[:2])
    finally:
        session.lock()


@pytest.mark.parametrize("tampered", ["dropped", "narrowed"])
def test_the_retraction_check_still_marks_without_its_indexes(
    vault_dir: Path, tampered: str
) -> None:
    """A file whose ledger index was swapped for a same-named one SQLite cannot use for
    the question ("no query solution") still unlocks and is still checked, by the same
    questions without the index. One whose indexes were dropped behind the app's back
    is a shared.db whose structure was changed by hand: the unlock names it and opens
    the journal for reading only (test_attack9_structure), so nothing is marked."""
    shared = shares_retracted_behind_the_journal(
        vault_dir, drop_indexes=tampered == "dropped", narrow_index=tampered == "narrowed"
    )
    with unlock(vault_dir, "Alex", ALEX_PASS) as alex:
        journal = alex._vault.journal
        assert journal is not None
        marked = {event_id for _, event_id, gone in journal.shares() if gone}
        if tampered == "dropped":
            assert alex.shared_damage is not None and "ledger_retractions" in alex.shared_damage
            assert marked == {shared[0]}
        else:
            assert marked == set(shared[:2])


QUICK_WORDS = [
    "--vault", "v", "--as", "Alex", "--passphrase-file", "f", "--limit", "5", "0", "x",
    "--shared", "quetzal", "walk", "-", "--", "-h", "--help", "--lim", "--pass", "--as=Sam",
    "--vault=w", "--limit=7", "--limit=0", "--shared=1", "-5", "", "--demo", "a=b", "--as=",
    "10001", "--version", "--passphrase-file=g",
]  # fmt: skip


@given(
    command=st.sampled_from(["search", "list"]),
    words=st.lists(st.sampled_from(QUICK_WORDS), max_size=9),
)
@example(command="search", words=["--as", "Alex", "quetzal", "--limit", "5", "walk"])
@example(command="search", words=["quetzal", "walk", "--as", "Alex", "--vault=w"])
@example(command="search", words=["--as", "Alex", "--", "quetzal"])
@example(command="search", words=["--as", "Alex", "-5"])
@example(command="search", words=["--as", "Alex", "--limit", "0", "walk"])
@example(command="search", words=["--pass", "f", "--as", "Alex", "walk"])
@example(command="list", words=["--as", "Sam", "--shared=1"])
@example(command="list", words=["--as", "Sam", "walk"])
@example(command="list", words=["--as=", "--passphrase-file", "f", "--passphrase-file=g"])
@settings(max_examples=400, deadline=None)
def test_a_quickly_read_command_line_is_read_as_argparse_reads_it(
    command: str, words: list[str]
) -> None:
    """``quick_parse`` reads the plain ``search``/``list`` lines without argparse; for
    every line it reads, argparse gives the same namespace, and every line argparse
    refuses (or answers with help) it leaves to argparse."""
    import contextlib
    import io

    argv = [command, *words]
    quick = quick_parse(argv)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            expected = vars(build_parser(command).parse_args(argv))
    except (UsageError, SystemExit):
        assert quick is None, argv
        return
    if quick is not None:
        assert vars(quick) == expected, argv


def test_the_common_lines_are_read_quickly() -> None:
    assert quick_parse(
        ["search", "--vault", "v", "--as", "Alex", "--passphrase-file", "f", "a", "b"]
    )
    assert quick_parse(["search", "a", "--as=Alex", "--limit", "3"])
    assert quick_parse(["list", "--as", "Sam", "--shared", "--limit=10"])
    assert quick_parse(["search", "--as", "Alex"]) is None  # no words: argparse says so
    assert quick_parse(["search", "--help"]) is None
    assert quick_parse(["write", "--as", "Alex"]) is None


def test_an_unlock_checks_each_key_slot_signature_once(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unlock reads keyslots.json again under the write lock; holding the same
    bytes, it is not parsed and its signatures are not checked a second time."""
    from twofold.vault import crypto, keyslots

    checked: list[bytes] = []
    real = crypto.signature_valid

    def counting(public: bytes, signature: bytes, message: bytes) -> bool:
        if message.startswith(b"twofold-keyslot"):
            checked.append(message)
        return real(public, signature, message)

    monkeypatch.setattr(keyslots, "_last_read", None, raising=False)
    monkeypatch.setattr(crypto, "signature_valid", counting)
    with unlock(vault_dir, "Alex", ALEX_PASS):
        pass
    slots = keyslots.load(vault_dir).slots
    assert len(checked) == len(slots) == len(set(checked))


def test_a_key_slot_file_changed_since_it_was_last_read_is_checked_again(
    vault_dir: Path,
) -> None:
    from twofold.vault import keyslots

    keyslots.load(vault_dir)
    path = vault_dir / keyslots.FILE_NAME
    doc = json.loads(path.read_text())
    slot = doc["slots"][0]
    slot["signature"] = slot["signature"][:-4] + (
        "AAAA" if slot["signature"][-4:] != "AAAA" else "BBBB"
    )
    path.write_text(json.dumps(doc))
    with pytest.raises(KeySlotsDamaged):
        keyslots._read(path)


# The entry point as the installed ``twofold`` command runs it (``main()`` reads
# sys.argv), noting in a file whether it ended the process at once (``os._exit``) and,
# if asked, registering an atexit callback that notes when it runs.
ENTRY = """
import atexit, os, sys
from pathlib import Path
from twofold.services.kdf import use_weak_kdf_for_tests_only
use_weak_kdf_for_tests_only()
mark = Path(sys.argv.pop(1))
real_exit = os._exit
def noting_exit(code: int) -> None:
    mark.write_text("at once")
    real_exit(code)
os._exit = noting_exit
if sys.argv.pop(1) == "atexit":
    atexit.register(lambda: mark.write_text("atexit"))
from twofold.__main__ import main
sys.exit(main())
"""


def run_entry(tmp_path: Path, how: str, *argv: str) -> tuple[subprocess.CompletedProcess[str], str]:
    mark = tmp_path / "ended"
    mark.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", ENTRY, str(mark), how, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done, (mark.read_text() if mark.exists() else "")


def test_a_search_ends_without_python_teardown_and_leaves_the_vault_as_it_was(
    shared_vault: Path, tmp_path: Path
) -> None:
    """A finished search (or list) ends the process at once (``end_process``): its
    output complete, its exit code kept, nothing on stderr but what it said, the vault
    closed by the command, untouched, and open to the next process at once."""
    from tests.reliability.test_bad_input import snapshot

    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS + "\n")
    auth = ["--vault", str(shared_vault), "--as", "Alex", "--passphrase-file", str(secret)]
    unlock(shared_vault, "Alex", ALEX_PASS).lock()  # whatever a first unlock keeps
    before = snapshot(shared_vault)

    done, ended = run_entry(tmp_path, "plain", "search", *auth, "quetzal")
    assert done.returncode == 0 and done.stderr == ""
    assert ended == "at once"  # no teardown
    lines = done.stdout.splitlines()
    assert len(lines) == 3 and done.stdout.endswith("\n")
    assert any("feather" in line for line in lines) and any("walk" in line for line in lines)

    done, ended = run_entry(tmp_path, "plain", "search", *auth, "nowhere")
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "twofold: no matches\n")
    assert ended == "at once"

    done, ended = run_entry(tmp_path, "plain", "list", *auth)
    assert done.returncode == 0 and done.stderr == "" and ended == "at once"
    assert "Kept to myself" in done.stdout

    assert snapshot(shared_vault) == before
    with unlock(shared_vault, "Alex", ALEX_PASS) as alex:  # the owner lock was let go
        assert alex.verify().ok


def test_an_exit_with_work_left_for_python_is_the_ordinary_one(
    shared_vault: Path, tmp_path: Path
) -> None:
    """Something registered to run at exit (here an atexit callback), or a command
    that may write files, gets Python's ordinary exit, which runs it."""
    secret = tmp_path / "alex.pass"
    secret.write_text(ALEX_PASS + "\n")
    auth = ["--vault", str(shared_vault), "--as", "Alex", "--passphrase-file", str(secret)]
    done, ended = run_entry(tmp_path, "atexit", "search", *auth, "quetzal")
    assert done.returncode == 0 and "feather" in done.stdout
    assert ended == "atexit"  # the ordinary exit, which ran the callback
    done, ended = run_entry(tmp_path, "plain", "verify", *auth)
    assert done.returncode == 0, done.stderr
    assert ended == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_hardening_turns_dumpable_off_without_ctypes() -> None:
    """harden_process calls prctl through cffi's backend; ctypes, asked afterwards,
    sees the process not dumpable (no core dump, no ptrace by the same user)."""
    script = (
        "import sys\n"
        "from twofold.hardening import dumpable, harden_process\n"
        "before = dumpable()\n"
        "harden_process()\n"
        "print(before, dumpable(), 'ctypes' in sys.modules)\n"
        "import ctypes\n"
        "print(ctypes.CDLL('libc.so.6').prctl(3, 0, 0, 0, 0))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["1", "0", "False", "0"]
