from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from core.sections import register_section

        from . import personal_data, selectors

        # The network page shows its latest news (public ones for everybody).
        register_section(
            "network.profile",
            template="news/fragments/network_news.html",
            context=selectors.network_news_section,
            order=40,
        )
        personal_data.register()
