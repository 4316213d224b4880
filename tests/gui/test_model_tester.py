"""Issue 13: Qt's own QAbstractItemModelTester on every model the app defines, while
the model is filled, paged, reloaded and cleared as the pages do it."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from tests.gui.test_qt_binding import _app_model_classes, _models
from twofold.services.session import Session
from twofold.ui import models

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_every_model_passes_qts_model_tester(
    qapp: QApplication,
    alex: Session,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert alex.journal is not None
    for n in range(7):
        alex.journal.write(f"entry {n} for paging")
    monkeypatch.setattr(models, "PAGE", 3)  # so fetchMore runs under the tester
    built = _models(alex)
    assert {c.__qualname__ for c in built} >= {c.__qualname__ for c in _app_model_classes()}
    testers = []
    for cls, model in {id(m): (c, m) for c, m in built.items()}.values():  # one tester each
        testers.append(QAbstractItemModelTester(model, FATAL))  # checks every signal from now
        if isinstance(model, models.PagedModel):
            while model.canFetchMore():
                model.fetchMore()
            assert model.rowCount() == model.total, cls
            # The tester itself calls fetchMore() from its modelReset handler, before it
            # has marked the reset finished, and then blames the rows that fetch adds;
            # so reset with every row fitting on the first page.
            monkeypatch.setattr(models, "PAGE", 1_000)
            model.reload()
            monkeypatch.setattr(models, "PAGE", 3)
            model.clear()
            assert model.rowCount() == 0
        elif isinstance(model, models.ListModel):
            rows = [model.item(r) for r in range(model.rowCount())]
            model.set_items(rows[:1])
            model.set_items(rows)
            model.set_items([])
