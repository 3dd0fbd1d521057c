# Trouver un partenaire : les pages de recherche Mentors et Mentorés.
match-criteria-title = Critères de recherche
match-criteria-hint = Cochez ce qui compte pour vous ; les résultats suivent vos choix.
match-tags-mentors = Compétences spécialisées
match-tags-mentees = Axes de développement
match-chosen = { $count ->
    [0] aucun choix
    [one] { $count } choix
   *[other] { $count } choix
}
match-search = Rechercher
match-save-search = Enregistrer et rechercher
match-saved = Votre recherche est enregistrée. Elle s'ouvrira ici la prochaine fois.
match-count = { $count ->
    [0] Personne ne correspond pour l'instant. Essayez moins de critères.
    [one] { $count } personne
   *[other] { $count } personnes
}
match-no-criteria = Choisissez des critères pour voir qui vous correspond le mieux.
match-view-profile = Voir le profil
match-criteria-met = Critères remplis
match-none-met = Aucun de vos critères
match-compatibility = Compatibilité : { $score } %
match-fit-strong = Très compatible
match-fit-good = Compatible
match-fit-some = Partiellement compatible
match-fit-none = Aucun critère rempli
match-explain-skills = { $met } des { $asked } compétences que vous offrez
match-explain-areas = { $met } de vos { $asked } axes de développement
match-explain-languages = parle { $languages }
match-explain-cities = se rencontre à { $cities }
match-explain-industries = travaille dans { $industries }
match-explain-functions = travaille en { $functions }
match-explain-field = { $field } : { $values }
match-full-mentor = N'accepte plus de mentorés
match-full-mentee = A tous les mentors souhaités
match-invitation-sent = Invitation envoyée
match-response-hours = Répond à { $rate } % des invitations, en général en moins { $hours ->
    [one] d'une heure
   *[other] de { $hours } heures
}
match-response-days = Répond à { $rate } % des invitations, en général en moins { $days ->
    [one] d'un jour
   *[other] de { $days } jours
}
match-admin-matches = Dans ce programme, l'administrateur jumelle les mentors et les mentorés. Vous recevrez un courriel dès que vous serez jumelé ; d'ici là, tenez votre profil à jour.
match-admin-page = Les administrateurs jumellent directement mentors et mentorés avec Jumeler des membres.
match-admin-page-link = Jumeler des membres
match-other-page-mentor = En tant que mentor, vous cherchez des mentorés.
match-other-page-mentee = En tant que mentoré, vous cherchez des mentors.
match-other-page-link = Chercher des mentorés
match-other-page-link-mentors = Chercher des mentors
field-tags = Compétences
field-criteria = Critères de recherche
field-search_access = Qui peut chercher un partenaire
field-default_max_partners = Partenaires par membre quand son profil ne le précise pas
field-invitation_days = Jours pour répondre à une invitation
settings-invitation-days-hint = Passé ce délai, une invitation sans réponse expire et son expéditeur en est informé ; le destinataire reçoit un rappel à mi-parcours. Les invitations déjà envoyées gardent leur échéance.
search-access-both = Mentors et mentorés
search-access-mentees = Mentorés seulement
search-access-mentors = Mentors seulement
search-access-nobody = Personne : l'administrateur jumelle les membres

## Jumeler des membres (administrateurs)
match-members-title = Jumeler des membres
match-members-intro = Trouvez un mentor et un mentoré par leur nom ou leur courriel, vérifiez leur compatibilité, puis jumelez-les : la relation commence tout de suite et chacun reçoit le message « L'administrateur vous a jumelé ».
match-members-mentor = Mentor
match-members-mentee = Mentoré
match-members-find-mentor = Chercher un mentor par nom ou courriel
match-members-find-mentee = Chercher un mentoré par nom ou courriel
match-members-load-mentor = { $count } mentoré(s) sur { $max }
match-members-load-mentee = { $count } mentor(s) sur { $max }
match-members-full = Complet
match-members-show = Afficher le jumelage
match-members-pair = { $mentor } (mentor) et { $mentee } (mentoré)
match-members-explain-areas = { $met } des { $asked } axes de développement du mentoré
match-members-no-criteria = Le mentoré n'a encore aucun critère de recherche : pas de score de compatibilité.
match-members-invitation-pending = Une invitation entre eux attend une réponse : ce jumelage y répond.
match-members-over-capacity = Ce jumelage dépasse le nombre maximal de partenaires d'un des deux membres.
match-members-confirm = Jumeler quand même
match-members-match = Jumeler
