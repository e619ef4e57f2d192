from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminURLFieldWidget
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import PortalAdmin

from . import services
from .models import (
    AdministrativeDistrict,
    County,
    FederalState,
    FieldOfWork,
    JoinRequest,
    Municipality,
    Offer,
    Organisation,
    OrganisationInvitation,
    OrganisationMember,
    PlanningRegion,
    TargetGroup,
)


@admin.register(FederalState)
class FederalStateAdmin(PortalAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(AdministrativeDistrict)
class AdministrativeDistrictAdmin(PortalAdmin):
    list_display = ["name", "state"]
    list_filter = ["state"]
    search_fields = ["name"]


@admin.register(County)
class CountyAdmin(PortalAdmin):
    list_display = ["name", "kind", "district", "state"]
    list_filter = ["kind", "state", "district"]
    search_fields = ["name"]
    list_select_related = ["district", "state"]


@admin.register(Municipality)
class MunicipalityAdmin(PortalAdmin):
    list_display = ["name", "ags", "county"]
    list_filter = ["county__state", "county"]
    search_fields = ["name", "ags", "county__name"]
    list_select_related = ["county"]
    autocomplete_fields = ["county"]


@admin.register(PlanningRegion)
class PlanningRegionAdmin(PortalAdmin):
    list_display = ["name", "kind", "parent", "county", "youth_office"]
    list_filter = ["kind", "county"]
    search_fields = ["name", "districts", "parent__name", "youth_office__name"]
    autocomplete_fields = ["county", "municipalities", "youth_office", "parent"]
    list_select_related = ["county", "parent", "youth_office"]


class PlanningRegionInline(admin.TabularInline):
    """A youth office enters its planning regions and their social spaces (seed 001)."""

    model = PlanningRegion
    fk_name = "youth_office"
    extra = 0
    fields = ["name", "kind", "parent", "county", "municipalities"]
    autocomplete_fields = ["county", "municipalities", "parent"]
    verbose_name = _("planning region or social space of this youth office")
    verbose_name_plural = _("planning regions and social spaces of this youth office")


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(PortalAdmin):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TargetGroup)
class TargetGroupAdmin(PortalAdmin):
    list_display = ["name", "name_en", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}


class OrganisationMemberInline(admin.TabularInline):
    model = OrganisationMember
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "function_title", "phone", "is_public_contact"]


@admin.action(description=_("Verify the selected organisations"))
def verify_organisations(modeladmin, request, queryset):
    count = sum(
        services.organisation_verify(organisation=organisation, by=request.user)
        for organisation in queryset.filter(is_verified=False)
    )
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d organisation has been verified.",
            "%(count)d organisations have been verified.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


@admin.register(Organisation)
class OrganisationAdmin(PortalAdmin):
    list_display = ["name", "kind", "city", "is_verified", "is_public", "created_at"]
    list_filter = ["is_verified", "kind", "is_public", "legal_form", "fields_of_work"]
    search_fields = ["name", "short_name", "slug", "city", "email", "sector_tags"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["fields_of_work", "municipalities", "jurisdiction", "created_by"]
    readonly_fields = ["created_at"]
    inlines = [OrganisationMemberInline, PlanningRegionInline]
    actions = [verify_organisations]
    date_hierarchy = "created_at"
    formfield_overrides = {
        models.URLField: {"widget": AdminURLFieldWidget, "assume_scheme": "https"},
    }

    def get_inlines(self, request, obj):
        """Planning regions belong to youth offices only."""
        if obj is None or obj.kind != Organisation.Kind.YOUTH_OFFICE:
            return [OrganisationMemberInline]
        return self.inlines


@admin.register(OrganisationMember)
class OrganisationMemberAdmin(PortalAdmin):
    list_display = ["user", "organisation", "role", "function_title", "is_public_contact"]
    list_filter = ["role", "is_public_contact", "organisation__kind"]
    search_fields = ["user__name", "user__email", "organisation__name", "function_title"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(OrganisationInvitation)
class OrganisationInvitationAdmin(PortalAdmin):
    list_display = ["email", "organisation", "role", "created_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    autocomplete_fields = ["organisation", "invited_by", "accepted_by"]
    list_select_related = ["organisation"]


@admin.register(JoinRequest)
class JoinRequestAdmin(PortalAdmin):
    list_display = ["user", "organisation", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["user__name", "user__email", "organisation__name"]
    autocomplete_fields = ["organisation", "user", "decided_by"]
    list_select_related = ["user", "organisation"]


@admin.register(Offer)
class OfferAdmin(PortalAdmin):
    list_display = ["title", "organisation", "is_active", "is_free", "age_from", "age_to"]
    list_filter = ["is_active", "is_free", "target_groups", "fields_of_work"]
    search_fields = ["title", "description", "organisation__name"]
    autocomplete_fields = [
        "organisation",
        "target_groups",
        "fields_of_work",
        "municipalities",
        "planning_regions",
    ]
    list_select_related = ["organisation"]
