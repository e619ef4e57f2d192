"""Issue 14 in the browser: a visitor finds the news on the home page, a member answers a
stand-in request on the pinboard and the poster gets the answer by mail, the poster offers
job-shadowing places and closes a post, a coordinator publishes news. No axe violations."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from demo.data import DEMO_PASSWORD
from pinboard.models import Post

NETWORK = "/networks/traegerverbund-kreis-wesel/"
NEWS_TITLE = "Nächstes Kooperations-Treffen in Schermbeck – interessierte Träger willkommen"
STAND_IN = "Vertretung in der ambulanten Erziehungshilfe gesucht"


def log_in(page, email):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Einloggen").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_news_and_pinboard_journey(page, axe_check, django_capture_on_commit_callbacks):
    call_command("load_demo", stdout=io.StringIO())
    mail.outbox.clear()

    # A visitor: the home page shows meetings, news, open networks and the directory search.
    page.goto("/")
    expect(page.locator("h1")).to_have_count(1)
    expect(
        page.get_by_role("heading", name="Netzwerke, die neue Mitglieder suchen")
    ).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name=NEWS_TITLE).click()
    expect(page.locator("h1")).to_have_text(NEWS_TITLE)
    expect(page.get_by_role("link", name="Mitgliedschaft beantragen")).to_be_visible()
    axe_check(page)
    page.goto(NETWORK)
    expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).to_have_count(1)
    expect(page.get_by_text("Vertretungsliste für Notfälle")).to_have_count(0)  # members only
    axe_check(page)
    page.goto("/")
    page.get_by_label("Was suchen Sie?").fill("Erziehungshilfe")
    page.get_by_role("button", name="Im Verzeichnis suchen").click()
    page.wait_for_url("**/providers/?q=Erziehungshilfe")

    # A member of the alliance answers the stand-in request.
    log_in(page, "kiz@example.org")
    page.goto(NETWORK)
    page.get_by_role("link", name="Pinnwand öffnen").click()
    expect(page.locator("h1")).to_contain_text("Pinnwand")
    axe_check(page)
    page.goto("/pinboard/")
    axe_check(page)
    page.get_by_role("link", name=STAND_IN).click()
    expect(page.locator("h1")).to_have_text(STAND_IN)
    axe_check(page)
    page.get_by_role("link", name="Antworten", exact=True).click()
    axe_check(page)
    page.get_by_label("Ihre Antwort").fill(
        "Wir haben ab Montag eine Fachkraft für Schermbeck frei."
    )
    page.get_by_role("button", name="Antwort senden").click()
    expect(page.locator(".alert-success")).to_contain_text("Ihre Antwort wurde")
    axe_check(page)
    to_poster = [m for m in mail.outbox if m.to == ["freiraumwohnung@example.org"]]
    assert to_poster and "ab Montag eine Fachkraft" in to_poster[-1].body
    assert "kiz@example.org" in to_poster[-1].extra_headers["Reply-To"]

    # The poster offers job-shadowing places and closes the stand-in request.
    log_in(page, "freiraumwohnung@example.org")
    page.goto("/pinboard/new/")
    expect(
        page.get_by_text("Keine personenbezogenen Daten über Klientinnen und Klienten.")
    ).to_be_visible()
    axe_check(page)
    page.get_by_label("Kooperation ambulanter Jugendhilfeträger Kreis Wesel").check()
    page.get_by_label("Gesuch oder Angebot").select_option("offer")
    page.locator("#id_kind").select_option("job_shadowing")
    page.locator("#id_title").fill("Hospitation in der Wohngruppe")
    page.locator("#id_text").fill("Zwei Tage im März, gern für Berufseinsteigende.")
    page.get_by_role("button", name="Einstellen").click()
    expect(page.locator("h1")).to_have_text("Hospitation in der Wohngruppe")
    axe_check(page)
    stand_in = Post.objects.get(title=STAND_IN)
    page.goto(stand_in.get_absolute_url())
    expect(page.get_by_text("ab Montag eine Fachkraft")).to_be_visible()  # the answers
    page.get_by_role("link", name="Als erledigt markieren").click()
    axe_check(page)
    page.get_by_role("button", name="Als erledigt markieren").click()
    expect(page.locator(".alert-success")).to_be_visible()
    page.goto(stand_in.organisation.get_absolute_url())
    page.get_by_role("link", name="Pinnwand-Beiträge Ihrer Organisation").click()
    expect(page.get_by_role("link", name=STAND_IN)).to_be_visible()
    axe_check(page)

    # The coordinator publishes news for members.
    log_in(page, "koordination@example.org")
    page.goto(NETWORK)
    page.get_by_role("link", name="Neuigkeit veröffentlichen").click()
    axe_check(page)
    page.locator("#id_title").fill("Fortbildung Kinderschutz im Frühjahr")
    page.locator("#id_text").fill("Anmeldung bis **Ende Januar**.")
    page.locator("#id_visibility").select_option("members")
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.locator("h1")).to_have_text("Fortbildung Kinderschutz im Frühjahr")
    axe_check(page)
    page.goto("/news/")
    axe_check(page)
