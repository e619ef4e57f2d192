"""What happens with circulars that other apps may react to (see ``core.events``)."""

from core.events import Event

# A coordinator sent a circular: its recipients are written (``circular.recipients``).
circular_sent = Event("circular")
