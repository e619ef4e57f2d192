"""Mounted under /networks/<slug>/circulars/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "circulars"

urlpatterns = [
    path("", views.archive, name="archive"),
    path("new/", views.create, name="create"),
    path("settings/", views.circular_settings, name="settings"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/preview/", views.preview, name="preview"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
]
