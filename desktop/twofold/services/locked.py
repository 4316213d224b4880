"""What the locked window needs before anyone unlocks: is there a vault, whose names
does the unlock screen offer, is the vault open in another window.

Kept apart from ``session`` on purpose: the unlock screen paints before the ledger,
journal and practice modules are imported (they are not needed until a passphrase
is typed), which was most of the launch's time. The key slots are still read and
their signatures checked here, as before: a slot edited without its owner's key is
reported as damage before any passphrase is tried.
"""

from __future__ import annotations

from pathlib import Path

from twofold.vault import keyslots, locks


def vault_exists(folder: Path) -> bool:
    return (folder / keyslots.FILE_NAME).exists() or (folder / "shared.db").exists()


def partner_labels(folder: Path) -> list[str]:
    """The slot labels: what the unlock screen may show before any key is known."""
    return [p.label for p in keyslots.load(folder).partners]


def partner_choices(folder: Path) -> list[tuple[str, str]]:
    """(what to unlock as, the name shown) for each partner: the name, or the partner
    id when keyslots.json gives both the same name (an edit: the names are not signed,
    and unlocking by that name would always open the first one's slot)."""
    slots = keyslots.load(folder)
    same = slots.same_labels()
    return [(p.id if same else p.label, p.label) for p in slots.partners]


def is_open_elsewhere(folder: Path) -> bool:
    """True while another window or process holds this vault open."""
    return locks.is_open_elsewhere(folder)
