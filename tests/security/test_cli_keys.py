"""Recovery codes stay with their owner; two partners, two secrets (issue 11 B4, B5)
— on the command line."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.cli import Console, run
from twofold.vault.crypto import parse_recovery_code


def _files(tmp_path: Path, **secrets: str) -> dict[str, Path]:
    made = {}
    for name, value in secrets.items():
        path = tmp_path / f"{name}.pass"
        path.write_text(value + "\n")
        made[name] = path
    return made


def _run(*argv: str | Path, console: Console | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    console = console or Console(out, err)
    code = run([str(a) for a in argv], console=console)
    assert isinstance(console.out, io.StringIO) and isinstance(console.err, io.StringIO)
    return code, console.out.getvalue(), console.err.getvalue()


def _init(tmp_path: Path, alex: str, sam: str, *extra: str | Path) -> tuple[int, str, str]:
    files = _files(tmp_path, a=alex, s=sam)
    return _run(
        *("init", "--vault", tmp_path / "v", "--partner", "Alex", "--partner", "Sam"),
        *("--passphrase-file", files["a"], "--passphrase-file", files["s"]),
        *extra,
    )


def _code_in(path: Path) -> str:
    text = path.read_text()
    return next(line.strip() for line in text.splitlines() if line.startswith("    "))


def test_init_writes_each_code_to_its_owners_file_only(tmp_path: Path) -> None:
    a, s = tmp_path / "alex-code.txt", tmp_path / "sam-code.txt"
    code, out, err = _init(
        tmp_path, ALEX_PASS, SAM_PASS, "--recovery-file", a, "--recovery-file", s
    )
    assert code == 0, err
    alex_code, sam_code = _code_in(a), _code_in(s)
    parse_recovery_code(alex_code) and parse_recovery_code(sam_code)
    assert alex_code != sam_code
    assert "for Alex" in a.read_text() and "Sam" not in a.read_text().split("Vault:")[0]
    assert stat.S_IMODE(a.stat().st_mode) == 0o600 and stat.S_IMODE(s.stat().st_mode) == 0o600
    assert alex_code not in out + err and sam_code not in out + err


def test_init_never_overwrites_a_recovery_file_and_creates_nothing(tmp_path: Path) -> None:
    a, s = tmp_path / "alex-code.txt", tmp_path / "sam-code.txt"
    s.write_text("Sam's shopping list")
    code, _, err = _init(tmp_path, ALEX_PASS, SAM_PASS, "--recovery-file", a, "--recovery-file", s)
    assert code == 2 and "never overwrites" in err and err.count("\n") == 1
    assert s.read_text() == "Sam's shopping list"
    assert not (tmp_path / "v").exists() and not a.exists()


@pytest.mark.parametrize("extra", [[], ["--recovery-file", "only-one.txt"]])
def test_init_without_a_file_per_partner_and_no_terminal_refuses(
    tmp_path: Path, extra: list[str]
) -> None:
    code, out, err = _init(tmp_path, ALEX_PASS, SAM_PASS, *extra)
    assert code == 2 and "--recovery-file" in err
    assert not (tmp_path / "v").exists() and out == ""


@pytest.mark.parametrize(
    ("alex", "sam", "says"),
    [
        (ALEX_PASS, ALEX_PASS, "same passphrase"),
        ("password", SAM_PASS, "too easy to guess"),
        ("12345678", SAM_PASS, "too easy to guess"),
        (ALEX_PASS, "short", "at least 8"),
    ],
)
def test_init_applies_the_wizards_rules(tmp_path: Path, alex: str, sam: str, says: str) -> None:
    a, s = tmp_path / "a.txt", tmp_path / "s.txt"
    code, _, err = _init(tmp_path, alex, sam, "--recovery-file", a, "--recovery-file", s)
    assert code == 2 and says in err, err
    assert not (tmp_path / "v").exists() and not a.exists() and not s.exists()


class Terminal(Console):
    """A terminal where each partner presses Enter in turn: records what was on
    screen between two clears."""

    def __init__(self) -> None:
        super().__init__(io.StringIO(), io.StringIO())
        self.screens: list[str] = [""]
        self.prompts: list[str] = []

    @property
    def interactive(self) -> bool:
        return True

    def print(self, text: str = "") -> None:
        super().print(text)
        self.screens[-1] += text + "\n"

    def pause(self, prompt: str) -> None:
        self.prompts.append(prompt)
        self.screens[-1] += f"[{prompt}]\n"

    def clear(self) -> None:
        self.screens.append("")


def test_interactive_init_shows_each_code_alone_after_the_hand_over(tmp_path: Path) -> None:
    files = _files(tmp_path, a=ALEX_PASS, s=SAM_PASS)
    terminal = Terminal()
    code, _, err = _run(
        *("init", "--vault", tmp_path / "v", "--partner", "Alex", "--partner", "Sam"),
        *("--passphrase-file", files["a"], "--passphrase-file", files["s"]),
        console=terminal,
    )
    assert code == 0, err
    codes = [s for s in terminal.screens if "Twofold recovery code for" in s]
    assert len(codes) == 2
    alex_screen, sam_screen = codes
    assert alex_screen.index("Sam, please look away") < alex_screen.index("code for Alex")
    assert sam_screen.index("Alex, please look away") < sam_screen.index("code for Sam")
    assert "code for Sam" not in alex_screen and "code for Alex" not in sam_screen


def test_renew_recovery_on_the_command_line_revokes_the_old_code(tmp_path: Path) -> None:
    a, s = tmp_path / "a.txt", tmp_path / "s.txt"
    _init(tmp_path, ALEX_PASS, SAM_PASS, "--recovery-file", a, "--recovery-file", s)
    old = tmp_path / "old.code"
    old.write_text(_code_in(a))
    files = _files(tmp_path, a=ALEX_PASS, n="alex renewed her words")
    fresh = tmp_path / "fresh.code"
    code, out, err = _run(
        *("renew-recovery", "--vault", tmp_path / "v", "--as", "Alex"),
        *("--passphrase-file", files["a"], "--new-recovery-file", fresh),
    )
    assert code == 0, err and "old code no longer" in out
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    reset = (
        *("reset-passphrase", "--vault", tmp_path / "v", "--as", "Alex"),
        *("--new-passphrase-file", files["n"]),
    )
    code, _, err = _run(*reset, "--recovery-file", old)
    assert code == 3, err
    only_code = tmp_path / "fresh-only.code"
    only_code.write_text(_code_in(fresh))
    code, out, err = _run(*reset, "--recovery-file", only_code)
    assert code == 0, err
    assert "Backups made before this change" in out
