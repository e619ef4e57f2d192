from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from . import checks, personal_data, receivers  # noqa: F401 - checks register

        receivers.connect()
        personal_data.register()
