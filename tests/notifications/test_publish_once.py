"""Publishing computes the audience once and writes each invitation once, with the
organisation the person represents (issue 11, acceptance 2; issue 10, invitations)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import services as meeting_services
from meetings.models import Invitation, Meeting
from network import services as network_services
from network.models import Membership, Representative
from providers.models import OrganisationMember

from .factories import (
    MeetingFactory,
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    add_member_organisation,
)

pytestmark = pytest.mark.django_db


def _tables_written(queries, verb: str, table: str) -> int:
    return sum(
        1 for q in queries if q["sql"].startswith(verb) and f'"{table}"' in q["sql"].split("(")[0]
    )


def _publish_capturing(meeting, django_capture_on_commit_callbacks):
    with (
        CaptureQueriesContext(connection) as captured,
        django_capture_on_commit_callbacks(execute=True),
    ):
        meeting_services.meeting_publish(meeting=meeting, by=meeting.contact_person)
    return captured.captured_queries


@pytest.mark.parametrize("organisations", [2, 12])
def test_publishing_reads_the_audience_once_and_writes_each_invitation_once(
    organisations, django_capture_on_commit_callbacks
):
    county = NetworkFactory()
    town = NetworkFactory(parent=county)
    expected = {}
    for index in range(organisations):
        membership, people = add_member_organisation(
            county if index % 2 else town, people=1, deputies=1
        )
        for user in people:
            expected[user.pk] = membership.organisation_id
    meeting = MeetingFactory(network=county, audience=Meeting.Audience.WITH_SUBNETWORKS)

    queries = _publish_capturing(meeting, django_capture_on_commit_callbacks)

    invitations = dict(
        Invitation.objects.filter(meeting=meeting).values_list("user_id", "organisation_id")
    )
    assert invitations == expected  # everyone once, each with their organisation
    # One SELECT reads the audience (representatives of the tree's active memberships) …
    audience_reads = [
        q
        for q in queries
        if '"network_representative"' in q["sql"] and q["sql"].startswith("SELECT")
    ]
    assert len(audience_reads) == 1
    # … and one INSERT writes the invitations, however many there are; nothing updates them.
    assert _tables_written(queries, "INSERT", "meetings_invitation") == 1
    assert _tables_written(queries, "UPDATE", "meetings_invitation") == 0
    assert len(mail.outbox) == len(expected)


def test_an_accepted_organisation_is_represented_and_invited_to_the_next_meeting(
    django_capture_on_commit_callbacks,
):
    network = NetworkFactory(is_open_for_members=True)
    coordinator = UserFactory(name="Clara Koordination")
    network.coordinators.add(coordinator)
    organisation = OrganisationFactory(name="Jugendhilfe Schermbeck")
    applicant = UserFactory(name="Anna Antrag", email="anna@example.org")
    OrganisationMember.objects.create(
        organisation=organisation, user=applicant, role=OrganisationMember.Role.ADMIN
    )
    with django_capture_on_commit_callbacks(execute=True):
        membership = network_services.membership_apply(
            organisation=organisation, network=network, by=applicant
        )
        network_services.membership_approve(membership=membership, by=coordinator)

    # Represented from the start, by the person who applied, and told so.
    representative = Representative.objects.get(membership=membership)
    assert representative.person.user == applicant
    accepted = [m for m in mail.outbox if m.to == [applicant.email] and "angenommen" in m.body]
    assert len(accepted) == 1
    assert "Anna Antrag" in accepted[0].body
    assert f"/networks/{network.slug}/representatives/" in accepted[0].body

    mail.outbox.clear()
    meeting = MeetingFactory(network=network, contact_person=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_publish(meeting=meeting, by=coordinator)

    invitation = Invitation.objects.get(meeting=meeting, user=applicant)
    assert invitation.organisation == organisation
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert meeting.title in mail.outbox[0].subject
    assert Membership.objects.get(pk=membership.pk).status == Membership.Status.ACTIVE
