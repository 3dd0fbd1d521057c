match-invite = Inviter
invite-title = Envoyer une invitation
invite-message = Votre message (obligatoire)
invite-tip-title = Trois façons d'obtenir un « oui »
invite-tip-1 = Dites pourquoi vous l'avez choisi : nommez une compétence ou une expérience qui compte pour vous.
invite-tip-2 = Dites sur quoi vous aimeriez travailler ensemble, et à quelle fréquence vous souhaitez vous rencontrer.
invite-tip-3 = Restez bref et cordial, et remerciez la personne de son temps.
invite-send = Envoyer l'invitation
invitation-title = Invitation
invitation-you-sent = Votre invitation à { $name }
invitation-you-received = { $name } vous invite à une relation de mentorat
invitation-sent-on = Envoyée le
invitation-answer-by = Répondre avant le
invitation-answered-on = Réponse le
invitation-reason = Raison donnée
invitation-open-relationship = Ouvrir la relation
invitation-accept = Accepter
invitation-decline = Décliner…
invitation-decline-reason = Raison (facultative ; l'expéditeur la lira)
invitation-decline-tip = Vous pouvez refuser. Un mot aimable aide : par exemple que vous manquez de temps en ce moment, ou qu'un autre membre conviendrait mieux à ses objectifs.
invitation-decline-send = Décliner l'invitation
invitation-withdraw = Retirer l'invitation
invitation-sent-notice = Votre invitation a été envoyée. Vous recevrez un courriel à sa réponse.
invitation-declined-notice = Vous avez décliné l'invitation ; l'expéditeur en a été informé.
invitation-withdrawn-notice = Vous avez retiré l'invitation ; la personne en a été informée.
invitation-thread = Questions et réponses
invitation-thread-you = Vous
invitation-ask = Poser une question…
invitation-reply = Répondre…
invitation-ask-label = Votre question
invitation-reply-label = Votre message
invitation-ask-tip = Vous hésitez ? Demandez ce qui vous aiderait à décider, par exemple à quelle fréquence la personne souhaite se rencontrer ou sur quoi elle aimerait travailler. L'invitation reste ouverte jusqu'à ce que vous l'acceptiez ou la déclinez.
invitation-reply-tip = La personne recevra votre message par courriel. L'invitation reste ouverte jusqu'à sa réponse.
invitation-ask-send = Envoyer
invitation-asked-notice = Votre message a été envoyé par courriel. L'invitation reste ouverte.
invitation-status-pending = En attente de réponse
invitation-status-accepted = Acceptée
invitation-status-declined = Déclinée
invitation-status-withdrawn = Retirée
invitation-status-expired = Expirée
relationship-title = Votre relation de mentorat
relationship-accepted-notice = Vous avez accepté l'invitation : votre relation de mentorat a commencé.
relationship-stages = Où vous en êtes
relationship-stage-invitation = Invitation envoyée
relationship-stage-established = Relation établie
relationship-stage-completed = Relation terminée
relationship-current-stage = Vous êtes actuellement à l'étape { $stage }.
relationship-started = Début
relationship-ended = Fin
relationship-end-reason = Raison de la fin
relationship-see-invitation = Voir l'invitation qui l'a commencée
relationship-next-steps = Prochaines étapes
relationship-next-profile = Lisez le profil de votre partenaire et découvrez ses objectifs.
relationship-next-contact = Écrivez à votre partenaire pour convenir de la façon et du moment de vos rencontres.
relationship-next-goals = Fixez ensemble deux ou trois objectifs pour votre mentorat.
field-message = Message
field-reason = Raison
field-question = Question
field-tab = Onglet
field-dir = Sens du tri
field-mentor = Mentor
field-mentee = Mentoré
field-relationship_admin = Administrateur des relations
connections-received = Invitations reçues
connections-sent = Invitations envoyées
connections-relationships = Vos relations
connections-answer-by = Réponse attendue avant le { $date }
relationship-end = Mettre fin à cette relation…
relationship-end-help = Mettre fin à la relation la fait passer à l'étape 3 (terminée). Vous et votre partenaire recevez chacun un courriel ; la relation reste dans vos relations.
relationship-end-reason-label = Raison (facultative ; vous la lirez tous les deux)
relationship-end-confirm = Mettre fin à la relation
relationship-ended-notice = La relation a pris fin. Vous en avez tous deux été informés par courriel.
relationship-matched-notice = Vous les avez jumelés : la relation a commencé et tous deux en ont été informés par courriel.

## La page Relations des administrateurs
admin-relationships-title = Relations
admin-relationships-search = Recherche de nom
admin-relationships-search-button = Rechercher
admin-relationships-tabs = Relations par statut
admin-relationships-tab-all = Tous ({ $count })
admin-relationships-tab-matched = Jumelé ({ $count })
admin-relationships-tab-completed = Complété ({ $count })
admin-relationships-col-mentor = Nom du mentor
admin-relationships-col-mentee = Nom du mentoré
admin-relationships-col-status = Statut de la relation
admin-relationships-col-agreement = L'accord mentorat
admin-relationships-col-evaluation = L'évaluation finale
admin-relationships-col-hours = Nombre d'heures
admin-relationships-col-meetings = Nombre de rencontres
admin-relationships-col-created = Créé le
admin-relationships-col-started = Commencé le
admin-relationships-col-ended = Terminé le
admin-relationships-col-request = Requête mentorat
admin-relationships-col-relationship = La relation mentorat
admin-relationships-col-admin = Administrateur des relations
admin-relationships-details = Détails
admin-relationships-matched-by-admin = Jumelé par un administrateur
admin-relationships-admin-none = Personne en particulier
admin-relationships-admin-assigned = L'administrateur de la relation est enregistré.

## Terminer toutes les relations
end-all-title = Terminer toutes les relations
end-all-explain = { $count ->
        [one] La relation en cours du programme va prendre fin maintenant. Son mentor et son mentoré reçoivent chacun une fois le courriel « relation terminée », et elle passe dans Complété.
       *[other] Les { $count } relations en cours du programme vont prendre fin maintenant. Chaque mentor et chaque mentoré reçoit une fois le courriel « relation terminée », et les relations passent dans Complété.
    }
end-all-reason = Message aux membres (facultatif)
end-all-confirm = { $count ->
        [one] Terminer 1 relation
       *[other] Terminer { $count } relations
    }
end-all-cancel = Annuler
end-all-started = Les relations sont en train de prendre fin. Vous pouvez quitter cette page : le travail continue.
end-all-running = Fin des relations : { $done } sur { $count }
end-all-reload = Rechargez pour voir l'avancement
end-all-done = La dernière opération a terminé { $count ->
        [one] 1 relation
       *[other] { $count } relations
    } ({ $time }).
end-all-nothing = Il n'y a aucune relation en cours à terminer.
