## Availability, meetings and the slot picker.

field-availability = Availability
field-weekday = Day of the week
field-monday = Monday
field-tuesday = Tuesday
field-wednesday = Wednesday
field-thursday = Thursday
field-friday = Friday
field-saturday = Saturday
field-sunday = Sunday
field-away_last = Away until
field-extra_end = Extra hours, end
field-occurrences = Occurrences
field-until = End date
field-start = Date and time
field-duration = Duration
field-meeting_type = Meeting type
field-location = Location
field-agenda = Agenda
field-answer = Answer
field-month = Month
field-frequency = Frequency

zone-label-generic = { $generic } ({ $city })
zone-label-offset = { $city } (UTC{ $offset })
zone-generic-eastern = Eastern Time
zone-generic-central = Central Time
zone-generic-mountain = Mountain Time
zone-generic-pacific = Pacific Time
zone-generic-alaska = Alaska Time
zone-generic-atlantic = Atlantic Time
zone-generic-newfoundland = Newfoundland Time
zone-generic-hawaii = Hawaii Time
zone-generic-gmt = Greenwich Mean Time
zone-generic-western-european = Western European Time
zone-generic-central-european = Central European Time
zone-generic-eastern-european = Eastern European Time
zone-generic-india = India Standard Time
zone-generic-japan = Japan Standard Time
zone-generic-australian-eastern = Australian Eastern Time
zone-generic-australian-central = Australian Central Time
zone-generic-australian-western = Australian Western Time

meeting-frequency-none = None
meeting-frequency-daily = Daily
meeting-frequency-weekly = Weekly
meeting-frequency-monthly = Monthly
meeting-frequency-yearly = Yearly
meeting-type-video = Video conference
meeting-type-in_person = In person
meeting-type-phone = Phone
meeting-answer-none = No answer yet
meeting-answer-accepted = Accepted
meeting-answer-declined = Declined
meeting-answer-maybe = Maybe
meeting-status-scheduled = Scheduled
meeting-status-held = Held
meeting-status-cancelled = Cancelled

availability-title = Availability for meetings
availability-saved = Your availability is saved.
availability-exception-added = The exception is added.
availability-zone = Time zone: { $zone }.
availability-change-zone = Change your time zone
availability-week = Every week
availability-week-hint = Several windows a day are fine (for example 09:00–12:00 and 14:00–18:00). Empty both times of a window to remove it; a new row appears under each day once you save.
availability-from = { $day }, from
availability-to = { $day }, to
availability-save = Save availability
availability-exceptions = Exceptions
availability-no-exceptions = No exceptions to come.
availability-away-text = Away from { $first } to { $last }
availability-extra-text = Extra hours on { $date }, { $start }–{ $end }
availability-remove = Remove
availability-add-exception = Add an exception
availability-kind-away = Away (whole days)
availability-kind-extra = Extra hours on a date
availability-exception-first = From (date)
availability-exception-last = To (date, when away)
availability-exception-start = From (time, extra hours)
availability-exception-end = To (time, extra hours)
availability-exception-hint = Away: choose the first and last days. Extra hours: choose the date and the times.
availability-add = Add
field-kind = Kind of exception
field-away_first = Away from
field-extra_date = Date of the extra hours

field-slot = Time
field-scope = Which meetings

booking-title = Book a meeting
booking-with = Meeting with { $name }
booking-for-pair = Meeting for { $mentor } (mentor) and { $mentee } (mentee)
booking-zone = Times are shown in { $zone }.
booking-choices = Meeting
booking-duration = Duration
booking-minutes = { $minutes } minutes
booking-frequency = Frequency
booking-occurrences = Number of occurrences
booking-until = Or end on (date)
booking-series-hint = For a repeating meeting: from 2 to 52 occurrences, or an end date (the end date wins when both are given).
booking-show = Show free times
booking-month = { $month } { $year }
booking-previous-month = Previous month
booking-next-month = Next month
booking-day-free = { $date }, free time
booking-no-free-day = No time is free for both of you this month. Try the next month or a shorter meeting, or ask your partner to add availability.
booking-pick-day = Choose a day with free time (shown as a link) to see its times.
booking-times = Free times on { $date }
booking-no-times = No time is free on this day any more: choose another day.
booking-morning = Morning
booking-afternoon = Afternoon
booking-evening = Evening
booking-conflicts = { $count ->
    [one] One later meeting of the series is taken ({ $dates }); choosing this time books the others.
   *[other] { $count } later meetings of the series are taken ({ $dates }); choosing this time books the others.
}
booking-type = Meeting type
booking-video-room = in the program's video room
booking-video-generated = a video link is created for the meeting
booking-location = Where
booking-location-hint = In person: the address. Phone: the number to call. Not needed for a video meeting.
booking-agenda = Agenda
booking-attend = I attend this meeting too
booking-send = Send request
booking-no-types = The program allows no meeting type: ask its administrator.
booking-move-title = Move a meeting
booking-move-now = { $count ->
    [one] Now: { $start } to { $end }
   *[other] Now: { $start } to { $end }, and { $count } meetings move with this choice
}
booking-move-which = Which meetings move
booking-move-help = The meeting keeps its type, place and agenda. The other participants receive an e-mail and answer again for the new time.
booking-move-apply = Apply

month-name-1 = January
month-name-2 = February
month-name-3 = March
month-name-4 = April
month-name-5 = May
month-name-6 = June
month-name-7 = July
month-name-8 = August
month-name-9 = September
month-name-10 = October
month-name-11 = November
month-name-12 = December
weekday-short-0 = Mon
weekday-short-1 = Tue
weekday-short-2 = Wed
weekday-short-3 = Thu
weekday-short-4 = Fri
weekday-short-5 = Sat
weekday-short-6 = Sun

