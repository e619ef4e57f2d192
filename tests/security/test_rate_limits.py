"""Acceptance 5: login failures end in 429, also via the admin login; X-Forwarded-For
cannot reset the limit. Issue 10: one address is many people, so its budget is far larger
than one account's."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from .factories import UserFactory

# ACCOUNT_RATE_LIMITS["login_failed"] = "100/5m/ip,5/5m/key"
LIMIT = 5  # per account
ADDRESS_LIMIT = 100  # per client address
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.org")


def fail_login(client, email="alice@example.org", address="127.0.0.1", **headers):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": "wrong-guess-123"},
        headers=headers,
        REMOTE_ADDR=address,
    )


def log_in(client, email, address="127.0.0.1"):
    return client.post(
        reverse("account_login"), {"login": email, "password": PASSWORD}, REMOTE_ADDR=address
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
    for n in range(ADDRESS_LIMIT):
        fail_login(
            client, email=f"victim{n}@example.org", x_forwarded_for=f"203.0.{n // 250}.{n % 250}"
        )
    assert (
        fail_login(client, email="other@example.org", x_forwarded_for="198.51.100.7").status_code
        == 429
    )


def test_behind_one_proxy_the_rightmost_address_counts(client, alice, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(ADDRESS_LIMIT):
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


def test_colleagues_mistyping_on_one_address_do_not_lock_out_each_other(client, db):
    """A youth office behind one address (or everyone behind a proxy): many people's typos
    must not keep another person out."""
    UserFactory(email="bob@example.org")
    for n in range(ADDRESS_LIMIT // 2):
        colleague = f"colleague{n}@example.org"
        assert fail_login(client, email=colleague).status_code == 200
        if n % 10 == 0:  # some of them twice
            assert fail_login(client, email=colleague).status_code == 200
    response = log_in(client, "bob@example.org")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_one_account_is_locked_after_five_failures_from_any_address(client, alice):
    UserFactory(email="bob@example.org")
    for n in range(LIMIT):
        assert fail_login(client, address=f"198.51.100.{n}").status_code == 200
    assert fail_login(client, address="198.51.100.99").status_code == 429
    assert log_in(client, "alice@example.org", address="198.51.100.100").status_code == 429
    # The lock is alice's, not the address's: bob logs in from the guesser's address.
    assert log_in(client, "bob@example.org", address="198.51.100.0").status_code == 302


def test_the_address_budget_still_stops_a_flood(client, alice):
    """One client trying passwords on many accounts is stopped after ADDRESS_LIMIT failures,
    whichever account it tries next; other addresses are not affected."""
    flood = "203.0.113.66"
    for n in range(ADDRESS_LIMIT):
        assert fail_login(client, email=f"target{n}@example.org", address=flood).status_code == 200
    assert fail_login(client, email="fresh@example.org", address=flood).status_code == 429
    assert log_in(client, "alice@example.org", address=flood).status_code == 429
    assert log_in(client, "alice@example.org", address="192.0.2.10").status_code == 302
