"""Help > À propos: the version of the app and the licences of the components it ships with.

Versions and licences are read from the installed distributions (``importlib.metadata``; the
bundle carries the metadata of every distribution in :data:`COMPONENTS`, see build.spec), so the
box always tells what is really shipped. The fonts' licence is the file shipped beside them.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from offa_desktop import resources, version
from offa_desktop.ui.dialogs import close_buttons
from offa_desktop.ui.tables import read_only_table

if TYPE_CHECKING:  # importlib.metadata is imported when the box opens, not at start-up
    from importlib import metadata

# (distribution, shown name, licence when the metadata names none or several to choose from)
COMPONENTS: tuple[tuple[str, str, str | None], ...] = (
    ("PySide6-Essentials", "Qt / Qt for Python (PySide6)", "LGPL-3.0 (Qt utilisé sous LGPLv3)"),
    ("PySide6-Pdf", "Qt PDF (PySide6-Pdf)", "LGPL-3.0 (Qt utilisé sous LGPLv3)"),
    ("shiboken6", "Shiboken6", "LGPL-3.0 (utilisé sous LGPLv3)"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("reportlab", "ReportLab", "BSD"),
    ("segno", "Segno (codes QR)", "BSD-3-Clause"),
    ("zxing-cpp", "zxing-cpp (lecture des codes QR scannés)", "Apache-2.0"),
    ("pypdfium2", "pypdfium2 / PDFium (pages scannées)", "Apache-2.0 / BSD-3-Clause"),
    ("pillow", "Pillow (images)", "MIT-CMU"),
    ("requests", "Requests", "Apache-2.0"),
    ("urllib3", "urllib3", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("python-stdnum", "python-stdnum", "LGPL-2.1-or-later"),
    ("platformdirs", "platformdirs", "MIT"),
    ("Faker", "Faker", "MIT"),
    ("fastapi", "FastAPI", "MIT"),
    ("starlette", "Starlette", "BSD-3-Clause"),
    ("uvicorn", "Uvicorn", "BSD-3-Clause"),
    ("pydantic", "Pydantic", "MIT"),
    ("orjson", "orjson", "MPL-2.0 AND (Apache-2.0 OR MIT)"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
)
FONTS_LICENCE = ("fonts", "LICENSE-DejaVu.txt")
APP_LICENCE = "EUPL-1.2"


@dataclass(frozen=True)
class Component:
    """One shipped component: name, version ("" if absent) and licence."""

    name: str
    version: str
    licence: str


def licence_of(dist: metadata.Distribution, fallback: str | None) -> str:
    """SPDX ``License-Expression``, else a short ``License`` field, else the classifiers."""
    meta = dist.metadata
    if fallback and "LGPL" in fallback:
        return fallback  # several licences offered: say the one the app uses
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    short = str(meta.get("License") or "").strip()
    if short and "\n" not in short and len(short) <= 40:
        return short
    classifiers = [c.split(" :: ")[-1] for c in (meta.get_all("Classifier") or [])
                   if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    return fallback or "?"


def components() -> list[Component]:
    """The shipped components that are present, with version and licence, then the fonts."""
    from importlib import metadata

    found: list[Component] = []
    for dist_name, shown, fallback in COMPONENTS:
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            continue  # not installed here (e.g. a platform-specific wheel)
        found.append(Component(shown, dist.version, licence_of(dist, fallback)))
    try:
        resources.path(*FONTS_LICENCE)
        found.append(Component("Polices DejaVu", "2.37", "Licence des polices DejaVu "
                               "(Bitstream Vera, domaine public pour les ajouts)"))
    except FileNotFoundError:
        pass
    found.append(Component("Python", platform.python_version(), "PSF-2.0"))
    return found


def app_icon() -> QIcon:
    """The app's icon (the SVG, PNG as a fallback); an empty icon if neither is shipped."""
    for name in ("offa.svg", "offa.png"):
        try:
            return QIcon(str(resources.path("icons", name)))
        except FileNotFoundError:
            continue
    return QIcon()


class AboutDialog(QDialog):
    """The About box: name, version, licence, and the table of shipped components."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("À propos d'OFFA"))
        self.setWindowIcon(app_icon())
        layout = QVBoxLayout(self)
        self.header = QLabel(
            self.tr("<h3>OFFA – Poste de travail de l'alternance</h3>"
                    "<p>Version %1 — licence %2</p>"
                    "<p>Copie de travail locale, synchronisation OPLA et impression des "
                    "formulaires pour les opérateurs de la formation en alternance.</p>"
                    "<p>Python %3, Qt %4%5</p>")
            .replace("%1", version())
            .replace("%2", APP_LICENCE)
            .replace("%3", platform.python_version())
            .replace("%4", qVersion())
            .replace("%5", self.tr(" (installation autonome)")
                     if getattr(sys, "frozen", False) else "")
        )
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        layout.addWidget(QLabel(self.tr("Composants inclus et leurs licences :")))
        rows = components()
        self.table = read_only_table(
            [self.tr("Composant"), self.tr("Version"), self.tr("Licence")],
            [(c.name, c.version, c.licence) for c in rows],
        )
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumSize(560, 300)
        layout.addWidget(self.table)
        buttons = close_buttons(self)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About box (modal to ``parent``)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
