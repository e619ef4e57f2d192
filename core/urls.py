from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "core"

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that name no icon (Django admin).
    path("favicon.ico", RedirectView.as_view(url="/static/favicon.svg"), name="favicon"),
    path("profile/", views.profile, name="profile"),
    path("language/", views.set_language, name="set_language"),
    path("impressum/", views.legal_page, {"kind": "imprint"}, name="imprint"),
    path("datenschutz/", views.legal_page, {"kind": "privacy"}, name="privacy"),
    path("barrierefreiheit/", views.legal_page, {"kind": "accessibility"}, name="accessibility"),
    path("privacy/consent/", views.privacy_consent, name="privacy_consent"),
]
