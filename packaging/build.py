"""Build the one-folder app for this platform, then run its self-check.

    uv run --group packaging python packaging/build.py

Prints the bundle's size and the self-check's output; exits non-zero on any failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "Twofold"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    spec = ROOT / "packaging" / "pyinstaller" / "twofold.spec"
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build"),
            str(spec),
        ],
        check=True,
    )
    print(
        f"built {DIST} in {time.perf_counter() - started:.0f} s, {folder_size(DIST) / 1e6:.0f} MB"
    )
    exe = DIST / ("twofold.exe" if os.name == "nt" else "twofold")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    check = subprocess.run([str(exe), "--self-check"], env=env, check=False)
    return check.returncode


if __name__ == "__main__":
    sys.exit(main())
