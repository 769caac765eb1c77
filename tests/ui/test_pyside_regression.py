"""PySide6 6.12 on CPython 3.11 crashed returning None from C++ (none_dealloc): keep proving it
does not on the interpreter and wheel we ship."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QStringListModel
from PySide6.QtWidgets import QComboBox

pytestmark = pytest.mark.gui


def test_20000_empty_combo_current_data(qtbot: object) -> None:
    box = QComboBox()
    results = [box.currentData() for _ in range(20_000)]
    assert results.count(None) == 20_000
    box.addItem("Contrats", "contracts")
    assert box.currentData() == "contracts"


def test_20000_model_index_data_none(qtbot: object) -> None:
    model = QStringListModel(["un", "deux"])
    invalid = QModelIndex()
    results = [invalid.data() for _ in range(10_000)]
    results += [model.index(0, 0).data(999) for _ in range(10_000)]
    assert results == [None] * 20_000
    assert model.index(1, 0).data() == "deux"
