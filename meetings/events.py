"""What happens to meetings that other apps may react to (see ``core.events``)."""

from core.events import Event

# A draft was published; its invitations are written (the whole audience, or the people
# named for a case conference).
meeting_published = Event("meeting")
# People were invited to an already published meeting (named later, or their organisation
# joined the network); ``user_ids`` are the new invitees.
invitations_added = Event("meeting", "user_ids")
# Time, place or format of a published meeting changed (the calendar sequence is raised).
meeting_changed = Event("meeting", "changed_fields")
meeting_cancelled = Event("meeting")
# A seat became free and this registration moved up from the waiting list.
registration_promoted = Event("registration")
minutes_published = Event("meeting")
# The agenda of an already published meeting was published (``agenda_published_at`` set):
# the invitees, told at first that the agenda follows, receive it.
agenda_published = Event("meeting")
# A date poll was opened; its invitations (one per person asked) are written.
poll_opened = Event("poll")
# A date poll was closed with its chosen date (``poll.chosen_slot``).
poll_closed = Event("poll")
