"""Trigram indexes for the directory's text search, on PostgreSQL only (issue 12).

The search is ``icontains``, which Django writes as ``UPPER(column::text) LIKE UPPER(%s)``:
the GIN indexes are on exactly that expression, so PostgreSQL answers "contains" without
reading every organisation. SQLite has no pg_trgm; there the migration does nothing, and the
model state does not change on either database (``makemigrations --check`` stays clean).
Creating the extension needs a role that may create it (a superuser or the database owner
with pg_trgm trusted, PostgreSQL 13+).
"""

from django.db import migrations

INDEXES = {
    "providers_organisation_name_trgm": ("providers_organisation", "name"),
    "providers_organisation_short_name_trgm": ("providers_organisation", "short_name"),
    "providers_organisation_city_trgm": ("providers_organisation", "city"),
    "providers_organisation_sector_tags_trgm": ("providers_organisation", "sector_tags"),
    "providers_organisation_description_trgm": ("providers_organisation", "description"),
    "providers_offer_title_trgm": ("providers_offer", "title"),
    "providers_offer_description_trgm": ("providers_offer", "description"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("providers", "0004_organisation_listed_name_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
