from django.contrib import admin

from core.admin import PortalAdmin

from .models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(PortalAdmin):
    list_display = ["title", "network", "visibility", "published_at"]
    list_filter = ["visibility", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "text", "network__name"]
    list_select_related = ["network"]
    readonly_fields = ["created_by", "updated_at"]
    autocomplete_fields = ["network"]
    # A linked meeting is chosen in the portal, where case conferences are never offered.
    exclude = ["meeting"]
