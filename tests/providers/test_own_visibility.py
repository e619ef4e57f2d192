"""An organisation's own people see it in the directory before the public does: the entry and
the organisation page tell them who sees it until it is verified (or while it is unlisted)."""

import pytest

from tests.factories import MembershipFactory, NetworkFactory

from .factories import MemberFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

NOT_PUBLIC_YET = "Noch nicht öffentlich: Bis das Portal-Team Ihre Organisation verifiziert hat"
UNLISTED = "Nicht im öffentlichen Verzeichnis"


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_owner_of_an_unverified_organisation_is_told_who_sees_it(client):
    organisation = OrganisationFactory(name="Neuer Träger Brüggen", is_verified=False)
    owner = MemberFactory(organisation=organisation, role="admin").user
    colleague = MemberFactory(organisation=organisation).user
    for person in (owner, colleague):
        directory = page(client, person, "/providers/?q=Brüggen")
        assert "Neuer Träger Brüggen" in directory and NOT_PUBLIC_YET in directory
        profile = page(client, person, organisation.get_absolute_url())
        assert NOT_PUBLIC_YET in profile


def test_members_of_a_shared_network_see_the_entry_without_the_owners_notice(client):
    organisation = OrganisationFactory(name="Neuer Träger Brüggen", is_verified=False)
    network = NetworkFactory()
    MembershipFactory(network=network, organisation=organisation)
    partner = MemberFactory(organisation=MembershipFactory(network=network).organisation).user
    directory = page(client, partner, "/providers/?q=Brüggen")
    assert "Neuer Träger Brüggen" in directory and "noch nicht verifiziert" in directory
    assert NOT_PUBLIC_YET not in directory
    profile = page(client, partner, organisation.get_absolute_url())
    assert "noch nicht verifiziert" in profile and NOT_PUBLIC_YET not in profile
    client.logout()
    assert "Neuer Träger Brüggen" not in client.get("/providers/?q=Brüggen").content.decode()


def test_the_owner_of_an_unlisted_organisation_is_told_so(client):
    organisation = OrganisationFactory(name="Interner Träger Kempen", is_public=False)
    owner = MemberFactory(organisation=organisation, role="admin").user
    assert UNLISTED in page(client, owner, "/providers/?q=Kempen")
    assert UNLISTED in page(client, owner, organisation.get_absolute_url())


def test_a_public_organisation_needs_no_notice(client):
    organisation = OrganisationFactory(name="Familienhilfe Nettetal")
    owner = MemberFactory(organisation=organisation, role="admin").user
    directory = page(client, owner, "/providers/?q=Nettetal")
    assert "Familienhilfe Nettetal" in directory
    assert NOT_PUBLIC_YET not in directory and UNLISTED not in directory
    assert "Familienhilfe Nettetal" in page(client, UserFactory(), "/providers/?q=Nettetal")
