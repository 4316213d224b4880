"""Issue 17 (launch): PySide's support modules are read from files with cached bytecode
(shiboken's own ``files.dir``), written once by the app's first start, not compiled
from the source shiboken embeds at every start (~105 M instructions of the launch).

Each test works on a copy of the installed shiboken6 package put first on the path of
a fresh process, so the environment the tests run in is not changed."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from twofold import shiboken_files
from twofold.shiboken_files import FOLDER, STAMP

ROOT = Path(__file__).resolve().parents[2]

# What a process of the app sees: where shiboken took its support package from.
SEEN = """
import json, sys
sys.path.insert(0, sys.argv[1])
import PySide6.QtCore
support = sys.modules["shibokensupport.signature.loader"]
spec = support.__spec__
print(json.dumps(dict(
    file=getattr(support, "__file__", None),
    loader=type(support.__loader__).__name__,
    cached=getattr(spec, "cached", None) if spec is not None else None,
    package=sys.modules["shiboken6"].__file__,
)))
"""

# The app's start as the benchmark runs it: ``twofold --vault V`` through the real
# entry point until the unlock screen's first paint (tests/benchmarks/probe.py).
PROBE = ROOT / "tests" / "benchmarks" / "probe.py"


def installed_shiboken() -> Path:
    import shiboken6

    return Path(shiboken6.__file__).parent


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A folder holding a copy of the installed shiboken6 package (no files.dir)."""
    site = tmp_path / "site"
    shutil.copytree(
        installed_shiboken(),
        site / "shiboken6",
        ignore=shutil.ignore_patterns(FOLDER, "__pycache__", ".files.dir-*"),
        copy_function=shutil.copy2,
    )
    return site


def run(*args: str, path: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SBK_EMBED", None)
    if path:
        env["PYTHONPATH"] = path
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
        check=False,
    )


def seen(site: Path) -> dict[str, str | None]:
    done = run("-c", SEEN, str(site))
    assert done.returncode == 0, done.stderr
    answer: dict[str, str | None] = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["package"] == str(site / "shiboken6" / "__init__.py")  # the copy
    return answer


def start_app(site: Path, vault: Path) -> None:
    done = run(str(PROBE), "launch", str(vault), path=f"{site}{os.pathsep}{ROOT}")
    assert done.returncode == 0, done.stderr
    assert "painted" in done.stdout


def test_the_first_start_writes_the_support_files_and_later_starts_read_them(
    site: Path, vault_dir: Path
) -> None:
    files = site / "shiboken6" / FOLDER
    before = seen(site)
    assert before["loader"] == "EmbeddableZipImporter"  # compiled from embedded source
    assert not files.exists()

    start_app(site, vault_dir)

    assert (files / STAMP).read_text() == shiboken_files.library_identity(site / "shiboken6")
    loader = files / "shibokensupport" / "signature" / "loader.py"
    assert loader.is_file()
    compiled = list((loader.parent / "__pycache__").glob("loader.*.pyc"))
    assert compiled  # bytecode written with it: later starts need not compile
    assert not list((site / "shiboken6").glob(".files.dir-*"))  # no work folder left
    after = seen(site)
    assert after["loader"] == "SourceFileLoader"
    assert after["file"] == str(loader)
    assert after["cached"] == str(compiled[0])

    # a later start finds it and writes nothing
    stamp_time = (files / STAMP).stat().st_mtime_ns
    assert shiboken_files.prepare(site / "shiboken6") is None
    start_app(site, vault_dir)
    assert (files / STAMP).stat().st_mtime_ns == stamp_time


def test_the_files_are_the_ones_shiboken_embeds_and_as_readable_as_the_package(
    site: Path, vault_dir: Path
) -> None:
    start_app(site, vault_dir)  # the start runs with umask 077 (hardening)
    files = site / "shiboken6" / FOLDER
    done = run(
        "-c",
        "import sys, json; sys.path.insert(0, sys.argv[1]); import PySide6.QtCore; "
        "boot = sys.modules['signature_bootstrap']; _, z = boot.prepare_zipfile(); "
        "print(json.dumps({n: z.zfile.read(n).decode() for n in z.zfile.namelist() "
        "if n.endswith('.py')}))",
        str(site),
    )
    assert done.returncode == 0, done.stderr
    embedded: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    written = {path.relative_to(files).as_posix(): path.read_text() for path in files.rglob("*.py")}
    assert written == embedded and len(written) >= 10
    package_mode = stat.S_IMODE((site / "shiboken6").stat().st_mode)
    file_mode = stat.S_IMODE((site / "shiboken6" / "__init__.py").stat().st_mode) & 0o666
    for path in [files, *files.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (package_mode if path.is_dir() else file_mode), path


def test_files_written_for_another_shiboken_are_removed_before_shiboken_reads_them(
    site: Path, vault_dir: Path
) -> None:
    start_app(site, vault_dir)
    files = site / "shiboken6" / FOLDER
    # an upgrade of PySide: another library under the same folder; the old files
    # here are made unusable, so reading them would fail the import
    (files / STAMP).write_text("libshiboken6.abi3.so.6.10 1 1\n")
    (files / "shibokensupport" / "signature" / "loader.py").write_text("raise ImportError\n")
    shutil.rmtree(files / "shibokensupport" / "signature" / "__pycache__")

    start_app(site, vault_dir)

    assert (files / STAMP).read_text() == shiboken_files.library_identity(site / "shiboken6")
    assert "raise ImportError" not in (files / "shibokensupport/signature/loader.py").read_text()
    assert seen(site)["loader"] == "SourceFileLoader"


def test_a_support_folder_not_written_by_twofold_is_left_alone(site: Path) -> None:
    files = site / "shiboken6" / FOLDER
    files.mkdir()
    (files / "mine.txt").write_text("a developer's SBK_EMBED=0")
    assert shiboken_files.prepare(site / "shiboken6") is None
    assert sorted(p.name for p in files.iterdir()) == ["mine.txt"]


def test_nothing_is_written_where_the_installation_is_read_only(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = site / "shiboken6"
    with monkeypatch.context() as patched:
        patched.setattr(os, "access", lambda path, mode: path != package)
        assert shiboken_files.prepare(package) is None
    assert shiboken_files.prepare(package) is not None  # writable: it would write
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert shiboken_files.prepare(package) is None  # the bundle ships the folder
    assert not (package / FOLDER).exists()


def test_a_failed_write_leaves_nothing_and_shiboken_keeps_its_embedded_copy(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = site / "shiboken6"
    monkeypatch.delitem(sys.modules, "signature_bootstrap", raising=False)
    assert shiboken_files.write(package, "x") is False  # no bootstrap ran
    assert not (package / FOLDER).exists()
    assert not list(package.glob(".files.dir-*"))
