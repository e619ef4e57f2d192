"""Acceptance 5: login failures end in 429, also via the admin login; X-Forwarded-For
cannot reset the limit."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from .factories import UserFactory

LIMIT = 5  # ACCOUNT_RATE_LIMITS["login_failed"] = "5/5m/ip,5/5m/key"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.org")


def fail_login(client, email="alice@example.org", **headers):
    return client.post(
        reverse("account_login"), {"login": email, "password": "wrong-guess-123"}, headers=headers
    )


def test_repeated_failures_end_in_429(client, alice):
    for _ in range(LIMIT):
        assert fail_login(client).status_code == 200  # the form says: wrong password
    response = fail_login(client)
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    # Even the right password is refused now.
    right = client.post(
        reverse("account_login"),
        {"login": "alice@example.org", "password": "correct-horse-battery"},
    )
    assert right.status_code == 429


def test_admin_login_cannot_be_used_to_guess_passwords(client, alice):
    """/admin/login/ never checks a password itself: it sends everyone to the rate-limited
    portal login, so a brute force against the admin path ends in the same 429."""
    response = client.post(
        "/admin/login/", {"username": "alice@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    login_url = response["Location"]  # /accounts/login/?next=/admin/login/
    statuses = [
        client.post(login_url, {"login": "alice@example.org", "password": f"guess-{n}"}).status_code
        for n in range(LIMIT + 1)
    ]
    assert statuses == [200] * LIMIT + [429]


def test_spoofed_forwarded_for_does_not_reset_the_limit(client, alice):
    """Without trusted proxies (default) the header is ignored entirely."""
    for n in range(LIMIT):
        fail_login(client, email=f"victim{n}@example.org", x_forwarded_for=f"203.0.113.{n}")
    assert (
        fail_login(client, email="other@example.org", x_forwarded_for="198.51.100.7").status_code
        == 429
    )


def test_behind_one_proxy_the_rightmost_address_counts(client, alice, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(LIMIT):
        # The attacker puts anything on the left; our proxy appends the real address.
        fail_login(
            client, email=f"victim{n}@example.org", x_forwarded_for=f"10.0.0.{n}, 192.0.2.50"
        )
    assert (
        fail_login(
            client, email="x@example.org", x_forwarded_for="10.9.9.9, 192.0.2.50"
        ).status_code
        == 429
    )
    # Another client behind the same proxy is not affected.
    assert (
        fail_login(client, email="y@example.org", x_forwarded_for="192.0.2.51").status_code == 200
    )
