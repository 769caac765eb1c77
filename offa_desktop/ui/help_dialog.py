"""The Aide menu: every keyboard shortcut in one list, a short French guide of the two
everyday tasks, and (in the demo) the demo accounts with their passwords.

The shortcut list is read from the window's own menus when it opens, so it can never forget an
action another part of the app added; the keys that work inside a form (the wizard, the visit
report) are listed beside them.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.ui.dialogs import close_buttons
from offa_desktop.ui.tables import read_only_table


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files tr("…") calls there


# Keys that work inside forms and lists (not menu actions): where, key, what.
IN_FORMS = (
    ("Listes", "↓ ↑, Entrée", "choisir une ligne, l'ouvrir"),
    ("Listes et recherche", "Échap", "fermer les résultats de la recherche"),
    ("Fiches", "Ctrl+S", "enregistrer"),
    ("Fiches", "Échap", "fermer (les modifications non enregistrées sont demandées)"),
    ("Nouveau contrat", "↓ ↑ dans la recherche", "prendre un autre apprenant ou une autre unité"),
    ("Nouveau contrat", "Entrée", "étape suivante (ou aller à ce qui manque)"),
    ("Nouveau contrat", "Alt+P", "étape précédente"),
    ("Nouveau contrat", "Ctrl+P", "enregistrer et imprimer le dossier"),
    ("Rapport de visite", "E (statut)", "visite effectuée : date du jour, puis la grille"),
    ("Rapport de visite", "O, N, S", "oui, non, sans objet pour le point, puis le suivant"),
    ("Rapport de visite", "F, D, S (avis)", "favorable, défavorable, sous conditions"),
    ("Dates", "01092027, 1/9/27, demain", "une date s'écrit comme on veut"),
)

GUIDE = """
<h2>Deux tâches de tous les jours, au clavier</h2>

<h3>Établir un contrat et imprimer son dossier (secrétariat)</h3>
<ol>
<li><b>{contracts}</b> (Contrats), puis <b>Ctrl+N</b> : l'assistant s'ouvre sur l'apprenant.</li>
<li>Tapez le début de son nom : le meilleur résultat est choisi ; <b>↓ ↑</b> pour un autre.
Un contrat en cours est signalé en orange, avec la première date possible.
<b>Entrée</b>.</li>
<li>Tapez le nom de l'entreprise : l'agrément et le tuteur sont proposés quand il n'y a
qu'un choix (sinon <b>Tab</b> pour les choisir). La capacité d'accueil est affichée.
<b>Entrée</b>.</li>
<li>Dates de début et de fin, au choix <i>01092027</i>, <i>1/9/27</i> ou <i>demain</i>
(<b>Tab</b> entre les deux). Le signataire habituel de l'entreprise et l'opérateur de
l'apprenant sont repris. La ligne en gras dit ce qui manque encore. <b>Entrée</b>.</li>
<li>Niveau et rétribution : le minimum légal est proposé. <b>Entrée</b>.</li>
<li>Vérification : <b>Ctrl+P</b> enregistre et imprime. Une ligne en haut de la liste dit où
se trouve le PDF, et il s'ouvre. Un projet qui ne peut pas encore être signé s'imprime avec
«&nbsp;PROJET&nbsp;» et la liste de ce qui manque.</li>
</ol>

<h3>Remplir un rapport de visite (coach)</h3>
<ol>
<li><b>{visits}</b> (Visites) : vos visites prévues, la prochaine en premier. <b>Entrée</b>
l'ouvre : l'en-tête rappelle l'entreprise, l'unité, le métier et l'agrément.</li>
<li><b>E</b> : visite effectuée, datée d'aujourd'hui ; le curseur passe au premier point.</li>
<li>Un point, une touche : <b>O</b> oui, <b>N</b> non, <b>S</b> sans objet ; <b>Tab</b>
pour ajouter une note au point.</li>
<li>Avis : <b>F</b> favorable, <b>D</b> défavorable, <b>S</b> sous conditions.
<b>Ctrl+S</b> enregistre. Sans avis, le rapport est signalé incomplet.</li>
</ol>
<p>Tout est enregistré dans la copie de travail de cet ordinateur, même sans réseau ;
<b>F5</b> envoie au serveur. Les visites d'un autre coach s'ouvrent en lecture seule.</p>
"""


def guide_html(window: Any) -> str:
    """The guide with this window's area shortcuts (Ctrl+n follows the navigation)."""
    keys = list(getattr(window, "nav_keys", []))

    def key(area: str) -> str:
        return f"Ctrl+{keys.index(area) + 1}" if area in keys[:9] else area

    return GUIDE.replace("{contracts}", key("contracts")).replace("{visits}", key("visits"))


def menu_shortcuts(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, shortcut, action) of every menu action of ``window`` that has a shortcut."""
    found: list[tuple[str, str, str]] = []
    bar = getattr(window, "menuBar", None)
    if bar is None:
        return found

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} › {_plain(sub.title())}")
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in action.shortcuts() if not k.isEmpty()]
            if keys:
                found.append((path, ", ".join(keys), _plain(action.text())))

    for top in bar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(menu.title()))
    return found


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks and dots: «&Nouvelle fiche…» -> «Nouvelle
    fiche»."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ShortcutsDialog(QDialog):
    """Every shortcut: the menus' (read from the window), then the keys inside forms."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts-dialog")
        self.setWindowTitle(tr("Raccourcis clavier"))
        rows = [(m, k, a) for m, k, a in menu_shortcuts(window)]
        rows += [(tr(w), tr(k), tr(a)) for w, k, a in IN_FORMS]
        headers = [tr("Où"), tr("Touches"), tr("Action")]
        self.table = read_only_table(headers, rows, self, select_rows=True)
        self.table.setObjectName("shortcuts-table")
        self.table.resizeColumnsToContents()
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 620)


class TextDialog(QDialog):
    """A page of help text (the guide, the demo accounts)."""

    def __init__(self, title: str, body: str, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(body)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 640)


def demo_accounts_html() -> str:
    """The demo accounts, their role and password (they only open the embedded demo server)."""
    from offa_desktop.demo.accounts import DEMO_ACCOUNTS

    roles = {"secretariat": tr("secrétariat"), "coach": tr("coach sectoriel"),
             "offa": tr("OFFA")}
    rows = "".join(
        f"<tr><td><b>{html.escape(a.username)}</b></td><td><code>{html.escape(a.password)}"
        f"</code></td><td>{html.escape(roles.get(a.role, a.role))}</td>"
        f"<td>{html.escape(a.display_name)}</td></tr>"
        for a in DEMO_ACCOUNTS
    )
    return (
        "<h3>" + html.escape(tr("Comptes de démonstration")) + "</h3><p>"
        + html.escape(tr("Ils n'ouvrent que le serveur de démonstration intégré "
                         "(offa-desktop --demo). Pour changer de compte : Synchronisation › "
                         "Se connecter…, ou offa-desktop --demo --demo-user coach."))
        + "</p><table cellpadding='4'><tr><th align='left'>" + html.escape(tr("Utilisateur"))
        + "</th><th align='left'>" + html.escape(tr("Mot de passe")) + "</th><th align='left'>"
        + html.escape(tr("Rôle")) + "</th><th align='left'>" + html.escape(tr("Nom"))
        + "</th></tr>" + rows + "</table>"
    )


def _show(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
