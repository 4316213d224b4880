"""Twofold: private journals and a shared, signed ledger for two."""

# The single source of the version: hatchling reads it from here for the wheel
# (reading it back from package metadata cost ~25 ms at every launch).
__version__ = "0.1.0"
