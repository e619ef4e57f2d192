"""Django admin for site admins: networks, memberships (with the same decisions and mails as
the coordinators' pages), working groups, agreements and measures."""

import csv

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.admin import PortalAdmin
from providers.models import County, Organisation

from . import services
from .forms import DeclineReasonForm
from .models import (
    CooperationAgreement,
    Measure,
    Membership,
    Network,
    Representative,
    WorkingGroup,
    WorkingGroupResult,
)


def _autocomplete_ready(model) -> bool:
    """autocomplete_fields need an admin with search_fields for the related model."""
    model_admin = admin.site._registry.get(model)
    return bool(model_admin and model_admin.search_fields)


class OrganisationKindFilter(admin.SimpleListFilter):
    title = _("organisation kind")
    parameter_name = "organisation_kind"

    def lookups(self, request, model_admin):
        return Organisation.Kind.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(organisation__kind=self.value())
        return queryset


class CountyFilter(admin.SimpleListFilter):
    """County of the organisation's municipalities (served area or jurisdiction)."""

    title = _("county")
    parameter_name = "county"

    def lookups(self, request, model_admin):
        return [(str(c.pk), c.name) for c in County.objects.order_by("name")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        in_county = Organisation.objects.filter(
            municipalities__county_id=self.value()
        ) | Organisation.objects.filter(jurisdiction__county_id=self.value())
        return queryset.filter(organisation__in=in_county.values("pk"))


class RepresentativeInline(admin.TabularInline):
    model = Representative
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Membership)
class MembershipAdmin(PortalAdmin):
    list_display = [
        "organisation",
        "network",
        "status",
        "role",
        "applied_at",
        "decided_at",
        "started_at",
        "ended_at",
    ]
    list_filter = [
        "status",
        "role",
        ("network", admin.RelatedOnlyFieldListFilter),
        OrganisationKindFilter,
        CountyFilter,
    ]
    search_fields = ["organisation__name", "network__name", "application_message"]
    list_select_related = ["organisation", "network"]
    show_full_result_count = False  # one count per page, not a second one over all rows
    date_hierarchy = "applied_at"
    readonly_fields = [
        "status",
        "applied_at",
        "applied_by",
        "decided_at",
        "decided_by",
        "decision_reason",
        "started_at",
        "ended_at",
        "created_at",
    ]
    inlines = [RepresentativeInline]
    actions = ["accept_applications", "decline_applications", "end_memberships", "export_csv"]
    change_list_template = "network/admin/membership_change_list.html"

    def get_autocomplete_fields(self, request):
        fields = ["network"]
        if _autocomplete_ready(Organisation):
            fields.append("organisation")
        return fields

    def get_raw_id_fields(self, request):
        return [] if _autocomplete_ready(Organisation) else ["organisation"]

    def get_readonly_fields(self, request, obj=None):
        # Status changes only through the actions, so that mails and audit log follow.
        return self.readonly_fields

    # --- Decisions: the same services as the coordinators' pages --------------------------

    def _decide(self, request, queryset, decide, done_message):
        done = 0
        for membership in queryset.select_related("network", "organisation"):
            try:
                decide(membership)
            except services.NetworkError as error:
                self.message_user(request, f"{membership}: {error.message}", level=messages.WARNING)
                continue
            self.log_change(request, membership, done_message)
            done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d membership changed.", "%(count)d memberships changed.", done)
                % {"count": done},
                level=messages.SUCCESS,
            )

    @admin.action(description=_("Accept selected applications"))
    def accept_applications(self, request, queryset):
        self._decide(
            request,
            queryset,
            lambda m: services.membership_approve(membership=m, by=request.user),
            gettext("Application accepted."),
        )

    @admin.action(description=_("Decline selected applications"))
    def decline_applications(self, request, queryset):
        form = DeclineReasonForm(request.POST if "reason" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._decide(
                request,
                queryset,
                lambda m: services.membership_decline(membership=m, by=request.user, reason=reason),
                gettext("Application declined: %(reason)s") % {"reason": reason},
            )
            return None
        # Ask for the reason first (the applicants read it in their email).
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Decline applications"),
            "form": form,
            "queryset": queryset.select_related("organisation", "network"),
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "decline_applications",
        }
        return TemplateResponse(request, "network/admin/decline_reason.html", context)

    @admin.action(description=_("End selected memberships"))
    def end_memberships(self, request, queryset):
        self._decide(
            request,
            queryset,
            lambda m: services.membership_end(membership=m, by=request.user),
            gettext("Membership ended."),
        )

    # --- CSV export -------------------------------------------------------------------------

    CSV_COLUMNS = [
        ("network", _("network")),
        ("organisation", _("organisation")),
        ("organisation_kind", _("organisation kind")),
        ("status", _("status")),
        ("role", _("role")),
        ("applied_at", _("applied")),
        ("decided_at", _("decided")),
        ("decision_reason", _("reason for the decision")),
        ("started_at", _("member since")),
        ("ended_at", _("member until")),
    ]

    @admin.action(description=_("Export selected memberships as CSV"))
    def export_csv(self, request, queryset):
        return self._csv_response(queryset)

    def get_urls(self):
        return [
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_filtered_csv),
                name="network_membership_export",
            ),
            *super().get_urls(),
        ]

    def export_filtered_csv(self, request):
        """Everything the changelist currently shows (search and filters applied)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:network_membership_changelist"))
        return self._csv_response(changelist.get_queryset(request))

    def _csv_response(self, queryset):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="memberships-{stamp}.csv"'
        response.write("\ufeff")  # Excel needs the BOM to read UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow([str(label) for _name, label in self.CSV_COLUMNS])
        for m in queryset.select_related("network", "organisation").order_by(
            "network__name", "organisation__name", "pk"
        ):
            writer.writerow(
                [
                    _csv_safe(m.network.name),
                    _csv_safe(m.organisation.name),
                    m.organisation.get_kind_display(),
                    m.get_status_display(),
                    m.get_role_display(),
                    _local(m.applied_at),
                    _local(m.decided_at),
                    _csv_safe(m.decision_reason),
                    m.started_at.isoformat() if m.started_at else "",
                    m.ended_at.isoformat() if m.ended_at else "",
                ]
            )
        return response


def _local(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _csv_safe(value: str) -> str:
    """Stop spreadsheet programs from running user text as a formula."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


