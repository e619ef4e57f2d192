"""Meeting pages, by area. Each view: check access (``get_meeting_for``, ``get_poll_for``,
``meetings.permissions``), validate the form, call a service, redirect with a message — or
call one selector (``meetings.selectors``) for what the page shows.

- ``lists``: my meetings, the coordinator's list
- ``scheduling``: the meeting page, create, edit, publish, cancel, next date, invitations
- ``registration``: register, colleagues, cancel, decline, participants, the RSVP link
- ``agenda``: topic proposals and decisions, agenda items
- ``minutes``: minutes, attendance, measures, publishing the minutes, feedback
- ``polls``: date polls
- ``calendar``: a meeting's .ics, the personal feed, the network's calendar
"""
