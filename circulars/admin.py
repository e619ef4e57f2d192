"""Django admin for site admins: circulars are read here (they are written and sent in the
portal, through the preview that names their recipients); each network's setting is edited."""

from django.contrib import admin

from core.admin import PortalAdmin

from .models import Circular, CircularAttachment, NetworkCircularSettings


class CircularAttachmentInline(admin.TabularInline):
    model = CircularAttachment
    fields = ["name"]
    readonly_fields = ["name"]
    extra = 0
    can_delete = False


@admin.register(Circular)
class CircularAdmin(PortalAdmin):
    list_display = ["subject", "network", "audience", "status", "sent_at", "recipient_count"]
    list_filter = ["status", "audience"]
    search_fields = ["subject", "network__name"]
    date_hierarchy = "sent_at"
    inlines = [CircularAttachmentInline]
    readonly_fields = [
        "network",
        "audience",
        "working_group",
        "meeting",
        "subject",
        "text",
        "status",
        "created_by",
        "reply_to",
        "created_at",
        "sent_at",
        "recipient_count",
        "organisation_count",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(NetworkCircularSettings)
class NetworkCircularSettingsAdmin(PortalAdmin):
    list_display = ["network", "mandatory"]
    list_filter = ["mandatory"]
    autocomplete_fields = ["network"]
