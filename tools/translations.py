"""Extract the window's strings into resources/translations/*.ts and build the .qm files.

    uv run python tools/translations.py            # lupdate, then lrelease
    uv run python tools/translations.py --check    # exit 1 if .ts or .qm are out of date

Uses Qt's own tools as PySide6 ships them (pyside6-lupdate, pyside6-lrelease). The .ts
files are the sources translators edit (Qt Linguist, or by hand); the .qm files are
built from them and committed, so the app runs from a checkout without a build step.
Locations are left out of the .ts so that moving code does not churn it.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop" / "twofold" / "ui"
OUT = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")  # English: only the plural forms of the English source strings


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        raise SystemExit(f"{name} was not found (it comes with PySide6: uv sync)")
    return which


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def lupdate(ts: Path) -> None:
    language = ts.stem.split("_", 1)[1]
    options = ["-locations", "none", "-no-obsolete", "-silent", "-target-language", language]
    if language == "en":
        options.append("-pluralonly")
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), *options, "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
    )


def build() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = OUT / f"twofold_{language}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))


def stale() -> list[str]:
    """What is out of date: a .ts missing strings the code has, or a .qm not built from
    its .ts. Works on copies; the committed files are not touched."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for language in LANGUAGES:
            ts = OUT / f"twofold_{language}.ts"
            copy = Path(scratch) / ts.name
            shutil.copyfile(ts, copy)
            lupdate(copy)
            if not filecmp.cmp(ts, copy, shallow=False):
                problems.append(f"{ts.relative_to(ROOT)} lacks strings now in the code")
            # lupdate's Python parser can misname a context (after QCoreApplication.translate
            # in a method it once gave "QCoreApplication.self"): such strings never match.
            for context in re.findall(r"<name>(.*?)</name>", ts.read_text(encoding="utf-8")):
                if not context.isidentifier():
                    problems.append(f"{ts.relative_to(ROOT)}: odd context {context!r}")
            qm = Path(scratch) / f"twofold_{language}.qm"
            lrelease(ts, qm)
            if not filecmp.cmp(ts.with_suffix(".qm"), qm, shallow=False):
                problems.append(
                    f"{ts.with_suffix('.qm').relative_to(ROOT)} is not built from its .ts"
                )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is out of date")
    if parser.parse_args().check:
        problems = stale()
        for problem in problems:
            print(problem, "— run: uv run python tools/translations.py", file=sys.stderr)
        return 1 if problems else 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
