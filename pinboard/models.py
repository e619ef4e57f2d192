"""The pinboard (Marktplatz): organisations ask their networks for help or offer it.

A post belongs to the organisation that posts it and is shown on the boards of the networks
it names (in which the organisation is an active member) until it expires, is marked done or
is hidden by a coordinator. It never holds personal data about clients.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Network
from providers.models import Organisation

# How long a post stays on the boards unless the poster chooses otherwise.
DEFAULT_RUNTIME = timedelta(weeks=4)


def default_expiry():
    return timezone.localdate() + DEFAULT_RUNTIME


class PostQuerySet(models.QuerySet):
    def on_board(self, *, today=None):
        """Posts the boards show: not expired, not done, not hidden."""
        today = today or timezone.localdate()
        return self.filter(expires_on__gte=today, done_at__isnull=True, hidden_at__isnull=True)


class Post(models.Model):
    class Kind(models.TextChoices):
        STAND_IN = "stand_in", _("stand-in in an emergency")
        JOB_SHADOWING = "job_shadowing", _("job-shadowing places (Hospitation)")
        TRAINING = "training", _("joint training")
        PROJECT = "project", _("joint project idea")
        STAFF_SHORTAGE = "staff_shortage", _("staff shortage")

    class Direction(models.TextChoices):
        REQUEST = "request", _("request")
        OFFER = "offer", _("offer")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="pinboard_posts",
    )
    networks = models.ManyToManyField(
        Network, verbose_name=_("networks"), related_name="pinboard_posts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    direction = models.CharField(
        _("request or offer"), max_length=10, choices=Direction.choices, default=Direction.REQUEST
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    help_kind = models.CharField(
        _("kind of help"),
        max_length=200,
        blank=True,
        help_text=_("e.g. ambulatory family help, group work, night stand-by"),
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    expires_on = models.DateField(_("shown until"), default=default_expiry)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pinboard_posts",
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("pinboard post")
        verbose_name_plural = _("pinboard posts")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/pinboard/{self.pk}/"

    def is_expired(self, today=None) -> bool:
        return self.expires_on < (today or timezone.localdate())

    @property
    def is_open(self) -> bool:
        return not self.is_expired() and self.done_at is None and self.hidden_at is None


class Answer(models.Model):
    """A member's answer to a post; mailed to the poster's organisation."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="answers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="pinboard_answers",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("answer"))
    created_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.post}: {self.author}"


class Report(models.Model):
    """A member reports a post to the coordinators of its networks."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="reports"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="pinboard_reports",
    )
    reason = models.TextField(_("reason for the report"))
    created_at = models.DateTimeField(_("reported"), default=timezone.now)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.post}: {self.created_at:%Y-%m-%d}"
