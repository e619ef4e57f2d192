"""Sessions and re-authentication before sensitive changes."""

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from core.security import reauthentication_required  # noqa: F401 - the shared decorator

from .factories import UserFactory

PASSWORD = "correct-horse-battery"


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.org")


def login(email=None):
    client = Client(HTTP_USER_AGENT="Firefox")
    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_sessions_page_is_in_the_account_menu_and_ends_other_sessions(alice):
    office = login("alice@example.org")
    home = login("alice@example.org")
    assert UserSession.objects.filter(user=alice).count() == 2
    profile = office.get(reverse("pages:my_data")).content.decode()
    assert 'href="/accounts/sessions/"' in profile
    page = office.get(reverse("usersessions_list"))
    assert page.status_code == 200
    response = office.post(reverse("usersessions_list"))  # "sign out other sessions"
    assert response.status_code == 302
    assert UserSession.objects.filter(user=alice).count() == 1
    assert home.get(reverse("pages:dashboard")).status_code == 302  # ended
    assert office.get(reverse("pages:dashboard")).status_code == 200


def test_changing_the_email_address_asks_for_the_password(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "alice.neu@example.org"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_changing_the_password_needs_the_old_one(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "wrong-one-123",
            "password1": "N3ues-Passwort!",
            "password2": "N3ues-Passwort!",
        },
    )
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
