"""Date polls: proposed dates and the answers to them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Network

from .meeting import MeetingKind


class DatePoll(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="date_polls"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind of meeting"),
        max_length=20,
        choices=MeetingKind.choices,
        default=MeetingKind.NETWORK,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting = models.OneToOneField(
        "Meeting",
        verbose_name=_("resulting meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="poll",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("date poll")
        verbose_name_plural = _("date polls")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class DatePollSlot(models.Model):
    poll = models.ForeignKey(
        DatePoll, verbose_name=_("date poll"), on_delete=models.CASCADE, related_name="slots"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        verbose_name = _("proposed date")
        verbose_name_plural = _("proposed dates")
        ordering = ["start"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """Weekday, date and local time span, in the active language's date format."""
        from django.utils import formats

        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        day = "D, " + formats.get_format("SHORT_DATE_FORMAT")
        if start.date() == end.date():
            return (
                f"{formats.date_format(start, day)} "
                f"{formats.time_format(start, 'H:i')}–{formats.time_format(end, 'H:i')}"
            )
        return (
            f"{formats.date_format(start, day)} {formats.time_format(start, 'H:i')} – "
            f"{formats.date_format(end, day)} {formats.time_format(end, 'H:i')}"
        )


class DatePollAnswer(models.Model):
    class Answer(models.TextChoices):
        YES = "yes", _("yes")
        MAYBE = "maybe", _("if need be")
        NO = "no", _("no")

    slot = models.ForeignKey(
        DatePollSlot,
        verbose_name=_("proposed date"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="date_poll_answers",
    )
    answer = models.CharField(_("answer"), max_length=5, choices=Answer.choices)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["slot", "user"], name="one_answer_per_slot")]

    def __str__(self):
        return f"{self.user}: {self.answer}"
