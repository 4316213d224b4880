"""Run in a fresh process by the benchmark.

probe.py launch VAULT      the app's own start, ``twofold --vault VAULT`` (its entry
                           point, fresh settings: the default theme and language), and
                           print "painted" once the unlock screen has painted
probe.py open VAULT WHO    unlock, load the window's models, print "rss <kB>", then
                           wait for the timeline's ✓ and print "verified <s>"
probe.py page VAULT WHO KEY   as open, then show page KEY: "page <s>" and "rss <kB>"
                              ("missing" when the window has no such page yet)
"""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_kib(field: str = "VmRSS") -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def peak_kib() -> int:
    return rss_kib("VmHWM")


class _WatchFirstPaint:
    """Finds ``twofold.ui.app`` when the start imports it and wraps its ``open_window``
    so the window it returns reports the unlock screen's first Paint: nothing is
    imported earlier or in another order than the app's own start does."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "twofold.ui.app":
            return None
        import importlib.util

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        load = spec.loader.exec_module

        def exec_module(module: types.ModuleType) -> None:
            load(module)
            _report_first_paint(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _report_first_paint(app_module: types.ModuleType) -> None:
    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                os._exit(0)
            return False

    opened = getattr(app_module, "open_window")  # noqa: B009  (a module found at run time)

    def open_window(*args: object, **kwargs: object) -> Any:
        window = opened(*args, **kwargs)
        window._first_paint_watcher = Painted()
        window.unlock_page.installEventFilter(window._first_paint_watcher)
        return window

    setattr(app_module, "open_window", open_window)  # noqa: B010


def launch(vault: Path) -> int:
    """What a person starting Twofold waits for: the interpreter, the entry point
    (``python -m twofold --vault VAULT``: the command line, the process hardening, the
    binding check, translations, settings, the theme), the window, its first paint.
    Fresh settings (a new config folder): the default theme ("system", which asks the
    desktop's colour scheme) and language, as at a first start: a config folder that
    does not exist (nothing is written before the first paint, and the probe ends
    there), without importing ``tempfile``, which the app does not need."""
    folder = Path(os.environ.get("TMPDIR", "/tmp"), f"twofold-probe-{os.getpid()}-no-config")
    assert not folder.exists()
    os.environ["XDG_CONFIG_HOME"] = str(folder)
    sys.meta_path.insert(0, _WatchFirstPaint())
    from twofold.__main__ import main as twofold

    return twofold(["--vault", str(vault)])


def main() -> int:
    mode, vault = sys.argv[1], Path(sys.argv[2])
    if mode == "launch":
        return launch(vault)
    import tempfile

    from PySide6.QtCore import QSettings

    from twofold.ui import theme
    from twofold.ui.app import make_application
    from twofold.ui.main_window import MainWindow

    app = make_application()
    theme.apply(app, "system")  # the app's default (ui/app.py): asks the desktop's colour scheme
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(vault, settings)

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
