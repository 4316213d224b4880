"""The one test seam for the cost of key derivation.

The app writes every new key slot with settings calibrated on this machine, never
below the strong minimum, and refuses slots below it. The test suite alone calls
:func:`use_weak_kdf_for_tests_only` once per process (tests/conftest.py and the
child processes' tests/entry.py): new slots then get a deliberately weak setting
and such slots open. Nothing in the app or the command line calls it;
tests/unit/test_kdf_floor.py proves the defaults are the strong ones."""

from __future__ import annotations

from twofold.vault import crypto


def use_weak_kdf_for_tests_only() -> None:
    crypto.lower_kdf_floor_for_tests_only()
