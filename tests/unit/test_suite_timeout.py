"""The suite never stalls silently: a test stuck in a modal dialog's event loop
(last stop's CI hung 18 minutes on an unanswered review) is ended, reported with
its stack, and fails the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HUNG = """
from PySide6.QtWidgets import QDialog

def test_waits_for_an_answer_nobody_gives(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.exec()
"""


def test_the_project_s_pytest_settings_end_a_hung_modal_dialog(tmp_path: Path) -> None:
    test = tmp_path / "test_hung_dialog.py"
    test.write_text(HUNG, encoding="utf-8")
    # the project's own settings (method, markers, plugins), with a short limit
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            "-o",
            "timeout=3",
            str(test),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    out = run.stdout + run.stderr
    assert run.returncode != 0, out
    assert "Timeout" in out, out
    assert "test_waits_for_an_answer_nobody_gives" in out, out


def test_slow_tests_get_a_longer_limit_and_others_the_suite_s(
    request: pytest.FixtureRequest,
) -> None:
    from tests.conftest import SLOW_TEST_TIMEOUT_S

    marker = request.node.get_closest_marker("timeout")
    assert marker is None  # this test runs under the suite's limit from pyproject.toml
    assert request.config.getini("timeout") == "300"
    assert SLOW_TEST_TIMEOUT_S > 300
