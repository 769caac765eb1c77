<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_BE">
<context>
    <name />
    <message>
        <source>Modifications non enregistrées</source>
        <translation>[Mõdîfîçàtîõñs ñõñ éñrégîstréés ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Cette fiche a des modifications non enregistrées, qui ne peuvent pas être enregistrées telles quelles :</source>
        <translation>[Çétté fîçhé à dés mõdîfîçàtîõñs ñõñ éñrégîstréés, qüî ñé péüvéñt pàs êtré éñrégîstréés téllés qüéllés : ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Revenir corriger</source>
        <translation>[Révéñîr çõrrîgér ~~~~~]</translation>
    </message>
    <message>
        <source>Cette fiche a des modifications non enregistrées.</source>
        <translation>[Çétté fîçhé à dés mõdîfîçàtîõñs ñõñ éñrégîstréés. ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>[Éñrégîstrér ~~~]</translation>
    </message>
    <message>
        <source>Abandonner les modifications</source>
        <translation>[Åbàñdõññér lés mõdîfîçàtîõñs ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>[Éxpõrt ~~]</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>[Qüîttér ~~]</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>[Åññülér ~~]</translation>
    </message>
    <message>
        <source>Export de la liste…</source>
        <translation>[Éxpõrt dé là lîsté… ~~~~~~]</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>[Éxpõrtér ~~]</translation>
    </message>
    <message>
        <source>%1 ligne(s) exportée(s) dans %2</source>
        <translation>[%1 lîgñé(s) éxpõrtéé(s) dàñs %2 ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>L'export n'a pas pu être écrit : %1</source>
        <translation>[L'éxpõrt ñ'à pàs pü êtré éçrît : %1 ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez d'abord une liste : l'export reprend la liste affichée, avec ses filtres et son tri.</source>
        <translation>[Çhõîsîsséz d'àbõrd üñé lîsté : l'éxpõrt répréñd là lîsté àffîçhéé, àvéç sés fîltrés ét sõñ trî. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Exporter la liste</source>
        <translation>[Éxpõrtér là lîsté ~~~~~]</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx);;CSV pour Excel (*.csv)</source>
        <translation>[Çlàsséür Éxçél (*.xlsx);;ÇSV põür Éxçél (*.çsv) ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>[Férmér ~~]</translation>
    </message>
    <message>
        <source>Cette fiche n'existe plus dans la copie de travail (supprimée ou pas encore synchronisée).</source>
        <translation>[Çétté fîçhé ñ'éxîsté plüs dàñs là çõpîé dé tràvàîl (süpprîméé õü pàs éñçõré sÿñçhrõñîséé). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%n problème(s) à corriger avant d'enregistrer.</source>
        <translation>[%n prõblèmé(s) à çõrrîgér àvàñt d'éñrégîstrér. ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Vérifié à la synchronisation : </source>
        <translation>[Vérîfîé à là sÿñçhrõñîsàtîõñ :  ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Enregistré dans la copie de travail : %1 (envoi à la prochaine synchronisation).</source>
        <translation>[Éñrégîstré dàñs là çõpîé dé tràvàîl : %1 (éñvõî à là prõçhàîñé sÿñçhrõñîsàtîõñ). ~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>fiche</source>
        <translation>[fîçhé ~]</translation>
    </message>
    <message>
        <source>Enregistrement impossible : </source>
        <translation>[Éñrégîstréméñt împõssîblé :  ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>désigné et agréé</source>
        <translation>[désîgñé ét àgréé ~~~~~]</translation>
    </message>
    <message>
        <source>désigné</source>
        <translation>[désîgñé ~~]</translation>
    </message>
    <message>
        <source>conditions non remplies</source>
        <translation>[çõñdîtîõñs ñõñ rémplîés ~~~~~~~]</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>[Éñtréprîsé ~~~]</translation>
    </message>
    <message>
        <source>Nouvelle entreprise</source>
        <translation>[Ñõüvéllé éñtréprîsé ~~~~~~]</translation>
    </message>
    <message>
        <source>Capacité d'accueil</source>
        <translation>[Çàpàçîté d'àççüéîl ~~~~~~]</translation>
    </message>
    <message>
        <source>Unités d'établissement</source>
        <translation>[Üñîtés d'étàblîsséméñt ~~~~~~~]</translation>
    </message>
    <message>
        <source>Numéro</source>
        <translation>[Ñümérõ ~~]</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>[Ñõm ~]</translation>
    </message>
    <message>
        <source>Localité</source>
        <translation>[Lõçàlîté ~~]</translation>
    </message>
    <message>
        <source>Région</source>
        <translation>[Régîõñ ~~]</translation>
    </message>
    <message>
        <source>Cette entreprise n'est plus dans la copie de travail.</source>
        <translation>[Çétté éñtréprîsé ñ'ést plüs dàñs là çõpîé dé tràvàîl. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez une entreprise dans la liste pour voir ses unités d'établissement et ses tuteurs.</source>
        <translation>[Çhõîsîsséz üñé éñtréprîsé dàñs là lîsté põür võîr sés üñîtés d'étàblîsséméñt ét sés tütéürs. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>capacité %1</source>
        <translation>[çàpàçîté %1 ~~~]</translation>
    </message>
    <message>
        <source>capacité inconnue</source>
        <translation>[çàpàçîté îñçõññüé ~~~~~]</translation>
    </message>
    <message>
        <source>%1 travailleur(s)</source>
        <translation>[%1 tràvàîlléür(s) ~~~~~]</translation>
    </message>
    <message>
        <source>%1 contrat(s) en cours</source>
        <translation>[%1 çõñtràt(s) éñ çõürs ~~~~~~~]</translation>
    </message>
    <message>
        <source>Primes (contrats en cours) : </source>
        <translation>[Prîmés (çõñtràts éñ çõürs) :  ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ajouter une unité…</source>
        <translation>[Åjõütér üñé üñîté… ~~~~~~]</translation>
    </message>
    <message>
        <source>Tuteurs</source>
        <translation>[Tütéürs ~~]</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>[Çõñdîtîõñ ~~~]</translation>
    </message>
    <message>
        <source>Retirer l'agrément</source>
        <translation>[Rétîrér l'àgréméñt ~~~~~~]</translation>
    </message>
    <message>
        <source>Ce retrait met fin à %n contrat(s) en cours dans ce métier :</source>
        <translation>[Çé rétràît mét fîñ à %n çõñtràt(s) éñ çõürs dàñs çé métîér : ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Les ruptures sont enregistrées à la synchronisation. Confirmer le retrait ?</source>
        <translation>[Lés rüptürés sõñt éñrégîstréés à là sÿñçhrõñîsàtîõñ. Çõñfîrmér lé rétràît ? ~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Agrément</source>
        <translation>[Ågréméñt ~~]</translation>
    </message>
    <message>
        <source>Nouvelle demande d'agrément</source>
        <translation>[Ñõüvéllé démàñdé d'àgréméñt ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Capacité</source>
        <translation>[Çàpàçîté ~~]</translation>
    </message>
    <message>
        <source>Instruction et décision</source>
        <translation>[Îñstrüçtîõñ ét déçîsîõñ ~~~~~~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Visites&lt;/b&gt;</source>
        <translation>[&lt;b&gt;Vîsîtés&lt;/b&gt; ~~~~]</translation>
    </message>
    <message>
        <source>Planifier une visite…</source>
        <translation>[Plàñîfîér üñé vîsîté… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>[Stàtüt ~~]</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>[Dàté ~]</translation>
    </message>
    <message>
        <source>Avis</source>
        <translation>[Åvîs ~]</translation>
    </message>
    <message>
        <source>Commentaires</source>
        <translation>[Çõmméñtàîrés ~~~~]</translation>
    </message>
    <message>
        <source>%1 travailleur(s) : %2 apprenant(s) à la fois au plus dans l'entreprise, %3 en cours (copie locale)</source>
        <translation>[%1 tràvàîlléür(s) : %2 àppréñàñt(s) à là fõîs àü plüs dàñs l'éñtréprîsé, %3 éñ çõürs (çõpîé lõçàlé) ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>complet</source>
        <translation>[çõmplét ~~]</translation>
    </message>
    <message>
        <source>Ce retrait mettra fin à %n contrat(s) en cours : </source>
        <translation>[Çé rétràît méttrà fîñ à %n çõñtràt(s) éñ çõürs :  ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Leurs ruptures (motif « retrait de l'agrément ») sont enregistrées à la synchronisation.</source>
        <translation>[Léürs rüptürés (mõtîf « rétràît dé l'àgréméñt ») sõñt éñrégîstréés à là sÿñçhrõñîsàtîõñ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Casier judiciaire</source>
        <translation>[Çàsîér jüdîçîàîré ~~~~~]</translation>
    </message>
    <message>
        <source>Ajouter un tuteur…</source>
        <translation>[Åjõütér üñ tütéür… ~~~~~~]</translation>
    </message>
    <message>
        <source>Enregistrez d'abord l'entreprise pour ajouter ses unités et ses tuteurs.</source>
        <translation>[Éñrégîstréz d'àbõrd l'éñtréprîsé põür àjõütér sés üñîtés ét sés tütéürs. ~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>manque</source>
        <translation>[màñqüé ~~]</translation>
    </message>
    <message>
        <source>Incitants…</source>
        <translation>[Îñçîtàñts… ~~~]</translation>
    </message>
    <message>
        <source>Nouvelle demande d'incitant…</source>
        <translation>[Ñõüvéllé démàñdé d'îñçîtàñt… ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Les demandes d'incitants sont créées par l'OFFA.</source>
        <translation>[Lés démàñdés d'îñçîtàñts sõñt çrééés pàr l'ÕFFÅ. ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%n apprenant(s) à la fois au plus (autant que de travailleurs, 1 sans travailleur)</source>
        <translation>[%n àppréñàñt(s) à là fõîs àü plüs (àütàñt qüé dé tràvàîlléürs, 1 sàñs tràvàîlléür) ~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Unité d'établissement</source>
        <translation>[Üñîté d'étàblîsséméñt ~~~~~~~]</translation>
    </message>
    <message>
        <source>Tuteur</source>
        <translation>[Tütéür ~~]</translation>
    </message>
    <message>
        <source>Condition et preuves</source>
        <translation>[Çõñdîtîõñ ét préüvés ~~~~~~]</translation>
    </message>
    <message>
        <source>A — 5 ans d'expérience dans le métier</source>
        <translation>[Å — 5 àñs d'éxpérîéñçé dàñs lé métîér ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>B — diplôme pédagogique ou certificat de tuteur</source>
        <translation>[B — dîplômé pédàgõgîqüé õü çértîfîçàt dé tütéür ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>C — titre de validation de tuteur</source>
        <translation>[Ç — tîtré dé vàlîdàtîõñ dé tütéür ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>titre IFAPME / SFPME</source>
        <translation>[tîtré ÎFÅPMÉ / SFPMÉ ~~~~~~]</translation>
    </message>
    <message>
        <source>déclaré agréé</source>
        <translation>[déçlàré àgréé ~~~~]</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>[Çõñtàçt ~~]</translation>
    </message>
    <message>
        <source>Tuteur désigné : </source>
        <translation>[Tütéür désîgñé :  ~~~~~]</translation>
    </message>
    <message>
        <source>oui</source>
        <translation>[õüî ~]</translation>
    </message>
    <message>
        <source>non</source>
        <translation>[ñõñ ~]</translation>
    </message>
    <message>
        <source>Tuteur agréé : </source>
        <translation>[Tütéür àgréé :  ~~~~~]</translation>
    </message>
    <message>
        <source>non (5 ans et 8 h de formation)</source>
        <translation>[ñõñ (5 àñs ét 8 h dé fõrmàtîõñ) ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Extrait de casier judiciaire (modèle II) manquant : requis pour un agrément et un contrat.</source>
        <translation>[Éxtràît dé çàsîér jüdîçîàîré (mõdèlé ÎÎ) màñqüàñt : réqüîs põür üñ àgréméñt ét üñ çõñtràt. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>jj/mm/aaaa</source>
        <translation>[jj/mm/àààà ~~~]</translation>
    </message>
    <message>
        <source>date illisible, écrire par ex. 31/08/2026, 31/8/26, 31082026 ou « demain ».</source>
        <translation>[dàté îllîsîblé, éçrîré pàr éx. 31/08/2026, 31/8/26, 31082026 õü « démàîñ ». ~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>un nombre entier est attendu.</source>
        <translation>[üñ ñõmbré éñtîér ést àttéñdü. ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>un nombre est attendu (ex. 7,5).</source>
        <translation>[üñ ñõmbré ést àttéñdü (éx. 7,5). ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>un montant en euros est attendu (ex. 612,34).</source>
        <translation>[üñ mõñtàñt éñ éürõs ést àttéñdü (éx. 612,34). ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Rechercher…</source>
        <translation>[Réçhérçhér… ~~~]</translation>
    </message>
    <message>
        <source>Apprenant</source>
        <translation>[Åppréñàñt ~~~]</translation>
    </message>
    <message>
        <source>Tapez le début du nom (ou le NISS, la localité) : le meilleur résultat est choisi, ↓ ↑ pour en prendre un autre, Entrée pour continuer.</source>
        <translation>[Tàpéz lé débüt dü ñõm (õü lé ÑÎSS, là lõçàlîté) : lé méîlléür résültàt ést çhõîsî, ↓ ↑ põür éñ préñdré üñ àütré, Éñtréé põür çõñtîñüér. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Rechercher un apprenant…</source>
        <translation>[Réçhérçhér üñ àppréñàñt… ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucun apprenant ne correspond à « %1 ».</source>
        <translation>[Åüçüñ àppréñàñt ñé çõrréspõñd à « %1 ». ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Né(e) le %1.</source>
        <translation>[Ñé(é) lé %1. ~~~~]</translation>
    </message>
    <message>
        <source>Mineur sans représentant légal : à compléter dans sa fiche avant la signature.</source>
        <translation>[Mîñéür sàñs répréséñtàñt légàl : à çõmplétér dàñs sà fîçhé àvàñt là sîgñàtüré. ~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Mineur, représenté par %1.</source>
        <translation>[Mîñéür, répréséñté pàr %1. ~~~~~~~~]</translation>
    </message>
    <message>
        <source>A déjà un %1, sans date de fin : un seul contrat à la fois.</source>
        <translation>[Å déjà üñ %1, sàñs dàté dé fîñ : üñ séül çõñtràt à là fõîs. ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>A déjà un %1 : le nouveau contrat commencera au plus tôt le %2.</source>
        <translation>[Å déjà üñ %1 : lé ñõüvéàü çõñtràt çõmméñçérà àü plüs tôt lé %2. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Lieu de formation, agrément et tuteur</source>
        <translation>[Lîéü dé fõrmàtîõñ, àgréméñt ét tütéür ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Seules les unités ayant un agrément accordé et les tuteurs désignés avec leur extrait de casier judiciaire sont proposés. ↓ ↑ dans les résultats, Tab pour l'agrément et le tuteur.</source>
        <translation>[Séülés lés üñîtés àÿàñt üñ àgréméñt àççõrdé ét lés tütéürs désîgñés àvéç léür éxtràît dé çàsîér jüdîçîàîré sõñt prõpõsés. ↓ ↑ dàñs lés résültàts, Tàb põür l'àgréméñt ét lé tütéür. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Rechercher une entreprise ou une unité d'établissement…</source>
        <translation>[Réçhérçhér üñé éñtréprîsé õü üñé üñîté d'étàblîsséméñt… ~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unité d'établissement&lt;/b&gt;</source>
        <translation>[&lt;b&gt;Üñîté d'étàblîsséméñt&lt;/b&gt; ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Agrément accordé (métier)&lt;/b&gt;</source>
        <translation>[&lt;b&gt;Ågréméñt àççõrdé (métîér)&lt;/b&gt; ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tuteur&lt;/b&gt;</source>
        <translation>[&lt;b&gt;Tütéür&lt;/b&gt; ~~~~]</translation>
    </message>
    <message>
        <source>Aucune unité avec un agrément accordé ne correspond à « %1 ».</source>
        <translation>[Åüçüñé üñîté àvéç üñ àgréméñt àççõrdé ñé çõrréspõñd à « %1 ». ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Entreprise : %1 contrat(s) en cours pour %2 place(s)</source>
        <translation>[Éñtréprîsé : %1 çõñtràt(s) éñ çõürs põür %2 plàçé(s) ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>(copie locale, %1)</source>
        <translation>[(çõpîé lõçàlé, %1) ~~~~~~]</translation>
    </message>
    <message>
        <source>Avant la signature : </source>
        <translation>[Åvàñt là sîgñàtüré :  ~~~~~~~]</translation>
    </message>
    <message>
        <source>corriger ce qui est en rouge</source>
        <translation>[çõrrîgér çé qüî ést éñ rõügé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Pour continuer : </source>
        <translation>[Põür çõñtîñüér :  ~~~~~]</translation>
    </message>
    <message>
        <source>Métier, dates et horaire</source>
        <translation>[Métîér, dàtés ét hõràîré ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Dates au choix : 01/09/2027, 1/9/27, 01092027 ou « demain ».</source>
        <translation>[Dàtés àü çhõîx : 01/09/2027, 1/9/27, 01092027 õü « démàîñ ». ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Période d'essai</source>
        <translation>[Pérîõdé d'éssàî ~~~~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Grille horaire hebdomadaire de référence&lt;/b&gt;</source>
        <translation>[&lt;b&gt;Grîllé hõràîré hébdõmàdàîré dé référéñçé&lt;/b&gt; ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>En entreprise : %1 h par semaine (20 h au moins) — avec les cours : %2 h (%3 h au plus) — %4 h par jour au plus.</source>
        <translation>[Éñ éñtréprîsé : %1 h pàr sémàîñé (20 h àü mõîñs) — àvéç lés çõürs : %2 h (%3 h àü plüs) — %4 h pàr jõür àü plüs. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Niveau et rétribution</source>
        <translation>[Ñîvéàü ét rétrîbütîõñ ~~~~~~~]</translation>
    </message>
    <message>
        <source>Le minimum vient des barèmes datés en vigueur à la date de début.</source>
        <translation>[Lé mîñîmüm vîéñt dés bàrèmés dàtés éñ vîgüéür à là dàté dé débüt. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>[Mîñîmüm ~~]</translation>
    </message>
    <message>
        <source>aucun barème en vigueur à cette date</source>
        <translation>[àüçüñ bàrèmé éñ vîgüéür à çétté dàté ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 (%2 du RMMMG de %3, au %4)</source>
        <translation>[%1 (%2 dü RMMMG dé %3, àü %4) ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Nouvel apprenant</source>
        <translation>[Ñõüvél àppréñàñt ~~~~~]</translation>
    </message>
    <message>
        <source>Âge</source>
        <translation>[Âgé ~]</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>[Ådréssé ~~]</translation>
    </message>
    <message>
        <source>Opérateur et contact</source>
        <translation>[Õpéràtéür ét çõñtàçt ~~~~~~]</translation>
    </message>
    <message>
        <source>Représentant légal</source>
        <translation>[Répréséñtàñt légàl ~~~~~~]</translation>
    </message>
    <message>
        <source>NISS</source>
        <translation>[ÑÎSS ~]</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>[Téléphõñé ~~~]</translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation>[Çõürrîél ~~]</translation>
    </message>
    <message>
        <source>Nouveau contrat pour cet apprenant…</source>
        <translation>[Ñõüvéàü çõñtràt põür çét àppréñàñt… ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Requis tant que l'apprenant est mineur.</source>
        <translation>[Réqüîs tàñt qüé l'àppréñàñt ést mîñéür. ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 ans (né(e) le %2)</source>
        <translation>[%1 àñs (ñé(é) lé %2) ~~~~~~]</translation>
    </message>
    <message>
        <source> — mineur</source>
        <translation>[ — mîñéür ~~~]</translation>
    </message>
    <message>
        <source>Apprenant mineur : le représentant légal est requis.</source>
        <translation>[Åppréñàñt mîñéür : lé répréséñtàñt légàl ést réqüîs. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Facultatif : l'apprenant est majeur.</source>
        <translation>[Fàçültàtîf : l'àppréñàñt ést màjéür. ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>JSON invalide.</source>
        <translation>[JSÕÑ îñvàlîdé. ~~~~]</translation>
    </message>
    <message>
        <source>Conflits à régler</source>
        <translation>[Çõñflîts à réglér ~~~~~]</translation>
    </message>
    <message>
        <source>Enregistrer la résolution</source>
        <translation>[Éñrégîstrér là résõlütîõñ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucun conflit à régler.</source>
        <translation>[Åüçüñ çõñflît à réglér. ~~~~~~~]</translation>
    </message>
    <message>
        <source>Cette fiche a été modifiée ici et sur le serveur. Pour chaque champ, gardez votre valeur, celle du serveur, ou tapez-en une autre.</source>
        <translation>[Çétté fîçhé à été mõdîfîéé îçî ét sür lé sérvéür. Põür çhàqüé çhàmp, gàrdéz võtré vàléür, çéllé dü sérvéür, õü tàpéz-éñ üñé àütré. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>[Çhàmp ~]</translation>
    </message>
    <message>
        <source>Avant</source>
        <translation>[Åvàñt ~]</translation>
    </message>
    <message>
        <source>Ma valeur</source>
        <translation>[Mà vàléür ~~~]</translation>
    </message>
    <message>
        <source>Valeur du serveur</source>
        <translation>[Vàléür dü sérvéür ~~~~~]</translation>
    </message>
    <message>
        <source>Garder</source>
        <translation>[Gàrdér ~~]</translation>
    </message>
    <message>
        <source>Autre valeur</source>
        <translation>[Åütré vàléür ~~~~]</translation>
    </message>
    <message>
        <source>Le serveur a supprimé cette fiche alors que vous la modifiiez. Garder la vôtre la recrée (nouvelle fiche) ; accepter la suppression abandonne vos modifications.</source>
        <translation>[Lé sérvéür à süpprîmé çétté fîçhé àlõrs qüé võüs là mõdîfîîéz. Gàrdér là vôtré là réçréé (ñõüvéllé fîçhé) ; àççéptér là süppréssîõñ àbàñdõññé võs mõdîfîçàtîõñs. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Vous avez supprimé cette fiche alors qu'elle était modifiée sur le serveur. Garder la vôtre confirme la suppression ; accepter garde la fiche du serveur.</source>
        <translation>[Võüs àvéz süpprîmé çétté fîçhé àlõrs qü'éllé étàît mõdîfîéé sür lé sérvéür. Gàrdér là vôtré çõñfîrmé là süppréssîõñ ; àççéptér gàrdé là fîçhé dü sérvéür. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>rétablir la fiche avec mes valeurs</source>
        <translation>[rétàblîr là fîçhé àvéç més vàléürs ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>accepter la suppression</source>
        <translation>[àççéptér là süppréssîõñ ~~~~~~~]</translation>
    </message>
    <message>
        <source>confirmer ma suppression</source>
        <translation>[çõñfîrmér mà süppréssîõñ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>garder la fiche du serveur</source>
        <translation>[gàrdér là fîçhé dü sérvéür ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choix</source>
        <translation>[Çhõîx ~]</translation>
    </message>
    <message>
        <source>Résolution impossible : </source>
        <translation>[Résõlütîõñ împõssîblé :  ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Modifications refusées par le serveur</source>
        <translation>[Mõdîfîçàtîõñs réfüséés pàr lé sérvéür ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ouvrir la fiche…</source>
        <translation>[Õüvrîr là fîçhé… ~~~~~]</translation>
    </message>
    <message>
        <source>Renvoyer</source>
        <translation>[Réñvõÿér ~~]</translation>
    </message>
    <message>
        <source>Abandonner cette modification</source>
        <translation>[Åbàñdõññér çétté mõdîfîçàtîõñ ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>création</source>
        <translation>[çréàtîõñ ~~]</translation>
    </message>
    <message>
        <source>modification</source>
        <translation>[mõdîfîçàtîõñ ~~~~]</translation>
    </message>
    <message>
        <source>suppression</source>
        <translation>[süppréssîõñ ~~~]</translation>
    </message>
    <message>
        <source>refusée par le serveur</source>
        <translation>[réfüséé pàr lé sérvéür ~~~~~~~]</translation>
    </message>
    <message>
        <source>Abandonner les modifications interdites (%1)</source>
        <translation>[Åbàñdõññér lés mõdîfîçàtîõñs îñtérdîtés (%1) ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Le serveur les refuse pour votre rôle : elles ne pourront jamais être envoyées. Chaque fiche reprend l'état du serveur.</source>
        <translation>[Lé sérvéür lés réfüsé põür võtré rôlé : éllés ñé põürrõñt jàmàîs êtré éñvõÿéés. Çhàqüé fîçhé répréñd l'étàt dü sérvéür. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Enregistré : envoyé à la prochaine synchronisation.</source>
        <translation>[Éñrégîstré : éñvõÿé à là prõçhàîñé sÿñçhrõñîsàtîõñ. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Contrat du %1 au %2, niveau %3</source>
        <translation>[Çõñtràt dü %1 àü %2, ñîvéàü %3 ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Calcul</source>
        <translation>[Çàlçül ~~]</translation>
    </message>
    <message>
        <source>Primes</source>
        <translation>[Prîmés ~~]</translation>
    </message>
    <message>
        <source>initiative</source>
        <translation>[îñîtîàtîvé ~~~]</translation>
    </message>
    <message>
        <source>l'apprenant</source>
        <translation>[l'àppréñàñt ~~~]</translation>
    </message>
    <message>
        <source>l'entreprise</source>
        <translation>[l'éñtréprîsé ~~~~]</translation>
    </message>
    <message>
        <source>les deux parties</source>
        <translation>[lés déüx pàrtîés ~~~~~]</translation>
    </message>
    <message>
        <source>date de notification</source>
        <translation>[dàté dé ñõtîfîçàtîõñ ~~~~~~]</translation>
    </message>
    <message>
        <source>préavis</source>
        <translation>[préàvîs ~~]</translation>
    </message>
    <message>
        <source>presté (sinon indemnité)</source>
        <translation>[présté (sîñõñ îñdémñîté) ~~~~~~~~]</translation>
    </message>
    <message>
        <source>référent consulté le</source>
        <translation>[référéñt çõñsülté lé ~~~~~~]</translation>
    </message>
    <message>
        <source>fin prévue de la suspension</source>
        <translation>[fîñ prévüé dé là süspéñsîõñ ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>nouveau niveau</source>
        <translation>[ñõüvéàü ñîvéàü ~~~~]</translation>
    </message>
    <message>
        <source>nouvelle rétribution mensuelle</source>
        <translation>[ñõüvéllé rétrîbütîõñ méñsüéllé ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>date de l'avis du tuteur</source>
        <translation>[dàté dé l'àvîs dü tütéür ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Le référent décide du changement de niveau après l'avis du tuteur ; la date d'effet est celle de sa décision.</source>
        <translation>[Lé référéñt déçîdé dü çhàñgéméñt dé ñîvéàü àprès l'àvîs dü tütéür ; là dàté d'éffét ést çéllé dé sà déçîsîõñ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>nouvelle date de fin</source>
        <translation>[ñõüvéllé dàté dé fîñ ~~~~~~]</translation>
    </message>
    <message>
        <source>nouveau tuteur</source>
        <translation>[ñõüvéàü tütéür ~~~~]</translation>
    </message>
    <message>
        <source>nouveau référent</source>
        <translation>[ñõüvéàü référéñt ~~~~~]</translation>
    </message>
    <message>
        <source>nouveau signataire pour l'entreprise</source>
        <translation>[ñõüvéàü sîgñàtàîré põür l'éñtréprîsé ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucune prime P2 en jeu pour ce contrat.</source>
        <translation>[Åüçüñé prîmé P2 éñ jéü põür çé çõñtràt. ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Préavis calculé dès la date de notification.</source>
        <translation>[Préàvîs çàlçülé dès là dàté dé ñõtîfîçàtîõñ. ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>pendant la période d'essai</source>
        <translation>[péñdàñt là pérîõdé d'éssàî ~~~~~~~~]</translation>
    </message>
    <message>
        <source>après la période d'essai</source>
        <translation>[àprès là pérîõdé d'éssàî ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Préavis de %1 jours (notifié %2) : du %3 au %4.</source>
        <translation>[Préàvîs dé %1 jõürs (ñõtîfîé %2) : dü %3 àü %4. ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez le motif.</source>
        <translation>[Çhõîsîsséz lé mõtîf. ~~~~~~]</translation>
    </message>
    <message>
        <source>L'entreprise paie les %1 premiers jours de la suspension.</source>
        <translation>[L'éñtréprîsé pàîé lés %1 prémîérs jõürs dé là süspéñsîõñ. ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Suspension due à l'entreprise : la rétribution reste due pendant toute la suspension.</source>
        <translation>[Süspéñsîõñ düé à l'éñtréprîsé : là rétrîbütîõñ résté düé péñdàñt tõüté là süspéñsîõñ. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Minimum calculé à la date d'effet.</source>
        <translation>[Mîñîmüm çàlçülé à là dàté d'éffét. ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucun barème en vigueur à cette date.</source>
        <translation>[Åüçüñ bàrèmé éñ vîgüéür à çétté dàté. ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Minimum du niveau %1 au %2 : %3</source>
        <translation>[Mîñîmüm dü ñîvéàü %1 àü %2 : %3 ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Date d'effet</source>
        <translation>[Dàté d'éffét ~~~~]</translation>
    </message>
    <message>
        <source>Événement</source>
        <translation>[Évéñéméñt ~~~]</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>[Mõtîf ~]</translation>
    </message>
    <message>
        <source>Modifier le projet…</source>
        <translation>[Mõdîfîér lé prõjét… ~~~~~~]</translation>
    </message>
    <message>
        <source>Marquer comme signé</source>
        <translation>[Màrqüér çõmmé sîgñé ~~~~~~]</translation>
    </message>
    <message>
        <source>Visite de suivi…</source>
        <translation>[Vîsîté dé süîvî… ~~~~~]</translation>
    </message>
    <message>
        <source>Annuler et remplacer…</source>
        <translation>[Åññülér ét rémplàçér… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Date de signature…</source>
        <translation>[Dàté dé sîgñàtüré… ~~~~~~]</translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation>[Împrîmér ~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Événements&lt;/b&gt;</source>
        <translation>[&lt;b&gt;Évéñéméñts&lt;/b&gt; ~~~~~]</translation>
    </message>
    <message>
        <source>Aucun événement (avenant, changement de niveau, suspension, rupture) depuis la signature.</source>
        <translation>[Åüçüñ évéñéméñt (àvéñàñt, çhàñgéméñt dé ñîvéàü, süspéñsîõñ, rüptüré) dépüîs là sîgñàtüré. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Contrat</source>
        <translation>[Çõñtràt ~~]</translation>
    </message>
    <message>
        <source>Du … au</source>
        <translation>[Dü … àü ~~]</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>[Ñîvéàü ~~]</translation>
    </message>
    <message>
        <source>Référent</source>
        <translation>[Référéñt ~~]</translation>
    </message>
    <message>
        <source>Prime</source>
        <translation>[Prîmé ~]</translation>
    </message>
    <message>
        <source>Dérogation</source>
        <translation>[Dérõgàtîõñ ~~~]</translation>
    </message>
    <message>
        <source>Remplace</source>
        <translation>[Rémplàçé ~~]</translation>
    </message>
    <message>
        <source>Remplacé par</source>
        <translation>[Rémplàçé pàr ~~~~]</translation>
    </message>
    <message>
        <source>Contrat imprimé :</source>
        <translation>[Çõñtràt împrîmé : ~~~~~]</translation>
    </message>
    <message>
        <source>Annuler et remplacer</source>
        <translation>[Åññülér ét rémplàçér ~~~~~~]</translation>
    </message>
    <message>
        <source>Un nouveau projet de contrat reprend toutes les données de celui-ci. Corrigez-le et faites-le signer : à sa signature, ce contrat-ci sera rompu avec le motif « remplacé ». Continuer ?</source>
        <translation>[Üñ ñõüvéàü prõjét dé çõñtràt répréñd tõütés lés dõññéés dé çélüî-çî. Çõrrîgéz-lé ét fàîtés-lé sîgñér : à sà sîgñàtüré, çé çõñtràt-çî sérà rõmpü àvéç lé mõtîf « rémplàçé ». Çõñtîñüér ? ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Projet de remplacement créé : corrigez-le («Modifier le projet…»), puis marquez-le signé.</source>
        <translation>[Prõjét dé rémplàçéméñt çréé : çõrrîgéz-lé («Mõdîfîér lé prõjét…»), püîs màrqüéz-lé sîgñé. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Signature impossible :</source>
        <translation>[Sîgñàtüré împõssîblé : ~~~~~~~]</translation>
    </message>
    <message>
        <source>Signer avec une dérogation</source>
        <translation>[Sîgñér àvéç üñé dérõgàtîõñ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Signer avec dérogation</source>
        <translation>[Sîgñér àvéç dérõgàtîõñ ~~~~~~~]</translation>
    </message>
    <message>
        <source>Enregistré.</source>
        <translation>[Éñrégîstré. ~~~]</translation>
    </message>
    <message>
        <source>Action impossible : </source>
        <translation>[Åçtîõñ împõssîblé :  ~~~~~~]</translation>
    </message>
    <message>
        <source>Vérification</source>
        <translation>[Vérîfîçàtîõñ ~~~~]</translation>
    </message>
    <message>
        <source>Enregistrer comme projet (à faire signer)</source>
        <translation>[Éñrégîstrér çõmmé prõjét (à fàîré sîgñér) ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Enregistrer comme signé aujourd'hui (3 exemplaires signés)</source>
        <translation>[Éñrégîstrér çõmmé sîgñé àüjõürd'hüî (3 éxémplàîrés sîgñés) ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>À régler avant la signature :</source>
        <translation>[À réglér àvàñt là sîgñàtüré : ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Rien ne bloque la signature dans cette copie de travail.</source>
        <translation>[Rîéñ ñé blõqüé là sîgñàtüré dàñs çétté çõpîé dé tràvàîl. ~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Projet de contrat d'alternance</source>
        <translation>[Prõjét dé çõñtràt d'àltérñàñçé ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Nouveau contrat d'alternance</source>
        <translation>[Ñõüvéàü çõñtràt d'àltérñàñçé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Suivant &gt;</source>
        <translation>[&amp;Süîvàñt &gt; ~~~]</translation>
    </message>
    <message>
        <source>&lt; &amp;Précédent</source>
        <translation>[&lt; &amp;Préçédéñt ~~~~]</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>[&amp;Éñrégîstrér ~~~~]</translation>
    </message>
    <message>
        <source>Enregistrer et &amp;imprimer (Ctrl+P)</source>
        <translation>[Éñrégîstrér ét &amp;împrîmér (Çtrl+P) ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Impression impossible</source>
        <translation>[Împréssîõñ împõssîblé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Le contrat est enregistré, mais son impression a échoué : %1</source>
        <translation>[Lé çõñtràt ést éñrégîstré, màîs sõñ împréssîõñ à éçhõüé : %1 ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>du %1 au %2</source>
        <translation>[dü %1 àü %2 ~~~]</translation>
    </message>
    <message>
        <source>Unité</source>
        <translation>[Üñîté ~]</translation>
    </message>
    <message>
        <source>Métier</source>
        <translation>[Métîér ~~]</translation>
    </message>
    <message>
        <source>Horaire (entreprise/opérateur)</source>
        <translation>[Hõràîré (éñtréprîsé/õpéràtéür) ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Rétribution mensuelle</source>
        <translation>[Rétrîbütîõñ méñsüéllé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Signataire pour l'entreprise</source>
        <translation>[Sîgñàtàîré põür l'éñtréprîsé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Contrat enregistré.</source>
        <translation>[Çõñtràt éñrégîstré. ~~~~~~]</translation>
    </message>
    <message>
        <source>Contrat enregistré et imprimé :</source>
        <translation>[Çõñtràt éñrégîstré ét împrîmé : ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Projet enregistré et imprimé (PROJET, %1 point(s) à régler avant la signature) :</source>
        <translation>[Prõjét éñrégîstré ét împrîmé (PRÕJÉT, %1 põîñt(s) à réglér àvàñt là sîgñàtüré) : ~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Enregistrement ou impression impossible : </source>
        <translation>[Éñrégîstréméñt õü împréssîõñ împõssîblé :  ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Incitants</source>
        <translation>[Îñçîtàñts ~~~]</translation>
    </message>
    <message>
        <source>entreprise</source>
        <translation>[éñtréprîsé ~~~]</translation>
    </message>
    <message>
        <source>Année scolaire</source>
        <translation>[Åññéé sçõlàîré ~~~~]</translation>
    </message>
    <message>
        <source>Incitant</source>
        <translation>[Îñçîtàñt ~~]</translation>
    </message>
    <message>
        <source>Apprenant(s)</source>
        <translation>[Åppréñàñt(s) ~~~~]</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>[Mõñtàñt ~~]</translation>
    </message>
    <message>
        <source>Contrôles</source>
        <translation>[Çõñtrôlés ~~~]</translation>
    </message>
    <message>
        <source>Approuver avec une dérogation</source>
        <translation>[Åpprõüvér àvéç üñé dérõgàtîõñ ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ces contrôles ne sont pas satisfaits :</source>
        <translation>[Çés çõñtrôlés ñé sõñt pàs sàtîsfàîts : ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Pour approuver quand même, dites pourquoi (au moins %1 caractères) : la raison est enregistrée sur la demande et dans son historique, avec votre nom.</source>
        <translation>[Põür àpprõüvér qüàñd mêmé, dîtés põürqüõî (àü mõîñs %1 çàràçtèrés) : là ràîsõñ ést éñrégîstréé sür là démàñdé ét dàñs sõñ hîstõrîqüé, àvéç võtré ñõm. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Approuver</source>
        <translation>[Åpprõüvér ~~~]</translation>
    </message>
    <message>
        <source>Contrôle</source>
        <translation>[Çõñtrôlé ~~]</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>[Résültàt ~~]</translation>
    </message>
    <message>
        <source>Détail</source>
        <translation>[Détàîl ~~]</translation>
    </message>
    <message>
        <source>date de paiement</source>
        <translation>[dàté dé pàîéméñt ~~~~~]</translation>
    </message>
    <message>
        <source>Payée le</source>
        <translation>[Pàÿéé lé ~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contrôles d'éligibilité (calculés sur la copie de travail)&lt;/b&gt;</source>
        <translation>[&lt;b&gt;Çõñtrôlés d'élîgîbîlîté (çàlçülés sür là çõpîé dé tràvàîl)&lt;/b&gt; ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>toutes</source>
        <translation>[tõütés ~~]</translation>
    </message>
    <message>
        <source>à vérifier par une personne</source>
        <translation>[à vérîfîér pàr üñé pérsõññé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Nouvelle demande d'incitant</source>
        <translation>[Ñõüvéllé démàñdé d'îñçîtàñt ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Règles applicables</source>
        <translation>[Règlés àpplîçàblés ~~~~~~]</translation>
    </message>
    <message>
        <source>primes de %1</source>
        <translation>[prîmés dé %1 ~~~~]</translation>
    </message>
    <message>
        <source>aucune unité d'établissement</source>
        <translation>[àüçüñé üñîté d'étàblîsséméñt ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez d'abord l'entreprise.</source>
        <translation>[Çhõîsîsséz d'àbõrd l'éñtréprîsé. ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez le tuteur : ses apprenants de l'année sont proposés.</source>
        <translation>[Çhõîsîsséz lé tütéür : sés àppréñàñts dé l'àññéé sõñt prõpõsés. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucun contrat de cette entreprise n'a commencé pendant l'année scolaire choisie (première année du contrat).</source>
        <translation>[Åüçüñ çõñtràt dé çétté éñtréprîsé ñ'à çõmméñçé péñdàñt l'àññéé sçõlàîré çhõîsîé (prémîèré àññéé dü çõñtràt). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucun contrat de cette entreprise pendant l'année scolaire choisie.</source>
        <translation>[Åüçüñ çõñtràt dé çétté éñtréprîsé péñdàñt l'àññéé sçõlàîré çhõîsîé. ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Les apprenants (1 à 4) suivis par ce tuteur pendant l'année.</source>
        <translation>[Lés àppréñàñts (1 à 4) süîvîs pàr çé tütéür péñdàñt l'àññéé. ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Contrats commencés pendant cette année scolaire : cochez celui de l'apprenant concerné (un par demande).</source>
        <translation>[Çõñtràts çõmméñçés péñdàñt çétté àññéé sçõlàîré : çõçhéz çélüî dé l'àppréñàñt çõñçérñé (üñ pàr démàñdé). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Cochez le contrat de l'apprenant concerné (un par demande).</source>
        <translation>[Çõçhéz lé çõñtràt dé l'àppréñàñt çõñçérñé (üñ pàr démàñdé). ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Les demandes d'incitants sont créées par l'OFFA : vous pouvez consulter les contrôles, pas enregistrer.</source>
        <translation>[Lés démàñdés d'îñçîtàñts sõñt çrééés pàr l'ÕFFÅ : võüs põüvéz çõñsültér lés çõñtrôlés, pàs éñrégîstrér. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Les contrôles s'affichent une fois l'entreprise, le type et le contrat choisis.</source>
        <translation>[Lés çõñtrôlés s'àffîçhéñt üñé fõîs l'éñtréprîsé, lé tÿpé ét lé çõñtràt çhõîsîs. ~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Pas de contrôle automatique pour cet incitant : à vérifier par une personne.</source>
        <translation>[Pàs dé çõñtrôlé àütõmàtîqüé põür çét îñçîtàñt : à vérîfîér pàr üñé pérsõññé. ~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 contrôle(s) satisfait(s) sur %2</source>
        <translation>[%1 çõñtrôlé(s) sàtîsfàît(s) sür %2 ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> — éligible à première vue. La demande est enregistrée « à vérifier ».</source>
        <translation>[ — élîgîblé à prémîèré vüé. Là démàñdé ést éñrégîstréé « à vérîfîér ». ~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> — non éligible à ce stade. La demande peut être enregistrée « à vérifier ».</source>
        <translation>[ — ñõñ élîgîblé à çé stàdé. Là démàñdé péüt êtré éñrégîstréé « à vérîfîér ». ~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>satisfait</source>
        <translation>[sàtîsfàît ~~~]</translation>
    </message>
    <message>
        <source>non satisfait</source>
        <translation>[ñõñ sàtîsfàît ~~~~]</translation>
    </message>
    <message>
        <source>Les changements de statut sont réservés à l'OFFA.</source>
        <translation>[Lés çhàñgéméñts dé stàtüt sõñt résérvés à l'ÕFFÅ. ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Date de paiement : requise pour une prime payée.</source>
        <translation>[Dàté dé pàîéméñt : réqüîsé põür üñé prîmé pàÿéé. ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Statut enregistré.</source>
        <translation>[Stàtüt éñrégîstré. ~~~~~~]</translation>
    </message>
    <message>
        <source>Changement impossible : </source>
        <translation>[Çhàñgéméñt împõssîblé :  ~~~~~~~~]</translation>
    </message>
    <message>
        <source>En entreprise (h)</source>
        <translation>[Éñ éñtréprîsé (h) ~~~~~]</translation>
    </message>
    <message>
        <source>À l'opérateur (h)</source>
        <translation>[À l'õpéràtéür (h) ~~~~~]</translation>
    </message>
    <message>
        <source>Horaire hebdomadaire : %1, « %2 » n'est pas un nombre d'heures.</source>
        <translation>[Hõràîré hébdõmàdàîré : %1, « %2 » ñ'ést pàs üñ ñõmbré d'héürés. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Nouvelle visite</source>
        <translation>[Ñõüvéllé vîsîté ~~~~~]</translation>
    </message>
    <message>
        <source>Visite d'agrément</source>
        <translation>[Vîsîté d'àgréméñt ~~~~~]</translation>
    </message>
    <message>
        <source>Visite de suivi</source>
        <translation>[Vîsîté dé süîvî ~~~~~]</translation>
    </message>
    <message>
        <source>Grille de visite — touches O (oui), N (non), S (sans objet)</source>
        <translation>[Grîllé dé vîsîté — tõüçhés Õ (õüî), Ñ (ñõñ), S (sàñs õbjét) ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Avis et commentaires</source>
        <translation>[Åvîs ét çõmméñtàîrés ~~~~~~]</translation>
    </message>
    <message>
        <source>Planification</source>
        <translation>[Plàñîfîçàtîõñ ~~~~]</translation>
    </message>
    <message>
        <source>Visiteur</source>
        <translation>[Vîsîtéür ~~]</translation>
    </message>
    <message>
        <source>un autre visiteur</source>
        <translation>[üñ àütré vîsîtéür ~~~~~]</translation>
    </message>
    <message>
        <source>Visite de %1 : lecture seule (seul le visiteur remplit son rapport).</source>
        <translation>[Vîsîté dé %1 : léçtüré séülé (séül lé vîsîtéür rémplît sõñ ràppõrt). ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>note</source>
        <translation>[ñõté ~]</translation>
    </message>
    <message>
        <source>note (facultative)</source>
        <translation>[ñõté (fàçültàtîvé) ~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez une grille pour remplir le rapport.</source>
        <translation>[Çhõîsîsséz üñé grîllé põür rémplîr lé ràppõrt. ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Réponse requise quand une note est donnée.</source>
        <translation>[Répõñsé réqüîsé qüàñd üñé ñõté ést dõññéé. ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>[Éçhéàñçé ~~]</translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation>[Fîçhé ~]</translation>
    </message>
    <message>
        <source>Reportées (%1)</source>
        <translation>[Répõrtéés (%1) ~~~~]</translation>
    </message>
    <message>
        <source>%1 en retard</source>
        <translation>[%1 éñ rétàrd ~~~~]</translation>
    </message>
    <message>
        <source>(fiche sans nom)</source>
        <translation>[(fîçhé sàñs ñõm) ~~~~~]</translation>
    </message>
    <message>
        <source>reporté au %1 : %2</source>
        <translation>[répõrté àü %1 : %2 ~~~~~~]</translation>
    </message>
    <message>
        <source>en retard depuis le %1</source>
        <translation>[éñ rétàrd dépüîs lé %1 ~~~~~~~]</translation>
    </message>
    <message>
        <source>À faire</source>
        <translation>[À fàîré ~~]</translation>
    </message>
    <message>
        <source>Calcul des échéances…</source>
        <translation>[Çàlçül dés éçhéàñçés… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Afficher les lignes reportées</source>
        <translation>[Åffîçhér lés lîgñés répõrtéés ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Reporter…</source>
        <translation>[Répõrtér… ~~~]</translation>
    </message>
    <message>
        <source>Reporter la ligne choisie à une date (Ctrl+R)</source>
        <translation>[Répõrtér là lîgñé çhõîsîé à üñé dàté (Çtrl+R) ~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>[Åçtüàlîsér ~~~]</translation>
    </message>
    <message>
        <source>Échéances indisponibles : %1</source>
        <translation>[Éçhéàñçés îñdîspõñîblés : %1 ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 ligne(s) au %2</source>
        <translation>[%1 lîgñé(s) àü %2 ~~~~~]</translation>
    </message>
    <message>
        <source>%1 reportée(s)</source>
        <translation>[%1 répõrtéé(s) ~~~~]</translation>
    </message>
    <message>
        <source>Rien à faire aujourd'hui : aucune échéance dans la copie de travail.</source>
        <translation>[Rîéñ à fàîré àüjõürd'hüî : àüçüñé éçhéàñçé dàñs là çõpîé dé tràvàîl. ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez d'abord une ligne à reporter.</source>
        <translation>[Çhõîsîsséz d'àbõrd üñé lîgñé à répõrtér. ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ouvrir la fiche</source>
        <translation>[Õüvrîr là fîçhé ~~~~~]</translation>
    </message>
    <message>
        <source>Réactiver</source>
        <translation>[Réàçtîvér ~~~]</translation>
    </message>
    <message>
        <source>Graphique (PNG)…</source>
        <translation>[Gràphîqüé (PÑG)… ~~~~~]</translation>
    </message>
    <message>
        <source>Données (XLSX)…</source>
        <translation>[Dõññéés (XLSX)… ~~~~~]</translation>
    </message>
    <message>
        <source>Image PNG (*.png)</source>
        <translation>[Îmàgé PÑG (*.pñg) ~~~~~]</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>[Çlàsséür Éxçél (*.xlsx) ~~~~~~~]</translation>
    </message>
    <message>
        <source>Indicateurs</source>
        <translation>[Îñdîçàtéürs ~~~]</translation>
    </message>
    <message>
        <source>Opérateur</source>
        <translation>[Õpéràtéür ~~~]</translation>
    </message>
    <message>
        <source>Secteur</source>
        <translation>[Séçtéür ~~]</translation>
    </message>
    <message>
        <source>%1 : tous</source>
        <translation>[%1 : tõüs ~~~]</translation>
    </message>
    <message>
        <source>Calcul des indicateurs…</source>
        <translation>[Çàlçül dés îñdîçàtéürs… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Indicateurs indisponibles : %1</source>
        <translation>[Îñdîçàtéürs îñdîspõñîblés : %1 ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>au %1</source>
        <translation>[àü %1 ~]</translation>
    </message>
    <message>
        <source>dans %1</source>
        <translation>[dàñs %1 ~~]</translation>
    </message>
    <message>
        <source>Fermer ce message</source>
        <translation>[Férmér çé méssàgé ~~~~~]</translation>
    </message>
    <message>
        <source>Ouverture impossible</source>
        <translation>[Õüvértüré împõssîblé ~~~~~~]</translation>
    </message>
    <message>
        <source>Le fichier est enregistré dans
%1
mais aucun lecteur PDF n'a pu l'ouvrir sur cet ordinateur. Ouvrez-le depuis ce dossier ou installez un lecteur PDF.</source>
        <translation>[Lé fîçhîér ést éñrégîstré dàñs
%1
màîs àüçüñ léçtéür PDF ñ'à pü l'õüvrîr sür çét õrdîñàtéür. Õüvréz-lé dépüîs çé dõssîér õü îñstàlléz üñ léçtéür PDF. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>touche %1</source>
        <translation>[tõüçhé %1 ~~~]</translation>
    </message>
    <message>
        <source>Règle(s) auxquelles vous pouvez déroger :</source>
        <translation>[Règlé(s) àüxqüéllés võüs põüvéz dérõgér : ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Règle(s) impérative(s), sans dérogation possible : corrigez d'abord.</source>
        <translation>[Règlé(s) împéràtîvé(s), sàñs dérõgàtîõñ põssîblé : çõrrîgéz d'àbõrd. ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Pour continuer quand même, dites pourquoi (au moins %1 caractères) : la raison est enregistrée sur la fiche, imprimée et gardée dans son historique, avec votre nom.</source>
        <translation>[Põür çõñtîñüér qüàñd mêmé, dîtés põürqüõî (àü mõîñs %1 çàràçtèrés) : là ràîsõñ ést éñrégîstréé sür là fîçhé, împrîméé ét gàrdéé dàñs sõñ hîstõrîqüé, àvéç võtré ñõm. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Raccourcis clavier</source>
        <translation>[Ràççõürçîs çlàvîér ~~~~~~]</translation>
    </message>
    <message>
        <source>Où</source>
        <translation>[Õù ~]</translation>
    </message>
    <message>
        <source>Touches</source>
        <translation>[Tõüçhés ~~]</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>[Åçtîõñ ~~]</translation>
    </message>
    <message>
        <source>secrétariat</source>
        <translation>[séçrétàrîàt ~~~]</translation>
    </message>
    <message>
        <source>coach sectoriel</source>
        <translation>[çõàçh séçtõrîél ~~~~~]</translation>
    </message>
    <message>
        <source>OFFA</source>
        <translation>[ÕFFÅ ~]</translation>
    </message>
    <message>
        <source>Comptes de démonstration</source>
        <translation>[Çõmptés dé démõñstràtîõñ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ils n'ouvrent que le serveur de démonstration intégré (offa-desktop --demo). Pour changer de compte : Synchronisation › Se connecter…, ou offa-desktop --demo --demo-user coach.</source>
        <translation>[Îls ñ'õüvréñt qüé lé sérvéür dé démõñstràtîõñ îñtégré (õffà-désktõp --démõ). Põür çhàñgér dé çõmpté : Sÿñçhrõñîsàtîõñ › Sé çõññéçtér…, õü õffà-désktõp --démõ --démõ-üsér çõàçh. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Utilisateur</source>
        <translation>[Ütîlîsàtéür ~~~]</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>[Mõt dé pàssé ~~~~]</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>[Rôlé ~]</translation>
    </message>
    <message>
        <source>&amp;Guide : contrat et visite au clavier</source>
        <translation>[&amp;Güîdé : çõñtràt ét vîsîté àü çlàvîér ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>[Güîdé ~]</translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation>[&amp;Ràççõürçîs çlàvîér ~~~~~~]</translation>
    </message>
    <message>
        <source>Comptes de &amp;démonstration</source>
        <translation>[Çõmptés dé &amp;démõñstràtîõñ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Se connecter…</source>
        <translation>[Sé çõññéçtér… ~~~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pas encore connecté.&lt;/b&gt; Indiquez l'adresse du serveur OPLA de votre opérateur, votre utilisateur et votre mot de passe pour recevoir les fiches de votre périmètre. Pour essayer sans serveur : &lt;code&gt;offa-desktop --demo&lt;/code&gt;.</source>
        <translation>[&lt;b&gt;Pàs éñçõré çõññéçté.&lt;/b&gt; Îñdîqüéz l'àdréssé dü sérvéür ÕPLÅ dé võtré õpéràtéür, võtré ütîlîsàtéür ét võtré mõt dé pàssé põür réçévõîr lés fîçhés dé võtré pérîmètré. Põür éssàÿér sàñs sérvéür : &lt;çõdé&gt;õffà-désktõp --démõ&lt;/çõdé&gt;. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Déconnecté.&lt;/b&gt; Les modifications restent sur cet ordinateur et partiront à la prochaine connexion de %1.</source>
        <translation>[&lt;b&gt;Déçõññéçté.&lt;/b&gt; Lés mõdîfîçàtîõñs réstéñt sür çét õrdîñàtéür ét pàrtîrõñt à là prõçhàîñé çõññéxîõñ dé %1. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Se reconnecter…</source>
        <translation>[Sé réçõññéçtér… ~~~~~]</translation>
    </message>
    <message>
        <source>— ne pas importer —</source>
        <translation>[— ñé pàs împõrtér — ~~~~~~]</translation>
    </message>
    <message>
        <source>Problèmes</source>
        <translation>[Prõblèmés ~~~]</translation>
    </message>
    <message>
        <source>Offre Stage+</source>
        <translation>[Õffré Stàgé+ ~~~~]</translation>
    </message>
    <message>
        <source>Nouvelle offre Stage+</source>
        <translation>[Ñõüvéllé õffré Stàgé+ ~~~~~~~]</translation>
    </message>
    <message>
        <source>nom, téléphone ou courriel</source>
        <translation>[ñõm, téléphõñé õü çõürrîél ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>[Püblîçàtîõñ ~~~]</translation>
    </message>
    <message>
        <source>Fiche d'offre (PDF)</source>
        <translation>[Fîçhé d'õffré (PDF) ~~~~~~]</translation>
    </message>
    <message>
        <source>Fiche d'offre enregistrée</source>
        <translation>[Fîçhé d'õffré éñrégîstréé ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Saisine de la Commission</source>
        <translation>[Sàîsîñé dé là Çõmmîssîõñ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Nouvelle saisine de la Commission</source>
        <translation>[Ñõüvéllé sàîsîñé dé là Çõmmîssîõñ ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>[Çõmmîssîõñ ~~~]</translation>
    </message>
    <message>
        <source>Mobilité d'un apprenant</source>
        <translation>[Mõbîlîté d'üñ àppréñàñt ~~~~~~~]</translation>
    </message>
    <message>
        <source>Nouvelle demande de mobilité</source>
        <translation>[Ñõüvéllé démàñdé dé mõbîlîté ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Décision de l'opérateur d'origine</source>
        <translation>[Déçîsîõñ dé l'õpéràtéür d'õrîgîñé ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>pas dans votre copie (inscrit chez un autre opérateur)</source>
        <translation>[pàs dàñs võtré çõpîé (îñsçrît çhéz üñ àütré õpéràtéür) ~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Non connecté</source>
        <translation>[Ñõñ çõññéçté ~~~~]</translation>
    </message>
    <message>
        <source>Déconnecté</source>
        <translation>[Déçõññéçté ~~~]</translation>
    </message>
    <message>
        <source>Hors ligne</source>
        <translation>[Hõrs lîgñé ~~~]</translation>
    </message>
    <message>
        <source>En ligne</source>
        <translation>[Éñ lîgñé ~~]</translation>
    </message>
    <message>
        <source>Connecté</source>
        <translation>[Çõññéçté ~~]</translation>
    </message>
    <message>
        <source>%1 en attente</source>
        <translation>[%1 éñ àttéñté ~~~~]</translation>
    </message>
    <message>
        <source>%1 conflit(s)</source>
        <translation>[%1 çõñflît(s) ~~~~]</translation>
    </message>
    <message>
        <source>%1 refusée(s)</source>
        <translation>[%1 réfüséé(s) ~~~~]</translation>
    </message>
    <message>
        <source>synchronisé le %1</source>
        <translation>[sÿñçhrõñîsé lé %1 ~~~~~]</translation>
    </message>
    <message>
        <source>jamais synchronisé</source>
        <translation>[jàmàîs sÿñçhrõñîsé ~~~~~~]</translation>
    </message>
    <message>
        <source>Envoi</source>
        <translation>[Éñvõî ~]</translation>
    </message>
    <message>
        <source>Envoi des documents</source>
        <translation>[Éñvõî dés dõçüméñts ~~~~~~]</translation>
    </message>
    <message>
        <source>Réception</source>
        <translation>[Réçéptîõñ ~~~]</translation>
    </message>
    <message>
        <source>sur</source>
        <translation>[sür ~]</translation>
    </message>
    <message>
        <source>La vérification a trouvé des fiches de la copie de travail différentes de celles du serveur et les a rétablies comme sur le serveur (%1). Vos modifications non envoyées et vos conflits sont conservés ; le détail est dans le journal.</source>
        <translation>[Là vérîfîçàtîõñ à trõüvé dés fîçhés dé là çõpîé dé tràvàîl dîfféréñtés dé çéllés dü sérvéür ét lés à rétàblîés çõmmé sür lé sérvéür (%1). Võs mõdîfîçàtîõñs ñõñ éñvõÿéés ét võs çõñflîts sõñt çõñsérvés ; lé détàîl ést dàñs lé jõürñàl. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Doublons possibles</source>
        <translation>[Dõüblõñs põssîblés ~~~~~~]</translation>
    </message>
    <message>
        <source>Fiches</source>
        <translation>[Fîçhés ~~]</translation>
    </message>
    <message>
        <source>Pourquoi</source>
        <translation>[Põürqüõî ~~]</translation>
    </message>
    <message>
        <source>Première fiche</source>
        <translation>[Prémîèré fîçhé ~~~~]</translation>
    </message>
    <message>
        <source>Seconde fiche</source>
        <translation>[Séçõñdé fîçhé ~~~~]</translation>
    </message>
    <message>
        <source>Garder la première, fusionner la seconde</source>
        <translation>[Gàrdér là prémîèré, füsîõññér là séçõñdé ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Garder la seconde, fusionner la première</source>
        <translation>[Gàrdér là séçõñdé, füsîõññér là prémîèré ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Recherche des doublons…</source>
        <translation>[Réçhérçhé dés dõüblõñs… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucun doublon possible dans la copie de travail.</source>
        <translation>[Åüçüñ dõüblõñ põssîblé dàñs là çõpîé dé tràvàîl. ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 paire(s). Choisissez une paire, puis la fiche à garder : les références à l'autre passent à celle-ci, l'autre est supprimée (son historique garde la fusion).</source>
        <translation>[%1 pàîré(s). Çhõîsîsséz üñé pàîré, püîs là fîçhé à gàrdér : lés référéñçés à l'àütré pàsséñt à çéllé-çî, l'àütré ést süpprîméé (sõñ hîstõrîqüé gàrdé là füsîõñ). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 paire(s). Seul le personnel de l'OFFA fusionne des fiches : signalez-lui ces doublons.</source>
        <translation>[%1 pàîré(s). Séül lé pérsõññél dé l'ÕFFÅ füsîõññé dés fîçhés : sîgñàléz-lüî çés dõüblõñs. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fusion en cours sur le serveur…</source>
        <translation>[Füsîõñ éñ çõürs sür lé sérvéür… ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fusion impossible : </source>
        <translation>[Füsîõñ împõssîblé :  ~~~~~~]</translation>
    </message>
    <message>
        <source>Date de signature</source>
        <translation>[Dàté dé sîgñàtüré ~~~~~]</translation>
    </message>
    <message>
        <source>Le jour où les parties ont signé le contrat (le jour du scan ou du clic est proposé ; corrigez-le si la signature date d'un autre jour).</source>
        <translation>[Lé jõür õù lés pàrtîés õñt sîgñé lé çõñtràt (lé jõür dü sçàñ õü dü çlîç ést prõpõsé ; çõrrîgéz-lé sî là sîgñàtüré dàté d'üñ àütré jõür). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Corriger la date</source>
        <translation>[Çõrrîgér là dàté ~~~~~]</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>À propos d'OFFA</source>
        <translation>[À prõpõs d'ÕFFÅ ~~~~~]</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OFFA – Poste de travail de l'alternance&lt;/h3&gt;&lt;p&gt;Version %1 — licence %2&lt;/p&gt;&lt;p&gt;Copie de travail locale, synchronisation OPLA et impression des formulaires pour les opérateurs de la formation en alternance.&lt;/p&gt;&lt;p&gt;Python %3, Qt %4%5&lt;/p&gt;</source>
        <translation>[&lt;h3&gt;ÕFFÅ – Põsté dé tràvàîl dé l'àltérñàñçé&lt;/h3&gt;&lt;p&gt;Vérsîõñ %1 — lîçéñçé %2&lt;/p&gt;&lt;p&gt;Çõpîé dé tràvàîl lõçàlé, sÿñçhrõñîsàtîõñ ÕPLÅ ét împréssîõñ dés fõrmülàîrés põür lés õpéràtéürs dé là fõrmàtîõñ éñ àltérñàñçé.&lt;/p&gt;&lt;p&gt;Pÿthõñ %3, Qt %4%5&lt;/p&gt; ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> (installation autonome)</source>
        <translation>[ (îñstàllàtîõñ àütõñõmé) ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Composants inclus et leurs licences :</source>
        <translation>[Çõmpõsàñts îñçlüs ét léürs lîçéñçés : ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Composant</source>
        <translation>[Çõmpõsàñt ~~~]</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>[Vérsîõñ ~~]</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>[Lîçéñçé ~~]</translation>
    </message>
</context>
<context>
    <name>AccountFlow</name>
    <message>
        <source>Connecté en tant que %1.</source>
        <translation>[Çõññéçté éñ tàñt qüé %1. ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Déconnecté.</source>
        <translation>[Déçõññéçté. ~~~]</translation>
    </message>
</context>
<context>
    <name>AreaView</name>
    <message>
        <source>%1 : tous</source>
        <translation>[%1 : tõüs ~~~]</translation>
    </message>
    <message>
        <source>%1 fiche(s)</source>
        <translation>[%1 fîçhé(s) ~~~]</translation>
    </message>
    <message>
        <source>Aucune fiche pour ces filtres (%1).
Choisissez « tous » dans un filtre pour voir plus de fiches.</source>
        <translation>[Åüçüñé fîçhé põür çés fîltrés (%1).
Çhõîsîsséz « tõüs » dàñs üñ fîltré põür võîr plüs dé fîçhés. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucune fiche dans la copie de travail.
Synchronisez (F5) pour recevoir celles de votre périmètre, ou créez-en une (Ctrl+N).</source>
        <translation>[Åüçüñé fîçhé dàñs là çõpîé dé tràvàîl.
Sÿñçhrõñîséz (F5) põür réçévõîr çéllés dé võtré pérîmètré, õü çrééz-éñ üñé (Çtrl+Ñ). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>Pièces jointes</source>
        <translation>[Pîèçés jõîñtés ~~~~]</translation>
    </message>
    <message>
        <source>Joindre un fichier…</source>
        <translation>[Jõîñdré üñ fîçhîér… ~~~~~~]</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>[Õüvrîr ~~]</translation>
    </message>
    <message>
        <source> · en attente d'envoi</source>
        <translation>[ · éñ àttéñté d'éñvõî ~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucune pièce jointe.</source>
        <translation>[Åüçüñé pîèçé jõîñté. ~~~~~~]</translation>
    </message>
    <message>
        <source>Joindre un fichier</source>
        <translation>[Jõîñdré üñ fîçhîér ~~~~~~]</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>[Dõçüméñts (*.pdf *.jpg *.jpég *.pñg) ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ajout de %1…</source>
        <translation>[Åjõüt dé %1… ~~~~]</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Impression par lot</source>
        <translation>[Împréssîõñ pàr lõt ~~~~~~]</translation>
    </message>
    <message>
        <source>%1 document(s) vers %2</source>
        <translation>[%1 dõçüméñt(s) vérs %2 ~~~~~~~]</translation>
    </message>
    <message>
        <source>%v sur %m</source>
        <translation>[%v sür %m ~~~]</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>[Åññülér ~~]</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>[Õüvrîr lé dõssîér ~~~~~]</translation>
    </message>
    <message>
        <source>Arrêt après le document en cours…</source>
        <translation>[Årrêt àprès lé dõçüméñt éñ çõürs… ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 document(s) écrit(s) dans %2.</source>
        <translation>[%1 dõçüméñt(s) éçrît(s) dàñs %2. ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Impression annulée. </source>
        <translation>[Împréssîõñ àññüléé.  ~~~~~~]</translation>
    </message>
    <message>
        <source>%1 n'ont pas pu être imprimé(s) :</source>
        <translation>[%1 ñ'õñt pàs pü êtré împrîmé(s) : ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>[Férmér ~~]</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Erreur inattendue</source>
        <translation>[Érréür îñàttéñdüé ~~~~~]</translation>
    </message>
    <message>
        <source>Un rapport a été enregistré dans :
%1</source>
        <translation>[Üñ ràppõrt à été éñrégîstré dàñs :
%1 ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Le rapport n'a pas pu être enregistré ; copiez-le ci-dessous.</source>
        <translation>[Lé ràppõrt ñ'à pàs pü êtré éñrégîstré ; çõpîéz-lé çî-déssõüs. ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Le poste de travail a rencontré une erreur inattendue. Vos données enregistrées sont intactes ; la dernière action a peut-être échoué.

</source>
        <translation>[Lé põsté dé tràvàîl à réñçõñtré üñé érréür îñàttéñdüé. Võs dõññéés éñrégîstréés sõñt îñtàçtés ; là dérñîèré àçtîõñ à péüt-êtré éçhõüé.

 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>

Transmettez ce rapport au support pour que l'erreur soit corrigée.</source>
        <translation>[

Tràñsméttéz çé ràppõrt àü süppõrt põür qüé l'érréür sõît çõrrîgéé. ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Copier le rapport</source>
        <translation>[Çõpîér lé ràppõrt ~~~~~]</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>[Õüvrîr lé dõssîér ~~~~~]</translation>
    </message>
    <message>
        <source>Quitter l'application</source>
        <translation>[Qüîttér l'àpplîçàtîõñ ~~~~~~~]</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>[Çõñtîñüér ~~~]</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Mes appareils</source>
        <translation>[Més àppàréîls ~~~~]</translation>
    </message>
    <message>
        <source>Les ordinateurs où ce compte est connecté. Un ordinateur perdu ou qui ne sert plus : sélectionnez-le et « Révoquer » ; il ne pourra plus synchroniser.</source>
        <translation>[Lés õrdîñàtéürs õù çé çõmpté ést çõññéçté. Üñ õrdîñàtéür pérdü õü qüî ñé sért plüs : séléçtîõññéz-lé ét « Révõqüér » ; îl ñé põürrà plüs sÿñçhrõñîsér. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Utilisateur :</source>
        <translation>[&amp;Ütîlîsàtéür : ~~~~]</translation>
    </message>
    <message>
        <source>Appareil</source>
        <translation>[Åppàréîl ~~]</translation>
    </message>
    <message>
        <source>Première utilisation</source>
        <translation>[Prémîèré ütîlîsàtîõñ ~~~~~~]</translation>
    </message>
    <message>
        <source>Dernière utilisation</source>
        <translation>[Dérñîèré ütîlîsàtîõñ ~~~~~~]</translation>
    </message>
    <message>
        <source>État</source>
        <translation>[Étàt ~]</translation>
    </message>
    <message>
        <source>&amp;Révoquer</source>
        <translation>[&amp;Révõqüér ~~~]</translation>
    </message>
    <message>
        <source>Révoquer et &amp;effacer</source>
        <translation>[Révõqüér ét &amp;éffàçér ~~~~~~]</translation>
    </message>
    <message>
        <source>À sa prochaine connexion, l'ordinateur efface sa copie de travail, ses sauvegardes et ses jetons, puis le signale.</source>
        <translation>[À sà prõçhàîñé çõññéxîõñ, l'õrdîñàtéür éffàçé sà çõpîé dé tràvàîl, sés sàüvégàrdés ét sés jétõñs, püîs lé sîgñàlé. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Lecture des appareils sur le serveur…</source>
        <translation>[Léçtüré dés àppàréîls sür lé sérvéür… ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> (cet ordinateur)</source>
        <translation>[ (çét õrdîñàtéür) ~~~~~]</translation>
    </message>
    <message>
        <source>Aucun appareil.</source>
        <translation>[Åüçüñ àppàréîl. ~~~~~]</translation>
    </message>
    <message>
        <source>%1 appareil(s).</source>
        <translation>[%1 àppàréîl(s). ~~~~~]</translation>
    </message>
    <message>
        <source>Révoquer « %1 » et lui faire effacer ses données OFFA (copie de travail, sauvegardes, jetons) à sa prochaine connexion ?</source>
        <translation>[Révõqüér « %1 » ét lüî fàîré éffàçér sés dõññéés ÕFFÅ (çõpîé dé tràvàîl, sàüvégàrdés, jétõñs) à sà prõçhàîñé çõññéxîõñ ? ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Révoquer « %1 » ? Cet ordinateur ne pourra plus synchroniser sans qu'on s'y reconnecte.</source>
        <translation>[Révõqüér « %1 » ? Çét õrdîñàtéür ñé põürrà plüs sÿñçhrõñîsér sàñs qü'õñ s'ÿ réçõññéçté. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Révoquer et effacer</source>
        <translation>[Révõqüér ét éffàçér ~~~~~~]</translation>
    </message>
    <message>
        <source>Révoquer</source>
        <translation>[Révõqüér ~~]</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>[Åññülér ~~]</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>&amp;Doublons possibles…</source>
        <translation>[&amp;Dõüblõñs põssîblés… ~~~~~~]</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Exporter la liste…</source>
        <translation>[&amp;Éxpõrtér là lîsté… ~~~~~~]</translation>
    </message>
</context>
<context>
    <name>ForgetFlow</name>
    <message>
        <source>Oublier cet ordinateur</source>
        <translation>[Õüblîér çét õrdîñàtéür ~~~~~~~]</translation>
    </message>
    <message>
        <source>Une dernière synchronisation envoie vos modifications, puis cet ordinateur efface ses données OFFA : copie de travail, sauvegardes, pièces jointes, documents scannés en attente, rapports d'erreur et jetons de connexion. L'application se ferme ensuite.

Oublier cet ordinateur ?</source>
        <translation>[Üñé dérñîèré sÿñçhrõñîsàtîõñ éñvõîé võs mõdîfîçàtîõñs, püîs çét õrdîñàtéür éffàçé sés dõññéés ÕFFÅ : çõpîé dé tràvàîl, sàüvégàrdés, pîèçés jõîñtés, dõçüméñts sçàññés éñ àttéñté, ràppõrts d'érréür ét jétõñs dé çõññéxîõñ. L'àpplîçàtîõñ sé férmé éñsüîté.

Õüblîér çét õrdîñàtéür ? ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>[Åññülér ~~]</translation>
    </message>
    <message>
        <source>Dernière synchronisation, puis effacement…</source>
        <translation>[Dérñîèré sÿñçhrõñîsàtîõñ, püîs éffàçéméñt… ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Exporter les modifications non envoyées</source>
        <translation>[Éxpõrtér lés mõdîfîçàtîõñs ñõñ éñvõÿéés ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Lignes JSON (*.jsonl)</source>
        <translation>[Lîgñés JSÕÑ (*.jsõñl) ~~~~~~~]</translation>
    </message>
    <message>
        <source>Exporter puis oublier…</source>
        <translation>[Éxpõrtér püîs õüblîér… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Cet ordinateur est oublié : ses données OFFA sont effacées.</source>
        <translation>[Çét õrdîñàtéür ést õüblîé : sés dõññéés ÕFFÅ sõñt éffàçéés. ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Les modifications non envoyées sont dans %1.</source>
        <translation>[Lés mõdîfîçàtîõñs ñõñ éñvõÿéés sõñt dàñs %1. ~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Historique de la fiche</source>
        <translation>[Hîstõrîqüé dé là fîçhé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Quand</source>
        <translation>[Qüàñd ~]</translation>
    </message>
    <message>
        <source>Qui</source>
        <translation>[Qüî ~]</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>[Qüõî ~]</translation>
    </message>
    <message>
        <source>Sur le serveur</source>
        <translation>[Sür lé sérvéür ~~~~]</translation>
    </message>
    <message>
        <source>Aucune modification enregistrée sur le serveur pour cette fiche.</source>
        <translation>[Åüçüñé mõdîfîçàtîõñ éñrégîstréé sür lé sérvéür põür çétté fîçhé. ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Sur cet ordinateur, pas encore envoyé</source>
        <translation>[Sür çét õrdîñàtéür, pàs éñçõré éñvõÿé ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>moi</source>
        <translation>[mõî ~]</translation>
    </message>
    <message>
        <source>Rien en attente : tout est sur le serveur.</source>
        <translation>[Rîéñ éñ àttéñté : tõüt ést sür lé sérvéür. ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Annulé et remplacé : la chaîne</source>
        <translation>[Åññülé ét rémplàçé : là çhàîñé ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 modification(s) sur le serveur, %2 en attente d'envoi</source>
        <translation>[%1 mõdîfîçàtîõñ(s) sür lé sérvéür, %2 éñ àttéñté d'éñvõî ~~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importer une liste</source>
        <translation>[Împõrtér üñé lîsté ~~~~~~]</translation>
    </message>
    <message>
        <source>CSV, classeur Excel (.xlsx) ou JSON lines</source>
        <translation>[ÇSV, çlàsséür Éxçél (.xlsx) õü JSÕÑ lîñés ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Choisir le fichier…</source>
        <translation>[&amp;Çhõîsîr lé fîçhîér… ~~~~~~]</translation>
    </message>
    <message>
        <source>l'école ou le service qui envoie la liste</source>
        <translation>[l'éçõlé õü lé sérvîçé qüî éñvõîé là lîsté ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>[Fîçhîér ~~]</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>[Prõvéñàñçé ~~~]</translation>
    </message>
    <message>
        <source>Fiches</source>
        <translation>[Fîçhés ~~]</translation>
    </message>
    <message>
        <source>Colonne du fichier</source>
        <translation>[Çõlõññé dü fîçhîér ~~~~~~]</translation>
    </message>
    <message>
        <source>Exemple</source>
        <translation>[Éxémplé ~~]</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>[Çhàmp ~]</translation>
    </message>
    <message>
        <source>ligne %v sur %m</source>
        <translation>[lîgñé %v sür %m ~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Importer</source>
        <translation>[&amp;Împõrtér ~~~]</translation>
    </message>
    <message>
        <source>Colonnes : quel champ chacune remplit</source>
        <translation>[Çõlõññés : qüél çhàmp çhàçüñé rémplît ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aperçu des 20 premières lignes</source>
        <translation>[Åpérçü dés 20 prémîèrés lîgñés ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Liste à importer</source>
        <translation>[Lîsté à împõrtér ~~~~~]</translation>
    </message>
    <message>
        <source>Listes (*.csv *.xlsx *.jsonl *.json *.txt);;Tous les fichiers (*)</source>
        <translation>[Lîstés (*.çsv *.xlsx *.jsõñl *.jsõñ *.txt);;Tõüs lés fîçhîérs (*) ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Lecture du fichier…</source>
        <translation>[Léçtüré dü fîçhîér… ~~~~~~]</translation>
    </message>
    <message>
        <source>« %1 » et « %2 » remplissent le même champ.</source>
        <translation>[« %1 » ét « %2 » rémplîsséñt lé mêmé çhàmp. ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Champs obligatoires sans colonne : %1.</source>
        <translation>[Çhàmps õblîgàtõîrés sàñs çõlõññé : %1. ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Vérification de l'aperçu…</source>
        <translation>[Vérîfîçàtîõñ dé l'àpérçü… ~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 ligne(s) dans le fichier ; aperçu des %2 premières : %3 avec un problème.</source>
        <translation>[%1 lîgñé(s) dàñs lé fîçhîér ; àpérçü dés %2 prémîèrés : %3 àvéç üñ prõblèmé. ~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation>[Împõrt éñ çõürs… ~~~~~]</translation>
    </message>
    <message>
        <source>Import terminé : %1 fiche(s) créée(s), %2 mise(s) à jour, %3 inchangée(s).</source>
        <translation>[Împõrt térmîñé : %1 fîçhé(s) çrééé(s), %2 mîsé(s) à jõür, %3 îñçhàñgéé(s). ~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>%1 ligne(s) refusée(s) : rien n'a été importé. Corrigez le fichier puis importez-le à nouveau (les lignes déjà importées ne seront pas dupliquées).</source>
        <translation>[%1 lîgñé(s) réfüséé(s) : rîéñ ñ'à été împõrté. Çõrrîgéz lé fîçhîér püîs împõrtéz-lé à ñõüvéàü (lés lîgñés déjà împõrtéés ñé sérõñt pàs düplîqüéés). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Import impossible : </source>
        <translation>[Împõrt împõssîblé :  ~~~~~~]</translation>
    </message>
    <message>
        <source>Importer une &amp;liste (CSV, Excel)…</source>
        <translation>[Împõrtér üñé &amp;lîsté (ÇSV, Éxçél)… ~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Journal de l'application</source>
        <translation>[Jõürñàl dé l'àpplîçàtîõñ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>[Åçtüàlîsér ~~~]</translation>
    </message>
    <message>
        <source>Le journal est vide.</source>
        <translation>[Lé jõürñàl ést vîdé. ~~~~~~]</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Connexion au serveur OPLA</source>
        <translation>[Çõññéxîõñ àü sérvéür ÕPLÅ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>adresse donnée par votre opérateur, ex. https://opla.example.be</source>
        <translation>[àdréssé dõññéé pàr võtré õpéràtéür, éx. https://õplà.éxàmplé.bé ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>— choisir un compte de démonstration —</source>
        <translation>[— çhõîsîr üñ çõmpté dé démõñstràtîõñ — ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Démonstration</source>
        <translation>[Démõñstràtîõñ ~~~~]</translation>
    </message>
    <message>
        <source>Serveur</source>
        <translation>[Sérvéür ~~]</translation>
    </message>
    <message>
        <source>Utilisateur</source>
        <translation>[Ütîlîsàtéür ~~~]</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>[Mõt dé pàssé ~~~~]</translation>
    </message>
    <message>
        <source>Se connecter</source>
        <translation>[Sé çõññéçtér ~~~~]</translation>
    </message>
    <message>
        <source>le serveur</source>
        <translation>[lé sérvéür ~~~]</translation>
    </message>
    <message>
        <source>l'utilisateur</source>
        <translation>[l'ütîlîsàtéür ~~~~]</translation>
    </message>
    <message>
        <source>le mot de passe</source>
        <translation>[lé mõt dé pàssé ~~~~~]</translation>
    </message>
    <message>
        <source>Indiquez %1.</source>
        <translation>[Îñdîqüéz %1. ~~~~]</translation>
    </message>
    <message>
        <source>Connexion en cours…</source>
        <translation>[Çõññéxîõñ éñ çõürs… ~~~~~~]</translation>
    </message>
</context>
<context>
    <name>LogoutQuestion</name>
    <message>
        <source>Se déconnecter</source>
        <translation>[Sé déçõññéçtér ~~~~]</translation>
    </message>
    <message>
        <source>%1 modification(s) ou conflit(s) ne sont pas encore envoyés ou réglés :</source>
        <translation>[%1 mõdîfîçàtîõñ(s) õü çõñflît(s) ñé sõñt pàs éñçõré éñvõÿés õü réglés : ~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>… et %1 autre(s) (« Modifications refusées », « Conflits à résoudre… »)</source>
        <translation>[… ét %1 àütré(s) (« Mõdîfîçàtîõñs réfüséés », « Çõñflîts à résõüdré… ») ~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>les modifications en attente partiront à la prochaine connexion avec ce compte</source>
        <translation>[lés mõdîfîçàtîõñs éñ àttéñté pàrtîrõñt à là prõçhàîñé çõññéxîõñ àvéç çé çõmpté ~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>les conflits attendent votre choix</source>
        <translation>[lés çõñflîts àttéñdéñt võtré çhõîx ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>les modifications refusées attendent d'être corrigées ou abandonnées</source>
        <translation>[lés mõdîfîçàtîõñs réfüséés àttéñdéñt d'êtré çõrrîgéés õü àbàñdõññéés ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Elles restent dans la copie de travail : %1.</source>
        <translation>[Éllés réstéñt dàñs là çõpîé dé tràvàîl : %1. ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Abandonner les modifications interdites (%1) et se déconnecter</source>
        <translation>[Åbàñdõññér lés mõdîfîçàtîõñs îñtérdîtés (%1) ét sé déçõññéçtér ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Se déconnecter quand même</source>
        <translation>[Sé déçõññéçtér qüàñd mêmé ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Rester connecté</source>
        <translation>[Réstér çõññéçté ~~~~~]</translation>
    </message>
    <message>
        <source>création</source>
        <translation>[çréàtîõñ ~~]</translation>
    </message>
    <message>
        <source>modification</source>
        <translation>[mõdîfîçàtîõñ ~~~~]</translation>
    </message>
    <message>
        <source>suppression</source>
        <translation>[süppréssîõñ ~~~]</translation>
    </message>
    <message>
        <source>en attente d'envoi</source>
        <translation>[éñ àttéñté d'éñvõî ~~~~~~]</translation>
    </message>
    <message>
        <source>en conflit</source>
        <translation>[éñ çõñflît ~~~]</translation>
    </message>
    <message>
        <source>refusée par le serveur</source>
        <translation>[réfüséé pàr lé sérvéür ~~~~~~~]</translation>
    </message>
    <message>
        <source>interdite pour votre rôle</source>
        <translation>[îñtérdîté põür võtré rôlé ~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OFFA – Poste de travail de l'alternance</source>
        <translation>[ÕFFÅ – Põsté dé tràvàîl dé l'àltérñàñçé ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>[Çtrl+%1 ~~]</translation>
    </message>
    <message>
        <source>Copie de travail locale</source>
        <translation>[Çõpîé dé tràvàîl lõçàlé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Barre d'outils</source>
        <translation>[Bàrré d'õütîls ~~~~]</translation>
    </message>
    <message>
        <source>Synchroniser</source>
        <translation>[Sÿñçhrõñîsér ~~~~]</translation>
    </message>
    <message>
        <source>Synchroniser avec le serveur (F5)</source>
        <translation>[Sÿñçhrõñîsér àvéç lé sérvéür (F5) ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Rechercher un apprenant, une entreprise, un contrat… (Ctrl+K)</source>
        <translation>[Réçhérçhér üñ àppréñàñt, üñé éñtréprîsé, üñ çõñtràt… (Çtrl+K) ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>[&amp;Fîçhîér ~~]</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>[&amp;Qüîttér ~~]</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>[&amp;Åffîçhàgé ~~~]</translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation>[Réçhérçhér ~~~]</translation>
    </message>
    <message>
        <source>&amp;Synchronisation</source>
        <translation>[&amp;Sÿñçhrõñîsàtîõñ ~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>[&amp;Åîdé ~]</translation>
    </message>
    <message>
        <source>À &amp;propos d'OFFA</source>
        <translation>[À &amp;prõpõs d'ÕFFÅ ~~~~~]</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Phrase de passe :</source>
        <translation>[Phràsé dé pàssé : ~~~~~]</translation>
    </message>
    <message>
        <source>Une seconde fois :</source>
        <translation>[Üñé séçõñdé fõîs : ~~~~~~]</translation>
    </message>
    <message>
        <source>Mettre la copie de côté et repartir…</source>
        <translation>[Méttré là çõpîé dé çôté ét répàrtîr… ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisir une phrase de passe</source>
        <translation>[Çhõîsîr üñé phràsé dé pàssé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Cet ordinateur n'a pas de trousseau sécurisé : la copie de travail (données personnelles des apprenants) sera chiffrée par une phrase de passe que vous choisissez maintenant. Elle vous sera demandée à chaque démarrage. Plusieurs mots faciles à retenir pour vous valent mieux qu'un mot compliqué ; notez-la en lieu sûr : oubliée, la copie devra être reconstruite depuis le serveur.</source>
        <translation>[Çét õrdîñàtéür ñ'à pàs dé trõüsséàü séçürîsé : là çõpîé dé tràvàîl (dõññéés pérsõññéllés dés àppréñàñts) sérà çhîffréé pàr üñé phràsé dé pàssé qüé võüs çhõîsîsséz màîñtéñàñt. Éllé võüs sérà démàñdéé à çhàqüé démàrràgé. Plüsîéürs mõts fàçîlés à rétéñîr põür võüs vàléñt mîéüx qü'üñ mõt çõmplîqüé ; ñõtéz-là éñ lîéü sûr : õüblîéé, là çõpîé dévrà êtré réçõñstrüîté dépüîs lé sérvéür. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Chiffrer la copie</source>
        <translation>[Çhîffrér là çõpîé ~~~~~]</translation>
    </message>
    <message>
        <source>Clé de la copie introuvable</source>
        <translation>[Çlé dé là çõpîé îñtrõüvàblé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>La clé qui chiffre la copie de travail est introuvable sur cet ordinateur (trousseau du système indisponible ou effacé, fichier de clé perdu) : la copie ne peut pas être ouverte.</source>
        <translation>[Là çlé qüî çhîffré là çõpîé dé tràvàîl ést îñtrõüvàblé sür çét õrdîñàtéür (trõüsséàü dü sÿstèmé îñdîspõñîblé õü éffàçé, fîçhîér dé çlé pérdü) : là çõpîé ñé péüt pàs êtré õüvérté. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Phrase de passe</source>
        <translation>[Phràsé dé pàssé ~~~~~]</translation>
    </message>
    <message>
        <source>La copie de travail est chiffrée. Tapez votre phrase de passe pour l'ouvrir.</source>
        <translation>[Là çõpîé dé tràvàîl ést çhîffréé. Tàpéz võtré phràsé dé pàssé põür l'õüvrîr. ~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>[Õüvrîr ~~]</translation>
    </message>
    <message>
        <source>Phrase de passe oubliée ?</source>
        <translation>[Phràsé dé pàssé õüblîéé ? ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Trop courte : au moins %1 caractères.</source>
        <translation>[Trõp çõürté : àü mõîñs %1 çàràçtèrés. ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Robustesse : faible (ajoutez des mots).</source>
        <translation>[Rõbüstéssé : fàîblé (àjõütéz dés mõts). ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Robustesse : moyenne.</source>
        <translation>[Rõbüstéssé : mõÿéññé. ~~~~~~~]</translation>
    </message>
    <message>
        <source>Robustesse : bonne.</source>
        <translation>[Rõbüstéssé : bõññé. ~~~~~~]</translation>
    </message>
    <message>
        <source>Robustesse : excellente.</source>
        <translation>[Rõbüstéssé : éxçélléñté. ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte. Vous pouvez réessayer.</source>
        <translation>[Phràsé dé pàssé îñçõrréçté. Võüs põüvéz rééssàÿér. ~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte (%1 essais). Réessayez dans %2 s.</source>
        <translation>[Phràsé dé pàssé îñçõrréçté (%1 éssàîs). Rééssàÿéz dàñs %2 s. ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>La phrase de passe doit compter au moins %1 caractères.</source>
        <translation>[Là phràsé dé pàssé dõît çõmptér àü mõîñs %1 çàràçtèrés. ~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Les deux phrases de passe tapées ne sont pas identiques.</source>
        <translation>[Lés déüx phràsés dé pàssé tàpéés ñé sõñt pàs îdéñtîqüés. ~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte : la copie n'a pas été ouverte et rien n'a été modifié. Vérifiez les majuscules, les accents et les espaces (%1 essai(s) avant une pause).</source>
        <translation>[Phràsé dé pàssé îñçõrréçté : là çõpîé ñ'à pàs été õüvérté ét rîéñ ñ'à été mõdîfîé. Vérîfîéz lés màjüsçülés, lés àççéñts ét lés éspàçés (%1 éssàî(s) àvàñt üñé pàüsé). ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>La copie de travail chiffrée sera mise de côté, pas effacée, avec sa clé et ses sauvegardes, et une copie neuve sera créée sous une nouvelle phrase de passe : connectez-vous puis synchronisez pour la remplir depuis le serveur.

Des modifications non envoyées pourraient s'y trouver (sans la phrase de passe, personne ne peut les compter) : elles seront perdues, sauf si vous retrouvez la phrase de passe, qui ouvre toujours la copie mise de côté.

Continuer ?</source>
        <translation>[Là çõpîé dé tràvàîl çhîffréé sérà mîsé dé çôté, pàs éffàçéé, àvéç sà çlé ét sés sàüvégàrdés, ét üñé çõpîé ñéüvé sérà çrééé sõüs üñé ñõüvéllé phràsé dé pàssé : çõññéçtéz-võüs püîs sÿñçhrõñîséz põür là rémplîr dépüîs lé sérvéür.

Dés mõdîfîçàtîõñs ñõñ éñvõÿéés põürràîéñt s'ÿ trõüvér (sàñs là phràsé dé pàssé, pérsõññé ñé péüt lés çõmptér) : éllés sérõñt pérdüés, sàüf sî võüs rétrõüvéz là phràsé dé pàssé, qüî õüvré tõüjõürs là çõpîé mîsé dé çôté.

Çõñtîñüér ? ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Phrase de passe oubliée</source>
        <translation>[Phràsé dé pàssé õüblîéé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Mettre de côté</source>
        <translation>[Méttré dé çôté ~~~~]</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>[Åññülér ~~]</translation>
    </message>
    <message>
        <source>La copie a été mise de côté sous « %1 ». Choisissez une nouvelle phrase de passe.</source>
        <translation>[Là çõpîé à été mîsé dé çôté sõüs « %1 ». Çhõîsîsséz üñé ñõüvéllé phràsé dé pàssé. ~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message>
        <source>Contrôle avant envoi</source>
        <translation>[Çõñtrôlé àvàñt éñvõî ~~~~~~]</translation>
    </message>
    <message>
        <source>Raison / fiche</source>
        <translation>[Ràîsõñ / fîçhé ~~~~]</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>[Çhàmp ~]</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>[Åññülér ~~]</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>&amp;Impression</source>
        <translation>[&amp;Împréssîõñ ~~~]</translation>
    </message>
    <message>
        <source>Aperçu et impression…</source>
        <translation>[Åpérçü ét împréssîõñ… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Imprimer toute la liste…</source>
        <translation>[Împrîmér tõüté là lîsté… ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Contrat vierge</source>
        <translation>[Çõñtràt vîérgé ~~~~]</translation>
    </message>
    <message>
        <source>Rapport de visite vierge</source>
        <translation>[Ràppõrt dé vîsîté vîérgé ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>[Împréssîõñ ~~~]</translation>
    </message>
    <message>
        <source>Choisissez d'abord un contrat, un agrément ou une visite dans la liste.</source>
        <translation>[Çhõîsîsséz d'àbõrd üñ çõñtràt, üñ àgréméñt õü üñé vîsîté dàñs là lîsté. ~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Cette liste ne s'imprime pas par lot.</source>
        <translation>[Çétté lîsté ñé s'împrîmé pàs pàr lõt. ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>La liste compte %1 fiches : filtrez-la sous %2 fiches pour l'imprimer.</source>
        <translation>[Là lîsté çõmpté %1 fîçhés : fîltréz-là sõüs %2 fîçhés põür l'împrîmér. ~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Imprimer quand même</source>
        <translation>[Împrîmér qüàñd mêmé ~~~~~~]</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Aperçu avant impression — %1</source>
        <translation>[Åpérçü àvàñt împréssîõñ — %1 ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Page précédente (Page préc.)</source>
        <translation>[Pàgé préçédéñté (Pàgé préç.) ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Page suivante (Page suiv.)</source>
        <translation>[Pàgé süîvàñté (Pàgé süîv.) ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Réduire (Ctrl+-)</source>
        <translation>[Rédüîré (Çtrl+-) ~~~~~]</translation>
    </message>
    <message>
        <source>Agrandir (Ctrl++)</source>
        <translation>[Ågràñdîr (Çtrl++) ~~~~~]</translation>
    </message>
    <message>
        <source>Largeur</source>
        <translation>[Làrgéür ~~]</translation>
    </message>
    <message>
        <source>Toute la largeur (Ctrl+0)</source>
        <translation>[Tõüté là làrgéür (Çtrl+0) ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Page entière</source>
        <translation>[Pàgé éñtîèré ~~~~]</translation>
    </message>
    <message>
        <source>Une page entière à l'écran</source>
        <translation>[Üñé pàgé éñtîèré à l'éçràñ ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>[Férmér ~~]</translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation>[Împrîmér… ~~~]</translation>
    </message>
    <message>
        <source>Enregistrer en PDF…</source>
        <translation>[Éñrégîstrér éñ PDF… ~~~~~~]</translation>
    </message>
    <message>
        <source>page %1 / %2</source>
        <translation>[pàgé %1 / %2 ~~~~]</translation>
    </message>
    <message>
        <source>largeur</source>
        <translation>[làrgéür ~~]</translation>
    </message>
    <message>
        <source>page entière</source>
        <translation>[pàgé éñtîèré ~~~~]</translation>
    </message>
    <message>
        <source>Impression impossible</source>
        <translation>[Împréssîõñ împõssîblé ~~~~~~~]</translation>
    </message>
    <message>
        <source>L'imprimante ne répond pas. Vérifiez-la ou enregistrez le PDF.</source>
        <translation>[L'împrîmàñté ñé répõñd pàs. Vérîfîéz-là õü éñrégîstréz lé PDF. ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>l'imprimante</source>
        <translation>[l'împrîmàñté ~~~~]</translation>
    </message>
    <message>
        <source>%1 page(s) envoyée(s) à %2.</source>
        <translation>[%1 pàgé(s) éñvõÿéé(s) à %2. ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Enregistrer en PDF</source>
        <translation>[Éñrégîstrér éñ PDF ~~~~~~]</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>[PDF (*.pdf) ~~~]</translation>
    </message>
    <message>
        <source>Enregistrement impossible dans %1 : %2</source>
        <translation>[Éñrégîstréméñt împõssîblé dàñs %1 : %2 ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>PDF enregistré : %1</source>
        <translation>[PDF éñrégîstré : %1 ~~~~~~]</translation>
    </message>
    <message>
        <source>PDF enregistré :</source>
        <translation>[PDF éñrégîstré : ~~~~~]</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>[Çàñçél ~~]</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>&amp;Historique de la fiche</source>
        <translation>[&amp;Hîstõrîqüé dé là fîçhé ~~~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Pièces jointes…</source>
        <translation>[&amp;Pîèçés jõîñtés… ~~~~~]</translation>
    </message>
    <message>
        <source>Exporter les données de cette personne…</source>
        <translation>[Éxpõrtér lés dõññéés dé çétté pérsõññé… ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Importer des documents signés…</source>
        <translation>[Împõrtér dés dõçüméñts sîgñés… ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation>[Fîçhé ~]</translation>
    </message>
    <message>
        <source>Choisissez d'abord une fiche dans la liste.</source>
        <translation>[Çhõîsîsséz d'àbõrd üñé fîçhé dàñs là lîsté. ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Exporter les données de cette personne</source>
        <translation>[Éxpõrtér lés dõññéés dé çétté pérsõññé ~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Archive ZIP (*.zip)</source>
        <translation>[Årçhîvé ZÎP (*.zîp) ~~~~~~]</translation>
    </message>
    <message>
        <source>Données d'une personne</source>
        <translation>[Dõññéés d'üñé pérsõññé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez d'abord un apprenant ou un tuteur dans sa liste.</source>
        <translation>[Çhõîsîsséz d'àbõrd üñ àppréñàñt õü üñ tütéür dàñs sà lîsté. ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Données de la personne exportées :</source>
        <translation>[Dõññéés dé là pérsõññé éxpõrtéés : ~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>%1 — fiche</source>
        <translation>[%1 — fîçhé ~~~]</translation>
    </message>
    <message>
        <source>Synchronisation :</source>
        <translation>[Sÿñçhrõñîsàtîõñ : ~~~~~]</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Copie de travail à restaurer</source>
        <translation>[Çõpîé dé tràvàîl à réstàürér ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Restaurer la sauvegarde du %1</source>
        <translation>[Réstàürér là sàüvégàrdé dü %1 ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Aucune sauvegarde</source>
        <translation>[Åüçüñé sàüvégàrdé ~~~~~]</translation>
    </message>
    <message>
        <source>Restaurer un fichier…</source>
        <translation>[Réstàürér üñ fîçhîér… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Repartir d'une copie vide…</source>
        <translation>[Répàrtîr d'üñé çõpîé vîdé… ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Fichier à restaurer</source>
        <translation>[Fîçhîér à réstàürér ~~~~~~]</translation>
    </message>
    <message>
        <source>Copies de travail (*.sqlite3 *.sqlite3.*);;Tous les fichiers (*)</source>
        <translation>[Çõpîés dé tràvàîl (*.sqlîté3 *.sqlîté3.*);;Tõüs lés fîçhîérs (*) ~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Repartir d'une copie vide</source>
        <translation>[Répàrtîr d'üñé çõpîé vîdé ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Une copie vide sera créée : les données reviendront du serveur à la prochaine synchronisation, après connexion. Les modifications non envoyées restent seulement dans le fichier mis de côté. Continuer ?</source>
        <translation>[Üñé çõpîé vîdé sérà çrééé : lés dõññéés révîéñdrõñt dü sérvéür à là prõçhàîñé sÿñçhrõñîsàtîõñ, àprès çõññéxîõñ. Lés mõdîfîçàtîõñs ñõñ éñvõÿéés réstéñt séüléméñt dàñs lé fîçhîér mîs dé çôté. Çõñtîñüér ? ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Restauration impossible</source>
        <translation>[Réstàüràtîõñ împõssîblé ~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>ScansDialog</name>
    <message>
        <source>Documents signés</source>
        <translation>[Dõçüméñts sîgñés ~~~~~]</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>[Împõrtér ~~]</translation>
    </message>
    <message>
        <source>Pages à attribuer</source>
        <translation>[Pàgés à àttrîbüér ~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez les scans des documents signés (PDF, photos JPEG ou PNG, ou un dossier). Chaque page est reconnue par son code QR et jointe à sa fiche ; la fiche est marquée signée.</source>
        <translation>[Çhõîsîsséz lés sçàñs dés dõçüméñts sîgñés (PDF, phõtõs JPÉG õü PÑG, õü üñ dõssîér). Çhàqüé pàgé ést réçõññüé pàr sõñ çõdé QR ét jõîñté à sà fîçhé ; là fîçhé ést màrqüéé sîgñéé. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ajouter des fichiers…</source>
        <translation>[Åjõütér dés fîçhîérs… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Ajouter un dossier…</source>
        <translation>[Åjõütér üñ dõssîér… ~~~~~~]</translation>
    </message>
    <message>
        <source>Vider la liste</source>
        <translation>[Vîdér là lîsté ~~~~]</translation>
    </message>
    <message>
        <source>Date de signature : celle de chaque scan</source>
        <translation>[Dàté dé sîgñàtüré : çéllé dé çhàqüé sçàñ ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Arrêter</source>
        <translation>[Årrêtér ~~]</translation>
    </message>
    <message>
        <source>page %v sur %m</source>
        <translation>[pàgé %v sür %m ~~~~]</translation>
    </message>
    <message>
        <source>sinon le</source>
        <translation>[sîñõñ lé ~~]</translation>
    </message>
    <message>
        <source>Scans des documents signés</source>
        <translation>[Sçàñs dés dõçüméñts sîgñés ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>[Sçàñs (*.pdf *.jpg *.jpég *.pñg) ~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Dossier de scans</source>
        <translation>[Dõssîér dé sçàñs ~~~~~]</translation>
    </message>
    <message>
        <source>Ajoutez d'abord des fichiers ou un dossier.</source>
        <translation>[Åjõütéz d'àbõrd dés fîçhîérs õü üñ dõssîér. ~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Lecture des pages…</source>
        <translation>[Léçtüré dés pàgés… ~~~~~~]</translation>
    </message>
    <message>
        <source>%1 page(s) lue(s) : %2 rattachée(s), %3 à attribuer, %4 en double.</source>
        <translation>[%1 pàgé(s) lüé(s) : %2 ràttàçhéé(s), %3 à àttrîbüér, %4 éñ dõüblé. ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>déjà joint</source>
        <translation>[déjà jõîñt ~~~]</translation>
    </message>
    <message>
        <source>joint</source>
        <translation>[jõîñt ~]</translation>
    </message>
    <message>
        <source>À attribuer : </source>
        <translation>[À àttrîbüér :  ~~~~]</translation>
    </message>
    <message>
        <source>Import arrêté : les pages lues avant l'arrêt sont importées.</source>
        <translation>[Împõrt àrrêté : lés pàgés lüés àvàñt l'àrrêt sõñt împõrtéés. ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Import impossible : </source>
        <translation>[Împõrt împõssîblé :  ~~~~~~]</translation>
    </message>
    <message>
        <source>Rechercher la fiche : nom de l'apprenant, entreprise…</source>
        <translation>[Réçhérçhér là fîçhé : ñõm dé l'àppréñàñt, éñtréprîsé… ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Attribuer à la fiche choisie</source>
        <translation>[Åttrîbüér à là fîçhé çhõîsîé ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Ouvrir la page</source>
        <translation>[Õüvrîr là pàgé ~~~~]</translation>
    </message>
    <message>
        <source>Écarter…</source>
        <translation>[Éçàrtér… ~~]</translation>
    </message>
    <message>
        <source>Pages sans code QR reconnu, à rattacher à une fiche :</source>
        <translation>[Pàgés sàñs çõdé QR réçõññü, à ràttàçhér à üñé fîçhé : ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Pages à attribuer (%1)</source>
        <translation>[Pàgés à àttrîbüér (%1) ~~~~~~~]</translation>
    </message>
    <message>
        <source>Choisissez une page, puis la fiche trouvée par la recherche.</source>
        <translation>[Çhõîsîsséz üñé pàgé, püîs là fîçhé trõüvéé pàr là réçhérçhé. ~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Page jointe à %1 (envoyée à la prochaine synchronisation).</source>
        <translation>[Pàgé jõîñté à %1 (éñvõÿéé à là prõçhàîñé sÿñçhrõñîsàtîõñ). ~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Écarter la page</source>
        <translation>[Éçàrtér là pàgé ~~~~~]</translation>
    </message>
    <message>
        <source>Écarter « %1 » ? Elle ne sera jointe à aucune fiche.</source>
        <translation>[Éçàrtér « %1 » ? Éllé ñé sérà jõîñté à àüçüñé fîçhé. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Aucun résultat</source>
        <translation>[Åüçüñ résültàt ~~~~]</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Paramètres</source>
        <translation>[Pàràmètrés ~~~]</translation>
    </message>
    <message>
        <source>Synchroniser automatiquement quand le serveur répond</source>
        <translation>[Sÿñçhrõñîsér àütõmàtîqüéméñt qüàñd lé sérvéür répõñd ~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source> min</source>
        <translation>[ mîñ ~]</translation>
    </message>
    <message>
        <source>Toutes les</source>
        <translation>[Tõütés lés ~~~]</translation>
    </message>
    <message>
        <source>Dossier des données</source>
        <translation>[Dõssîér dés dõññéés ~~~~~~]</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Reporter une échéance</source>
        <translation>[Répõrtér üñé éçhéàñçé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Par exemple : l'entreprise rappelle lundi</source>
        <translation>[Pàr éxémplé : l'éñtréprîsé ràppéllé lüñdî ~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Reporter jusqu'au</source>
        <translation>[Répõrtér jüsqü'àü ~~~~~]</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>[Mõtîf ~]</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>[Répõrtér ~~]</translation>
    </message>
    <message>
        <source>Motif du report : indiquez pourquoi la ligne attend.</source>
        <translation>[Mõtîf dü répõrt : îñdîqüéz põürqüõî là lîgñé àttéñd. ~~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>%v sur %m</source>
        <translation>[%v sür %m ~~~]</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>[Åññülér ~~]</translation>
    </message>
    <message>
        <source>&amp;Vérifier la copie</source>
        <translation>[&amp;Vérîfîér là çõpîé ~~~~~~]</translation>
    </message>
    <message>
        <source>Compare toute la copie de travail avec le serveur et rétablit ce qui diffère</source>
        <translation>[Çõmpàré tõüté là çõpîé dé tràvàîl àvéç lé sérvéür ét rétàblît çé qüî dîffèré ~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Se &amp;connecter…</source>
        <translation>[Sé &amp;çõññéçtér… ~~~~]</translation>
    </message>
    <message>
        <source>Se &amp;déconnecter</source>
        <translation>[Sé &amp;déçõññéçtér ~~~~~]</translation>
    </message>
    <message>
        <source>Mes &amp;appareils…</source>
        <translation>[Més &amp;àppàréîls… ~~~~~]</translation>
    </message>
    <message>
        <source>Les ordinateurs où ce compte est connecté ; révoquer un ordinateur perdu</source>
        <translation>[Lés õrdîñàtéürs õù çé çõmpté ést çõññéçté ; révõqüér üñ õrdîñàtéür pérdü ~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Oublier cet ordinateur…</source>
        <translation>[&amp;Õüblîér çét õrdîñàtéür… ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Dernière synchronisation, puis effacer les données OFFA de cet ordinateur</source>
        <translation>[Dérñîèré sÿñçhrõñîsàtîõñ, püîs éffàçér lés dõññéés ÕFFÅ dé çét õrdîñàtéür ~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>&amp;Conflits à résoudre…</source>
        <translation>[&amp;Çõñflîts à résõüdré… ~~~~~~~]</translation>
    </message>
    <message>
        <source>Modifications &amp;refusées…</source>
        <translation>[Mõdîfîçàtîõñs &amp;réfüséés… ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Synchronisation indisponible : %1</source>
        <translation>[Sÿñçhrõñîsàtîõñ îñdîspõñîblé : %1 ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Synchroniser quand même</source>
        <translation>[Sÿñçhrõñîsér qüàñd mêmé ~~~~~~~]</translation>
    </message>
    <message>
        <source>Synchronisation…</source>
        <translation>[Sÿñçhrõñîsàtîõñ… ~~~~~]</translation>
    </message>
    <message>
        <source>Vérification de la copie…</source>
        <translation>[Vérîfîçàtîõñ dé là çõpîé… ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Annulation…</source>
        <translation>[Åññülàtîõñ… ~~~]</translation>
    </message>
    <message>
        <source>Synchronisation terminée à %1</source>
        <translation>[Sÿñçhrõñîsàtîõñ térmîñéé à %1 ~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Copie de travail réparée</source>
        <translation>[Çõpîé dé tràvàîl répàréé ~~~~~~~~]</translation>
    </message>
    <message>
        <source>Copie de travail vérifiée : elle est identique à celle du serveur.</source>
        <translation>[Çõpîé dé tràvàîl vérîfîéé : éllé ést îdéñtîqüé à çéllé dü sérvéür. ~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Vérifier la copie</source>
        <translation>[Vérîfîér là çõpîé ~~~~~]</translation>
    </message>
    <message>
        <source>%1 apprenant(s) passé(s) à un autre opérateur ne sont plus dans votre copie ; vos contrats passés avec eux restent consultables.</source>
        <translation>[%1 àppréñàñt(s) pàssé(s) à üñ àütré õpéràtéür ñé sõñt plüs dàñs võtré çõpîé ; võs çõñtràts pàssés àvéç éüx réstéñt çõñsültàblés. ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Accès révoqué</source>
        <translation>[Åççès révõqüé ~~~~]</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Démarrage impossible</source>
        <translation>[Démàrràgé împõssîblé ~~~~~~]</translation>
    </message>
    <message>
        <source>La copie de travail n'a pas pu être ouverte :
%1</source>
        <translation>[Là çõpîé dé tràvàîl ñ'à pàs pü êtré õüvérté :
%1 ~~~~~~~~~~~~~~~~]</translation>
    </message>
</context>
<context>
    <name>areas</name>
    <message>
        <source>Synchro</source>
        <translation>[Sÿñçhrõ ~~]</translation>
    </message>
    <message>
        <source>Entreprises</source>
        <translation>[Éñtréprîsés ~~~]</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>[Ñõm ~]</translation>
    </message>
    <message>
        <source>N° d'entreprise</source>
        <translation>[Ñ° d'éñtréprîsé ~~~~~]</translation>
    </message>
    <message>
        <source>Forme</source>
        <translation>[Fõrmé ~]</translation>
    </message>
    <message>
        <source>Secteur</source>
        <translation>[Séçtéür ~~]</translation>
    </message>
    <message>
        <source>Travailleurs</source>
        <translation>[Tràvàîlléürs ~~~~]</translation>
    </message>
    <message>
        <source>Agréments</source>
        <translation>[Ågréméñts ~~~]</translation>
    </message>
    <message>
        <source>Unité d'établissement</source>
        <translation>[Üñîté d'étàblîsséméñt ~~~~~~~]</translation>
    </message>
    <message>
        <source>Métier</source>
        <translation>[Métîér ~~]</translation>
    </message>
    <message>
        <source>Opérateur</source>
        <translation>[Õpéràtéür ~~~]</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>[Stàtüt ~~]</translation>
    </message>
    <message>
        <source>Demandé le</source>
        <translation>[Démàñdé lé ~~~]</translation>
    </message>
    <message>
        <source>Décidé le</source>
        <translation>[Déçîdé lé ~~~]</translation>
    </message>
    <message>
        <source>Visites</source>
        <translation>[Vîsîtés ~~]</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>[Lîéü ~]</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>[Tÿpé ~]</translation>
    </message>
    <message>
        <source>Prévue le</source>
        <translation>[Prévüé lé ~~~]</translation>
    </message>
    <message>
        <source>Visitée le</source>
        <translation>[Vîsîtéé lé ~~~]</translation>
    </message>
    <message>
        <source>Avis</source>
        <translation>[Åvîs ~]</translation>
    </message>
    <message>
        <source>Visiteur</source>
        <translation>[Vîsîtéür ~~]</translation>
    </message>
    <message>
        <source>Apprenants</source>
        <translation>[Åppréñàñts ~~~]</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>[Préñõm ~~]</translation>
    </message>
    <message>
        <source>Naissance</source>
        <translation>[Ñàîssàñçé ~~~]</translation>
    </message>
    <message>
        <source>Localité</source>
        <translation>[Lõçàlîté ~~]</translation>
    </message>
    <message>
        <source>Contrats</source>
        <translation>[Çõñtràts ~~]</translation>
    </message>
    <message>
        <source>Apprenant</source>
        <translation>[Åppréñàñt ~~~]</translation>
    </message>
    <message>
        <source>(hors de votre copie)</source>
        <translation>[(hõrs dé võtré çõpîé) ~~~~~~~]</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>[Éñtréprîsé ~~~]</translation>
    </message>
    <message>
        <source>Début</source>
        <translation>[Débüt ~]</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>[Fîñ ~]</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>[Ñîvéàü ~~]</translation>
    </message>
    <message>
        <source>Région</source>
        <translation>[Régîõñ ~~]</translation>
    </message>
    <message>
        <source>Incitants</source>
        <translation>[Îñçîtàñts ~~~]</translation>
    </message>
    <message>
        <source>Année scolaire</source>
        <translation>[Åññéé sçõlàîré ~~~~]</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>[Mõñtàñt ~~]</translation>
    </message>
    <message>
        <source>Offres Stage+</source>
        <translation>[Õffrés Stàgé+ ~~~~]</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>[Îñtîtülé ~~]</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>[Plàçés ~~]</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>[Çõmmîssîõñ ~~~]</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>[Dõssîér ~~]</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>[Õbjét ~]</translation>
    </message>
    <message>
        <source>Saisie le</source>
        <translation>[Sàîsîé lé ~~~]</translation>
    </message>
    <message>
        <source>Clôturée le</source>
        <translation>[Çlôtüréé lé ~~~]</translation>
    </message>
    <message>
        <source>Mobilités</source>
        <translation>[Mõbîlîtés ~~~]</translation>
    </message>
    <message>
        <source>NISS</source>
        <translation>[ÑÎSS ~]</translation>
    </message>
    <message>
        <source>De</source>
        <translation>[Dé ~]</translation>
    </message>
    <message>
        <source>Vers</source>
        <translation>[Vérs ~]</translation>
    </message>
    <message>
        <source>Demandée le</source>
        <translation>[Démàñdéé lé ~~~]</translation>
    </message>
    <message>
        <source>Décidée le</source>
        <translation>[Déçîdéé lé ~~~]</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>projet</source>
        <translation>[prõjét ~~]</translation>
    </message>
    <message>
        <source>signé</source>
        <translation>[sîgñé ~]</translation>
    </message>
    <message>
        <source>en cours</source>
        <translation>[éñ çõürs ~~]</translation>
    </message>
    <message>
        <source>suspendu</source>
        <translation>[süspéñdü ~~]</translation>
    </message>
    <message>
        <source>rompu</source>
        <translation>[rõmpü ~]</translation>
    </message>
    <message>
        <source>terminé</source>
        <translation>[térmîñé ~~]</translation>
    </message>
    <message>
        <source>demandé</source>
        <translation>[démàñdé ~~]</translation>
    </message>
    <message>
        <source>en instruction</source>
        <translation>[éñ îñstrüçtîõñ ~~~~]</translation>
    </message>
    <message>
        <source>octroyé</source>
        <translation>[õçtrõÿé ~~]</translation>
    </message>
    <message>
        <source>refusé</source>
        <translation>[réfüsé ~~]</translation>
    </message>
    <message>
        <source>retiré</source>
        <translation>[rétîré ~~]</translation>
    </message>
    <message>
        <source>prévue</source>
        <translation>[prévüé ~~]</translation>
    </message>
    <message>
        <source>effectuée</source>
        <translation>[éfféçtüéé ~~~]</translation>
    </message>
    <message>
        <source>annulée</source>
        <translation>[àññüléé ~~]</translation>
    </message>
    <message>
        <source>agrément</source>
        <translation>[àgréméñt ~~]</translation>
    </message>
    <message>
        <source>suivi</source>
        <translation>[süîvî ~]</translation>
    </message>
    <message>
        <source>à vérifier</source>
        <translation>[à vérîfîér ~~~]</translation>
    </message>
    <message>
        <source>éligible</source>
        <translation>[élîgîblé ~~]</translation>
    </message>
    <message>
        <source>non éligible</source>
        <translation>[ñõñ élîgîblé ~~~~]</translation>
    </message>
    <message>
        <source>approuvée</source>
        <translation>[àpprõüvéé ~~~]</translation>
    </message>
    <message>
        <source>payée</source>
        <translation>[pàÿéé ~]</translation>
    </message>
    <message>
        <source>synchronisé</source>
        <translation>[sÿñçhrõñîsé ~~~]</translation>
    </message>
    <message>
        <source>en attente</source>
        <translation>[éñ àttéñté ~~~]</translation>
    </message>
    <message>
        <source>conflit</source>
        <translation>[çõñflît ~~]</translation>
    </message>
    <message>
        <source>favorable</source>
        <translation>[fàvõràblé ~~~]</translation>
    </message>
    <message>
        <source>défavorable</source>
        <translation>[défàvõràblé ~~~]</translation>
    </message>
    <message>
        <source>sous conditions</source>
        <translation>[sõüs çõñdîtîõñs ~~~~~]</translation>
    </message>
    <message>
        <source>P1 (Wallonie)</source>
        <translation>[P1 (Wàllõñîé) ~~~~]</translation>
    </message>
    <message>
        <source>P2 (Wallonie)</source>
        <translation>[P2 (Wàllõñîé) ~~~~]</translation>
    </message>
    <message>
        <source>apprenant (Wallonie)</source>
        <translation>[àppréñàñt (Wàllõñîé) ~~~~~~]</translation>
    </message>
    <message>
        <source>tuteur (Bruxelles)</source>
        <translation>[tütéür (Brüxéllés) ~~~~~~]</translation>
    </message>
    <message>
        <source>apprenant (Bruxelles)</source>
        <translation>[àppréñàñt (Brüxéllés) ~~~~~~~]</translation>
    </message>
    <message>
        <source>en préparation</source>
        <translation>[éñ prépàràtîõñ ~~~~]</translation>
    </message>
    <message>
        <source>publiée</source>
        <translation>[püblîéé ~~]</translation>
    </message>
    <message>
        <source>clôturée</source>
        <translation>[çlôtüréé ~~]</translation>
    </message>
    <message>
        <source>saisie</source>
        <translation>[sàîsîé ~~]</translation>
    </message>
    <message>
        <source>en médiation</source>
        <translation>[éñ médîàtîõñ ~~~~]</translation>
    </message>
    <message>
        <source>conciliée</source>
        <translation>[çõñçîlîéé ~~~]</translation>
    </message>
    <message>
        <source>tranchée</source>
        <translation>[tràñçhéé ~~]</translation>
    </message>
    <message>
        <source>demandée</source>
        <translation>[démàñdéé ~~]</translation>
    </message>
    <message>
        <source>acceptée</source>
        <translation>[àççéptéé ~~]</translation>
    </message>
    <message>
        <source>refusée</source>
        <translation>[réfüséé ~~]</translation>
    </message>
    <message>
        <source>contrat</source>
        <translation>[çõñtràt ~~]</translation>
    </message>
    <message>
        <source>Wallonie</source>
        <translation>[Wàllõñîé ~~]</translation>
    </message>
    <message>
        <source>Bruxelles</source>
        <translation>[Brüxéllés ~~~]</translation>
    </message>
    <message>
        <source>expérience</source>
        <translation>[éxpérîéñçé ~~~]</translation>
    </message>
    <message>
        <source>diplôme</source>
        <translation>[dîplômé ~~]</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>[vàlîdàtîõñ ~~~]</translation>
    </message>
</context>
<context>
    <name>sources</name>
    <message>
        <source>les miennes</source>
        <translation>[lés mîéññés ~~~]</translation>
    </message>
</context>
</TS>