from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from . import audit, checks, personal_data, signals  # noqa: F401 - checks register

        signals.connect()
        audit.connect()
        personal_data.register()
