from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from . import checks, retention_tasks, signals  # noqa: F401 - check, beat task

        signals.connect()
