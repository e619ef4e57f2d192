"""Who and what the benchmark looks at in the generated data, and signed-in sessions for them.

The network with the most members among the public top-level networks with an open date
poll; its coordinator (with an authenticator app, as production requires of coordinators);
a representative of a member organisation invited to the network's busiest meeting ahead;
the network's last held meeting (minutes); a site admin for the admin pages.
"""

from dataclasses import dataclass

BENCH_ADMIN = "bench-admin@example.org"


@dataclass
class Subjects:
    network: object
    organisation: object
    member: object
    coordinator: object
    admin: object
    meeting: object
    held_meeting: object
    poll: object


def _with_authenticator(user) -> None:
    from allauth.mfa.models import Authenticator

    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "bench"}}
    )


def _bench_admin():
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    admin, _ = get_user_model().objects.get_or_create(
        email=BENCH_ADMIN,
        defaults={
            "name": "Bench Admin",
            "is_staff": True,
            "is_superuser": True,
            "privacy_consent_version": settings.PRIVACY_NOTICE_VERSION,
            "privacy_consent_at": timezone.now(),
        },
    )
    _with_authenticator(admin)
    EmailAddress.objects.get_or_create(
        user=admin, email=admin.email, defaults={"verified": True, "primary": True}
    )
    return admin


def find() -> Subjects:
    from django.db.models import Count, Q

    from meetings.models import DatePoll
    from network.models import Membership, Network

    networks = (
        Network.objects.filter(
            parent__isnull=True,
            visibility=Network.Visibility.PUBLIC,
            date_polls__status=DatePoll.Status.OPEN,
            coordinators__isnull=False,
        )
        .annotate(
            members=Count(
                "memberships",
                filter=Q(memberships__status=Membership.Status.ACTIVE),
                distinct=True,
            )
        )
        .order_by("-members", "pk")
    )
    for network in networks[:20]:
        found = _in_network(network)
        if found is not None:
            return found
    raise RuntimeError("No generated data to look at: run manage.py generate_data first.")


def _in_network(network) -> Subjects | None:
    from django.db.models import Count
    from django.utils import timezone

    from meetings.models import DatePoll, Invitation, Meeting, MeetingKind

    meetings = Meeting.objects.filter(network=network).exclude(kind=MeetingKind.CASE_CONFERENCE)
    meeting = (
        meetings.filter(status=Meeting.Status.PUBLISHED, start__gt=timezone.now())
        .annotate(people=Count("registrations"))
        .order_by("-people", "pk")
        .first()
    )
    held_meeting = meetings.filter(status=Meeting.Status.HELD).order_by("-start").first()
    coordinator = network.coordinators.order_by("pk").first()
    invitation = (
        Invitation.objects.filter(meeting=meeting, declined_at__isnull=True)
        .exclude(user_id__in=network.coordinators.values("pk"))
        .select_related("user", "organisation")
        .order_by("pk")
        .first()
    )
    if meeting is None or held_meeting is None or invitation is None:
        return None
    _with_authenticator(coordinator)
    return Subjects(
        network=network,
        organisation=invitation.organisation,
        member=invitation.user,
        coordinator=coordinator,
        admin=_bench_admin(),
        meeting=meeting,
        held_meeting=held_meeting,
        poll=DatePoll.objects.filter(network=network, status=DatePoll.Status.OPEN).first(),
    )


def signed_in_client(user):
    """A Django test client signed in as ``user``: its session cookie works for the server
    too (same database and cache)."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="de")
    client.force_login(user)
    return client


def session_cookie(client) -> str:
    from django.conf import settings

    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
