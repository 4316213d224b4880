"""Issue 14: on a minimal Linux the app names the system libraries Qt's xcb plugin
needs, instead of Qt's "could not load the Qt platform plugin" and an abort."""

from __future__ import annotations

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
