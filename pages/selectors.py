"""Reads for the pages that combine several apps."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.utils import timezone

from meetings.models import Meeting, Registration
from network.models import Measure, Membership, Network
from news.selectors import latest_public_news
from providers.models import OrganisationMember

HOME_MEETINGS = 6
HOME_NEWS = 5
HOME_OPEN_NETWORKS = 6


def home_context() -> dict:
    """The public home page, the same for everybody: three queries (upcoming public meetings
    with their networks, the latest public news with theirs, public networks looking for
    members)."""
    meetings = (
        Meeting.objects.visible_to(AnonymousUser())
        .filter(status=Meeting.Status.PUBLISHED, start__gte=timezone.now())
        .select_related("network")
        .order_by("start")[:HOME_MEETINGS]
    )
    open_networks = Network.objects.filter(
        visibility=Network.Visibility.PUBLIC, is_open_for_members=True
    ).order_by("name")[:HOME_OPEN_NETWORKS]
    return {
        "meetings": list(meetings),
        "news": list(latest_public_news(limit=HOME_NEWS)),
        "open_networks": list(open_networks),
    }


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
        "registrations": registrations,
        "organisation_memberships": organisations,
        "coordinated_networks": coordinated,
        "measures": measures,
    }
