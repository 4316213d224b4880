"""A reader of the vault handed to a process of its own (the full check).

The full check reads for a minute or more on a vault years old, much of it in Python
(the chain, the signatures, every projection replayed). On a worker thread of the
window's process it shared Python's one interpreter lock with the window: each save
made meanwhile waited for the interpreter again after every statement and after its
commit (measured on the ten-year vault: saves of 100-170 ms where 5 ms is usual, most
of it waiting for the lock or for the CPU). In a process of its own it shares nothing
with the window but the cores.

``send`` writes what opens the files a reader reads (its folder, the vault's id and
partners, this partner's keys) into a pipe to that process; ``receive`` there opens
the same files with them. The keys go through the pipe only: never the command line
or the environment (other processes of the user can read both), never a file. The
keys travel from and into ``bytearray``s (no immutable copy in either process), and
the receiving side wipes them when its reader closes, as every reader does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from twofold.domain.errors import NotAllowed
from twofold.vault.keyslots import KeySlots, Partner, PartnerKeys
from twofold.vault.vault import OpenVault, _connect

MAX_HEADER = 64 * 1024  # the header is a path, two ids, the partners' names and keys
KEY_SIZE = 32


def send(vault: OpenVault, fd: int) -> None:
    """Write what opens ``vault``'s files to the pipe ``fd`` (left open)."""
    keys = vault._keys
    if keys is None:
        raise NotAllowed("The vault is locked; unlock it again to go on.")  # a closed reader
    header = json.dumps(
        {
            "folder": str(vault.folder),
            "partner": keys.partner_id,
            "vault_id": vault.keyslots.vault_id,
            "generation": vault.keyslots.generation,
            "partners": [
                [p.id, p.label, None if p.public_key is None else p.public_key.hex()]
                for p in vault.keyslots.partners
            ],
            "journal": keys.journal_key is not None,
        }
    ).encode()
    parts: list[bytes | bytearray] = [len(header).to_bytes(4, "big"), header]
    parts += [keys.vault_key, keys.signing_seed]
    if keys.journal_key is not None:
        parts.append(keys.journal_key)
    _write_all(fd, parts)


def receive(fd: int) -> OpenVault:
    """Open the files named in what ``send`` wrote to the pipe ``fd``: a reader
    without the vault's locks (it reads a copy nobody writes)."""
    size = int.from_bytes(_read_exactly(fd, bytearray(4)), "big")
    if not 0 < size <= MAX_HEADER:
        raise ValueError("not a reader's header")
    header = json.loads(bytes(_read_exactly(fd, bytearray(size))))
    keys = PartnerKeys(str(header["partner"]), bytearray(KEY_SIZE), bytearray(KEY_SIZE), None)
    try:
        _read_exactly(fd, keys.vault_key)
        _read_exactly(fd, keys.signing_seed)
        if header["journal"]:
            keys.journal_key = _read_exactly(fd, bytearray(KEY_SIZE))
        partners = [
            Partner(str(i), str(label), None if public is None else bytes.fromhex(public))
            for i, label, public in header["partners"]
        ]
        # the slots themselves stay with the window: a reader unlocks nothing
        slots = KeySlots(str(header["vault_id"]), int(header["generation"]), partners, [])
        folder = Path(header["folder"])
        conn, damage, _ = _connect(folder, slots, keys)
    except BaseException:
        keys.wipe()
        raise
    try:
        return OpenVault(folder, slots, keys, conn, None, damage)
    except BaseException:
        conn.close()
        keys.wipe()
        raise


def _write_all(fd: int, parts: list[bytes | bytearray]) -> None:
    if not hasattr(os, "writev"):  # Windows: one immutable copy of each part, briefly
        for part in parts:
            data = bytes(part)
            while data:
                data = data[os.write(fd, data) :]
        return
    views = [memoryview(p) for p in parts]
    try:
        while views:
            written = os.writev(fd, views)
            while views and written >= len(views[0]):
                written -= len(views[0])
                views.pop(0).release()
            if views and written:
                views[0] = views[0][written:]
    finally:
        for view in views:
            view.release()


def _read_exactly(fd: int, into: bytearray) -> bytearray:
    if not hasattr(os, "readv"):  # Windows
        done = 0
        while done < len(into):
            piece = os.read(fd, len(into) - done)
            if not piece:
                raise EOFError("the pipe closed before the reader's keys came")
            into[done : done + len(piece)] = piece
            done += len(piece)
        return into
    view = memoryview(into)
    try:
        done = 0
        while done < len(into):
            got = os.readv(fd, [view[done:]])
            if got == 0:
                raise EOFError("the pipe closed before the reader's keys came")
            done += got
    finally:
        view.release()
    return into
