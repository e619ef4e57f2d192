"""``manage.py generate_data``: counts follow the scale, a seed repeats, the rules hold."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from core.models import User
from demo.generate import BASE_COUNTS, generate
from meetings.models import Invitation, Meeting, MeetingKind, Registration
from network.models import Measure, Membership, Network, Representative
from notifications.models import OutgoingMail
from providers.models import Organisation

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def fingerprint() -> dict:
    """What a seed decides, without primary keys or timestamps."""
    return {
        "emails": list(User.objects.order_by("email").values_list("email", "name")),
        "organisations": list(Organisation.objects.order_by("slug").values_list("slug", "kind")),
        "networks": sorted(map(str, Network.objects.values_list("name", "parent__name"))),
        "meetings": sorted(
            map(
                str,
                Meeting.objects.values_list("network__name", "title", "kind", "status", "capacity"),
            )
        ),
        "invitations": sorted(Invitation.objects.values_list("meeting__uid", "user__email")),
        "registrations": sorted(
            Registration.objects.values_list("meeting__uid", "user__email", "status")
        ),
    }


def generated(scale: float, seed: int) -> tuple[dict, dict]:
    """Generate in a transaction that is rolled back; return counts and fingerprint."""
    result = {}
    try:
        with transaction.atomic():
            result["counts"] = generate(scale=scale, seed=seed)
            result["fingerprint"] = fingerprint()
            raise Rollback
    except Rollback:
        pass
    return result["counts"], result["fingerprint"]


def test_counts_follow_the_scale_and_a_seed_repeats():
    small, first = generated(0.02, seed=7)
    _, again = generated(0.02, seed=7)
    _, other = generated(0.02, seed=8)
    double, _ = generated(0.04, seed=7)

    assert first == again
    assert first["emails"] != other["emails"]
    assert small["organisations"] == round(BASE_COUNTS["organisations"] * 0.02)
    assert small["people"] == round(BASE_COUNTS["people"] * 0.02)
    assert small["meetings"] == round(BASE_COUNTS["meetings"] * 0.02)
    for name in ("organisations", "people", "meetings", "invitations", "registrations"):
        assert double[name] == pytest.approx(2 * small[name], rel=0.35), name
    # at scale 1 about 40 invitations and 20 registrations per meeting, like the data
    assert 25 <= small["invitations"] / small["meetings"] <= 50
    assert 10 <= small["registrations"] / small["meetings"] <= 30


def test_generated_data_keeps_the_portals_rules():
    counts = generate(scale=0.02, seed=3)

    assert counts["outbox"] == OutgoingMail.objects.count() == round(BASE_COUNTS["outbox"] * 0.02)
    assert not User.objects.exclude(email__endswith="@example.org").exists()
    assert Network.objects.filter(parent__isnull=False).exists()
    assert set(Meeting.objects.values_list("kind", flat=True)) == set(MeetingKind.values)
    # seats are never exceeded; the rest waits
    overbooked = Meeting.objects.filter(capacity__isnull=False).annotate(
        seats=Count("registrations", filter=Q(registrations__status="registered"))
    )
    assert not overbooked.filter(seats__gt=F("capacity")).exists()
    assert Registration.objects.filter(status=Registration.Status.WAITING).exists()
    # case conferences: a few named people, restricted measures, no general minutes
    case_conferences = Meeting.objects.filter(kind=MeetingKind.CASE_CONFERENCE)
    assert case_conferences.exists()
    assert not case_conferences.exclude(minutes="").exists()
    assert (
        not Invitation.objects.filter(meeting__in=case_conferences)
        .values("meeting")
        .annotate(n=Count("pk"))
        .filter(n__gt=6)
    )
    assert not Measure.objects.filter(meeting__in=case_conferences, is_restricted=False).exists()
    # drafts invite nobody; invitations and registrations belong to representatives of members
    assert not Invitation.objects.filter(meeting__status=Meeting.Status.DRAFT).exists()
    members = set(
        Membership.objects.filter(status=Membership.Status.ACTIVE).values_list(
            "network_id", "organisation_id"
        )
    )
    assert (
        set(Registration.objects.values_list("meeting__network_id", "organisation_id")) <= members
    )
    # representatives are people of the member organisation
    assert Representative.objects.exists()
    assert not Representative.objects.exclude(
        person__organisation=F("membership__organisation")
    ).exists()
    invited = set(Invitation.objects.values_list("user_id", "organisation_id"))
    representing = set(
        Representative.objects.values_list("person__user_id", "membership__organisation_id")
    )
    assert invited <= representing
    # nothing happened in the future
    now = timezone.now()
    assert not Meeting.objects.filter(Q(created_at__gt=now) | Q(published_at__gt=now)).exists()
    assert not Registration.objects.filter(created_at__gt=now).exists()
    assert not OutgoingMail.objects.filter(created_at__gt=now).exists()
    # every generated person can sign in: a verified address, the privacy consent given
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == User.objects.count()
    assert not User.objects.filter(privacy_consent_version="").exists()


def test_the_command_runs_once_per_database():
    out = StringIO()
    call_command("generate_data", scale=0.01, seed=2, stdout=out)
    assert "Generated (scale 0.01, seed 2)" in out.getvalue()
    people = User.objects.count()

    call_command("generate_data", scale=0.01, seed=2, stdout=out)
    assert "already generated" in out.getvalue()
    assert User.objects.count() == people
    with pytest.raises(CommandError, match="already holds generated data"):
        call_command("generate_data", scale=0.02, seed=2, stdout=out)
