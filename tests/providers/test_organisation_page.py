"""The organisation page: what visitors, colleagues and network partners see; bounded queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import Membership, Network

from .factories import (
    MemberFactory,
    MembershipFactory,
    NetworkFactory,
    OfferFactory,
    OrganisationFactory,
    UserFactory,
)


@pytest.fixture
def world(db):
    org = OrganisationFactory(
        name="Erziehungsberatung Viersen",
        slug="eb-viersen",
        email="info@eb-viersen.example",
        contact_is_public=False,
    )
    MemberFactory(
        organisation=org,
        user__name="Petra Public",
        function_title="Leitung",
        is_public_contact=True,
        phone="02162 111",
    )
    MemberFactory(
        organisation=org,
        user__name="Sven Staff",
        user__email="sven@eb-viersen.example",
        phone="02162 222",
    )
    OfferFactory(organisation=org, title="Elternsprechstunde")
    OfferFactory(organisation=org, title="Ruhendes Angebot", is_active=False)
    network = NetworkFactory(name="Netzwerk Frühe Hilfen Kreis Viersen")
    MembershipFactory(network=network, organisation=org)
    hidden = NetworkFactory(name="Geschlossenes Netzwerk", visibility=Network.Visibility.MEMBERS)
    MembershipFactory(network=hidden, organisation=org)
    MembershipFactory(
        network=NetworkFactory(name="Nur beworben"),
        organisation=org,
        status=Membership.Status.APPLIED,
    )
    # Nora works for a partner in the Frühe Hilfen network; bob's organisation shares nothing.
    partner = MembershipFactory(network=network).organisation
    nora = MemberFactory(organisation=partner, user__name="Nora Netz").user
    bob = MemberFactory(user__name="Bob").user
    return {"org": org, "nora": nora, "bob": bob}


def test_anonymous_visitors_see_only_what_is_public(client, world):
    html = client.get("/providers/eb-viersen/").content.decode()
    assert "<h1>Erziehungsberatung Viersen</h1>" in html
    assert "Elternsprechstunde" in html
    assert "Ruhendes Angebot" not in html
    assert "Netzwerk Frühe Hilfen Kreis Viersen" in html
    assert "Geschlossenes Netzwerk" not in html and "Nur beworben" not in html
    assert "Petra Public" in html and "Leitung" in html
    assert "Sven Staff" not in html
    assert "02162 111" not in html  # a public contact's name, not their phone
    assert "info@eb-viersen.example" not in html  # contact_is_public is off


def test_an_outsider_without_shared_network_sees_the_public_view(client, world):
    client.force_login(world["bob"])
    html = client.get("/providers/eb-viersen/").content.decode()
    assert "Sven Staff" not in html and "info@eb-viersen.example" not in html
    assert "Beitritt zu dieser Organisation anfragen" in html


def test_members_of_a_shared_network_see_staff_contact_details(client, world):
    client.force_login(world["nora"])
    html = client.get("/providers/eb-viersen/").content.decode()
    assert "Sven Staff" in html and "sven@eb-viersen.example" in html
    assert "02162 222" in html
    assert "info@eb-viersen.example" in html
    assert "gemeinsam in einem Netzwerk" in html


def test_a_left_membership_shares_nothing(client, world):
    Membership.objects.filter(organisation__members__user=world["nora"]).update(
        status=Membership.Status.LEFT
    )
    client.force_login(world["nora"])
    assert "Sven Staff" not in client.get("/providers/eb-viersen/").content.decode()


def test_colleagues_see_inactive_offers_and_everyone(client, world):
    colleague = world["org"].members.get(user__name="Sven Staff").user
    client.force_login(colleague)
    html = client.get("/providers/eb-viersen/").content.decode()
    assert "Ruhendes Angebot" in html and "Petra Public" in html
    assert "Profil bearbeiten" not in html  # staff, not admin


def _grow(org, n):
    network = NetworkFactory()
    for i in range(n):
        OfferFactory(organisation=org)
        MemberFactory(organisation=org, is_public_contact=True)
        MembershipFactory(network=NetworkFactory(), organisation=org)
    OrganisationFactory.create_batch(n * 6)
    return network


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["anonymous", "network partner"])
def test_the_page_runs_the_same_number_of_queries_for_few_and_many(client, world, who):
    if who == "network partner":
        client.force_login(world["nora"])
    _grow(world["org"], 2)  # ~10 organisations in all
    client.get("/providers/")  # the first request of a session also records the session
    small = _queries(client, "/providers/eb-viersen/")
    _grow(world["org"], 30)  # ~200 organisations, 30 more offers, people and networks
    large = _queries(client, "/providers/eb-viersen/")
    # Organisation; offers with their target groups, municipalities and fields of work;
    # active network memberships with networks; people with users; the organisation's fields
    # of work, municipalities, jurisdiction. Logged in also: session, user, user session,
    # the user's networks (twice: here and in network.permissions.visible_networks_q), own
    # membership, networks shared with the organisation, a pending join request.
    assert small == large


def test_a_site_admin_sees_an_unlisted_organisation(client, world):
    world["org"].is_public = False
    world["org"].save()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/providers/eb-viersen/").status_code == 200