meetings-title = Meetings
meetings-booked = Your meeting request is sent.
meetings-answered = Your answer is saved.
meetings-next = Next meeting: { $when }
meetings-none-upcoming = No meeting is planned.
meetings-upcoming-label = Upcoming meetings
meetings-held = Number of meetings
meetings-hours = Number of hours
meetings-book = Book a meeting
meetings-view = View meetings
meetings-upcoming = Upcoming
meetings-past = Past
meetings-when = { $start } to { $end }
meetings-location = Where:
meetings-organiser = Sent by { $name }
meetings-participants = Participants
meetings-your-answer = Your answer:
meetings-answer-following = Also for the later meetings of the series
meetings-accept = Accept
meetings-decline = Decline
meetings-maybe = Maybe

meetings-cancelled = The meeting is cancelled; the other participants are told by e-mail.
meetings-cancel = Cancel
meetings-cancel-which = Which meetings
meetings-cancel-this = This meeting only
meetings-cancel-following = This one and the later ones
meetings-cancel-all = The whole series still to come
meetings-cancel-help = The other participants receive an e-mail. This cannot be undone.
meetings-cancel-confirm = Cancel the meeting
meetings-reschedule = Move
meetings-moved = Moved
meetings-moved-notice = The meeting is moved; the other participants are told by e-mail.
meetings-availability = Your availability for meetings
meetings-log-open = + Log a meeting held elsewhere
meetings-log-day = Date of the meeting
meetings-log-note = Note (optional)
meetings-log-submit = Log this meeting
meetings-logged-notice = The meeting is logged: it counts in the meetings and hours.
meetings-unlogged-notice = The logged meeting is removed.
meetings-logged-title = Meetings logged by hand
meetings-logged-by = Logged by { $name }
meetings-logged-remove = Remove
field-day = Date of the meeting
field-note = Note
field-logged_meeting = Logged meeting

## The member's calendar
calendar-title = My calendar
calendar-views = Calendar views
calendar-month-view = Month
calendar-week-view = Week
calendar-previous-month = Previous month
calendar-next-month = Next month
calendar-previous-week = Previous week
calendar-next-week = Next week
calendar-today = Today
calendar-week-of = Week of { $date }
calendar-zone = Times are shown in { $zone }.
calendar-edit-availability = Edit your availability for meetings
calendar-waiting = Waiting for your answer
calendar-none-in-month = No meetings this month.
calendar-none-in-week = No meetings this week.
calendar-no-meetings = No meetings.
calendar-available = Available { $hours }
calendar-not-available = No availability set
calendar-entry = { $start } to { $end }, meeting with { $with }
field-view = Calendar view
field-date = Date

answer-link-title = Answer to a mentoring meeting
answer-link-meeting = { $start } to { $end } ({ $zone }), with { $with }
answer-link-count = This answer is for the later meetings of the series too: { $count } meetings in all.
answer-link-current = Your answer so far: { $answer }
answer-link-recorded = Your answer is recorded: { $answer }. The other participants are told by e-mail.
answer-link-sign-in = Sign in to see your meetings

feed-heading = Calendar sync
feed-intro = See your mentoring meetings in your own calendar (Google Calendar, Outlook, Apple Calendar…): subscribe to your private address. It lists your meetings in every relationship from the last 90 days on, and your calendar updates it by itself.
feed-off = Your calendar address is off.
feed-turn-on = Get my calendar address
feed-address = Your private calendar address
feed-private = Keep it to yourself: anyone with this address can see your meetings. Paste it where your calendar asks for a calendar “from URL”.
feed-subscribe = Subscribe in my calendar application
feed-last-read = Last read by a calendar: { $at }
feed-never-read = No calendar has read it yet.
feed-new-address = Get a new address
feed-turn-off = Turn off
feed-saved = Your calendar address is updated. A previous address no longer works.
feed-turned-off = Your calendar address is turned off: it no longer works.

## Busy times from the member's own calendar (account page)
busy-heading = Busy times from your calendar
busy-intro = Connect your own calendar so that no meeting is offered when you are busy. Your partners see only that you are busy, never what is in your calendar.
field-calendar_address = Your calendar's secret address (iCal)
busy-where = Google Calendar: Settings › your calendar › “Secret address in iCal format”. Outlook: Settings › Calendar › Shared calendars › Publish, the ICS link. Apple iCloud: share the calendar as public, then copy its link.
busy-connect = Connect
busy-replace = Replace with another address
busy-none = No calendar is connected.
busy-connected = Connected to { $host }. It is read every { $minutes } minutes.
busy-last-read = Last read { $at }: { $events } busy { $events ->
    [one] event
   *[other] events
 } in the next 12 months.
busy-unreadable = { $count ->
    [one] One event could not be read (unknown time zone).
   *[other] { $count } events could not be read (unknown time zone).
}
busy-failed = The last reading, { $at }, failed:
busy-kept = The busy times read { $at } still count.
busy-never-read = No busy times have been read from it yet.
busy-read-now = Read now
busy-remove = Remove
busy-saved = Your calendar is connected.
busy-read-done = Your calendar was read again.
busy-removed = Your calendar is removed: its busy times no longer count.
busy-problem-unreachable = its server could not be reached.
busy-problem-timed-out = its server took too long to answer.
busy-problem-too-large = the calendar is larger than 5 MB.
busy-problem-http-status = its server answered with error { $status }. Check the address, or get a new one from your calendar.
busy-problem-not-calendar = what it gave is not a calendar. Copy the iCal address, not the page's address.
busy-problem-private-address = the address is on a private network, which this site does not read.
busy-problem-too-many-redirects = its server redirected too many times.
