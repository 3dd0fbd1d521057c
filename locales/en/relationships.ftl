match-invite = Invite
invite-title = Send an invitation
invite-message = Your message (required)
invite-tip-title = Three ways to get a "yes"
invite-tip-1 = Say why you chose them: name a skill or an experience of theirs that matters to you.
invite-tip-2 = Say what you hope to work on together, and how often you would like to meet.
invite-tip-3 = Keep it short and friendly, and thank them for their time.
invite-send = Send the invitation
invitation-title = Invitation
invitation-you-sent = Your invitation to { $name }
invitation-you-received = { $name } invites you to a mentoring relationship
invitation-sent-on = Sent
invitation-answer-by = Answer by
invitation-answered-on = Answered
invitation-reason = Reason given
invitation-open-relationship = Open the relationship
invitation-accept = Accept
invitation-decline = Decline…
invitation-decline-reason = Reason (optional; the sender will read it)
invitation-decline-tip = Saying no is fine. A kind word helps: for instance that you have no time now, or that another member would suit their goals better.
invitation-decline-send = Decline the invitation
invitation-withdraw = Withdraw the invitation
invitation-sent-notice = Your invitation was sent. You will receive an e-mail when they answer.
invitation-declined-notice = You declined the invitation; the sender has been told.
invitation-withdrawn-notice = You withdrew the invitation; they have been told.
invitation-thread = Questions and answers
invitation-thread-you = You
invitation-ask = Ask a question…
invitation-reply = Reply…
invitation-ask-label = Your question
invitation-reply-label = Your message
invitation-ask-tip = Not sure yet? Ask what would help you decide, such as how often they would like to meet or what they hope to work on. The invitation stays open until you accept or decline it.
invitation-reply-tip = They will receive your message by e-mail. The invitation stays open until they answer it.
invitation-ask-send = Send
invitation-asked-notice = Your message was sent by e-mail. The invitation stays open.
invitation-status-pending = Waiting for an answer
invitation-status-accepted = Accepted
invitation-status-declined = Declined
invitation-status-withdrawn = Withdrawn
invitation-status-expired = Expired
relationship-title = Your mentoring relationship
relationship-accepted-notice = You accepted the invitation: your mentoring relationship has started.
relationship-stages = Where you are
relationship-stage-invitation = Invitation sent
relationship-stage-established = Relationship established
relationship-stage-completed = Relationship completed
relationship-current-stage = You are currently at stage { $stage }.
relationship-started = Started
relationship-ended = Ended
relationship-end-reason = Reason for ending
relationship-see-invitation = See the invitation that started it
relationship-next-steps = Next steps
relationship-next-profile = Read your partner's profile and get to know their goals.
relationship-next-contact = Write to your partner to agree on how and when you will meet.
relationship-next-goals = Agree together on two or three goals for your mentoring.
field-message = Message
field-reason = Reason
field-question = Question
field-tab = Tab
field-dir = Sort direction
field-mentor = Mentor
field-mentee = Mentee
field-relationship_admin = Relationship admin
connections-received = Invitations you received
connections-sent = Invitations you sent
connections-relationships = Your relationships
connections-answer-by = Answer by { $date }
relationship-end = End this relationship…
relationship-end-help = Ending moves the relationship to stage 3 (completed). You and your partner each receive an e-mail; the relationship stays in your connections.
relationship-end-reason-label = Reason (optional; both of you will read it)
relationship-end-confirm = End the relationship
relationship-ended-notice = The relationship has ended. You have both been told by e-mail.
relationship-matched-notice = You matched them: the relationship has started and both were told by e-mail.

## The administrator's Relationships page
admin-relationships-title = Relationships
admin-relationships-search = Search by name
admin-relationships-search-button = Search
admin-relationships-tabs = Relationships by status
admin-relationships-tab-all = All ({ $count })
admin-relationships-tab-matched = Matched ({ $count })
admin-relationships-tab-completed = Completed ({ $count })
admin-relationships-col-mentor = Mentor
admin-relationships-col-mentee = Mentee
admin-relationships-col-status = Relationship status
admin-relationships-col-agreement = Mentoring agreement
admin-relationships-col-evaluation = Final evaluation
admin-relationships-col-hours = Number of hours
admin-relationships-col-meetings = Number of meetings
admin-relationships-col-created = Created
admin-relationships-col-started = Started
admin-relationships-col-ended = Ended
admin-relationships-col-request = Mentoring request
admin-relationships-col-relationship = Mentoring relationship
admin-relationships-col-admin = Relationship admin
admin-relationships-details = Details
admin-relationships-matched-by-admin = Matched by an administrator
admin-relationships-admin-none = Nobody in particular
admin-relationships-admin-assigned = The relationship admin is saved.

## End all relationships
end-all-title = End all relationships
end-all-explain = { $count ->
        [one] The program's one current relationship will end now. Its mentor and mentee each receive the "relationship ended" e-mail once, and it moves to Completed.
       *[other] The program's { $count } current relationships will end now. Each mentor and mentee receives the "relationship ended" e-mail once, and the relationships move to Completed.
    }
end-all-reason = Message to the members (optional)
end-all-confirm = { $count ->
        [one] End 1 relationship
       *[other] End { $count } relationships
    }
end-all-cancel = Cancel
end-all-started = Ending the relationships. You can leave this page: the work goes on.
end-all-running = Ending relationships: { $done } of { $count }
end-all-reload = Reload to see the progress
end-all-done = The last run ended { $count ->
        [one] 1 relationship
       *[other] { $count } relationships
    } ({ $time }).
end-all-nothing = There is no current relationship to end.
