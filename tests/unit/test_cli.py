"""The command line as a user (or a script) drives it: real vaults, real output."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.cli import Console, run


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def cli(
    *argv: str | Path, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
) -> Result:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = run([str(a) for a in argv], console=Console(out, err))
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def secrets(tmp_path: Path) -> dict[str, Path]:
    files = {}
    for name, value in (("alex", ALEX_PASS), ("sam", SAM_PASS), ("wrong", "not the passphrase")):
        path = tmp_path / f"{name}.pass"
        path.write_text(value + "\n")
        files[name] = path
    return files


@pytest.fixture
def cli_vault(tmp_path: Path, secrets: dict[str, Path]) -> Path:
    folder = tmp_path / "cli-vault"
    result = cli(
        "init",
        "--vault",
        folder,
        "--partner",
        "Alex",
        "--partner",
        "Sam",
        "--passphrase-file",
        secrets["alex"],
        "--passphrase-file",
        secrets["sam"],
        "--recovery-file",
        tmp_path / "alex.code",
        "--recovery-file",
        tmp_path / "sam.code",
    )
    assert result.code == 0, result.err
    assert "alex.code" in result.out and "sam.code" in result.out
    return folder


def test_write_list_search_share_verify_retract(
    cli_vault: Path, secrets: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex = ("--vault", cli_vault, "--as", "alex", "--passphrase-file", secrets["alex"])
    first = cli("write", *alex, "--text", "Lantern evening, felt close again.")
    assert first.code == 0 and first.out.strip().isdigit()
    second = cli(
        "write", *alex, "--kind", "trigger", stdin="Phone face down.\n", monkeypatch=monkeypatch
    )
    assert second.code == 0
    listing = cli("list", *alex)
    assert listing.out.index("Phone face down.") < listing.out.index("Lantern evening")
    assert "Trigger noticed" in listing.out
    share = cli(
        "share",
        *alex,
        first.out.strip(),
        "--text",
        "I felt close to you tonight.",
        "--request",
        "Let's do it again",
    )
    assert share.code == 0, share.err
    assert "You are sharing 1 reflection with Sam" in share.out
    found = cli("search", *alex, "lantern")
    assert "[private]" in found.out and "[shared]" not in found.out
    sam = ("--vault", cli_vault, "--as", "Sam", "--passphrase-file", secrets["sam"])
    timeline = cli("list", *sam, "--shared")
    assert "I felt close to you tonight." in timeline.out and "Lantern" not in timeline.out
    assert "[shared]" in cli("search", *sam, "close").out
    assert cli("search", *sam, "lantern").code == 1
    verified = cli("verify", *sam)
    assert verified.code == 0 and "FAIL" not in verified.out
    event_id = share.out.split("Ledger event ")[1].strip()
    assert cli("retract", *sam, event_id).code == 2  # only the author may retract
    assert cli("retract", *alex, event_id).code == 0
    assert "(retracted by its author)" in cli("list", *sam, "--shared").out


def test_failures_are_one_line_and_change_nothing(
    cli_vault: Path, secrets: dict[str, Path]
) -> None:
    before = {p.name: p.read_bytes() for p in cli_vault.iterdir() if p.is_file()}
    wrong = cli("list", "--vault", cli_vault, "--as", "Alex", "--passphrase-file", secrets["wrong"])
    assert wrong.code == 3 and wrong.err.count("\n") == 1 and "Wrong passphrase" in wrong.err
    unknown = cli("list", "--vault", cli_vault, "--as", "Kim", "--passphrase-file", secrets["alex"])
    assert unknown.code == 2 and "No partner called 'Kim'" in unknown.err
    missing = cli(
        "list",
        "--vault",
        cli_vault.parent / "nope",
        "--as",
        "Alex",
        "--passphrase-file",
        secrets["alex"],
    )
    assert missing.code == 2 and "no vault" in missing.err.lower()
    again = cli(
        "init",
        "--vault",
        cli_vault,
        "--partner",
        "A",
        "--partner",
        "B",
        "--passphrase-file",
        secrets["alex"],
        "--passphrase-file",
        secrets["sam"],
        "--recovery-file",
        cli_vault.parent / "again-a.code",
        "--recovery-file",
        cli_vault.parent / "again-b.code",
    )
    assert again.code == 2 and "not empty" in again.err
    assert not (cli_vault.parent / "again-a.code").exists()
    after = {p.name: p.read_bytes() for p in cli_vault.iterdir() if p.is_file()}
    assert {k: v for k, v in after.items() if not k.startswith(".")} == {
        k: v for k, v in before.items() if not k.startswith(".")
    }


def test_backup_restore_and_reset_passphrase(
    cli_vault: Path, secrets: dict[str, Path], tmp_path: Path
) -> None:
    alex = ("--vault", cli_vault, "--as", "Alex", "--passphrase-file", secrets["alex"])
    record = cli("write", *alex, "--text", "kept through a restore").out.strip()
    target = tmp_path / "one.twofold-backup"
    assert cli("backup", "--vault", cli_vault, "--to", target).code == 0
    restored = tmp_path / "restored"
    assert cli("restore", target, "--vault", restored).code == 0
    assert (
        "kept through a restore"
        in cli(
            "list", "--vault", restored, "--as", "Alex", "--passphrase-file", secrets["alex"]
        ).out
    )
    assert cli("restore", target, "--vault", restored).code == 2  # never over a vault

    init_out = cli(
        "init",
        "--vault",
        tmp_path / "v2",
        "--partner",
        "Alex",
        "--partner",
        "Sam",
        "--passphrase-file",
        secrets["alex"],
        "--passphrase-file",
        secrets["sam"],
        "--recovery-file",
        tmp_path / "code",
        "--recovery-file",
        tmp_path / "sam-code",
    ).out
    assert "v2" in init_out
    code_file, new_file = tmp_path / "code", tmp_path / "new.pass"
    code = code_file.read_text().split("Vault: ")[1].split()[1]
    code_file.write_text(code)
    new_file.write_text("a brand new passphrase\n")
    reset = cli(
        "reset-passphrase",
        "--vault",
        tmp_path / "v2",
        "--as",
        "Alex",
        "--recovery-file",
        code_file,
        "--new-passphrase-file",
        new_file,
    )
    assert reset.code == 0, reset.err
    assert (
        cli("list", "--vault", tmp_path / "v2", "--as", "Alex", "--passphrase-file", new_file).code
        == 0
    )
    used = cli(
        "reset-passphrase",
        "--vault",
        tmp_path / "v2",
        "--as",
        "Alex",
        "--recovery-file",
        code_file,
        "--new-passphrase-file",
        new_file,
    )
    assert used.code == 3  # a used recovery code never works twice
    assert record


def test_demo_vault_is_populated(tmp_path: Path) -> None:
    result = cli("demo", "--vault", tmp_path / "demo")
    assert result.code == 0 and "Alex's passphrase" in result.out
    passphrase = result.out.split("Alex's passphrase: ")[1].splitlines()[0]
    secret = tmp_path / "p"
    secret.write_text(passphrase)
    shared = cli(
        "list",
        "--vault",
        tmp_path / "demo",
        "--as",
        "Alex",
        "--passphrase-file",
        secret,
        "--shared",
        "--limit",
        "500",
    )
    assert shared.out.count("Shared reflection") == 6
    assert "New commitment" in shared.out and "Commitment check-off" in shared.out
    assert "Safety plan" in shared.out
    private = cli("list", "--vault", tmp_path / "demo", "--as", "Alex", "--passphrase-file", secret)
    assert private.out.count("\n") >= 10 and "[outbox]" in private.out


def test_entry_point_runs_as_a_real_process(cli_vault: Path, secrets: dict[str, Path]) -> None:
    """No traceback reaches the user, even from the real executable. The test suite's
    child process lowers the KDF floor explicitly, as conftest does."""
    argv = ["verify", "--vault", str(cli_vault), "--as", "Alex"]
    argv += ["--passphrase-file", str(secrets["wrong"])]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from twofold.services.kdf import use_weak_kdf_for_tests_only; "
            "use_weak_kdf_for_tests_only(); "
            "from twofold.__main__ import main; sys.exit(main(sys.argv[1:]))",
            *argv,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and done.stderr.startswith("twofold: Wrong passphrase")


def test_the_real_executable_refuses_slots_below_the_strong_floor(
    cli_vault: Path, secrets: dict[str, Path]
) -> None:
    """Production defaults: a vault whose slots use the test-only KDF (or any setting
    below m=64 MiB, t=3, p=4) is refused as damaged, before any passphrase is tried,
    and nothing is written."""
    before = {p.name: p.read_bytes() for p in cli_vault.iterdir()}
    done = subprocess.run(
        [
            *(sys.executable, "-m", "twofold", "verify", "--vault", str(cli_vault)),
            *("--as", "Alex", "--passphrase-file", str(secrets["alex"])),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 4, done.stderr
    assert "below the strong minimum" in done.stderr and done.stderr.count("\n") == 1
    assert {p.name: p.read_bytes() for p in cli_vault.iterdir()} == before


def test_self_check_passes_on_a_fresh_temporary_vault() -> None:
    result = cli("--self-check")
    assert result.code == 0, result.out
    assert "passed in" in result.out and "FAIL" not in result.out


def test_search_says_when_it_lists_only_the_newest_matches(
    cli_vault: Path, secrets: dict[str, Path]
) -> None:
    alex = ("--vault", cli_vault, "--as", "Alex", "--passphrase-file", secrets["alex"])
    for n in range(4):
        assert cli("write", *alex, "--text", f"Heron number {n} by the canal").code == 0
    every = cli("search", *alex, "heron")
    assert every.code == 0 and every.out.count("] number ") == 4
    assert "newest" not in every.err  # all of them are listed: nothing to say
    newest = cli("search", *alex, "heron", "--limit", "3")
    assert newest.code == 0
    assert [line.split("] number ")[1][0] for line in newest.out.splitlines()] == [
        "3",
        "2",
        "1",
    ]
    assert "these are the newest 3 matches; there may be more" in newest.err
    for bad in ("0", "-2", "many", "10001"):
        refused = cli("search", *alex, "heron", "--limit", bad)
        assert refused.code == 2 and "a whole number from 1 to 10,000" in refused.err
        assert refused.out == ""
