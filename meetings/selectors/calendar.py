"""The personal calendar feed."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from ..models import Meeting, Registration


def feed_owner(token: str):
    """The active person whose feed the token opens, or None: one query."""
    return get_user_model().objects.filter(calendar_token=token, is_active=True).first()


def feed_meetings(user):
    """The meetings the person is registered for, from a year ago on (drafts never), by start.
    Lazy; one query."""
    return (
        Meeting.objects.filter(
            registrations__user=user,
            registrations__status=Registration.Status.REGISTERED,
            start__gte=timezone.now() - timedelta(days=365),
        )
        .exclude(status=Meeting.Status.DRAFT)
        .select_related("contact_person")
        .order_by("start")
    )
