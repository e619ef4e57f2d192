from dataclasses import dataclass

import pytest

from core.models import User
from network.models import Network
from providers.models import OrganisationMember

from .factories import MembershipFactory, NetworkFactory, UserFactory, member_of


@dataclass
class World:
    network: Network
    other_network: Network
    coordinator: User  # alice
    contact: User  # carol, contact person of the meetings, works for a member organisation
    member: User  # dave, staff of a member organisation
    org_admin: User  # olga, admin of dave's organisation
    colleague: User  # paul, dave's colleague
    outsider: User  # bob, member of another network only


@pytest.fixture
def world(db):
    network = NetworkFactory(name="Netzwerk Frühe Hilfen Viersen", slug="fruehe-hilfen-viersen")
    other = NetworkFactory(name="AG 78 Vogelsbergkreis", slug="ag78-vogelsberg")
    alice = UserFactory(email="alice@example.org", name="Alice Koordination")
    network.coordinators.add(alice)
    organisation = MembershipFactory(network=network).organisation
    dave = member_of(network, name="Dave", organisation=organisation)
    olga = member_of(
        network, name="Olga", organisation=organisation, role=OrganisationMember.Role.ADMIN
    )
    paul = member_of(network, name="Paul", organisation=organisation)
    carol = member_of(network, name="Carol")
    bob = member_of(other, name="Bob")
    return World(network, other, alice, carol, dave, olga, paul, bob)
