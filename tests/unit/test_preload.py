"""services.preload: the window's warm-up imports these one a turn (session 22); a
name that no longer exists would fail the warm-up, so each one is imported here."""

from __future__ import annotations

import sys

from twofold.services.preload import UNLOCK_MODULES, unlock_imports


def test_every_module_the_warm_up_imports_exists_and_is_imported_in_order() -> None:
    assert list(unlock_imports()) == list(UNLOCK_MODULES)
    assert all(name in sys.modules for name in UNLOCK_MODULES)
    assert "twofold.services.session" in UNLOCK_MODULES
