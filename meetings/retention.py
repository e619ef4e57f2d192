"""Retention: attendance lists and feedback of past meetings are anonymised after a period.

The period is counted from the end of the meeting, in months, per kind of meeting: the
meeting template's ``retention_months`` if there is a template for the kind, otherwise
``settings.RETENTION_MONTHS_BY_KIND`` or ``settings.RETENTION_MONTHS_DEFAULT``.

What stays: how many people of which organisation registered and attended, and the
ratings. What goes: who they were (registration, invitation and feedback lose the person),
registration notes (accessibility or dietary needs) and feedback comments (free text that
can name people).
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Feedback, Invitation, MeetingKind, MeetingTemplate, Registration


def retention_months(kind: str) -> int:
    months = MeetingTemplate.objects.filter(kind=kind).values_list("retention_months", flat=True)
    for value in months:
        return value
    return settings.RETENTION_MONTHS_BY_KIND.get(kind, settings.RETENTION_MONTHS_DEFAULT)


def retention_anonymise(*, now=None) -> dict[str, int]:
    """Anonymise what has passed its retention period. Safe to run any number of times."""
    now = now or timezone.now()
    counts = {"registrations": 0, "invitations": 0, "feedback": 0}
    for kind in MeetingKind.values:
        cutoff = now - relativedelta(months=retention_months(kind))
        expired = {"meeting__kind": kind, "meeting__end__lt": cutoff}
        with transaction.atomic():
            counts["registrations"] += (
                Registration.objects.filter(**expired)
                .exclude(user__isnull=True, registered_by__isnull=True, notes="")
                .update(user=None, registered_by=None, notes="")
            )
            counts["invitations"] += Invitation.objects.filter(
                **expired, user__isnull=False
            ).update(user=None)
            counts["feedback"] += (
                Feedback.objects.filter(**expired)
                .exclude(user__isnull=True, comment="")
                .update(user=None, comment="")
            )
    return counts
