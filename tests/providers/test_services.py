"""Services: registration, invitations, join requests, roles and the at-least-one-admin rule."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail

from core.models import AuditEvent
from providers import services
from providers.models import JoinRequest, OrganisationMember

from .factories import MemberFactory, OrganisationFactory, UserFactory

ADMIN, STAFF = OrganisationMember.Role.ADMIN, OrganisationMember.Role.STAFF


@pytest.fixture
def org(db):
    return OrganisationFactory(name="Familienzentrum Kempen", slug="fz-kempen")


@pytest.fixture
def alice(org):
    return MemberFactory(organisation=org, role=ADMIN, user__name="Alice").user


def test_registering_makes_the_creator_admin_of_an_unverified_organisation(db):
    user = UserFactory()
    organisation = services.organisation_register(
        user=user,
        data={"name": "Caritas Viersen", "kind": "provider", "function_title": "Leitung"},
    )
    assert organisation.slug == "caritas-viersen"
    assert organisation.is_verified is False
    member = organisation.members.get()
    assert (member.user, member.role, member.function_title) == (user, ADMIN, "Leitung")
    # The same name again gets its own address; names of pages are never taken.
    again = services.organisation_register(
        user=user, data={"name": "Caritas Viersen", "kind": "provider"}
    )
    assert again.slug == "caritas-viersen-2"
    mine = services.organisation_register(user=user, data={"name": "Mine", "kind": "other"})
    assert mine.slug == "mine-org"


def test_verify_is_audited_once(db, org):
    org.is_verified = False
    org.save()
    admin = UserFactory(is_superuser=True)
    assert services.organisation_verify(organisation=org, by=admin) is True
    assert services.organisation_verify(organisation=org, by=admin) is False
    assert AuditEvent.objects.filter(action="organisation.verified").count() == 1


def test_an_invitation_mail_carries_a_link_that_attaches_the_invitee(
    org, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.member_invite(
            organisation=org, by=alice, email="Dana@Example.org", role=STAFF
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dana@example.org"]
    assert "Familienzentrum Kempen" in message.subject
    match = re.search(r"/providers/invitations/([^/\s]+)/", message.body)
    assert match, message.body
    token = match.group(1)
    assert services.invitation_from_token(token) == invitation

    dana = UserFactory(email="dana@example.org")
    found = services.invitation_from_token(token)
    member = services.invitation_accept(invitation=found, user=dana)
    assert (member.organisation, member.role) == (org, STAFF)
    with pytest.raises(services.ProviderError):
        services.invitation_from_token(token)  # used up


def test_an_invitation_is_only_for_the_invited_address(org, alice):
    invitation = services.member_invite(organisation=org, by=alice, email="dana@example.org")
    mallory = UserFactory(email="mallory@example.org")
    with pytest.raises(services.ProviderError, match="dana@example.org"):
        services.invitation_accept(invitation=invitation, user=mallory)
    assert not org.members.filter(user=mallory).exists()


def test_an_expired_or_forged_token_is_refused(org, alice):
    invitation = services.member_invite(organisation=org, by=alice, email="dana@example.org")
    token = services.invitation_token(invitation)
    with pytest.raises(services.ProviderError, match="ungültig"):
        services.invitation_from_token(token[:-2] + "xx")
    age = services.INVITATION_MAX_AGE + timedelta(minutes=1)
    with mock.patch("time.time", return_value=time.time() - age.total_seconds()):
        old_token = services.invitation_token(invitation)
    with pytest.raises(services.ProviderError, match="abgelaufen"):
        services.invitation_from_token(old_token)
    assert services.invitation_from_token(token) == invitation


def test_inviting_someone_who_already_belongs_is_refused(org, alice):
    with pytest.raises(services.ProviderError):
        services.member_invite(organisation=org, by=alice, email=alice.email.upper())


def test_join_request_mails_the_admins_and_acceptance_attaches_the_person(
    org, alice, django_capture_on_commit_callbacks
):
    erik = UserFactory(name="Erik")
    with django_capture_on_commit_callbacks(execute=True):
        join_request = services.join_request_create(
            organisation=org, user=erik, message="Team West"
        )
    assert [m.to for m in mail.outbox] == [[alice.email]]
    assert "Erik" in mail.outbox[0].subject
    with pytest.raises(services.ProviderError):
        services.join_request_create(organisation=org, user=erik)

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_accept(join_request=join_request, by=alice)
    assert org.members.get(user=erik).role == STAFF
    assert mail.outbox[-1].to == [erik.email]
    with pytest.raises(services.ProviderError):
        services.join_request_decline(join_request=join_request, by=alice)


def test_a_declined_request_attaches_nobody(org, alice):
    erik = UserFactory()
    join_request = services.join_request_create(organisation=org, user=erik)
    services.join_request_decline(join_request=join_request, by=alice)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.DECLINED
    assert not org.members.filter(user=erik).exists()


def test_an_organisation_always_keeps_at_least_one_admin(org, alice):
    alice_member = org.members.get(user=alice)
    carol_member = MemberFactory(organisation=org, role=STAFF)
    with pytest.raises(services.ProviderError):
        services.member_remove(member=alice_member, by=alice)
    with pytest.raises(services.ProviderError):
        services.member_set_role(member=alice_member, by=alice, role=STAFF)
    assert org.members.filter(role=ADMIN).count() == 1

    # With a second admin, either may step down — but not both.
    services.member_set_role(member=carol_member, by=alice, role=ADMIN)
    services.member_set_role(member=alice_member, by=alice, role=STAFF)
    with pytest.raises(services.ProviderError):
        services.member_set_role(member=carol_member, by=alice, role=STAFF)
    assert list(org.members.filter(role=ADMIN)) == [carol_member]


def test_handing_over_swaps_the_roles_and_is_audited(org, alice):
    carol_member = MemberFactory(organisation=org, role=STAFF)
    services.admin_hand_over(organisation=org, by=alice, to_member=carol_member)
    roles = dict(org.members.values_list("user_id", "role"))
    assert roles == {alice.pk: STAFF, carol_member.user_id: ADMIN}
    changes = AuditEvent.objects.filter(action="organisation.role_changed")
    assert changes.count() == 2
    assert {e.data["new_role"] for e in changes} == {ADMIN, STAFF}


def test_removing_a_person_is_audited(org, alice):
    carol_member = MemberFactory(organisation=org)
    services.member_remove(member=carol_member, by=alice)
    event = AuditEvent.objects.get(action="organisation.member_removed")
    assert event.actor == alice
    assert event.target_id == str(org.pk)
