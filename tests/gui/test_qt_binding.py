"""The Qt binding must not corrupt the interpreter.

PySide6-Essentials 6.12.0 drops one reference to ``None`` it never took each time Qt
reads a Python ``data()`` that returns ``None``. On CPython 3.11 ``None`` is
refcounted, so after a minute or two of ordinary use it is freed and the app dies
("Fatal Python error: none_dealloc"). On 3.12+ ``None`` is immortal and the bug hides.
This test reproduces the measurement for every model the app defines, so a bad
release fails CI instead of users: 1,000 reads through a proxy must leave the count of
``None`` where it was (a constant of one or two is the measurement itself; the bug
moves it by ~1,000).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import twofold.ui
from tests.gui.conftest import on_next_modal
from twofold.services.session import Session
from twofold.ui import binding_check, models
from twofold.ui.app import run_app
from twofold.ui.charts import ChartTableModel

READS = 1_000
UNKNOWN_ROLE = Qt.ItemDataRole.UserRole + 99  # every model answers None for it


def _app_model_classes() -> set[type[QAbstractItemModel]]:
    """Every concrete item model defined anywhere in ``twofold.ui``."""
    found: set[type[QAbstractItemModel]] = set()
    for info in pkgutil.walk_packages(twofold.ui.__path__, "twofold.ui."):
        if info.name == binding_check.__name__:
            continue  # the start-up probe itself
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractItemModel) and cls.__module__.startswith("twofold."):
                found.add(cls)
    return found


def _models(session: Session) -> dict[type[QAbstractItemModel], QAbstractItemModel]:
    """Each model class the app defines, filled from a real vault as the pages fill it."""
    journal, sharing = session.journal, session.sharing
    assert journal is not None and sharing is not None
    record_id = journal.write("Tonight I walked by the river and felt calm.")
    sharing.update(sharing.add(record_id), "I walked by the river and felt calm.")
    sharing.confirm(sharing.preview())
    timeline = session.timeline

    journal_model = models.JournalModel()
    journal_model.load(lambda o, n, last: journal.listing(o, n, last).records, journal.count)
    timeline_model = models.TimelineModel()
    timeline_model.load(lambda o, n, last: timeline.page(o, n, after=last), timeline.count)
    search_model = models.SearchModel()
    search_model.set_hits(session.search("river"))
    preview_model = models.PreviewModel()
    preview_model.set_items(timeline.page(0, 5))
    list_model: models.ListModel[str] = models.ListModel(lambda s: (s, s))
    list_model.set_items(["one", "two"])
    chart_model = ChartTableModel(session.progress.our_progress().chart("checkins"))
    return {
        ChartTableModel: chart_model,
        models.PagedModel: journal_model,  # the base, through a subclass
        models.JournalModel: journal_model,
        models.TimelineModel: timeline_model,
        models.SearchModel: search_model,
        models.PreviewModel: preview_model,
        models.ListModel: list_model,
    }


def _none_delta(model: QAbstractItemModel) -> int:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0, QModelIndex())
    assert index.isValid(), "the model under test holds no row"
    before = sys.getrefcount(None)
    for _ in range(READS):
        proxy.data(index, UNKNOWN_ROLE)
    after = sys.getrefcount(None)
    proxy.setSourceModel(None)  # type: ignore[arg-type]  # Qt takes None to detach; the stub does not say so
    return after - before


def test_every_app_model_is_covered(qapp: QApplication, alex: Session) -> None:
    covered = {cls.__qualname__ for cls in _models(alex)}
    missing = {cls.__qualname__ for cls in _app_model_classes()} - covered
    assert not missing, f"add these models to _models(): {sorted(missing)}"


def test_reading_data_through_a_proxy_keeps_none_alive(qapp: QApplication, alex: Session) -> None:
    for cls, model in _models(alex).items():
        delta = _none_delta(model)
        assert abs(delta) < 10, (
            f"{cls.__qualname__}: {READS} reads of a None role moved sys.getrefcount(None) "
            f"by {delta}: this Qt binding mis-counts references to None (see the README's "
            "supported Qt versions)"
        )


def test_the_start_up_check_reads_the_roles_qt_names() -> None:
    # by number, so that the check makes no Qt namespace before the first paint
    assert Qt.ItemDataRole.DisplayRole.value == binding_check.DISPLAY_ROLE
    assert Qt.ItemDataRole.UserRole.value == binding_check.USER_ROLE


def test_the_start_up_check_finds_the_locked_binding_sound(qapp: QApplication) -> None:
    assert abs(binding_check.none_refcount_drift()) < 10
    assert binding_check.problem() is None


def test_a_faulty_binding_stops_the_start_before_anything_opens(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a binding that over-releases None the app says so and opens nothing,
    instead of crashing minutes later with the person's words in the editor."""
    monkeypatch.setattr(binding_check, "none_refcount_drift", lambda: -binding_check.READS)
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        seen.append(dialog.findChild(QLabel, "qt_msgbox_label").text())  # type: ignore[union-attr]
        dialog.close()

    on_next_modal(answer)
    assert run_app(vault=tmp_path / "vault") == 1
    assert seen and "known defect" in seen[0] and "Nothing was opened" in seen[0]
    assert not (tmp_path / "vault").exists()
