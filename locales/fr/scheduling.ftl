## Disponibilités, réunions et choix du créneau.

field-availability = Disponibilités
field-weekday = Jour de la semaine
field-monday = Lundi
field-tuesday = Mardi
field-wednesday = Mercredi
field-thursday = Jeudi
field-friday = Vendredi
field-saturday = Samedi
field-sunday = Dimanche
field-away_last = Absent jusqu'au
field-extra_end = Heures supplémentaires, fin
field-occurrences = Occurrences
field-until = Date de fin
field-start = Date et heure
field-duration = Durée
field-meeting_type = Type de réunion
field-location = Endroit
field-agenda = Ordre du jour
field-answer = Réponse
field-month = Mois
field-frequency = Fréquence

zone-label-generic = { $generic } ({ $city })
zone-label-offset = { $city } (UTC{ $offset })
zone-generic-eastern = Heure de l'Est
zone-generic-central = Heure du Centre
zone-generic-mountain = Heure des Rocheuses
zone-generic-pacific = Heure du Pacifique
zone-generic-alaska = Heure de l'Alaska
zone-generic-atlantic = Heure de l'Atlantique
zone-generic-newfoundland = Heure de Terre-Neuve
zone-generic-hawaii = Heure d'Hawaï
zone-generic-gmt = Heure moyenne de Greenwich
zone-generic-western-european = Heure d'Europe de l'Ouest
zone-generic-central-european = Heure d'Europe centrale
zone-generic-eastern-european = Heure d'Europe de l'Est
zone-generic-india = Heure de l'Inde
zone-generic-japan = Heure du Japon
zone-generic-australian-eastern = Heure de l'Est de l'Australie
zone-generic-australian-central = Heure du Centre de l'Australie
zone-generic-australian-western = Heure de l'Ouest de l'Australie

meeting-frequency-none = Aucune
meeting-frequency-daily = Tous les jours
meeting-frequency-weekly = Toutes les semaines
meeting-frequency-monthly = Tous les mois
meeting-frequency-yearly = Tous les ans
meeting-type-video = Visioconférence
meeting-type-in_person = En personne
meeting-type-phone = Téléphone
meeting-answer-none = Pas encore de réponse
meeting-answer-accepted = Acceptée
meeting-answer-declined = Refusée
meeting-answer-maybe = Peut-être
meeting-status-scheduled = Prévue
meeting-status-held = Terminée
meeting-status-cancelled = Annulée

