"""What happens on the pinboard that other apps may react to (see ``core.events``)."""

from core.events import Event

# A member answered a post: the poster's organisation gets the answer by mail.
answer_posted = Event("answer")
# A member reported a post: the coordinators of its networks are told.
post_reported = Event("report")
