"""Acceptance 3: two simultaneous applications of one organisation end with one membership."""

import threading

import pytest
from django.db import connection

from network import services
from network.models import Membership

from .factories import NetworkFactory, OrganisationFactory, UserFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_applications_end_with_one_membership():
    network = NetworkFactory()
    organisation = OrganisationFactory()
    applicants = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    outcomes = []

    def apply(applicant):
        try:
            barrier.wait(timeout=10)
            services.membership_apply(
                organisation=organisation, network=network, by=applicant, message="x"
            )
            outcomes.append("created")
        except services.NetworkError:
            outcomes.append("refused")
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=apply, args=(a,)) for a in applicants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["created", "refused"]
    assert Membership.objects.filter(network=network, organisation=organisation).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_database_constraint_holds_without_the_service():
    from django.db import IntegrityError

    network = NetworkFactory()
    organisation = OrganisationFactory()
    Membership.objects.create(network=network, organisation=organisation, status="applied")
    with pytest.raises(IntegrityError):
        Membership.objects.create(network=network, organisation=organisation, status="active")
