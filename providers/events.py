"""What happens to organisations that other apps may react to (see ``core.events``)."""

from core.events import Event

# A colleague was invited to join the organisation (the invitee gets a mail with the link).
member_invited = Event("invitation")
# Someone asked to join an organisation (its admins are told).
join_request_created = Event("join_request")
# An organisation admin accepted or declined a join request (the person is told).
join_request_decided = Event("join_request")
