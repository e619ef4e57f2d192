from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """One mail the portal sends. Written in the transaction of the change that causes it;
    delivered by a Celery task; ``key`` makes every mail happen at most once."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    key = models.CharField(_("idempotency key"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=64, db_index=True)
    # "meeting:<id>", "network:<id>" …: lets a coordinator see the mails of one meeting.
    reference = models.CharField(_("reference"), max_length=64, blank=True, db_index=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outgoing_mails",
    )
    to_email = models.EmailField(_("address"))
    from_email = models.CharField(_("sender"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # [{"filename": ..., "content": <str>, "mimetype": ...}] — .ics files are text.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.kind} → {self.to_email}"


class NotificationSettings(models.Model):
    """Which optional mails a person wants. Invitations, changes and cancellations of
    meetings one is invited to or registered for are always sent and have no switch here."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_settings",
    )
    meeting_reminders = models.BooleanField(
        _("reminders before meetings and registration deadlines"), default=True
    )
    topic_calls = models.BooleanField(_("calls for agenda topics"), default=True)
    measure_reminders = models.BooleanField(
        _("reminders about measures I am responsible for"), default=True
    )
    agreement_reminders = models.BooleanField(
        _("reminders about review dates of cooperation agreements"), default=True
    )
    minutes_notices = models.BooleanField(_("notices when minutes are published"), default=True)
    # None: the default for the person's role (on for representatives, off for others).
    weekly_digest = models.BooleanField(_("weekly digest of my networks"), null=True, default=None)
    # The end of the period the last weekly digest looked at (sent or found empty).
    digest_covered_until = models.DateTimeField(_("digest covered until"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Mail kind → the switch that turns it off. Kinds not listed cannot be switched off.
    OPTIONAL_KINDS = {
        "reminder": "meeting_reminders",
        "deadline-reminder": "meeting_reminders",
        "topic-call": "topic_calls",
        "measure-due": "measure_reminders",
        "measure-overdue": "measure_reminders",
        "agreement-review": "agreement_reminders",
        "minutes-published": "minutes_notices",
        "weekly-digest": "weekly_digest",
    }

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return str(self.user)
