from django.core.management.base import BaseCommand
from django.db import transaction

from demo.data import DEMO_PASSWORD, DEMO_USERS, load_demo_data


class Command(BaseCommand):
    help = "Load demo data (idempotent) and print the demo credentials."

    def handle(self, *args, **options):
        with transaction.atomic():
            load_demo_data(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Log in at http://127.0.0.1:8000"))
        for spec in DEMO_USERS:
            self.stdout.write(f"  {spec['name']}: {spec['email']} / {DEMO_PASSWORD}")
