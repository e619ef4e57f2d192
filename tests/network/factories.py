import factory
from django.utils import timezone

from network.models import Measure, Membership, Network, Representative, WorkingGroup
from providers.models import Organisation, OrganisationMember


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "core.User"
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("correct-horse-battery")
    preferred_language = "de"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Träger {n} e. V.")
    slug = factory.Sequence(lambda n: f"traeger-{n}")
    kind = Organisation.Kind.INDEPENDENT_PROVIDER
    is_verified = True


class OrganisationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMember

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrganisationMember.Role.STAFF


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Netzwerk {n}")
    slug = factory.Sequence(lambda n: f"netzwerk-{n}")
    kind = Network.Kind.PROVIDER_ALLIANCE
    visibility = Network.Visibility.PUBLIC
    is_open_for_members = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.ACTIVE
    applied_at = factory.LazyFunction(timezone.now)
    started_at = factory.LazyFunction(timezone.localdate)


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    membership = factory.SubFactory(MembershipFactory)
    person = factory.LazyAttribute(
        lambda o: OrganisationMemberFactory(organisation=o.membership.organisation)
    )
    role = Representative.Role.REPRESENTATIVE


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
