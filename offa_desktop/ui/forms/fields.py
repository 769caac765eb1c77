"""Field editors of the record forms: each reads and writes an API value (``"2026-08-31"``,
``"612.34"``, codes, numbers) and shows its problem under it, in French.

What a user typed that cannot even be read (``31/13/2026``, ``12,345``) raises
:class:`InputError` from ``value()``: the form shows it as the field's problem and refuses Save.

A record chosen by searching as you type: ``record_search.PickerField``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.errors import OffaError
from offa_desktop.domain.values import parse_date_fr
from offa_desktop.ui.formats import date_fr

ERROR_STYLE = "border: 2px solid #c0392b; border-radius: 3px;"
WARNING_STYLE = "border: 2px solid #d68910; border-radius: 3px;"


def narrow_combo() -> QComboBox:
    """A combo whose width does not grow with its longest entry (long unit names)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    return combo


def refill(combo: QComboBox, choices: Sequence[tuple[Any, str]], *, empty: bool = True) -> int:
    """Put ``choices`` ([(data, text)]) in ``combo``, after «—» when ``empty``, without a change
    signal; the current choice stays chosen when it is still there. Its new index, -1 when gone
    (the first entry is then chosen)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if empty:
        combo.addItem("—", None)
    for data, text in choices:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    return index


def tr(text: str) -> str:
    """Translate a user text. pyside6-lupdate files module-level ``tr("...")`` calls under the
    empty context, so the lookup uses that context too."""
    return QCoreApplication.translate("", text)


class InputError(OffaError, ValueError):
    """What was typed cannot be read as a value of the field (French message)."""

    code = "unreadable"


class Field(QObject):
    """One editor: ``widget`` (what the layout holds), ``value()``/``set_value()`` in API form,
    ``show_problem()``.

    Signals: ``edited()`` whenever the user changes the value.
    """

    edited = Signal()

    def __init__(self, editor: QWidget, label: str) -> None:
        super().__init__(editor)
        self.editor = editor
        self.label = label
        self.widget = QWidget()
        box = QVBoxLayout(self.widget)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        self.message = QLabel(self.widget)
        self.message.setWordWrap(True)
        self.message.setObjectName("field-message")
        self.message.hide()
        box.addWidget(self.message)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_problem(self, text: str | None, *, warning: bool = False) -> None:
        """Highlight the editor and show ``text`` under it (None clears)."""
        if not text:
            self.editor.setStyleSheet("")
            self.editor.setToolTip("")
            self.message.hide()
            self.message.clear()
            return
        self.editor.setStyleSheet(WARNING_STYLE if warning else ERROR_STYLE)
        self.editor.setToolTip(text)
        colour = "#9a5b00" if warning else "#a93226"
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)
        self.message.show()

    def _fail(self, what: str) -> InputError:
        return InputError(f"{self.label[:1].upper()}{self.label[1:]}\u00a0: {what}")


class TextField(Field):
    """Free text; empty means null."""

    def __init__(
        self, label: str, *, placeholder: str = "", display: Callable[[str], str] | None = None
    ) -> None:
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        super().__init__(self.line, label)
        self._display = display
        self.line.textEdited.connect(self.edited)

    def value(self) -> Any:
        text = self.line.text().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        """Shows ``value`` (an identifier in its readable form when ``display`` is given)."""
        if value is None:
            self.line.setText("")
        else:
            self.line.setText(self._display(str(value)) if self._display else str(value))


class LongTextField(Field):
    """Notes and comments on several lines."""

    def __init__(self, label: str) -> None:
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(72)
        super().__init__(self.text, label)
        self.text.textChanged.connect(self.edited)

    def value(self) -> Any:
        text = self.text.toPlainText().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self.text.setPlainText("" if value is None else str(value))


class DateField(TextField):
    """A date typed the way people write it (``31/08/2026``, ``31082026``, ``31/8/26``,
    ``demain``: :func:`~offa_desktop.domain.values.parse_date_fr`), held as ``"YYYY-MM-DD"``
    and shown back as ``31/08/2026`` once the cursor leaves the field, so the person sees
    which date was understood."""

    def __init__(self, label: str) -> None:
        super().__init__(label, placeholder=tr("jj/mm/aaaa"))
        self.line.setMaximumWidth(140)
        self.line.editingFinished.connect(self._tidy)

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        try:
            return parse_date_fr(text).isoformat()
        except ValueError as exc:
            raise self._fail(tr("date illisible, écrire par ex. 31/08/2026, 31/8/26, 31082026 "
                                "ou «\u00a0demain\u00a0».")) from exc

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else date_fr(value))

    def _tidy(self) -> None:
        try:
            value = self.value()
        except InputError:
            return
        shown = "" if value is None else date_fr(value)
        if shown != self.line.text():
            self.line.setText(shown)


class NumberField(TextField):
    """A whole number (``int``) or, with ``decimals``, hours (``7,5``) as a number."""

    def __init__(self, label: str, *, decimals: bool = False) -> None:
        super().__init__(label)
        self.decimals = decimals
        self.line.setMaximumWidth(120)

    def value(self) -> Any:
        text = self.line.text().strip().replace(",", ".")
        if not text:
            return None
        if not self.decimals:
            if not re.fullmatch(r"-?\d+", text):
                raise self._fail(tr("un nombre entier est attendu."))
            return int(text)
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise self._fail(tr("un nombre est attendu (ex. 7,5).")) from exc
        return int(number) if number == number.to_integral_value() else float(number)

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value).replace(".", ","))


class MoneyField(TextField):
    """Euros typed ``612,34`` (or ``612.34``), held as ``"612.34"``."""

    def __init__(self, label: str) -> None:
        super().__init__(label, placeholder="0,00")
        self.line.setMaximumWidth(140)

    def value(self) -> Any:
        text = self.line.text().strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
        if not text:
            return None
        text = text.replace(",", ".")
        if not re.fullmatch(r"\d{1,9}(\.\d{1,2})?", text):
            raise self._fail(tr("un montant en euros est attendu (ex. 612,34)."))
        return f"{Decimal(text):.2f}"

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value).replace(".", ","))


class ChoiceField(Field):
    """One of ``choices`` ([(code, French name)]), with an empty first entry unless
    ``required_choice``."""

    def __init__(
        self, label: str, choices: Sequence[tuple[str, str]], *, empty: bool = True
    ) -> None:
        self.combo = narrow_combo()
        super().__init__(self.combo, label)
        self._empty = empty
        self.set_choices(choices)
        self.combo.currentIndexChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        self.edited.emit()

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        refill(self.combo, choices, empty=self._empty)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))


class BoolField(Field):
    """A yes/no box; unchecked is ``False``."""

    def __init__(self, label: str, text: str = "") -> None:
        self.box = QCheckBox(text)
        super().__init__(self.box, label)
        self.box.toggled.connect(lambda _on: self.edited.emit())

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChecksField(Field):
    """Several records ticked in a list (``refs``): value is the list of ticked ids or None."""

    def __init__(self, label: str) -> None:
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        super().__init__(self.list, label)
        self.list.itemChanged.connect(lambda _i: self.edited.emit())

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        ticked = set(self.value() or [])
        self.list.blockSignals(True)
        self.list.clear()
        for record_id, text in choices:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if record_id in ticked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)

    def value(self) -> Any:
        ids = [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return ids or None

    def set_value(self, value: Any) -> None:
        wanted = set(value or [])
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )
