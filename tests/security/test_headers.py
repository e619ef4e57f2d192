"""Acceptance 6: security headers on every page of the matrix, with production settings."""

import re

import pytest

from .matrix_fixtures import ROLES, Redirect, build_world
from .test_permission_matrix import MATRIX, MATRIX_URLS, url_for

PAGES = MATRIX_URLS


def role_that_sees(name):
    """The first role for which the page answers 200; else the first role at all."""
    expect = MATRIX[name].expect
    return next((role for role in ROLES if expect[role] == 200), ROLES[0])


@pytest.fixture
def production(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True


def header_problems(response) -> list[str]:
    problems = []
    csp = response.get("Content-Security-Policy", "")
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        if directive not in csp:
            problems.append(f"CSP lacks {directive}")
    if "'unsafe-inline'" in csp:
        problems.append("CSP allows unsafe-inline")
    expected = {
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
    }
    for header, value in expected.items():
        if response.get(header) != value:
            problems.append(f"{header}: {response.get(header)!r}")
    if "camera=()" not in response.get("Permissions-Policy", ""):
        problems.append("Permissions-Policy missing")
    if response.get("Content-Type", "").startswith("text/html") and response.status_code == 200:
        html = response.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", csp)
        scripts = re.findall(r"<script\b[^>]*>", html)
        # Whole pages load their scripts with the nonce; fragments (htmx answers) have none.
        if "<html" in html and (not scripts or nonce is None):
            problems.append("no nonce or no scripts")
        problems += [
            f"script without nonce: {t}" for t in scripts if nonce and nonce.group(1) not in t
        ]
        if re.search(r"<[a-z][^>]*\sstyle=", html):
            problems.append("inline style attribute (blocked by the CSP)")
        if re.search(r"<[a-z][^>]*\son[a-z]+=", html):
            problems.append("inline event handler (blocked by the CSP)")
    return problems


# Every page of the permission matrix, seen by a role that gets it (200 where possible),
# in one test so that the world is built once.
def test_security_headers_on_every_page(client, db, production):
    world = build_world()
    failures = []
    for name in PAGES:
        role = role_that_sees(name)
        client.logout()
        if role != "anonymous":
            client.force_login(world.users[role])
        response = client.get(url_for(name, world), secure=True)
        expected = MATRIX[name].expect[role]
        if response.status_code != (302 if isinstance(expected, Redirect) else expected):
            failures.append(f"{name} as {role}: status {response.status_code}")
        failures += [f"{name} as {role}: {problem}" for problem in header_problems(response)]
    assert len(PAGES) > 10
    assert not failures, "\n".join(failures)


def test_session_and_csrf_cookies_are_secure_httponly_samesite(client, db, production):
    from .factories import UserFactory

    UserFactory(email="alice@example.org")
    page = client.get("/accounts/login/", secure=True)
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/accounts/login/",
        {"login": "alice@example.org", "password": "correct-horse-battery"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_production_settings_are_strict():
    """The production settings module itself, without an environment (values required)."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "portal.example.org",
        "SITE_URL": "https://portal.example.org",
        "TRUSTED_PROXY_COUNT": "0",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, s.X_FRAME_OPTIONS, "
        "s.SECURE_CONTENT_TYPE_NOSNIFF, s.SECURE_REFERRER_POLICY, s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert output == [
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "DENY",
        "True",
        "same-origin",
        "0",
    ]
