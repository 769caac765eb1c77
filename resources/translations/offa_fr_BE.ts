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
        <source>Cette fiche a des modifications non enregistrées, qui ne peuvent pas être enregistrées telles quelles&#xa0;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir corriger</source>
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
        <source>Abandonner les modifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export de la liste…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ligne(s) exportée(s) dans %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;export n&apos;a pas pu être écrit : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une liste : l&apos;export reprend la liste affichée, avec ses filtres et son tri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx);;CSV pour Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette fiche n&apos;existe plus dans la copie de travail (supprimée ou pas encore synchronisée).</source>
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
        <source>Enregistré dans la copie de travail&#xa0;: %1 (envoi à la prochaine synchronisation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fiche</source>
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
        <source>Cette entreprise n&apos;est plus dans la copie de travail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une entreprise dans la liste pour voir ses unités d&apos;établissement et ses tuteurs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacité %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacité inconnue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 travailleur(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contrat(s) en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primes (contrats en cours) : </source>
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
        <source>Retirer l&apos;agrément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce retrait met fin à %n contrat(s) en cours dans ce métier&#xa0;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les ruptures sont enregistrées à la synchronisation. Confirmer le retrait&#xa0;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agrément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle demande d&apos;agrément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction et décision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Visites&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planifier une visite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commentaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 travailleur(s)&#xa0;: %2 apprenant(s) à la fois au plus dans l&apos;entreprise, %3 en cours (copie locale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce retrait mettra fin à %n contrat(s) en cours&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leurs ruptures (motif «&#xa0;retrait de l&apos;agrément&#xa0;») sont enregistrées à la synchronisation.</source>
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
        <source>Incitants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle demande d&apos;incitant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les demandes d&apos;incitants sont créées par l&apos;OFFA.</source>
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
        <source>date illisible, écrire par ex. 31/08/2026, 31/8/26, 31082026 ou «&#xa0;demain&#xa0;».</source>
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
        <source>Rechercher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apprenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapez le début du nom (ou le NISS, la localité) : le meilleur résultat est choisi, ↓ ↑ pour en prendre un autre, Entrée pour continuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher un apprenant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun apprenant ne correspond à « %1 ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Né(e) le %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mineur sans représentant légal&#xa0;: à compléter dans sa fiche avant la signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mineur, représenté par %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A déjà un %1, sans date de fin : un seul contrat à la fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A déjà un %1 : le nouveau contrat commencera au plus tôt le %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lieu de formation, agrément et tuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seules les unités ayant un agrément accordé et les tuteurs désignés avec leur extrait de casier judiciaire sont proposés. ↓ ↑ dans les résultats, Tab pour l&apos;agrément et le tuteur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher une entreprise ou une unité d&apos;établissement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Unité d&apos;établissement&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Agrément accordé (métier)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Tuteur&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune unité avec un agrément accordé ne correspond à « %1 ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entreprise&#xa0;: %1 contrat(s) en cours pour %2 place(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(copie locale, %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avant la signature&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corriger ce qui est en rouge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour continuer&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Métier, dates et horaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates au choix&#xa0;: 01/09/2027, 1/9/27, 01092027 ou «&#xa0;demain&#xa0;».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Période d&apos;essai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Grille horaire hebdomadaire de référence&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En entreprise&#xa0;: %1 h par semaine (20 h au moins) — avec les cours&#xa0;: %2 h (%3 h au plus) — %4 h par jour au plus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niveau et rétribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le minimum vient des barèmes datés en vigueur à la date de début.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aucun barème en vigueur à cette date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 du RMMMG de %3, au %4)</source>
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
        <source>Nouveau contrat pour cet apprenant…</source>
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
    <message>
        <source>JSON invalide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflits à régler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la résolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun conflit à régler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette fiche a été modifiée ici et sur le serveur. Pour chaque champ, gardez votre valeur, celle du serveur, ou tapez-en une autre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma valeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valeur du serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autre valeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le serveur a supprimé cette fiche alors que vous la modifiiez. Garder la vôtre la recrée (nouvelle fiche)&#xa0;; accepter la suppression abandonne vos modifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous avez supprimé cette fiche alors qu&apos;elle était modifiée sur le serveur. Garder la vôtre confirme la suppression&#xa0;; accepter garde la fiche du serveur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rétablir la fiche avec mes valeurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepter la suppression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmer ma suppression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>garder la fiche du serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résolution impossible&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifications refusées par le serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir la fiche…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renvoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandonner cette modification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>création</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suppression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusée par le serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandonner les modifications interdites (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le serveur les refuse pour votre rôle : elles ne pourront jamais être envoyées. Chaque fiche reprend l&apos;état du serveur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistré&#xa0;: envoyé à la prochaine synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrat du %1 au %2, niveau %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calcul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initiative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;apprenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>les deux parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date de notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>préavis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presté (sinon indemnité)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>référent consulté le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fin prévue de la suspension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nouveau niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nouvelle rétribution mensuelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date de l&apos;avis du tuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le référent décide du changement de niveau après l&apos;avis du tuteur&#xa0;; la date d&apos;effet est celle de sa décision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nouvelle date de fin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nouveau tuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nouveau référent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nouveau signataire pour l&apos;entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune prime P2 en jeu pour ce contrat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préavis calculé dès la date de notification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pendant la période d&apos;essai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>après la période d&apos;essai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préavis de %1 jours (notifié %2)&#xa0;: du %3 au %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez le motif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;entreprise paie les %1 premiers jours de la suspension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspension due à l&apos;entreprise&#xa0;: la rétribution reste due pendant toute la suspension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum calculé à la date d&apos;effet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun barème en vigueur à cette date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum du niveau %1 au %2&#xa0;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date d&apos;effet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Événement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier le projet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer comme signé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visite de suivi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler et remplacer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de signature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Événements&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun événement (avenant, changement de niveau, suspension, rupture) depuis la signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du … au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dérogation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remplacé par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrat imprimé&#xa0;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler et remplacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un nouveau projet de contrat reprend toutes les données de celui-ci. Corrigez-le et faites-le signer : à sa signature, ce contrat-ci sera rompu avec le motif « remplacé ». Continuer ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projet de remplacement créé : corrigez-le («Modifier le projet…»), puis marquez-le signé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature impossible&#xa0;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer avec une dérogation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer avec dérogation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action impossible&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer comme projet (à faire signer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer comme signé aujourd&apos;hui (3 exemplaires signés)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À régler avant la signature&#xa0;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien ne bloque la signature dans cette copie de travail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projet de contrat d&apos;alternance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau contrat d&apos;alternance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suivant &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Précédent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer et &amp;imprimer (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impression impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le contrat est enregistré, mais son impression a échoué&#xa0;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>du %1 au %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Métier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horaire (entreprise/opérateur)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rétribution mensuelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signataire pour l&apos;entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrat enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrat enregistré et imprimé&#xa0;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projet enregistré et imprimé (PROJET, %1 point(s) à régler avant la signature)&#xa0;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrement ou impression impossible&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incitants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Année scolaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apprenant(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Montant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrôles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approuver avec une dérogation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ces contrôles ne sont pas satisfaits :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour approuver quand même, dites pourquoi (au moins %1 caractères) : la raison est enregistrée sur la demande et dans son historique, avec votre nom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approuver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Détail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date de paiement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payée le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Contrôles d&apos;éligibilité (calculés sur la copie de travail)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>toutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>à vérifier par une personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle demande d&apos;incitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Règles applicables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primes de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aucune unité d&apos;établissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord l&apos;entreprise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez le tuteur&#xa0;: ses apprenants de l&apos;année sont proposés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun contrat de cette entreprise n&apos;a commencé pendant l&apos;année scolaire choisie (première année du contrat).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun contrat de cette entreprise pendant l&apos;année scolaire choisie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les apprenants (1 à 4) suivis par ce tuteur pendant l&apos;année.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrats commencés pendant cette année scolaire&#xa0;: cochez celui de l&apos;apprenant concerné (un par demande).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cochez le contrat de l&apos;apprenant concerné (un par demande).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les demandes d&apos;incitants sont créées par l&apos;OFFA&#xa0;: vous pouvez consulter les contrôles, pas enregistrer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les contrôles s&apos;affichent une fois l&apos;entreprise, le type et le contrat choisis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas de contrôle automatique pour cet incitant&#xa0;: à vérifier par une personne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contrôle(s) satisfait(s) sur %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — éligible à première vue. La demande est enregistrée «&#xa0;à vérifier&#xa0;».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — non éligible à ce stade. La demande peut être enregistrée «&#xa0;à vérifier&#xa0;».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>satisfait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non satisfait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les changements de statut sont réservés à l&apos;OFFA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de paiement&#xa0;: requise pour une prime payée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statut enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changement impossible&#xa0;: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En entreprise (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À l&apos;opérateur (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horaire hebdomadaire&#xa0;: %1, « %2 » n&apos;est pas un nombre d&apos;heures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle visite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visite d&apos;agrément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visite de suivi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grille de visite — touches O (oui), N (non), S (sans objet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avis et commentaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visiteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>un autre visiteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visite de %1 : lecture seule (seul le visiteur remplit son rapport).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note (facultative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une grille pour remplir le rapport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réponse requise quand une note est donnée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reportées (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 en retard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(fiche sans nom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reporté au %1 : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en retard depuis le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À faire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calcul des échéances…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher les lignes reportées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporter la ligne choisie à une date (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Échéances indisponibles : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ligne(s) au %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reportée(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien à faire aujourd&apos;hui : aucune échéance dans la copie de travail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une ligne à reporter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir la fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réactiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphique (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Données (XLSX)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicateurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opérateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 : tous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calcul des indicateurs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicateurs indisponibles : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>au %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dans %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer ce message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouverture impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier est enregistré dans
%1
mais aucun lecteur PDF n&apos;a pu l&apos;ouvrir sur cet ordinateur. Ouvrez-le depuis ce dossier ou installez un lecteur PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>touche %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Règle(s) auxquelles vous pouvez déroger :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Règle(s) impérative(s), sans dérogation possible : corrigez d&apos;abord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour continuer quand même, dites pourquoi (au moins %1 caractères) : la raison est enregistrée sur la fiche, imprimée et gardée dans son historique, avec votre nom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raccourcis clavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Où</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrétariat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coach sectoriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comptes de démonstration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ils n&apos;ouvrent que le serveur de démonstration intégré (offa-desktop --demo). Pour changer de compte : Synchronisation › Se connecter…, ou offa-desktop --demo --demo-user coach.</source>
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
        <source>Rôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide : contrat et visite au clavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comptes de &amp;démonstration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se connecter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Pas encore connecté.&lt;/b&gt; Indiquez l&apos;adresse du serveur OPLA de votre opérateur, votre utilisateur et votre mot de passe pour recevoir les fiches de votre périmètre. Pour essayer sans serveur : &lt;code&gt;offa-desktop --demo&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Déconnecté.&lt;/b&gt; Les modifications restent sur cet ordinateur et partiront à la prochaine connexion de %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se reconnecter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— ne pas importer —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problèmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offre Stage+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle offre Stage+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nom, téléphone ou courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche d&apos;offre (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche d&apos;offre enregistrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisine de la Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle saisine de la Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobilité d&apos;un apprenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle demande de mobilité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Décision de l&apos;opérateur d&apos;origine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pas dans votre copie (inscrit chez un autre opérateur)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non connecté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déconnecté</source>
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
        <source>Envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi des documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La vérification a trouvé des fiches de la copie de travail différentes de celles du serveur et les a rétablies comme sur le serveur (%1). Vos modifications non envoyées et vos conflits sont conservés ; le détail est dans le journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doublons possibles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pourquoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconde fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder la première, fusionner la seconde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder la seconde, fusionner la première</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recherche des doublons…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun doublon possible dans la copie de travail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paire(s). Choisissez une paire, puis la fiche à garder : les références à l&apos;autre passent à celle-ci, l&apos;autre est supprimée (son historique garde la fusion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paire(s). Seul le personnel de l&apos;OFFA fusionne des fiches : signalez-lui ces doublons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fusion en cours sur le serveur…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fusion impossible : </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le jour où les parties ont signé le contrat (le jour du scan ou du clic est proposé ; corrigez-le si la signature date d&apos;un autre jour).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corriger la date</source>
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
    <name>AccountFlow</name>
    <message>
        <source>Connecté en tant que %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déconnecté.</source>
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
    <message>
        <source>Aucune fiche pour ces filtres (%1).
Choisissez « tous » dans un filtre pour voir plus de fiches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune fiche dans la copie de travail.
Synchronisez (F5) pour recevoir celles de votre périmètre, ou créez-en une (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>Pièces jointes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joindre un fichier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · en attente d&apos;envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune pièce jointe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joindre un fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajout de %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Impression par lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 document(s) vers %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v sur %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrêt après le document en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 document(s) écrit(s) dans %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impression annulée. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 n&apos;ont pas pu être imprimé(s) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
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
    <name>DevicesDialog</name>
    <message>
        <source>Mes appareils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les ordinateurs où ce compte est connecté. Un ordinateur perdu ou qui ne sert plus : sélectionnez-le et « Révoquer » ; il ne pourra plus synchroniser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Utilisateur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appareil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernière utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Révoquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquer et &amp;effacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À sa prochaine connexion, l&apos;ordinateur efface sa copie de travail, ses sauvegardes et ses jetons, puis le signale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture des appareils sur le serveur…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (cet ordinateur)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun appareil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 appareil(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquer « %1 » et lui faire effacer ses données OFFA (copie de travail, sauvegardes, jetons) à sa prochaine connexion ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquer « %1 » ? Cet ordinateur ne pourra plus synchroniser sans qu&apos;on s&apos;y reconnecte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquer et effacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>&amp;Doublons possibles…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Exporter la liste…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForgetFlow</name>
    <message>
        <source>Oublier cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une dernière synchronisation envoie vos modifications, puis cet ordinateur efface ses données OFFA : copie de travail, sauvegardes, pièces jointes, documents scannés en attente, rapports d&apos;erreur et jetons de connexion. L&apos;application se ferme ensuite.

Oublier cet ordinateur ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernière synchronisation, puis effacement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter les modifications non envoyées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lignes JSON (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter puis oublier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cet ordinateur est oublié : ses données OFFA sont effacées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les modifications non envoyées sont dans %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Historique de la fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sur le serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune modification enregistrée sur le serveur pour cette fiche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sur cet ordinateur, pas encore envoyé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien en attente : tout est sur le serveur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulé et remplacé : la chaîne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 modification(s) sur le serveur, %2 en attente d&apos;envoi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importer une liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, classeur Excel (.xlsx) ou JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choisir le fichier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;école ou le service qui envoie la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colonne du fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exemple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ligne %v sur %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colonnes : quel champ chacune remplit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aperçu des 20 premières lignes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste à importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listes (*.csv *.xlsx *.jsonl *.json *.txt);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture du fichier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » et « %2 » remplissent le même champ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champs obligatoires sans colonne : %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification de l&apos;aperçu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ligne(s) dans le fichier ; aperçu des %2 premières : %3 avec un problème.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import terminé : %1 fiche(s) créée(s), %2 mise(s) à jour, %3 inchangée(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ligne(s) refusée(s) : rien n&apos;a été importé. Corrigez le fichier puis importez-le à nouveau (les lignes déjà importées ne seront pas dupliquées).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import impossible : </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer une &amp;liste (CSV, Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Journal de l&apos;application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le journal est vide.</source>
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
        <source>adresse donnée par votre opérateur, ex. https://opla.example.be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choisir un compte de démonstration —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Démonstration</source>
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
    <name>LogoutQuestion</name>
    <message>
        <source>Se déconnecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 modification(s) ou conflit(s) ne sont pas encore envoyés ou réglés :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… et %1 autre(s) (« Modifications refusées », « Conflits à résoudre… »)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>les modifications en attente partiront à la prochaine connexion avec ce compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>les conflits attendent votre choix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>les modifications refusées attendent d&apos;être corrigées ou abandonnées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elles restent dans la copie de travail : %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandonner les modifications interdites (%1) et se déconnecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se déconnecter quand même</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rester connecté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>création</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suppression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en attente d&apos;envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en conflit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusée par le serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interdite pour votre rôle</source>
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
        <source>Copie de travail locale</source>
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
    <name>PassphraseDialog</name>
    <message>
        <source>Phrase de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une seconde fois :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mettre la copie de côté et repartir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir une phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cet ordinateur n&apos;a pas de trousseau sécurisé : la copie de travail (données personnelles des apprenants) sera chiffrée par une phrase de passe que vous choisissez maintenant. Elle vous sera demandée à chaque démarrage. Plusieurs mots faciles à retenir pour vous valent mieux qu&apos;un mot compliqué ; notez-la en lieu sûr : oubliée, la copie devra être reconstruite depuis le serveur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiffrer la copie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clé de la copie introuvable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La clé qui chiffre la copie de travail est introuvable sur cet ordinateur (trousseau du système indisponible ou effacé, fichier de clé perdu) : la copie ne peut pas être ouverte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La copie de travail est chiffrée. Tapez votre phrase de passe pour l&apos;ouvrir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe oubliée ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trop courte : au moins %1 caractères.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robustesse : faible (ajoutez des mots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robustesse : moyenne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robustesse : bonne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robustesse : excellente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte. Vous pouvez réessayer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte (%1 essais). Réessayez dans %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La phrase de passe doit compter au moins %1 caractères.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux phrases de passe tapées ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte : la copie n&apos;a pas été ouverte et rien n&apos;a été modifié. Vérifiez les majuscules, les accents et les espaces (%1 essai(s) avant une pause).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La copie de travail chiffrée sera mise de côté, pas effacée, avec sa clé et ses sauvegardes, et une copie neuve sera créée sous une nouvelle phrase de passe : connectez-vous puis synchronisez pour la remplir depuis le serveur.

Des modifications non envoyées pourraient s&apos;y trouver (sans la phrase de passe, personne ne peut les compter) : elles seront perdues, sauf si vous retrouvez la phrase de passe, qui ouvre toujours la copie mise de côté.

Continuer ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe oubliée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mettre de côté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La copie a été mise de côté sous « %1 ». Choisissez une nouvelle phrase de passe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message>
        <source>Contrôle avant envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raison / fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>&amp;Impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aperçu et impression…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer toute la liste…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrat vierge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport de visite vierge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un contrat, un agrément ou une visite dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette liste ne s&apos;imprime pas par lot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La liste compte %1 fiches : filtrez-la sous %2 fiches pour l&apos;imprimer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer quand même</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Aperçu avant impression — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page précédente (Page préc.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page suivante (Page suiv.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réduire (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agrandir (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toute la largeur (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page entière</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une page entière à l&apos;écran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer en PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page entière</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impression impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;imprimante ne répond pas. Vérifiez-la ou enregistrez le PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;imprimante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page(s) envoyée(s) à %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer en PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrement impossible dans %1 : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF enregistré : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF enregistré&#xa0;:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>&amp;Historique de la fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pièces jointes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter les données de cette personne…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer des documents signés…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une fiche dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter les données de cette personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive ZIP (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Données d&apos;une personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un apprenant ou un tuteur dans sa liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Données de la personne exportées :</source>
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
    <name>RestoreDialog</name>
    <message>
        <source>Copie de travail à restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer la sauvegarde du %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer un fichier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repartir d&apos;une copie vide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier à restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies de travail (*.sqlite3 *.sqlite3.*);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repartir d&apos;une copie vide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une copie vide sera créée : les données reviendront du serveur à la prochaine synchronisation, après connexion. Les modifications non envoyées restent seulement dans le fichier mis de côté. Continuer ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restauration impossible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScansDialog</name>
    <message>
        <source>Documents signés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages à attribuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez les scans des documents signés (PDF, photos JPEG ou PNG, ou un dossier). Chaque page est reconnue par son code QR et jointe à sa fiche ; la fiche est marquée signée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter des fichiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vider la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de signature : celle de chaque scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrêter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %v sur %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sinon le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans des documents signés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier de scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajoutez d&apos;abord des fichiers ou un dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture des pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page(s) lue(s) : %2 rattachée(s), %3 à attribuer, %4 en double.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>déjà joint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À attribuer : </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import arrêté : les pages lues avant l&apos;arrêt sont importées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import impossible : </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher la fiche : nom de l&apos;apprenant, entreprise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribuer à la fiche choisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir la page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écarter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages sans code QR reconnu, à rattacher à une fiche :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages à attribuer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une page, puis la fiche trouvée par la recherche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page jointe à %1 (envoyée à la prochaine synchronisation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écarter la page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écarter « %1 » ? Elle ne sera jointe à aucune fiche.</source>
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
    <name>SettingsDialog</name>
    <message>
        <source>Paramètres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchroniser automatiquement quand le serveur répond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toutes les</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier des données</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Reporter une échéance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par exemple : l&apos;entreprise rappelle lundi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporter jusqu&apos;au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif du report : indiquez pourquoi la ligne attend.</source>
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
        <source>&amp;Vérifier la copie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare toute la copie de travail avec le serveur et rétablit ce qui diffère</source>
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
        <source>Mes &amp;appareils…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les ordinateurs où ce compte est connecté ; révoquer un ordinateur perdu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Oublier cet ordinateur…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernière synchronisation, puis effacer les données OFFA de cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflits à résoudre…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifications &amp;refusées…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation indisponible : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchroniser quand même</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification de la copie…</source>
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
        <source>Copie de travail réparée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copie de travail vérifiée : elle est identique à celle du serveur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérifier la copie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 apprenant(s) passé(s) à un autre opérateur ne sont plus dans votre copie ; vos contrats passés avec eux restent consultables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès révoqué</source>
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
        <source>Unité d&apos;établissement</source>
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
        <source>Lieu</source>
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
        <source>Visiteur</source>
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
        <source>(hors de votre copie)</source>
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
    <message>
        <source>Offres Stage+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisie le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clôturée le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobilités</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NISS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demandée le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Décidée le</source>
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
        <source>en préparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publiée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clôturée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en médiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conciliée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tranchée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demandée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acceptée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contrat</source>
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
<context>
    <name>sources</name>
    <message>
        <source>les miennes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
