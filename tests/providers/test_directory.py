"""The directory at /providers/: filters, visibility, bounded queries, English."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from providers.models import FieldOfWork, Offer, Organisation

from .factories import (
    MemberFactory,
    OfferFactory,
    OrganisationFactory,
    municipality,
    target_group,
)


@pytest.fixture
def places(db):
    return {name: municipality(name) for name in ("Nettetal", "Kempen", "Olsberg", "Herten")}


@pytest.fixture
def directory(places):
    families = target_group("families-0-3")
    youth = target_group("young-people")
    nettetal_org = OrganisationFactory(name="Familienhilfe Nettetal", slug="fh-nettetal")
    nettetal_org.municipalities.set([places["Nettetal"]])
    OfferFactory(
        organisation=nettetal_org,
        title="Babytreff Lobberich",
        target_groups=[families],
        municipalities=[places["Nettetal"]],
        age_from=0,
        age_to=3,
    )
    olsberg_org = OrganisationFactory(
        name="Jugendamt Hochsauerlandkreis", slug="ja-hsk", kind=Organisation.Kind.YOUTH_OFFICE
    )
    olsberg_org.jurisdiction.set([places["Olsberg"]])
    OfferFactory(
        organisation=olsberg_org,
        title="Jugendberatung Olsberg",
        target_groups=[youth],
        municipalities=[places["Olsberg"]],
        age_from=12,
        age_to=21,
    )
    kempen_org = OrganisationFactory(name="Schulsozialarbeit Kempen", slug="ssa-kempen")
    kempen_org.fields_of_work.set([FieldOfWork.objects.get(slug="school-social-work")])
    kempen_org.municipalities.set([places["Kempen"]])
    # Not shown to the public: unverified, unlisted.
    OfferFactory(
        organisation=OrganisationFactory(name="Neuer Träger", slug="neu", is_verified=False),
        title="Geheimes Angebot",
        target_groups=[families],
        municipalities=[places["Nettetal"]],
    )
    OfferFactory(
        organisation=OrganisationFactory(name="Interner Träger", slug="intern", is_public=False),
        title="Internes Angebot",
    )
    return {"families": families, "youth": youth, "nettetal_org": nettetal_org}


def names(response):
    return [o.name for o in response.context["page"].object_list]


def test_without_filters_everyone_sees_listed_organisations_only(client, directory):
    response = client.get("/providers/")
    assert response.status_code == 200
    assert names(response) == [
        "Familienhilfe Nettetal",
        "Jugendamt Hochsauerlandkreis",
        "Schulsozialarbeit Kempen",
    ]
    html = response.content.decode()
    assert "Geheimes Angebot" not in html and "Internes Angebot" not in html


def test_filter_by_municipality_and_target_group_finds_the_offer(client, directory, places):
    response = client.get(
        "/providers/",
        {"place": f"m{places['Nettetal'].pk}", "target_group": directory["families"].pk},
    )
    assert names(response) == ["Familienhilfe Nettetal"]
    assert "Babytreff Lobberich" in response.content.decode()
    assert "1 Organisation gefunden" in response.content.decode()


def test_filter_by_county_covers_its_municipalities(client, directory, places):
    county = places["Kempen"].county
    response = client.get("/providers/", {"place": f"c{county.pk}"})
    assert names(response) == ["Familienhilfe Nettetal", "Schulsozialarbeit Kempen"]


def test_a_youth_office_is_found_in_its_jurisdiction(client, directory, places):
    response = client.get("/providers/", {"place": f"m{places['Olsberg'].pk}"})
    assert names(response) == ["Jugendamt Hochsauerlandkreis"]


def test_filter_by_age_and_kind_and_field_of_work_and_text(client, directory):
    assert names(client.get("/providers/", {"age": 2})) == ["Familienhilfe Nettetal"]
    assert names(client.get("/providers/", {"age": 16})) == ["Jugendamt Hochsauerlandkreis"]
    assert names(client.get("/providers/", {"kind": "youth_office"})) == [
        "Jugendamt Hochsauerlandkreis"
    ]
    school = FieldOfWork.objects.get(slug="school-social-work")
    assert names(client.get("/providers/", {"field_of_work": school.pk})) == [
        "Schulsozialarbeit Kempen"
    ]
    assert names(client.get("/providers/", {"q": "babytreff"})) == ["Familienhilfe Nettetal"]
    assert names(client.get("/providers/", {"q": "Kempen"})) == ["Schulsozialarbeit Kempen"]


def test_only_matching_offers_are_shown_under_an_organisation(client, directory, places):
    OfferFactory(
        organisation=directory["nettetal_org"],
        title="Jugendtreff Kaldenkirchen",
        target_groups=[directory["youth"]],
        municipalities=[places["Nettetal"]],
    )
    html = client.get("/providers/", {"target_group": directory["families"].pk}).content.decode()
    assert "Babytreff Lobberich" in html
    assert "Jugendtreff Kaldenkirchen" not in html


def test_nonsense_filter_values_are_ignored_not_an_error(client, directory):
    response = client.get("/providers/", {"place": "x99", "age": "alt", "target_group": "999"})
    assert response.status_code == 200
    assert len(names(response)) == 3


def test_an_empty_result_tells_what_to_do(client, directory):
    html = client.get("/providers/", {"q": "gibt es nicht"}).content.decode()
    assert "Entfernen Sie einen Filter" in html


def test_members_also_see_their_own_unverified_organisation(client, directory):
    member = MemberFactory(organisation=Organisation.objects.get(slug="neu"))
    client.force_login(member.user)
    assert "Neuer Träger" in names(client.get("/providers/"))


def test_results_are_paginated_by_25(client, db):
    for n in range(30):
        OrganisationFactory(name=f"Träger {n:02d}", slug=f"t-{n:02d}")
    first = client.get("/providers/")
    assert len(names(first)) == 25
    assert "Seite 1 von 2" in first.content.decode()
    second = client.get("/providers/", {"page": 2})
    assert names(second) == ["Träger 25", "Träger 26", "Träger 27", "Träger 28", "Träger 29"]


def _populate(count: int, places, families):
    """``count`` organisations, each with two offers, municipalities and a field of work."""
    field = FieldOfWork.objects.get(slug="early-help")
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Org {n:03d}", slug=f"org-{n:03d}", kind="provider", is_verified=True)
        for n in range(count)
    )
    offers = Offer.objects.bulk_create(
        Offer(organisation=o, title=f"Angebot {o.name} {i}", age_from=0, age_to=6)
        for o in organisations
        for i in range(2)
    )
    Organisation.municipalities.through.objects.bulk_create(
        Organisation.municipalities.through(organisation=o, municipality=places["Nettetal"])
        for o in organisations
    )
    Organisation.fields_of_work.through.objects.bulk_create(
        Organisation.fields_of_work.through(organisation=o, fieldofwork=field)
        for o in organisations
    )
    Offer.target_groups.through.objects.bulk_create(
        Offer.target_groups.through(offer=offer, targetgroup=families) for offer in offers
    )
    Offer.municipalities.through.objects.bulk_create(
        Offer.municipalities.through(offer=offer, municipality=places["Kempen"]) for offer in offers
    )


def _count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "Org", "target_group": "FAMILIES", "age": "2", "place": "KEMPEN"}],
    ids=["unfiltered", "filtered"],
)
def test_the_directory_runs_the_same_number_of_queries_for_10_and_200(client, places, params):
    families = target_group("families-0-3")
    params = {
        k: {"FAMILIES": families.pk, "KEMPEN": f"m{places['Kempen'].pk}"}.get(v, v)
        for k, v in params.items()
    }
    _populate(10, places, families)
    small, response = _count_queries(client, "/providers/", params)
    assert len(response.context["page"].object_list) == 10
    Organisation.objects.all().delete()
    _populate(200, places, families)
    large, response = _count_queries(client, "/providers/", params)
    assert len(response.context["page"].object_list) == 25
    # Place choices (municipalities with counties), planning regions, fields of work, target
    # groups for the form; count and page of organisations; their fields of work and
    # municipalities; their shown offers, and those offers' target groups and municipalities.
    assert small == large
    assert large <= 13


def test_the_directory_speaks_english_with_the_language_cookie(client, directory, places):
    client.cookies["portal_language"] = "en"
    response = client.get(
        "/providers/",
        {"place": f"m{places['Nettetal'].pk}", "target_group": directory["families"].pk},
    )
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Directory of organisations and offers" in html
    assert "1 organisation found." in html
    assert "Families with children aged 0–3" in html  # target group names, too
    assert "Municipality or county" in html
    assert "independent provider" in html
    assert "Babytreff Lobberich" in html
    assert "Familien mit Kindern" not in html
    assert "Verzeichnis" not in html


def test_the_directory_speaks_english_with_accept_language(client, directory):
    response = client.get("/providers/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "Search and filter" in html
    assert "Early help" in html and "Frühe Hilfen" not in html


def test_the_directory_is_german_by_default(client, directory):
    html = client.get("/providers/").content.decode()
    assert "Suchen und filtern" in html
    assert "Familien mit Kindern von 0 bis 3 Jahren" in html
    assert "Freier Träger" in html
