"""The log and the crash handler: what a bug report can carry, and nothing private.

The log lives in the platform's log folder (``platformdirs.user_log_dir``), rotates
(three files of 512 KiB), and holds only exception *types*, SQLite error *codes*,
exit codes, counts and timings. It never holds an exception's message (SQLite and
Python messages can quote a value), entry text, names, tags or passphrases; a canary
test writes private words everywhere it can and greps the log and the crash reports.

A crash report names the exception type and the stack as file, line and function —
code locations, never variables or messages.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from platformdirs import user_log_dir

from twofold import __version__
from twofold.domain.errors import TwofoldError

LOGGER = "twofold"
LOG_NAME = "twofold.log"
FAULTS_NAME = "faults.log"
MAX_BYTES = 512 * 1024
BACKUPS = 2
_log = logging.getLogger(LOGGER)
_log.addHandler(logging.NullHandler())  # nothing on stderr until a log is set up
_log.propagate = False
_state: dict[str, object] = {}

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def log_folder() -> Path:
    override = os.environ.get("TWOFOLD_LOG_DIR")
    return Path(override) if override else Path(user_log_dir("Twofold", appauthor=False))


def setup_logging(folder: Path | None = None) -> Path:
    """Start the rotating log (once per process); returns its folder."""
    folder = folder or log_folder()
    current = _state.get("folder")
    if current == folder:
        return folder
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for handler in list(_log.handlers):
        if getattr(handler, "twofold", False):
            _log.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.twofold = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    _log.addHandler(handler)
    _log.setLevel(logging.INFO)
    _log.propagate = False
    _state["folder"] = folder
    _log.info("start version=%s python=%s", __version__, platform.python_version())
    return folder


def error_code(exc: BaseException) -> str:
    """What may be logged about a failure: its type and its codes, never its message."""
    parts = [type(exc).__name__]
    if isinstance(exc, TwofoldError):
        parts.append(f"exit={exc.exit_code}")
    sqlite = getattr(exc, "sqlite_errorname", None)
    if isinstance(sqlite, str):
        parts.append(f"sqlite={sqlite}")
    errno_value = getattr(exc, "errno", None)
    if isinstance(errno_value, int):
        parts.append(f"errno={errno_value}")
    cause = exc.__cause__ or exc.__context__
    if cause is not None and cause is not exc:
        parts.append(f"cause={type(cause).__name__}")
        sqlite = getattr(cause, "sqlite_errorname", None)
        if isinstance(sqlite, str):
            parts.append(f"cause_sqlite={sqlite}")
    return " ".join(parts)


def log_failure(action: str, exc: BaseException, *, bug: bool) -> None:
    """``action`` is a fixed name from the code (e.g. "journal.autosave"), not a title."""
    if bug:
        _log.error("bug action=%s %s at %s", action, error_code(exc), _where(exc.__traceback__))
    else:
        _log.warning("failed action=%s %s", action, error_code(exc))


def log_event(name: str, **numbers: int | float) -> None:
    """Counts and timings only."""
    _log.info("%s %s", name, " ".join(f"{k}={v}" for k, v in sorted(numbers.items())))


@contextlib.contextmanager
def timed(name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        log_event(name, ms=round((time.perf_counter() - started) * 1000, 1))


def _where(tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno}:{last.name}"


def crash_report(exc: BaseException, tb: TracebackType | None = None) -> str:
    """A report a person can paste into a bug: versions, the exception's type and codes,
    and the stack as code locations. No messages, no variables."""
    lines = [
        f"Twofold {__version__}",
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}",
        f"When: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"Error: {error_code(exc)}",
        "Stack (most recent call last):",
    ]
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 5:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for index, item in enumerate(reversed(chain)):
        if index:
            lines.append(f"then {type(item).__name__}:")
        frames = traceback.extract_tb(tb if item is exc and tb is not None else item.__traceback__)
        for frame in frames:
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def _short(filename: str) -> str:
    parts = Path(filename).parts
    if "twofold" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("twofold") :])
    return Path(filename).name  # a library's file: its name only, never a home folder


def write_crash_report(exc: BaseException, tb: TracebackType | None = None) -> Path | None:
    folder = _state.get("folder")
    if not isinstance(folder, Path):
        return None
    stamp = f"{datetime.now(UTC):%Y%m%d-%H%M%S}-{os.getpid()}"
    with contextlib.suppress(OSError):
        for n in range(100):
            path = folder / f"crash-{stamp}-{n}.txt"
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            break
        else:
            return None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(crash_report(exc, tb))
        return path
    return None


def install_crash_handler(
    folder: Path | None = None, on_bug: Callable[[BaseException, str], None] | None = None
) -> Path:
    """``sys.excepthook`` and ``threading.excepthook`` write a report and log the bug;
    ``faulthandler`` writes a native crash's stack to ``faults.log``. ``on_bug`` (the
    app's dialog) is called after, on the thread that failed."""
    folder = setup_logging(folder)
    faults: IO[str] | None = _state.get("faults")  # type: ignore[assignment]
    if faults is None:
        faults = (folder / FAULTS_NAME).open("a", encoding="utf-8")
        with contextlib.suppress(OSError):
            (folder / FAULTS_NAME).chmod(0o600)
        _state["faults"] = faults
    faulthandler.enable(file=faults, all_threads=True)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log_failure("uncaught", exc, bug=not isinstance(exc, TwofoldError))
        write_crash_report(exc, tb)
        if on_bug is not None:
            with contextlib.suppress(Exception):
                on_bug(exc, crash_report(exc, tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return folder
