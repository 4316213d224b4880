"""Issue 14: usable from 1024×640 at the default font, within 1400×900 at 144 DPI,
and in German. In a fresh process each (QT_FONT_DPI must be set before Qt starts;
high-DPI scaling off, so the fonts grow in pixels as on an X11 desktop set to 144 DPI):
the demo vault, every page of the private and the shared mode, the unlock screen with
each choice. Nothing makes the window grow, its minimum fits the screen, and no button
is off-screen or narrower than its text ("Review and share…", History/Delete, the
commitment buttons, Lock). tests/gui/fit_probe.py does the looking."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("fit_probe.py")
ROOT = Path(__file__).resolve().parents[2]


def _problems(size: str, language: str = "en", dpi: int | None = None) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "desktop"), env.get("PYTHONPATH", "")])
    if dpi is not None:
        env.update(QT_FONT_DPI=str(dpi), QT_ENABLE_HIGHDPI_SCALING="0")
    done = subprocess.run(
        [sys.executable, str(PROBE), size, language],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return list(json.loads(done.stdout.strip().splitlines()[-1])["problems"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "language", "dpi"),
    [("1024x640", "en", None), ("1024x640", "de", None), ("1400x900", "en", 144)],
    ids=["1024x640", "1024x640-german", "1400x900-144dpi"],
)
def test_every_screen_fits(size: str, language: str, dpi: int | None) -> None:
    assert _problems(size, language, dpi) == []
