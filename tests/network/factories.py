"""Factories for the network tests: the shared ones, with public, open networks."""

import factory
from django.utils import timezone

from network.models import Measure, Network, WorkingGroup
from providers.models import OrganisationMember
from tests import factories as shared
from tests.factories import UserFactory


class OrganisationFactory(shared.OrganisationFactory):
    is_verified = True


class OrganisationMemberFactory(shared.OrganisationMemberFactory):
    organisation = factory.SubFactory(OrganisationFactory)


class NetworkFactory(shared.NetworkFactory):
    name = factory.Sequence(lambda n: f"Netzwerk {n}")
    kind = Network.Kind.PROVIDER_ALLIANCE
    visibility = Network.Visibility.PUBLIC
    is_open_for_members = True


class MembershipFactory(shared.MembershipFactory):
    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    applied_at = factory.LazyFunction(timezone.now)
    started_at = factory.LazyFunction(timezone.localdate)


class RepresentativeFactory(shared.RepresentativeFactory):
    membership = factory.SubFactory(MembershipFactory)
    person = factory.LazyAttribute(
        lambda o: OrganisationMemberFactory(organisation=o.membership.organisation)
    )


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Kleingruppe {n}")
    is_open = True


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    status = Measure.Status.OPEN


def org_admin(organisation=None, **user_fields):
    """A person who is organisation admin of ``organisation`` (a new one if None)."""
    member = OrganisationMemberFactory(
        organisation=organisation or OrganisationFactory(),
        user=UserFactory(**user_fields),
        role=OrganisationMember.Role.ADMIN,
    )
    return member.user


def member_of(network, **user_fields):
    """A staff person of an organisation that is an active member of ``network``."""
    membership = MembershipFactory(network=network)
    member = OrganisationMemberFactory(
        organisation=membership.organisation, user=UserFactory(**user_fields)
    )
    return member.user


def coordinator_of(network, **user_fields):
    user = UserFactory(**user_fields)
    network.coordinators.add(user)
    return user
