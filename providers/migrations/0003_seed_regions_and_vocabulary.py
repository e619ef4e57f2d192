"""Ship the regions of the seed networks, the target groups and the fields of work."""

from django.db import migrations


def load(apps, schema_editor):
    from providers.regions import SHIPPED_REGIONS, import_regions_file
    from providers.vocabulary import load_vocabulary

    import_regions_file(SHIPPED_REGIONS, apps=apps)
    load_vocabulary(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("providers", "0002_vocabulary_names_member_phone")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
