nav-label = Navigation principale
nav-dashboard = Tableau de bord
nav-calendar = Calendrier
nav-availability = Disponibilités
nav-connections = Relations
nav-mentors = Mentors
nav-mentees = Mentorés
nav-admin = Administrateur
menu-account-settings = Paramètres du compte
menu-switch-program = Changer de programme
menu-sign-out = Se déconnecter

## Notifications (la cloche de la barre du haut et sa page)
notifications-bell = { $count ->
    [0] Notifications, aucune non lue
    [one] Notifications, 1 non lue
   *[other] Notifications, { $count } non lues
}
notifications-title = Notifications
notifications-none = Vous n'avez encore aucune notification.
notifications-unread = { $count ->
    [0] Tout est lu.
    [one] 1 notification non lue.
   *[other] { $count } notifications non lues.
}
notifications-mark-all = Tout marquer comme lu
notifications-marked = Vos notifications sont marquées comme lues.
notifications-new = Nouveau
notification-meeting-invitation = { $count ->
    [one] Vous avez été invité(e) à une réunion de mentorat par { $name } : { $when }.
   *[other] Vous avez été invité(e) à une série de { $count } réunions de mentorat par { $name }, la première le { $when }.
}
notification-meeting-moved = { $count ->
    [one] { $name } a déplacé une réunion de mentorat au { $when }.
   *[other] { $name } a déplacé { $count } réunions de mentorat, la première au { $when }.
}
notification-meeting-cancelled = { $count ->
    [one] { $name } a annulé la réunion de mentorat du { $when }.
   *[other] { $name } a annulé { $count } réunions de mentorat à partir du { $when }.
}
notification-meeting-accepted = { $count ->
    [one] { $name } a accepté la réunion de mentorat du { $when }.
   *[other] { $name } a accepté { $count } réunions de mentorat à partir du { $when }.
}
notification-meeting-declined = { $count ->
    [one] { $name } a refusé la réunion de mentorat du { $when }.
   *[other] { $name } a refusé { $count } réunions de mentorat à partir du { $when }.
}
notification-meeting-maybe = { $count ->
    [one] { $name } a répondu peut-être à la réunion de mentorat du { $when }.
   *[other] { $name } a répondu peut-être à { $count } réunions de mentorat à partir du { $when }.
}
