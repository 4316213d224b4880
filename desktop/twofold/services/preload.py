"""What unlocking needs, imported a piece at a time.

The window imports it while the passphrase is typed (``ui/main_window._warm_up``), one
module per turn of its event loop: importing the session in one go took 80-140 ms of
the GUI thread at once, and a key typed meanwhile waited for it. No Qt here.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

# In the order the session's own imports would load them, the heaviest split apart.
UNLOCK_MODULES = (
    "twofold.domain.records",
    "twofold.domain.journal_filter",
    "twofold.domain.search",
    "twofold.domain.ledger",
    "twofold.domain.events",
    "twofold.vault.database",
    "twofold.vault.journal_store",
    "twofold.vault.ledger_store",
    "twofold.vault.trust",
    "twofold.vault.projectors.replay",
    "twofold.vault.vault",
    "twofold.services.journal",
    "twofold.services.signing",
    "twofold.services.session",
    "twofold.services.backups",  # today's backup starts at unlock
    # what the pages show (ui/main_window imports the pages' modules after these)
    "twofold.domain.checkins",
    "twofold.domain.commitments",
    "twofold.domain.report",
    "twofold.domain.setbacks",
    "twofold.domain.timeline_text",
    "twofold.domain.agreement",
    "twofold.domain.consent",
    "twofold.domain.event_types",
    "twofold.domain.progress",
    "twofold.services.commitments",
    "twofold.services.consent",
    "twofold.services.progress",
    "twofold.services.setbacks",
    "twofold.services.joint",
)


def unlock_imports() -> Iterator[str]:
    """Import the next module each time it is asked for; yields its name."""
    for name in UNLOCK_MODULES:
        importlib.import_module(name)
        yield name
