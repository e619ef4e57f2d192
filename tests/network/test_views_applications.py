import pytest
from django.core import mail

from network.models import Membership
from providers.models import OrganisationMember

from .factories import MembershipFactory, NetworkFactory, UserFactory, coordinator_of, org_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(name="Trägerverbund")


def test_org_admin_applies(client, network, django_capture_on_commit_callbacks):
    carol = org_admin(name="Carol")
    organisation = OrganisationMember.objects.get(user=carol).organisation
    client.force_login(carol)
    assert client.get(f"/networks/{network.slug}/apply/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/networks/{network.slug}/apply/",
            {"organisation": organisation.pk, "message": "Wir möchten mitmachen."},
        )
    assert response.status_code == 302
    membership = Membership.objects.get(network=network, organisation=organisation)
    assert membership.status == "applied"
    assert membership.application_message == "Wir möchten mitmachen."
    assert len(mail.outbox) == 1  # the applicant's confirmation; no coordinator named yet


def test_application_form_keeps_input_and_shows_german_error(client, network):
    carol = org_admin()
    client.force_login(carol)
    organisation = OrganisationMember.objects.get(user=carol).organisation
    response = client.post(f"/networks/{network.slug}/apply/", {"organisation": organisation.pk})
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert not Membership.objects.exists()


def test_staff_and_visitors_cannot_apply(client, network):
    assert client.get(f"/networks/{network.slug}/apply/").status_code == 302  # to login
    client.force_login(UserFactory())  # not an organisation admin
    response = client.get(f"/networks/{network.slug}/apply/", follow=True)
    # Sent back to the network page with the reason, not to a bare "403 Forbidden".
    assert response.redirect_chain == [(f"/networks/{network.slug}/", 302)]
    assert "Nur Administrator" in response.content.decode()
    assert not Membership.objects.exists()


def test_coordinator_sees_and_accepts_applications(
    client, network, django_capture_on_commit_callbacks
):
    alice = coordinator_of(network, email="alice@example.org")
    carol = org_admin(email="carol@example.org")
    organisation = OrganisationMember.objects.get(user=carol).organisation
    membership = MembershipFactory(
        network=network, organisation=organisation, status="applied", applied_by=carol
    )
    client.force_login(alice)
    listing = client.get(f"/networks/{network.slug}/applications/").content.decode()
    assert organisation.name in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/networks/{network.slug}/applications/{membership.pk}/",
            {"decision": "accept", "reason": ""},
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == "active" and membership.decided_by == alice
    assert {m.to[0] for m in mail.outbox} == {"alice@example.org", "carol@example.org"}


def test_decline_without_reason_is_refused(client, network):
    alice = coordinator_of(network)
    membership = MembershipFactory(network=network, status="applied")
    client.force_login(alice)
    response = client.post(
        f"/networks/{network.slug}/applications/{membership.pk}/", {"decision": "decline"}
    )
    assert response.status_code == 200
    assert "Bitte geben Sie einen Grund für die Ablehnung an." in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == "applied"


def test_bob_cannot_see_or_decide_applications(client, network):
    membership = MembershipFactory(network=network, status="applied")
    bob = org_admin()  # an organisation admin, but not a coordinator of this network
    coordinator_of(NetworkFactory(), email="bob-elsewhere@example.org")
    client.force_login(bob)
    assert client.get(f"/networks/{network.slug}/applications/").status_code == 403
    response = client.post(
        f"/networks/{network.slug}/applications/{membership.pk}/", {"decision": "accept"}
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == "applied"


def test_parent_network_coordinator_decides_for_sub_network(client):
    county = NetworkFactory()
    town = NetworkFactory(parent=county)
    alice = coordinator_of(county)
    membership = MembershipFactory(network=town, status="applied")
    client.force_login(alice)
    client.post(f"/networks/{town.slug}/applications/{membership.pk}/", {"decision": "accept"})
    membership.refresh_from_db()
    assert membership.status == "active"


def test_org_admin_leaves_and_bob_cannot_end_it(client, network):
    carol = org_admin()
    organisation = OrganisationMember.objects.get(user=carol).organisation
    membership = MembershipFactory(network=network, organisation=organisation)
    url = f"/networks/{network.slug}/members/{membership.pk}/end/"
    client.force_login(org_admin())
    assert client.get(url).status_code == 403
    client.force_login(carol)
    assert client.get(url).status_code == 200  # confirmation page
    membership.refresh_from_db()
    assert membership.status == "active"
    client.post(url, {"reason": ""})
    membership.refresh_from_db()
    assert membership.status == "left"


def test_org_admin_names_representatives(client, network):
    carol = org_admin()
    organisation = OrganisationMember.objects.get(user=carol).organisation
    colleague = OrganisationMember.objects.create(
        organisation=organisation, user=UserFactory(name="Dora Deputy")
    )
    membership = MembershipFactory(network=network, organisation=organisation)
    client.force_login(carol)
    response = client.post(
        f"/networks/{network.slug}/representatives/",
        {
            "membership": membership.pk,
            f"m{membership.pk}-person": colleague.pk,
            f"m{membership.pk}-role": "deputy",
        },
    )
    assert response.status_code == 302
    rep = membership.representatives.get()
    assert rep.person == colleague and rep.role == "deputy"
    assert (
        "Dora Deputy" in client.get(f"/networks/{network.slug}/representatives/").content.decode()
    )
    # Bob, admin of an organisation outside the network, has nothing to manage here.
    client.force_login(org_admin())
    assert client.get(f"/networks/{network.slug}/representatives/").status_code == 403
    assert (
        client.post(f"/networks/{network.slug}/representatives/{rep.pk}/remove/").status_code == 403
    )
    client.force_login(carol)
    client.post(f"/networks/{network.slug}/representatives/{rep.pk}/remove/")
    assert not membership.representatives.exists()
