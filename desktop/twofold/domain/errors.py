"""Errors a user can act on.

Every error here carries a message written for the person in front of the screen.
The command line prints ``str(error)`` as one line; the app shows it in a dialog.
Anything that is *not* a ``TwofoldError`` is a bug and is reported as such.
"""

from __future__ import annotations


class TwofoldError(Exception):
    """An expected failure with a message meant for the user."""

    exit_code = 2


class VaultNotFound(TwofoldError):
    pass


class VaultExists(TwofoldError):
    pass


class WrongPassphrase(TwofoldError):
    """The passphrase (or recovery code) did not unlock the slot. Nothing else is wrong."""

    exit_code = 3


class InvalidRecoveryCode(TwofoldError):
    """The recovery code has a typo: its checksum does not match. No KDF was run."""

    exit_code = 3


class UnknownPartner(TwofoldError):
    pass


class KeySlotsDamaged(TwofoldError):
    """keyslots.json is missing, unreadable, or fails its checksum."""

    exit_code = 4


class VaultDamaged(TwofoldError):
    """A database file fails to open or read with the right key."""

    exit_code = 4


class NewerVersion(TwofoldError):
    """The vault was written by a newer Twofold; we refuse to touch it."""

    exit_code = 5


class VaultInUse(TwofoldError):
    """Another Twofold process holds the vault open."""

    exit_code = 6


class DiskFull(TwofoldError):
    exit_code = 7


class VaultReadOnly(TwofoldError):
    """The vault folder or its files cannot be written here; reading still works."""

    exit_code = 8


class VaultUnreadable(TwofoldError):
    """The disk or the operating system refused a read or write (I/O error, permissions)."""

    exit_code = 9


class NotFound(TwofoldError):
    pass


class NotAllowed(TwofoldError):
    pass


class InvalidInput(TwofoldError):
    pass


class BackupInvalid(TwofoldError):
    exit_code = 4
