"""What happens in networks that other apps may react to (see ``core.events``)."""

from core.events import Event

# An organisation applied to join a network.
membership_applied = Event("membership")
# The application was accepted: the organisation is an active member with a representative.
membership_accepted = Event("membership")
membership_declined = Event("membership")
# An active member left or was removed.
membership_ended = Event("membership")
# A person was named representative or deputy of an active member organisation.
representative_added = Event("representative")