availability-title = Disponibilité pour les réunions
availability-saved = Vos disponibilités sont enregistrées.
availability-exception-added = L'exception est ajoutée.
availability-zone = Fuseau horaire : { $zone }.
availability-change-zone = Changer de fuseau horaire
availability-week = Chaque semaine
availability-week-hint = Vous pouvez indiquer plusieurs plages par jour (par exemple 09:00–12:00 et 14:00–18:00). Videz les deux heures d'une plage pour la supprimer ; une nouvelle ligne apparaît sous chaque jour après l'enregistrement.
availability-from = { $day }, de
availability-to = { $day }, à
availability-save = Enregistrer les disponibilités
availability-exceptions = Exceptions
availability-no-exceptions = Aucune exception à venir.
availability-away-text = Absent du { $first } au { $last }
availability-extra-text = Heures supplémentaires le { $date }, { $start }–{ $end }
availability-remove = Supprimer
availability-add-exception = Ajouter une exception
availability-kind-away = Absent (journées entières)
availability-kind-extra = Heures supplémentaires à une date
availability-exception-first = Du (date)
availability-exception-last = Au (date, en cas d'absence)
availability-exception-start = De (heure, heures supplémentaires)
availability-exception-end = À (heure, heures supplémentaires)
availability-exception-hint = Absence : choisissez le premier et le dernier jour. Heures supplémentaires : choisissez la date et les heures.
availability-add = Ajouter
field-kind = Type d'exception
field-away_first = Absent à partir du
field-extra_date = Date des heures supplémentaires

field-slot = Heure
field-scope = Réunions concernées

booking-title = Programmer une réunion
booking-with = Réunion avec { $name }
booking-for-pair = Réunion pour { $mentor } (mentor) et { $mentee } (mentoré)
booking-zone = Les heures sont affichées en { $zone }.
booking-choices = Réunion
booking-duration = Durée
booking-minutes = { $minutes } minutes
booking-frequency = Fréquence
booking-occurrences = Nombre d’occurrences
booking-until = Ou jusqu’au (date)
booking-series-hint = Pour une réunion récurrente : de 2 à 52 occurrences, ou une date de fin (la date de fin l’emporte si les deux sont indiquées).
booking-show = Afficher les heures libres
booking-month = { $month } { $year }
booking-previous-month = Mois précédent
booking-next-month = Mois suivant
booking-day-free = { $date }, heures libres
booking-no-free-day = Aucune heure n’est libre pour vous deux ce mois-ci. Essayez le mois suivant ou une réunion plus courte, ou demandez à votre partenaire d’ajouter des disponibilités.
booking-pick-day = Choisissez un jour avec des heures libres (affiché comme un lien) pour voir ses heures.
booking-times = Heures libres le { $date }
booking-no-times = Plus aucune heure n’est libre ce jour-là : choisissez un autre jour.
booking-morning = Matin
booking-afternoon = Après-midi
booking-evening = Soir
booking-conflicts = { $count ->
    [one] Une réunion suivante de la série est impossible ({ $dates }) ; choisir cette heure programme les autres.
   *[other] { $count } réunions suivantes de la série sont impossibles ({ $dates }) ; choisir cette heure programme les autres.
}
booking-type = Type de réunion
booking-video-room = dans la salle vidéo du programme
booking-video-generated = un lien vidéo est créé pour la réunion
booking-location = Lieu
booking-location-hint = En personne : l’adresse. Téléphone : le numéro à appeler. Inutile pour une réunion vidéo.
booking-agenda = Ordre du jour
booking-attend = Je participe aussi à cette réunion
booking-send = Envoyer la demande
booking-no-types = Le programme n’autorise aucun type de réunion : demandez à son administrateur.
booking-move-title = Déplacer une réunion
booking-move-now = { $count ->
    [one] Actuellement : { $start } (fin à { $end })
   *[other] Actuellement : { $start } (fin à { $end }), et { $count } réunions se déplacent avec ce choix
}
booking-move-which = Quelles réunions se déplacent
booking-move-help = La réunion garde son type, son lieu et son ordre du jour. Les autres participants reçoivent un courriel et répondent de nouveau pour la nouvelle heure.
booking-move-apply = Appliquer

month-name-1 = janvier
month-name-2 = février
month-name-3 = mars
month-name-4 = avril
month-name-5 = mai
month-name-6 = juin
month-name-7 = juillet
month-name-8 = août
month-name-9 = septembre
month-name-10 = octobre
month-name-11 = novembre
month-name-12 = décembre
weekday-short-0 = lun.
weekday-short-1 = mar.
weekday-short-2 = mer.
weekday-short-3 = jeu.
weekday-short-4 = ven.
weekday-short-5 = sam.
weekday-short-6 = dim.

meetings-title = Réunions
meetings-booked = Votre demande de réunion est envoyée.
meetings-answered = Votre réponse est enregistrée.
meetings-next = Prochaine réunion : { $when }
meetings-none-upcoming = Aucune réunion n’est prévue.
meetings-upcoming-label = Réunions à venir
meetings-held = Nombre de rencontres
meetings-hours = Nombre d’heures
meetings-book = Programmer des réunions
meetings-view = Voir les réunions
meetings-upcoming = À venir
meetings-past = Passées
meetings-when = { $start } (fin à { $end })
meetings-location = Lieu :
meetings-organiser = Envoyée par { $name }
meetings-participants = Participants
meetings-your-answer = Votre réponse :
meetings-answer-following = Aussi pour les réunions suivantes de la série
meetings-accept = Accepter
meetings-decline = Refuser
meetings-maybe = Peut-être

meetings-cancelled = La réunion est annulée ; les autres participants sont prévenus par courriel.
meetings-cancel = Annuler
meetings-cancel-which = Quelles réunions
meetings-cancel-this = Cette réunion seulement
meetings-cancel-following = Celle-ci et les suivantes
meetings-cancel-all = Toute la série à venir
meetings-cancel-help = Les autres participants reçoivent un courriel. C’est définitif.
meetings-cancel-confirm = Annuler la réunion
meetings-reschedule = Déplacer
meetings-moved = Déplacée
meetings-moved-notice = La réunion est déplacée ; les autres participants sont prévenus par courriel.
meetings-availability = Vos disponibilités pour les réunions
meetings-log-open = + Enregistrer une réunion tenue ailleurs
meetings-log-day = Date de la réunion
meetings-log-note = Note (facultative)
meetings-log-submit = Enregistrer cette réunion
meetings-logged-notice = La réunion est enregistrée : elle compte dans les réunions et les heures.
meetings-unlogged-notice = La réunion enregistrée est retirée.
meetings-logged-title = Réunions enregistrées à la main
meetings-logged-by = Enregistrée par { $name }
meetings-logged-remove = Retirer
field-day = Date de la réunion
field-note = Note
field-logged_meeting = Réunion enregistrée

## Le calendrier du membre
calendar-title = Mon calendrier
calendar-views = Affichages du calendrier
calendar-month-view = Mois
calendar-week-view = Semaine
calendar-previous-month = Mois précédent
calendar-next-month = Mois suivant
calendar-previous-week = Semaine précédente
calendar-next-week = Semaine suivante
calendar-today = Aujourd'hui
calendar-week-of = Semaine du { $date }
calendar-zone = Les heures sont affichées selon le fuseau { $zone }.
calendar-edit-availability = Modifier vos disponibilités pour les réunions
calendar-waiting = En attente de votre réponse
calendar-none-in-month = Aucune réunion ce mois-ci.
calendar-none-in-week = Aucune réunion cette semaine.
calendar-no-meetings = Aucune réunion.
calendar-available = Disponible { $hours }
calendar-not-available = Aucune disponibilité indiquée
calendar-entry = { $start } à { $end }, réunion avec { $with }
field-view = Affichage du calendrier
field-date = Date

answer-link-title = Réponse à une réunion de mentorat
answer-link-meeting = { $start } (fin à { $end }) ({ $zone }), avec { $with }
answer-link-count = Cette réponse vaut aussi pour les réunions suivantes de la série : { $count } réunions en tout.
answer-link-current = Votre réponse jusqu'ici : { $answer }
answer-link-recorded = Votre réponse est enregistrée : { $answer }. Les autres participants en sont informés par courriel.
answer-link-sign-in = Connectez-vous pour voir vos réunions

feed-heading = Synchronisation du calendrier
feed-intro = Voyez vos réunions de mentorat dans votre propre calendrier (Google Agenda, Outlook, Calendrier d'Apple…) : abonnez-vous à votre adresse privée. Elle donne vos réunions dans toutes vos relations depuis 90 jours, et votre calendrier la met à jour de lui-même.
feed-off = Votre adresse de calendrier est désactivée.
feed-turn-on = Obtenir mon adresse de calendrier
feed-address = Votre adresse de calendrier privée
feed-private = Gardez-la pour vous : toute personne qui a cette adresse voit vos réunions. Collez-la là où votre calendrier demande un calendrier « à partir d'une URL ».
feed-subscribe = M'abonner dans mon application de calendrier
feed-last-read = Dernière lecture par un calendrier : { $at }
feed-never-read = Aucun calendrier ne l'a encore lue.
feed-new-address = Obtenir une nouvelle adresse
feed-turn-off = Désactiver
feed-saved = Votre adresse de calendrier est mise à jour. Une adresse précédente ne fonctionne plus.
feed-turned-off = Votre adresse de calendrier est désactivée : elle ne fonctionne plus.

## Occupations tirées de l'agenda du membre (page du compte)
busy-heading = Vos occupations depuis votre agenda
busy-intro = Connectez votre propre agenda : aucune réunion ne vous sera proposée quand vous êtes occupé. Vos partenaires voient seulement que vous êtes occupé, jamais ce que contient votre agenda.
field-calendar_address = Adresse secrète de votre agenda (iCal)
busy-where = Google Agenda : Paramètres › votre agenda › « Adresse secrète au format iCal ». Outlook : Paramètres › Calendrier › Calendriers partagés › Publier, le lien ICS. Apple iCloud : partagez le calendrier en public, puis copiez son lien.
busy-connect = Connecter
busy-replace = Remplacer par une autre adresse
busy-none = Aucun agenda n'est connecté.
busy-connected = Connecté à { $host }. Il est lu toutes les { $minutes } minutes.
busy-last-read = Dernière lecture le { $at } : { $events } { $events ->
    [one] occupation
   *[other] occupations
 } dans les 12 prochains mois.
busy-unreadable = { $count ->
    [one] Un événement n'a pas pu être lu (fuseau horaire inconnu).
   *[other] { $count } événements n'ont pas pu être lus (fuseau horaire inconnu).
}
busy-failed = La dernière lecture, le { $at }, a échoué :
busy-kept = Les occupations lues le { $at } comptent toujours.
busy-never-read = Aucune occupation n'en a encore été lue.
busy-read-now = Lire maintenant
busy-remove = Retirer
busy-saved = Votre agenda est connecté.
busy-read-done = Votre agenda a été relu.
busy-removed = Votre agenda est retiré : ses occupations ne comptent plus.
busy-problem-unreachable = son serveur est injoignable.
busy-problem-timed-out = son serveur a mis trop de temps à répondre.
busy-problem-too-large = l'agenda dépasse 5 Mo.
busy-problem-http-status = son serveur a répondu par l'erreur { $status }. Vérifiez l'adresse, ou demandez-en une nouvelle à votre agenda.
busy-problem-not-calendar = ce qu'il a renvoyé n'est pas un agenda. Copiez l'adresse iCal, pas celle de la page.
busy-problem-private-address = l'adresse est sur un réseau privé, que ce site ne lit pas.
busy-problem-too-many-redirects = son serveur a redirigé trop de fois.
