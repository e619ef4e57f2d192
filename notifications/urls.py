from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("settings/", views.notification_settings, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("meetings/<int:meeting_id>/delivery/", views.meeting_delivery, name="meeting_delivery"),
    path(
        "meetings/<int:meeting_id>/delivery/retry/",
        views.meeting_delivery_retry,
        name="meeting_delivery_retry",
    ),
]
