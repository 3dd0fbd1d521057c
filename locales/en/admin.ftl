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
members-col-completeness = Profile completeness
members-col-active = Active
members-import-link = Import members
members-deactivate-link = Deactivate members from a file
members-deleted = The member was permanently deleted.
members-search-placeholder = Please enter first name, last name or e-mail
members-col-email = E-mail
members-col-relationships = Relationships
members-col-groups = Groups
members-col-matches = Matches
members-col-role = Role
members-col-hours = Mentoring hours
members-col-member-since = Member since
members-col-end-date = End date
members-col-member-admin = Member admin
members-filter-role = Select a role
members-filter-all-roles = All
members-filter-field = Custom field
members-filter-option = Options
members-filter-choose = Please select
members-filter-any-answer = Any answer
members-advanced = Advanced filter
members-filter-industries = Sectors
members-filter-functions = Job functions
members-filter-below = Profile completeness below (%)
members-filter-hours-min = Mentoring hours: at least
members-filter-hours-max = Mentoring hours: at most
members-filter-after = Created after
members-filter-current = Current positions only
members-filter-active = Account active (the member is active)
members-filter-activity = Recent activity
members-filter-relationship = Relationship
members-filter-any = Any
members-activity-within = Signed in within { $days } days
members-activity-never = Never signed in
members-relationship-active = Has an active relationship
members-relationship-none = No active relationship
members-clear = Clear filters
members-save-filter = Save search filter
members-save-filter-button = Save filter
members-filter-saved = The search filter was saved: it is under "Recent searches".
members-recent-searches = Recent searches:
members-forget-filter = Delete the saved filter { $name }
members-columns = Columns
members-columns-save = Show these columns
members-active-switch = Active: { $name }
members-toggled-off = { $name } was deactivated and signed out.
members-toggled-on = { $name } was reactivated.
members-now-inactive = The member was deactivated and signed out.
members-now-active = The member was reactivated.
members-undo = Undo
members-dismiss = Dismiss
members-member-admin-for = Member admin of { $name }
members-member-admin-none = — None —
members-member-admin-save = Assign
members-admin-assigned = The member admin was saved.
field-search = Search
field-custom_field = Custom field
field-option = Options
field-industries = Sectors
field-job_functions = Job functions
field-completeness_below = Profile completeness below
field-created_after = Created after
field-hours_min = Mentoring hours: at least
field-hours_max = Mentoring hours: at most
field-account_active = Account active
field-activity = Recent activity
field-relationship = Relationship
field-sort = Sort
field-filter_name = Name
field-member_admin = Member admin
field-columns = Columns
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
import-title = Import members
deactivate-title = Deactivate members
import-intro = To do this, upload a CSV file (Excel: "Save as" → "CSV UTF-8", or CSV with commas or semicolons).
import-rule-columns = The columns must be titled first_name, last_name, email, role (mentor or mentee) and, optionally, language (en or fr). French titles work too: prénom, nom, courriel, rôle, langue.
import-rule-rows = Each row holds one member (100,000 rows at most; 10 MB). Empty rows are skipped.
import-rule-existing = A member who already exists is updated, never duplicated. Each new member receives the "Member import login information" message with a link to choose a password. Someone who also belongs to another program keeps their own name, language and password: the import only adds them to this program or changes their role here.
import-rule-errors = The whole file is checked first. If there is any error, the list of errors is shown and nothing is changed: correct the file and try again.
deactivate-rule-columns = The column must be titled email (or courriel).
deactivate-rule-rows = Each row holds the e-mail address of one member of this program.
deactivate-rule-admins = Do not include your own address: you cannot deactivate yourself.
import-sample = Download a sample file
field-file = File to import
import-submit = Import
deactivate-submit = Deactivate
import-running = Importing… { $done } of { $total } rows.
import-progress = Import progress
import-done = Import complete: { $created } new members, { $updated } updated.
deactivate-done = Done: { $count ->
    [one] 1 member deactivated.
   *[other] { $count } members deactivated.
}
import-failed = The file could not be applied because of an unexpected error. Nothing was changed. Please try again.
import-try-again = Upload a corrected file
import-invalid = { $count ->
    [one] The file has 1 error. Nothing was changed.
   *[other] The file has { $count } errors. Nothing was changed.
}
import-col-row = Row
import-col-column = Column
import-col-problem = Problem
import-error-empty-file = The file is empty.
import-error-unreadable = The file could not be read as CSV.
import-error-too-many-rows = The file has more than 100,000 rows. Split it into smaller files.
import-error-missing-column = The column "{ $column }" is missing.
import-error-required = { $column } is required.
import-error-invalid-email = "{ $value }" is not a valid e-mail address.
import-error-invalid-role = "{ $value }" is not a role: use mentor or mentee.
import-error-invalid-language = "{ $value }" is not a language: use en or fr.
import-error-too-long = { $column } is too long (100 characters at most).
import-error-duplicate = { $value } is already on row { $other }.
import-error-is-admin = { $value } is an administrator of this program; administrators are not changed by an import.
import-error-not-a-member = { $value } is not a member of this program.
import-error-is-you = { $value } is your own address: you cannot deactivate yourself.
import-error-control-characters = { $column } must fit on one line: remove the line break, tab or other control character from the cell.
settings-title = Program settings
settings-link = Names, contact, e-mail logo, sign-in and registration rules
settings-saved = The program's settings were saved.
settings-save = Save settings
settings-contact-hint = Deactivated members are asked to write here; e-mails show it as the administrator's address.
settings-logo-hint = An https:// address of an image shown at the top of every e-mail. Leave empty for the Mentora logo.
field-name_en = Program name (English)
field-name_fr = Program name (French)
field-contact_email = Contact e-mail address
field-logo_url = E-mail logo (image address)
field-lockout_threshold = Failed sign-ins before an account locks
field-signup_roles = Who may register with the invitation link
admin-tile-searches = Searches
admin-tile-matching = Matching
admin-searches-members = { $count ->
    [one] saved by { $count } member
   *[other] saved by { $count } members
}
admin-invitations-closed = { $count } withdrawn or expired
