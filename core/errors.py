"""The one base of the domain errors every app raises from its services."""


class DomainError(Exception):
    """A rule of the domain was broken; ``message`` (translatable) is shown to the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message
