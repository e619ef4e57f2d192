from core.errors import DomainError


class MeetingError(DomainError):
    """A rule about meetings was broken; ``message`` is shown to the user."""
