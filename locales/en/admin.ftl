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
admin-tile-manage-members = Members
invite-link-title = Invitation link
invite-link-help = Share this link: whoever opens it can register as a member of this program.
invite-link-off = The link is turned off: nobody can register with it until you turn it back on.
invite-link-copy = Copy link
invite-link-copied = Copied!
invite-link-regenerate = Regenerate
invite-link-disable = Turn off
invite-link-enable = Turn on
invite-link-regenerated = A new invitation link was created; the previous one no longer works.
members-title = Members
members-search-label = First name, last name or e-mail
members-search = Search
members-count = { $count ->
    [one] Displaying 1 member
   *[other] Displaying { $count } members
}
members-col-name = Full name
members-col-last-sign-in = Last sign-in
members-col-active = Active
members-import-link = Import members
members-deactivate-link = Deactivate members from a file
members-deleted = The member was permanently deleted.
member-since = Member since
member-saved = Saved.
member-access = Access
member-active-help = Active: this member can sign in. Deactivating ends their sessions at once; their data is kept and reactivating restores access.
member-inactive-help = Deactivated: this member cannot sign in. Their data is kept.
member-deactivate = Deactivate
member-reactivate = Reactivate
member-delete-title = Permanent delete
member-delete-help = Removes this person from the program and erases their personal data (name, e-mail, profile, e-mail contents). Relationship and message counts stay as they are. This cannot be undone.
member-delete-confirm = Yes, permanently delete { $name }
member-delete = Delete permanently
field-member = Member
field-confirm = Confirmation
field-active = Active
field-enabled = Enabled
