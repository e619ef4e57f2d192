"""The demo's time line: days relative to the day the demo is loaded, and a clock that lets
the services act on an earlier day.

Why a clock and not shifting rows afterwards: the demo has a history (members since last
year, meetings held with their minutes and feedback), but the services act "now": they refuse
to register anyone for a meeting in the past, refuse minutes before a meeting has started,
and stamp every application, decision, publication and registration with the current time.
Building each step at the moment it happened lets the services do all of that themselves, so
every stamp agrees with the story (published before the meeting, registered before it began,
member since last year). Moving a meeting into the past with a queryset update afterwards
would leave it published and registered for after it took place and every member "since
today".

The clock replaces ``django.utils.timezone.now``, which the services, ``localdate()`` and
``auto_now`` fields call at run time. Fields whose default is the function itself (the
``created_at`` of invitations, mails and audit entries) captured it when the models were
defined and keep today's time; for the outbox that is what we want: the demo's mails are due
now and the worker delivers them when ``make run`` starts.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Run the block as if it were ``moment`` (an aware datetime)."""
    real_now = timezone.now
    frozen = moment.astimezone(UTC)
    timezone.now = lambda: frozen
    try:
        yield
    finally:
        timezone.now = real_now


@dataclass(frozen=True)
class Timeline:
    """Days counted from the day the demo is loaded: negative in the past."""

    today: date

    def day(self, days: int) -> date:
        return self.today + timedelta(days=days)

    def at(self, days: int, hour: int = 10, minute: int = 0) -> datetime:
        """Local time ``hour:minute`` on the day ``days`` from today."""
        return timezone.make_aware(datetime.combine(self.day(days), time(hour, minute)))

    def back_to(self, days: int, hour: int = 9):
        """The clock set to ``days`` from today, at ``hour`` o'clock local time."""
        return clock_at(self.at(days, hour))
