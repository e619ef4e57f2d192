"""Reads for the pages that combine several apps."""

from django.db.models import Count, Q
from django.utils import timezone

from meetings.models import Meeting, Registration
from meetings.selectors import open_polls_coordinated, polls_waiting_for
from network.models import Measure, Membership, Network
from providers.models import OrganisationMember


def dashboard_context(user) -> dict:
    now = timezone.now()
    registrations = (
        Registration.objects.filter(
            user=user,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            meeting__end__gte=now,
            meeting__status=Meeting.Status.PUBLISHED,
        )
        .select_related("meeting")
        .order_by("meeting__start")[:5]
    )
    organisations = (
        OrganisationMember.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    coordinated = (
        Network.objects.filter(coordinators=user)
        .annotate(
            open_applications=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.APPLIED)
            )
        )
        .order_by("name")
    )
    measures = (
        Measure.objects.filter(
            responsible_person=user,
            status__in=[Measure.Status.OPEN, Measure.Status.IN_PROGRESS],
        )
        .select_related("network")
        .order_by("due_date")[:10]
    )
    return {
        **dashboard_polls(user),
        "registrations": registrations,
        "organisation_memberships": organisations,
        "coordinated_networks": coordinated,
        "measures": measures,
    }


def dashboard_polls(user) -> dict:
    """The overview's block of date polls: those waiting for the person's answer (until
    answered or closed) and, for coordinators, their networks' open polls with the answer
    rate. Two queries."""
    return {
        "polls_waiting": list(polls_waiting_for(user)),
        "polls_coordinated": list(open_polls_coordinated(user)),
    }
