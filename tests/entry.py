"""The real entry point (``python -m twofold``) for a child process that opens a test
vault. Test vaults use ``KdfParams.for_tests_only()``, which the production floor
refuses, so the floor is lowered here explicitly, exactly as conftest does."""

from __future__ import annotations

import sys

from twofold.services.kdf import use_weak_kdf_for_tests_only

use_weak_kdf_for_tests_only()

from twofold.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
