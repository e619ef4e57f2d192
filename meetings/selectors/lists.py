"""Lists of meetings: a person's own, a coordinator's, a network's public calendar."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.utils import timezone

from core.permissions import is_site_admin
from network.access import coordinated_network_ids, member_network_ids
from network.permissions import coordinated_networks

from ..models import Invitation, Meeting, Registration

# --- Public: the network's page, PDF and calendar --------------------------------------------


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


# --- Where a coordinator may schedule ---------------------------------------------------------


def may_schedule(user) -> bool:
    """Whether the person may schedule meetings and date polls: they coordinate a network
    (site admins: any network exists). One EXISTS query."""
    return coordinated_networks(user).exists()


# --- "My meetings" ------------------------------------------------------------------------------

# The lists beside the paged list of upcoming meetings show at most this many rows.
SHORT_LIST = 25


def own_upcoming_registrations(user, *, now):
    """The person's registrations and waiting-list places for meetings not yet over."""
    return (
        Registration.objects.filter(
            user=user,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            meeting__end__gte=now,
        )
        .exclude(meeting__status=Meeting.Status.DRAFT)
        .select_related("meeting__network")
        .order_by("meeting__start")[:SHORT_LIST]
    )


def open_invitations(user, *, now):
    """Invitations to published upcoming meetings the person neither declined nor answered by
    registering."""
    return (
        Invitation.objects.filter(
            user=user,
            declined_at__isnull=True,
            meeting__status=Meeting.Status.PUBLISHED,
            meeting__start__gte=now,
        )
        .exclude(
            meeting__registrations__user=user,
            meeting__registrations__status__in=[
                Registration.Status.REGISTERED,
                Registration.Status.WAITING,
            ],
        )
        .select_related("meeting__network")
        .order_by("meeting__start")[:SHORT_LIST]
    )


def upcoming_meetings_of_my_networks(user, *, now):
    """Published upcoming meetings of the networks the person's organisations belong to."""
    return (
        Meeting.objects.visible_to(user)
        .filter(
            network_id__in=member_network_ids(user),
            status=Meeting.Status.PUBLISHED,
            start__gte=now,
        )
        .select_related("network")
        .order_by("start", "pk")
    )


def attended_meetings(user, *, now):
    """The last ten meetings the person was registered for and not marked absent."""
    return (
        Registration.objects.filter(
            user=user, status=Registration.Status.REGISTERED, meeting__end__lt=now
        )
        .exclude(attended=False)
        .select_related("meeting__network")
        .order_by("-meeting__start")[:10]
    )


def my_meetings_context(user) -> dict:
    """Registrations, open invitations, upcoming meetings of my networks (lazy, for the view to
    page) and the meetings I attended.

    Queries, whatever the number of rows: the person's networks and coordinated networks
    (once per request), registrations, invitations, upcoming meetings (count + page), past.
    """
    now = timezone.now()
    return {
        "registrations": own_upcoming_registrations(user, now=now),
        "invitations": open_invitations(user, now=now),
        "upcoming": upcoming_meetings_of_my_networks(user, now=now),
        "past": attended_meetings(user, now=now),
        "is_coordinator": bool(coordinated_network_ids(user)) or is_site_admin(user),
    }


# --- The coordinator's list -------------------------------------------------------------------

MANAGE_TABS = ("upcoming", "drafts", "past")


def managed_meetings(user, *, tab: str):
    """Meetings of the networks the person coordinates or is contact person for (every meeting
    for site admins) on the ``tab`` (``MANAGE_TABS``; others show the upcoming ones), each with
    ``registered_count`` and ``waiting_count``. Lazy; one query for a page of them (the
    coordinated networks are known once per request)."""
    now = timezone.now()
    if is_site_admin(user):
        meetings = Meeting.objects.all()
    else:
        meetings = Meeting.objects.filter(
            Q(network_id__in=coordinated_network_ids(user)) | Q(contact_person=user)
        )
    if tab == "drafts":
        meetings = meetings.filter(status=Meeting.Status.DRAFT).order_by("start", "pk")
    elif tab == "past":
        meetings = meetings.filter(start__lt=now).exclude(status=Meeting.Status.DRAFT)
        meetings = meetings.order_by("-start", "-pk")
    else:
        meetings = meetings.filter(start__gte=now).exclude(status=Meeting.Status.DRAFT)
        meetings = meetings.order_by("start", "pk")
    return meetings.select_related("network").annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITING)
        ),
    )
