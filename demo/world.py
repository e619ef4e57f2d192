"""What the demo has built so far, handed from one step of its story to the next."""

from dataclasses import dataclass, field

from network.models import Network
from providers.models import Organisation

from .clock import Timeline
from .data import ORGANISATIONS
from .people import People


@dataclass
class Demo:
    timeline: Timeline
    people: People
    organisations: dict[str, Organisation] = field(default_factory=dict)
    networks: dict[str, Network] = field(default_factory=dict)
    mails_queued: int = 0

    def admin(self, organisation_key: str):
        """The person who registered the organisation (and represents it in its networks)."""
        _name, email = ORGANISATIONS[organisation_key][-1]
        return self.people[email]

    def admins(self, *organisation_keys: str) -> list:
        return [self.admin(key) for key in organisation_keys]
