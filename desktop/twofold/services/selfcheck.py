"""``twofold --self-check``: prove an installed or frozen Twofold works end to end on a
fresh temporary vault (create, write, share, search, verify, back up, restore)."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from twofold.services import backups
from twofold.services.session import create_vault, unlock, unlock_session
from twofold.vault import engine
from twofold.vault.crypto import KdfParams, kdf_floor

Report = Callable[[str], None]


def run_self_check(report: Report, kdf: KdfParams | None = None) -> bool:
    """Returns True when every step passed; ``report`` receives one line per step."""
    root = Path(tempfile.mkdtemp(prefix="twofold-selfcheck-"))
    started = time.perf_counter()
    try:
        folder = root / "vault"
        params = kdf or kdf_floor()
        codes = create_vault(folder, [("A", "self check alpha"), ("B", "self check bravo")], params)
        report(f"ok    created a vault ({len(codes.recovery_codes)} recovery codes)")
        if not (engine.memory_security_on() and engine.LOOKASIDE_SET):
            # a bundle that imported sqlcipher3 before vault/engine.py, or could not reach it
            report("FAIL  SQLCipher started without its memory security or Twofold's lookaside")
            return False
        report("ok    SQLCipher: memory security on, lookaside set before it started")
        alex = unlock(folder, "A", "self check alpha")
        assert alex.journal is not None and alex.sharing is not None
        private = alex.journal.write("selfcheck private words")
        shared = alex.journal.write("selfcheck words to share")
        item = alex.sharing.add(shared)
        alex.sharing.update(item, "selfcheck shared version", "a request")
        [event_id] = alex.sharing.confirm(alex.sharing.preview())
        report(f"ok    wrote 2 entries, shared 1 (event {event_id[:8]})")
        hits = {h.source for h in alex.search("selfcheck")}
        if hits != {"private", "shared"}:
            report(f"FAIL  search found {sorted(hits)}")
            return False
        report("ok    search finds private and shared text")
        verified = alex.verify()
        alex.lock()
        if not verified.ok:
            report("FAIL  " + "; ".join(verified.lines()))
            return False
        report("ok    verify: files, chain and signatures hold")
        session = unlock_session(folder, "self check bravo")
        if session.journal is not None or session.search("private") != []:
            report("FAIL  the shared session reached a private journal")
            return False
        session.lock()
        report("ok    shared session sees only the shared ledger")
        backup = backups.backup_now(folder, root / "check.twofold-backup")
        backups.restore(backup, root / "restored")
        again = unlock(root / "restored", "A", "self check alpha")
        assert again.journal is not None
        restored = again.journal.get(private).body
        again.lock()
        if restored != "selfcheck private words":
            report("FAIL  the restored backup lost an entry")
            return False
        report("ok    backup restored and opened")
        report(f"passed in {time.perf_counter() - started:.2f} s")
        return True
    except Exception as exc:  # a self-check reports, it does not crash
        report(f"FAIL  {type(exc).__name__}: {exc}")
        return False
    finally:
        shutil.rmtree(root, ignore_errors=True)
