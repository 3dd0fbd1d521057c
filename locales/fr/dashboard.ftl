dashboard-greeting = Bienvenue, { $name }!
dashboard-intro = Voici où en est votre mentorat aujourd'hui.
dashboard-summary-label = Votre mentorat en un coup d'œil
dashboard-active-relationships = Relations actives
dashboard-invitations-received = Invitations en attente de votre réponse
dashboard-invitations-sent = Invitations envoyées
dashboard-no-program = Vous n'êtes membre d'aucun programme pour le moment. Veuillez communiquer avec l'administrateur de votre programme.
connections-title = Relations
connections-empty = Vous n'avez pas encore de relation de mentorat.
connections-started = Commencée le { $date }
directory-mentors-title = Mentors
directory-mentees-title = Mentorés
directory-count = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
}
directory-job-at = { $title } à { $company }
