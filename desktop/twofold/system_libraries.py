"""Before Qt starts on Linux/X11: are the system libraries its xcb platform plugin
needs installed? Qt's own message names only the plugin ("could not load the Qt
platform plugin "xcb"") and aborts; this names the missing libraries and the
Debian/Ubuntu packages that hold them (issue 14). No Qt import here.

The list is what ``ldd`` shows for PySide6 6.11's ``libqxcb.so`` and
``libQt6XcbQpa.so.6`` beyond what every desktop has (libc, libstdc++, zlib, glib,
fontconfig, freetype, dbus, GL)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable

# soname → Debian/Ubuntu package
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def missing(sonames: Iterable[str]) -> list[str]:
    """The libraries the dynamic loader cannot load, in the order given."""
    load = _dlopen()
    absent = []
    for soname in sonames:
        try:
            load(soname)
        except OSError:
            absent.append(soname)
    return absent


def _dlopen() -> Callable[[str], object]:
    """The dynamic loader's ``dlopen`` as ``ctypes.CDLL(name)`` calls it (RTLD_NOW |
    RTLD_LOCAL; OSError when it fails), from ctypes' C module: ``import ctypes`` builds its Python layer too (~8 M instructions
    more; the whole of ctypes ~20 M, ~3 % of the launch), and only an X11 start
    checks at all."""
    try:
        from _ctypes import dlopen

        mode = os.RTLD_NOW | os.RTLD_LOCAL
        return lambda soname: dlopen(soname, mode)
    except (ImportError, AttributeError):  # pragma: no cover - a Python without it
        import ctypes

        return ctypes.CDLL


def message(absent: list[str]) -> str:
    packages = sorted({XCB_LIBRARIES.get(name, name) for name in absent})
    return (
        "Twofold cannot open its window: Qt's X11 (xcb) platform plugin needs system "
        f"libraries that are not installed: {', '.join(absent)}.\n"
        f"On Debian or Ubuntu: sudo apt install {' '.join(packages)}\n"
        "(Other distributions name the packages after the same libraries.)"
    )


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will pick the xcb plugin here (Linux, no other platform asked for,
    an X display and no Wayland session)."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def check() -> str:
    """An empty string when the window can open, else what to install."""
    if not uses_xcb():
        return ""
    absent = missing(XCB_LIBRARIES)
    return message(absent) if absent else ""
