"""Measures recorded in case conferences before they were restricted become restricted."""

from django.db import migrations


def restrict(apps, schema_editor):
    Measure = apps.get_model("network", "Measure")
    Measure.objects.filter(meeting__kind="case_conference").update(is_restricted=True)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_seed_meeting_templates"),
        ("network", "0002_measure_is_restricted"),
    ]

    operations = [migrations.RunPython(restrict, migrations.RunPython.noop)]
