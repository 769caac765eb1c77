<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_BE">
<context>
    <name></name>
    <message>
        <source>Modifications non enregistrées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette fiche a des modifications non enregistrées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandonner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n problème(s) à corriger avant d&apos;enregistrer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérifié à la synchronisation&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrement impossible&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>désigné et agréé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>désigné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conditions non remplies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacité d&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unités d&apos;établissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Localité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Région</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter une unité…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuteurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casier judiciaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un tuteur…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrez d&apos;abord l&apos;entreprise pour ajouter ses unités et ses tuteurs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n apprenant(s) à la fois au plus (autant que de travailleurs, 1 sans travailleur)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unité d&apos;établissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition et preuves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A — 5 ans d&apos;expérience dans le métier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B — diplôme pédagogique ou certificat de tuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C — titre de validation de tuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>titre IFAPME / SFPME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>déclaré agréé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuteur désigné&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuteur agréé&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non (5 ans et 8 h de formation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extrait de casier judiciaire (modèle II) manquant&#xa0;: requis pour un agrément et un contrat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jj/mm/aaaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date invalide, écrire jj/mm/aaaa (ex. 31/08/2026).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>un nombre entier est attendu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>un nombre est attendu (ex. 7,5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>un montant en euros est attendu (ex. 612,34).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apprenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvel apprenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Âge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opérateur et contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Représentant légal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NISS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requis tant que l&apos;apprenant est mineur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ans (né(e) le %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — mineur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apprenant mineur&#xa0;: le représentant légal est requis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facultatif&#xa0;: l&apos;apprenant est majeur.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>À propos d&apos;OFFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;OFFA – Poste de travail de l&apos;alternance&lt;/h3&gt;&lt;p&gt;Version %1 — licence %2&lt;/p&gt;&lt;p&gt;Copie de travail locale, synchronisation OPLA et impression des formulaires pour les opérateurs de la formation en alternance.&lt;/p&gt;&lt;p&gt;Python %3, Qt %4%5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (installation autonome)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composants inclus et leurs licences :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreaView</name>
    <message>
        <source>%1 : tous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fiche(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Erreur inattendue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un rapport a été enregistré dans :
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le rapport n&apos;a pas pu être enregistré ; copiez-le ci-dessous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le poste de travail a rencontré une erreur inattendue. Vos données enregistrées sont intactes ; la dernière action a peut-être échoué.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

Transmettez ce rapport au support pour que l&apos;erreur soit corrigée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copier le rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitter l&apos;application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Connexion au serveur OPLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se connecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>le serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;utilisateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquez %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connexion en cours…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OFFA – Poste de travail de l&apos;alternance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne · copie de travail locale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barre d&apos;outils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchroniser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchroniser avec le serveur (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher un apprenant, une entreprise, un contrat… (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À &amp;propos d&apos;OFFA</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>%1 — fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation :</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Aucun résultat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>%v sur %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se &amp;connecter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se &amp;déconnecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation indisponible : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non connecté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 en attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 conflit(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refusée(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synchronisé le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jamais synchronisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation terminée à %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se déconnecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 modification(s) n&apos;ont pas encore été envoyées. Elles restent dans la copie de travail et partiront à la prochaine connexion avec ce compte.

Se déconnecter quand même ?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Démarrage impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La copie de travail n&apos;a pas pu être ouverte :
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>areas</name>
    <message>
        <source>Synchro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entreprises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N° d&apos;entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travailleurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agréments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Métier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opérateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demandé le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Décidé le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prévue le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitée le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apprenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naissance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Localité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apprenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Début</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Région</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incitants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Année scolaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Montant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>projet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspendu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rompu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demandé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>octroyé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retiré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prévue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>effectuée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annulée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agrément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suivi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>à vérifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>éligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non éligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approuvée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synchronisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>favorable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>défavorable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sous conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P1 (Wallonie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2 (Wallonie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apprenant (Wallonie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tuteur (Bruxelles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apprenant (Bruxelles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallonie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bruxelles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expérience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diplôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
