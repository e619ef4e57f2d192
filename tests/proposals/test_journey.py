"""Acceptance 1 of issue 14: a member submits a proposal, another supports it, the
coordinator moves it through two stages and puts it on the next meeting's agenda; its
followers get exactly one mail per move; axe-core finds nothing on any page visited."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from proposals.models import Proposal
from tests.factories import MeetingFactory
from tests.support.browser import log_in, submit


def visit(page, axe_check, path):
    page.goto(path)
    axe_check(page)


def proposal_mails():
    return sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Antrag „"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_proposal_journey(page, axe_check, site_url, world):
    meeting = MeetingFactory(network=world.ag78, title="Sitzung der AG 78")

    # A member submits a proposal for a social space, from the network page.
    log_in(page, site_url, world.alice)
    visit(page, axe_check, "/networks/ag78/")
    page.get_by_role("link", name="Antrag einreichen").click()
    expect(page.locator("h1")).to_have_text("Antrag einreichen")
    axe_check(page)
    page.get_by_label("Titel").fill("Sozialraumteams in jeder Planungsregion")
    page.get_by_label("Text").fill("Wir schlagen vor, **Sozialraumteams** einzurichten.")
    page.get_by_label("Planungsregion oder Sozialraum (optional)").select_option(
        label="Planungsregion Nord › Sozialraum Alsfeld"
    )
    submit(page, "main button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("Ihr Antrag wurde eingereicht")
    expect(page.locator("main strong").first).to_have_text("Sozialraumteams")
    axe_check(page)
    proposal = Proposal.objects.get()

    # Another member finds it in the list and supports it.
    log_in(page, site_url, world.bob)
    visit(page, axe_check, "/networks/ag78/proposals/")
    page.get_by_role("link", name="Sozialraumteams in jeder Planungsregion").click()
    axe_check(page)
    submit(page, "main button:has-text('Unterstützen')")
    expect(page.locator(".alert-success")).to_contain_text("Sie unterstützen diesen Antrag")
    expect(page.get_by_text("Bob Beistand")).to_be_visible()
    axe_check(page)
    assert proposal_mails() == []

    # The coordinator looks at the network's decision path, then moves the proposal through
    # two stages, each with a dated note.
    log_in(page, site_url, world.kim)
    visit(page, axe_check, "/networks/ag78/proposals/")
    page.get_by_role("link", name="Entscheidungsweg").click()
    expect(page.locator("h1")).to_have_text("Entscheidungsweg")
    axe_check(page)
    for stage, note in [
        ("in der Steuerungsgruppe", "In der Steuerungsgruppe am 20.11. vorgestellt."),
        ("in der AG 78 beraten", "Die AG 78 empfiehlt die Vorlage an den Ausschuss."),
    ]:
        mail.outbox.clear()
        visit(page, axe_check, proposal.get_absolute_url())
        page.get_by_role("link", name="Weitergeben oder Entscheidung erfassen").click()
        axe_check(page)
        page.get_by_label("Neue Stufe").select_option(label=stage)
        page.get_by_label("Anmerkung").fill(note)
        submit(page, "main button[type=submit]")
        expect(page.locator(".alert-success")).to_contain_text(f"in der Stufe „{stage}“")
        expect(page.get_by_text(note)).to_be_visible()
        axe_check(page)
        # Exactly one mail per follower: the author and the supporter.
        assert proposal_mails() == ["alice@example.org", "bob@example.org"]
        assert all(note in m.body for m in mail.outbox)

    # … and puts it on the next meeting's agenda.
    page.get_by_role("link", name="Auf die Tagesordnung eines Treffens setzen").click()
    axe_check(page)
    submit(page, "main button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("Sitzung der AG 78")
    expect(page.get_by_role("link", name="Sitzung der AG 78")).to_be_visible()
    axe_check(page)
    visit(page, axe_check, f"/meetings/{meeting.pk}/agenda/")
    expect(page.get_by_text("Sozialraumteams in jeder Planungsregion")).to_be_visible()

    # The history is on the proposal's page for every member.
    log_in(page, site_url, world.alice)
    visit(page, axe_check, proposal.get_absolute_url())
    expect(page.get_by_text("weitergegeben: „in der AG 78 beraten“")).to_be_visible()
    expect(page.get_by_role("link", name="Sitzung der AG 78")).to_be_visible()
    visit(page, axe_check, "/networks/ag78/proposals/?stage=&region=" + str(world.north.pk))
    expect(page.get_by_role("link", name="Sozialraumteams in jeder Planungsregion")).to_be_visible()
