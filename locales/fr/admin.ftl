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
members-col-active = Actif
members-import-link = Importer des membres
members-deactivate-link = Désactiver des membres à partir d'un fichier
members-deleted = Le membre a été supprimé définitivement.
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
