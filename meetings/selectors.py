"""Reads about meetings: what the pages and other apps show.

Every list of meetings starts from ``Meeting.objects.visible_to(user)``, the one visibility
rule (case conferences included).
"""

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from .models import Meeting


def upcoming_public_meetings(network, *, limit: int | None = None):
    """Published meetings of the network that visitors may see (never case conferences)."""
    meetings = (
        Meeting.objects.visible_to(AnonymousUser())
        .filter(network=network, status=Meeting.Status.PUBLISHED, start__gte=timezone.now())
        .select_related("contact_person")
        .order_by("start")
    )
    return meetings[:limit] if limit else meetings


def network_meetings_section(*, user, network) -> dict:
    """The network page's list of upcoming public meetings (``core.sections``)."""
    return {"meetings": upcoming_public_meetings(network, limit=10)}


def network_meetings_pdf_section(*, network) -> dict:
    """The same list in the network profile PDF."""
    return {"meetings": list(upcoming_public_meetings(network, limit=20))}
