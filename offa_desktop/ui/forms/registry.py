"""Which form opens a record of which collection: ``open_record`` for the lists' double-click
and Enter, and for the menus' "Nouveau..." actions (``record_id`` None)."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

# collection -> (module under offa_desktop.ui.forms, class name)
FORMS: dict[str, tuple[str, str]] = {
    "learners": ("learner", "LearnerForm"),
    "companies": ("company", "CompanyForm"),
    "establishment_units": ("company", "UnitForm"),
    "tutors": ("company", "TutorForm"),
    "contracts": ("contract_wizard", "ContractWizard"),
}


def form_class(collection: str) -> type[QDialog] | None:
    """The form class of a collection, or None when none exists."""
    found = FORMS.get(collection)
    if found is None:
        return None
    module = importlib.import_module(f"offa_desktop.ui.forms.{found[0]}")
    cls: type[QDialog] = getattr(module, found[1])
    return cls


def open_record(
    context: Any, collection: str, record_id: str | None, parent: QWidget | None
) -> QDialog | None:
    """Open (show, non-modal) the form of a record, or of a new one when ``record_id`` is None;
    returns it, or None when the collection has no form. Saving emits the ChangeSet through
    ``context.tasks.data_changed`` so the lists refresh."""
    cls = form_class(collection)
    if cls is None:
        return None
    dialog = cls(context, record_id, parent)  # type: ignore[call-arg]
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
