from datetime import timedelta

import factory
from django.utils import timezone

from core.models import User
from meetings.models import Meeting, MeetingKind
from network.models import Membership, Network, Representative
from providers.models import Organisation, OrganisationMember


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    preferred_language = "de"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Träger {n:04d}")
    slug = factory.Sequence(lambda n: f"traeger-n-{n:04d}")
    kind = Organisation.Kind.INDEPENDENT_PROVIDER


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Netzwerk Frühe Hilfen {n}")
    slug = factory.Sequence(lambda n: f"netzwerk-n-{n}")
    kind = Network.Kind.EARLY_HELP


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.ACTIVE


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    network = factory.SubFactory(NetworkFactory)
    kind = MeetingKind.NETWORK
    title = factory.Sequence(lambda n: f"Netzwerktreffen {n}")
    description = "Austausch über Angebote in Nettetal."
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    venue_name = "Kreishaus Viersen"
    venue_address = "Rathausmarkt 3, 41747 Viersen"
    contact_person = factory.SubFactory(UserFactory, name="Clara Koordination")


def add_member_organisation(network, *, people: int = 1, deputies: int = 0, language="de"):
    """An active member organisation with representatives (and deputies); returns the users."""
    membership = MembershipFactory(network=network)
    users = []
    for index in range(people + deputies):
        user = UserFactory(preferred_language=language)
        person = OrganisationMember.objects.create(organisation=membership.organisation, user=user)
        Representative.objects.create(
            membership=membership,
            person=person,
            role=Representative.Role.REPRESENTATIVE
            if index < people
            else Representative.Role.DEPUTY,
        )
        users.append(user)
    return membership, users
