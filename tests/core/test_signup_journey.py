"""Acceptance 3: a newcomer signs up, confirms the mail, logs in and switches language."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from core.models import User
from notifications.models import OutgoingMail

PASSWORD = "Kooperation-Wesel-2026"


def _confirmation_path(message) -> str:
    match = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_newcomer_signs_up_confirms_logs_in_and_switches_to_english(page, axe_check, live_server):
    page.goto("/")
    axe_check(page)
    page.get_by_role("link", name="Registrieren").first.click()

    expect(page.locator("h1")).to_have_text("Registrieren")
    axe_check(page)
    page.get_by_label("Ihr Name").fill("Jana Jugendhilfe")
    page.get_by_label("E-Mail-Adresse").fill("jana@traeger-wesel.example")
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_label("Ich habe die Datenschutzerklärung gelesen").check()
    page.get_by_role("button", name="Registrieren").click()

    # Mandatory verification: no login yet, a page that tells the user to check the inbox.
    expect(page.locator("h1")).to_have_text("Bestätigen Sie Ihre E-Mail-Adresse")
    axe_check(page)
    user = User.objects.get(email="jana@traeger-wesel.example")
    assert user.name == "Jana Jugendhilfe"
    assert user.privacy_consent_at is not None
    assert user.preferred_language == "de"

    # The mail went through the outbox and was delivered, in German.
    assert OutgoingMail.objects.filter(to_email=user.email, status="sent").count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jana@traeger-wesel.example"]
    assert message.subject == "[Netzwerkportal] Bitte bestätigen Sie Ihre E-Mail-Adresse"
    host = urlsplit(live_server.url).netloc
    assert f"ein Konto bei {host} zu registrieren" in message.body
    assert "Guten Tag vom Netzwerkportal Jugendhilfe!" in message.body
    page.goto(_confirmation_path(message))

    expect(page.locator("h1")).to_have_text("E-Mail-Adresse bestätigen")
    axe_check(page)
    page.get_by_role("button", name="Bestätigen").click()
    expect(page.locator(".alert").first).to_contain_text(
        "Sie haben die Adresse jana@traeger-wesel.example bestätigt."
    )
    axe_check(page)

    # Log out and in again with the new password.
    page.get_by_role("button", name="Ausloggen").click()
    expect(page.get_by_text("Sie haben sich ausgeloggt.")).to_be_visible()
    page.get_by_role("link", name="Einloggen").first.click()
    expect(page.locator("h1")).to_have_text("Einloggen")
    axe_check(page)
    page.get_by_label("E-Mail-Adresse").fill("jana@traeger-wesel.example")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Einloggen").click()

    expect(page.locator("h1")).to_have_text("Willkommen, Jana Jugendhilfe")
    assert page.locator("html").get_attribute("lang") == "de"
    axe_check(page)

    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Welcome, Jana Jugendhilfe")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    axe_check(page)
    user.refresh_from_db()
    assert user.preferred_language == "en"
