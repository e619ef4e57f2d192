"""Planning regions and social spaces (seed 001: "Sozialraumteams pro Planungsregion"):
entered per youth office in Django admin, offers refer to them, and the directory filters by
them with a plain GET (no JavaScript) at a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from providers.models import County, Offer, Organisation, PlanningRegion

from .factories import OfferFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    county = County.objects.get(name="Vogelsbergkreis")
    youth_office = OrganisationFactory(
        name="Jugendamt Vogelsbergkreis", slug="ja-vb", kind=Organisation.Kind.YOUTH_OFFICE
    )
    north = PlanningRegion.objects.create(
        name="Planungsregion Nord", county=county, youth_office=youth_office
    )
    alsfeld = PlanningRegion.objects.create(
        name="Sozialraum Alsfeld",
        kind=PlanningRegion.Kind.SOCIAL_SPACE,
        county=county,
        parent=north,
        youth_office=youth_office,
    )
    south = PlanningRegion.objects.create(
        name="Planungsregion Süd", county=county, youth_office=youth_office
    )
    return {"north": north, "alsfeld": alsfeld, "south": south, "youth_office": youth_office}


def offer_in(region, organisation_name, title):
    organisation = OrganisationFactory(name=organisation_name)
    offer = OfferFactory(organisation=organisation, title=title)
    offer.planning_regions.set([region])
    return offer


def names(response):
    return [o.name for o in response.context["page"].object_list]


def test_the_directory_filters_by_planning_region_and_social_space(client, regions):
    offer_in(regions["alsfeld"], "Sozialraumteam Alsfeld", "Elterncafé Alsfeld")
    offer_in(regions["north"], "Jugendhilfe Nord e. V.", "Erziehungsberatung Nord")
    offer_in(regions["south"], "Familienzentrum Schotten", "Krabbelgruppe Schotten")
    # A planning region covers its social spaces.
    response = client.get("/providers/", {"region": regions["north"].pk})
    assert names(response) == ["Jugendhilfe Nord e. V.", "Sozialraumteam Alsfeld"]
    html = response.content.decode()
    assert "Elterncafé Alsfeld" in html and "Krabbelgruppe Schotten" not in html
    assert names(client.get("/providers/", {"region": regions["alsfeld"].pk})) == [
        "Sozialraumteam Alsfeld"
    ]
    assert names(client.get("/providers/", {"region": regions["south"].pk})) == [
        "Familienzentrum Schotten"
    ]
    # The form offers the regions with their social spaces below them.
    assert "Planungsregion Nord › Sozialraum Alsfeld" in html
    # An unknown region is ignored, not an error.
    assert client.get("/providers/", {"region": "999999"}).status_code == 200


def test_the_region_filter_costs_the_same_for_10_and_100_organisations(client, regions):
    def populate(count):
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"Org {n:03d}", slug=f"org-{n:03d}", kind="provider", is_verified=True
            )
            for n in range(count)
        )
        offers = Offer.objects.bulk_create(
            Offer(organisation=o, title=f"Angebot {o.name}") for o in organisations
        )
        Offer.planning_regions.through.objects.bulk_create(
            Offer.planning_regions.through(offer=offer, planningregion=regions["alsfeld"])
            for offer in offers
        )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/providers/", {"region": regions["north"].pk})
        assert response.status_code == 200
        return len(captured), response

    populate(10)
    small, response = queries()
    assert len(response.context["page"].object_list) == 10
    Organisation.objects.exclude(pk=regions["youth_office"].pk).delete()
    populate(100)
    large, response = queries()
    assert len(response.context["page"].object_list) == 25
    # Form choices (places, fields of work, target groups, regions); count and page; the
    # page's fields of work, municipalities, shown offers and their target groups and places.
    assert small == large
    assert large <= 13


def test_a_youth_office_enters_its_regions_in_the_admin(admin_client, regions):
    page = admin_client.get(f"/admin/providers/organisation/{regions['youth_office'].pk}/change/")
    html = page.content.decode()
    assert "Planungsregion Nord" in html and "Sozialraum Alsfeld" in html
    provider = OrganisationFactory(name="Ein Träger")
    page = admin_client.get(f"/admin/providers/organisation/{provider.pk}/change/")
    assert "planning_regions-TOTAL_FORMS" not in page.content.decode()


def test_an_offer_refers_to_planning_regions(client, regions):
    from .factories import MemberFactory

    member = MemberFactory(organisation=OrganisationFactory(slug="traeger-x"), role="admin")
    client.force_login(member.user)
    response = client.post(
        "/providers/traeger-x/offers/new/",
        {"title": "Elterncafé", "planning_regions": [regions["alsfeld"].pk], "is_free": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    offer = Offer.objects.get(title="Elterncafé")
    assert list(offer.planning_regions.all()) == [regions["alsfeld"]]
