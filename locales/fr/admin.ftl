admin-dashboard-title = Tableau de bord de l'administrateur
admin-stats-label = Statistiques du programme
admin-tile-members = Membres
admin-tile-relationships = Relations
admin-tile-invitations = Invitations
admin-members-mentors = { $count ->
    [one] { $count } mentor
   *[other] { $count } mentors
}
admin-members-mentees = { $count ->
    [one] { $count } mentoré
   *[other] { $count } mentorés
}
admin-members-admins = { $count ->
    [one] { $count } administrateur
   *[other] { $count } administrateurs
}
admin-relationships-active = { $count ->
    [one] { $count } active
   *[other] { $count } actives
}
admin-relationships-completed = { $count ->
    [one] { $count } terminée
   *[other] { $count } terminées
}
admin-invitations-pending = { $count } en attente
admin-invitations-accepted = { $count ->
    [one] { $count } acceptée
   *[other] { $count } acceptées
}
admin-invitations-declined = { $count ->
    [one] { $count } refusée
   *[other] { $count } refusées
}
admin-tile-manage-members = Membres
invite-link-title = Lien d'invitation
invite-link-help = Partagez ce lien : toute personne qui l'ouvre peut s'inscrire comme membre de ce programme.
invite-link-off = Le lien est désactivé : personne ne peut s'inscrire avec lui tant que vous ne le réactivez pas.
invite-link-copy = Copier le lien
invite-link-copied = Copié!
invite-link-regenerate = Générer un nouveau lien
invite-link-disable = Désactiver
invite-link-enable = Activer
invite-link-regenerated = Un nouveau lien d'invitation a été créé; l'ancien ne fonctionne plus.
members-title = Membres
members-search-label = Prénom, nom de famille ou courriel
members-search = Rechercher
members-count = { $count ->
    [one] Affichage de 1 membre
   *[other] Affichage de { $count } membres
}
members-col-name = Nom et prénom
members-col-last-sign-in = Dernière session
members-col-completeness = Achèvement du profil
members-col-active = Actif
members-import-link = Importer des membres
members-deactivate-link = Désactiver des membres à partir d'un fichier
members-deleted = Le membre a été supprimé définitivement.
members-search-placeholder = Veuillez saisir le prénom, le nom de famille ou le courriel
members-col-email = Courriel
members-col-relationships = Vos relations
members-col-groups = Nom de groupes
members-col-matches = Jumelages
members-col-role = Rôle
members-col-hours = Heures de mentorat
members-col-member-since = Membre depuis
members-col-end-date = Date de fin
members-col-member-admin = Administrateur des membres
members-filter-role = Sélectionner un rôle
members-filter-all-roles = Pour tous
members-filter-field = Champ personnalisé
members-filter-option = Options
members-filter-choose = Veuillez sélectionner
members-filter-any-answer = Toute réponse
members-advanced = Filtre avancé
members-filter-industries = Secteurs
members-filter-functions = Fonctions exercées
members-filter-below = Complétude du profil inférieure à (%)
members-filter-hours-min = Heures de mentorat : au moins
members-filter-hours-max = Heures de mentorat : au plus
members-filter-after = Créé au-delà du
members-filter-current = Postes actuels uniquement
members-filter-active = Compte activé (le membre est actif)
members-filter-activity = Activité récente
members-filter-relationship = Relation
members-filter-any = Tous
members-activity-within = Connecté au cours des { $days } derniers jours
members-activity-never = Jamais connecté
members-relationship-active = A une relation active
members-relationship-none = Aucune relation active
members-clear = Effacer les filtres
members-save-filter = Sauvegarder le filtre de recherche
members-save-filter-button = Sauvegarder le filtre
members-filter-saved = Le filtre de recherche a été sauvegardé : il figure sous « Recherches récentes ».
members-recent-searches = Recherches récentes :
members-forget-filter = Supprimer le filtre sauvegardé { $name }
members-columns = Colonnes
members-columns-save = Afficher ces colonnes
members-active-switch = Actif : { $name }
members-toggled-off = { $name } a été désactivé et déconnecté.
members-toggled-on = { $name } a été réactivé.
members-now-inactive = Le membre a été désactivé et déconnecté.
members-now-active = Le membre a été réactivé.
members-undo = Annuler
members-dismiss = Fermer
members-member-admin-for = Administrateur du membre { $name }
members-member-admin-none = — Aucun —
members-member-admin-save = Attribuer
members-admin-assigned = L'administrateur du membre a été enregistré.
field-search = Recherche
field-custom_field = Champ personnalisé
field-option = Options
field-industries = Secteurs
field-job_functions = Fonctions exercées
field-completeness_below = Complétude du profil inférieure à
field-created_after = Créé au-delà du
field-hours_min = Heures de mentorat : au moins
field-hours_max = Heures de mentorat : au plus
field-account_active = Compte activé
field-activity = Activité récente
field-relationship = Relation
field-sort = Tri
field-filter_name = Nom
field-member_admin = Administrateur du membre
field-columns = Colonnes
member-since = Membre depuis
member-saved = Enregistré.
member-access = Accès
member-active-help = Actif : ce membre peut ouvrir une session. La désactivation ferme ses sessions immédiatement; ses données sont conservées et la réactivation rétablit l'accès.
member-inactive-help = Désactivé : ce membre ne peut pas ouvrir de session. Ses données sont conservées.
member-deactivate = Désactiver
member-reactivate = Réactiver
member-delete-title = Suppression définitive
member-delete-help = Retire cette personne du programme et efface ses données personnelles (nom, courriel, profil, contenu des courriels). Les nombres de relations et de messages restent les mêmes. Cette action est irréversible.
member-delete-confirm = Oui, supprimer définitivement { $name }
member-delete = Supprimer définitivement
field-member = Membre
field-confirm = Confirmation
field-active = Actif
field-enabled = Activé
import-title = Importer des membres
deactivate-title = Désactiver les membres
import-intro = Pour ce faire, importez un fichier CSV (Excel : « Enregistrer sous » → « CSV UTF-8 », ou CSV avec virgules ou points-virgules).
import-rule-columns = Les colonnes doivent être intitulées prénom, nom, courriel, rôle (mentor ou mentoré) et, au besoin, langue (en ou fr). Les titres anglais fonctionnent aussi : first_name, last_name, email, role, language.
import-rule-rows = Chaque ligne contient un membre (100 000 lignes au plus; 10 Mo). Les lignes vides sont ignorées.
import-rule-existing = Un membre qui existe déjà est mis à jour, jamais dupliqué. Chaque nouveau membre reçoit le message « Importation des informations de connexion des membres » avec un lien pour choisir son mot de passe. Une personne qui fait aussi partie d'un autre programme garde son nom, sa langue et son mot de passe : l'importation l'ajoute seulement à ce programme ou change son rôle ici.
import-rule-errors = Le fichier entier est vérifié d'abord. S'il y a une erreur, l'application affiche la liste des erreurs et rien n'est modifié : corrigez le fichier et réessayez.
deactivate-rule-columns = La colonne du document doit être intitulée courriel (ou email).
deactivate-rule-rows = Chaque ligne contient l'adresse courriel d'un membre de ce programme.
deactivate-rule-admins = N'incluez pas votre propre adresse : vous ne pouvez pas vous désactiver vous-même.
import-sample = Télécharger un échantillon
field-file = Fichier à importer
import-submit = Importer
deactivate-submit = Désactiver
import-running = Importation… { $done } lignes sur { $total }.
import-progress = Progression de l'importation
import-done = Importation terminée : { $created } nouveaux membres, { $updated } mis à jour.
deactivate-done = Terminé : { $count ->
    [one] 1 membre désactivé.
   *[other] { $count } membres désactivés.
}
import-failed = Le fichier n'a pas pu être appliqué à cause d'une erreur inattendue. Rien n'a été modifié. Veuillez réessayer.
import-try-again = Importer un fichier corrigé
import-invalid = { $count ->
    [one] Le fichier contient 1 erreur. Rien n'a été modifié.
   *[other] Le fichier contient { $count } erreurs. Rien n'a été modifié.
}
import-col-row = Ligne
import-col-column = Colonne
import-col-problem = Problème
import-error-empty-file = Le fichier est vide.
import-error-unreadable = Le fichier n'a pas pu être lu comme un fichier CSV.
import-error-too-many-rows = Le fichier contient plus de 100 000 lignes. Divisez-le en fichiers plus petits.
import-error-missing-column = La colonne « { $column } » est absente.
import-error-required = { $column } est obligatoire.
import-error-invalid-email = « { $value } » n'est pas une adresse courriel valide.
import-error-invalid-role = « { $value } » n'est pas un rôle : utilisez mentor ou mentoré.
import-error-invalid-language = « { $value } » n'est pas une langue : utilisez en ou fr.
import-error-too-long = { $column } est trop long (100 caractères au maximum).
import-error-duplicate = { $value } figure déjà à la ligne { $other }.
import-error-is-admin = { $value } est administrateur de ce programme; une importation ne modifie pas les administrateurs.
import-error-not-a-member = { $value } n'est pas membre de ce programme.
import-error-is-you = { $value } est votre propre adresse : vous ne pouvez pas vous désactiver vous-même.
import-error-control-characters = { $column } doit tenir sur une seule ligne : retirez de la cellule le saut de ligne, la tabulation ou l'autre caractère de contrôle.
settings-title = Paramètres du programme
settings-link = Noms, contact, logo des courriels, règles de connexion et d'inscription
settings-saved = Les paramètres du programme ont été enregistrés.
settings-save = Enregistrer les paramètres
settings-contact-hint = Les membres désactivés sont invités à écrire à cette adresse; les courriels l'affichent comme adresse de l'administrateur.
settings-logo-hint = Une adresse https:// d'image affichée en haut de chaque courriel. Laissez vide pour le logo de Mentora.
field-name_en = Nom du programme (anglais)
field-name_fr = Nom du programme (français)
field-contact_email = Adresse courriel de contact
field-logo_url = Logo des courriels (adresse de l'image)
field-lockout_threshold = Connexions échouées avant le verrouillage d'un compte
field-signup_roles = Qui peut s'inscrire avec le lien d'invitation
admin-tile-searches = Recherches
admin-tile-matching = Jumelage
admin-searches-members = { $count ->
    [one] sauvegardées par { $count } membre
   *[other] sauvegardées par { $count } membres
}
admin-invitations-closed = { $count ->
    [one] { $count } retirée ou expirée
   *[other] { $count } retirées ou expirées
}
