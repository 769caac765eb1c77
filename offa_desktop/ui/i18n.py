"""Translations: Qt's own French strings, the app's ``.qm`` and a pseudo-localisation switch.

The app's user texts are written in French in ``tr()`` calls; ``resources/translations`` holds
the Qt Linguist sources (``.ts``, extracted with ``pyside6-lupdate``) and the compiled ``.qm``
(``python -m offa_desktop.ui.i18n build``). The pseudo-locale (``OFFA_PSEUDO_L10N=1`` or the
setting) replaces every text by a longer accented version between brackets, to find layouts that
clip text and strings that escape ``tr()`` (as Vorta's i18n module does).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from offa_desktop import resources

APP_CATALOGUE = "offa_fr_BE"
PSEUDO_CATALOGUE = "offa_pseudo"
PSEUDO_ENV = "OFFA_PSEUDO_L10N"
_installed: list[QTranslator] = []


def install(app: QCoreApplication, pseudo: bool | None = None) -> None:
    """Install the French translators (and the pseudo one when asked) on ``app``."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Belgium))
    if pseudo is None:
        pseudo = os.environ.get(PSEUDO_ENV, "") not in ("", "0")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues: list[tuple[str, str]] = [("qtbase_fr", qt_dir)]
    try:
        folder = str(resources.path("translations"))
        catalogues.append((PSEUDO_CATALOGUE if pseudo else APP_CATALOGUE, folder))
    except FileNotFoundError:
        pass
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)


# --- build step (developer tool, no Qt application needed) -----------------------------------

_ACCENTS = str.maketrans("aeiouAEIOUcnyCNY", "àéîõüÅÉÎÕÜçñÿÇÑŸ")
_PLACEHOLDER = re.compile(r"(%\d+|%n|\{[^}]*\}|&(?=\w))")


def pseudo_text(text: str) -> str:
    """``"Contrats"`` -> ``"[Çõñtràçts ~~~]"``: accented, a third longer, placeholders kept."""
    parts = _PLACEHOLDER.split(text)
    out = "".join(p if _PLACEHOLDER.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    return "[" + out + " " + "~" * max(1, len(text) // 3) + "]"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent)
    )
    if not found:
        raise SystemExit(f"pyside6-{name} introuvable (installez PySide6)")
    return found


def build(folder: Path | None = None, update_sources: bool = True) -> list[Path]:
    """Extract the ``.ts`` from the code (lupdate), derive the pseudo ``.ts``, compile both."""
    folder = folder or resources.path("translations")
    package = Path(__file__).resolve().parent.parent
    ts = folder / f"{APP_CATALOGUE}.ts"
    if update_sources:
        sources = [str(p) for p in sorted(package.rglob("*.py")) if "ui" in p.parts]
        sources.append(str(package / "app.py"))
        subprocess.run(
            [_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
            check=True,
            capture_output=True,
        )
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        translation.text = pseudo_text(source)
    tree.getroot().set("language", "fr_BE")
    pseudo_ts = folder / f"{PSEUDO_CATALOGUE}.ts"
    tree.write(pseudo_ts, encoding="utf-8", xml_declaration=True)
    built = []
    for source_ts in (ts, pseudo_ts):
        qm = source_ts.with_suffix(".qm")
        subprocess.run(
            [_tool("lrelease"), str(source_ts), "-qm", str(qm)], check=True, capture_output=True
        )
        built.append(qm)
    return built


if __name__ == "__main__":  # python -m offa_desktop.ui.i18n build
    if sys.argv[1:] != ["build"]:
        raise SystemExit("usage: python -m offa_desktop.ui.i18n build")
    for made in build():
        sys.stdout.write(f"{made}\n")
