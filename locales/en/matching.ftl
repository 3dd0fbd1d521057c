# Finding a partner: the Mentors and Mentees search pages.
match-criteria-title = Search criteria
match-criteria-hint = Tick what matters to you; results follow as you choose.
match-tags-mentors = Specialized skills
match-tags-mentees = Development areas
match-chosen = { $count ->
    [0] none chosen
    [one] { $count } chosen
   *[other] { $count } chosen
}
match-search = Search
match-save-search = Save and search
match-saved = Your search is saved. It opens here next time.
match-count = { $count ->
    [0] Nobody matches yet. Try fewer criteria.
    [one] { $count } person
   *[other] { $count } people
}
match-no-criteria = Choose criteria to see who fits you best.
match-view-profile = View profile
match-criteria-met = Criteria met
match-none-met = None of your criteria
match-compatibility = Compatibility: { $score } %
match-fit-strong = Strong match
match-fit-good = Good match
match-fit-some = Partial match
match-fit-none = No criteria met
match-explain-skills = { $met } of { $asked } of the skills you offer
match-explain-areas = { $met } of { $asked } of your development areas
match-explain-languages = speaks { $languages }
match-explain-cities = meets in { $cities }
match-explain-industries = works in { $industries }
match-explain-functions = works in { $functions }
match-explain-field = { $field }: { $values }
match-full-mentor = Not taking new mentees
match-full-mentee = Has all the mentors they want
match-invitation-sent = Invitation sent
match-response-hours = Answers { $rate } % of invitations, usually within { $hours ->
    [one] an hour
   *[other] { $hours } hours
}
match-response-days = Answers { $rate } % of invitations, usually within { $days ->
    [one] a day
   *[other] { $days } days
}
match-admin-matches = In this program, the administrator matches mentors and mentees. You will receive an e-mail as soon as you are matched; meanwhile, keep your profile up to date.
match-admin-page = Administrators pair mentors and mentees directly with Match members.
match-admin-page-link = Match members
match-other-page-mentor = As a mentor, you look for mentees.
match-other-page-mentee = As a mentee, you look for mentors.
match-other-page-link = Search mentees
match-other-page-link-mentors = Search mentors
field-tags = Skills
field-criteria = Search criteria
field-search_access = Who may search for a partner
field-default_max_partners = Partners per member when their profile does not say
field-invitation_days = Days to answer an invitation
settings-invitation-days-hint = After this many days an unanswered invitation expires and its sender is told; the recipient gets a reminder halfway. Invitations already sent keep their deadline.
search-access-both = Mentors and mentees
search-access-mentees = Mentees only
search-access-mentors = Mentors only
search-access-nobody = Nobody: the administrator matches members

## Match members (administrators)
match-members-title = Match members
match-members-intro = Find a mentor and a mentee by name or e-mail, check how well they fit, and match them: the relationship starts at once and both receive the "administrator matched you" message.
match-members-mentor = Mentor
match-members-mentee = Mentee
match-members-find-mentor = Find a mentor by name or e-mail
match-members-find-mentee = Find a mentee by name or e-mail
match-members-load-mentor = { $count } of { $max } { $max ->
        [one] mentee
       *[other] mentees
    }
match-members-load-mentee = { $count } of { $max } { $max ->
        [one] mentor
       *[other] mentors
    }
match-members-full = Full
match-members-show = Show the pair
match-members-pair = { $mentor } (mentor) and { $mentee } (mentee)
match-members-explain-areas = { $met } of the mentee's { $asked } development areas
match-members-no-criteria = The mentee has no search criteria yet, so there is no compatibility score.
match-members-invitation-pending = An invitation between them is waiting for an answer: this match answers it.
match-members-over-capacity = This match goes over the maximum number of partners of one of them.
match-members-confirm = Match anyway
match-members-match = Match
