from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # checks register the system checks, reminders and digest the beat tasks.
        from . import checks, digest, personal_data, receivers, reminders  # noqa: F401

        receivers.connect()
        personal_data.register()
