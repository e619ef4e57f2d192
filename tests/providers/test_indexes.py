"""Indexes for the directory and the key pages (issue 12): trigram indexes on PostgreSQL only,
a migration that does nothing on SQLite."""

import pytest
from django.db import connection

from providers.models import Organisation

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TRIGRAM = "providers_organisation_name_trgm"


def index_names(table: str) -> set[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {name for name, info in constraints.items() if info["index"]}


def test_the_listed_organisations_and_registration_counts_have_indexes():
    assert "organisation_listed_name" in index_names("providers_organisation")
    assert "registration_meeting_status" in index_names("meetings_registration")
    assert "outbox_reference_status" in index_names("notifications_outgoingmail")


def test_on_sqlite_the_trigram_migration_does_nothing():
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only")
    assert TRIGRAM not in index_names("providers_organisation")


@pytest.mark.postgres
def test_directory_search_uses_the_trigram_index():
    for n in range(30):
        OrganisationFactory(name=f"Familienzentrum {n}", is_public=True, is_verified=True)
    OrganisationFactory(name="Erziehungsberatung Nettetal", is_public=True, is_verified=True)
    query = Organisation.objects.filter(name__icontains="beratung")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: make the choice visible
        plan = query.explain()
    assert TRIGRAM in plan, plan
    assert [o.name for o in query] == ["Erziehungsberatung Nettetal"]
