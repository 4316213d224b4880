"""Twofold: a local-first, encrypted journal for two partners rebuilding trust."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("twofold")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
