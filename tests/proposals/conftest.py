from types import SimpleNamespace

import pytest

from network.models import Network
from providers.models import County, FederalState, PlanningRegion
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    UserFactory,
)


def person_of(organisation, email, name):
    user = UserFactory(email=email, name=name)
    OrganisationMemberFactory(organisation=organisation, user=user)
    return user


@pytest.fixture
def world(db):
    """An AG 78 with two member organisations (alice, bob), its coordinator (kim), and bob's
    counterpart charlie who works for a member of another network only."""
    ag78 = NetworkFactory(name="AG 78 Vogelsbergkreis", slug="ag78", kind=Network.Kind.AG78)
    other = NetworkFactory(name="Trägerverbund Wesel", slug="wesel", visibility="public")
    youth_office = OrganisationFactory(name="Jugendamt Vogelsbergkreis", kind="youth_office")
    provider = OrganisationFactory(name="Jugendhilfe Alsfeld e. V.")
    outsider_org = OrganisationFactory(name="Träger Wesel")
    MembershipFactory(network=ag78, organisation=youth_office)
    MembershipFactory(network=ag78, organisation=provider)
    MembershipFactory(network=other, organisation=outsider_org)
    kim = UserFactory(email="kim@example.org", name="Kim Koordination")
    ag78.coordinators.add(kim)
    county, _ = County.objects.get_or_create(
        name="Vogelsbergkreis",
        state=FederalState.objects.get_or_create(code="HE", defaults={"name": "Hessen"})[0],
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
    return SimpleNamespace(
        ag78=ag78,
        other=other,
        youth_office=youth_office,
        provider=provider,
        alice=person_of(provider, "alice@example.org", "Alice Antrag"),
        bob=person_of(youth_office, "bob@example.org", "Bob Beistand"),
        charlie=person_of(outsider_org, "charlie@example.org", "Charlie Außen"),
        kim=kim,
        north=north,
        alsfeld=alsfeld,
        south=south,
    )
