"""Importing PySide6 first, and sparing the start its source scans.

PySide6 replaces ``__import__`` with a hook for its ``from __feature__ import ...``
switches; after every import statement, the first time it meets a module's name, the
hook reads that module's whole source from disk (``inspect.getsource``, kept in
``linecache``) to see whether the text "PySide6" occurs in it — the answer decides
whether the module takes part in feature switching. Twofold and its libraries select
no feature, so the answer changes nothing, but reading ~80 source files cost ~10-18 ms
before the first paint (and ~200 more during the warm-up). The same question is
answered from the module's namespace instead: does it hold a PySide6 module or class.
A module that imports ``__feature__`` is still switched by PySide itself.
Guarded: a PySide6 without that hook is left as it is."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs the hook this module adjusts)

_QT = ("PySide6", "shiboken6")


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module`` holds a PySide6 module or class at its top level."""
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            name: object = value.__name__
        elif isinstance(value, type):
            name = value.__module__
        else:
            continue
        if isinstance(name, str) and name.startswith(_QT):
            return True
    return False


def spare_source_scans() -> bool:
    """Answer PySide's feature hook from namespaces; False if this PySide has none."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


spare_source_scans()
