"""Issue 17: the "system" theme follows the desktop's colour scheme, and at the start it
is read from the palette Qt made from that scheme (no ``Qt.ColorScheme`` enum, whose
namespace of 93 enum types PySide makes at once). Under Xvfb with GNOME's platform
theme, which lets the app ask for a scheme as the desktop would report it, the start's
answer and the answer after a theme change in the settings are the scheme's."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from twofold.ui import theme

SCRIPT = r"""
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from twofold.ui import theme
from twofold.ui.app import make_application

app = make_application()
hints = QGuiApplication.styleHints()
hints.setColorScheme(getattr(Qt.ColorScheme, sys.argv[1]))  # what the desktop reports
app.processEvents()
at_start = theme.apply(app, "system")  # the palette Qt made for the scheme
painted = app.palette().color(QPalette.ColorRole.Window).name()
theme.apply(app, "light")
again = theme.apply(app, "system")  # chosen in the settings later: the scheme itself
print(json.dumps([hints.colorScheme().name, at_start.window, painted, again.window]))
"""


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or not sys.platform.startswith("linux"),
    reason="needs Xvfb (GNOME's platform theme runs on xcb, not offscreen)",
)
@pytest.mark.parametrize(("scheme", "colours"), [("Dark", theme.DARK), ("Light", theme.LIGHT)])
def test_the_system_theme_follows_the_desktops_colour_scheme(
    scheme: str, colours: theme.Colours
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORMTHEME": "gnome"}
    done = subprocess.run(
        [str(shutil.which("xvfb-run")), "-a", sys.executable, "-c", SCRIPT, scheme],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    reported, at_start, painted, again = json.loads(done.stdout.strip().splitlines()[-1])
    assert reported == scheme  # (the platform theme took the request)
    assert at_start == colours.window and painted == colours.window
    assert again == colours.window
