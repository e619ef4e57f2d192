"""Agenda and what follows a meeting: topic proposals, agenda items, feedback."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Measure, Network, WorkingGroupResult
from providers.models import Organisation


class TopicProposal(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        DEFERRED = "deferred", _("deferred")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="topic_proposals"
    )
    meeting = models.ForeignKey(
        "Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_proposals",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("short description"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("time needed (minutes)"), default=15)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_proposals",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    decision_note = models.TextField(_("note on the decision"), blank=True)
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)

    class Meta:
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")
        ordering = ["created_at"]

    def __str__(self):
        return self.title


class TopicSupport(models.Model):
    """One person supports a topic proposal (one per person; withdrawn by deleting it)."""

    topic = models.ForeignKey(
        TopicProposal,
        verbose_name=_("topic proposal"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("supported"), default=timezone.now)

    class Meta:
        verbose_name = _("support of a topic")
        verbose_name_plural = _("supports of topics")
        constraints = [
            models.UniqueConstraint(fields=["topic", "user"], name="one_support_per_person")
        ]

    def __str__(self):
        return f"{self.user} + {self.topic}"


class TopicComment(models.Model):
    """A plain-text comment on a topic proposal, seen by whoever sees the topic."""

    topic = models.ForeignKey(
        TopicProposal,
        verbose_name=_("topic proposal"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("comment on a topic")
        verbose_name_plural = _("comments on topics")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:50]


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        ITEM = "item", _("agenda item")
        TOPIC = "topic", _("proposed topic")
        MEASURE_REVIEW = "measure_review", _("review of a measure")
        WORKING_GROUP_REPORT = "working_group_report", _("report from a working group")

    meeting = models.ForeignKey(
        "Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.ITEM)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=15)
    # Closing items (any other business, next meeting) stay at the end: whatever is added
    # later goes before them.
    is_closing = models.BooleanField(_("closing item"), default=False)
    topic = models.ForeignKey(
        TopicProposal,
        verbose_name=_("topic proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    working_group_result = models.ForeignKey(
        WorkingGroupResult,
        verbose_name=_("working-group result"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "id"]

    def __str__(self):
        return self.title


class Feedback(models.Model):
    """Anonymous to other members; the author is kept only to allow one answer per person."""

    meeting = models.ForeignKey(
        "Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="feedback"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_feedback_per_person"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.rating}"
