"""What the portal mails when something happens elsewhere.

The other apps call these functions from their services, inside the transaction of the
change; each one queues the mails that change causes (through ``notifications.services``).
"""


def on_membership_decided(membership) -> None:
    """An application was accepted or declined: tell the applicant and the coordinators."""


def on_membership_activated(membership) -> None:
    """An organisation became an active member: invite its representatives to upcoming meetings."""


def on_meeting_published(meeting) -> None:
    """Invite every representative and deputy in the meeting's audience."""


def on_meeting_changed(meeting, *, changed_fields: list[str]) -> None:
    """Time or place changed (sequence already increased): send calendar updates."""


def on_meeting_cancelled(meeting) -> None:
    """Send METHOD:CANCEL to everyone invited."""


def on_registration_promoted(registration) -> None:
    """A place became free and this person moved up from the waiting list."""


def on_minutes_published(meeting) -> None:
    """Tell the network's members that the minutes are available."""
