from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.data import DEMO_PASSWORD, DEMO_USERS, NETWORKS
from demo.loader import demo_is_loaded, demo_load, demo_summary


class Command(BaseCommand):
    help = "Load the demo data (once; later runs change nothing) and print the demo logins."

    def handle(self, *args, **options):
        if demo_is_loaded():
            self.stdout.write("Demo data is already loaded; nothing changed.")
        else:
            self.stdout.write(demo_summary(demo_load()))
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Log in at http://127.0.0.1:8000"))
        for spec in DEMO_USERS:
            self.stdout.write(f"  {spec['name']}: {spec['email']} / {DEMO_PASSWORD}")
        self.stdout.write(f"Coordinators of the seed networks (password {DEMO_PASSWORD}):")
        names = dict(get_user_model().objects.values_list("email", "name"))
        for spec in NETWORKS.values():
            people = ", ".join(f"{names.get(email, '')} {email}" for email in spec["coordinators"])
            self.stdout.write(f"  {spec['name']}: {people}")
