from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from . import audit, checks, retention_tasks, signals  # noqa: F401 - check, task

        signals.connect()
        audit.connect()
