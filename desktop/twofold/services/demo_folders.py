"""The demo vault's temporary folder: made with its owner's process id inside, removed
on exit, and swept at the next start when the process that made it is gone (a crash,
a kill, a power cut never removes it itself)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PREFIX = "twofold-demo-"
OWNER_FILE = "owner.pid"
# A folder from a version that wrote no owner file is swept once it is this old: no
# demo runs for a day, and a younger one may still be in use by that version.
UNOWNED_AFTER_S = 24 * 3600


def make_demo_root(parent: Path | None = None) -> Path:
    root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
    (root / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
    return root


def remove_demo_root(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    except OSError:
        return False
    return True


def _alive_on_windows(pid: int) -> bool:
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes

    still_active, query_limited = 259, 0x1000
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel.OpenProcess(query_limited, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(code.value == still_active)
    finally:
        kernel.CloseHandle(handle)


def _owner(root: Path) -> int | None:
    try:
        return int((root / OWNER_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def sweep_stale_demo_roots(parent: Path | None = None, now: float | None = None) -> int:
    """Remove demo folders whose process is gone; returns how many were removed."""
    where = parent or Path(tempfile.gettempdir())
    removed = 0
    moment = time.time() if now is None else now
    with contextlib.suppress(OSError):
        for root in where.glob(PREFIX + "*"):
            if not root.is_dir() or root.is_symlink():
                continue
            owner = _owner(root)
            if owner is not None:
                stale = not _alive(owner)
            else:
                try:
                    stale = moment - root.stat().st_mtime > UNOWNED_AFTER_S
                except OSError:
                    continue
            if stale:
                remove_demo_root(root)
                removed += not root.exists()
    return removed
