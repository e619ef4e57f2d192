"""Factories for the notification tests: the shared ones, with draft meetings to publish."""

import factory

from meetings.models import Meeting
from network.models import Representative
from providers.models import OrganisationMember
from tests import factories as shared
from tests.factories import (  # noqa: F401 - the package's factories
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
)


class MeetingFactory(shared.MeetingFactory):
    """A draft, so that tests publish it and see the invitations go out."""

    status = Meeting.Status.DRAFT
    description = "Austausch über Angebote in Nettetal."
    venue_name = "Kreishaus Viersen"
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
