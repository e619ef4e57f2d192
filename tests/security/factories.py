import datetime as dt

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils import timezone

from core.models import User
from meetings.models import (
    DatePoll,
    DatePollAnswer,
    DatePollSlot,
    Feedback,
    Invitation,
    Meeting,
    MeetingKind,
    Registration,
    TopicProposal,
)
from network.models import Membership, Network, Representative
from providers.models import Organisation, OrganisationMember


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("correct-horse-battery")
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

    name = factory.Sequence(lambda n: f"Träger {n}")
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

    name = factory.Sequence(lambda n: f"Netzwerk {n}")
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


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    network = factory.SubFactory(NetworkFactory)
    kind = MeetingKind.NETWORK
    title = factory.Sequence(lambda n: f"Netzwerktreffen {n}")
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    end = factory.LazyAttribute(lambda m: m.start + dt.timedelta(hours=2))
    status = Meeting.Status.PUBLISHED
    venue_name = "Kreishaus"
    venue_address = "Marktplatz 1, 41747 Viersen"


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Registration.Status.REGISTERED


class TopicProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicProposal

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Thema {n}")


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    rating = 4


class DatePollFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DatePoll

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Terminfindung {n}")


class DatePollSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DatePollSlot

    poll = factory.SubFactory(DatePollFactory)
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    end = factory.LazyAttribute(lambda s: s.start + dt.timedelta(hours=2))


class DatePollAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DatePollAnswer

    slot = factory.SubFactory(DatePollSlotFactory)
    user = factory.SubFactory(UserFactory)
    answer = DatePollAnswer.Answer.YES


def add_totp(user) -> Authenticator:
    """A TOTP authenticator as allauth stores it after the person scanned the QR code."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    return TOTP.activate(user, generate_totp_secret()).instance
