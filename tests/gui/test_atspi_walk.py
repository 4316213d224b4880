"""Issue 14: the accessibility walk as Orca meets it, over AT-SPI under Xvfb.

The app runs under Xvfb with its own D-Bus session and QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
(tools/atspi_walk.py drives it through setup → unlock → write → add to share → confirm
→ timeline → lock); at each step the system's python3 walks the tree with pyatspi. No
interactive element on screen may be unnamed (a combo box counts as named only
through a label's relation, as Orca reads it). Skips where Xvfb, D-Bus or pyatspi are
missing. About 40 s: marked slow."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "atspi_walk.py"


def _missing() -> str:
    for program in ("xvfb-run", "Xvfb", "dbus-run-session"):
        if shutil.which(program) is None:
            return f"{program} is not installed"
    try:
        subprocess.run(
            ["/usr/bin/python3", "-c", "import pyatspi"], check=True, capture_output=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "the system python3 has no pyatspi (python3-pyatspi)"
    return ""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="AT-SPI is Linux's")
def test_every_interactive_element_is_named_over_atspi(tmp_path: Path) -> None:
    missing = _missing()
    if missing:
        pytest.skip(missing)
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run(
        [
            str(shutil.which("xvfb-run")),
            "-a",
            str(shutil.which("dbus-run-session")),
            "--",
            sys.executable,
            str(TOOL),
            "--app",
            str(tmp_path / "vault"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"\nAT-SPI walk: {result['interactive']} interactive elements, "
        f"{len(result['unnamed'])} unnamed; per step {result['steps']}"
    )
    print("unnamed:", *result["unnamed"], sep="\n  ")
    assert result["interactive"] > 50
    assert all(result["steps"][step] > 0 for step in ("unlock", "journal", "confirm"))
    assert result["unnamed"] == []
