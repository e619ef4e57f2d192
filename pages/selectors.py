"""Reads for the pages that combine several apps.

The overview (``dashboard_context``) says what to do next. Every item is one query that
carries its own total (a window count over the rows before the page's limit), so the number
of queries does not grow with the data: about ten for a coordinator who is also a member
(see tests/pages/test_dashboard.py, which pins it).
"""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    CharField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone

from circulars.selectors import new_circulars_for
from meetings.models import AgendaItem, Invitation, Meeting, Registration, TopicProposal
from meetings.selectors import overview_polls
from network.access import coordinated_network_ids
from network.models import Measure, Membership, Network
from news.selectors import latest_public_news
from notifications.models import OutgoingMail
from providers.models import OrganisationMember

HOME_MEETINGS = 6
HOME_NEWS = 5
HOME_OPEN_NETWORKS = 6

# How many rows each item lists; its total is always given.
LIMIT = 5
# "New" circulars: those of the last 30 days.
NEW_CIRCULARS_DAYS = 30
OPEN_MEASURES = (Measure.Status.OPEN, Measure.Status.IN_PROGRESS)


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


def _with_total(queryset):
    """Each row carries the number of rows of the whole (unsliced) queryset."""
    return queryset.annotate(total=Window(Count("pk")))


def _item(queryset, limit: int = LIMIT) -> dict:
    """The first ``limit`` rows and the total, in one query."""
    rows = list(_with_total(queryset)[:limit])
    return {"rows": rows, "total": rows[0].total if rows else 0}


def _registration_count(status: str):
    counted = (
        Registration.objects.filter(meeting=OuterRef("pk"), status=status)
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _waiting_topics():
    """Topic proposals of the meeting that wait for the coordinator's decision."""
    counted = (
        TopicProposal.objects.filter(meeting=OuterRef("pk"), status=TopicProposal.Status.PROPOSED)
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _meeting_reference():
    return Concat(Value("meeting:"), Cast("pk", CharField()), output_field=CharField())


# --- Coordinators -------------------------------------------------------------------------


def coordinator_items(user, network_ids: set[int]) -> dict:
    """What a coordinator has to do in the networks they coordinate. Five queries."""
    now = timezone.now()
    managed = Meeting.objects.filter(Q(network_id__in=network_ids) | Q(contact_person=user))
    upcoming = _item(
        managed.filter(end__gte=now, status__in=[Meeting.Status.DRAFT, Meeting.Status.PUBLISHED])
        .select_related("network")
        .annotate(
            registered_count=_registration_count(Registration.Status.REGISTERED),
            waiting_count=_registration_count(Registration.Status.WAITING),
            topics_waiting=_waiting_topics(),
        )
        .annotate(topics_total=Window(Sum("topics_waiting")))
        .order_by("start", "pk")
    )
    minutes = _item(
        managed.filter(
            end__lt=now,
            status__in=[Meeting.Status.PUBLISHED, Meeting.Status.HELD],
            minutes_published_at__isnull=True,
        )
        .annotate(
            item_minutes=Exists(
                AgendaItem.objects.filter(meeting=OuterRef("pk")).exclude(minutes="")
            )
        )
        .order_by("-start", "-pk")
    )
    overdue = _item(
        Measure.objects.filter(
            network_id__in=network_ids,
            status__in=OPEN_MEASURES,
            due_date__lt=timezone.localdate(),
        )
        .select_related("network", "responsible_organisation")
        .order_by("due_date", "pk")
    )
    networks = list(
        Network.objects.filter(pk__in=network_ids)
        .annotate(
            open_applications=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.APPLIED)
            )
        )
        .order_by("name")
    )
    failed_mails = Subquery(
        OutgoingMail.objects.filter(
            status=OutgoingMail.Status.FAILED, reference=OuterRef("reference")
        )
        .order_by()
        .values("reference")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )
    undelivered = _item(
        managed.annotate(reference=_meeting_reference())
        .annotate(failed_count=failed_mails)
        .filter(failed_count__gt=0)
        .annotate(mails_total=Window(Sum("failed_count")))
        .order_by("-start", "-pk")
    )
    return {
        "coordinated_networks": networks,
        "applications_total": sum(network.open_applications for network in networks),
        "coordinated_meetings": upcoming,
        # Topics waiting for a decision: counted on the upcoming meetings (one query less).
        "topics_waiting_total": (upcoming["rows"][0].topics_total if upcoming["rows"] else 0),
        "topics_waiting": [meeting for meeting in upcoming["rows"] if meeting.topics_waiting],
        "minutes_due": minutes,
        "overdue_measures": overdue,
        "undelivered": undelivered,
        "undelivered_mails_total": (
            undelivered["rows"][0].mails_total if undelivered["rows"] else 0
        ),
    }


# --- Members ------------------------------------------------------------------------------


def member_items(user, own_organisation_ids: list[int]) -> dict:
    """What a member of organisations and networks has ahead. Four queries (plus the
    person's networks, known once per request)."""
    now = timezone.now()
    invited = Q(
        pk__in=Invitation.objects.filter(user_id=user.pk, declined_at__isnull=True).values(
            "meeting_id"
        )
    ) | Q(
        pk__in=Registration.objects.filter(
            user_id=user.pk,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
        ).values("meeting_id")
    )
    my_status = Subquery(
        Registration.objects.filter(meeting=OuterRef("pk"), user_id=user.pk)
        .exclude(status=Registration.Status.CANCELLED)
        .values("status")[:1]
    )
    meetings = _item(
        Meeting.objects.visible_to(user)
        .filter(invited, status=Meeting.Status.PUBLISHED, end__gte=now)
        .select_related("network")
        .annotate(my_status=my_status)
        .order_by("start", "pk")
    )
    topics = _item(
        TopicProposal.objects.filter(proposed_by=user)
        .select_related("meeting")
        .order_by("-created_at", "-pk")
    )
    responsible = Q(responsible_person_id=user.pk)
    if own_organisation_ids:
        responsible |= Q(responsible_organisation_id__in=own_organisation_ids, is_restricted=False)
    measures = _item(
        Measure.objects.filter(responsible, status__in=OPEN_MEASURES)
        .select_related("network", "responsible_organisation")
        .order_by("due_date", "pk"),
        limit=10,
    )
    circulars = _item(new_circulars_for(user, since=now - timedelta(days=NEW_CIRCULARS_DAYS)))
    return {
        "next_meetings": meetings,
        "my_topics": topics,
        "measures": measures,
        "new_circulars": circulars,
        "new_circulars_days": NEW_CIRCULARS_DAYS,
    }


def dashboard_context(user) -> dict:
    organisations = list(
        OrganisationMember.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    own_organisation_ids = [person.organisation_id for person in organisations]
    network_ids = coordinated_network_ids(user)
    context = {
        "organisation_memberships": organisations,
        "is_coordinator": bool(network_ids),
        **member_items(user, own_organisation_ids),
    }
    if network_ids:
        context.update(coordinator_items(user, network_ids))
    polls = overview_polls(user)  # one query
    context.update(polls_waiting=polls.waiting, polls_coordinated=polls.coordinated)
    return context
