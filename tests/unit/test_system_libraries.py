"""Issue 14: on a minimal Linux the app names the system libraries Qt's xcb plugin
needs, instead of Qt's "could not load the Qt platform plugin" and an abort."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from twofold import system_libraries


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux/X11 only")
def test_every_library_the_xcb_plugin_links_is_in_the_list() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    ldd = shutil.which("ldd")
    if ldd is None:
        pytest.skip("no ldd here")
    linked: set[str] = set()
    for binary in (qt / "plugins/platforms/libqxcb.so", qt / "lib/libQt6XcbQpa.so.6"):
        out = subprocess.run([ldd, str(binary)], capture_output=True, text=True, check=True)
        linked |= {line.split()[0] for line in out.stdout.splitlines() if "=>" in line}
    xcb = {name for name in linked if "xcb" in name or "xkb" in name}
    assert xcb <= set(system_libraries.XCB_LIBRARIES), xcb - set(system_libraries.XCB_LIBRARIES)


def test_a_missing_library_is_named_with_its_package() -> None:
    absent = system_libraries.missing(["libc.so.6", "libxcb-icccm.so.4", "libtwofold-none.so.9"])
    assert "libtwofold-none.so.9" in absent and "libc.so.6" not in absent
    text = system_libraries.message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in text
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in text


def test_only_an_x11_start_is_checked() -> None:
    assert not system_libraries.uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"})
    assert not system_libraries.uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"})
    assert system_libraries.uses_xcb({"QT_QPA_PLATFORM": "xcb"}) == sys.platform.startswith("linux")


def test_the_check_loads_a_library_as_ctypes_does() -> None:
    import ctypes

    names = ["libc.so.6", "libm.so.6", "libtwofold-none.so.9", "libxcb.so.1", "/nonexistent/x.so"]
    expected = []
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            expected.append(name)
    assert system_libraries.missing(names) == expected
    assert "libtwofold-none.so.9" in expected


@pytest.mark.parametrize(("platform", "checked"), [("offscreen", False), ("xcb", True)])
def test_only_the_x11_check_loads_ctypes_c_module_and_none_loads_its_python_layer(
    platform: str, checked: bool
) -> None:
    """The start's check costs nothing where Qt will not use xcb (Wayland, offscreen,
    macOS, Windows): ctypes (~20 M instructions, ~3 % of the launch) is not imported."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; from twofold import system_libraries; "
            "system_libraries.check(); "
            "print(json.dumps(['ctypes' in sys.modules, '_ctypes' in sys.modules]))",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": platform},
        timeout=60,
        check=True,
    )
    assert json.loads(done.stdout) == [False, checked and sys.platform.startswith("linux")]
