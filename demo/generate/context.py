"""What the steps of a generation share: the random source, the scale and the rows so far."""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

BATCH = 2000


@dataclass
class Context:
    scale: float
    seed: int
    now: datetime
    rng: random.Random = field(init=False)
    # ids of what was written, in creation order
    user_ids: list[int] = field(default_factory=list)
    org_ids: list[int] = field(default_factory=list)
    org_names: dict[int, str] = field(default_factory=dict)
    members_of_org: dict[int, list[int]] = field(default_factory=dict)
    network_ids: list[int] = field(default_factory=list)
    network_names: dict[int, str] = field(default_factory=dict)
    # network id -> [(organisation id, person id, role)] of active members' representatives
    representatives: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    coordinators: dict[int, list[int]] = field(default_factory=dict)
    working_groups: dict[int, tuple[int, str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    # (meeting, person) of every invitation and of every registered person, in meeting order
    invited: list[tuple] = field(default_factory=list)
    registered: list[tuple] = field(default_factory=list)
    emails: dict[int, str] = field(default_factory=dict)
    # user id -> (organisation id -> OrganisationMember id)
    member_ids: dict[tuple[int, int], int] = field(default_factory=dict)
    memberships: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        self.rng = random.Random(self.seed)

    def scaled(self, base: int, *, minimum: int = 1) -> int:
        return max(minimum, round(base * self.scale))

    def past(self, moment: datetime, *, before: timedelta = timedelta(hours=1)) -> datetime:
        """``moment``, or a little before now if it lies ahead: nothing was done in the future."""
        return min(moment, self.now - before)

    def count(self, name: str, number: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + number


def bulk(model, rows, *, batch_size: int = BATCH) -> list:
    """bulk_create in batches; returns the rows with their primary keys."""
    return model.objects.bulk_create(rows, batch_size=batch_size)
