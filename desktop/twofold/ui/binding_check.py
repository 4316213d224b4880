"""Refuse to start on a Qt binding that would corrupt the interpreter.

PySide6-Essentials 6.12.0 drops a reference to ``None`` each time Qt reads a model
value that is ``None``. On CPython 3.11 that frees ``None`` after a minute or two and
the app aborts, losing what was being typed. The check costs a fraction of a
millisecond: read an empty role fifty times through a proxy and see whether ``None``
lost as many references. On 3.12+ ``None`` is immortal and its count does not move
either way. Fifty reads tell the two apart as surely as 300 did (the defect moves the
count by one per read, a sound binding by none: test_qt_binding), for a sixth of the
time before the first paint (a read is a round trip Python → Qt → Python, ~12,000
instructions).
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
)
from PySide6.QtCore import QSortFilterProxyModel as _Proxy

READS = 50
# The roles by number: ``Qt.ItemDataRole`` would make Qt's namespace of 93 enum types
# before the first paint (see ui/basics.py); test_qt_binding checks they are Qt's.
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
USER_ROLE = 256  # Qt.ItemDataRole.UserRole


class _Empty(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        return None


def none_refcount_drift(reads: int = READS) -> int:
    """How far ``sys.getrefcount(None)`` moved over ``reads`` reads of an empty value."""
    model, proxy = _Empty(), _Proxy()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(reads):
        proxy.data(index, USER_ROLE)
    drift = sys.getrefcount(None) - before
    proxy.setSourceModel(None)  # type: ignore[arg-type]
    return drift


def problem() -> str | None:
    """A message for the person starting the app, or None when the binding is sound."""
    drift = none_refcount_drift()
    if drift > -READS // 2:
        return None
    _restore_none(-drift)  # so that showing the message cannot be what kills us
    return QCoreApplication.translate(
        "binding_check",
        "This copy of Twofold runs on PySide6 {version}, which has a known defect on this "
        "version of Python: the app would crash after a few minutes and lose what you were "
        "writing. Nothing was opened or changed. Install a supported version (for example "
        "with `uv sync`, which uses the versions Twofold was tested with) and start "
        "Twofold again.",
    ).format(version=pyside_version)


_kept: list[object] = []


def _restore_none(count: int) -> None:
    # Each list slot holds a real reference to None: this undoes the binding's
    # over-release during the check so the interpreter survives to show the message.
    _kept.extend([None] * count)
