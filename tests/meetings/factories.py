"""Factories for the meetings tests: the shared ones, with networks for members only."""

import factory

from network.models import Membership, Network
from providers.models import OrganisationMember
from tests import factories as shared
from tests.factories import (  # noqa: F401 - the package's factories
    OrganisationFactory,
    OrganisationMemberFactory,
    RegistrationFactory,
    RepresentativeFactory,
    UserFactory,
)


class NetworkFactory(shared.NetworkFactory):
    visibility = Network.Visibility.MEMBERS


class MembershipFactory(shared.MembershipFactory):
    network = factory.SubFactory(NetworkFactory)


class MeetingFactory(shared.MeetingFactory):
    network = factory.SubFactory(NetworkFactory)


def member_of(
    network: Network, *, name: str, role=OrganisationMember.Role.STAFF, organisation=None
):
    """A person working for an organisation that is an active member of ``network``."""
    if organisation is None:
        organisation = MembershipFactory(network=network).organisation
    user = UserFactory(email=f"{name.lower()}@example.org", name=name)
    person = OrganisationMemberFactory(organisation=organisation, user=user, role=role)
    membership = Membership.objects.get(network=network, organisation=organisation)
    RepresentativeFactory(membership=membership, person=person)
    return user
