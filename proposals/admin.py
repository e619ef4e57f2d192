from django.contrib import admin

from core.admin import PortalAdmin

from .models import Proposal, ProposalMove, Stage


@admin.register(Stage)
class StageAdmin(PortalAdmin):
    """Each network's decision path: site admins adjust names, order and kinds here."""

    list_display = ["name", "network", "position", "kind"]
    list_editable = ["position", "kind"]
    list_filter = ["kind", "network"]
    search_fields = ["name", "network__name"]
    list_select_related = ["network"]
    ordering = ["network__name", "position"]


class ProposalMoveInline(admin.TabularInline):
    model = ProposalMove
    extra = 0
    fields = ["date", "from_stage", "to_stage", "note", "decision_reference", "by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # moves go through the portal, so the followers hear of them


@admin.register(Proposal)
class ProposalAdmin(PortalAdmin):
    list_display = ["title", "network", "stage", "planning_region", "created_at"]
    list_filter = ["network", "stage__kind"]
    search_fields = ["title", "text"]
    list_select_related = ["network", "stage", "planning_region"]
    readonly_fields = ["stage", "created_at", "moved_at", "meeting", "agenda_item"]
    autocomplete_fields = ["author", "organisation", "planning_region", "source_result"]
    inlines = [ProposalMoveInline]
