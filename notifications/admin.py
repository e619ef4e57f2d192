from django.contrib import admin

from .models import NotificationSettings, OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "to_email", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to_email", "key", "subject", "reference"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]


@admin.register(NotificationSettings)
class NotificationSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "meeting_reminders", "topic_calls", "measure_reminders"]
    search_fields = ["user__email", "user__name"]
    raw_id_fields = ["user"]
