"""Foreground first (see ``twofold.vault.priority``): the window marks the short
bursts of reading it does for the person (a chart page being built and painted);
background work of the same process pauses meanwhile."""

from __future__ import annotations

from twofold.vault.priority import begin, busy, end, foreground, pause_point

__all__ = ["begin", "busy", "end", "foreground", "pause_point"]
