"""Issue 17: PySide6's import hook no longer reads the source of every module imported
after it (ui/pyside_start.py); it still tells modules that use PySide from those that
do not, and a module that selects a PySide feature still gets it.

Run in a fresh interpreter: the test process has imported everything already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

MODULES = {
    "uses_qt.py": "from PySide6.QtCore import QObject\n\nKIND = QObject.__name__\n",
    "plain_mod.py": "# names PySide6 in a comment only\nKIND = 'plain'\n",
    "snake.py": (
        "from __feature__ import snake_case  # noqa: F401\n"
        "from PySide6.QtWidgets import QWidget\n\n\n"
        "def title(widget: QWidget) -> str:\n"
        "    widget.set_window_title('snake')\n"
        "    return widget.window_title()\n"
    ),
}

SCRIPT = r"""
import json, linecache, os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import twofold.ui.app  # the app's start: PySide6 first, through ui/pyside_start
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])
widget = QWidget()
widget.setWindowTitle("camel")
camel = widget.windowTitle()
import plain_mod, snake, uses_qt

flags = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(json.dumps(dict(
    read=sorted(Path(f).name for f in linecache.cache if Path(f).parent == Path(sys.argv[1])),
    flags=[flags.get(name) for name in ("uses_qt", "plain_mod", "snake")],
    snake=snake.title(QWidget()),
    camel=camel,
)))
"""


def test_modules_imported_after_pyside_are_not_read_from_disk(tmp_path: Path) -> None:
    for name, text in MODULES.items():
        (tmp_path / name).write_text(text)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])},
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["read"] == []  # PySide read all three sources before (inspect.getsource)
    # uses PySide / does not (a comment is no use) / selected snake_case itself
    assert seen["flags"] == [0, -1, 1]
    assert seen["snake"] == "snake" and seen["camel"] == "camel"
