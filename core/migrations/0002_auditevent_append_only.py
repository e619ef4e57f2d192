"""Audit events are append-only in the database too (PostgreSQL); the user who is deleted
leaves the log through core.audit.audit_erase_person, not through SET_NULL."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# PostgreSQL refuses UPDATE and DELETE of audit events in the database, whoever sends them.
# The one exception is core.audit.audit_erase_person: while the transaction-local setting
# portal.audit_erasure names a person (their user id), an UPDATE may clear actor and address
# of that person's own events and change the object text and details (their name scrubbed);
# what happened, when and to which object never changes, and nothing is ever deleted.
# The trigger stops statements, not the table's owner: TRUNCATE (Django's test flush uses
# it) and ALTER TABLE ... DISABLE TRIGGER remain possible for the owner role.
CREATE_TRIGGER = """
CREATE FUNCTION core_auditevent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    erased_person bigint := NULLIF(current_setting('portal.audit_erasure', true), '')::bigint;
BEGIN
    IF TG_OP = 'UPDATE' AND erased_person IS NOT NULL
        AND (NEW.id, NEW.created_at, NEW.action, NEW.target_type, NEW.target_id)
            = (OLD.id, OLD.created_at, OLD.action, OLD.target_type, OLD.target_id)
        AND NEW.network_id IS NOT DISTINCT FROM OLD.network_id
        AND (NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
             OR (NEW.actor_id IS NULL AND OLD.actor_id = erased_person))
        AND (NEW.ip_address IS NOT DISTINCT FROM OLD.ip_address
             OR (NEW.ip_address IS NULL AND OLD.actor_id = erased_person))
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: % on core_auditevent refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation',
              HINT = 'The one change allowed is core.audit.audit_erase_person.';
END;
$$;
CREATE TRIGGER core_auditevent_append_only
    BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION core_auditevent_append_only();
"""

DROP_TRIGGER = """
DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent;
DROP FUNCTION IF EXISTS core_auditevent_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_TRIGGER, params=None)  # "%" belongs to plpgsql


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="auditevent",
            options={
                "base_manager_name": "objects",
                "ordering": ["-created_at", "-id"],
                "verbose_name": "audit event",
                "verbose_name_plural": "audit log",
            },
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="actor",
            ),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
