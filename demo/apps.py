from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data for `make run`: the networks of the five seeds with fictional people."""

    name = "demo"
    verbose_name = _("Demo data")
