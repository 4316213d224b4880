"""Demo vault folders never pile up in the temp folder: removed on exit, and swept at
the next start when the process that made them died without cleaning up."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from twofold.services.demo_folders import (
    OWNER_FILE,
    UNOWNED_AFTER_S,
    make_demo_root,
    sweep_stale_demo_roots,
)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_crashed_runs_folder_is_swept_and_a_live_one_kept(tmp_path: Path) -> None:
    crashed = make_demo_root(tmp_path)
    (crashed / OWNER_FILE).write_text(str(_dead_pid()))
    (crashed / "vault").mkdir()
    (crashed / "vault" / "shared.db").write_bytes(b"x" * 100)
    live = make_demo_root(tmp_path)  # this process: alive
    other = tmp_path / "not-a-demo"
    other.mkdir()

    assert sweep_stale_demo_roots(tmp_path) == 1
    assert not crashed.exists()
    assert live.exists() and other.exists()


def test_folders_without_an_owner_are_swept_only_when_old(tmp_path: Path) -> None:
    young = tmp_path / "twofold-demo-young"
    old = tmp_path / "twofold-demo-old"
    for folder in (young, old):
        folder.mkdir()
    long_ago = time.time() - UNOWNED_AFTER_S - 60
    os.utime(old, (long_ago, long_ago))

    assert sweep_stale_demo_roots(tmp_path) == 1
    assert young.exists() and not old.exists()


def test_a_damaged_owner_file_is_treated_as_unowned(tmp_path: Path) -> None:
    root = make_demo_root(tmp_path)
    (root / OWNER_FILE).write_bytes(b"\xff\xfe not a pid")
    assert sweep_stale_demo_roots(tmp_path) == 0  # young: may still be in use
    assert sweep_stale_demo_roots(tmp_path, now=time.time() + UNOWNED_AFTER_S + 60) == 1
