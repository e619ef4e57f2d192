from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that combine several apps: the home page, the personal overview ("dashboard"),
    the personal-data export and the account deletion."""

    name = "pages"
    verbose_name = _("Pages")
