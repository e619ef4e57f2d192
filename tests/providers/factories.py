import factory
from allauth.account.models import EmailAddress

from core.models import User
from network.models import Membership, Network
from providers.models import Municipality, Offer, Organisation, OrganisationMember, TargetGroup


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "Kooperation-2026")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Träger {n:04d}")
    slug = factory.Sequence(lambda n: f"traeger-{n:04d}")
    kind = Organisation.Kind.INDEPENDENT_PROVIDER
    city = "Nettetal"
    email = factory.Sequence(lambda n: f"info{n}@traeger.example")
    phone = "02153 0000"
    is_verified = True


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMember

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrganisationMember.Role.STAFF


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


def municipality(name: str) -> Municipality:
    return Municipality.objects.get(name=name)


def target_group(slug: str) -> TargetGroup:
    return TargetGroup.objects.get(slug=slug)
