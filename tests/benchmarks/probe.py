"""Run in a fresh process by the benchmark.

probe.py launch VAULT      print "painted" once the unlock window has painted
probe.py open VAULT WHO    unlock, load the window's models, print "rss <kB>", then
                           wait for the timeline's ✓ and print "verified <s>"
probe.py page VAULT WHO KEY   as open, then show page KEY: "page <s>" and "rss <kB>"
                              ("missing" when the window has no such page yet)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_kib(field: str = "VmRSS") -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def peak_kib() -> int:
    return rss_kib("VmHWM")


def main() -> int:
    mode, vault = sys.argv[1], Path(sys.argv[2])
    import tempfile

    from PySide6.QtCore import QEvent, QObject, QSettings

    from twofold.ui import theme
    from twofold.ui.app import make_application
    from twofold.ui.main_window import MainWindow

    app = make_application()
    theme.apply(app, "system")  # the app's default (ui/app.py): asks the desktop's colour scheme
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(vault, settings)

    if mode == "launch":

        class Painted(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    print("painted", flush=True)
                    os._exit(0)
                return False

        watcher = Painted()
        window.unlock_page.installEventFilter(watcher)
        window.show()
        return app.exec()

    from tests.benchmarks.workload import PASSPHRASES
    from twofold.services.session import unlock

    who = sys.argv[3]
    # Every probe is "the first unlock of the day": today's automatic backup is made in
    # the background while the window is in use, as it is for the user once a day.
    from datetime import date

    from twofold.services.paths import default_backup_folder

    today = default_backup_folder(vault) / f"twofold-{date.today().isoformat()}.twofold-backup"
    today.unlink(missing_ok=True)
    window.show()
    app.processEvents()
    # As in the app: the pages are built while the key derivation runs in its worker.
    window._ensure_workspace()
    session = unlock(vault, who, PASSPHRASES[who])  # the KDF happens here, untimed
    import time

    started = time.perf_counter()
    window._unlocked(session)  # builds the workspace (first unlock) and fills the models
    window.repaint()
    app.processEvents()
    print(f"unlocked {time.perf_counter() - started:.4f}", flush=True)
    if mode == "page":
        key = sys.argv[4]
        if key not in getattr(window, "page_keys", []):
            print("missing", flush=True)
            os._exit(0)
        shown = time.perf_counter()
        window.go(key)
        window.repaint()
        app.processEvents()
        print(f"page {time.perf_counter() - shown:.4f}", flush=True)
        print(f"rss {rss_kib()}", flush=True)
        os._exit(0)
    print(f"rss {rss_kib()}", flush=True)
    # The check mark: verification runs in the background after unlock; the user sees
    # "✓ Verified" (or the red banner) in the timeline's bar when it is done.
    bar = window.timeline.verification
    while time.perf_counter() - started < 300:
        text = bar.ok_label.text() or bar.banner_text.text()
        if text.startswith(("✓", "⚠")):
            print(f"verified {time.perf_counter() - started:.4f} {text[:1]}", flush=True)
            break
        app.processEvents()
        time.sleep(0.002)
    # Settled: the backup and the other background work done, the window still open.
    while time.perf_counter() - started < 300 and not today.exists():
        app.processEvents()
        time.sleep(0.01)
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    print(f"settled {rss_kib()}", flush=True)
    print(f"peak {peak_kib()}", flush=True)
    window.idle.stop()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
