"""A new version of the privacy notice asks logged-in users again."""

import pytest
from django.urls import reverse

from .factories import UserFactory


@pytest.fixture(autouse=True)
def consent_required(settings):
    settings.PRIVACY_CONSENT_REQUIRED = True
    settings.PRIVACY_NOTICE_VERSION = "2027-01"


def test_user_with_an_older_version_is_asked_again(client, db):
    alice = UserFactory(privacy_consent_version="2026-11")
    client.force_login(alice)
    response = client.get(reverse("pages:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == "/privacy/consent/?next=%2Fdashboard%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Wir haben unsere Datenschutzerklärung geändert" in page


def test_accepting_stores_the_version_and_returns_to_the_page(client, db):
    alice = UserFactory(privacy_consent_version="2026-11")
    client.force_login(alice)
    response = client.post(
        reverse("core:privacy_consent"), {"privacy_consent": "on", "next": "/profile/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/profile/"
    alice.refresh_from_db()
    assert alice.privacy_consent_version == "2027-01"
    assert alice.privacy_consent_at is not None
    assert client.get(reverse("pages:dashboard")).status_code == 200


def test_not_ticking_the_box_shows_a_german_error(client, db):
    alice = UserFactory(privacy_consent_version="2026-11")
    client.force_login(alice)
    response = client.post(reverse("core:privacy_consent"), {})
    assert response.status_code == 200
    assert "Bitte stimmen Sie der Datenschutzerklärung zu" in response.content.decode()
    alice.refresh_from_db()
    assert alice.privacy_consent_version == "2026-11"


def test_next_cannot_lead_to_another_site(client, db):
    client.force_login(UserFactory(privacy_consent_version=""))
    response = client.post(
        reverse("core:privacy_consent"),
        {"privacy_consent": "on", "next": "https://evil.example.com/"},
    )
    assert response["Location"] == "/dashboard/"


def test_current_version_and_visitors_are_not_asked(client, db):
    assert client.get(reverse("pages:home")).status_code == 200
    client.force_login(UserFactory(privacy_consent_version="2027-01"))
    assert client.get(reverse("pages:dashboard")).status_code == 200


def test_privacy_notice_and_logout_stay_reachable(client, db):
    client.force_login(UserFactory(privacy_consent_version="2026-11"))
    assert client.get(reverse("core:privacy")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
