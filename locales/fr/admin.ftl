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
