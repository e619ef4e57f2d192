"""Meetings, their kinds, templates and series, and the visibility rule."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.permissions import is_site_admin
from network.access import coordinated_network_ids, member_network_ids, member_networks_with_parents
from network.models import Network, TopicVisibility, WorkingGroup

from .participation import Invitation, Registration


class MeetingKind(models.TextChoices):
    COOPERATION = "cooperation", _("cooperation meeting")
    NETWORK = "network", _("network meeting")
    RETREAT = "retreat", _("retreat")
    CASE_CONFERENCE = "case_conference", _("case conference")
    TRAINING = "training", _("training")
    JOB_SHADOWING = "job_shadowing", _("job-shadowing visit")
    KICK_OFF = "kick_off", _("kick-off")
    WORKING_GROUP = "working_group", _("working-group meeting")


# What a coordinator may change on a meeting: the services accept these, the forms show them
# (case conferences a subset, ``CASE_CONFERENCE_FIELDS``).
# Time and place: a change to one of them raises the calendar sequence (RFC 5545) and every
# invitee's calendar is updated.
TIME_AND_PLACE_FIELDS = ("start", "end", "format", "venue_name", "venue_address", "online_url")
EDITABLE_FIELDS = (
    "title",
    "description",
    "case_reference",
    *TIME_AND_PLACE_FIELDS,
    "capacity",
    "registration_deadline",
    "topic_deadline",
    "contact_person",
    "audience",
    "working_group",
    "topic_visibility",
    "reminder_offsets",
    "data_protection_notice",
    "certifiable",
)
# Only a case reference describes the case: no description, no audience, no seats.
CASE_CONFERENCE_FIELDS = (
    "title",
    "case_reference",
    "start",
    "end",
    "format",
    "venue_name",
    "venue_address",
    "online_url",
    "contact_person",
)


def default_reminder_offsets() -> list[int]:
    return [7 * 24, 24]


class MeetingTemplate(models.Model):
    """Defaults for one kind of meeting."""

    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices, unique=True)
    default_duration_minutes = models.PositiveIntegerField(
        _("default duration (minutes)"), default=120
    )
    # Hours before the start at which registered people are reminded.
    reminder_offsets = models.JSONField(
        _("reminders (hours before)"), default=default_reminder_offsets
    )
    agenda_outline = models.TextField(
        _("agenda outline"), blank=True, help_text=_("One agenda item per line.")
    )
    agenda_closing = models.TextField(
        _("closing agenda items"),
        blank=True,
        help_text=_(
            "One agenda item per line, kept at the end of the agenda (e.g. any other business, "
            "next meeting): items added later go before them."
        ),
    )
    minutes_outline = models.TextField(_("minutes outline"), blank=True)
    data_protection_notice = models.TextField(_("data-protection notice"), blank=True)
    retention_months = models.PositiveSmallIntegerField(
        _("keep attendance and feedback (months)"), default=24
    )

    class Meta:
        verbose_name = _("meeting template")
        verbose_name_plural = _("meeting templates")
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()


class MeetingSeries(models.Model):
    class Recurrence(models.TextChoices):
        MONTHLY = "monthly", _("monthly")
        QUARTERLY = "quarterly", _("quarterly")
        HALF_YEARLY = "half_yearly", _("twice a year")
        YEARLY = "yearly", _("yearly")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="meeting_series"
    )
    title = models.CharField(_("title"), max_length=200)
    recurrence = models.CharField(_("repeats"), max_length=12, choices=Recurrence.choices)

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self):
        return self.title


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Meetings the person may know about. THE visibility rule of the portal:

        - coordinators of the network (or of a parent network), the contact person and site
          admins see every meeting, drafts included;
        - case conferences: besides those, only the people invited to them — everyone else
          must not know they exist (title, time, place, participants, minutes, measures);
        - other published, cancelled or held meetings: everyone if the audience is public or
          the network's profile is public; otherwise members of the network (and of its
          sub-networks when the audience includes them), invited and registered people.

        ``meetings.permissions`` builds every other meeting check on this one.
        """
        public = Q(audience=Meeting.Audience.PUBLIC) | Q(
            network__visibility=Network.Visibility.PUBLIC
        )
        announced = Q(status__in=Meeting.ANNOUNCED)
        case_conference = Q(kind=MeetingKind.CASE_CONFERENCE)
        if not user.is_authenticated:
            return self.filter(announced & ~case_conference & public)
        if is_site_admin(user):
            return self.all()
        managed = Q(network_id__in=coordinated_network_ids(user)) | Q(contact_person_id=user.pk)
        invited = Q(pk__in=Invitation.objects.filter(user_id=user.pk).values("meeting_id"))
        registered = Q(
            pk__in=Registration.objects.filter(user_id=user.pk)
            .exclude(status=Registration.Status.CANCELLED)
            .values("meeting_id")
        )
        in_audience = Q(network_id__in=member_network_ids(user)) | Q(
            audience=Meeting.Audience.WITH_SUBNETWORKS,
            network_id__in=member_networks_with_parents(user),
        )
        return self.filter(
            managed
            | (announced & ~case_conference & (public | in_audience | invited | registered))
            | (announced & case_conference & invited)
        )


class Meeting(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    class Audience(models.TextChoices):
        NETWORK = "network", _("members of the network")
        WITH_SUBNETWORKS = "with_subnetworks", _("the network and its sub-networks")
        PUBLIC = "public", _("public: organisations outside the network can register too")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")
        HELD = "held", _("held")

    # Made known to the audience: no longer a draft.
    ANNOUNCED = (Status.PUBLISHED, Status.CANCELLED, Status.HELD)

    uid = models.CharField(_("calendar UID"), max_length=100, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="meetings"
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    series = models.ForeignKey(
        MeetingSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Case conferences: a reference only, never names or data of children and families.
    case_reference = models.CharField(_("case reference"), max_length=50, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    topic_deadline = models.DateTimeField(_("deadline for topic proposals"), null=True, blank=True)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_for_meetings",
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.NETWORK
    )
    topic_visibility = models.CharField(
        _("topic proposals are visible to"),
        max_length=12,
        choices=TopicVisibility.choices,
        default=TopicVisibility.COORDINATION,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    reminder_offsets = models.JSONField(
        _("reminders (hours before)"), default=default_reminder_offsets
    )
    data_protection_notice = models.TextField(_("data-protection notice"), blank=True)
    # Attendees may download a certificate of attendance (reports app).
    certifiable = models.BooleanField(
        _("certificate of attendance"),
        default=False,
        help_text=_("Attendees can download a certificate of attendance after the meeting."),
    )
    minutes = models.TextField(_("minutes (general part)"), blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Until then the invitation says that the agenda follows; publishing it later mails it.
    agenda_published_at = models.DateTimeField(_("agenda published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.uid:
            host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
            self.uid = f"{uuid.uuid4()}@{host}"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"/meetings/{self.pk}/"

    @property
    def is_case_conference(self) -> bool:
        return self.kind == MeetingKind.CASE_CONFERENCE

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.end <= timezone.now()

    @property
    def topics_open(self) -> bool:
        """Topic proposals are visible to the invited members, who support and comment."""
        return not self.is_case_conference and self.topic_visibility == TopicVisibility.MEMBERS

    @property
    def location(self) -> str:
        return ", ".join(filter(None, [self.venue_name, self.venue_address]))
