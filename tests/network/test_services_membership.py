from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.models import AuditEvent
from meetings.models import Invitation, Meeting
from network import services
from network.models import Membership
from providers.models import OrganisationMember

from .factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    UserFactory,
    coordinator_of,
    org_admin,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(name="Trägerverbund Kreis Wesel")


@pytest.fixture
def alice(network):
    """Coordinator of the network."""
    return coordinator_of(network, email="alice@example.org", name="Alice Koordination")


@pytest.fixture
def carol():
    """Organisation admin of a provider that wants to join; prefers English mails."""
    organisation = OrganisationFactory(name="Kinderleicht")
    return org_admin(organisation, email="carol@example.org", name="Carol", preferred_language="en")


def carol_org(carol):
    return OrganisationMember.objects.get(user=carol).organisation


def test_apply_creates_application_and_mails_coordinators_and_applicant(
    network, alice, carol, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_apply(
            organisation=carol_org(carol), network=network, by=carol, message="Hallo"
        )
    assert membership.status == Membership.Status.APPLIED
    assert membership.applied_by == carol
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"alice@example.org", "carol@example.org"}
    # Each in the recipient's language: Alice German, Carol English.
    assert "Neuer Aufnahmeantrag" in by_recipient["alice@example.org"].subject
    assert "applications/" in by_recipient["alice@example.org"].body
    assert "has been received" in by_recipient["carol@example.org"].subject
    assert AuditEvent.objects.filter(action="membership.applied").count() == 1


def test_second_application_is_refused_with_a_german_message(network, carol):
    organisation = carol_org(carol)
    services.membership_apply(organisation=organisation, network=network, by=carol)
    with pytest.raises(services.NetworkError) as error:
        services.membership_apply(organisation=organisation, network=network, by=carol)
    assert str(error.value.message) == "Ihre Organisation hat sich bereits um Aufnahme beworben."
    assert Membership.objects.count() == 1


def test_closed_network_refuses_applications(carol):
    network = NetworkFactory(is_open_for_members=False)
    with pytest.raises(services.NetworkError):
        services.membership_apply(organisation=carol_org(carol), network=network, by=carol)
    assert not Membership.objects.exists()


def test_approve_mails_both_sides_and_audits(
    network, alice, carol, django_capture_on_commit_callbacks
):
    membership = services.membership_apply(organisation=carol_org(carol), network=network, by=carol)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_approve(membership=membership, by=alice, reason="Willkommen!")
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert membership.decided_by == alice
    assert membership.started_at == timezone.localdate()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "carol@example.org"]
    carol_mail = next(m for m in mail.outbox if m.to == ["carol@example.org"])
    assert "accepted" in carol_mail.subject
    assert "Willkommen!" in carol_mail.body
    event = AuditEvent.objects.get(action="membership.approved")
    assert event.actor == alice and event.network_id == network.pk


def test_decline_requires_a_reason_and_mails_it(
    network, alice, carol, django_capture_on_commit_callbacks
):
    membership = services.membership_apply(organisation=carol_org(carol), network=network, by=carol)
    with pytest.raises(services.NetworkError):
        services.membership_decline(membership=membership, by=alice, reason="  ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decline(membership=membership, by=alice, reason="Falsche Region")
    membership.refresh_from_db()
    assert membership.status == Membership.Status.DECLINED
    carol_mail = next(m for m in mail.outbox if m.to == ["carol@example.org"])
    assert "declined" in carol_mail.subject and "Falsche Region" in carol_mail.body
    assert AuditEvent.objects.filter(action="membership.declined").exists()
    # Declined organisations may apply again.
    services.membership_apply(organisation=carol_org(carol), network=network, by=carol)


def test_decisions_only_on_open_applications(network, alice):
    membership = MembershipFactory(network=network, status=Membership.Status.ACTIVE)
    with pytest.raises(services.NetworkError):
        services.membership_approve(membership=membership, by=alice)
    with pytest.raises(services.NetworkError):
        services.membership_decline(membership=membership, by=alice, reason="x")


def test_end_membership(network, alice, carol, django_capture_on_commit_callbacks):
    membership = MembershipFactory(network=network, organisation=carol_org(carol))
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_end(membership=membership, by=alice)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.LEFT
    assert membership.ended_at == timezone.localdate()
    assert {m.to[0] for m in mail.outbox} == {"alice@example.org", "carol@example.org"}
    with pytest.raises(services.NetworkError):
        services.membership_end(membership=membership, by=alice)


def test_named_representative_of_a_new_member_is_invited_to_upcoming_meetings(network, alice):
    organisation = OrganisationFactory()
    membership = MembershipFactory(
        network=network, organisation=organisation, status=Membership.Status.APPLIED
    )
    start = timezone.now() + timedelta(days=10)
    meeting = Meeting.objects.create(
        network=network,
        kind="network",
        title="Netzwerktreffen",
        start=start,
        end=start + timedelta(hours=2),
        status=Meeting.Status.PUBLISHED,
    )
    membership = services.membership_approve(membership=membership, by=alice)
    person = OrganisationMemberFactory(organisation=organisation, user=UserFactory())
    services.representative_add(
        membership=membership, person=person, role="representative", by=alice
    )
    assert Invitation.objects.filter(meeting=meeting, user=person.user).exists()


def test_representative_must_work_for_the_member_organisation(network, alice):
    membership = MembershipFactory(network=network)
    stranger = OrganisationMemberFactory()  # another organisation
    with pytest.raises(services.NetworkError):
        services.representative_add(
            membership=membership, person=stranger, role="representative", by=alice
        )
