from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_logo
from providers.models import Municipality, Organisation, OrganisationMember


class TopicVisibility(models.TextChoices):
    """Who sees the topic proposals for a meeting (besides whoever proposed them)."""

    COORDINATION = "coordination", _("only the coordination")
    MEMBERS = "members", _("all invited members, who can support and comment on them")


class Network(models.Model):
    class Kind(models.TextChoices):
        PROVIDER_ALLIANCE = "provider_alliance", _("provider alliance")
        AG78 = "ag78", _("working group under §78 SGB VIII")
        EARLY_HELP = "early_help", _("Frühe Hilfen network")
        CHILD_PROTECTION = "child_protection", _("child-protection network (KKG §3)")
        COOPERATION_AGREEMENT = "cooperation", _("cooperation agreement")
        OTHER = "other", _("other")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        MEMBERS = "members", _("members only")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address in the portal"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent network"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subnetworks",
    )
    description = models.TextField(_("short description"), blank=True)
    keywords = models.CharField(_("keywords"), max_length=255, blank=True)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("region"), blank=True, related_name="networks"
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_networks",
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="coordinated_networks",
    )
    contact_name = models.CharField(_("public contact"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    # Profile fields of a network fact sheet (seed 002).
    reason = models.TextField(_("reason"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    implementation = models.TextField(_("implementation"), blank=True)
    funding = models.TextField(_("funding"), blank=True)
    legal_form = models.CharField(_("legal form"), max_length=100, blank=True)
    cooperating_since = models.PositiveSmallIntegerField(
        _("cooperating since (year)"), null=True, blank=True
    )
    population = models.PositiveIntegerField(_("population of the region"), null=True, blank=True)
    population_date = models.DateField(_("population as of"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    links = models.TextField(_("links"), blank=True, help_text=_("One web address per line."))
    # The letterhead of printed invitations, minutes and certificates (embedded in the PDFs).
    logo = models.ImageField(
        _("logo"), upload_to="networks/logos/", blank=True, validators=[validate_logo]
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    is_open_for_members = models.BooleanField(_("open for new members"), default=False)
    open_for_members_text = models.CharField(
        _("who is wanted"),
        max_length=300,
        blank=True,
        help_text=_("e.g. Providers of child and youth welfare who want to cooperate."),
    )
    topic_visibility = models.CharField(
        _("topic proposals for meetings are visible to"),
        max_length=12,
        choices=TopicVisibility.choices,
        default=TopicVisibility.COORDINATION,
        help_text=_("The default for new meetings; each meeting can change it."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/networks/{self.slug}/"


class Membership(models.Model):
    """An organisation in a network: applied → active / declined; active → left."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        ACTIVE = "active", _("active")
        DECLINED = "declined", _("declined")
        LEFT = "left", _("left")

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        COORDINATING = "coordinating", _("coordinating organisation")
        GUEST = "guest", _("guest")

    OPEN_STATUSES = (Status.APPLIED, Status.ACTIVE)

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="network_memberships",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPLIED
    )
    role = models.CharField(_("role"), max_length=15, choices=Role.choices, default=Role.MEMBER)
    application_message = models.TextField(_("message with the application"), blank=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    started_at = models.DateField(_("member since"), null=True, blank=True)
    ended_at = models.DateField(_("member until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["network__name", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"],
                condition=models.Q(status__in=["applied", "active"]),
                name="one_open_membership_per_network",
            )
        ]

    def __str__(self):
        return f"{self.organisation} in {self.network}"


class Representative(models.Model):
    """A person who represents their organisation in a network, or stands in as deputy."""

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("representative")
        DEPUTY = "deputy", _("deputy")

    membership = models.ForeignKey(
        Membership,
        verbose_name=_("membership"),
        on_delete=models.CASCADE,
        related_name="representatives",
    )
    person = models.ForeignKey(
        OrganisationMember,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="representations",
    )
    role = models.CharField(
        _("role"), max_length=15, choices=Role.choices, default=Role.REPRESENTATIVE
    )

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [
            models.UniqueConstraint(fields=["membership", "person"], name="unique_representative")
        ]

    def __str__(self):
        return f"{self.person.user} ({self.get_role_display()})"


class WorkingGroup(models.Model):
    """Kleingruppe / AG inside a network."""

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="working_groups",
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_working_groups",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="working_groups",
    )
    is_open = models.BooleanField(
        _("open"), default=True, help_text=_("Members of the network can join by themselves.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["network__name", "name"]

    def __str__(self):
        return self.name


class WorkingGroupResult(models.Model):
    """A result of a working group: text or a document, to be presented in the plenary."""

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    document = models.FileField(_("document"), upload_to="working_groups/%Y/", blank=True)
    for_plenary = models.BooleanField(
        _("present in the plenary"),
        default=True,
        help_text=_("Offered as an agenda item for the next network meeting."),
    )
    presented_at = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("presented at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("working-group result")
        verbose_name_plural = _("working-group results")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class CooperationAgreement(models.Model):
    """Kooperationsvereinbarung between organisations (seed 004)."""

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    title = models.CharField(_("title"), max_length=200)
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties"), related_name="agreements"
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    document = models.FileField(_("document (PDF)"), upload_to="agreements/%Y/", blank=True)
    summary = models.TextField(_("summary of provisions"), blank=True)
    has_coordination_meetings = models.BooleanField(
        _("regular coordination meetings"), default=False
    )
    has_case_conferences = models.BooleanField(_("case conferences"), default=False)
    has_job_shadowing = models.BooleanField(_("job-shadowing visits"), default=False)
    has_child_protection_duties = models.BooleanField(_("child-protection duties"), default=False)
    press_contact = models.CharField(_("press contact"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = ["-signed_on", "title"]

    def __str__(self):
        return self.title


class Measure(models.Model):
    """Maßnahme: an action item with an owner and a due date, mostly from a meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="measures"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
    )
    title = models.CharField(_("what"), max_length=300)
    description = models.TextField(_("details"), blank=True)
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
    )
    responsible_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    # Measures of case conferences: only the network's coordinators and the responsible
    # person see them outside the meeting (set by the meetings app when they are recorded).
    is_restricted = models.BooleanField(_("restricted"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["due_date", "id"]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self) -> bool:
        return (
            self.status in (self.Status.OPEN, self.Status.IN_PROGRESS)
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )
