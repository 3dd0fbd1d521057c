nav-label = Main navigation
nav-dashboard = Dashboard
nav-calendar = Calendar
nav-availability = Availability
nav-connections = Connections
nav-mentors = Mentors
nav-mentees = Mentees
nav-admin = Admin
menu-account-settings = Account Settings
menu-switch-program = Switch Program
menu-sign-out = Sign Out

## Notifications (the top bar's bell and its page)
notifications-bell = { $count ->
    [0] Notifications, none unread
    [one] Notifications, 1 unread
   *[other] Notifications, { $count } unread
}
notifications-title = Notifications
notifications-none = You have no notifications yet.
notifications-unread = { $count ->
    [0] All read.
    [one] 1 unread notification.
   *[other] { $count } unread notifications.
}
notifications-mark-all = Mark all as read
notifications-marked = Your notifications are marked as read.
notifications-new = New
notification-meeting-invitation = { $count ->
    [one] You have been invited to a mentoring meeting from { $name }: { $when }.
   *[other] You have been invited to a series of { $count } mentoring meetings from { $name }, the first on { $when }.
}
notification-meeting-moved = { $count ->
    [one] { $name } moved a mentoring meeting to { $when }.
   *[other] { $name } moved { $count } mentoring meetings, the first to { $when }.
}
notification-meeting-cancelled = { $count ->
    [one] { $name } cancelled the mentoring meeting of { $when }.
   *[other] { $name } cancelled { $count } mentoring meetings from { $when } on.
}
notification-meeting-accepted = { $count ->
    [one] { $name } accepted the mentoring meeting of { $when }.
   *[other] { $name } accepted { $count } mentoring meetings from { $when } on.
}
notification-meeting-declined = { $count ->
    [one] { $name } declined the mentoring meeting of { $when }.
   *[other] { $name } declined { $count } mentoring meetings from { $when } on.
}
notification-meeting-maybe = { $count ->
    [one] { $name } answered maybe to the mentoring meeting of { $when }.
   *[other] { $name } answered maybe to { $count } mentoring meetings from { $when } on.
}
