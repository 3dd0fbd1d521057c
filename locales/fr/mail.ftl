# Textes que seul le serveur utilise (courriels, fichiers d'agenda, en-têtes CSV, pages d'erreur simples) :
# compilés dans le serveur, jamais envoyés aux navigateurs.
admin-meetings-col-start = Début
admin-meetings-col-end = Fin
admin-meetings-col-minutes = Durée (minutes)
error-cross-site = Cette demande ne provient pas des pages de ce site : elle a été refusée. Veuillez recharger la page et réessayer.
email-link-here = ici
email-action = { $label } : { $url }
email-footer = Vous recevez ce courriel parce que vous êtes membre de { $org }.
email-log-col-status-at = Date du statut
template-sample-partner = Alex Morin
template-sample-message = J'aimerais beaucoup profiter de votre expérience en gestion de projet. Auriez-vous une heure par mois ?
template-sample-meeting-time = 9 déc. 2026 à 10 h 00 (fin à 10 h 30) (Heure de l’Est (Toronto))
template-sample-previous-time = 8 déc. 2026 à 14 h 00 (fin à 14 h 30) (Heure de l’Est (Toronto))
template-sample-meeting-repeats = Se répète chaque semaine : 4 réunions
meeting-mail-time = { $start } (fin à { $end }) ({ $zone })
meeting-mail-repeats = Se répète { $frequency ->
    [daily] chaque jour
    [weekly] chaque semaine
    [monthly] chaque mois
   *[yearly] chaque année
} : { $count } réunions
meeting-calendar-summary = Réunion de mentorat : { $names }
meeting-calendar-agenda = Ordre du jour : { $agenda }
meeting-calendar-link = La page de la réunion : { $url }
meeting-mail-count = { $count ->
    [one] une réunion de mentorat
   *[other] { $count } réunions de mentorat
}
feed-calendar-name = Réunions de mentorat
