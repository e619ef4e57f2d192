"""Coordinators and site admins must set up TOTP before they can act; others may."""

import pytest
from django.urls import reverse

from .factories import NetworkFactory, UserFactory, add_totp

SETUP = "/accounts/2fa/totp/activate"


@pytest.fixture(autouse=True)
def mfa_enforced(settings):
    settings.MFA_REQUIRED_FOR_COORDINATORS = True


@pytest.fixture
def kim(db):
    kim = UserFactory(email="kim@example.org", name="Kim Koordination")
    NetworkFactory().coordinators.add(kim)
    return kim


def test_coordinator_without_totp_is_sent_to_the_setup(client, kim):
    client.force_login(kim)
    response = client.get(reverse("pages:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert response["Location"].startswith(SETUP)


def test_site_admin_without_totp_cannot_open_django_admin(client, db):
    root = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(root)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_coordinator_with_totp_passes(client, kim):
    add_totp(kim)
    client.force_login(kim)
    assert client.get(reverse("pages:dashboard")).status_code == 200


def test_the_setup_page_logout_and_legal_pages_stay_reachable(client, kim):
    client.force_login(kim)
    assert client.get(reverse("mfa_activate_totp")).status_code in (200, 302)
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("core:privacy")).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(reverse("pages:dashboard")).status_code == 302  # logged out now


def test_member_without_totp_is_not_asked(client, db):
    bob = UserFactory()
    client.force_login(bob)
    assert client.get(reverse("pages:dashboard")).status_code == 200


def test_coordinator_can_activate_totp_and_then_act(client, kim):
    """The whole set-up: the activation page shows a secret, a valid code activates it."""
    from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time

    client.force_login(kim)
    # Setting up a second factor asks for the password first (re-authentication).
    response = client.get(reverse("mfa_activate_totp"))
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/reauthenticate/")
        response = client.post(
            response["Location"], {"password": "correct-horse-battery"}, follow=True
        )
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    code = hotp_value(secret, next(yield_hotp_counters_from_time()))
    response = client.post(reverse("mfa_activate_totp"), {"code": f"{code:06d}"})
    assert response.status_code == 302
    assert client.get(reverse("pages:dashboard")).status_code == 200
