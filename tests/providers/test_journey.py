"""Acceptance 1: register an organisation, add an offer, invite a colleague who accepts;
an anonymous visitor finds the offer in the directory. axe-core on every page visited."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from core.models import User
from providers import services
from providers.models import Organisation, OrganisationMember

from .factories import UserFactory

PASSWORD = "Kooperation-Nettetal-2026"


def _path_in(message, pattern) -> str:
    match = re.search(pattern, message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


# allauth's own pages are driven by field ids and the form's submit button, so that a
# change of their wording (another team's catalogue) does not break this journey.
def _submit(page):
    page.locator("main form button[type=submit]").last.click()


def _log_out(page):
    page.locator("header form[action='/accounts/logout/'] button").click()
    if "/accounts/logout/" in page.url:  # allauth asks for confirmation on GET only
        _submit(page)
    expect(page.locator("header form[action='/accounts/logout/']")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_register_offer_invite_and_find_in_the_directory(page, axe_check, site_url):
    UserFactory(email="anna@familienhilfe.example", name="Anna Admin", password=PASSWORD)

    # Anna logs in and registers her organisation.
    page.goto("/accounts/login/?next=/providers/mine/")
    page.locator("#id_login").fill("anna@familienhilfe.example")
    page.locator("#id_password").fill(PASSWORD)
    _submit(page)
    expect(page.locator("h1")).to_have_text("Meine Organisationen")
    axe_check(page)
    page.get_by_role("link", name="Organisation registrieren").click()
    expect(page.locator("h1")).to_have_text("Organisation registrieren")
    axe_check(page)
    page.get_by_label("Name").first.fill("Familienhilfe Nettetal e. V.")
    page.locator("#id_kind").select_option(label="Freier Träger")
    page.get_by_label("Rechtsform").select_option(label="eingetragener Verein (e. V.)")
    page.get_by_label("Frühe Hilfen").check()
    page.get_by_label("Versorgte Kommunen").select_option(label="Nettetal (Kreis Viersen)")
    page.get_by_label("Ihre Funktion in der Organisation").fill("Geschäftsführung")
    page.get_by_role("button", name="Organisation registrieren").click()

    expect(page.locator("h1")).to_have_text("Familienhilfe Nettetal e. V.")
    expect(page.locator(".alert-success")).to_contain_text("registriert")
    axe_check(page)
    organisation = Organisation.objects.get(name="Familienhilfe Nettetal e. V.")
    assert organisation.is_verified is False
    assert organisation.members.get().role == OrganisationMember.Role.ADMIN

    # She adds an offer for families with children 0–3 in Nettetal.
    page.get_by_role("link", name="Angebot hinzufügen", exact=True).click()
    expect(page.locator("h1")).to_have_text("Angebot hinzufügen")
    axe_check(page)
    page.get_by_label("Titel").fill("Babytreff Lobberich")
    page.get_by_label("Beschreibung").fill("Offener Treff für Eltern mit Babys, jeden Dienstag.")
    page.get_by_label("Familien mit Kindern von 0 bis 3 Jahren").check()
    page.get_by_label("Alter ab (Jahre)").fill("0")
    page.get_by_label("Alter bis (Jahre)").fill("3")
    page.get_by_label("Kommunen", exact=True).select_option(label="Nettetal (Kreis Viersen)")
    page.get_by_role("button", name="Angebot speichern").click()
    expect(page.locator(".alert-success")).to_contain_text("hinzugefügt")
    expect(page.get_by_role("heading", name="Babytreff Lobberich")).to_be_visible()
    axe_check(page)

    # She invites a colleague.
    page.get_by_role("link", name="Personen und Einladungen").click()
    expect(page.locator("h1")).to_have_text("Personen bei Familienhilfe Nettetal e. V.")
    axe_check(page)
    page.get_by_role("link", name="Kollegin oder Kollegen einladen").click()
    axe_check(page)
    page.get_by_label("E-Mail-Adresse Ihrer Kollegin oder Ihres Kollegen").fill(
        "ben@familienhilfe.example"
    )
    page.get_by_role("button", name="Einladung senden").click()
    expect(page.locator(".alert-success")).to_contain_text("ben@familienhilfe.example")
    axe_check(page)
    invitation_mail = next(m for m in mail.outbox if m.to == ["ben@familienhilfe.example"])
    invitation_path = _path_in(invitation_mail, r"https?://\S+/providers/invitations/\S+/")
    _log_out(page)

    # Ben opens the link, signs up with the invited address, confirms it and accepts.
    page.goto(invitation_path)
    expect(page.locator("h1")).to_have_text("Einladung zu Familienhilfe Nettetal e. V.")
    axe_check(page)
    page.get_by_role("main").get_by_role("link", name="Registrieren").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    page.locator("#id_name").fill("Ben Kollege")
    page.locator("#id_email").fill("ben@familienhilfe.example")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_privacy_consent").check()
    _submit(page)
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    confirmation = next(
        m for m in mail.outbox if m.to == ["ben@familienhilfe.example"] and m is not invitation_mail
    )
    page.goto(_path_in(confirmation, r"https?://\S+/accounts/confirm-email/\S+/"))
    _submit(page)
    expect(page.locator("header form[action='/accounts/logout/']")).to_have_count(1)

    page.goto(invitation_path)
    expect(page.locator("h1")).to_have_text("Einladung zu Familienhilfe Nettetal e. V.")
    axe_check(page)
    page.get_by_role("button", name="Einladung annehmen").click()
    expect(page.locator(".alert-success")).to_contain_text("Willkommen")
    expect(page.get_by_text("Sie gehören zu dieser Organisation (Mitarbeitende).")).to_be_visible()
    axe_check(page)
    ben = User.objects.get(email="ben@familienhilfe.example")
    assert organisation.members.get(user=ben).role == OrganisationMember.Role.STAFF
    page.goto("/providers/mine/")
    expect(page.get_by_role("link", name="Familienhilfe Nettetal e. V.")).to_be_visible()
    axe_check(page)
    _log_out(page)

    # The portal team verifies the organisation (Django admin action, tested in test_admin).
    services.organisation_verify(
        organisation=organisation, by=UserFactory(is_superuser=True, is_staff=True)
    )

    # An anonymous visitor filters the directory for Nettetal and the target group.
    page.goto("/providers/")
    expect(page.locator("h1")).to_have_text("Verzeichnis der Träger und Angebote")
    axe_check(page)
    page.get_by_label("Kommune oder Kreis").select_option(label="Nettetal")
    page.get_by_label("Zielgruppe", exact=True).select_option(
        label="Familien mit Kindern von 0 bis 3 Jahren"
    )
    page.get_by_role("button", name="Ergebnisse anzeigen").click()
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text(
        "1 Organisation gefunden."
    )
    expect(page.get_by_role("link", name="Babytreff Lobberich")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Babytreff Lobberich").click()
    expect(page.locator("h1")).to_have_text("Familienhilfe Nettetal e. V.")
    expect(page.get_by_role("heading", name="Babytreff Lobberich")).to_be_visible()
    axe_check(page)