class SubnetworkInline(admin.TabularInline):
    model = Network
    fk_name = "parent"
    fields = ["name", "slug", "kind", "visibility"]
    extra = 0
    show_change_link = True


@admin.register(Network)
class NetworkAdmin(PortalAdmin):
    list_display = ["name", "kind", "parent", "visibility", "is_open_for_members"]
    list_filter = ["kind", "visibility", "is_open_for_members"]
    search_fields = ["name", "slug", "keywords"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent"]
    filter_horizontal = ["municipalities"]
    inlines = [SubnetworkInline]

    def get_autocomplete_fields(self, request):
        fields = ["parent", "coordinators"]
        if _autocomplete_ready(Organisation):
            fields.append("lead_organisation")
        return fields


@admin.register(WorkingGroup)
class WorkingGroupAdmin(PortalAdmin):
    list_display = ["name", "network", "lead", "is_open"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter), "is_open"]
    search_fields = ["name", "purpose", "network__name"]
    autocomplete_fields = ["network", "lead", "members"]
    list_select_related = ["network", "lead"]


@admin.register(WorkingGroupResult)
class WorkingGroupResultAdmin(PortalAdmin):
    list_display = ["title", "working_group", "for_plenary", "created_at"]
    list_filter = ["for_plenary"]
    search_fields = ["title", "text", "working_group__name"]
    autocomplete_fields = ["working_group", "created_by"]
    raw_id_fields = ["presented_at"]


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(PortalAdmin):
    list_display = ["title", "network", "signed_on", "valid_until", "review_date"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "summary", "parties__name"]
    date_hierarchy = "review_date"

    def get_autocomplete_fields(self, request):
        fields = ["network"]
        if _autocomplete_ready(Organisation):
            fields.append("parties")
        return fields


@admin.register(Measure)
class MeasureAdmin(PortalAdmin):
    list_display = ["title", "network", "responsible_person", "due_date", "status"]
    list_filter = ["status", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "description", "network__name"]
    autocomplete_fields = ["network", "responsible_person"]
    raw_id_fields = ["meeting", "responsible_organisation"]
    list_select_related = ["network", "responsible_person"]
