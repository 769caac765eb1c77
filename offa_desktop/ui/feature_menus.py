"""The menu items of the window's feature dialogs (print, export, import, duplicates, help).

The items are made with the window, before its first paint; each dialog's module (and what it
imports: ops.export, the import tables, the print preview) is imported when its item is
chosen, not at start-up. The words keep their dialog's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from offa_desktop.ui.dialogs import file_menu_action

# The imports inside the functions below are for start-up time (see the module's docstring).


def install_print(context: Any, window: Any) -> None:
    """Add the Impression menu to ``window`` (ui/print_actions.py)."""

    def print_selected() -> None:
        from offa_desktop.ui import print_actions

        print_actions.print_selected(context, window)

    def print_list() -> None:
        from offa_desktop.ui import print_actions

        print_actions.print_list(context, window)

    def blank(kind: str) -> None:
        from offa_desktop.ui.print_preview import preview_record

        preview_record(context, kind, None, window)

    menu = QMenu(QCoreApplication.translate("PrintActions", "&Impression"), window)
    window.menuBar().insertMenu(window.menu_help.menuAction(), menu)
    window.menu_print = menu
    selected = menu.addAction(QCoreApplication.translate("PrintActions", "Aperçu et impression…"))
    selected.setObjectName("action-print")
    selected.setShortcut(QKeySequence("Ctrl+P"))
    selected.triggered.connect(print_selected)
    batch = menu.addAction(QCoreApplication.translate("PrintActions", "Imprimer toute la liste…"))
    batch.setObjectName("action-print-batch")
    batch.triggered.connect(print_list)
    menu.addSeparator()
    for kind, label in (
        ("blank-contract", QCoreApplication.translate("PrintActions", "Contrat vierge")),
        ("blank-visit", QCoreApplication.translate("PrintActions", "Rapport de visite vierge")),
    ):
        action = menu.addAction(label)
        action.triggered.connect(lambda _=False, k=kind: blank(k))


def install_export(context: Any, window: Any) -> None:
    """Add "Exporter…" (Ctrl+E) to the Fichier menu, before Quitter (ui/export_dialog.py)."""

    def ask_and_export() -> None:
        from offa_desktop.ui import export_dialog

        export_dialog.ask_and_export(context, window)

    action = window.menu_file.addAction(
        QCoreApplication.translate("ExportDialog", "&Exporter la liste…"))
    action.setObjectName("action-export")
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.triggered.connect(ask_and_export)
    window.menu_file.removeAction(window.quit_action)
    window.menu_file.addAction(window.quit_action)
    window.export_action = action


def install_import(context: Any, window: Any) -> None:
    """Add "Importer une liste…" to the Fichier menu, before Quitter (ui/import_dialog.py)."""

    def show() -> None:
        from offa_desktop.ui import import_dialog

        import_dialog.show(context, window)

    window.import_list_action = file_menu_action(
        window, QCoreApplication.translate("ImportDialog", "Importer une &liste (CSV, Excel)…"),
        "action-import-list", show, "Ctrl+Shift+L")  # fmt: skip


def install_duplicates(context: Any, window: Any) -> None:
    """Add «Doublons possibles…» to the Fichier menu, before Quitter
    (ui/duplicates_dialog.py)."""

    def show() -> None:
        from offa_desktop.ui import duplicates_dialog

        duplicates_dialog.show(context, window)

    file_menu_action(window, QCoreApplication.translate("DuplicatesDialog",
                                                        "&Doublons possibles…"),
                     "action-duplicates", show)  # fmt: skip


def install_help(context: Any, window: Any) -> None:
    """Fill the Aide menu: shortcuts (F1 opens the guide), demo accounts in the demo
    (ui/help_dialog.py)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("", text)  # help_dialog's context

    def show(which: str) -> None:
        from offa_desktop.ui import help_dialog as h

        dialog: QDialog
        if which == "guide":
            dialog = h.TextDialog(tr("Guide"), h.guide_html(window), window, "guide-dialog")
        elif which == "keys":
            dialog = h.ShortcutsDialog(window)
        else:
            dialog = h.TextDialog(tr("Comptes de démonstration"), h.demo_accounts_html(),
                                  window, "demo-accounts")  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    menu: QMenu = window.menu_help
    guide = QAction(tr("&Guide : contrat et visite au clavier"), window)
    guide.setObjectName("action-guide")
    guide.setShortcut(QKeySequence(Qt.Key.Key_F1))
    guide.triggered.connect(lambda: show("guide"))
    keys = QAction(tr("&Raccourcis clavier"), window)
    keys.setObjectName("action-shortcuts")
    keys.setShortcut(QKeySequence("Ctrl+/"))
    keys.triggered.connect(lambda: show("keys"))
    added = [guide, keys]
    if getattr(context, "demo", None) is not None:
        accounts = QAction(tr("Comptes de &démonstration"), window)
        accounts.setObjectName("action-demo-accounts")
        accounts.triggered.connect(lambda: show("accounts"))
        added.append(accounts)
    present = menu.actions()
    if present:  # first in the menu, above what was there
        menu.insertActions(present[0], added)
        menu.insertSeparator(present[0])
    else:
        menu.addActions(added)
    context.extras["help"] = (guide, keys)
