from django.contrib import admin

from core.admin import PortalAdmin

from .models import Answer, Post, Report


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["author", "organisation", "text", "created_at"]
    readonly_fields = fields


class ReportInline(admin.TabularInline):
    model = Report
    extra = 0
    fields = ["reported_by", "reason", "created_at"]
    readonly_fields = fields


@admin.register(Post)
class PostAdmin(PortalAdmin):
    """Posts are written in the portal; the admin shows them with answers and reports.
    Hiding goes through the portal (``/pinboard/<id>/hide/``), which writes the audit log."""

    list_display = ["title", "organisation", "kind", "direction", "expires_on", "done_at"]
    list_filter = ["kind", "direction"]
    search_fields = ["title", "text", "organisation__name"]
    list_select_related = ["organisation"]
    readonly_fields = ["created_by", "created_at", "done_at", "hidden_at", "hidden_by"]
    autocomplete_fields = ["organisation", "networks"]
    inlines = [AnswerInline, ReportInline]
