"""What the window says about sync: the status line, the progress bar's words, what a repair
did."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files tr("…") calls there


def status_line(status: Any, online: bool | None) -> str:
    """The status bar's sync line: connection, user, counts (conflicts and refusals as links to
    their lists), last sync."""
    if status.server is None:
        parts = [tr("Non connecté")]
    elif not getattr(status, "signed_in", True):
        parts = [tr("Déconnecté")]
    elif online is False:
        parts = [tr("Hors ligne")]
    else:
        parts = [tr("En ligne") if online else tr("Connecté")]
    if status.username:
        parts.append(html.escape(status.username))
    parts.append(tr("%1 en attente").replace("%1", str(status.pending)))
    conflicts = tr("%1 conflit(s)").replace("%1", str(status.conflicts))
    rejected = tr("%1 refusée(s)").replace("%1", str(status.rejected))
    # links open the lists to settle (the label is rich text)
    parts.append(f'<a href="open_conflicts">{conflicts}</a>' if status.conflicts else conflicts)
    parts.append(f'<a href="open_rejected">{rejected}</a>' if status.rejected else rejected)
    if status.last_sync is not None:
        local = status.last_sync.astimezone()
        parts.append(
            tr("synchronisé le %1").replace("%1", local.strftime("%d/%m/%Y %H:%M"))
        )
    else:
        parts.append(tr("jamais synchronisé"))
    return " · ".join(parts)


def progress_format(phase: str) -> str:
    """The progress bar's format during ``phase`` («Réception %v sur %m»)."""
    labels = {
        "push": tr("Envoi"),
        "documents": tr("Envoi des documents"),
        "pull": tr("Réception"),
        "resync": tr("Vérification"),
    }
    return f"{labels.get(phase, phase)} %v " + tr("sur") + " %m"


def repaired(repaired: dict[str, int]) -> str:
    """What a repair did, in French: "... Tuteurs : 1 ; Entreprises : 2 ..."."""
    # at a repair, not with the window: the schema is not needed before the first paint
    from offa_desktop.domain.problems import cap
    from offa_desktop.domain.schema import COLLECTIONS

    parts = [
        f"{cap(COLLECTIONS[c].label) if c in COLLECTIONS else c}\u00a0: {n}"
        for c, n in sorted(repaired.items())
    ]
    return tr(
        "La vérification a trouvé des fiches de la copie de travail différentes de "
        "celles du serveur et les a rétablies comme sur le serveur (%1). Vos "
        "modifications non envoyées et vos conflits sont conservés ; le détail est "
        "dans le journal."
    ).replace("%1", " ; ".join(parts))
