"""Factories for the meetings tests (each test package keeps its own)."""

from datetime import timedelta

import factory
from django.utils import timezone

from core.models import User
from meetings.models import Meeting, MeetingKind, Registration
from network.models import Membership, Network, Representative
from providers.models import Organisation, OrganisationMember


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("secret-pass-123")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Träger {n} e.V.")
    slug = factory.Sequence(lambda n: f"traeger-{n}")
    kind = Organisation.Kind.INDEPENDENT_PROVIDER


class OrganisationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMember

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrganisationMember.Role.STAFF


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Netzwerk Frühe Hilfen {n}")
    slug = factory.Sequence(lambda n: f"netzwerk-{n}")
    kind = Network.Kind.EARLY_HELP
    visibility = Network.Visibility.MEMBERS


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.ACTIVE


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    membership = factory.SubFactory(MembershipFactory)
    person = factory.SubFactory(OrganisationMemberFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    network = factory.SubFactory(NetworkFactory)
    kind = MeetingKind.NETWORK
    title = factory.Sequence(lambda n: f"Netzwerktreffen {n}")
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=14))
    end = factory.LazyAttribute(lambda m: m.start + timedelta(hours=2))
    status = Meeting.Status.PUBLISHED
    venue_name = "Kreishaus"
    venue_address = "Rathausmarkt 3, 41747 Viersen"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.REGISTERED


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
