"""Django admin: search, filters, autocomplete, and the verify action."""

import pytest

from core.models import AuditEvent
from providers.models import Organisation

from .factories import MemberFactory, OfferFactory, OrganisationFactory, UserFactory


@pytest.fixture
def site_admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


def test_site_admins_verify_organisations_with_an_action(client, site_admin):
    new = OrganisationFactory(name="Neuer Träger Brüggen", is_verified=False)
    other = OrganisationFactory(name="Anderer Träger", is_verified=False)
    client.force_login(site_admin)
    response = client.post(
        "/admin/providers/organisation/",
        {"action": "verify_organisations", "_selected_action": [new.pk]},
        follow=True,
    )
    assert "1 Organisation wurde verifiziert" in response.content.decode()
    assert Organisation.objects.get(pk=new.pk).is_verified
    assert not Organisation.objects.get(pk=other.pk).is_verified
    assert AuditEvent.objects.filter(action="organisation.verified", actor=site_admin).count() == 1


def test_admin_pages_search_and_filter(client, site_admin):
    org = OrganisationFactory(name="Diakonie Wesel", is_verified=False)
    MemberFactory(organisation=org)
    OfferFactory(organisation=org, title="Hebammensprechstunde")
    client.force_login(site_admin)
    for url in [
        "/admin/providers/organisation/?q=Diakonie",
        "/admin/providers/organisation/?is_verified__exact=0",
        f"/admin/providers/organisation/{org.pk}/change/",
        "/admin/providers/organisationmember/?q=Diakonie",
        "/admin/providers/offer/?q=Hebammen",
        "/admin/providers/municipality/?q=Nettetal",
        "/admin/providers/joinrequest/",
        "/admin/providers/organisationinvitation/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert (
        "Diakonie Wesel" in client.get("/admin/providers/organisation/?q=Diakonie").content.decode()
    )
    autocomplete = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "providers",
            "model_name": "organisation",
            "field_name": "municipalities",
            "term": "Nette",
        },
    )
    assert [r["text"] for r in autocomplete.json()["results"]] == ["Nettetal"]


def test_people_without_staff_status_cannot_use_the_admin(client, db):
    client.force_login(UserFactory())
    response = client.get("/admin/providers/organisation/")
    assert response.status_code == 302
