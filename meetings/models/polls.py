"""Date polls: proposed dates, who is asked (the invitations with their personal links), and
the answers."""

import secrets
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Network, WorkingGroup
from providers.models import Organisation

from .meeting import MeetingKind

# Participants answer in German time, whatever the server's settings; pages and mails say so.
POLL_TIME_ZONE = ZoneInfo("Europe/Berlin")
POLL_TIME_ZONE_NAME = "Europe/Berlin"


class DatePoll(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    class Audience(models.TextChoices):
        """The audiences of meetings (``Meeting.Audience``), plus a working group or chosen
        people; who they are is ``meetings.services.invitations.audience_people``."""

        NETWORK = "network", _("members of the network")
        WITH_SUBNETWORKS = "with_subnetworks", _("the network and its sub-networks")
        WORKING_GROUP = "working_group", _("a working group of the network")
        PEOPLE = "people", _("chosen people")

    # More proposed dates help nobody choose.
    MAX_SLOTS = 30
    DEFAULT_REMINDER_HOURS = 48

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
    audience = models.CharField(
        _("who is asked"), max_length=20, choices=Audience.choices, default=Audience.NETWORK
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="date_polls",
    )
    closes_at = models.DateTimeField(_("answers until"), null=True, blank=True)
    reminder_hours = models.PositiveIntegerField(
        _("reminder (hours before the poll closes)"),
        default=DEFAULT_REMINDER_HOURS,
        help_text=_("0: no reminder."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    chosen_slot = models.ForeignKey(
        "DatePollSlot",
        verbose_name=_("chosen date"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
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

    def get_absolute_url(self):
        return f"/meetings/polls/{self.pk}/"

    @property
    def is_open(self) -> bool:
        """Takes answers: open and before its closing time."""
        return self.status == self.Status.OPEN and (
            self.closes_at is None or self.closes_at > timezone.now()
        )


class DatePollSlot(models.Model):
    poll = models.ForeignKey(
        DatePoll, verbose_name=_("date poll"), on_delete=models.CASCADE, related_name="slots"
    )
    # A whole day (no time) starts at midnight in Europe/Berlin.
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    has_time = models.BooleanField(_("with time"), default=True)

    class Meta:
        verbose_name = _("proposed date")
        verbose_name_plural = _("proposed dates")
        ordering = ["start"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """Weekday, date and the time span in Europe/Berlin, in the active language's format."""
        from django.utils import formats

        start = timezone.localtime(self.start, POLL_TIME_ZONE)
        day = "D, " + formats.get_format("SHORT_DATE_FORMAT")
        if not self.has_time:
            return formats.date_format(start, day)
        if self.end is None:
            return f"{formats.date_format(start, day)} {formats.time_format(start, 'H:i')}"
        end = timezone.localtime(self.end, POLL_TIME_ZONE)
        if start.date() == end.date():
            return (
                f"{formats.date_format(start, day)} "
                f"{formats.time_format(start, 'H:i')}–{formats.time_format(end, 'H:i')}"
            )
        return (
            f"{formats.date_format(start, day)} {formats.time_format(start, 'H:i')} – "
            f"{formats.date_format(end, day)} {formats.time_format(end, 'H:i')}"
        )


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class PollInvitation(models.Model):
    """A person asked in a date poll, with the organisation they answer for.

    The personal link in their mail is signed and carries ``nonce``: revoking the link
    (``revoked_at``) or closing the poll makes it worthless; logging in still works for
    whoever belongs to the audience.
    """

    poll = models.ForeignKey(
        DatePoll, verbose_name=_("date poll"), on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="poll_invitations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nonce = models.CharField(_("link key"), max_length=32, default=new_nonce, editable=False)
    revoked_at = models.DateTimeField(_("link revoked"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("invited"), default=timezone.now)

    class Meta:
        verbose_name = _("date-poll invitation")
        verbose_name_plural = _("date-poll invitations")
        constraints = [
            models.UniqueConstraint(fields=["poll", "user"], name="one_poll_invitation_per_person")
        ]

    def __str__(self):
        return f"{self.poll}: {self.user}"


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
