"""Circulars (Rundschreiben): a coordinator writes to a network (with or without its
sub-networks), a working group, or the registrants of one meeting."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from network.models import Network, WorkingGroup
from providers.models import Organisation


class Circular(models.Model):
    class Audience(models.TextChoices):
        NETWORK = "network", _("the member organisations of the network")
        WITH_SUBNETWORKS = "with_subnetworks", _("the network and its sub-networks")
        WORKING_GROUP = "working_group", _("the members of a working group")
        MEETING = "meeting", _("the people registered for a meeting")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENT = "sent", _("sent")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="circulars"
    )
    audience = models.CharField(
        _("to"), max_length=20, choices=Audience.choices, default=Audience.NETWORK
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="circulars",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="circulars",
    )
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Markdown: **bold**, *italic*, lists, links."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply_to = models.EmailField(_("replies to"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    organisation_count = models.PositiveIntegerField(_("organisations"), default=0)

    class Meta:
        verbose_name = _("circular")
        verbose_name_plural = _("circulars")
        ordering = ["-sent_at", "-created_at", "-pk"]

    def __str__(self):
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("circulars:detail", kwargs={"slug": self.network.slug, "pk": self.pk})

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT


class CircularAttachment(models.Model):
    circular = models.ForeignKey(
        Circular, verbose_name=_("circular"), on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.FileField(_("document"), upload_to="circulars/%Y/")
    name = models.CharField(_("file name"), max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class CircularRecipient(models.Model):
    """Who received a circular, written when it is sent (the mails follow from the event)."""

    circular = models.ForeignKey(
        Circular, verbose_name=_("circular"), on_delete=models.CASCADE, related_name="recipients"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="circulars_received",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.UniqueConstraint(fields=["circular", "user"], name="circular_recipient_once")
        ]

    def __str__(self):
        return f"{self.user} ← {self.circular}"


class NetworkCircularSettings(models.Model):
    """Per network: may representatives switch its circulars off?"""

    network = models.OneToOneField(
        Network,
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="circular_settings",
    )
    mandatory = models.BooleanField(
        _("circulars are mandatory for representatives"),
        default=False,
        help_text=_("If ticked, recipients cannot switch this network's circulars off."),
    )

    class Meta:
        verbose_name = _("circular settings of a network")
        verbose_name_plural = _("circular settings of networks")

    def __str__(self):
        return str(self.network)


class CircularOptOut(models.Model):
    """A person who switched the circulars of one network off (honoured unless mandatory)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="circular_opt_outs",
    )
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("switched off"), default=timezone.now)

    class Meta:
        verbose_name = _("circulars switched off")
        verbose_name_plural = _("circulars switched off")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="circular_opt_out_once")
        ]

    def __str__(self):
        return f"{self.user} ✕ {self.network}"
