"""Acceptance 2 in the browser: the report page and the meeting page with its documents pass
axe-core; the charts' tables open for whoever prefers reading to looking."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.network.test_browser_journey import log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_coordinator_finds_and_reads_the_report(page, axe_check):
    call_command("load_demo", stdout=io.StringIO())
    training = Meeting.objects.get(certifiable=True, status="held")
    log_in(page, "freiraumwohnung@example.org")
    page.goto("/networks/traegerverbund-kreis-wesel/")
    axe_check(page)
    page.get_by_role("link", name="Netzwerkbericht").click()
    expect(page.locator("h1")).to_have_text("Netzwerkbericht")
    expect(page.get_by_role("img", name="Anwesende Personen je Monat")).to_be_visible()
    axe_check(page)
    page.get_by_text("Anwesende Organisationen nach Bereich: die Zahlen als Tabelle").click()
    expect(page.locator("#chart-sectors-table")).to_be_visible()
    page.get_by_label("Teilnetzwerke einbeziehen").check()
    page.get_by_role("button", name="Bericht anzeigen").click()
    expect(page.locator("p.lead")).to_contain_text("mit Teilnetzwerken")
    axe_check(page)
    page.goto(f"/meetings/{training.pk}/")
    expect(page.get_by_role("link", name="Teilnahmeliste (PDF)")).to_be_visible()
    axe_check(page)
