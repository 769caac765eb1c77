<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_BE">
<context>
    <name />
    <message>
        <source>Modifications non enregistrées</source>
        <translation>[Mõdîfîçàtîõñs ñõñ éñrégîstréés ~~~~~~~~~~]</translation>
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
        <source>Abandonner</source>
        <translation>[Åbàñdõññér ~~~]</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>[Åññülér ~~]</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>[Férmér ~~]</translation>
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
        <source>Statut</source>
        <translation>[Stàtüt ~~]</translation>
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
        <source>date invalide, écrire jj/mm/aaaa (ex. 31/08/2026).</source>
        <translation>[dàté îñvàlîdé, éçrîré jj/mm/àààà (éx. 31/08/2026). ~~~~~~~~~~~~~~~~]</translation>
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
        <source>Apprenant</source>
        <translation>[Åppréñàñt ~~~]</translation>
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
    <name>AreaView</name>
    <message>
        <source>%1 : tous</source>
        <translation>[%1 : tõüs ~~~]</translation>
    </message>
    <message>
        <source>%1 fiche(s)</source>
        <translation>[%1 fîçhé(s) ~~~]</translation>
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
    <name>LoginDialog</name>
    <message>
        <source>Connexion au serveur OPLA</source>
        <translation>[Çõññéxîõñ àü sérvéür ÕPLÅ ~~~~~~~~]</translation>
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
        <source>Hors ligne · copie de travail locale</source>
        <translation>[Hõrs lîgñé · çõpîé dé tràvàîl lõçàlé ~~~~~~~~~~~~]</translation>
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
    <name>SearchPopup</name>
    <message>
        <source>Aucun résultat</source>
        <translation>[Åüçüñ résültàt ~~~~]</translation>
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
        <source>Se &amp;connecter…</source>
        <translation>[Sé &amp;çõññéçtér… ~~~~]</translation>
    </message>
    <message>
        <source>Se &amp;déconnecter</source>
        <translation>[Sé &amp;déçõññéçtér ~~~~~]</translation>
    </message>
    <message>
        <source>Synchronisation indisponible : %1</source>
        <translation>[Sÿñçhrõñîsàtîõñ îñdîspõñîblé : %1 ~~~~~~~~~~~]</translation>
    </message>
    <message>
        <source>Non connecté</source>
        <translation>[Ñõñ çõññéçté ~~~~]</translation>
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
        <source>Synchronisation…</source>
        <translation>[Sÿñçhrõñîsàtîõñ… ~~~~~]</translation>
    </message>
    <message>
        <source>sur</source>
        <translation>[sür ~]</translation>
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
        <source>Se déconnecter</source>
        <translation>[Sé déçõññéçtér ~~~~]</translation>
    </message>
    <message>
        <source>%1 modification(s) n'ont pas encore été envoyées. Elles restent dans la copie de travail et partiront à la prochaine connexion avec ce compte.

Se déconnecter quand même ?</source>
        <translation>[%1 mõdîfîçàtîõñ(s) ñ'õñt pàs éñçõré été éñvõÿéés. Éllés réstéñt dàñs là çõpîé dé tràvàîl ét pàrtîrõñt à là prõçhàîñé çõññéxîõñ àvéç çé çõmpté.

Sé déçõññéçtér qüàñd mêmé ? ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~]</translation>
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
</TS>