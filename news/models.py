"""News of a network: published by its coordinators, public or for members only.

Public news of a public network appear on its page, on the home page and in its Atom feed
(``/networks/<slug>/news.atom``); members-only news only for the network's members.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from network.models import Network


class NewsItemQuerySet(models.QuerySet):
    def public(self):
        """Public news of public networks: what visitors, the home page and feeds show."""
        return self.filter(
            visibility=NewsItem.Visibility.PUBLIC,
            network__visibility=Network.Visibility.PUBLIC,
            published_at__lte=timezone.now(),
        )


class NewsItem(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        MEMBERS = "members", _("members only")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="news"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Markdown: **bold**, lists with -, links."))
    visibility = models.CharField(
        _("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("linked meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    membership_call = models.BooleanField(
        _("invite organisations to apply for membership"),
        default=False,
        help_text=_("Shows a link to the network's membership application."),
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
    )

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/news/{self.pk}/"

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC
