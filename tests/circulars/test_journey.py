"""Acceptance 2 of issue 13: a coordinator sends a circular with a PDF attachment to a network
with a sub-network; each representative gets one mail with Reply-To; a member of another
network gets nothing and cannot open the circular or its attachment (404); the archive lists
it. Zero axe violations on every page visited."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from circulars.models import Circular
from tests.meetings.factories import NetworkFactory, UserFactory, member_of
from tests.support.browser import log_in, submit

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def visit(page, axe_check, path):
    page.goto(path)
    axe_check(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_circular_journey(page, axe_check, site_url):
    county = NetworkFactory(
        name="Frühe Hilfen und Kinderschutz Hochsauerlandkreis",
        slug="fruehe-hilfen-hsk",
        visibility="members",
        contact_email="",
    )
    olsberg = NetworkFactory(
        name="Frühe Hilfen Olsberg", slug="fruehe-hilfen-olsberg", parent=county
    )
    kira = UserFactory(name="Kira Koordination", email="kira@example.org")
    county.coordinators.add(kira)
    anna = member_of(county, name="Anna")
    carl = member_of(county, name="Carl")
    bert = member_of(olsberg, name="Bert")
    olga = member_of(NetworkFactory(name="Trägerverbund Kreis Wesel"), name="Olga")

    # The coordinator writes the circular from the network page.
    log_in(page, site_url, kira)
    visit(page, axe_check, f"/networks/{county.slug}/")
    page.get_by_role("link", name="Rundschreiben verfassen").click()
    expect(page.locator("h1")).to_have_text("Rundschreiben verfassen")
    axe_check(page)
    page.get_by_label("die Mitglieder des Netzwerks und seiner Teilnetzwerke").check()
    page.get_by_label("Betreff").fill("Fachtag Kinderschutz am 12. März")
    page.get_by_label("Text").fill(
        "Liebe Kolleginnen und Kollegen,\n\nbitte merken Sie sich den **Fachtag** vor."
    )
    page.set_input_files(
        "[name=attachments]",
        files=[{"name": "programm.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    submit(page, "main button[type=submit]")

    # The preview says how many people from how many organisations get it.
    expect(page.locator("h1")).to_have_text("Rundschreiben prüfen und versenden")
    expect(
        page.get_by_text("Das Rundschreiben geht an 3 Personen aus 3 Organisationen.")
    ).to_be_visible()
    axe_check(page)
    assert mail.outbox == []
    page.get_by_role("button", name="Rundschreiben jetzt versenden").click()
    expect(page.locator(".alert-success")).to_contain_text("an 3 Personen versendet")
    expect(page.locator("h1")).to_have_text("Fachtag Kinderschutz am 12. März")
    axe_check(page)
    circular = Circular.objects.get()
    attachment = circular.attachments.get()
    detail = f"/networks/{county.slug}/circulars/{circular.pk}/"
    file_url = f"{detail}attachments/{attachment.pk}/"

    # Each representative gets exactly one mail, with Reply-To the coordinator.
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([anna.email, carl.email, bert.email])
    for message in mail.outbox:
        assert message.extra_headers["Reply-To"] == "kira@example.org"
        assert "programm.pdf" in message.body
        assert f"{site_url}{detail}" in message.body
    assert olga.email not in recipients

    # A member of another network gets nothing and cannot open the circular or the file.
    log_in(page, site_url, olga)
    for path in (detail, file_url, f"/networks/{county.slug}/circulars/"):
        assert page.request.get(path).status == 404, path

    # A representative of the sub-network finds it in the archive and opens the attachment.
    log_in(page, site_url, bert)
    visit(page, axe_check, f"/networks/{county.slug}/circulars/")
    page.get_by_role("link", name="Fachtag Kinderschutz am 12. März").click()
    expect(page.get_by_text("bitte merken Sie sich den")).to_be_visible()
    axe_check(page)
    response = page.request.get(file_url)
    assert response.status == 200
    assert response.body() == PDF

    # The overview shows it as new; the notification settings offer the network's switch.
    visit(page, axe_check, "/dashboard/")
    expect(page.get_by_role("link", name="Fachtag Kinderschutz am 12. März")).to_be_visible()
    visit(page, axe_check, "/notifications/settings/")
    expect(page.get_by_label(county.name)).to_be_checked()

    # The coordinator's archive lists it too.
    log_in(page, site_url, kira)
    visit(page, axe_check, f"/networks/{county.slug}/circulars/")
    expect(page.get_by_role("link", name="Fachtag Kinderschutz am 12. März")).to_be_visible()
    visit(page, axe_check, "/dashboard/")
