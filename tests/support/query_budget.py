"""The query budget of the key pages (issue 12): one world, made small or five times larger.

``key_world()`` builds the permission matrix's world plus a meeting that has taken place (for
the minutes) and an outbox row per invitation; ``grow(world)`` adds five times more of
everything a page lists or could look up per row: networks, organisations, people, members of
network A, meetings, registrations, invitations, poll answers and outbox rows. A page whose
query count differs between the two runs a query per row somewhere.

``queries(client, url)`` requests the page twice and returns the SQL of the second request:
the first one of a session records the user session and the two-factor check, which are
cached for the next minutes (tests/core/test_request_cost.py pins those).
"""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings.models import Meeting
from network.models import Measure
from notifications.models import OutgoingMail
from providers.models import OrganisationMember
from tests.security.factories import (
    DatePollAnswerFactory,
    DatePollSlotFactory,
    InvitationFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    RegistrationFactory,
    RepresentativeFactory,
    UserFactory,
)
from tests.security.matrix_fixtures import build_world


def key_world():
    world = build_world()
    world.meeting_a.contact_person = world.colleague.user
    world.meeting_a.save(update_fields=["contact_person"])
    world.past_meeting = MeetingFactory(
        network=world.network_a,
        title="Netzwerktreffen im Herbst",
        start=timezone.now().replace(microsecond=0) - timedelta(days=2),
        end=timezone.now().replace(microsecond=0) - timedelta(days=2) + timedelta(hours=2),
    )
    RegistrationFactory(
        meeting=world.past_meeting, user=world.users["org_admin"], organisation=world.org_a
    )
    _outbox(world.invitation)
    world.factor = 1
    return world


def _outbox(invitation):
    OutgoingMail.objects.create(
        key=f"invitation:{invitation.pk}",
        kind="invitation",
        to_email=invitation.user.email,
        subject="Einladung",
        body_text="Einladung",
        recipient=invitation.user,
        reference=f"meeting:{invitation.meeting_id}",
        status=OutgoingMail.Status.SENT,
    )


def grow(world, factor: int = 5):
    """Five times more of everything the key pages list, in network A and around it."""
    for index in range(factor):
        organisation = OrganisationFactory()
        membership = MembershipFactory(network=world.network_a, organisation=organisation)
        person = OrganisationMemberFactory(organisation=organisation)
        RepresentativeFactory(membership=membership, person=person)
        colleague = OrganisationMemberFactory(
            organisation=world.org_a, role=OrganisationMember.Role.STAFF
        )
        other_network = NetworkFactory(visibility="public")
        MembershipFactory(network=other_network, organisation=organisation)
        MembershipFactory(network=other_network, organisation=world.org_a)
        if index % 2:
            other_network.coordinators.add(world.users["coordinator"])
        MeetingFactory(network=other_network)
        for meeting in (world.meeting_a, world.past_meeting):
            for user, org in ((person.user, organisation), (colleague.user, world.org_a)):
                invitation = InvitationFactory(meeting=meeting, user=user, organisation=org)
                _outbox(invitation)
                RegistrationFactory(meeting=meeting, user=user, organisation=org)
        meeting = MeetingFactory(network=world.network_a, status=Meeting.Status.PUBLISHED)
        admin, org_a = world.users["org_admin"], world.org_a
        RegistrationFactory(meeting=meeting, user=admin, organisation=org_a)
        InvitationFactory(meeting=meeting, user=admin, organisation=org_a)
        world.meeting_a.agenda_items.create(title=f"TOP {index}", position=index + 2)
        Measure.objects.create(
            network=world.network_a,
            meeting=world.meeting_a,
            title=f"Maßnahme {index}",
            responsible_person=person.user,
        )
        slot = DatePollSlotFactory(poll=world.poll)
        DatePollAnswerFactory(slot=slot, user=person.user)
        DatePollAnswerFactory(slot=slot, user=world.users["org_admin"])
        UserFactory()
    world.factor *= factor
    return world


def queries(client, url, *, status=200) -> list[str]:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return [q["sql"] for q in captured.captured_queries]


def _explain(sql: list[str]) -> str:
    return "\n".join(f"{n:2}. {q[:300]}" for n, q in enumerate(sql, 1))


def assert_budget(client, world, url, user, expected: int):
    """The page runs exactly ``expected`` queries on the small world and after ``grow``, and
    none of them twice."""
    client.logout()
    if user is not None:
        client.force_login(user)
    small = queries(client, url)
    grow(world)
    large = queries(client, url)
    assert (len(small), len(large)) == (expected, expected), (
        f"{url}: {len(small)} queries on the small world, {len(large)} on the larger one, "
        f"pinned {expected}:\n{_explain(large)}"
    )
    assert expected <= 15
    # Each look-up once per request (the user, coordinated networks, memberships, ...).
    repeated = sorted({sql[:200] for sql in large if large.count(sql) > 1})
    assert not repeated, f"{url} repeats queries:\n" + "\n".join(repeated)
