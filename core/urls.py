from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("language/", views.set_language, name="set_language"),
    path("impressum/", views.legal_page, {"kind": "imprint"}, name="imprint"),
    path("datenschutz/", views.legal_page, {"kind": "privacy"}, name="privacy"),
    path("barrierefreiheit/", views.legal_page, {"kind": "accessibility"}, name="accessibility"),
]
