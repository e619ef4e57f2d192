import datetime as dt

import factory
from allauth.mfa.models import Authenticator
from django.utils import timezone

from meetings.models import (
    DatePoll,
    DatePollAnswer,
    DatePollSlot,
    Feedback,
    Invitation,
    TopicProposal,
)
from tests import factories as shared
from tests.factories import (  # noqa: F401 - the package's factories
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    RepresentativeFactory,
    UserFactory,
)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)


class RegistrationFactory(shared.RegistrationFactory):
    organisation = factory.SubFactory(OrganisationFactory)


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
