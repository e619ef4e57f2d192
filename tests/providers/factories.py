"""Factories for the providers tests: the shared ones, with verified, reachable organisations."""

import factory

from providers.models import Municipality, Offer, TargetGroup
from tests import factories as shared
from tests.factories import NetworkFactory, UserFactory  # noqa: F401 - the package's factories


class OrganisationFactory(shared.OrganisationFactory):
    name = factory.Sequence(lambda n: f"Träger {n:04d}")
    city = "Nettetal"
    email = factory.Sequence(lambda n: f"info{n}@traeger.example")
    phone = "02153 0000"
    is_verified = True


class MemberFactory(shared.OrganisationMemberFactory):
    organisation = factory.SubFactory(OrganisationFactory)


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Angebot {n}")
    description = "Beratung und Begleitung."

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class MembershipFactory(shared.MembershipFactory):
    organisation = factory.SubFactory(OrganisationFactory)


def municipality(name: str) -> Municipality:
    return Municipality.objects.get(name=name)


def target_group(slug: str) -> TargetGroup:
    return TargetGroup.objects.get(slug=slug)
