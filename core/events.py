"""Domain events: how a lower app tells the upper apps what happened (DESIGN.md, "Layers").

Each app declares its events in ``<app>/events.py`` as Django signals and sends them from its
services, inside the transaction of the change, with the changed objects as keyword
arguments. Upper apps connect receivers in their ``AppConfig.ready`` (``<app>/receivers.py``).
A receiver runs in the same transaction: what it writes (outbox rows, invitations) exists
exactly when the change does, and an exception in it rolls the change back.

    # meetings/events.py
    meeting_published = Event("meeting")

    # meetings/services/scheduling.py
    events.meeting_published.send_event(meeting=meeting)

    # notifications/receivers.py
    meetings_events.meeting_published.connect(on_meeting_published)
    def on_meeting_published(sender, *, meeting, **kwargs): ...
"""

from django.dispatch import Signal


class Event(Signal):
    """A Django signal that names its arguments and checks them when sent."""

    def __init__(self, *arguments: str):
        super().__init__()
        self.arguments = frozenset(arguments)

    def send_event(self, **kwargs) -> None:
        if set(kwargs) != self.arguments:
            raise TypeError(f"event expects {sorted(self.arguments)}, got {sorted(kwargs)}")
        self.send(sender=self.__class__, **kwargs)
