"""Helpers for browser journeys (Playwright pages from the ``page`` fixture)."""

from django.conf import settings
from django.test import Client


def log_in(page, site_url, user):
    """Give the browser a session of ``user`` without going through the login form."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site_url,
            }
        ]
    )


def submit(page, selector):
    """Click a submit button and wait until the answer page has loaded."""
    with page.expect_navigation():
        page.click(selector)
