from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PinboardConfig(AppConfig):
    name = "pinboard"
    verbose_name = _("Pinboard")

    def ready(self):
        from core.sections import register_section

        from . import personal_data, selectors

        # The network page links its board (for members and coordinators).
        register_section(
            "network.profile",
            template="pinboard/fragments/network_board_link.html",
            context=selectors.network_board_section,
            order=60,
        )
        # The organisation page links the organisation's posts (for its own people).
        register_section(
            "providers.organisation",
            template="pinboard/fragments/organisation_posts_link.html",
            context=selectors.organisation_posts_section,
            order=60,
        )
        personal_data.register()
