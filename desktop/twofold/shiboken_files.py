"""PySide's support modules as files Python caches, not source compiled at every start.

shiboken6 (PySide's runtime) carries its Python support package, ``shibokensupport``
(the signature loader, parser, mapping, layout, enum and feature modules: 14 files),
inside its library as a zip of *source*. Every process that imports PySide6 decodes
it and compiles each module: ~105 M instructions, 13.6 % of the app's start to the
unlock screen (callgrind, session 25). Shiboken has its own way out: a folder
``files.dir`` beside its ``__init__.py`` (what its ``SBK_EMBED=0`` switch writes); when
it exists shiboken imports the package from there as ordinary files, so Python's
bytecode cache applies as for any installed module.

Twofold writes that folder once, on the first start that finds none, in the
installation it runs from (``uv run twofold``'s environment) — the same one-time step
as Python writing the bytecode of Twofold's own modules at the first start. The files
are exactly the ones shiboken embeds (taken from shiboken's own bootstrap), compiled,
and moved into place in one rename, so a second start at the same moment sees the
whole folder or none. A stamp names the shiboken library they came from: after an
upgrade of PySide the stale folder is removed before shiboken could read it, and the
new one is written. A ``files.dir`` without Twofold's stamp is someone else's (a
developer's ``SBK_EMBED=0``) and is left alone, as shiboken itself uses it. Nothing is
written where the installation is not writable (a system package), nor in the frozen
bundle, which ships the folder ready (packaging/pyinstaller/twofold.spec).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

FOLDER = "files.dir"  # shiboken's name (signature_bootstrap.find_incarnated_files)
STAMP = ".twofold-shiboken"  # which shiboken library the files were taken from


def shiboken_package() -> Path | None:
    """The folder of the ``shiboken6`` package Python will import, found as the path
    finder finds a package (shiboken6 itself is not imported: that would read the
    embedded files)."""
    for entry in sys.path:
        package = Path(entry or ".") / "shiboken6"
        if (package / "__init__.py").is_file():
            return package
    return None


def library_identity(package: Path) -> str:
    """The shiboken library's and package's names, sizes and times: an upgrade or a
    reinstall of PySide rewrites them."""
    parts = []
    for entry in sorted(os.scandir(package), key=lambda e: e.name):
        if entry.name == "__init__.py" or "shiboken6.abi3" in entry.name:
            info = entry.stat()
            parts.append(f"{entry.name} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(parts) + "\n"


def prepare(package: Path | None = None) -> Callable[[], bool] | None:
    """Before PySide6 is imported: remove a ``files.dir`` Twofold wrote for another
    shiboken; return what writes a new one once PySide6 is imported (None: nothing
    to write: the folder is there, someone else's, or cannot be written here)."""
    if getattr(sys, "frozen", False):
        return None  # the bundle ships it
    package = package or shiboken_package()
    if package is None:
        return None
    files = package / FOLDER
    try:
        identity = library_identity(package)
        stamp = (files / STAMP).read_text(encoding="utf-8")
    except FileNotFoundError:
        if files.exists():
            return None  # someone else's: shiboken uses it as it is
        stamp = None
    except (OSError, UnicodeDecodeError):
        return None
    if stamp == identity:
        return None  # written for this very library: shiboken reads it
    if not os.access(package, os.W_OK | os.X_OK):
        return None
    if stamp is not None:  # Twofold's, for another shiboken: never read it
        try:
            _remove(files, package)
        except OSError:
            return None
    return lambda: write(package, identity)


def write(package: Path, identity: str) -> bool:
    """Write ``files.dir`` from the source shiboken embeds (its bootstrap module, which
    has run by now), each module compiled; True once it is in place. Any failure
    leaves nothing behind and the start goes on: shiboken keeps using its embedded
    copy, as before."""
    import shutil
    import tempfile

    work: Path | None = None
    try:
        work = Path(tempfile.mkdtemp(prefix=".files.dir-", dir=package))
        if not extract(work):
            return False
        (work / STAMP).write_text(identity, encoding="utf-8")
        _readable_like(package, work)
        work.rename(package / FOLDER)  # all at once; a start that got there first wins
        work = None
        return True
    except Exception:
        return False
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def extract(folder: Path, *, unchecked: bool = False) -> bool:
    """The support modules shiboken embeds, written into ``folder`` and compiled; False
    when PySide6 has not been imported in this process (no bootstrap to take them
    from). ``unchecked``: bytecode Python uses without comparing it with the source's
    time (the frozen bundle, whose files' times are the build's copy's)."""
    bootstrap = sys.modules.get("signature_bootstrap")
    prepare_zipfile = getattr(bootstrap, "prepare_zipfile", None)
    if prepare_zipfile is None:
        return False
    import py_compile

    _, embedded = prepare_zipfile()
    archive = embedded.zfile
    names = [name for name in archive.namelist() if name.endswith(".py")]
    if not names:
        return False
    archive.extractall(path=folder, members=names)
    mode = (
        py_compile.PycInvalidationMode.UNCHECKED_HASH
        if unchecked
        else py_compile.PycInvalidationMode.TIMESTAMP
    )
    for name in names:
        py_compile.compile(str(folder / name), doraise=True, invalidation_mode=mode)
    return True


def for_bundle(folder: Path) -> None:
    """packaging/pyinstaller/twofold.spec: the folder the frozen bundle ships as
    ``shiboken6/files.dir`` (run in a process of the build's environment)."""
    import PySide6.QtCore  # noqa: F401  (runs shiboken's bootstrap)

    folder.mkdir(parents=True, exist_ok=True)
    if not extract(folder, unchecked=True):
        raise RuntimeError("shiboken's embedded support modules were not found")


def _readable_like(package: Path, folder: Path) -> None:
    """Everyone who may read the installed package may read the folder (the process
    runs with umask 077: a shared installation would otherwise hold a folder other
    users' shiboken finds and cannot read)."""
    folder_mode = package.stat().st_mode & 0o777
    file_mode = (package / "__init__.py").stat().st_mode & 0o666
    for path in [folder, *folder.rglob("*")]:
        path.chmod(folder_mode if path.is_dir() else file_mode)


def _remove(files: Path, package: Path) -> None:
    """Out of shiboken's sight in one rename, then deleted."""
    import shutil
    import tempfile

    aside = Path(tempfile.mkdtemp(prefix=".files.dir-old-", dir=package))
    files.rename(aside / FOLDER)
    shutil.rmtree(aside, ignore_errors=True)
