"""Organisations, their people, invitations, join requests and offers."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .regions import Municipality, PlanningRegion

# --- Organisations ------------------------------------------------------------------------


class LocalisedName(models.Model):
    """A vocabulary entry named in German (the portal's default) and in English.

    Site admins add entries in Django admin, so the names live in the database, not in the
    message catalogue; ``str()`` picks the name in the active language.
    """

    name = models.CharField(_("name (German)"), max_length=120, unique=True)
    name_en = models.CharField(
        _("name (English)"),
        max_length=120,
        blank=True,
        help_text=_("Shown when the portal is used in English; empty: the German name."),
    )
    slug = models.SlugField(_("short name"), unique=True)

    class Meta:
        abstract = True

    def __str__(self):
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class FieldOfWork(LocalisedName):
    class Meta:
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")
        ordering = ["name"]


class TargetGroup(LocalisedName):
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["position", "name"]


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        """What everybody may see: verified organisations that chose to be in the directory."""
        return self.filter(is_public=True, is_verified=True)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        INDEPENDENT_PROVIDER = "provider", _("independent provider")
        YOUTH_OFFICE = "youth_office", _("youth office")
        SCHOOL = "school", _("school")
        DAYCARE = "daycare", _("day-care / family centre")
        HEALTH = "health", _("health service")
        DISABILITY = "disability", _("disability services")
        SOCIAL_WELFARE = "social_welfare", _("social welfare office")
        JOB_CENTRE = "job_centre", _("job centre")
        POLICE = "police", _("police")
        COUNSELLING = "counselling", _("counselling centre")
        OTHER = "other", _("other")

    class LegalForm(models.TextChoices):
        EV = "ev", _("registered association (e.V.)")
        GGMBH = "ggmbh", _("non-profit limited company (gGmbH)")
        GMBH = "gmbh", _("limited company (GmbH)")
        PUBLIC_BODY = "public", _("public body")
        FOUNDATION = "foundation", _("foundation")
        CHURCH = "church", _("church body")
        COOPERATIVE = "cooperative", _("cooperative (eG)")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("address in the portal"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices, blank=True
    )
    sector_tags = models.CharField(
        _("sector tags"),
        max_length=255,
        blank=True,
        help_text=_("Keywords, separated by commas, e.g. youth welfare, health."),
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, verbose_name=_("fields of work"), blank=True, related_name="organisations"
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="organisations",
    )
    # For youth offices: the municipalities they are responsible for.
    jurisdiction = models.ManyToManyField(
        Municipality,
        verbose_name=_("jurisdiction"),
        blank=True,
        related_name="youth_offices",
    )
    is_verified = models.BooleanField(_("verified"), default=False)
    is_public = models.BooleanField(
        _("listed in the public directory"),
        default=True,
        help_text=_("Visitors who are not logged in see the organisation and its offers."),
    )
    contact_is_public = models.BooleanField(
        _("phone and email are public"),
        default=True,
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

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            # The directory's listed organisations by name (the visibility rule ORs them with
            # the person's own and related ones, an id set).
            models.Index(
                fields=["name"],
                condition=models.Q(is_public=True, is_verified=True),
                name="organisation_listed_name",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/providers/{self.slug}/"


class OrganisationMember(models.Model):
    """A person working for an organisation."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("organisation admin")
        STAFF = "staff", _("staff")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.STAFF)
    function_title = models.CharField(_("function"), max_length=120, blank=True)
    phone = models.CharField(
        _("work phone"),
        max_length=50,
        blank=True,
        help_text=_("Shown only to people whose organisation shares a network with yours."),
    )
    is_public_contact = models.BooleanField(
        _("public contact person"),
        default=False,
        help_text=_("Name and function are shown to visitors of the directory."),
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("person in organisation")
        verbose_name_plural = _("people in organisations")
        ordering = ["organisation__name", "user__name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_person_per_org")
        ]

    def __str__(self):
        return f"{self.user} ({self.organisation})"


class OrganisationInvitation(models.Model):
    """An email invitation to join an organisation; the link carries a signed, expiring token."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("email"))
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=OrganisationMember.Role.choices,
        default=OrganisationMember.Role.STAFF,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation to an organisation")
        verbose_name_plural = _("invitations to organisations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"


class JoinRequest(models.Model):
    """A user asks to join an existing organisation; its admins decide."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="organisation_join_requests",
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_join_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class Offer(models.Model):
    """Angebot: a service for families."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="offers"
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, verbose_name=_("fields of work"), blank=True, related_name="offers"
    )
    age_from = models.PositiveSmallIntegerField(_("age from (years)"), null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(_("age to (years)"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), blank=True, related_name="offers"
    )
    planning_regions = models.ManyToManyField(
        PlanningRegion,
        verbose_name=_("planning regions and social spaces"),
        blank=True,
        related_name="offers",
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("e.g. German, Turkish, Arabic")
    )
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_from__isnull=True)
                | models.Q(age_to__isnull=True)
                | models.Q(age_from__lte=models.F("age_to")),
                name="offer_age_range_ordered",
            )
        ]

    def __str__(self):
        return self.title
