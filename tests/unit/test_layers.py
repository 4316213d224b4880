"""Issue 13: domain, vault, services and the command line import no Qt. A fresh
interpreter with PySide6 made unimportable imports every one of their modules and
runs a command; Qt would only be needed for the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import twofold

PACKAGE = Path(twofold.__file__).parent
SCRIPT = """
import importlib, pkgutil, sys

class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"{name} is blocked: this layer must not import Qt")
        return None

sys.meta_path.insert(0, NoQt())
import twofold
names = ["twofold.cli", "twofold.hardening", "twofold.resources", "twofold.__main__"]
for package in ("domain", "vault", "services"):
    module = importlib.import_module(f"twofold.{package}")
    names += [m.name for m in pkgutil.walk_packages(module.__path__, f"twofold.{package}.")]
for name in names:
    importlib.import_module(name)
from twofold.cli import run
assert run(["--help"]) == 0
assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
print(len(names))
"""


def test_domain_vault_services_and_cli_import_without_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip().splitlines()[-1]) > 30


def test_the_command_line_source_names_no_qt() -> None:
    # the window's self-check is handed in by the entry point, not imported here
    source = (PACKAGE / "cli.py").read_text()
    assert "PySide6" not in source and "twofold.ui" not in source


# Layers import only downward: ui → services → vault → domain. SQL and key material
# live in vault/, so neither the window nor the command line may reach past services.
ALLOWED = {
    "domain": {"domain"},
    "vault": {"vault", "domain"},
    "services": {"services", "vault", "domain"},
    "ui": {"ui", "services", "domain"},
    "cli": {"services", "domain"},
}


def _imported(source: Path) -> list[str]:
    """Every module name a source file imports, anywhere in it."""
    import ast

    names: list[str] = []
    for node in ast.walk(ast.parse(source.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def _imported_layers(source: Path) -> set[str]:
    found: set[str] = set()
    for name in _imported(source):
        parts = name.split(".")
        if parts[0] == "twofold" and len(parts) > 1 and parts[1] in ALLOWED:
            found.add(parts[1])
    return found


def test_only_the_engine_module_imports_sqlcipher3() -> None:
    """SQLite's configuration must come before its first import (vault/engine.py)."""
    importers = [
        source.relative_to(PACKAGE).as_posix()
        for source in sorted(PACKAGE.rglob("*.py"))
        if any(name.split(".")[0] == "sqlcipher3" for name in _imported(source))
    ]
    assert importers == ["vault/engine.py"]


def test_every_layer_imports_only_downward() -> None:
    wrong: list[str] = []
    for layer, allowed in ALLOWED.items():
        sources = (
            [PACKAGE / "cli.py"] if layer == "cli" else sorted((PACKAGE / layer).rglob("*.py"))
        )
        for source in sources:
            for reached in _imported_layers(source) - allowed:
                wrong.append(f"{source.relative_to(PACKAGE)} imports twofold.{reached}")
    assert not wrong, "\n".join(wrong)
