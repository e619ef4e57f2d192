"""Proposals (Anträge, Ideen) on their way through a network's decision path (seed 001: ideas
collected at a retreat → steering group → AG 78 → youth welfare committee)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_pdf
from meetings.models import AgendaItem, Meeting
from network.models import Network, WorkingGroupResult
from providers.models import Organisation, PlanningRegion


class Stage(models.Model):
    """One step of a network's decision path, in the order the network set."""

    class Kind(models.TextChoices):
        OPEN = "open", _("open: still under way")
        ACCEPTED = "accepted", _("decided: accepted")
        REJECTED = "rejected", _("decided: rejected")
        DEFERRED = "deferred", _("deferred")

    # Stages that close the way: entering one records the committee's decision.
    DECIDED = (Kind.ACCEPTED, Kind.REJECTED, Kind.DEFERRED)

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="proposal_stages",
    )
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OPEN)

    class Meta:
        verbose_name = _("proposal stage")
        verbose_name_plural = _("proposal stages")
        ordering = ["network__name", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="unique_stage_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_decided(self) -> bool:
        return self.kind in self.DECIDED


class Proposal(models.Model):
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Markdown: *italic*, **bold**, lists, links."))
    attachment = models.FileField(
        _("attachment (PDF)"),
        upload_to="proposals/%Y/",
        blank=True,
        validators=[validate_pdf],
    )
    planning_region = models.ForeignKey(
        PlanningRegion,
        verbose_name=_("planning region or social space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    stage = models.ForeignKey(
        Stage, verbose_name=_("stage"), on_delete=models.PROTECT, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    source_result = models.ForeignKey(
        WorkingGroupResult,
        verbose_name=_("from the working-group result"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("on the agenda of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    decision_date = models.DateField(_("date of the decision"), null=True, blank=True)
    decision_reference = models.CharField(
        _("reference of the decision"),
        max_length=100,
        blank=True,
        help_text=_("The committee's printed matter or resolution number."),
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    moved_at = models.DateTimeField(_("last moved"), default=timezone.now)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "-created_at"], name="proposal_network_new")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/networks/{self.network.slug}/proposals/{self.pk}/"


class ProposalMove(models.Model):
    """One step of a proposal's history: from one stage to the next, with a dated note."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="moves"
    )
    from_stage = models.ForeignKey(
        Stage,
        verbose_name=_("from stage"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_stage = models.ForeignKey(
        Stage, verbose_name=_("to stage"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    decision_reference = models.CharField(
        _("reference of the decision"), max_length=100, blank=True
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("move of a proposal")
        verbose_name_plural = _("moves of proposals")
        ordering = ["date", "created_at", "pk"]

    def __str__(self):
        return f"{self.proposal} → {self.to_stage}"


class Comment(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal_comments",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("comment on a proposal")
        verbose_name_plural = _("comments on proposals")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class Support(models.Model):
    """One person supports a proposal (once)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="proposal_supports",
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("support of a proposal")
        verbose_name_plural = _("supports of proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"], name="one_support_per_person_and_proposal"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.proposal}"


class Follower(models.Model):
    """Gets a mail on every move: the author, supporters, and whoever clicks "follow"."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="followers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="followed_proposals",
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("follower of a proposal")
        verbose_name_plural = _("followers of proposals")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="one_follow_per_person")
        ]

    def __str__(self):
        return f"{self.user} → {self.proposal}"
