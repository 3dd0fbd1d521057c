# Texts only the server uses (e-mails, calendar files, CSV headings, plain error pages):
# compiled into the server, never sent to browsers.
admin-meetings-col-start = Start
admin-meetings-col-end = End
admin-meetings-col-minutes = Duration (minutes)
error-cross-site = This request did not come from this site's own pages, so it was refused. Reload the page and try again.
email-link-here = here
email-action = { $label }: { $url }
email-footer = You receive this e-mail because you are a member of { $org }.
email-log-col-status-at = Status date
template-sample-partner = Alex Morgan
template-sample-message = I would love to learn from your experience in project management. Would you have an hour a month?
template-sample-meeting-time = Dec 9, 2026, 10:00 AM to 10:30 AM (Eastern Time (Toronto))
template-sample-previous-time = Dec 8, 2026, 2:00 PM to 2:30 PM (Eastern Time (Toronto))
template-sample-meeting-repeats = Repeats weekly: 4 meetings
meeting-mail-time = { $start } to { $end } ({ $zone })
meeting-mail-repeats = Repeats { $frequency ->
    [daily] daily
    [weekly] weekly
    [monthly] monthly
   *[yearly] yearly
}: { $count } meetings
meeting-calendar-summary = Mentoring meeting: { $names }
meeting-calendar-agenda = Agenda: { $agenda }
meeting-calendar-link = The meeting page: { $url }
meeting-mail-count = { $count ->
    [one] a mentoring meeting
   *[other] { $count } mentoring meetings
}
feed-calendar-name = Mentoring meetings
