dashboard-greeting = Welcome, { $name }!
dashboard-intro = Here is where your mentoring stands today.
dashboard-summary-label = Your mentoring at a glance
dashboard-active-relationships = Active relationships
dashboard-invitations-received = Invitations awaiting your answer
dashboard-invitations-sent = Invitations you sent
dashboard-no-program = You are not a member of any program yet. Please contact your program administrator.
connections-title = Connections
connections-empty = You have no mentoring relationships yet.
connections-started = Started { $date }
directory-mentors-title = Mentors
directory-mentees-title = Mentees
directory-count = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
directory-job-at = { $title } at { $company }
