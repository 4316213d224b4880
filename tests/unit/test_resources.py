"""resources/ is found from a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from twofold import resources


def test_checkout_layout_finds_the_real_files() -> None:
    root = resources.resource_root()
    assert (root / "prompts.json").is_file() and (root / "icons" / "twofold.svg").is_file()
    assert resources.resource("feelings.json").is_file()
    with pytest.raises(FileNotFoundError, match="missing"):
        resources.resource("no-such-file.json")


def test_frozen_layout_uses_the_bundle_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_root() == tmp_path / "twofold" / "resources"


def test_installed_layout_uses_the_package_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "twofold"
    (package / "resources").mkdir(parents=True)
    monkeypatch.setattr(resources, "__file__", str(package / "resources.py"))
    assert resources.resource_root() == package / "resources"


def test_the_wheel_ships_resources(tmp_path: Path) -> None:
    import os
    import shutil
    import subprocess

    root = Path(__file__).resolve().parents[2]
    uv = os.environ.get("UV") or shutil.which("uv")
    assert uv, "the suite runs under uv (README); uv builds the wheel"
    subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(tmp_path), str(root)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("twofold-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "twofold/resources/prompts.json" in names
    assert "twofold/resources/icons/twofold.svg" in names
    assert "twofold/resources/demo/journal.json" in names
    assert "twofold/resources/fonts/DejaVuSans.ttf" in names  # the report PDF embeds it
