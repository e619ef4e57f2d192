from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CircularsConfig(AppConfig):
    name = "circulars"
    verbose_name = _("Circulars")

    def ready(self):
        from core.sections import register_section

        from . import personal_data, selectors

        # The network page links to the archive of its circulars (members and coordinators).
        register_section(
            "network.profile",
            template="circulars/fragments/network_circulars.html",
            context=selectors.network_circulars_section,
            order=40,
        )
        personal_data.register()
