app-name = Mentora
app-title = Mentora — mentoring programs
loading = Loading…
skip-to-content = Skip to content
language-en = English
language-fr = Français
# The label of the control that switches to the other language.
language-switch-to = Français
role-admin = Administrator
role-mentor = Mentor
role-mentee = Mentee
relationship-status-active = Matched
relationship-status-completed = Completed
field-email = E-mail address
field-password = Password
field-lang = Language
field-time_zone = Time zone
field-role = Role
pagination-label = Pages
pagination-previous = Previous
pagination-next = Next
pagination-status = Page { $page } of { $count }
not-found-title = Page not found
not-found-body = The page you are looking for does not exist or has moved.
not-found-home = Go to the dashboard
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
date-format = { $month } { $day }, { $year }
date-time-format = { $date }, { $hour12 }:{ $minute } { $meridiem ->
    [am] AM
   *[pm] PM
}
time-format = { $hour12 }:{ $minute } { $meridiem ->
    [am] AM
   *[pm] PM
}
yes = Yes
no = No
never = Never
percent = { $value }%
