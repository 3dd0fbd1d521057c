admin-dashboard-title = Admin dashboard
admin-stats-label = Program statistics
admin-tile-members = Members
admin-tile-relationships = Relationships
admin-tile-invitations = Invitations
admin-members-mentors = { $count ->
    [one] { $count } mentor
   *[other] { $count } mentors
}
admin-members-mentees = { $count ->
    [one] { $count } mentee
   *[other] { $count } mentees
}
admin-members-admins = { $count ->
    [one] { $count } administrator
   *[other] { $count } administrators
}
admin-relationships-active = { $count } active
admin-relationships-completed = { $count } completed
admin-invitations-pending = { $count } pending
admin-invitations-accepted = { $count } accepted
admin-invitations-declined = { $count } declined
