"""Who takes part: invitations and registrations (with the waiting list)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from providers.models import Organisation


class Invitation(models.Model):
    """A person invited to a meeting (representative or deputy of a member organisation)."""

    meeting = models.ForeignKey(
        "Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="meeting_invitations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_invitation_per_person")
        ]

    def __str__(self):
        return f"{self.user} → {self.meeting}"


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        WAITING = "waiting", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")

    meeting = models.ForeignKey(
        "Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="registrations"
    )
    # Null once anonymised (retention, account deletion); the organisation stays for statistics.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_registrations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    notes = models.TextField(_("accessibility or dietary notes"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    # Position on the waiting list: earliest first.
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_registration_per_person")
        ]
        # Seat counts and participant lists: a meeting's registrations by status.
        indexes = [models.Index(fields=["meeting", "status"], name="registration_meeting_status")]

    def __str__(self):
        return f"{self.user} @ {self.meeting}"
