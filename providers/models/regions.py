"""Regions: states, districts, counties, municipalities, and the planning regions and social
spaces a youth office plans in."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# --- Regions ------------------------------------------------------------------------------


class FederalState(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(_("code"), max_length=2, unique=True)

    class Meta:
        verbose_name = _("federal state")
        verbose_name_plural = _("federal states")
        ordering = ["name"]

    def __str__(self):
        return self.name


class AdministrativeDistrict(models.Model):
    """Regierungsbezirk."""

    name = models.CharField(_("name"), max_length=100)
    state = models.ForeignKey(
        FederalState,
        verbose_name=_("federal state"),
        on_delete=models.PROTECT,
        related_name="districts",
    )

    class Meta:
        verbose_name = _("administrative district")
        verbose_name_plural = _("administrative districts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["state", "name"], name="unique_district_per_state")
        ]

    def __str__(self):
        return self.name


class County(models.Model):
    """Kreis or kreisfreie Stadt."""

    class Kind(models.TextChoices):
        COUNTY = "county", _("county")
        CITY = "city", _("district-free city")

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNTY)
    state = models.ForeignKey(
        FederalState,
        verbose_name=_("federal state"),
        on_delete=models.PROTECT,
        related_name="counties",
    )
    district = models.ForeignKey(
        AdministrativeDistrict,
        verbose_name=_("administrative district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="counties",
    )

    class Meta:
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["state", "name"], name="unique_county_per_state")
        ]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100)
    county = models.ForeignKey(
        County, verbose_name=_("county"), on_delete=models.PROTECT, related_name="municipalities"
    )
    # Amtlicher Gemeindeschlüssel, 8 digits.
    ags = models.CharField(_("official municipality key"), max_length=8, unique=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PlanningRegion(models.Model):
    """Planning region or social space: groups municipalities or city districts."""

    class Kind(models.TextChoices):
        PLANNING_REGION = "planning_region", _("planning region")
        SOCIAL_SPACE = "social_space", _("social space")

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.PLANNING_REGION
    )
    county = models.ForeignKey(
        County, verbose_name=_("county"), on_delete=models.CASCADE, related_name="planning_regions"
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), blank=True, related_name="planning_regions"
    )
    districts = models.TextField(
        _("city districts"), blank=True, help_text=_("One city district per line, if any.")
    )
    # Entered per youth office (seed 001: "Sozialraumteams pro Planungsregion"): the youth
    # office that plans in it; a social space lies in one planning region.
    youth_office = models.ForeignKey(
        "Organisation",
        verbose_name=_("youth office"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="planning_regions",
        limit_choices_to={"kind": "youth_office"},
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("planning region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="social_spaces",
        limit_choices_to={"kind": "planning_region"},
        help_text=_("For a social space: the planning region it belongs to."),
    )

    class Meta:
        verbose_name = _("planning region / social space")
        verbose_name_plural = _("planning regions / social spaces")
        ordering = ["county__name", "name"]

    def __str__(self):
        return f"{self.name} ({self.county})"

    def clean(self):
        if self.parent_id and self.kind != self.Kind.SOCIAL_SPACE:
            raise ValidationError(
                {"parent": _("Only a social space lies in a planning region. Leave it empty.")}
            )
        if self.parent_id and self.parent.county_id != self.county_id:
            raise ValidationError({"parent": _("The planning region lies in another county.")})
