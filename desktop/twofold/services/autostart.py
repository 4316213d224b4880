"""Start at login (opt-in): an XDG autostart entry on Linux. Windows and macOS
equivalents are described in packaging/README.md (the installer's Startup shortcut and
a LaunchAgent), because there the installer owns them."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

APP_ID = "io.github.twofold.Twofold"


def autostart_file(config_home: Path | None = None) -> Path:
    """``$XDG_CONFIG_HOME/autostart/<app id>.desktop`` (default ``~/.config``)."""
    base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / f"{APP_ID}.desktop"


def launch_command() -> list[str]:
    """How this installation starts the app, minimised to the tray."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--in-tray"]
    return [sys.executable, "-m", "twofold", "--in-tray"]


def entry_text(command: list[str]) -> str:
    # Nothing private: the app's name and how to start it.
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Twofold\n"
        "Comment=Reminders for your check-ins (the journal stays locked)\n"
        f"Exec={shlex.join(command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "NoDisplay=true\n"
    )


def is_enabled(config_home: Path | None = None) -> bool:
    return autostart_file(config_home).exists()


def set_enabled(
    enabled: bool, config_home: Path | None = None, command: list[str] | None = None
) -> Path:
    """Write or remove the autostart entry; returns its path."""
    path = autostart_file(config_home)
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(entry_text(command or launch_command()), "utf-8")
        temporary.replace(path)
    else:
        path.unlink(missing_ok=True)
    return path
