from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from providers.regions import COLUMNS, RegionImportError, import_regions_file


class Command(BaseCommand):
    help = (
        "Import federal states, administrative districts, counties and municipalities from a "
        "UTF-8 CSV file with the columns " + ",".join(COLUMNS) + ". All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file, one row per municipality")

    def handle(self, *args, path, **options):
        try:
            result = import_regions_file(path)
        except FileNotFoundError as error:
            raise CommandError(_("File not found: %(path)s") % {"path": path}) from error
        except RegionImportError as error:
            raise CommandError(
                _("Nothing was imported. Please correct the file:") + "\n" + "\n".join(error.errors)
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("%(rows)d rows read: %(created)d municipalities created, %(updated)d updated.")
                % {"rows": result.rows, "created": result.created, "updated": result.updated}
            )
        )
