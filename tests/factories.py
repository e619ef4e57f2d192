"""Factories shared by the test packages; each package subclasses where it needs other defaults.

People get verified email addresses, the current privacy-notice consent and the password
``PASSWORD``, so a test can log them in through the real login form.
"""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from core.models import User
from meetings.models import Meeting, MeetingKind, Registration
from network.models import Membership, Network, Representative
from providers.models import Organisation, OrganisationMember

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)
    preferred_language = "de"
    privacy_consent_version = settings.PRIVACY_NOTICE_VERSION

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Träger {n} e. V.")
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
    role = Representative.Role.REPRESENTATIVE


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
